// Database: one memory — its hypergraph store, its recall indexes and, for a
// durable memory, its files.
//
// Thread-safety: a Database may be shared by many threads through
// Connections. Reads run concurrently; writes are serialised and exclude
// readers (one shared_mutex per Database).
#pragma once

#include <memory>
#include <shared_mutex>
#include <string>

#include "base/status.hpp"
#include "engine/memory_services.hpp"
#include "graph/hypergraph.hpp"
#include "temporal/clock.hpp"

namespace mnemo {

namespace index {
class Embedder;
}

struct Options {
  // Directory of a durable memory. Empty (the default): in-memory, gone when
  // the Database is destroyed.
  std::string directory;
  // Source of transaction time; null means the system clock. Tests pass a
  // temporal::ManualClock. A non-null clock must outlive the Database.
  temporal::Clock* clock = nullptr;
  // Turns text into vectors for the vector channel of RECALL; null means the
  // built-in index::HashingEmbedder (256 dimensions, no model needed).
  // Client-supplied EMBEDDINGs must have its dimension.
  std::shared_ptr<const index::Embedder> embedder;
  // Exact (flat) vector search instead of HNSW: right for small memories and
  // as the oracle in tests.
  bool exact_vectors = false;
};

class Connection;

class Database final : private engine::MemoryServices {
 public:
  // Opens (or creates) a memory. Fails with Unsupported when a directory is
  // given: durable memories are not implemented in this version.
  static Result<std::unique_ptr<Database>> Open(const Options& options = {});

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database() override;

  // A new connection. The Database must outlive it.
  Connection Connect();
  const Options& options() const { return options_; }

 private:
  friend class Connection;
  explicit Database(const Options& options);

  // engine::MemoryServices
  Status CommitGroup() override;
  Status Checkpoint() override;
  engine::RecallIndex& recall() override { return *recall_; }
  engine::MemoryServices& services() { return *this; }

  Options options_;
  mutable std::shared_mutex mutex_;
  graph::Hypergraph store_;
  std::unique_ptr<engine::RecallIndex> recall_;
};

}  // namespace mnemo
