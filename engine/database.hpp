// Database: one memory (an in-process hypergraph and, later, its indexes and
// durable files).
//
// Thread-safety: a Database may be shared by many threads through
// Connections. Reads run concurrently; writes are serialised and exclude
// readers (one shared_mutex per Database).
#pragma once

#include <memory>
#include <shared_mutex>
#include <string>

#include "base/status.hpp"
#include "graph/hypergraph.hpp"
#include "temporal/clock.hpp"

namespace mnemo {

struct Options {
  // Directory of a durable memory. Empty (the default): in-memory, gone when
  // the Database is destroyed.
  std::string directory;
  // Source of transaction time; null means the system clock. Tests pass a
  // temporal::ManualClock. A non-null clock must outlive the Database.
  temporal::Clock* clock = nullptr;
};

class Connection;

class Database {
 public:
  // Opens (or creates) a memory. Fails with Unsupported when a directory is
  // given: durable memories are not implemented in this version.
  static Result<std::unique_ptr<Database>> Open(const Options& options = {});

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // A new connection. The Database must outlive it.
  Connection Connect();
  const Options& options() const { return options_; }

 private:
  friend class Connection;
  explicit Database(const Options& options);

  Options options_;
  mutable std::shared_mutex mutex_;
  graph::Hypergraph store_;
};

}  // namespace mnemo
