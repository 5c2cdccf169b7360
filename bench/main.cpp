// mnemo-bench: benchmark programs. Each sub-command prints its figures and a
// ratio against a baseline measured in the same run.
#include <cstdio>
#include <string_view>

#include "bench/consolidate_bench.hpp"
#include "bench/history_bench.hpp"
#include "bench/locomo_bench.hpp"
#include "bench/query_bench.hpp"
#include "bench/recall_bench.hpp"
#include "bench/snapshot_bench.hpp"
#include "bench/store_bench.hpp"

int main(int argc, char** argv) {
  const std::string_view cmd = argc > 1 ? argv[1] : "";
  if (cmd == "store") return mnemo::bench::RunStoreBench(argc - 1, argv + 1);
  if (cmd == "query") return mnemo::bench::RunQueryBench(argc - 1, argv + 1);
  if (cmd == "history") return mnemo::bench::RunHistoryBench(argc - 1, argv + 1);
  if (cmd == "locomo") return mnemo::bench::RunLocomoBench(argc - 1, argv + 1);
  if (cmd == "recall") return mnemo::bench::RunRecallBench(argc - 1, argv + 1);
  if (cmd == "snapshot") return mnemo::bench::RunSnapshotBench(argc - 1, argv + 1);
  if (cmd == "consolidate") return mnemo::bench::RunConsolidateBench(argc - 1, argv + 1);
  std::fprintf(stderr,
               "usage: mnemo-bench <benchmark> [options]\n\n"
               "benchmarks:\n"
               "  store [--entities N]   key lookup and incidence scan on the hypergraph store,\n"
               "                         against a std::unordered_map baseline\n"
               "  query [--entities N]   parse+bind+execute of a key lookup and a 2-hop MATCH,\n"
               "                         against the same work through the C++ store API\n"
               "  history [--versions N] MATCH of current facts on a person whose fact was superseded\n"
               "                         N times (default 10000), against the same MATCH with no history;\n"
               "                         and an AS OF read in the middle of that history\n"
               "  locomo [--k K] [--mode turns|structured] FILE...\n"
               "                         LoCoMo evidence recall@k of RECALL (one JSON object);\n"
               "                         `mnemo-bench locomo --help` for every option\n"
               "  recall [--episodes N] [--queries Q] [--seed S] [--json]\n"
               "                         ingest rate and RECALL latency on a synthetic memory of N episodes\n"
               "                         (default 100000), against raw BM25 and raw Faiss on the same data\n"
               "  snapshot [--facts N] [--runs R] [--writes W] [--recall]\n"
               "                         snapshot write/open time and size for N facts (default 1000000),\n"
               "                         against raw file I/O; writes/s under each fsync policy\n"
               "  consolidate [--episodes N] [--facts M] [--seed S] [--exact-vectors]\n"
               "                         each CONSOLIDATE job's time (and its re-run) on a synthetic memory of\n"
               "                         N episodes and M facts (default 100000 / 1000000), against igraph alone\n");
  return cmd.empty() || cmd == "--help" ? 0 : 2;
}
