#include "engine/consolidate_importance.hpp"

#include <algorithm>
#include <cmath>

#include "engine/consolidate_support.hpp"
#include "graph/igraph_bridge.hpp"

namespace mnemo::engine::consolidate {

using graph::Id;
using graph::Value;
using graph::Vertex;

namespace {

constexpr double kDamping = 0.85;
constexpr double kRounding = 1e6;  // importance keeps 6 decimals
constexpr size_t kTopNames = 10;

graph::IncidenceGraph BuildGraph(const graph::Hypergraph& g, const LiveMemory& live) {
  graph::IncidenceGraph out;
  out.projection = graph::Projection::kIncidence;
  auto add_vertex = [&](Id id) {
    const auto v = static_cast<Vertex>(out.ids.size());
    out.ids.push_back(id);
    out.vertex_of.emplace(id, v);
    return v;
  };
  for (const auto& [id, e] : g.entities())
    if (live.Entity(e)) add_vertex(id);
  out.num_entities = out.ids.size();

  std::vector<Vertex> bound;
  auto add_relation = [&](Id id) {
    std::sort(bound.begin(), bound.end());
    bound.erase(std::unique(bound.begin(), bound.end()), bound.end());
    if (bound.empty()) return;
    const Vertex r = add_vertex(id);  // after every entity vertex: u < v holds
    for (Vertex e : bound) out.edges.push_back({e, r, 1.0});
  };
  auto bind = [&](Id entity) {
    if (auto v = out.VertexOf(entity)) bound.push_back(*v);
  };
  for (const auto& [id, h] : g.hyperedges()) {
    if (!live.Fact(h)) continue;
    bound.clear();
    for (const auto& r : h.roles)
      if (r.is_entity()) bind(r.entity);
    add_relation(id);
  }
  for (const auto& [id, ep] : g.episodes()) {
    if (!live.Episode(ep)) continue;
    bound.clear();
    bind(ep.speaker);
    for (Id a : ep.about) bind(a);
    add_relation(id);
  }
  std::sort(out.edges.begin(), out.edges.end(),
            [](const graph::GraphEdge& a, const graph::GraphEdge& b) { return a.u != b.u ? a.u < b.u : a.v < b.v; });
  return out;
}

}  // namespace

Status RunImportance(ExecContext& ctx, const lang::Consolidate& /*c*/, QueryResult& result) {
  graph::Hypergraph& g = ctx.g;
  const LiveMemory live(ctx);
  const graph::IncidenceGraph graph = BuildGraph(g, live);
  MNEMO_ASSIGN_OR_RETURN(graph::VertexScores scores, graph::PageRank(graph, kDamping));

  double max = 0;
  for (size_t v = 0; v < graph.num_entities; ++v) max = std::max(max, scores[v].second);
  std::vector<std::pair<double, Id>> ranked;
  int64_t changed = 0;
  for (size_t v = 0; v < graph.num_entities; ++v) {
    const Id id = scores[v].first;
    const double importance = max > 0 ? std::round(scores[v].second / max * kRounding) / kRounding : 0.0;
    ranked.emplace_back(importance, id);
    const Value* now = g.EntityProperty(id, kImportance);
    if (now && now->is_number() && std::abs(now->as_number() - importance) < 0.5 / kRounding) continue;
    MNEMO_RETURN_IF_ERROR(g.SetEntityProperty(id, kImportance, Value(importance)));
    ++ctx.stats.properties_set;
    ++changed;
  }
  const size_t top = std::min(kTopNames, ranked.size());
  std::partial_sort(
      ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top), ranked.end(),
      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  graph::List names;
  for (size_t i = 0; i < top; ++i) names.emplace_back(EntityName(g, ranked[i].second));

  result.columns = {"entities", "changed", "top"};
  result.rows.push_back({Value(static_cast<int64_t>(graph.num_entities)), Value(changed), Value(std::move(names))});
  ctx.notices.push_back("IMPORTANCE: " + std::to_string(graph.num_entities) + " entities scored, " +
                        std::to_string(changed) + " changed");
  return Status::OK();
}

}  // namespace mnemo::engine::consolidate
