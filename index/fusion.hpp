// Fusion: one ranking from several retrieval channels (vector, keyword,
// graph, recency), with each channel's share kept for EXPLAIN.
//
// kReciprocalRank (RRF, Cormack et al. 2009): an item at 1-based rank r in
// a channel of weight w gets w / (rrf_k + r) from it. Scores are ignored,
// so channels on incomparable scales mix safely.
// kWeighted: a channel's scores are min-max normalised to [0, 1] and times
// the weight: w * (s - min) / (max - min); a channel whose scores are all
// equal gives each of its items w. (So a channel's lowest item adds 0.)
// An item's score is the sum over channels; an item listed twice in one
// channel counts at its first (best) position. Order: higher score first,
// ties by smaller id.
// Thread-safety: a pure function.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "graph/ids.hpp"

namespace mnemo::index {

struct Channel {
  std::string name;
  float weight = 1;
  std::vector<std::pair<graph::Id, float>> ranked;  // best first
};

struct FusedHit {
  graph::Id id = graph::kNoId;
  float score = 0;
  std::vector<float> contribution;  // per input channel, 0 when absent
  std::vector<int> rank;            // per input channel, 1-based; -1 when absent
};

enum class FusionMethod { kReciprocalRank, kWeighted };

// The k best items of the union of the channels.
std::vector<FusedHit> Fuse(const std::vector<Channel>& channels, size_t k,
                           FusionMethod method = FusionMethod::kReciprocalRank, float rrf_k = 60);

}  // namespace mnemo::index
