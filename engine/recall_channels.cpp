#include "engine/recall_channels.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "index/tokenizer.hpp"

namespace mnemo::engine {

using graph::Id;

RecallFilter::RecallFilter(const ExecContext& ctx, double min_trust)
    : ctx_(ctx),
      min_trust_(min_trust),
      table_(ctx.services && min_trust <= 0 && ctx.view.as_of() == ctx.view.known_at()
                 ? &ctx.services->recall().visibility()
                 : nullptr) {}

RecallVisibility::Answer RecallFilter::FromTable(Id id, graph::RecordKind kind) const {
  if (!table_) return RecallVisibility::Answer::kUnknown;
  const graph::RecordKind indexed = table_->Kind(id);
  if (indexed == graph::RecordKind::kNone) return RecallVisibility::Answer::kUnknown;
  if (kind != graph::RecordKind::kNone && indexed != kind) return RecallVisibility::Answer::kHidden;
  return table_->Lookup(id, ctx_.view.as_of());
}

bool RecallFilter::operator()(Id id) const {
  if (const auto a = FromTable(id, graph::RecordKind::kNone); a != RecallVisibility::Answer::kUnknown)
    return a == RecallVisibility::Answer::kVisible;
  const graph::Hypergraph& g = ctx_.g;
  if (const graph::Episode* ep = g.episode(id)) return Visible(*ep);
  if (const graph::Hyperedge* h = g.hyperedge(id)) return Visible(*h);
  if (const graph::Entity* e = g.entity(id)) return Visible(*e);
  return false;
}

bool RecallFilter::Episode(Id id) const {
  if (const auto a = FromTable(id, graph::RecordKind::kEpisode); a != RecallVisibility::Answer::kUnknown)
    return a == RecallVisibility::Answer::kVisible;
  const graph::Episode* ep = ctx_.g.episode(id);
  return ep && Visible(*ep);
}

bool RecallFilter::Fact(Id id) const {
  if (const auto a = FromTable(id, graph::RecordKind::kHyperedge); a != RecallVisibility::Answer::kUnknown)
    return a == RecallVisibility::Answer::kVisible;
  const graph::Hyperedge* h = ctx_.g.hyperedge(id);
  return h && Visible(*h);
}

bool RecallFilter::Entity(Id id) const {
  if (const auto a = FromTable(id, graph::RecordKind::kEntity); a != RecallVisibility::Answer::kUnknown)
    return a == RecallVisibility::Answer::kVisible;
  const graph::Entity* e = ctx_.g.entity(id);
  return e && Visible(*e);
}

bool RecallFilter::Visible(const graph::Episode& ep) const {
  // An episode is visible once it happened (valid time) and was recorded (transaction time).
  return !ep.forgotten && ep.time <= ctx_.as_of && ep.timeline.transaction().Contains(ctx_.known_at) &&
         ep.trust >= min_trust_;
}

bool RecallFilter::Visible(const graph::Hyperedge& h) const {
  return ctx_.view.HyperedgeVisible(h) && h.confidence >= min_trust_;
}

bool RecallFilter::Visible(const graph::Entity& e) const { return ctx_.view.EntityVisible(e); }

Ranked VectorChannel(const RecallIndex& index, const std::vector<float>& query, size_t n, const RecallFilter& accept) {
  Ranked out;
  if (std::none_of(query.begin(), query.end(), [](float x) { return x != 0; })) return out;
  // Faiss knows nothing of time or trust: ask for more, then filter; widen
  // once when too many were filtered out.
  for (size_t ask = n * 2; out.size() < n; ask *= 4) {
    out.clear();
    auto hits = index.SearchVectors(query, ask);
    if (!hits.ok()) return out;
    for (const auto& h : *hits)
      if (out.size() < n && accept(h.id)) out.emplace_back(h.id, h.score);
    if (hits->size() < ask || ask >= 16 * n) break;
  }
  return out;
}

Ranked KeywordChannel(const RecallIndex& index, const std::string& query, size_t n, const RecallFilter& accept) {
  Ranked out;
  for (const auto& h : index.keywords().Search(query, n, [&](Id id) { return accept(id); }))
    out.emplace_back(h.id, h.score);
  return out;
}

std::vector<Id> EntitiesMentioned(const RecallIndex& index, const std::string& query, const RecallFilter& accept) {
  // Words as written (lower case, punctuation dropped), stopwords kept: names like "The Hague".
  std::vector<std::string> words;
  std::string word;
  for (char c : query + ' ') {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || c == '\'' || c == '-') {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      while (!word.empty() && word.back() == '\'') word.pop_back();
      if (word.size() > 2 && word.ends_with("'s")) word.resize(word.size() - 2);  // Caroline's
      words.push_back(std::move(word));
      word.clear();
    }
  }
  std::vector<Id> out;
  const size_t longest = index.longest_name_words();
  for (size_t i = 0; i < words.size(); ++i) {
    std::string name;
    for (size_t j = i; j < words.size() && j - i < longest; ++j) {
      name += (j > i ? " " : "") + words[j];
      for (Id id : index.EntitiesNamed(name))
        if (accept(id) && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
  }
  return out;
}

namespace {
// An entity with more links than this is a hub (see GraphChannel).
constexpr size_t kHubLinks = 1000;
}  // namespace

index::SpreadResult GraphChannel(const ExecContext& ctx, const RecallIndex& index,
                                 const std::vector<std::pair<Id, float>>& seeds, const RecallFilter& accept) {
  const graph::Hypergraph& g = ctx.g;
  const bool with_past = !ctx.view.current();
  // Calls f(id, weight, kind) for each link of `node`, visible or not, in a
  // fixed order, until f returns false. Link weights: participation in a
  // fact and provenance are strong; being the speaker of or subject of an
  // episode, and a session neighbour, weaker.
  enum Kind { kEpisode, kFact, kEntity };
  auto kind_of = [&](Id node) {
    const graph::RecordKind kind = index.visibility().Kind(node);
    return kind != graph::RecordKind::kNone ? kind : g.KindOf(node);
  };
  auto for_each_link = [&](Id node, auto&& f) {
    const graph::RecordKind node_kind = kind_of(node);
    if (const graph::Entity* e = node_kind == graph::RecordKind::kEntity ? g.entity(node) : nullptr) {
      for (const graph::Incidence& inc : e->incidence)
        if (!f(inc.edge, 1.0f, kFact)) return;
      if (with_past)
        for (const graph::Incidence& inc : e->past_incidence)
          if (!f(inc.edge, 1.0f, kFact)) return;
      for (Id ep : index.EpisodesOf(node))
        if (!f(ep, 0.5f, kEpisode)) return;
    } else if (const graph::Hyperedge* h = node_kind == graph::RecordKind::kHyperedge ? g.hyperedge(node) : nullptr) {
      for (const auto& r : h->roles)
        if (r.is_entity() && !f(r.entity, 1.0f, kEntity)) return;
      for (Id ep : h->provenance)
        if (!f(ep, 1.0f, kEpisode)) return;
    } else if (const graph::Episode* ep = node_kind == graph::RecordKind::kEpisode ? g.episode(node) : nullptr) {
      if (!f(ep->speaker, 0.25f, kEntity)) return;
      for (Id a : ep->about)
        if (!f(a, 0.5f, kEntity)) return;
      for (Id fact : index.FactsFrom(node))
        if (!f(fact, 1.0f, kFact)) return;
      auto [before, after] = index.SessionNeighbours(node);
      if (f(before, 0.5f, kEpisode)) f(after, 0.5f, kEpisode);
    }
  };
  auto visible = [&](Id id, Kind kind) {
    if (id == graph::kNoId) return false;
    return kind == kEpisode ? accept.Episode(id) : kind == kFact ? accept.Fact(id) : accept.Entity(id);
  };
  auto hub_links = [&](const graph::Entity& e, Id node) {
    return e.incidence.size() + (with_past ? e.past_incidence.size() : 0) + index.EpisodesOf(node).size();
  };
  // The most link weight an entity can have: every link visible.
  auto max_weight = [&](const graph::Entity& e, Id node) {
    return static_cast<double>(e.incidence.size() + (with_past ? e.past_incidence.size() : 0)) +
           0.5 * static_cast<double>(index.EpisodesOf(node).size());
  };

  index::SpreadParams params;
  params.max_hops = 2;
  params.decay = 0.5f;
  params.max_nodes = 2000;

  // Hubs (entities with thousands of episodes, such as an agent's user) are
  // costly to list, and their energy, divided among so many links, rarely
  // survives: Spread drops a transfer under min_activation, and a node of
  // energy e and visible link weight W passes e * decay * w / max(1, W)
  // along a link of weight w <= 1. So Spread first runs with hubs listing
  // no links. Then each hub it expanded is checked: when its visible link
  // weight exceeds `needed(score)` (its score bounds its energy in any
  // wave), every transfer of it was dropped, and the result is exactly the
  // one of listing it. Otherwise Spread runs again with the hub listed.
  auto needed = [&](double energy) {  // with a margin of 1% for rounding
    return std::max(1.0, 1.01 * energy * params.decay / params.min_activation);
  };
  std::unordered_set<Id> listed;
  for (const auto& [id, energy] : seeds)  // seeds that could not pass the check
    if (const graph::Entity* e = g.entity(id);
        e && hub_links(*e, id) > kHubLinks && max_weight(*e, id) <= needed(energy))
      listed.insert(id);
  std::vector<Id> skipped;
  auto neighbours = [&](Id node, std::vector<index::Neighbor>& out) {
    if (const graph::Entity* e = kind_of(node) == graph::RecordKind::kEntity ? g.entity(node) : nullptr;
        e && hub_links(*e, node) > kHubLinks && !listed.count(node)) {
      skipped.push_back(node);
      return;
    }
    for_each_link(node, [&](Id id, float w, Kind kind) {
      if (visible(id, kind)) out.push_back({id, w});
      return true;
    });
  };
  for (;;) {
    skipped.clear();
    index::SpreadResult result = index::Spread(seeds, neighbours, params);
    bool exact = true;
    for (Id hub : skipped) {
      const double need = needed(result.nodes().at(hub).score);
      double weight = 0;
      if (max_weight(*g.entity(hub), hub) > need)
        for_each_link(hub, [&](Id id, float w, Kind kind) {
          if (id != hub && visible(id, kind)) weight += w;
          return weight <= need;
        });
      if (weight <= need) {
        listed.insert(hub);
        exact = false;
      }
    }
    if (exact) return result;
  }
}

Ranked RecencyChannel(RecallIndex& index, const std::vector<Id>& candidates, temporal::Timestamp now) {
  std::vector<double> levels;
  index.uses().BaseLevels(candidates, now, 0.5, levels);
  Ranked out;
  for (size_t i = 0; i < candidates.size(); ++i)
    if (std::isfinite(levels[i])) out.emplace_back(candidates[i], static_cast<float>(levels[i]));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return out;
}

}  // namespace mnemo::engine
