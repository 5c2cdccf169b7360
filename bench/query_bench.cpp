#include "bench/query_bench.hpp"

#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "bench/timing.hpp"
#include "engine/mnemo.hpp"

namespace mnemo::bench {

int RunQueryBench(int argc, char** argv) {
  size_t n = 100000;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--entities") == 0) n = std::strtoull(argv[i + 1], nullptr, 10);

  auto db = Database::Open();
  if (!db.ok()) return 1;
  Connection conn = (*db)->Connect();
  if (!conn.Query("DEFINE ENTITY Person (name TEXT KEY, age INT)").ok()) return 1;
  std::vector<graph::Id> ids;
  for (size_t i = 0; i < n; ++i) {
    auto id = conn.AddEntity({{"Person"}, {{"name", "person-" + std::to_string(i)}, {"age", int64_t(i % 90)}}, {}, {}, {}});
    if (!id.ok()) return 1;
    ids.push_back(*id);
  }
  std::mt19937_64 rng(42);
  for (size_t i = 0; i < n; ++i)
    for (int k = 0; k < 3; ++k) {
      graph::HyperedgeSpec s;
      s.type = "KNOWS";
      s.roles = {{"from", ids[i], {}}, {"to", ids[rng() % n], {}}};
      if (!conn.Assert(s).ok()) return 1;
    }

  const size_t reps = 5000;
  std::vector<std::string> names;
  for (size_t i = 0; i < reps; ++i) names.push_back("person-" + std::to_string(rng() % n));
  volatile size_t sink = 0;
  bool failed = false;

  auto query = [&](const char* text, size_t i) {
    engine::Params params{{"name", graph::Value(names[i])}};
    auto r = conn.Query(text, params);
    if (!r.ok()) failed = true;
    else sink = sink + r->rows.size();
  };
  const Latency lookup = Measure(reps, [&](size_t i) { query("MATCH (p:Person {name: $name}) RETURN p.age", i); });
  const Latency lookup_api = Measure(reps, [&](size_t i) {
    conn.Read([&](const graph::Hypergraph& g) {
      for (graph::Id id : g.FindByKey("Person", graph::Value(names[i]))) sink = sink + g.EntityProperty(id, "age")->as_int();
      return 0;
    });
  });
  const Latency hop2 = Measure(reps, [&](size_t i) {
    query("MATCH (p:Person {name: $name})-[:KNOWS]->()-[:KNOWS]->(f) RETURN count(f)", i);
  });
  const Latency hop2_api = Measure(reps, [&](size_t i) {
    conn.Read([&](const graph::Hypergraph& g) {
      const graph::Symbol knows = g.names().Find("KNOWS"), from = g.names().Find("from");
      size_t count = 0;
      for (graph::Id p : g.FindByKey("Person", graph::Value(names[i])))
        g.ForEachIncidence(p, knows, from, [&](const graph::Incidence& a) {
          const graph::Id mid = g.hyperedge(a.edge)->roles[1].entity;
          g.ForEachIncidence(mid, knows, from, [&](const graph::Incidence&) { ++count; });
        });
      sink = sink + count;
      return 0;
    });
  });
  if (failed) {
    std::fprintf(stderr, "query benchmark: a query failed\n");
    return 1;
  }
  std::printf("query benchmark: %zu entities, %zu facts, %zu queries each (parse + bind + execute)\n", n, 3 * n, reps);
  std::printf("%-28s %10s %10s %12s %11s\n", "query", "p50 us", "p99 us", "C++ API p50", "ratio");
  PrintRow("key lookup", lookup, lookup_api);
  PrintRow("2-hop MATCH + count", hop2, hop2_api);
  std::printf("target: key lookup p50 under 20 us -> %s\n", lookup.p50_us < 20 ? "met" : "NOT met");
  return 0;
}

}  // namespace mnemo::bench
