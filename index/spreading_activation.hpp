// Spreading activation: energy flowing from seed records to their neighbours
// in the memory graph (the "graph" channel of RECALL).
//
// The rule, breadth-first by hop. Wave 0 is the seeds with their energy
// (a seed listed twice gets the sum). For hop h = 1..max_hops, every node u
// that received energy e(u) in wave h-1 passes to each neighbour v
//     e(u) * decay * w(u,v) / max(1, sum_w(u))
// where sum_w(u) is the total weight of u's neighbour list (self-loops and
// weights <= 0 ignored, weights above 1 taken as 1; a neighbour listed twice
// receives twice). Dividing by the
// fan-out keeps a hub from flooding the graph; the max(1, ...) keeps a weak
// single link weak. What v receives is added to its score (activations add
// up over paths) and forms its energy in wave h. Seeds keep their own
// energy: passing energy on never lowers a score.
// Limits: nothing travels beyond max_hops; a transfer smaller than
// min_activation is dropped; once max_nodes nodes are active, transfers to
// new nodes are dropped (active ones still accumulate). Seeds are always
// admitted.
// Provenance: each transfer extends paths by one hop; a path's energy is
// its seed's energy times the factors decay * w / max(1, sum_w) along it.
// For every node the strongest path (within max_hops; on ties the shorter)
// is kept: `hops` is its length, `via` its last step before the node (kNoId
// for a seed, whose path is itself even when another one is stronger), and
// PathTo gives it whole.
// Determinism: each wave is processed in ascending id order.
// Thread-safety: Spread is a pure function of its arguments; `neighbors`
// is called from the calling thread only.
#pragma once

#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/ids.hpp"

namespace mnemo::index {

struct Neighbor {
  graph::Id id = graph::kNoId;
  float weight = 1;  // in (0, 1]; the strength of the link
};

// Appends the visible neighbours of `node` to `out`.
using NeighborFn = std::function<void(graph::Id node, std::vector<Neighbor>& out)>;

struct SpreadParams {
  int max_hops = 2;
  float decay = 0.5f;
  size_t max_nodes = 5000;
  float min_activation = 1e-4f;
};

struct Activation {
  float score = 0;               // total energy received (seed energy included)
  graph::Id via = graph::kNoId;  // predecessor on the strongest path; kNoId for a seed
  int hops = 0;                  // length of the strongest path
  float path_energy = 0;         // energy carried by the strongest path alone
};

class SpreadResult {
 public:
  const std::unordered_map<graph::Id, Activation>& nodes() const { return nodes_; }
  // The strongest path: seed, ..., id. Empty when id was not reached.
  std::vector<graph::Id> PathTo(graph::Id id) const;
  // Active nodes by descending score (ties: smaller id first), at most k;
  // seeds only when include_seeds. The shape of a fusion channel.
  std::vector<std::pair<graph::Id, float>> Ranked(size_t k, bool include_seeds = false) const;

 private:
  friend SpreadResult Spread(const std::vector<std::pair<graph::Id, float>>&, const NeighborFn&, const SpreadParams&);
  // What reached a node in wave h: waves_[h][node], with the strongest
  // path of length h.
  struct Step {
    float energy = 0;  // received in this wave
    graph::Id via = graph::kNoId;
    float path_energy = 0;
  };
  std::unordered_map<graph::Id, Activation> nodes_;
  std::vector<std::unordered_map<graph::Id, Step>> waves_;
};

SpreadResult Spread(const std::vector<std::pair<graph::Id, float>>& seeds, const NeighborFn& neighbors,
                    const SpreadParams& params);

}  // namespace mnemo::index
