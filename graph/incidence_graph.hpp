// IncidenceGraph: the hypergraph projected to a plain, undirected, weighted
// graph, the input of the algorithm adapters (boost_view.hpp, igraph_bridge.hpp).
//
// Contract
//  - Vertices are dense 0..n-1. Entities come first, in id order; with
//    Projection::kIncidence the hyperedges follow, in id order. `ids[v]` is
//    the record id of vertex v and `vertex_of` maps it back.
//  - Forgotten entities and forgotten hyperedges are left out. A hyperedge's
//    bindings to values, and to entities that are left out, contribute nothing.
//    Superseded and retracted hyperedges are NOT filtered: callers that want
//    one point in time filter the store first (or add an option here).
//  - Edges are undirected, stored with u < v, sorted by (u, v), and merged:
//    each hyperedge adds weight 1.0 to every distinct vertex pair it yields,
//    so a pair's weight is the number of hyperedges joining it. No self-loops
//    (an entity bound in two roles of one hyperedge does not join itself).
//  - kEntityStar: a hyperedge yields the pairs (first entity, each other
//    entity), "first" meaning its first role bound to a kept entity. A binary
//    hyperedge is therefore one edge; an n-ary one is a STAR around its first
//    entity, not a clique (the other entities are two hops apart).
//  - kIncidence: the bipartite incidence graph; a hyperedge is a vertex joined
//    to each entity it binds, and entities are never joined directly.
// Cost: O(V + B log B) for B role bindings. The result is a snapshot: it does
// not follow later writes. Thread-safety: reads the store; see Hypergraph.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "graph/hypergraph.hpp"
#include "graph/ids.hpp"

namespace mnemo::graph {

enum class Projection : uint8_t {
  kEntityStar,  // vertices = entities; each hyperedge is a star around its first entity
  kIncidence,   // vertices = entities + hyperedges; edges = entity - hyperedge bindings
};

using Vertex = uint32_t;

struct GraphEdge {
  Vertex u = 0, v = 0;  // u < v
  double weight = 1.0;
  friend bool operator==(const GraphEdge&, const GraphEdge&) = default;
};

struct IncidenceGraph {
  Projection projection = Projection::kEntityStar;
  std::vector<Id> ids;                     // vertex -> record id
  std::unordered_map<Id, Vertex> vertex_of;  // record id -> vertex
  size_t num_entities = 0;                 // vertices [0, num_entities) are entities
  std::vector<GraphEdge> edges;            // sorted by (u, v), merged

  size_t num_vertices() const { return ids.size(); }
  bool is_entity(Vertex v) const { return v < num_entities; }
  // The vertex of a record, or nullopt when it is not in the projection.
  std::optional<Vertex> VertexOf(Id id) const {
    auto it = vertex_of.find(id);
    if (it == vertex_of.end()) return std::nullopt;
    return it->second;
  }
  // Sum of the edge weights (the "m" of modularity).
  double total_weight() const;
};

IncidenceGraph BuildIncidenceGraph(const Hypergraph& store, Projection projection = Projection::kEntityStar);

}  // namespace mnemo::graph
