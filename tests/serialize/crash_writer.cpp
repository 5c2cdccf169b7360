// The child process of the crash test (crash_test.cpp): opens the durable
// memory DIR and writes facts numbered FIRST, FIRST+1, ... until it is
// killed, printing each number on its own line once the write is
// acknowledged (Query returned OK). It never exits on its own.
//
// usage: mnemo-crash-writer DIR FIRST always|batch|off
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "engine/mnemo.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: mnemo-crash-writer DIR FIRST always|batch|off\n");
    return 2;
  }
  mnemo::Options options;
  options.directory = argv[1];
  const std::string policy = argv[3];
  options.fsync = policy == "off"     ? mnemo::Options::Fsync::kOff
                  : policy == "batch" ? mnemo::Options::Fsync::kBatch
                                      : mnemo::Options::Fsync::kAlways;
  options.fsync_batch_ms = 2;
  options.exact_vectors = true;          // flat vectors: cheap inserts, so many writes per run
  options.checkpoint_bytes = 16 * 1024;  // checkpoints come often, so kills land in them too
  options.on_warning = [](const std::string& w) { std::fprintf(stderr, "crash-writer: warning: %s\n", w.c_str()); };
  auto db = mnemo::Database::Open(options);
  if (!db.ok()) {
    std::fprintf(stderr, "crash-writer: cannot open %s: %s\n", argv[1], db.status().ToString().c_str());
    return 1;
  }
  mnemo::Connection conn = (*db)->Connect();
  // The schema: each declaration an earlier run did not get to.
  const std::pair<const char*, const char*> declarations[] = {
      {"Owner", "DEFINE ENTITY Owner (name TEXT KEY)"},
      {"counter", "DEFINE RELATION counter (owner: Owner, value: INT) UNIQUE (owner)"}};
  for (const auto& [name, statement] : declarations) {
    const bool declared = conn.Read([name = name](const mnemo::graph::Hypergraph& g) {
      return g.schema().FindEntity(name) != nullptr || g.schema().FindRelation(name) != nullptr;
    });
    if (declared) continue;
    auto r = conn.Query(statement);
    if (!r.ok()) {
      std::fprintf(stderr, "crash-writer: %s\n", r.status().ToString().c_str());
      return 1;
    }
  }
  for (long long n = std::strtoll(argv[2], nullptr, 10);; ++n) {
    const std::string number = std::to_string(n);
    // Two statements, each atomic and logged on its own: a new fact, and the
    // next version of a supersession chain.
    auto r = conn.Query("CREATE (:Fact {n: " + number + "}); ASSERT counter(owner: Owner 'c', value: " + number + ")");
    if (!r.ok()) {
      std::fprintf(stderr, "crash-writer: write %lld failed: %s\n", n, r.status().ToString().c_str());
      return 1;
    }
    const std::string line = number + "\n";
    if (::write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 1;
  }
}
