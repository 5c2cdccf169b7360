#include "engine/consolidate_dedupe.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "engine/consolidate_merge.hpp"
#include "engine/consolidate_support.hpp"
#include "engine/recall_index.hpp"
#include "index/hashing_embedder.hpp"
#include "index/vector_index.hpp"

namespace mnemo::engine::consolidate {

using graph::Id;
using graph::Value;

namespace {

constexpr double kDefaultThreshold = 0.9;
constexpr size_t kNeighbours = 6;       // nearest names compared per entity
constexpr size_t kFlatLimit = 4096;     // exact search up to this many names of a type
constexpr size_t kMaxBucketPairs = 64;  // pairs taken per shared alias

enum Reason { kKey, kAlias, kAcronym, kEmbedding };
constexpr const char* kReasonNames[] = {"key", "alias", "acronym", "embedding"};

struct Candidate {
  graph::Symbol type;
  Reason reason;
  double score;
};
using Pair = std::pair<Id, Id>;  // first < second

struct Proposal {
  Id source, target;
  Candidate why;
};

std::string KeyText(const graph::Hypergraph& g, Id id, graph::Symbol type) {
  const Value* key = g.EntityProperty(id, g.KeyPropertyOf(g.names().Text(type)));
  if (!key) return {};
  return key->kind() == Value::Kind::kString ? key->as_string() : key->ToString();
}

// Union-find over entity ids.
class Groups {
 public:
  Id Find(Id id) {
    auto it = parent_.find(id);
    if (it == parent_.end()) return parent_[id] = id;
    if (it->second == id) return id;
    return it->second = Find(it->second);
  }
  void Join(Id a, Id b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::unordered_map<Id, Id> parent_;
};

class Finder {
 public:
  Finder(const graph::Hypergraph& g, const index::Embedder& embedder, double threshold)
      : g_(g), embedder_(embedder), threshold_(threshold) {}

  // Adds the candidates among `ids`, all of type `type`.
  Status AddType(graph::Symbol type, const std::vector<Id>& ids) {
    std::vector<std::string> keys(ids.size());
    std::unordered_map<std::string, std::vector<size_t>> by_key, by_name, by_acronym;
    for (size_t i = 0; i < ids.size(); ++i) {
      keys[i] = NormaliseName(KeyText(g_, ids[i], type));
      if (keys[i].empty()) continue;
      by_key[keys[i]].push_back(i);
      by_name[keys[i]].push_back(i);
      if (const std::string a = Acronym(keys[i]); !a.empty()) by_acronym[a].push_back(i);
    }
    for (size_t i = 0; i < ids.size(); ++i)
      for (const auto& alias : g_.entity(ids[i])->aliases)
        if (const std::string a = NormaliseName(alias); !a.empty() && a != keys[i]) by_name[a].push_back(i);

    for (const auto& [key, members] : by_key)
      for (size_t j = 1; j < members.size(); ++j) Add(ids[members[0]], ids[members[j]], {type, kKey, 1.0});
    for (size_t i = 0; i < ids.size(); ++i)
      for (const auto& alias : g_.entity(ids[i])->aliases) {
        auto it = by_name.find(NormaliseName(alias));
        if (it == by_name.end()) continue;
        for (size_t j = 0; j < it->second.size() && j < kMaxBucketPairs; ++j)
          Add(ids[i], ids[it->second[j]], {type, kAlias, 1.0});
      }
    for (size_t i = 0; i < ids.size(); ++i) {
      if (keys[i].empty() || keys[i].find(' ') != std::string::npos) continue;
      auto it = by_acronym.find(keys[i]);
      if (it == by_acronym.end()) continue;
      for (size_t j = 0; j < it->second.size() && j < kMaxBucketPairs; ++j)
        Add(ids[i], ids[it->second[j]], {type, kAcronym, 1.0});
    }
    return AddSimilar(type, ids, keys);
  }

  const std::map<Pair, Candidate>& pairs() const { return pairs_; }

 private:
  void Add(Id a, Id b, Candidate c) {
    if (a == b) return;
    pairs_.emplace(Pair{std::min(a, b), std::max(a, b)}, c);  // an earlier (stronger) reason stays
  }

  Status AddSimilar(graph::Symbol type, const std::vector<Id>& ids, const std::vector<std::string>& keys) {
    if (threshold_ > 1.0 || ids.size() < 2) return Status::OK();
    index::VectorIndex vectors(embedder_.dimension(), ids.size() <= kFlatLimit ? index::VectorIndex::Kind::kFlat
                                                                               : index::VectorIndex::Kind::kHnsw);
    std::vector<std::vector<float>> embedded(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
      if (keys[i].empty()) continue;
      embedded[i] = embedder_.Embed(keys[i]);
      if (std::none_of(embedded[i].begin(), embedded[i].end(), [](float x) { return x != 0; })) {
        embedded[i].clear();
        continue;
      }
      MNEMO_RETURN_IF_ERROR(vectors.Add(static_cast<Id>(i + 1), embedded[i]));  // index position + 1 (0 is no id)
    }
    for (size_t i = 0; i < ids.size(); ++i) {
      if (embedded[i].empty()) continue;
      MNEMO_ASSIGN_OR_RETURN(auto hits, vectors.Search(embedded[i], kNeighbours));
      for (const auto& hit : hits) {
        const size_t j = static_cast<size_t>(hit.id - 1);
        if (j != i && hit.score >= threshold_ && keys[j] != keys[i])
          Add(ids[i], ids[j], {type, kEmbedding, std::min(1.0, static_cast<double>(hit.score))});
      }
    }
    return Status::OK();
  }

