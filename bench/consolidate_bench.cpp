// The memory: SyntheticMemory (synthetic_memory.hpp) of N episodes with its
// entities and facts, topped up to M facts with `related_to(subject, object)`
// facts between Zipf-popular entities (half of them citing a random episode),
// plus near-duplicate entities for DEDUPE (one per 100 entities: the name in
// capitals with a full stop, or with an "s" appended, each with three facts).
// The clock stands one day after the last episode, so DECAY finds the old
// episodes stale.
//
// Jobs, in order, each timed (wall and CPU of the calling thread) and then
// re-run: COMMUNITIES, IMPORTANCE, DEDUPE, DEDUPE APPLY, DECAY DRY RUN,
// DECAY. Baselines, timed in the same process on the same store: igraph
// Leiden over the plain projection (graph::BuildIncidenceGraph) for
// COMMUNITIES; igraph PageRank over the incidence projection for IMPORTANCE;
// embedding every entity name and a Faiss flat 6-nearest search among its
// type for DEDUPE; computing every memory's creation-decay for DECAY.
#include "bench/consolidate_bench.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench/stopwatch.hpp"
#include "bench/synthetic_loader.hpp"
#include "bench/synthetic_memory.hpp"
#include "bench/synthetic_random.hpp"
#include "graph/igraph_bridge.hpp"
#include "index/hashing_embedder.hpp"
#include "index/vector_index.hpp"
#include "temporal/clock.hpp"

namespace mnemo::bench {

namespace {

struct Options {
  size_t episodes = 100000;
  size_t facts = 1000000;
  uint64_t seed = 1;
  bool exact_vectors = false;
};

void Usage() {
  std::fprintf(stderr,
               "usage: mnemo-bench consolidate [--episodes N] [--facts M] [--seed S] [--exact-vectors]\n"
               "  Times each CONSOLIDATE job (and its idempotent re-run) on a synthetic memory of N episodes\n"
               "  (default 100000) and M facts (default 1000000), against an in-process baseline per job.\n"
               "  --exact-vectors: flat vectors in the recall index (faster loading; archiving is slower).\n");
}

int Parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help") {
      Usage();
      return -1;
    }
    if (arg == "--exact-vectors") {
      o.exact_vectors = true;
      continue;
    }
    size_t* target = arg == "--episodes" ? &o.episodes : arg == "--facts" ? &o.facts : nullptr;
    if ((target || arg == "--seed") && i + 1 < argc) {
      char* end = nullptr;
      const unsigned long long v = std::strtoull(argv[++i], &end, 10);
      if (*end == '\0' && argv[i][0] != '-' && (!target || v > 0)) {
        if (target)
          *target = v;
        else
          o.seed = v;
        continue;
      }
    }
    std::fprintf(stderr, "consolidate: bad option '%s'\n", arg.c_str());
    Usage();
    return 2;
  }
  return 0;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

// Tops the memory up to `total` facts and adds near-duplicate entities.
Status AddFacts(Connection& conn, const SyntheticMemory& m, const SyntheticLoad& load, size_t total, uint64_t seed,
                size_t& added, size_t& duplicates) {
  SplitMix64 rng(seed * 7919 + 17);
  const Zipf popular(load.entities.size(), 0.9);
  auto fact = [&](graph::Id subject, graph::Id object) -> Status {
    graph::HyperedgeSpec spec;
    spec.type = "related_to";
    spec.roles = {{"subject", subject, {}}, {"object", object, {}}};
    const size_t ep = rng.Below(load.episodes.size());
    spec.valid_from = m.episodes[ep].time;
    if (rng.Chance(0.5)) spec.provenance = {load.episodes[ep]};
    auto id = conn.Assert(spec);
    if (!id.ok()) return id.status();
    ++added;
    return Status::OK();
  };
  // Near-duplicates first: they are part of the fact budget.
  for (size_t i = 0; i < m.entities.size(); i += 100) {
    const SyntheticEntity& e = m.entities[i];
    std::string name = e.name;
    if ((i / 100) % 2 == 0) {
      for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      name += ".";
    } else {
      name += "s";
    }
    auto id = conn.EnsureEntity(std::string(EntityTypeName(e.kind)), graph::Value(name));
    if (!id.ok()) return id.status();
    ++duplicates;
    for (int k = 0; k < 3; ++k) MNEMO_RETURN_IF_ERROR(fact(*id, load.entities[popular.Sample(rng)]));
  }
  const size_t have = load.facts.size() + added;
  for (size_t i = have; i < total; ++i) {
    const graph::Id a = load.entities[popular.Sample(rng)];
    graph::Id b = load.entities[popular.Sample(rng)];
    if (a == b) b = load.entities[rng.Below(load.entities.size())];
    if (a == b) continue;
    MNEMO_RETURN_IF_ERROR(fact(a, b));
  }
  return Status::OK();
}

