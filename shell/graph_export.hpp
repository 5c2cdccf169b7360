// Pictures of a memory: the subgraph a query returned, written as Graphviz
// DOT (`dot -Tpng`, `dot -Tsvg`) or GraphML (Gephi, yEd, NetworkX).
//
// What is drawn, from result.nodes and result.relationships (and the ends of
// every relationship, even when result.nodes does not describe them):
//  - an entity is a node labelled with its types and its key
//    ("Person\nCaroline"; "#17" when it has no key and no `name`);
//  - an n-ary fact or an event is a small node labelled with its type and its
//    valid time, linked to each participant by an edge labelled with the role;
//  - a binary fact is an edge labelled with its type and its valid time.
// Valid time ("2023-04-01 – 2024-01-01", "from 2023-04-01", "until …") is read
// from the store through Connection::Read. Properties go to tooltips (DOT)
// and a `properties` attribute (GraphML). Nodes and edges come in id order,
// so the same memory always gives the same file. Text is made valid UTF-8
// (and valid XML) whatever the store holds.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string_view>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

enum class GraphFormat { kDot, kGraphml };

// "dot" or "graphml" (lower case); nullopt for anything else.
std::optional<GraphFormat> ParseGraphFormat(std::string_view name);

// How much was written.
struct GraphCounts {
  size_t nodes = 0;
  size_t edges = 0;
};

// Writes the subgraph `result` refers to. Errors: IOError when `out` fails.
Status WriteGraph(Connection& conn, const QueryResult& result, GraphFormat format, std::ostream& out);
// The same, also telling how many nodes and edges were written (`counts` may be null).
Status WriteGraph(Connection& conn, const QueryResult& result, GraphFormat format, std::ostream& out,
                  GraphCounts* counts);

// A result describing the whole current memory: every node and relationship
// that `MATCH (n) RETURN n` and `MATCH ()-[r]->() RETURN r` see (what holds
// now; forgotten, superseded and retracted records are left out). Its rows
// are empty. Errors: those of the two queries.
Result<QueryResult> WholeMemory(Connection& conn);

}  // namespace mnemo::shell
