#include "index/spreading_activation.hpp"

#include <algorithm>
#include <cstddef>

namespace mnemo::index {

std::vector<graph::Id> SpreadResult::PathTo(graph::Id id) const {
  std::vector<graph::Id> path;
  const auto it = nodes_.find(id);
  if (it == nodes_.end()) return path;
  path.push_back(id);
  for (int h = it->second.hops; h > 0; --h) {
    id = waves_[h].at(id).via;
    path.push_back(id);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<std::pair<graph::Id, float>> SpreadResult::Ranked(size_t k, bool include_seeds) const {
  std::vector<std::pair<graph::Id, float>> ranked;
  for (const auto& [id, a] : nodes_)
    if (include_seeds || !waves_[0].count(id)) ranked.emplace_back(id, a.score);
  const auto better = [](const auto& a, const auto& b) {
    return a.second > b.second || (a.second == b.second && a.first < b.first);
  };
  if (ranked.size() > k) {
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(k), ranked.end(), better);
    ranked.resize(k);
  } else {
    std::sort(ranked.begin(), ranked.end(), better);
  }
  return ranked;
}

SpreadResult Spread(const std::vector<std::pair<graph::Id, float>>& seeds, const NeighborFn& neighbors,
                    const SpreadParams& params) {
  using Step = SpreadResult::Step;
  SpreadResult result;
  auto& nodes = result.nodes_;
  auto& waves = result.waves_;
  const int max_hops = std::max(params.max_hops, 0);
  waves.resize(static_cast<size_t>(max_hops) + 1);

  for (const auto& [id, energy] : seeds) {
    if (id == graph::kNoId) continue;
    Activation& a = nodes[id];
    a.score += energy;
    a.path_energy = a.score;
    waves[0][id] = Step{a.score, graph::kNoId, a.score};
  }

  std::vector<graph::Id> frontier;
  std::vector<Neighbor> out;
  for (int h = 1; h <= max_hops; ++h) {
    const auto& before = waves[static_cast<size_t>(h) - 1];
    auto& wave = waves[static_cast<size_t>(h)];
    frontier.clear();
    for (const auto& [id, step] : before)
      if (step.energy * params.decay >= params.min_activation) frontier.push_back(id);
    if (frontier.empty()) break;
    std::sort(frontier.begin(), frontier.end());
    for (const graph::Id u : frontier) {
      out.clear();
      neighbors(u, out);
      float total_weight = 0;
      for (const Neighbor& n : out)
        if (n.id != u && n.id != graph::kNoId && n.weight > 0) total_weight += std::min(n.weight, 1.0f);
      if (total_weight == 0) continue;
      const float spread = params.decay / std::max(1.0f, total_weight);
      const Step& from = before.at(u);
      const float energy = from.energy, path_energy = from.path_energy;
      for (const Neighbor& n : out) {
        if (n.id == u || n.id == graph::kNoId || !(n.weight > 0)) continue;
        const float factor = spread * std::min(n.weight, 1.0f);
        const float transfer = energy * factor;
        if (!(transfer > 0) || transfer < params.min_activation) continue;
        auto it = nodes.find(n.id);
        if (it == nodes.end()) {
          if (nodes.size() >= params.max_nodes) continue;
          it = nodes.emplace(n.id, Activation{}).first;
        }
        it->second.score += transfer;
        Step& step = wave[n.id];
        step.energy += transfer;
        if (path_energy * factor > step.path_energy) {
          step.via = u;
          step.path_energy = path_energy * factor;
        }
      }
    }
    // A node's strongest path is replaced only by a strictly stronger one.
    for (const auto& [id, step] : wave) {
      Activation& a = nodes.at(id);
      const bool seed = waves[0].count(id) != 0;
      if (!seed && step.path_energy > a.path_energy) {
        a.via = step.via;
        a.hops = h;
        a.path_energy = step.path_energy;
      }
    }
  }
  return result;
}

}  // namespace mnemo::index
