// mnemo-bench: benchmark programs. Each sub-command prints its figures and a
// ratio against a baseline measured in the same run.
#include <cstdio>
#include <string_view>

#include "bench/history_bench.hpp"
#include "bench/query_bench.hpp"
#include "bench/store_bench.hpp"

int main(int argc, char** argv) {
  const std::string_view cmd = argc > 1 ? argv[1] : "";
  if (cmd == "store") return mnemo::bench::RunStoreBench(argc - 1, argv + 1);
  if (cmd == "query") return mnemo::bench::RunQueryBench(argc - 1, argv + 1);
  if (cmd == "history") return mnemo::bench::RunHistoryBench(argc - 1, argv + 1);
  std::fprintf(stderr,
               "usage: mnemo-bench <benchmark> [options]\n\n"
               "benchmarks:\n"
               "  store [--entities N]   key lookup and incidence scan on the hypergraph store,\n"
               "                         against a std::unordered_map baseline\n"
               "  query [--entities N]   parse+bind+execute of a key lookup and a 2-hop MATCH,\n"
               "                         against the same work through the C++ store API\n"
               "  history [--versions N] MATCH of current facts on a person whose fact was superseded\n"
               "                         N times (default 10000), against the same MATCH with no history;\n"
               "                         and an AS OF read in the middle of that history\n");
  return cmd.empty() || cmd == "--help" ? 0 : 2;
}
