// Supersession: where a new version of a fact goes among the versions of the
// same fact key (same relation, same values in its UNIQUE roles).
//
// Versions are the key's facts that the memory currently believes (not
// retracted, not forgotten), each with its valid interval [from, to). The
// rule, for a new version starting at `from`:
//  - a version V with V.from < from < V.to is closed at `from` and
//    superseded by the new one; the new one ends where V ended;
//  - a version V with V.from == from is a correction: V is retracted and
//    the new one takes its interval;
//  - otherwise the new version arrived out of order: it is placed into the
//    history at its own time and ends where the next version starts, which
//    supersedes it. The current version stays current.
// An end given with the new version (VALID UNTIL) is kept when it is earlier.
#pragma once

#include <cstdint>
#include <vector>

#include "temporal/time.hpp"

namespace mnemo::temporal {

struct VersionInterval {
  uint64_t id = 0;
  Timestamp from = kBeginningOfTime;
  Timestamp to = kForever;
};

struct SupersessionPlan {
  uint64_t close = 0;    // version to close at the new `from` (0: none)
  uint64_t correct = 0;  // version to retract, replaced at the same `from` (0: none)
  uint64_t next = 0;     // version that supersedes the new one (0: none, it is current)
  Timestamp to = kForever;  // the new version's valid end
};

SupersessionPlan PlanSupersession(const std::vector<VersionInterval>& versions, Timestamp from, Timestamp to);

}  // namespace mnemo::temporal
