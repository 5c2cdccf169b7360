// Graph-algorithm bridge: projection, Boost BFS, igraph PageRank and Leiden.
#include <catch2/catch.hpp>

#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "graph/boost_view.hpp"
#include "graph/hypergraph.hpp"
#include "graph/igraph_bridge.hpp"
#include "graph/incidence_graph.hpp"
#include "graph/traversal.hpp"

using namespace mnemo::graph;

namespace {

struct Store {
  Hypergraph g;

  Id Entity(const std::string& name) {
    auto r = g.AddEntity(EntitySpec{{"Thing"}, {{"name", Value(name)}}, {}, {}, {}});
    REQUIRE(r.ok());
    return *r;
  }
  Id Fact(const std::string& type, std::vector<RoleSpec> roles) {
    HyperedgeSpec spec;
    spec.type = type;
    spec.roles = std::move(roles);
    auto r = g.AddHyperedge(spec);
    REQUIRE(r.ok());
    return *r;
  }
  Id Link(Id from, Id to) { return Fact("LINKS", {{"from", from, {}}, {"to", to, {}}}); }
};

double Sum(const VertexScores& scores) {
  return std::accumulate(scores.begin(), scores.end(), 0.0, [](double s, const auto& p) { return s + p.second; });
}

double ScoreOf(const VertexScores& scores, Id id) {
  for (const auto& [v, s] : scores)
    if (v == id) return s;
  FAIL("no score for " << id);
  return 0;
}

}  // namespace

TEST_CASE("BFS over a tree follows hop levels and the hop limit", "[bridge]") {
  // r ─ a ─ c        ids ascend in creation order: r < a < b < c < d < e < f
  //   │   └ d
  //   └ b ─ e ─ f
  Store s;
  const Id r = s.Entity("r"), a = s.Entity("a"), b = s.Entity("b"), c = s.Entity("c"), d = s.Entity("d"),
           e = s.Entity("e"), f = s.Entity("f");
  s.Link(r, a);
  s.Link(r, b);
  s.Link(a, c);
  s.Link(a, d);
  s.Link(b, e);
  s.Link(e, f);

  CHECK(BreadthFirstEntities(s.g, r, -1) == std::vector<Id>{r, a, b, c, d, e, f});
  CHECK(BreadthFirstEntities(s.g, r, 0) == std::vector<Id>{r});
  CHECK(BreadthFirstEntities(s.g, r, 1) == std::vector<Id>{r, a, b});
  CHECK(BreadthFirstEntities(s.g, r, 2) == std::vector<Id>{r, a, b, c, d, e});
  // Undirected: from a leaf up to the root and down the other branch.
  CHECK(BreadthFirstEntities(s.g, c, 2) == std::vector<Id>{c, a, r, d});
  CHECK(BreadthFirstEntities(s.g, c, 3) == std::vector<Id>{c, a, r, d, b});
  // Not an entity: nothing.
  CHECK(BreadthFirstEntities(s.g, 9999, 3).empty());
}

TEST_CASE("BFS on a path from the middle", "[bridge]") {
  Store s;
  std::vector<Id> p;
  for (int i = 0; i < 5; ++i) p.push_back(s.Entity("p" + std::to_string(i)));
  for (int i = 0; i + 1 < 5; ++i) s.Link(p[i], p[i + 1]);
  CHECK(BreadthFirstEntities(s.g, p[2], 1) == std::vector<Id>{p[2], p[1], p[3]});
  CHECK(BreadthFirstEntities(s.g, p[2], 5) == std::vector<Id>{p[2], p[1], p[3], p[0], p[4]});
  CHECK(BreadthFirstEntities(s.g, p[0], 2) == std::vector<Id>{p[0], p[1], p[2]});
}

