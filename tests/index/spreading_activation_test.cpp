#include <catch2/catch.hpp>

#include <map>

#include "index/spreading_activation.hpp"

using mnemo::index::Neighbor;
using mnemo::index::NeighborFn;
using mnemo::index::Spread;
using mnemo::index::SpreadParams;
using Path = std::vector<uint64_t>;

namespace {

// An undirected test graph: edges with weights, neighbours in insertion order.
struct Graph {
  std::map<uint64_t, std::vector<Neighbor>> adjacency;
  Graph& Edge(uint64_t a, uint64_t b, float w = 1) {
    adjacency[a].push_back({b, w});
    adjacency[b].push_back({a, w});
    return *this;
  }
  NeighborFn Fn() const {
    return [this](uint64_t node, std::vector<Neighbor>& out) {
      const auto it = adjacency.find(node);
      if (it != adjacency.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    };
  }
};

}  // namespace

TEST_CASE("activation spreads by hop with decay and fan-out normalisation", "[index]") {
  // s(1) - a(2), s - b(3), a - c(4), b - c, c - d(5)
  Graph g;
  g.Edge(1, 2).Edge(1, 3).Edge(2, 4).Edge(3, 4).Edge(4, 5);
  SpreadParams p;  // max_hops 2, decay 0.5

  const auto r = Spread({{1, 1.0f}}, g.Fn(), p);
  const auto& n = r.nodes();
  // Hop 1: s has two neighbours of weight 1: each gets 1 * 0.5 * 1 / 2 = 0.25.
  CHECK(n.at(2).score == Approx(0.25f));
  CHECK(n.at(3).score == Approx(0.25f));
  // Hop 2: a and b each pass 0.25 * 0.5 / 2 = 0.0625 to c and back to s.
  CHECK(n.at(4).score == Approx(0.125f));  // two paths add up
  CHECK(n.at(1).score == Approx(1.125f));  // the seed keeps its energy
  CHECK(n.count(5) == 0);                  // three hops away
  CHECK(n.size() == 4);
  CHECK(n.at(4).hops == 2);
  CHECK(n.at(1).hops == 0);
  CHECK(n.at(1).via == mnemo::graph::kNoId);
  CHECK(r.PathTo(4) == Path{1, 2, 4});  // equal paths: the first found
  CHECK(r.PathTo(1) == Path{1});
  CHECK(r.PathTo(5).empty());

  SECTION("never beyond max_hops") {
    p.max_hops = 0;
    CHECK(Spread({{1, 1.0f}}, g.Fn(), p).nodes().size() == 1);
    p.max_hops = 1;
    CHECK(Spread({{1, 1.0f}}, g.Fn(), p).nodes().size() == 3);
    p.max_hops = 3;
    const auto far = Spread({{1, 1.0f}}, g.Fn(), p);
    // c had 0.125 in wave 2 and three neighbours: d gets 0.125 * 0.5 / 3.
    CHECK(far.nodes().at(5).score == Approx(0.125f * 0.5f / 3));
    CHECK(far.PathTo(5) == Path{1, 2, 4, 5});
    CHECK(far.nodes().at(5).hops == 3);
    // a: 0.25 (hop 1) + c's 0.125 * 0.5 / 3 + s's echo 0.125 * 0.5 / 2 (hop 3).
    CHECK(far.nodes().at(2).score == Approx(0.25f + 0.125f * 0.5f / 3 + 0.125f * 0.5f / 2));
  }
  SECTION("decay scales each hop") {
    p.decay = 0.8f;
    const auto r2 = Spread({{1, 2.0f}}, g.Fn(), p);
    CHECK(r2.nodes().at(2).score == Approx(2.0f * 0.8f / 2));
    CHECK(r2.nodes().at(4).score == Approx(2 * (2.0f * 0.8f / 2) * 0.8f / 2));
  }
}

TEST_CASE("activation normalises by total weight, never amplifying weak links", "[index]") {
  Graph g;
  g.Edge(1, 2, 0.5f).Edge(1, 3, 0.25f);                                     // total 0.75 < 1: divided by 1
  g.Edge(10, 11, 1).Edge(10, 12, 1).Edge(10, 13, 0.5f).Edge(10, 14, 0.5f);  // total 3
  g.Edge(20, 20, 1).Edge(20, 21, 1);                                        // a self-loop is ignored
  SpreadParams p;
  p.max_hops = 1;
  const auto weak = Spread({{1, 1.0f}}, g.Fn(), p);
  CHECK(weak.nodes().at(2).score == Approx(0.5f * 0.5f));
  CHECK(weak.nodes().at(3).score == Approx(0.5f * 0.25f));
  const auto hub = Spread({{10, 1.0f}}, g.Fn(), p);
  CHECK(hub.nodes().at(11).score == Approx(0.5f * 1 / 3));
  CHECK(hub.nodes().at(13).score == Approx(0.5f * 0.5f / 3));
  const auto loop = Spread({{20, 1.0f}}, g.Fn(), p);
  CHECK(loop.nodes().at(20).score == Approx(1.0f));
  CHECK(loop.nodes().at(21).score == Approx(0.5f));
}

TEST_CASE("activation admits at most max_nodes and drops tiny transfers", "[index]") {
  Graph star;
  for (uint64_t leaf = 2; leaf <= 11; ++leaf) star.Edge(1, leaf);
  SpreadParams p;
  p.max_nodes = 4;
  const auto r = Spread({{1, 1.0f}}, star.Fn(), p);
  CHECK(r.nodes().size() == 4);  // the seed and the first three leaves
  CHECK(r.nodes().count(2) == 1);
  CHECK(r.nodes().count(4) == 1);
  CHECK(r.nodes().count(5) == 0);
  // The leaves echo back to the seed in hop 2: known nodes still accumulate.
  CHECK(r.nodes().at(1).score > 1.0f);

  p.max_nodes = 5000;
  p.min_activation = 0.06f;  // a leaf gets 1 * 0.5 / 10 = 0.05
  CHECK(Spread({{1, 1.0f}}, star.Fn(), p).nodes().size() == 1);
  p.min_activation = 0.04f;
  CHECK(Spread({{1, 1.0f}}, star.Fn(), p).nodes().size() == 11);
}

TEST_CASE("activation paths follow the strongest path, not the shortest", "[index]") {
  // Weak seed 20 touches x(30) directly; strong seed 10 reaches it through m(40).
  Graph g;
  g.Edge(20, 30).Edge(10, 40).Edge(40, 30);
  const auto r = Spread({{10, 1.0f}, {20, 0.01f}}, g.Fn(), SpreadParams{});
  const auto& x = r.nodes().at(30);
  // Hop 1: 0.01 * 0.5 from 20. Hop 2: m got 0.5 and passes 0.5 * 0.5 / 2.
  CHECK(x.score == Approx(0.005f + 0.125f));
  CHECK(x.via == 40);
  CHECK(x.hops == 2);
  CHECK(x.path_energy == Approx(0.125f));
  CHECK(r.PathTo(30) == Path{10, 40, 30});
  // Seeds stay roots even when another seed reaches them.
  CHECK(r.PathTo(20) == Path{20});
  const auto ranked = r.Ranked(10);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].first == 40);
  CHECK(ranked[1].first == 30);
  CHECK(r.Ranked(10, true).front().first == 10);
}
