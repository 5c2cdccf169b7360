#include "bench/locomo_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "bench/locomo_consolidate.hpp"
#include "bench/locomo_conversation.hpp"
#include "bench/locomo_loader.hpp"
#include "bench/locomo_options.hpp"
#include "bench/locomo_retrievers.hpp"
#include "bench/locomo_scoring.hpp"
#include "engine/mnemo.hpp"

namespace mnemo::bench {

namespace {

using namespace locomo;
using Json = nlohmann::ordered_json;

const char* CategoryName(int category) {
  switch (category) {
    case 1:
      return "multi-hop";
    case 2:
      return "temporal";
    case 3:
      return "open-domain";
    case 4:
      return "single-hop";
    default:
      return "other";
  }
}

double Round(double v, double scale = 1e4) { return std::round(v * scale) / scale; }

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

struct Totals {
  size_t episodes = 0, facts = 0, skipped_category = 0, skipped_no_evidence = 0;
  size_t normalised = 0, dropped = 0;
  std::vector<std::string> dropped_ids;
  double ingest_ms = 0;
  std::vector<double> recall_ms;
  Json per_file = Json::array();
  std::unordered_map<int, size_t> misses_shown;
  std::ofstream details;  // open when --details is given
};

std::string TurnText(const Turn& t) { return t.caption.empty() ? t.text : t.text + " [image: " + t.caption + "]"; }

// One retrieved record and the dia_ids it counts for.
struct Hit {
  graph::Id id = graph::kNoId;
  bool fact = false;
  Slot dia_ids;  // an episode: its turn; a fact: the turns its provenance names
};

std::vector<Hit> ToHits(const Connection& conn, const LoadedDialogue& loaded, const std::vector<graph::Id>& records) {
  std::vector<Hit> hits;
  for (graph::Id id : records) {
    Hit hit{id, false, {}};
    if (const auto it = loaded.dia_id_of.find(id); it != loaded.dia_id_of.end()) {
      hit.dia_ids.push_back(it->second);
    } else {
      conn.Read([&](const graph::Hypergraph& g) {
        if (const graph::Hyperedge* h = g.hyperedge(id)) {
          hit.fact = true;
          for (graph::Id episode : h->provenance)
            if (const auto e = loaded.dia_id_of.find(episode); e != loaded.dia_id_of.end())
              hit.dia_ids.push_back(e->second);
        }
        return 0;
      });
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

// The first text value of a fact (what the loader put in its `text` role).
std::string FactText(const Connection& conn, graph::Id id) {
  return conn.Read([&](const graph::Hypergraph& g) {
    const graph::Hyperedge* h = g.hyperedge(id);
    if (h)
      for (const graph::RoleBinding& r : h->roles)
        if (!r.is_entity() && r.value.kind() == graph::Value::Kind::kString) return r.value.as_string();
    return std::string();
  });
}

std::string Joined(const Slot& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

// Prints a question whose evidence was not all retrieved within k (stderr).
void ShowMiss(const Connection& conn, const Conversation& c, const Question& q, const std::vector<Hit>& hits,
              size_t k) {
  std::unordered_map<std::string, const Turn*> turn_of;
  for (const Session& s : c.dialogue.sessions)
    for (const Turn& t : s.turns) turn_of[t.dia_id] = &t;
  std::fprintf(stderr, "miss [%d %s] %s: %s\n", q.category, CategoryName(q.category), c.file.c_str(),
               q.question.c_str());
  for (const std::string& id : q.evidence) {
    size_t rank = 0;
    while (rank < hits.size() &&
           std::find(hits[rank].dia_ids.begin(), hits[rank].dia_ids.end(), id) == hits[rank].dia_ids.end())
      ++rank;
    const Turn* t = turn_of[id];
    std::fprintf(stderr, "  %s %-6s %s: %s\n", rank < k ? "found " : "MISSED", id.c_str(), t->speaker.c_str(),
                 TurnText(*t).c_str());
    if (rank >= k && rank < hits.size()) std::fprintf(stderr, "         (at rank %zu)\n", rank + 1);
  }
  for (size_t i = 0; i < std::min<size_t>(3, hits.size()); ++i) {
    const Hit& h = hits[i];
    if (h.fact) {
      std::fprintf(stderr, "  top%zu  fact citing [%s]: %s\n", i + 1, Joined(h.dia_ids).c_str(),
                   FactText(conn, h.id).c_str());
    } else if (!h.dia_ids.empty()) {
      const Turn* t = turn_of[h.dia_ids[0]];
      std::fprintf(stderr, "  top%zu  %-6s %s: %s\n", i + 1, h.dia_ids[0].c_str(), t->speaker.c_str(),
                   TurnText(*t).c_str());
    }
  }
}

// Loads one conversation into a fresh memory and scores its questions.
// Returns 0, or the exit status of a failure (already reported).
int RunConversation(const BenchOptions& options, const Conversation& c, Retriever& retriever, EvidenceRecall& recall,
                    Totals& totals) {
  auto db = Database::Open();
  if (!db.ok()) {
    std::fprintf(stderr, "locomo: cannot open a memory: %s\n", db.status().ToString().c_str());
    return 1;
  }
  Connection conn = (*db)->Connect();
  const auto t0 = std::chrono::steady_clock::now();
  auto loaded = LoadDialogue(conn, c.dialogue, options.load);
  totals.ingest_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!loaded.ok()) {
    std::fprintf(stderr, "locomo: %s: loading failed: %s\n", c.file.c_str(), loaded.status().ToString().c_str());
    return 1;
  }
  totals.episodes += loaded->episodes;
  totals.facts += loaded->facts;
  totals.normalised += c.repairs.normalised;
  totals.dropped += c.repairs.dropped;
  totals.dropped_ids.insert(totals.dropped_ids.end(), c.repairs.dropped_ids.begin(), c.repairs.dropped_ids.end());
  Json consolidation;
  if (!options.consolidate.empty()) {
    auto done = RunConsolidation(conn, options.consolidate);
    if (!done.ok()) {
      std::fprintf(stderr, "locomo: %s: %s\n", c.file.c_str(), done.status().ToString().c_str());
      return 1;
    }
    consolidation = std::move(done).value();
  }

  const std::vector<size_t> cutoffs = options.Cutoffs();
  const size_t kmax = cutoffs.back();
  EvidenceRecall file_recall(cutoffs);
  for (const Question& q : c.questions) {
    if (q.category < 1 || q.category > 4) {
      ++totals.skipped_category;
      continue;
    }
    if (q.evidence.empty()) {
      ++totals.skipped_no_evidence;
      continue;
    }
    auto got = retriever.Retrieve(conn, q.question, kmax);
    if (!got.ok()) {
      std::fprintf(stderr, "locomo: %s: retrieval failed: %s\n", c.file.c_str(), got.status().ToString().c_str());
      return 1;
    }
    totals.recall_ms.push_back(got->ms);
    const std::vector<Hit> hits = ToHits(conn, *loaded, got->records);
    std::vector<Slot> retrieved;
    retrieved.reserve(hits.size());
    for (const Hit& h : hits) retrieved.push_back(h.dia_ids);
    recall.Add(q.category, q.evidence, retrieved);
    file_recall.Add(q.category, q.evidence, retrieved);
    const double recall_at_k = RecallAt(q.evidence, retrieved, options.k);
    if (totals.details.is_open()) {
      Json slots = Json::array();
      for (const Hit& h : hits) slots.push_back(h.fact ? Json(h.dia_ids) : Json(h.dia_ids.empty() ? "" : h.dia_ids[0]));
      totals.details << Json{{"file", c.file},         {"category", q.category},
                             {"question", q.question}, {"evidence", q.evidence},
                             {"retrieved", slots},     {"recall@" + std::to_string(options.k), Round(recall_at_k)}}
                            .dump()
                     << '\n';
    }
    if (options.misses > 0 && recall_at_k < 1.0 && totals.misses_shown[q.category]++ < options.misses)
      ShowMiss(conn, c, q, hits, options.k);
  }
  totals.per_file.push_back(Json{{"file", c.file},
                                 {"questions", file_recall.questions()},
                                 {"recall@" + std::to_string(options.k), Round(file_recall.Mean(options.k))}});
  if (!consolidation.is_null()) totals.per_file.back()["consolidate"] = consolidation;
  return 0;
}

Json Report(const BenchOptions& options, const std::vector<std::string>& files, const EvidenceRecall& recall,
            const Totals& totals) {
  Json out;
  out["mode"] = options.load.mode == Mode::kTurns ? "turns" : "structured";
  out["retriever"] = options.overlap_baseline ? "overlap baseline" : "recall";
  if (!options.overlap_baseline) {
    out["kinds"] = options.count_facts ? "episode, fact" : "episode";
    out["recall_options"] = options.recall_options;
  }
  if (options.load.mode == Mode::kStructured)
    out["session_provenance"] = options.load.session_provenance ? "turns" : "none";
  if (!options.consolidate.empty()) out["consolidate"] = options.consolidate;
  out["k"] = options.k;
  out["questions"] = recall.questions();
  out["recall@k"] = Round(recall.Mean(options.k));
  for (size_t k : recall.ks()) out["recall@" + std::to_string(k)] = Round(recall.Mean(k));
  Json per_category = Json::object();
  for (int c : recall.categories()) {
    Json entry{{"name", CategoryName(c)}, {"questions", recall.questions(c)}};
    for (size_t k : recall.ks()) entry["recall@" + std::to_string(k)] = Round(recall.Mean(c, k));
    per_category[std::to_string(c)] = entry;
  }
  out["per_category"] = per_category;
  out["p50_ms"] = Round(Percentile(totals.recall_ms, 0.50), 1e3);
  out["p99_ms"] = Round(Percentile(totals.recall_ms, 0.99), 1e3);
  out["ingest_ms"] = Round(totals.ingest_ms, 10);
  out["episodes"] = totals.episodes;
  out["facts"] = totals.facts;
  out["files"] = files;
  out["per_file"] = totals.per_file;
  out["questions_skipped"] = {{"category_5", totals.skipped_category}, {"no_evidence", totals.skipped_no_evidence}};
  out["evidence_ids"] = {
      {"normalised", totals.normalised}, {"dropped", totals.dropped}, {"dropped_ids", totals.dropped_ids}};
  return out;
}

}  // namespace

int RunLocomoBench(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::fputs(kUsage, stdout);
      return 0;
    }
  auto options = ParseBenchOptions(argc, argv);
  if (!options.ok()) {
    std::fprintf(stderr, "locomo: %s\n%s", options.status().message().c_str(), kUsage);
    return 2;
  }
  auto files = ExpandPaths(options->paths);
  if (!files.ok()) {
    if (options->skip_missing_data && files.status().code() == StatusCode::kNotFound) {
      std::fprintf(stderr, "locomo: skipped: %s\n", files.status().message().c_str());
      return kSkipExitCode;
    }
    std::fprintf(stderr, "locomo: %s\n", files.status().message().c_str());
    return 2;
  }
  std::vector<Conversation> conversations;
  for (const std::string& file : *files) {
    auto c = ParseConversation(file);
    if (!c.ok()) {
      std::fprintf(stderr, "locomo: %s\n", c.status().message().c_str());
      return 2;
    }
    conversations.push_back(std::move(c).value());
  }

  const auto retriever =
      options->overlap_baseline
          ? MakeOverlapRetriever()
          : MakeRecallRetriever(options->count_facts ? "episode, fact" : "episode", options->recall_options);
  EvidenceRecall recall(options->Cutoffs());
  Totals totals;
  if (!options->details.empty()) {
    totals.details.open(options->details);
    if (!totals.details) {
      std::fprintf(stderr, "locomo: %s: cannot be written\n", options->details.c_str());
      return 2;
    }
  }
  for (const Conversation& c : conversations)
    if (const int status = RunConversation(*options, c, *retriever, recall, totals); status != 0) return status;

  std::printf("%s\n", Report(*options, *files, recall, totals).dump(2).c_str());
  if (options->min_recall && recall.Mean(options->k) < *options->min_recall) {
    std::fprintf(stderr, "locomo: recall@%zu = %.4f is below --min-recall %.4f\n", options->k, recall.Mean(options->k),
                 *options->min_recall);
    return 1;
  }
  return 0;
}

}  // namespace mnemo::bench
