// Runs one TCK scenario against a fresh in-memory Database.
//
// Steps understood (after the Given/When/Then/And/But keyword):
//   an empty graph | any graph
//   having executed: / after having executed:          (doc string)
//   parameters are: / parameter values are:            (| name | value | rows)
//   executing query: / executing control query:        (doc string or inline text)
//   the result should be empty
//   the result should be, in any order: / , in order:  (table; optionally
//     "(ignoring element order for lists)" with or without the ", in ... order")
//   the side effects should be: (table) / no side effects
//   a <Type> should be raised at <compile time|runtime|any time>: <Detail>
// Anything else (named graphs included) fails the scenario as unsupported.
//
// Thread-safety: each call opens its own Database.
#pragma once

#include <string>

#include "tests/tck/gherkin.hpp"
#include "tests/tck/tck_compare.hpp"

namespace mnemo::tck {

struct RunOptions {
  SideEffectMode side_effects = SideEffectMode::kGraph;
};

struct ScenarioOutcome {
  bool passed = false;
  std::string reason;   // one line, set when failed
  std::string details;  // several lines for --verbose: the query, expected and actual tables
};

ScenarioOutcome RunScenario(const Feature& feature, const Scenario& scenario, const RunOptions& options);

}  // namespace mnemo::tck
