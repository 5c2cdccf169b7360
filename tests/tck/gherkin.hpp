// Gherkin: a small parser for the subset of Gherkin the openCypher TCK uses.
//
// Understood: `Feature:`, `Background:`, `Scenario:` / `Example:`,
// `Scenario Outline:` / `Scenario Template:` with `Examples:` / `Scenarios:`
// tables (outlines are expanded: one Scenario per example row, `<param>`
// substituted in the name, step texts, doc strings and tables), steps
// (`Given`, `When`, `Then`, `And`, `But`, `*`) with an optional doc string
// (`"""` or ```, indentation stripped relative to the opening delimiter) or
// data table (`| a | b |`, escapes `\|`, `\\`, `\n`), tags (`@x`, kept),
// `#` comments and free description lines under a header. `Rule:` lines are
// accepted and ignored.
//
// Thread-safety: plain functions over values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace mnemo::tck {

// A data table: cells trimmed, escapes resolved; one source line per row.
struct Table {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
};

struct Step {
  std::string keyword;  // Given, When, Then, And, But, *
  std::string text;     // after the keyword, trimmed
  int line = 0;
  std::optional<std::string> doc_string;  // lines joined with '\n', no trailing newline
  std::optional<Table> table;
};

struct Scenario {
  std::string name;  // outline rows: the substituted name + " (example k)"
  int line = 0;      // the Scenario line, or the example row's line for outlines
  int outline_line = 0;  // the Scenario Outline line (0 for plain scenarios)
  std::vector<std::string> tags;
  std::vector<Step> steps;  // the feature's background is not included
};

struct Feature {
  std::string path;  // as given to ParseFeature
  std::string name;
  int line = 0;
  std::vector<std::string> tags;
  std::vector<Step> background;
  std::vector<Scenario> scenarios;
};

// Parses the text of one .feature file. Errors: InvalidArgument naming the
// line ("line 12: unclosed doc string").
Result<Feature> ParseFeature(std::string_view text, std::string path = "");
// Reads and parses a file. Errors: IOError, or as ParseFeature.
Result<Feature> ParseFeatureFile(const std::string& path);

// Splits one table line ("| a | b\| c |") into trimmed cells with Gherkin escapes resolved.
std::vector<std::string> SplitTableRow(std::string_view line);
// Replaces each "<name>" by its value (names not given are left as they are).
std::string Substitute(std::string_view text, const std::vector<std::string>& names,
                       const std::vector<std::string>& values);

}  // namespace mnemo::tck
