// The four channels of RECALL, each a ranked list of candidate records
// (episodes, facts, entities) visible at the statement's time.
//
//  - vector:  nearest neighbours of the query vector (Faiss).
//  - keyword: BM25 over record texts, with top-k pruning.
//  - graph:   spreading activation from the entities the query names (by
//             key or alias, whole words, case-insensitive) and ABOUT gives,
//             plus the best hits of the other channels, through visible
//             facts, episodes and session neighbours.
//  - recency: ACT-R base-level activation (recency and frequency of use)
//             of the other channels' candidates.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/exec_context.hpp"
#include "engine/recall_index.hpp"
#include "index/spreading_activation.hpp"

namespace mnemo::engine {

using Ranked = std::vector<std::pair<graph::Id, float>>;

// What a channel may return: an indexed record visible at the statement's
// (AS OF, KNOWN AT) whose trust (episodes) or confidence (facts) reaches the minimum.
class RecallFilter {
 public:
  RecallFilter(const ExecContext& ctx, double min_trust);
  bool operator()(graph::Id id) const;
  // The same test for a record known to be an episode, a fact (or event),
  // or an entity: one store lookup instead of up to three. False for a
  // record of another kind.
  bool Episode(graph::Id id) const;
  bool Fact(graph::Id id) const;
  bool Entity(graph::Id id) const;

 private:
  bool Visible(const graph::Episode& ep) const;
  bool Visible(const graph::Hyperedge& h) const;
  bool Visible(const graph::Entity& e) const;
  // The answer of the recall index's visibility table when it has one for
  // this read (one instant on both axes, no minimum trust); kUnknown otherwise.
  RecallVisibility::Answer FromTable(graph::Id id, graph::RecordKind kind) const;
  const ExecContext& ctx_;
  double min_trust_;
  const RecallVisibility* table_;  // null when the table cannot answer this read
};

Ranked VectorChannel(const RecallIndex& index, const std::vector<float>& query, size_t n, const RecallFilter& accept);
Ranked KeywordChannel(const RecallIndex& index, const std::string& query, size_t n, const RecallFilter& accept);

// Entities the query text names: every run of up to longest_name_words()
// words equal to an entity's normalised key or alias.
std::vector<graph::Id> EntitiesMentioned(const RecallIndex& index, const std::string& query, const RecallFilter& accept);

// Spreads from `seeds` over the visible memory graph.
index::SpreadResult GraphChannel(const ExecContext& ctx, const RecallIndex& index,
                                 const std::vector<std::pair<graph::Id, float>>& seeds, const RecallFilter& accept);

// Ranks `candidates` by base-level activation at `now`.
Ranked RecencyChannel(RecallIndex& index, const std::vector<graph::Id>& candidates, temporal::Timestamp now);

}  // namespace mnemo::engine
