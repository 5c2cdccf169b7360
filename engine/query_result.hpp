// QueryResult: what one statement returns — columns, rows, side-effect
// counts, and a description of every graph element the rows refer to.
//
// Rows hold graph::Value; nodes, relationships and paths appear as
// NodeRef/RelRef/PathValue ids. `nodes` and `relationships` describe each one
// as it was when the statement finished (labels/type, properties, ends), so
// a formatter needs nothing but the QueryResult.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/value.hpp"

namespace mnemo {

// Side effects, counted as openCypher engines count them, plus memory records.
struct QueryStats {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t properties_set = 0;      // values written (a replaced value also counts as removed)
  int64_t properties_removed = 0;  // values removed, by REMOVE, SET to null, replacement or deletion
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
  int64_t episodes_created = 0;
  int64_t facts_created = 0;      // hyperedges (facts and events), any arity
  int64_t facts_retracted = 0;
  int64_t records_forgotten = 0;
  int64_t records_purged = 0;
  int64_t schema_changes = 0;

  bool empty() const;
  // (name, value) pairs of the non-zero counters, in a fixed order.
  std::vector<std::pair<std::string, int64_t>> NonZero() const;
};

struct NodeView {
  std::vector<std::string> labels;
  graph::Map properties;
};

struct RelationshipView {
  std::string type;
  graph::Map properties;
  graph::Id start = graph::kNoId;  // node ids of the Cypher view
  graph::Id end = graph::kNoId;
};

struct RelKeyHash {
  size_t operator()(const graph::RelRef& r) const { return std::hash<uint64_t>{}(r.edge * 31 + static_cast<uint64_t>(r.role + 1)); }
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<graph::Value>> rows;
  QueryStats stats;
  // Set for EXPLAIN: the plan, one operator per line.
  std::string plan;
  // Non-fatal remarks (e.g. a write that changed nothing), for display.
  std::vector<std::string> notices;

  std::unordered_map<graph::Id, NodeView> nodes;
  std::unordered_map<graph::RelRef, RelationshipView, RelKeyHash> relationships;

  // Cypher-style text of a value: (:Person {name: 'Ann'}), [:KNOWS {since: 2}],
  // <(:A)-[:T]->(:B)>, or the literal form of other values.
  std::string Render(const graph::Value& v) const;
};

}  // namespace mnemo
