// The one-line summary of a statement's side effects:
// "Nodes created: 2, Properties set: 4".
#pragma once

#include <string>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

// The non-zero counters of `stats` as "Name: n" joined by ", "; empty when
// the statement changed nothing.
std::string StatsText(const QueryStats& stats);

}  // namespace mnemo::shell