  const graph::Hypergraph& g_;
  const index::Embedder& embedder_;
  double threshold_;
  std::map<Pair, Candidate> pairs_;
};

// Merges undone by UNMERGE, as pairs: not proposed again.
std::set<Pair> UndoneMerges(const graph::Hypergraph& g) {
  std::set<Pair> out;
  const graph::Symbol source = g.names().Find("source"), target = g.names().Find("target");
  for (Id id : g.HyperedgesOfType(kMergedInto)) {
    const graph::Hyperedge& h = *g.hyperedge(id);
    if (h.time.retracted_at == temporal::kForever) continue;
    Id a = graph::kNoId, b = graph::kNoId;
    for (const auto& r : h.roles) {
      if (r.role == source) a = r.entity;
      if (r.role == target) b = r.entity;
    }
    out.emplace(std::min(a, b), std::max(a, b));
  }
  return out;
}

}  // namespace

std::string NormaliseName(std::string_view name) {
  std::string out;
  bool gap = false;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!word) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

std::string Acronym(std::string_view normalised) {
  std::string out;
  size_t words = 0;
  size_t pos = 0;
  while (pos < normalised.size()) {
    const size_t end = std::min(normalised.find(' ', pos), normalised.size());
    const std::string_view word = normalised.substr(pos, end - pos);
    ++words;
    if (word != "of" && word != "and" && word != "the" && word != "for") out += word[0];
    pos = end + 1;
  }
  return words >= 2 && out.size() >= 2 ? out : std::string();
}

Status RunDedupe(ExecContext& ctx, const lang::Consolidate& c, QueryResult& result) {
  double threshold = kDefaultThreshold;
  if (c.threshold) {
    MNEMO_ASSIGN_OR_RETURN(threshold, EvalNumberOption(ctx, *c.threshold, "THRESHOLD", 0.0, 1.0));
  }
  graph::Hypergraph& g = ctx.g;
  const LiveMemory live(ctx);
  const index::HashingEmbedder builtin;
  const index::Embedder& embedder = ctx.services ? ctx.services->recall().embedder() : builtin;

  std::map<graph::Symbol, std::vector<Id>> by_type;
  for (const auto& [id, e] : g.entities())
    if (live.Entity(e))
      for (graph::Symbol t : e.types) by_type[t].push_back(id);
  Finder finder(g, embedder, threshold);
  for (const auto& [type, ids] : by_type) MNEMO_RETURN_IF_ERROR(finder.AddType(type, ids));

  const std::set<Pair> undone = UndoneMerges(g);
  Groups groups;
  std::vector<std::pair<Pair, Candidate>> kept;
  for (const auto& [pair, why] : finder.pairs()) {
    if (undone.count(pair)) continue;
    groups.Join(pair.first, pair.second);
    kept.emplace_back(pair, why);
  }
  EpisodeLinks links(g);
  auto weight = [&](Id id) {
    const graph::Entity& e = *g.entity(id);
    return e.incidence.size() + e.past_incidence.size() + links.Of(id).size();
  };
  std::map<Id, std::vector<Id>> members;  // group root -> members
  for (const auto& [pair, why] : kept) {
    for (Id id : {pair.first, pair.second}) {
      auto& list = members[groups.Find(id)];
      if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
    }
  }
  std::vector<Proposal> proposals;
  for (auto& [root, list] : members) {
    std::sort(list.begin(), list.end());
    Id target = list[0];
    for (Id id : list)
      if (weight(id) > weight(target)) target = id;
    for (Id source : list) {
      if (source == target) continue;
      const Candidate* why = nullptr;
      auto direct = finder.pairs().find(Pair{std::min(source, target), std::max(source, target)});
      if (direct != finder.pairs().end() && !undone.count(direct->first)) why = &direct->second;
      for (size_t i = 0; !why && i < kept.size(); ++i)
        if (kept[i].first.first == source || kept[i].first.second == source) why = &kept[i].second;
      proposals.push_back({source, target, *why});
    }
  }
  std::sort(proposals.begin(), proposals.end(), [](const Proposal& a, const Proposal& b) {
    return a.target != b.target ? a.target < b.target : a.source < b.source;
  });

  result.columns = {"source", "source_name", "target", "target_name", "type", "reason", "score", "merge"};
  for (const Proposal& p : proposals) {
    // Names before the merge: afterwards the source is archived.
    std::vector<Value> row{Value(static_cast<int64_t>(p.source)),
                           Value(EntityName(g, p.source)),
                           Value(static_cast<int64_t>(p.target)),
                           Value(EntityName(g, p.target)),
                           Value(std::string(g.names().Text(p.why.type))),
                           Value(kReasonNames[p.why.reason]),
                           Value(p.why.score),
                           Value()};
    if (c.apply) {
      MNEMO_ASSIGN_OR_RETURN(MergeReport merged, MergeEntities(ctx, p.source, p.target, &links));
      row.back() = Value(static_cast<int64_t>(merged.merge));
    }
    result.rows.push_back(std::move(row));
  }
  ctx.notices.push_back("DEDUPE: " + std::to_string(proposals.size()) + " duplicate entities in " +
                        std::to_string(members.size()) + " groups " +
                        (c.apply ? "merged" : "proposed (CONSOLIDATE DEDUPE APPLY merges them)"));
  return Status::OK();
}

}  // namespace mnemo::engine::consolidate
