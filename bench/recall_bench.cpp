#include "bench/recall_bench.hpp"

#include <omp.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench/stopwatch.hpp"
#include "bench/synthetic_loader.hpp"
#include "bench/synthetic_memory.hpp"
#include "bench/timing.hpp"
#include "engine/recall_index.hpp"
#include "index/hashing_embedder.hpp"
#include "index/keyword_index.hpp"
#include "index/vector_index.hpp"

namespace mnemo::bench {

namespace {

// The acceptance targets, for RECALL with default options.
constexpr double kTargetP50Ms = 2, kTargetP99Ms = 10, kTargetEpisodesPerSecond = 5000;
constexpr size_t kTop = 10;
constexpr size_t kWarmUp = 20;  // untimed queries before each measured series

struct BenchOptions {
  SyntheticOptions memory;
  bool json = false;
  bool exact_vectors = false;  // flat vector search in the memory and the Faiss baseline, instead of HNSW
};

void Usage() {
  std::fprintf(stderr,
               "usage: mnemo-bench recall [--episodes N] [--queries Q] [--seed S] [--exact-vectors] [--json]\n"
               "  N episodes of a synthetic memory (default 100000) with their facts and entities are\n"
               "  loaded through the typed API; Q RECALL statements (default 1000) run in each of four\n"
               "  channel configurations, beside raw BM25 and raw Faiss HNSW searches on the same data.\n"
               "  --exact-vectors: flat (exact) vector search instead of HNSW, in the memory and the baseline.\n");
}

// Returns 0 when parsed, else the exit status.
int Parse(int argc, char** argv, BenchOptions& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--json") {
      o.json = true;
      continue;
    }
    if (arg == "--exact-vectors") {
      o.exact_vectors = true;
      continue;
    }
    if (arg == "--help") {
      Usage();
      return -1;
    }
    size_t* target = arg == "--episodes" ? &o.memory.episodes : arg == "--queries" ? &o.memory.queries : nullptr;
    if ((target || arg == "--seed") && i + 1 < argc) {
      char* end = nullptr;
      const unsigned long long v = std::strtoull(argv[i + 1], &end, 10);
      if (*end == '\0' && argv[i + 1][0] != '-' && (!target || v > 0)) {
        if (target)
          *target = v;
        else
          o.memory.seed = v;
        ++i;
        continue;
      }
      std::fprintf(stderr, "mnemo-bench recall: bad value '%s' for %s\n", argv[i + 1], argv[i]);
      Usage();
      return 2;
    }
    std::fprintf(stderr, "mnemo-bench recall: bad option '%s'\n", argv[i]);
    Usage();
    return 2;
  }
  return 0;
}

// How the run went, beside the figures: a busy machine shows in the load.
struct RunInfo {
  double generate_seconds = 0;
  double load_start = -1, load_end = -1;  // 1-minute load average; -1 when unknown
};

double LoadAverage() {
  double load = -1;
  return getloadavg(&load, 1) == 1 ? load : -1;
}

struct Phase {
  const char* name;
  size_t count;
  PhaseTime time;
  double per_second() const { return time.seconds > 0 ? count / time.seconds : 0; }
  double per_cpu_second() const { return time.cpu_seconds > 0 ? count / time.cpu_seconds : 0; }
};

struct Series {
  std::string name;
  Latencies latency;
  double hit_rate = -1;  // the query's source episode among the results; < 0: not applicable
};

// Every record RECALL searches, with the text it is indexed under.
std::vector<std::pair<graph::Id, std::string>> IndexedTexts(const Connection& conn) {
  return conn.Read([](const graph::Hypergraph& g) {
    std::vector<std::pair<graph::Id, std::string>> out;
    for (const auto& [id, e] : g.entities())
      if (!e.forgotten) out.emplace_back(id, engine::RecallIndex::TextOf(g, id));
    for (const auto& [id, ep] : g.episodes())
      if (!ep.forgotten) out.emplace_back(id, engine::RecallIndex::TextOf(g, id));
    for (const auto& [id, h] : g.hyperedges())
      if (!h.forgotten) out.emplace_back(id, engine::RecallIndex::TextOf(g, id));
    return out;
  });
}

template <typename Hits>
bool Contains(const Hits& hits, graph::Id id) {
  for (const auto& h : hits)
    if (h.id == id) return true;
  return false;
}

class Bench {
 public:
  Bench(const BenchOptions& o, const SyntheticMemory& m) : o_(o), m_(m) {}

