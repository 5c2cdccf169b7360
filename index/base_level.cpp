#include "index/base_level.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mnemo::index {

namespace {

double AgeSeconds(temporal::Timestamp now, temporal::Timestamp t) {
  return std::max(static_cast<double>(now - t) / temporal::kMicrosPerSecond, 1.0);
}

// age^-decay, with ACT-R's default decay 0.5 as a square root.
double Decayed(double age, double decay) { return decay == 0.5 ? 1.0 / std::sqrt(age) : std::pow(age, -decay); }

}  // namespace

void UseLog::Record(graph::Id id, temporal::Timestamp when) {
  std::lock_guard lock(mutex_);
  History& h = histories_[id];
  auto* recent = h.recent.data();
  if (h.kept == kExactUses) {
    // The oldest of the kept uses and `when` compete; the older one leaves.
    ++h.older;
    if (when <= recent[0]) {
      h.earliest = std::min(h.earliest, when);
      return;
    }
    h.earliest = std::min(h.earliest, recent[0]);
    std::copy(recent + 1, recent + h.kept, recent);
    --h.kept;
  }
  auto* pos = std::upper_bound(recent, recent + h.kept, when);
  std::copy_backward(pos, recent + h.kept, recent + h.kept + 1);
  *pos = when;
  ++h.kept;
}

void UseLog::Forget(graph::Id id) {
  std::lock_guard lock(mutex_);
  histories_.erase(id);
}

double UseLog::Sum(const History& h, temporal::Timestamp now, double decay) {
  double sum = 0;
  for (uint32_t i = 0; i < h.kept; ++i)
    if (h.recent[i] <= now) sum += Decayed(AgeSeconds(now, h.recent[i]), decay);
  if (h.older == 0 || h.earliest > now) return sum;
  // The older uses, spread evenly over [a, b]; only the part up to `now`.
  const temporal::Timestamp a = h.earliest, b = h.recent[0];
  const temporal::Timestamp end = std::min(b, now);
  const double count = b > a ? h.older * (static_cast<double>(end - a) / static_cast<double>(b - a)) : h.older;
  const double young = AgeSeconds(now, end), old = AgeSeconds(now, a);
  if (old - young < 1e-9) return sum + count * Decayed(old, decay);
  const double integral =
      decay == 1.0 ? std::log(old / young) : (std::pow(old, 1 - decay) - std::pow(young, 1 - decay)) / (1 - decay);
  return sum + count * integral / (old - young);
}

double UseLog::ExponentialSum(const History& h, temporal::Timestamp now, temporal::Duration half_life) {
  const double rate = std::log(2.0) / static_cast<double>(half_life);  // per microsecond
  auto weight = [&](temporal::Timestamp t) { return std::exp(-rate * static_cast<double>(now - t)); };
  double sum = 0;
  for (uint32_t i = 0; i < h.kept; ++i)
    if (h.recent[i] <= now) sum += weight(h.recent[i]);
  if (h.older == 0 || h.earliest > now) return sum;
  // The older uses, spread evenly over [a, b]; only the part up to `now`.
  const temporal::Timestamp a = h.earliest, b = h.recent[0];
  const temporal::Timestamp end = std::min(b, now);
  const double count = b > a ? h.older * (static_cast<double>(end - a) / static_cast<double>(b - a)) : h.older;
  const double span = static_cast<double>(end - a);
  if (span < 1.0) return sum + count * weight(a);
  // mean of e^{-rate (now - t)} over t in [a, end]
  return sum + count * (weight(end) - weight(a)) / (rate * span);
}

double UseLog::DecayedUses(graph::Id id, temporal::Timestamp now, temporal::Duration half_life) const {
  std::lock_guard lock(mutex_);
  const auto it = histories_.find(id);
  if (it == histories_.end() || half_life <= 0) return 0;
  return ExponentialSum(it->second, now, half_life);
}

double UseLog::BaseLevel(graph::Id id, temporal::Timestamp now, double decay) const {
  std::lock_guard lock(mutex_);
  const auto it = histories_.find(id);
  if (it == histories_.end()) return -std::numeric_limits<double>::infinity();
  return std::log(Sum(it->second, now, decay));
}

void UseLog::BaseLevels(const std::vector<graph::Id>& ids, temporal::Timestamp now, double decay,
                        std::vector<double>& out) const {
  out.assign(ids.size(), -std::numeric_limits<double>::infinity());
  std::lock_guard lock(mutex_);
  for (size_t i = 0; i < ids.size(); ++i) {
    const auto it = histories_.find(ids[i]);
    if (it != histories_.end()) out[i] = std::log(Sum(it->second, now, decay));
  }
}

temporal::Timestamp UseLog::LastUse(graph::Id id) const {
  std::lock_guard lock(mutex_);
  const auto it = histories_.find(id);
  if (it == histories_.end() || it->second.kept == 0) return temporal::kBeginningOfTime;
  return it->second.recent[it->second.kept - 1];
}

size_t UseLog::Uses(graph::Id id) const {
  std::lock_guard lock(mutex_);
  const auto it = histories_.find(id);
  return it == histories_.end() ? 0 : it->second.kept + it->second.older;
}

size_t UseLog::size() const {
  std::lock_guard lock(mutex_);
  return histories_.size();
}

}  // namespace mnemo::index