struct Timed {
  PhaseTime time;
  QueryResult result;
};

Result<Timed> Job(Connection& conn, const std::string& statement) {
  const Stopwatch watch;
  auto r = conn.Query(statement);
  const PhaseTime t = watch.Elapsed();
  if (!r.ok()) return Status(r.status().code(), statement + ": " + r.status().message());
  return Timed{t, std::move(r).value()};
}

// What a job's result says it changed, in a few words.
std::string Summary(const QueryResult& r) {
  const QueryStats& s = r.stats;
  std::string out = std::to_string(r.rows.size()) + " rows";
  for (const auto& [name, value] : s.NonZero()) out += ", " + name + " " + std::to_string(value);
  if (s.empty()) out += ", nothing changed";
  return out;
}

void Print(const char* job, const PhaseTime& t, double baseline, const char* baseline_name, const std::string& what) {
  if (baseline > 0)
    std::printf("%-22s %8.2f s  (cpu %7.2f s)  %-28s %7.3f s  %6.1fx   %s\n", job, t.seconds, t.cpu_seconds,
                baseline_name, baseline, t.seconds / baseline, what.c_str());
  else
    std::printf("%-22s %8.2f s  (cpu %7.2f s)  %-28s %7s    %6s    %s\n", job, t.seconds, t.cpu_seconds, "", "", "",
                what.c_str());
}

double Seconds(const Stopwatch& w) { return w.Elapsed().seconds; }

}  // namespace