  int Run() {
    mnemo::Options options;
    options.exact_vectors = o_.exact_vectors;
    auto db = Database::Open(options);
    if (!db.ok()) return Fail("open: " + db.status().ToString());
    Connection conn = (*db)->Connect();
    auto load = LoadSynthetic(conn, m_);
    if (!load.ok()) return Fail("load: " + load.status().ToString());
    load_ = std::move(*load);
    phases_ = {{"entities (EnsureEntity)", m_.entities.size(), load_.entities_time},
               {"episodes (Observe)", m_.episodes.size(), load_.episodes_time},
               {"facts (Assert)", m_.facts.size(), load_.facts_time}};
    // Vectors join the HNSW index in one batch before the next vector search
    // (RecallIndex), so the first vector search after the load indexes them
    // all: it is part of ingest, timed on its own.
    const Stopwatch catch_up;
    if (auto r = conn.Query("RECALL $q TOP 1 USING vector", {{"q", graph::Value(m_.queries[0].text)}}); !r.ok())
      return Fail("first vector search: " + r.status().ToString());
    phases_.push_back({"vectors indexed (first vector search)",
                       m_.entities.size() + m_.episodes.size() + m_.facts.size(), catch_up.Elapsed()});

    for (const char* text : {"RECALL $q TOP 10", "RECALL $q TOP 10 USING keyword", "RECALL $q TOP 10 USING vector",
                             "RECALL $q TOP 10 USING keyword, vector, graph, recency"})
      if (!MeasureRecall(conn, text)) return 1;
    MeasureBaselines(conn);
    return 0;
  }

  void PrintTable(const RunInfo& info) const {
    size_t superseding = 0, sessions = 0;
    for (const auto& f : m_.facts) superseding += f.supersedes;
    if (!m_.episodes.empty()) sessions = m_.episodes.back().session;
    std::printf(
        "recall benchmark: %zu episodes in %zu sessions, %zu facts (%zu superseding), %zu entities; %zu queries; seed "
        "%llu\n",
        m_.episodes.size(), sessions, m_.facts.size(), superseding, m_.entities.size(), m_.queries.size(),
        static_cast<unsigned long long>(o_.memory.seed));
    std::printf(
        "single thread (OpenMP threads: %d); %s vectors; memory generated in %.2f s; load average %.2f at start, %.2f "
        "at end\n\n",
        omp_get_max_threads(), o_.exact_vectors ? "flat" : "HNSW", info.generate_seconds, info.load_start,
        info.load_end);
    std::printf("%-44s %9s %9s %9s %10s %10s\n", "ingest (embedding and indexing included)", "count", "seconds",
                "cpu s", "per second", "per cpu s");
    auto phase = [](const char* prefix, const Phase& p) {
      std::printf("  %s%-*s %9zu %9.3f %9.3f %10.0f %10.0f\n", prefix, static_cast<int>(42 - std::strlen(prefix)),
                  p.name, p.count, p.time.seconds, p.time.cpu_seconds, p.per_second(), p.per_cpu_second());
    };
    for (const Phase& p : phases_) phase("", p);
    phase("", Ingest());
    for (const Phase& p : baseline_phases_) phase("baseline: ", p);
    std::printf("\n%-56s %8s %8s %8s %8s %7s %8s %8s\n", "search (top 10)", "p50 ms", "p99 ms", "cpu p50", "cpu p99",
                "hit@10", "/BM25", "/Faiss");
    const double bm25 = baselines_[0].latency.wall.p50_us, faiss = baselines_[1].latency.wall.p50_us;
    auto row = [&](const Series& s, bool ratios) {
      std::printf("  %-54s %8.3f %8.3f %8.3f %8.3f ", s.name.c_str(), s.latency.wall.p50_us / 1000,
                  s.latency.wall.p99_us / 1000, s.latency.cpu.p50_us / 1000, s.latency.cpu.p99_us / 1000);
      if (s.hit_rate >= 0)
        std::printf("%7.3f", s.hit_rate);
      else
        std::printf("%7s", "-");
      if (ratios) std::printf(" %7.1fx %7.1fx", s.latency.wall.p50_us / bm25, s.latency.wall.p50_us / faiss);
      std::printf("\n");
    };
    for (const Series& s : recalls_) row(s, true);
    for (const Series& s : baselines_) row(s, false);
    std::printf(
        "  (ms: elapsed, and CPU time of the thread; ratios: elapsed p50 of the RECALL over that of the baseline)\n\n");
    std::printf(
        "target: RECALL $q TOP 10 p50 <= %.0f ms and p99 <= %.0f ms, ingest (all phases) >= %.0f episodes/s -> %s\n",
        kTargetP50Ms, kTargetP99Ms, kTargetEpisodesPerSecond, TargetsMet() ? "met" : "NOT met");
  }