TEST_CASE("PageRank on an undirected 5-node star matches the equations", "[bridge]") {
  Store s;
  const Id centre = s.Entity("centre");
  std::vector<Id> leaves;
  for (int i = 0; i < 4; ++i) leaves.push_back(s.Entity("leaf" + std::to_string(i)));
  for (Id leaf : leaves) s.Link(centre, leaf);

  // n = 5, d = 0.85, degrees: centre 4, leaves 1. With x = centre, y = leaf:
  //   y = (1-d)/5 + d * x/4      x = (1-d)/5 + d * 4y
  // => x = 0.03 + 3.4 * (0.03 + 0.2125 x) = 0.132 + 0.7225 x
  // => x = 0.132 / 0.2775 = 88/185 = 0.475675...,  y = (1 - x) / 4 = 97/740 = 0.131081...
  auto pr = PageRank(s.g, 0.85);
  REQUIRE(pr.ok());
  REQUIRE(pr->size() == 5);
  CHECK(pr->front().first == centre);  // vertex order = id order
  CHECK(Sum(*pr) == Approx(1.0));
  CHECK(ScoreOf(*pr, centre) == Approx(88.0 / 185.0));
  for (Id leaf : leaves) {
    CHECK(ScoreOf(*pr, leaf) == Approx(97.0 / 740.0));
    CHECK(ScoreOf(*pr, leaf) < ScoreOf(*pr, centre));
  }

  // Personalized on one leaf L (teleport only to L), x = centre, z = L, o = other leaves:
  //   z = (1-d) + d x/4,  o = d x/4,  x = d (z + 3o) = d (1 - x)
  // => x = d / (1+d) = 0.459459...,  o = d x / 4 = 0.097635...,  z = 0.15 + o = 0.247635...
  auto ppr = PersonalizedPageRank(s.g, {leaves[0]}, 0.85);
  REQUIRE(ppr.ok());
  const double x = 0.85 / 1.85, o = 0.85 * x / 4;
  CHECK(Sum(*ppr) == Approx(1.0));
  CHECK(ScoreOf(*ppr, centre) == Approx(x));
  CHECK(ScoreOf(*ppr, leaves[0]) == Approx(0.15 + o));
  for (int i = 1; i < 4; ++i) CHECK(ScoreOf(*ppr, leaves[i]) == Approx(o));
}

TEST_CASE("PageRank arguments are checked", "[bridge]") {
  Store s;
  const Id a = s.Entity("a"), b = s.Entity("b");
  s.Link(a, b);
  CHECK(PageRank(s.g, 1.5).status().code() == mnemo::StatusCode::kInvalidArgument);
  CHECK(PersonalizedPageRank(s.g, {}, 0.85).status().code() == mnemo::StatusCode::kInvalidArgument);
  CHECK(PersonalizedPageRank(s.g, {12345}, 0.85).status().code() == mnemo::StatusCode::kNotFound);
  Hypergraph empty;
  auto none = PageRank(empty);
  REQUIRE(none.ok());
  CHECK(none->empty());
}

TEST_CASE("Leiden on entities without any link returns one community each", "[bridge]") {
  Store s;
  const Id a = s.Entity("a"), b = s.Entity("b"), c = s.Entity("c");
  auto parts = LeidenCommunities(s.g, 1.0, 7);
  REQUIRE(parts.ok());
  CHECK(*parts == Communities{{a}, {b}, {c}});
}

TEST_CASE("Leiden splits two 4-cliques joined by one edge", "[bridge]") {
  Store s;
  std::vector<Id> v;
  for (int i = 0; i < 8; ++i) v.push_back(s.Entity("v" + std::to_string(i)));
  for (int base : {0, 4})
    for (int i = base; i < base + 4; ++i)
      for (int j = i + 1; j < base + 4; ++j) s.Link(v[i], v[j]);
  s.Link(v[3], v[4]);  // the bridge

  auto parts = LeidenCommunities(s.g, 1.0, 7);
  REQUIRE(parts.ok());
  const Communities want = {{v[0], v[1], v[2], v[3]}, {v[4], v[5], v[6], v[7]}};
  CHECK(*parts == want);
  auto again = LeidenCommunities(s.g, 1.0, 7);
  REQUIRE(again.ok());
  CHECK(*again == *parts);

  // Resolution 0: no penalty for size, everything merges.
  auto one = LeidenCommunities(s.g, 0.0, 7);
  REQUIRE(one.ok());
  REQUIRE(one->size() == 1);
  CHECK(one->front().size() == 8);

  // An isolated entity is a community of its own.
  const Id loner = s.Entity("loner");
  auto with_loner = LeidenCommunities(s.g, 1.0, 7);
  REQUIRE(with_loner.ok());
  CHECK(with_loner->size() == 3);
  CHECK(with_loner->back() == std::vector<Id>{loner});

  CHECK(LeidenCommunities(s.g, -1.0, 7).status().code() == mnemo::StatusCode::kInvalidArgument);
}

