#include "graph/traversal.hpp"

#include <boost/graph/breadth_first_search.hpp>

#include "graph/boost_view.hpp"

namespace mnemo::graph {

namespace {

// Thrown by the visitor to end the search early; never leaves this file.
struct HopLimitReached {};

// Records discovery order and hop counts; stops the search at the first
// vertex beyond the limit. BFS discovers vertices by non-decreasing distance,
// so by then every vertex within the limit has been discovered.
class HopLimitedVisitor : public boost::default_bfs_visitor {
 public:
  HopLimitedVisitor(std::vector<int>& hops, std::vector<Vertex>& order, int max_hops)
      : hops_(&hops), order_(&order), max_hops_(max_hops) {}

  void tree_edge(BoostGraph::edge_descriptor e, const BoostGraph& g) const {
    const auto from = boost::source(e, g), to = boost::target(e, g);
    (*hops_)[to] = (*hops_)[from] + 1;
    if (max_hops_ >= 0 && (*hops_)[to] > max_hops_) throw HopLimitReached{};
  }
  void discover_vertex(BoostGraph::vertex_descriptor v, const BoostGraph&) const {
    order_->push_back(static_cast<Vertex>(v));
  }

 private:
  std::vector<int>* hops_;  // not owned; the visitor is copied by value
  std::vector<Vertex>* order_;
  int max_hops_;
};

}  // namespace

std::vector<Id> BreadthFirst(const IncidenceGraph& graph, Id start, int max_hops) {
  const auto source = graph.VertexOf(start);
  if (!source) return {};
  const BoostGraph bg = ToBoostGraph(graph);
  std::vector<int> hops(graph.num_vertices(), 0);
  std::vector<Vertex> order;
  try {
    boost::breadth_first_search(bg, *source, boost::visitor(HopLimitedVisitor(hops, order, max_hops)));
  } catch (const HopLimitReached&) {
    // `order` holds every vertex within max_hops.
  }
  std::vector<Id> out;
  out.reserve(order.size());
  for (Vertex v : order) out.push_back(graph.ids[v]);
  return out;
}

std::vector<Id> BreadthFirstEntities(const Hypergraph& store, Id start, int max_hops) {
  return BreadthFirst(BuildIncidenceGraph(store, Projection::kEntityStar), start, max_hops);
}

}  // namespace mnemo::graph
