#include "engine/recall_channels.hpp"

#include <algorithm>
#include <cmath>

#include "index/tokenizer.hpp"

namespace mnemo::engine {

using graph::Id;

bool RecallFilter::operator()(Id id) const {
  const graph::Hypergraph& g = ctx_.g;
  if (const graph::Episode* ep = g.episode(id)) {
    // An episode is visible once it happened (valid time) and was recorded (transaction time).
    return !ep->forgotten && ep->time <= ctx_.as_of && ep->timeline.transaction().Contains(ctx_.known_at) &&
           ep->trust >= min_trust_;
  }
  if (const graph::Hyperedge* h = g.hyperedge(id)) return ctx_.view.HyperedgeVisible(*h) && h->confidence >= min_trust_;
  if (const graph::Entity* e = g.entity(id)) return ctx_.view.EntityVisible(*e);
  return false;
}

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

index::SpreadResult GraphChannel(const ExecContext& ctx, const RecallIndex& index,
                                 const std::vector<std::pair<Id, float>>& seeds, const RecallFilter& accept) {
  const graph::Hypergraph& g = ctx.g;
  const bool with_past = !ctx.view.current();
  // Link weights: participation in a fact and provenance are strong; being
  // the speaker of or subject of an episode, and a session neighbour, weaker.
  auto neighbours = [&](Id node, std::vector<index::Neighbor>& out) {
    auto add = [&](Id id, float w) {
      if (id != graph::kNoId && accept(id)) out.push_back({id, w});
    };
    if (g.entity(node)) {
      g.ForEachIncidence(node, graph::kNoSymbol, graph::kNoSymbol, [&](const graph::Incidence& inc) { add(inc.edge, 1.0f); },
                         with_past);
      for (Id ep : index.EpisodesOf(node)) add(ep, 0.5f);
    } else if (const graph::Hyperedge* h = g.hyperedge(node)) {
      for (const auto& r : h->roles)
        if (r.is_entity()) add(r.entity, 1.0f);
      for (Id ep : h->provenance) add(ep, 1.0f);
    } else if (const graph::Episode* ep = g.episode(node)) {
      add(ep->speaker, 0.25f);
      for (Id a : ep->about) add(a, 0.5f);
      for (Id f : index.FactsFrom(node)) add(f, 1.0f);
      auto [before, after] = index.SessionNeighbours(node);
      add(before, 0.5f);
      add(after, 0.5f);
    }
  };
  index::SpreadParams params;
  params.max_hops = 2;
  params.decay = 0.5f;
  params.max_nodes = 2000;
  return index::Spread(seeds, neighbours, params);
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
