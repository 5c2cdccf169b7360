#include "bench/store_bench.hpp"

#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <unordered_map>

#include "bench/timing.hpp"
#include "engine/mnemo.hpp"

namespace mnemo::bench {

int RunStoreBench(int argc, char** argv) {
  size_t n = 100000;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--entities") == 0) n = std::strtoull(argv[i + 1], nullptr, 10);

  graph::Hypergraph g;
  (void)g.DefineEntity({"Person", {{"name", graph::PropertyType::kText, true}}});
  std::unordered_map<std::string, graph::Id> baseline;  // what a hand-rolled map gives
  std::vector<graph::Id> ids;
  for (size_t i = 0; i < n; ++i) {
    const std::string name = "person-" + std::to_string(i);
    auto id = g.AddEntity({{"Person"}, {{"name", name}}, {}, {}, {}});
    ids.push_back(*id);
    baseline.emplace(name, *id);
  }
  std::mt19937_64 rng(42);
  for (size_t i = 0; i < n; ++i) {  // ~3 facts per person
    for (int k = 0; k < 3; ++k) {
      graph::HyperedgeSpec s;
      s.type = "knows";
      s.roles = {{"a", ids[i], {}}, {"b", ids[rng() % n], {}}};
      (void)g.AddHyperedge(s);
    }
  }
  const size_t reps = 20000;
  std::vector<std::string> probes;
  for (size_t i = 0; i < reps; ++i) probes.push_back("person-" + std::to_string(rng() % n));

  volatile size_t sink = 0;
  const Latency key = Measure(reps, [&](size_t i) { sink = sink + g.FindByKey("Person", graph::Value(probes[i])).size(); });
  const Latency key_base = Measure(reps, [&](size_t i) { sink = sink + baseline.count(probes[i]); });
  const graph::Symbol knows = g.names().Find("knows");
  const Latency hop = Measure(reps, [&](size_t i) {
    g.ForEachIncidence(ids[i % n], knows, graph::kNoSymbol, [&](const graph::Incidence& inc) { sink = sink + inc.edge; });
  });
  const Latency hop_base = Measure(reps, [&](size_t i) { sink = sink + ids[i % n]; });

  std::printf("store benchmark: %zu entities, %zu facts\n", n, g.counts().hyperedges);
  std::printf("%-28s %10s %10s %12s %11s\n", "operation", "p50 us", "p99 us", "baseline p50", "ratio");
  PrintRow("key lookup (unordered_map)", key, key_base);
  PrintRow("1-hop incidence (vector idx)", hop, hop_base);
  return 0;
}

}  // namespace mnemo::bench
