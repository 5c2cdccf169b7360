#include "graph/incidence_graph.hpp"

#include <algorithm>
#include <utility>

namespace mnemo::graph {

double IncidenceGraph::total_weight() const {
  double m = 0;
  for (const GraphEdge& e : edges) m += e.weight;
  return m;
}

namespace {

Vertex AddVertex(IncidenceGraph& g, Id id) {
  const auto v = static_cast<Vertex>(g.ids.size());
  g.ids.push_back(id);
  g.vertex_of.emplace(id, v);
  return v;
}

// Sorts the raw pairs and merges repeats into one edge whose weight is the count.
std::vector<GraphEdge> MergePairs(std::vector<std::pair<Vertex, Vertex>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  std::vector<GraphEdge> edges;
  for (const auto& [u, v] : pairs) {
    if (!edges.empty() && edges.back().u == u && edges.back().v == v)
      edges.back().weight += 1.0;
    else
      edges.push_back({u, v, 1.0});
  }
  return edges;
}

}  // namespace

IncidenceGraph BuildIncidenceGraph(const Hypergraph& store, Projection projection) {
  IncidenceGraph g;
  g.projection = projection;
  for (const auto& [id, e] : store.entities())
    if (!e.forgotten) AddVertex(g, id);
  g.num_entities = g.ids.size();

  std::vector<std::pair<Vertex, Vertex>> pairs;  // (u < v), one per hyperedge and distinct pair
  std::vector<Vertex> bound;                     // kept entity vertices of one hyperedge
  for (const auto& [id, h] : store.hyperedges()) {
    if (h.forgotten) continue;
    bound.clear();
    for (const RoleBinding& r : h.roles) {
      if (!r.is_entity()) continue;
      if (auto v = g.VertexOf(r.entity)) bound.push_back(*v);
    }
    if (projection == Projection::kIncidence) {
      const Vertex hv = AddVertex(g, id);  // entity vertices all precede hv
      std::sort(bound.begin(), bound.end());
      bound.erase(std::unique(bound.begin(), bound.end()), bound.end());
      for (Vertex ev : bound) pairs.emplace_back(ev, hv);
      continue;
    }
    if (bound.empty()) continue;
    const Vertex hub = bound.front();
    std::sort(bound.begin() + 1, bound.end());
    bound.erase(std::unique(bound.begin() + 1, bound.end()), bound.end());
    for (size_t i = 1; i < bound.size(); ++i)
      if (bound[i] != hub) pairs.emplace_back(std::min(hub, bound[i]), std::max(hub, bound[i]));
  }
  g.edges = MergePairs(std::move(pairs));
  return g;
}

}  // namespace mnemo::graph