  void PrintJson(const RunInfo& info) const {
    nlohmann::ordered_json j;
    size_t superseding = 0;
    for (const auto& f : m_.facts) superseding += f.supersedes;
    j["episodes"] = m_.episodes.size();
    j["sessions"] = m_.episodes.empty() ? 0 : m_.episodes.back().session;
    j["facts"] = m_.facts.size();
    j["superseding_facts"] = superseding;
    j["entities"] = m_.entities.size();
    j["queries"] = m_.queries.size();
    j["seed"] = o_.memory.seed;
    j["omp_threads"] = omp_get_max_threads();
    j["vectors"] = o_.exact_vectors ? "flat" : "hnsw";
    j["generate_seconds"] = info.generate_seconds;
    j["load_average_start"] = info.load_start;
    j["load_average_end"] = info.load_end;
    auto phase = [](const Phase& p) {
      return nlohmann::ordered_json{{"name", p.name},
                                    {"count", p.count},
                                    {"seconds", p.time.seconds},
                                    {"cpu_seconds", p.time.cpu_seconds},
                                    {"per_second", p.per_second()},
                                    {"per_cpu_second", p.per_cpu_second()}};
    };
    for (const Phase& p : phases_) j["ingest"].push_back(phase(p));
    j["ingest_episodes_per_second"] = Ingest().per_second();
    j["ingest_episodes_per_cpu_second"] = Ingest().per_cpu_second();
    for (const Phase& p : baseline_phases_) j["baseline_ingest"].push_back(phase(p));
    const double bm25 = baselines_[0].latency.wall.p50_us, faiss = baselines_[1].latency.wall.p50_us;
    auto series = [](const Series& s) {
      nlohmann::ordered_json o{{"name", s.name},
                               {"p50_ms", s.latency.wall.p50_us / 1000},
                               {"p99_ms", s.latency.wall.p99_us / 1000},
                               {"cpu_p50_ms", s.latency.cpu.p50_us / 1000},
                               {"cpu_p99_ms", s.latency.cpu.p99_us / 1000}};
      if (s.hit_rate >= 0) o["hit_at_10"] = s.hit_rate;
      return o;
    };
    for (const Series& s : recalls_) {
      auto o = series(s);
      o["ratio_bm25_p50"] = s.latency.wall.p50_us / bm25;
      o["ratio_faiss_p50"] = s.latency.wall.p50_us / faiss;
      j["recall"].push_back(o);
    }
    for (const Series& s : baselines_) j["baselines"].push_back(series(s));
    j["targets"] = {{"recall_p50_ms", kTargetP50Ms},
                    {"recall_p99_ms", kTargetP99Ms},
                    {"episodes_per_second", kTargetEpisodesPerSecond},
                    {"met", TargetsMet()}};
    std::printf("%s\n", j.dump(2).c_str());
  }

 private:
  int Fail(const std::string& what) const {
    std::fprintf(stderr, "mnemo-bench recall: %s\n", what.c_str());
    return 1;
  }

  // Ingest as episodes per second of all of it: entities, episodes, facts
  // and the indexing of their vectors.
  Phase Ingest() const {
    Phase all{"all of the above, per episode", m_.episodes.size(), {}};
    for (const Phase& p : phases_) {
      all.time.seconds += p.time.seconds;
      all.time.cpu_seconds += p.time.cpu_seconds;
    }
    return all;
  }

  bool TargetsMet() const {
    return !recalls_.empty() && recalls_[0].latency.wall.p50_us <= kTargetP50Ms * 1000 &&
           recalls_[0].latency.wall.p99_us <= kTargetP99Ms * 1000 && Ingest().per_second() >= kTargetEpisodesPerSecond;
  }

  graph::Id SourceEpisode(size_t q) const { return load_.episodes[m_.queries[q].episode]; }

  // Runs `text` once per query with $q bound to the query text.
  bool MeasureRecall(Connection& conn, const char* text) {
    size_t hits = 0;
    std::string error;
    auto run = [&](size_t q) {
      auto r = conn.Query(text, {{"q", graph::Value(m_.queries[q].text)}});
      if (!r.ok()) {
        if (error.empty()) error = r.status().ToString();
        return false;
      }
      for (const auto& row : r->rows)
        if (row[1].as_int() == static_cast<int64_t>(SourceEpisode(q))) return true;
      return false;
    };
    const size_t n = m_.queries.size();
    for (size_t q = 0; q < std::min(kWarmUp, n); ++q) run(q);
    const Latencies latency = MeasureWallAndCpu(n, [&](size_t q) { hits += run(q); });
    if (!error.empty()) {
      Fail(std::string(text) + ": " + error);
      return false;
    }
    recalls_.push_back({text, latency, double(hits) / n});
    return true;
  }

