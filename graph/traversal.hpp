// Traversals over the projected hypergraph (implemented with Boost.Graph in
// traversal.cpp; this header is Boost-free).
#pragma once

#include <vector>

#include "graph/hypergraph.hpp"
#include "graph/incidence_graph.hpp"

namespace mnemo::graph {

// Entities reachable from `start` within `max_hops` edges of the kEntityStar
// projection, in breadth-first order: `start` first, then by hop count, and
// within one hop level in the order Boost's BFS discovers them (neighbours of
// a vertex in ascending entity id). max_hops == 0 gives {start}; a negative
// max_hops means no limit. Returns an empty vector when `start` is not a live
// (non-forgotten) entity. Builds the projection on each call: O(V + E).
std::vector<Id> BreadthFirstEntities(const Hypergraph& store, Id start, int max_hops);

// The same over a projection built once. Returns record ids of the vertices
// reached, so with kIncidence hyperedge ids appear too (an entity and a
// hyperedge binding it are one hop apart). Empty when `start` is not a vertex.
std::vector<Id> BreadthFirst(const IncidenceGraph& graph, Id start, int max_hops);

}  // namespace mnemo::graph
