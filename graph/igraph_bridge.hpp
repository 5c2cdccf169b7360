// igraph bridge: PageRank, personalized PageRank and Leiden communities over
// the projected hypergraph (incidence_graph.hpp).
//
// This header does not include igraph (its <complex.h> defines a macro `I`);
// only igraph_bridge.cpp does.
//
// Contract
//  - The projection is undirected and weighted (weight = number of hyperedges
//    joining a pair); igraph sees exactly IncidenceGraph's vertices and edges.
//  - Scores come back one per vertex of the projection, in vertex order
//    (entities by id, then, with kIncidence, hyperedges by id); they sum to 1.
//    A store with no live entity gives an empty vector.
//  - Errors: a bad argument is InvalidArgument, an unknown seed NotFound; an
//    igraph failure is Internal, with igraph's message. igraph is never
//    allowed to abort the process.
// Thread-safety: igraph keeps global state (error handler, RNG), so calls are
// serialised by a mutex inside the bridge; the store must not be written meanwhile.
#pragma once

#include <utility>
#include <vector>

#include "base/status.hpp"
#include "graph/hypergraph.hpp"
#include "graph/incidence_graph.hpp"

namespace mnemo::graph {

using VertexScores = std::vector<std::pair<Id, double>>;
using Communities = std::vector<std::vector<Id>>;

// PageRank (PRPACK) with damping in [0, 1]; dangling vertices teleport uniformly.
Result<VertexScores> PageRank(const IncidenceGraph& graph, double damping = 0.85);
Result<VertexScores> PageRank(const Hypergraph& store, double damping = 0.85,
                              Projection projection = Projection::kEntityStar);

// PageRank whose teleport goes to `seeds` only (uniformly; a repeated seed
// counts twice). Seeds must be vertices of the projection (NotFound otherwise)
// and there must be at least one (InvalidArgument).
Result<VertexScores> PersonalizedPageRank(const IncidenceGraph& graph, const std::vector<Id>& seeds,
                                          double damping = 0.85);
Result<VertexScores> PersonalizedPageRank(const Hypergraph& store, const std::vector<Id>& seeds,
                                          double damping = 0.85,
                                          Projection projection = Projection::kEntityStar);

// Leiden communities maximising weighted modularity with resolution gamma
// (>= 0; 1 is classic modularity): igraph's CPM objective with node weights =
// weighted degrees and resolution gamma / (2m). Runs until an iteration
// changes nothing. The igraph RNG is seeded with `seed`, so equal inputs give
// equal outputs. Each community lists record ids ascending; communities are
// ordered by their smallest id. Every vertex is in exactly one community
// (an isolated vertex is alone).
Result<Communities> LeidenCommunities(const IncidenceGraph& graph, double resolution = 1.0, int seed = 42);
Result<Communities> LeidenCommunities(const Hypergraph& store, double resolution = 1.0, int seed = 42,
                                      Projection projection = Projection::kEntityStar);

}  // namespace mnemo::graph
