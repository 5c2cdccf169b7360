#include "temporal/supersession.hpp"

#include <algorithm>

namespace mnemo::temporal {

SupersessionPlan PlanSupersession(const std::vector<VersionInterval>& versions, Timestamp from, Timestamp to) {
  SupersessionPlan plan;
  plan.to = to;
  const VersionInterval* containing = nullptr;
  for (const auto& v : versions)
    if (v.from <= from && from < v.to) containing = &v;
  Timestamp end = kForever;  // where the new version must stop
  if (containing) {
    if (containing->from == from) plan.correct = containing->id;
    else plan.close = containing->id;
    end = containing->to;
  }
  // The next version: the earliest one starting at or after `end` (or after
  // `from` when nothing contains it).
  const Timestamp after = containing ? end : from;
  const VersionInterval* next = nullptr;
  for (const auto& v : versions)
    if (v.from >= after && v.from > from && (!next || v.from < next->from)) next = &v;
  if (next) {
    end = std::min(end, next->from);
    if (end == next->from) plan.next = next->id;
  }
  plan.to = std::min(to, end);
  return plan;
}

}  // namespace mnemo::temporal
