#include "bench/locomo_scoring.hpp"

#include <algorithm>
#include <cassert>

namespace mnemo::bench::locomo {

double RecallAt(const std::vector<std::string>& evidence, const std::vector<Slot>& retrieved, size_t k) {
  if (evidence.empty()) return 0.0;
  const size_t n = std::min(k, retrieved.size());
  size_t found = 0;
  for (const std::string& id : evidence)
    for (size_t i = 0; i < n; ++i)
      if (std::find(retrieved[i].begin(), retrieved[i].end(), id) != retrieved[i].end()) {
        ++found;
        break;
      }
  return static_cast<double>(found) / static_cast<double>(evidence.size());
}

void EvidenceRecall::Add(int category, const std::vector<std::string>& evidence, const std::vector<Slot>& retrieved) {
  assert(!evidence.empty());
  std::vector<double> r;
  for (size_t k : ks_) r.push_back(RecallAt(evidence, retrieved, k));
  AddTo(all_, r);
  AddTo(by_category_[category], r);
}

void EvidenceRecall::AddTo(Sums& s, const std::vector<double>& r) {
  if (s.recall.empty()) s.recall.assign(ks_.size(), 0.0);
  ++s.questions;
  for (size_t i = 0; i < r.size(); ++i) s.recall[i] += r[i];
}

size_t EvidenceRecall::Index(size_t k) const {
  const auto it = std::find(ks_.begin(), ks_.end(), k);
  assert(it != ks_.end() && "k is not one of the scored cut-offs");
  return static_cast<size_t>(it - ks_.begin());
}

std::vector<int> EvidenceRecall::categories() const {
  std::vector<int> out;
  for (const auto& [c, s] : by_category_) out.push_back(c);
  return out;
}

size_t EvidenceRecall::questions(int category) const {
  const auto it = by_category_.find(category);
  return it == by_category_.end() ? 0 : it->second.questions;
}

double EvidenceRecall::Mean(int category, size_t k) const {
  const auto it = by_category_.find(category);
  return it == by_category_.end() ? 0.0 : it->second.Mean(Index(k));
}

}  // namespace mnemo::bench::locomo
