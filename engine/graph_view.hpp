// GraphView: the Cypher (property graph) view of the hypergraph at one
// point of valid time and transaction time.
//
//  - Nodes are entities and the hyperedges that are not binary. A hyperedge
//    is binary when it is a fact (not an event) binding exactly two entity
//    roles; it is then a relationship from its first entity role to its
//    second. Events are always nodes, whatever their number of participants,
//    so that one query finds every Trip.
//  - A non-binary hyperedge (arity 1, 3, 4, ...) is a node labelled with its
//    type; each entity role is a relationship named after the role, from the
//    hyperedge's node to the participant: RelRef{edge, role index}.
//  - Value roles (a role bound to a value, not an entity) read as properties
//    of the relationship or node, beside the hyperedge's own properties.
//  - Visibility: an entity is visible when it is not forgotten and its
//    transaction time contains `known_at`; a hyperedge when it is not
//    forgotten and both its valid and transaction intervals contain
//    (`as_of`, `known_at`). Invisible records behave as absent; so do
//    relationships of invisible hyperedges and role links to invisible
//    entities.
// Thread-safety: a view only reads; it is valid while the store is unchanged
// or changed only by the statement holding it.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/hypergraph.hpp"

namespace mnemo::engine {

enum class Direction : uint8_t { kOutgoing, kIncoming, kBoth };

// What the running statement deleted: reading a deleted element's labels or
// properties is an error (openCypher DeletedEntityAccess); type(r) of a
// deleted relationship still answers.
struct Deletions {
  std::unordered_set<graph::Id> ids;
  std::unordered_map<graph::Id, std::string> edge_types;
};

class GraphView {
 public:
  // `current` says the read is at "now" on both axes (no AS OF, no KNOWN AT):
  // then only the current incidence lines need scanning.
  GraphView(const graph::Hypergraph& g, temporal::Timestamp as_of, temporal::Timestamp known_at, bool current = false)
      : g_(&g), as_of_(as_of), known_at_(known_at), current_(current) {}

  const graph::Hypergraph& store() const { return *g_; }
  // The running statement's deletions (not owned; may be null).
  void SetDeletions(const Deletions* d) { deleted_ = d; }
  bool IsDeleted(graph::Id id) const { return deleted_ && deleted_->ids.count(id); }
  temporal::Timestamp as_of() const { return as_of_; }
  temporal::Timestamp known_at() const { return known_at_; }
  // True when the read is at "now" on both axes.
  bool current() const { return current_; }

  // --- visibility ------------------------------------------------------------
  bool EntityVisible(const graph::Entity& e) const;
  bool HyperedgeVisible(const graph::Hyperedge& h) const;
  // A hyperedge shown as a relationship (exactly two entity roles).
  static bool IsBinary(const graph::Hyperedge& h);

  // --- nodes -------------------------------------------------------------------
  bool NodeExists(graph::Id id) const;
  std::vector<std::string> NodeLabels(graph::Id id) const;
  bool NodeHasLabel(graph::Id id, std::string_view label) const;
  // Null when absent.
  graph::Value NodeProperty(graph::Id id, std::string_view key) const;
  graph::Map NodeProperties(graph::Id id) const;
  // All visible nodes (entities first, then n-ary hyperedges), in id order.
  std::vector<graph::Id> AllNodes() const;
  // Visible nodes carrying `label` (entities of that type, or n-ary hyperedges of that type).
  std::vector<graph::Id> NodesWithLabel(std::string_view label) const;

  // --- relationships -------------------------------------------------------------
  bool RelExists(graph::RelRef r) const;
  std::string RelType(graph::RelRef r) const;
  graph::Value RelProperty(graph::RelRef r, std::string_view key) const;
  graph::Map RelProperties(graph::RelRef r) const;
  graph::Id RelStart(graph::RelRef r) const;
  graph::Id RelEnd(graph::RelRef r) const;

  // Calls f(RelRef, other node id) for each visible relationship of `node` in
  // `dir` whose type is one of `types` (empty: any). A self-loop is reported
  // once, whatever the direction asked.
  template <typename F>
  void ForEachRel(graph::Id node, Direction dir, const std::vector<std::string>& types, F&& f) const;

 private:
  bool TypeMatches(std::string_view type, const std::vector<std::string>& types) const;
  void CollectRels(graph::Id node, Direction dir, const std::vector<std::string>& types,
                   std::vector<std::pair<graph::RelRef, graph::Id>>& out) const;

  const graph::Hypergraph* g_;
  temporal::Timestamp as_of_;
  temporal::Timestamp known_at_;
  bool current_;
  const Deletions* deleted_ = nullptr;
};

template <typename F>
void GraphView::ForEachRel(graph::Id node, Direction dir, const std::vector<std::string>& types, F&& f) const {
  std::vector<std::pair<graph::RelRef, graph::Id>> rels;
  CollectRels(node, dir, types, rels);
  for (const auto& [r, other] : rels) f(r, other);
}

}  // namespace mnemo::engine
