// UseLog: when each record was used, for ACT-R base-level activation (the
// recency/frequency channel of RECALL).
//
//   B(i, now) = ln( sum_j age_j^-d ),  age_j = max(now - t_j, 1 s) in seconds
// over the uses t_j <= now of record i (creation counts as a use; uses after
// `now` are ignored, so a read AS OF an earlier time sees the past).
// Frequent and recent uses raise B; B is -infinity without any use.
//
// Storage per record: the kExactUses most recent uses exactly, plus the
// count and the earliest time of the older ones. The older uses are taken as
// spread evenly between the earliest one and the oldest kept one, which
// turns their sum into an integral (Petrov 2006, "Computationally efficient
// approximation of the base-level learning equation in ACT-R"):
//   m / (t_b - t_a) * integral_{t_a}^{t_b} (now - t)^-d dt
// (the part of [t_a, t_b] after `now`, if any, is left out in proportion).
// Thread-safety: all methods may be called concurrently (one internal mutex).
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "graph/ids.hpp"
#include "temporal/time.hpp"

namespace mnemo::index {

class UseLog {
 public:
  static constexpr size_t kExactUses = 8;

  UseLog() = default;
  UseLog(const UseLog&) = delete;
  UseLog& operator=(const UseLog&) = delete;

  // Records a use of `id` at `when` (any order of times is accepted).
  void Record(graph::Id id, temporal::Timestamp when);
  // Drops every use of `id`.
  void Forget(graph::Id id);

  // B(id, now) as above with decay d (> 0; 0.5 is ACT-R's default);
  // -infinity when the id has no use at or before `now`.
  double BaseLevel(graph::Id id, temporal::Timestamp now, double decay = 0.5) const;
  // BaseLevel of each id, under one lock: out[i] for ids[i].
  void BaseLevels(const std::vector<graph::Id>& ids, temporal::Timestamp now, double decay,
                  std::vector<double>& out) const;
  // Exponentially decayed count of the uses at or before `now`:
  //   sum_j 2^(-(now - t_j) / half_life)
  // (a use at `now` counts 1, one a half-life old 1/2), with the older uses
  // spread as above (the integral of the exponential). 0 without any use.
  // `half_life` must be positive.
  double DecayedUses(graph::Id id, temporal::Timestamp now, temporal::Duration half_life) const;
  // The latest use; temporal::kBeginningOfTime when none.
  temporal::Timestamp LastUse(graph::Id id) const;
  // The number of uses recorded (exact and older ones).
  size_t Uses(graph::Id id) const;
  // Records with at least one use.
  size_t size() const;

 private:
  struct History {
    std::array<temporal::Timestamp, kExactUses> recent{};  // ascending, `kept` of them
    uint32_t kept = 0;
    uint32_t older = 0;                                 // uses before recent[0]
    temporal::Timestamp earliest = temporal::kForever;  // of the older uses
  };
  static double Sum(const History& h, temporal::Timestamp now, double decay);
  static double ExponentialSum(const History& h, temporal::Timestamp now, temporal::Duration half_life);

  mutable std::mutex mutex_;
  std::unordered_map<graph::Id, History> histories_;
};

}  // namespace mnemo::index
