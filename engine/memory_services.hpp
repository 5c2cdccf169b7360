// MemoryServices: what statements need from the memory beyond its store —
// the commit path (write-ahead log, recall indexes) and the recall indexes.
// Implemented by Database; the executor reaches it through ExecContext.
#pragma once

#include "base/status.hpp"

namespace mnemo::engine {

class RecallIndex;

class MemoryServices {
 public:
  virtual ~MemoryServices() = default;
  // Ends the store's open group of writes: logs it (durable memories),
  // commits it, then brings the recall indexes up to date. On failure the
  // group is rolled back and the memory is unchanged. Caller holds the
  // exclusive lock.
  virtual Status CommitGroup() = 0;
  // SNAPSHOT: writes a snapshot of a durable memory now and truncates its
  // log. Errors: Unsupported for an in-memory memory; IOError.
  virtual Status Checkpoint() = 0;
  // The recall indexes (read under the shared lock; updated by CommitGroup).
  virtual RecallIndex& recall() = 0;
};

}  // namespace mnemo::engine