TEST_CASE("A ternary hyperedge projects to a star around its first entity", "[bridge]") {
  Store s;
  const Id a = s.Entity("a"), b = s.Entity("b"), c = s.Entity("c");
  // Roles in declaration order: host a (first entity), guests b and c, a value role.
  const Id meeting = s.Fact("MEETING", {{"host", a, {}}, {"guest", b, {}}, {"guest", c, {}}, {"place", kNoId, "x"}});

  IncidenceGraph star = BuildIncidenceGraph(s.g, Projection::kEntityStar);
  CHECK(star.num_vertices() == 3);
  CHECK(star.ids == std::vector<Id>{a, b, c});
  const Vertex va = *star.VertexOf(a), vb = *star.VertexOf(b), vc = *star.VertexOf(c);
  // a-b and a-c, but no b-c: a star, not a clique.
  CHECK(star.edges == std::vector<GraphEdge>{{va, vb, 1.0}, {va, vc, 1.0}});
  CHECK(BreadthFirstEntities(s.g, b, 1) == std::vector<Id>{b, a});
  CHECK(BreadthFirstEntities(s.g, b, 2) == std::vector<Id>{b, a, c});

  // A second fact joining a and b merges into one edge of weight 2.
  const Id knows = s.Link(b, a);
  star = BuildIncidenceGraph(s.g, Projection::kEntityStar);
  CHECK(star.edges == std::vector<GraphEdge>{{va, vb, 2.0}, {va, vc, 1.0}});
  CHECK(star.total_weight() == 3.0);
  const BoostGraph bg = ToBoostGraph(star);
  CHECK(boost::num_vertices(bg) == 3);
  CHECK(boost::num_edges(bg) == 2);

  // Bipartite incidence graph: entities first, then hyperedges, entity-hyperedge edges.
  IncidenceGraph inc = BuildIncidenceGraph(s.g, Projection::kIncidence);
  CHECK(inc.num_entities == 3);
  CHECK(inc.ids == std::vector<Id>{a, b, c, meeting, knows});
  CHECK(inc.is_entity(2));
  CHECK_FALSE(inc.is_entity(3));
  CHECK(inc.edges == std::vector<GraphEdge>{{0, 3, 1.0}, {0, 4, 1.0}, {1, 3, 1.0}, {1, 4, 1.0}, {2, 3, 1.0}});
  CHECK(BreadthFirst(inc, c, 2) == std::vector<Id>{c, meeting, a, b});
  auto pr = PageRank(s.g, 0.85, Projection::kIncidence);
  REQUIRE(pr.ok());
  CHECK(pr->size() == 5);
  CHECK(Sum(*pr) == Approx(1.0));
}

TEST_CASE("Forgotten records are left out of the projection", "[bridge]") {
  Store s;
  const Id a = s.Entity("a"), b = s.Entity("b"), c = s.Entity("c");
  const Id ab = s.Link(a, b);
  s.Link(b, c);
  // The store has no FORGET call yet; set the flag the way FORGET will.
  const_cast<Hyperedge*>(s.g.hyperedge(ab))->forgotten = true;
  const_cast<Entity*>(s.g.entity(c))->forgotten = true;

  const IncidenceGraph star = BuildIncidenceGraph(s.g);
  CHECK(star.ids == std::vector<Id>{a, b});
  CHECK(star.edges.empty());
  CHECK(BreadthFirstEntities(s.g, a, -1) == std::vector<Id>{a});
  CHECK(BreadthFirstEntities(s.g, c, -1).empty());
}