int RunConsolidateBench(int argc, char** argv) {
  Options o;
  if (const int status = Parse(argc, argv, o); status != 0) return status < 0 ? 0 : status;

  SyntheticOptions so;
  so.episodes = o.episodes;
  so.queries = 1;
  so.seed = o.seed;
  const Stopwatch generate;
  const SyntheticMemory m = GenerateSyntheticMemory(so);
  const double generate_s = Seconds(generate);

  temporal::ManualClock clock(m.episodes.back().time + temporal::kMicrosPerDay);
  mnemo::Options options;
  options.clock = &clock;
  options.exact_vectors = o.exact_vectors;
  auto db = Database::Open(options);
  if (!db.ok()) {
    std::fprintf(stderr, "consolidate: %s\n", db.status().ToString().c_str());
    return 1;
  }
  Connection conn = (*db)->Connect();
  const Stopwatch load_watch;
  auto load = LoadSynthetic(conn, m);
  if (!load.ok()) {
    std::fprintf(stderr, "consolidate: loading: %s\n", load.status().ToString().c_str());
    return 1;
  }
  size_t added = 0, duplicates = 0;
  if (Status s = AddFacts(conn, m, *load, o.facts, o.seed, added, duplicates); !s.ok()) {
    std::fprintf(stderr, "consolidate: adding facts: %s\n", s.ToString().c_str());
    return 1;
  }
  const double load_s = Seconds(load_watch);
  const graph::StoreCounts counts = conn.Read([](const graph::Hypergraph& g) { return g.counts(); });
  std::printf(
      "consolidate: %zu episodes, %zu facts (%zu synthetic + %zu related_to), %zu entities (%zu near-duplicates)\n",
      counts.episodes, counts.hyperedges, load->facts.size(), added, counts.entities, duplicates);
  std::printf("generated in %.1f s, loaded in %.1f s (%s vectors)\n\n", generate_s, load_s,
              o.exact_vectors ? "flat" : "HNSW");
  std::printf("%-22s %8s   %-13s  %-28s %9s  %7s   %s\n", "job", "time", "", "baseline", "time", "ratio", "changed");

  // Baselines on the same store.
  double leiden_s = 0, pagerank_s = 0, keys_s = 0, decay_s = 0;
  conn.Read([&](const graph::Hypergraph& g) {
    const Stopwatch leiden;
    (void)graph::LeidenCommunities(graph::BuildIncidenceGraph(g, graph::Projection::kEntityStar), 1.0, 42);
    leiden_s = Seconds(leiden);
    const Stopwatch pagerank;
    (void)graph::PageRank(g, 0.85, graph::Projection::kIncidence);
    pagerank_s = Seconds(pagerank);
    // The embedding pass alone: every entity name embedded and searched
    // among the names of its type (flat, 6 neighbours), as DEDUPE does.
    const Stopwatch keys;
    const index::HashingEmbedder embedder;
    std::unordered_map<graph::Symbol, std::vector<std::vector<float>>> by_type;
    for (const auto& [id, e] : g.entities())
      if (const graph::Value* v = g.EntityProperty(id, "name");
          v && v->kind() == graph::Value::Kind::kString && !e.types.empty())
        by_type[e.types[0]].push_back(embedder.Embed(Lower(v->as_string())));
    for (const auto& [type, vectors] : by_type) {
      index::VectorIndex flat(embedder.dimension(), index::VectorIndex::Kind::kFlat);
      for (size_t i = 0; i < vectors.size(); ++i) (void)flat.Add(i + 1, vectors[i]);
      for (const auto& v : vectors) (void)flat.Search(v, 6);
    }
    keys_s = Seconds(keys);
    const Stopwatch decay;
    const temporal::Timestamp now = clock.Now();
    double sum = 0;
    const double rate = std::log(2.0) / static_cast<double>(30 * temporal::kMicrosPerDay);
    for (const auto& [id, ep] : g.episodes()) sum += std::exp(-rate * static_cast<double>(now - ep.time));
    for (const auto& [id, h] : g.hyperedges()) sum += std::exp(-rate * static_cast<double>(now - h.time.recorded_at));
    decay_s = Seconds(decay);
    return sum;
  });

  struct Step {
    const char* name;
    std::string statement;
    double baseline;
    const char* baseline_name;
  };
  const Step steps[] = {
      {"COMMUNITIES", "CONSOLIDATE COMMUNITIES", leiden_s, "Leiden (igraph) alone"},
      {"  again", "CONSOLIDATE COMMUNITIES", leiden_s, "Leiden (igraph) alone"},
      {"IMPORTANCE", "CONSOLIDATE IMPORTANCE", pagerank_s, "PageRank (igraph) alone"},
      {"  again", "CONSOLIDATE IMPORTANCE", pagerank_s, "PageRank (igraph) alone"},
      {"DEDUPE", "CONSOLIDATE DEDUPE", keys_s, "name embedding + Faiss kNN"},
      {"DEDUPE APPLY", "CONSOLIDATE DEDUPE APPLY", keys_s, "name embedding + Faiss kNN"},
      {"  again", "CONSOLIDATE DEDUPE", keys_s, "name embedding + Faiss kNN"},
      {"DECAY DRY RUN", "CONSOLIDATE DECAY DRY RUN", decay_s, "creation-decay scan"},
      {"DECAY", "CONSOLIDATE DECAY", decay_s, "creation-decay scan"},
      {"  again", "CONSOLIDATE DECAY", decay_s, "creation-decay scan"},
  };
  for (const Step& step : steps) {
    auto timed = Job(conn, step.statement);
    if (!timed.ok()) {
      std::fprintf(stderr, "consolidate: %s\n", timed.status().ToString().c_str());
      return 1;
    }
    std::string what = Summary(timed->result);
    if (!timed->result.notices.empty()) what += "  [" + timed->result.notices.front() + "]";
    Print(step.name, timed->time, step.baseline, step.baseline_name, what);
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace mnemo::bench
