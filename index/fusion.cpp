#include "index/fusion.hpp"

#include <algorithm>
#include <cstddef>
#include <unordered_map>

namespace mnemo::index {

std::vector<FusedHit> Fuse(const std::vector<Channel>& channels, size_t k, FusionMethod method, float rrf_k) {
  const size_t n = channels.size();
  std::vector<FusedHit> hits;
  std::unordered_map<graph::Id, size_t> index_of;
  for (size_t c = 0; c < n; ++c) {
    const Channel& channel = channels[c];
    float low = 0, high = 0;
    if (method == FusionMethod::kWeighted && !channel.ranked.empty()) {
      low = high = channel.ranked.front().second;
      for (const auto& [id, score] : channel.ranked) {
        low = std::min(low, score);
        high = std::max(high, score);
      }
    }
    for (size_t r = 0; r < channel.ranked.size(); ++r) {
      const auto& [id, score] = channel.ranked[r];
      auto [it, added] = index_of.try_emplace(id, hits.size());
      if (added) hits.push_back(FusedHit{id, 0, std::vector<float>(n, 0.0f), std::vector<int>(n, -1)});
      FusedHit& hit = hits[it->second];
      if (hit.rank[c] != -1) continue;  // listed before in this channel
      hit.rank[c] = static_cast<int>(r + 1);
      if (method == FusionMethod::kReciprocalRank)
        hit.contribution[c] = channel.weight / (rrf_k + static_cast<float>(r + 1));
      else
        hit.contribution[c] = high > low ? channel.weight * ((score - low) / (high - low)) : channel.weight;
    }
  }
  for (FusedHit& hit : hits)
    for (size_t c = 0; c < n; ++c) hit.score += hit.contribution[c];
  const auto better = [](const FusedHit& a, const FusedHit& b) {
    return a.score > b.score || (a.score == b.score && a.id < b.id);
  };
  if (hits.size() > k) {
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(k), hits.end(), better);
    hits.resize(k);
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
  return hits;
}

}  // namespace mnemo::index
