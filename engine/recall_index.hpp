// RecallIndex: the derived indexes RECALL reads — vectors (Faiss), keywords
// (BM25), the links spreading activation walks that the store does not keep
// (entity -> episodes it speaks in or is about, episode -> facts learned
// from it, session neighbours), names for finding entities a query
// mentions, and the use log behind the recency channel.
//
// Contract: after Apply(store, changes) for every committed group (or one
// Rebuild), an episode, fact or entity is indexed exactly when it exists and
// is not forgotten; purged and forgotten records are in no index. Facts that
// were superseded or retracted stay indexed (AS OF reads need them) and are
// filtered by visibility at query time.
// Thread-safety: Apply/Rebuild need exclusive access (the Database's
// exclusive lock); everything else may run concurrently under the shared
// lock (the use log has its own mutex).
#pragma once

#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/recall_visibility.hpp"
#include "graph/hypergraph.hpp"
#include "index/base_level.hpp"
#include "index/embedder.hpp"
#include "index/keyword_index.hpp"
#include "index/vector_index.hpp"

namespace mnemo::engine {

class RecallIndex;
// OK when a client-supplied vector (empty: none) fits the memory's vectors;
// InvalidArgument naming both dimensions otherwise.
Status CheckDimension(const RecallIndex& index, const std::vector<float>& vector);

class RecallIndex {
 public:
  // `embedder` null: the built-in HashingEmbedder. `exact`: flat vector search.
  RecallIndex(std::shared_ptr<const index::Embedder> embedder, bool exact);
  ~RecallIndex();

  void Apply(const graph::Hypergraph& g, const graph::ChangeSet& changes);
  void Rebuild(const graph::Hypergraph& g);

  const index::Embedder& embedder() const { return *embedder_; }
  // Whether the embedder was given by the client (not the built-in one).
  bool client_embedder() const { return client_embedder_; }
  // The k nearest vectors. Vectors written since the last vector search
  // are first added to the index in one batch (in id order): an HNSW insert
  // costs far more than the rest of a write, and most recalls never use the
  // vector channel. Errors: InvalidArgument on a wrong dimension.
  Result<std::vector<index::VectorHit>> SearchVectors(const std::vector<float>& query, size_t k) const;
  // Vectors in the index or waiting for it.
  size_t vector_count() const { return vectors_->size() + pending_vectors_.size(); }
  const index::KeywordIndex& keywords() const { return keywords_; }
  index::UseLog& uses() { return uses_; }

  // The text a record is indexed under: an episode's text; a fact's type and
  // role values ("lives_in resident Caroline city Berlin"); an entity's key,
  // aliases and types.
  static std::string TextOf(const graph::Hypergraph& g, graph::Id id);

  // Episodes an entity speaks in or is about.
  const std::vector<graph::Id>& EpisodesOf(graph::Id entity) const;
  // Facts whose provenance names the episode.
  const std::vector<graph::Id>& FactsFrom(graph::Id episode) const;
  // The episodes before and after this one in its session (kNoId when none).
  std::pair<graph::Id, graph::Id> SessionNeighbours(graph::Id episode) const;
  // Entities whose key or an alias, normalised (lower case, single spaces),
  // equals `name`.
  const std::vector<graph::Id>& EntitiesNamed(std::string_view name) const;
  // The most words in any indexed name (bounds the n-grams a query is cut into).
  size_t longest_name_words() const { return longest_name_words_; }
  // Visibility of indexed records to a read at one instant, without the store.
  const RecallVisibility& visibility() const { return visibility_; }

 private:
  void Index(const graph::Hypergraph& g, graph::Id id);
  void Unindex(graph::Id id);
  void LinkRecord(const graph::Hypergraph& g, graph::Id id);
  void UnlinkRecord(graph::Id id);

  bool client_embedder_;  // declared first: initialised before embedder_ takes the pointer
  std::shared_ptr<const index::Embedder> embedder_;
  std::unique_ptr<index::VectorIndex> vectors_;
  // Written but not yet in vectors_. Apply (exclusive access) fills it;
  // SearchVectors drains it under vectors_mutex_ (exclusive), while other
  // searches hold that mutex shared.
  mutable std::unordered_map<graph::Id, std::vector<float>> pending_vectors_;
  mutable std::shared_mutex vectors_mutex_;
  index::KeywordIndex keywords_;
  index::UseLog uses_;

  std::unordered_set<graph::Id> indexed_;
  std::unordered_map<graph::Id, uint64_t> fingerprints_;  // of the indexed text
  // Links the store keeps only one way. links_of_ lists, for an episode or
  // fact, the records under which it was filed, to unfile it.
  std::unordered_map<graph::Id, std::vector<graph::Id>> episodes_of_;  // entity -> episodes
  std::unordered_map<graph::Id, std::vector<graph::Id>> facts_from_;   // episode -> facts
  std::unordered_map<graph::Id, std::vector<graph::Id>> links_of_;
  // session -> its episodes ordered by (time, id); episode -> (session, time)
  std::unordered_map<graph::Symbol, std::vector<std::pair<temporal::Timestamp, graph::Id>>> sessions_;
  std::unordered_map<graph::Id, std::pair<graph::Symbol, temporal::Timestamp>> session_of_;
  std::unordered_map<std::string, std::vector<graph::Id>> names_;  // normalised name -> entities
  std::unordered_map<graph::Id, std::vector<std::string>> names_of_;
  size_t longest_name_words_ = 0;
  RecallVisibility visibility_;
};

}  // namespace mnemo::engine
