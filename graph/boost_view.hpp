// Boost.Graph view of an IncidenceGraph.
//
// Route taken: copy the projection into a boost::adjacency_list (vecS, vecS,
// undirectedS) with an edge_weight property, rather than specialise
// graph_traits over the projection's arrays. A copy is O(V + E), always sound,
// and gives every Boost algorithm (BFS, Dijkstra, components...) for free.
//
// Contract: Boost vertex descriptor v == IncidenceGraph vertex v (so
// g.ids[v] is its record id); edges are added in the projection's (u, v)
// order, hence each vertex's out-edges list its neighbours in ascending
// vertex order, and traversals are deterministic.
//
// This header includes Boost.Graph: include it only from .cpp files of graph/
// and from tests. Boost-free entry points live in traversal.hpp.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include "graph/incidence_graph.hpp"

namespace mnemo::graph {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                         boost::property<boost::edge_weight_t, double>>;

inline BoostGraph ToBoostGraph(const IncidenceGraph& g) {
  BoostGraph out(g.num_vertices());
  for (const GraphEdge& e : g.edges) boost::add_edge(e.u, e.v, e.weight, out);
  return out;
}

}  // namespace mnemo::graph