  // Raw BM25 and raw Faiss HNSW over the same records, texts and vectors.
  void MeasureBaselines(const Connection& conn) {
    const auto texts = IndexedTexts(conn);
    index::KeywordIndex keywords;
    const Stopwatch bm25_add;
    for (const auto& [id, text] : texts) keywords.Add(id, text);
    baseline_phases_.push_back({"BM25 Add", texts.size(), bm25_add.Elapsed()});

    const index::HashingEmbedder embedder;
    std::vector<std::vector<float>> vectors;
    vectors.reserve(texts.size());
    const Stopwatch embed_all;
    for (const auto& [id, text] : texts) vectors.push_back(embedder.Embed(text));
    baseline_phases_.push_back({"hashing Embed", texts.size(), embed_all.Elapsed()});
    index::VectorIndex vectors_index(
        embedder.dimension(), o_.exact_vectors ? index::VectorIndex::Kind::kFlat : index::VectorIndex::Kind::kHnsw);
    size_t added = 0;
    const Stopwatch faiss_add;
    for (size_t i = 0; i < texts.size(); ++i)
      if (std::any_of(vectors[i].begin(), vectors[i].end(), [](float x) { return x != 0; }))
        added += vectors_index.Add(texts[i].first, vectors[i]).ok();
    baseline_phases_.push_back({o_.exact_vectors ? "Faiss flat add" : "Faiss HNSW add", added, faiss_add.Elapsed()});

    const size_t n = m_.queries.size();
    size_t bm25_hits = 0, faiss_hits = 0;
    volatile size_t sink = 0;
    auto bm25 = [&](size_t q) {
      const auto hits = keywords.Search(m_.queries[q].text, kTop);
      bm25_hits += Contains(hits, SourceEpisode(q));
    };
    for (size_t q = 0; q < std::min(kWarmUp, n); ++q) sink = sink + keywords.Search(m_.queries[q].text, kTop).size();
    baselines_.push_back({"baseline: BM25 KeywordIndex::Search", MeasureWallAndCpu(n, bm25), 0});
    baselines_.back().hit_rate = double(bm25_hits) / n;

    std::vector<std::vector<float>> queries(n);
    const Latencies embed = MeasureWallAndCpu(n, [&](size_t q) { queries[q] = embedder.Embed(m_.queries[q].text); });
    auto faiss = [&](size_t q) {
      const auto hits = vectors_index.Search(queries[q], kTop);
      if (hits.ok()) faiss_hits += Contains(*hits, SourceEpisode(q));
    };
    for (size_t q = 0; q < std::min(kWarmUp, n); ++q) sink = sink + vectors_index.Search(queries[q], kTop)->size();
    baselines_.push_back(
        {o_.exact_vectors ? "baseline: Faiss flat VectorIndex::Search" : "baseline: Faiss HNSW VectorIndex::Search",
         MeasureWallAndCpu(n, faiss), 0});
    baselines_.back().hit_rate = double(faiss_hits) / n;
    baselines_.push_back({"baseline: HashingEmbedder::Embed of the query", embed, -1});
  }

  const BenchOptions& o_;
  const SyntheticMemory& m_;
  SyntheticLoad load_;
  std::vector<Phase> phases_, baseline_phases_;
  std::vector<Series> recalls_, baselines_;  // baselines_: BM25, Faiss, embedding
};

}  // namespace

int RunRecallBench(int argc, char** argv) {
  BenchOptions o;
  if (const int status = Parse(argc, argv, o); status != 0) return status < 0 ? 0 : status;
  // Faiss parallelises with OpenMP; the figures are for one thread.
  omp_set_num_threads(1);
  RunInfo info;
  info.load_start = LoadAverage();
  const Stopwatch generate;
  const SyntheticMemory memory = GenerateSyntheticMemory(o.memory);
  info.generate_seconds = generate.Elapsed().seconds;
  Bench bench(o, memory);
  if (const int status = bench.Run(); status != 0) return status;
  info.load_end = LoadAverage();
  if (o.json)
    bench.PrintJson(info);
  else
    bench.PrintTable(info);
  return 0;
}

}  // namespace mnemo::bench
