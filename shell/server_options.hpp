// The settings of `mnemo serve`.
#pragma once

#include <cstddef>
#include <string>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

struct ServerOptions {
  std::string db;                  // --db DIR; empty: every scope lives in the process
  std::string fsync = "always";    // --fsync always|batch|off (with --db)
  std::string host = "127.0.0.1";  // --host: the address to listen on
  int port = 8765;                 // --port: 0 picks a free port (printed at start)
  std::string token;               // --token or MNEMO_TOKEN; empty: no authentication
  size_t max_body = 1 << 20;       // --max-body: largest request body in bytes (413 above)
  size_t max_rows = 10000;         // --max-rows: rows returned per statement (0: no limit)
  int threads = 0;                 // --threads: worker threads; 0: kDefaultThreads
};

// The options every scope's Database is opened with (its directory aside).
inline Options ScopeOptionsOf(const ServerOptions& options) {
  Options scope;
  scope.fsync = options.fsync == "off"     ? Options::Fsync::kOff
                : options.fsync == "batch" ? Options::Fsync::kBatch
                                           : Options::Fsync::kAlways;
  return scope;
}

// Worker threads when --threads is not given. A keep-alive connection holds
// its worker between requests, so this is roughly the number of clients
// served at once without waiting; writes are serialised by the Database anyway.
inline constexpr int kDefaultThreads = 32;

}  // namespace mnemo::shell
