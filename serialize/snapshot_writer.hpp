// Writing a snapshot: the whole state of a store in one file, replaced
// atomically (FORMAT.md, "Snapshot files").
#pragma once

#include <cstdint>
#include <string>

#include "base/status.hpp"
#include "graph/hypergraph.hpp"
#include "serialize/snapshot_format.hpp"

namespace mnemo::serialize {

struct SnapshotWritten {
  uint64_t bytes = 0;    // size of the file
  uint64_t records = 0;  // entities + episodes + hyperedges + tombstones
};

// Records per RecordChunk message: bounds the memory a write needs beyond
// the store (one chunk's message at a time).
inline constexpr size_t kSnapshotChunkRecords = 16384;

// Writes the store's committed state as `path`: to `path`.tmp first, which
// is synced (fdatasync), renamed over `path`, and the directory synced. A
// crash at any point leaves either the old file (or none) or the complete
// new one, plus perhaps a stray .tmp that readers ignore. `last_lsn` is the
// last log record the state includes.
// Errors: IOError (the .tmp is removed), ResourceLimit / InvalidArgument when
// a value has no stored form.
Result<SnapshotWritten> WriteSnapshot(const std::string& path, const graph::Hypergraph& store, uint64_t last_lsn,
                                      const IndexMetadata& indexes);

}  // namespace mnemo::serialize
