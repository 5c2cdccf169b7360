#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/tck/gherkin.hpp"

using mnemo::tck::ParseFeature;
using mnemo::tck::ParseFeatureFile;
using mnemo::tck::SplitTableRow;

namespace {
constexpr const char* kSample = R"(#
# Copyright notice
#
Feature: Sample - a feature
  Some description
  over two lines.

  Background:
    Given an empty graph

  Scenario: [1] First
    And having executed:
      """
      CREATE (a:A)
        CREATE (b)
      """
    When executing query:
      """
      MATCH (n) RETURN n
      """
    Then the result should be, in any order:
      | n    |
      | (:A) |
      | ()   |
    And no side effects

  @skipGrammarCheck
  Scenario Outline: [2] Outline <kind>
    When executing query:
      """
      MATCH <pattern> RETURN r
      """
    Then a SyntaxError should be raised at compile time: VariableTypeConflict

    Examples:
      | pattern        | kind |
      | ()-[r]-(r)     | loop |
      | (r)-[\|]-()    | bar  |

  Scenario: [3] Inline
    When executing query: RETURN 1 AS x
    Then the result should be, in order:
      | x |
      | 1 |
)";
}  // namespace

TEST_CASE("table rows split into trimmed cells with escapes", "[tck]") {
  CHECK(SplitTableRow("| a | b |") == std::vector<std::string>{"a", "b"});
  CHECK(SplitTableRow("  |  x\\|y | \\\\ |  ") == std::vector<std::string>{"x|y", "\\"});
  CHECK(SplitTableRow("| 'it\\'s' |") == std::vector<std::string>{"'it\\'s'"});
  CHECK(SplitTableRow("|  |") == std::vector<std::string>{""});
}

TEST_CASE("a feature parses into background, scenarios and expanded outlines", "[tck]") {
  auto f = ParseFeature(kSample, "sample.feature");
  INFO(f.status().ToString());
  REQUIRE(f.ok());
  CHECK(f->name == "Sample - a feature");
  CHECK(f->line == 4);
  REQUIRE(f->background.size() == 1);
  CHECK(f->background[0].text == "an empty graph");
  REQUIRE(f->scenarios.size() == 4);

  const auto& s1 = f->scenarios[0];
  CHECK(s1.name == "[1] First");
  CHECK(s1.line == 11);
  REQUIRE(s1.steps.size() == 4);
  CHECK(s1.steps[0].keyword == "And");
  CHECK(s1.steps[0].text == "having executed:");
  REQUIRE(s1.steps[0].doc_string);
  CHECK(*s1.steps[0].doc_string == "CREATE (a:A)\n  CREATE (b)");  // relative indentation kept
  CHECK(*s1.steps[1].doc_string == "MATCH (n) RETURN n");
  REQUIRE(s1.steps[2].table);
  CHECK(s1.steps[2].table->rows.size() == 3);
  CHECK(s1.steps[2].table->rows[1][0] == "(:A)");
  CHECK(s1.steps[2].table->lines[0] == 22);
  CHECK(s1.steps[3].text == "no side effects");

  const auto& o1 = f->scenarios[1];
  CHECK(o1.name == "[2] Outline loop (example 1)");
  CHECK(o1.line == 37);  // the example row
  CHECK(o1.outline_line == 28);
  CHECK(o1.tags == std::vector<std::string>{"@skipGrammarCheck"});
  CHECK(*o1.steps[0].doc_string == "MATCH ()-[r]-(r) RETURN r");
  CHECK(o1.steps[1].text == "a SyntaxError should be raised at compile time: VariableTypeConflict");
  const auto& o2 = f->scenarios[2];
  CHECK(o2.name == "[2] Outline bar (example 2)");
  CHECK(*o2.steps[0].doc_string == "MATCH (r)-[|]-() RETURN r");

  const auto& s3 = f->scenarios[3];
  CHECK(s3.steps[0].text == "executing query: RETURN 1 AS x");
  CHECK_FALSE(s3.steps[0].doc_string);
}

TEST_CASE("malformed features are refused with a line", "[tck]") {
  CHECK_FALSE(ParseFeature("Scenario: no feature\n  Given any graph\n").ok());
  auto unclosed = ParseFeature("Feature: f\n  Scenario: s\n    When executing query:\n      \"\"\"\n      RETURN 1\n");
  REQUIRE_FALSE(unclosed.ok());
  CHECK(unclosed.status().message().find("line 4") != std::string::npos);
  CHECK_FALSE(ParseFeature("Feature: f\n  Scenario: s\n    Given any graph\n    stray text\n").ok());
  CHECK_FALSE(ParseFeature("Feature: f\n  Scenario: s\n    Then x:\n      | a | b |\n      | 1 |\n").ok());
  CHECK_FALSE(ParseFeature("Feature: f\n  | a |\n").ok());
}

TEST_CASE("the TCK feature files of the shared data parse", "[tck]") {
  const std::filesystem::path dir = std::filesystem::path(MNEMO_SHARED_DIR) / "data" / "tck";
  if (!std::filesystem::is_directory(dir)) {
    WARN("skipped: " << dir.string() << " not found");
    return;
  }
  size_t files = 0, scenarios = 0, steps = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".feature") continue;
    auto f = ParseFeatureFile(entry.path().string());
    INFO(entry.path().string() << ": " << f.status().ToString());
    REQUIRE(f.ok());
    ++files;
    scenarios += f->scenarios.size();
    for (const auto& s : f->scenarios) {
      CHECK(s.line > 0);
      CHECK_FALSE(s.steps.empty());
      steps += s.steps.size();
      for (const auto& step : s.steps) {
        INFO(s.name << " line " << step.line);
        // Every placeholder of an outline was substituted.
        if (step.doc_string) CHECK(step.doc_string->find("<pattern>") == std::string::npos);
      }
    }
  }
  CHECK(files > 0);
  CHECK(scenarios >= files);
  CHECK(steps > scenarios);
  // Match1.feature, when present, has a known shape.
  auto m1 = ParseFeatureFile((dir / "clauses" / "match" / "Match1.feature").string());
  if (m1.ok()) {
    CHECK(m1->name.find("Match1") == 0);
    CHECK(m1->scenarios.size() > 11);  // 11 scenarios, outlines expanded
  }
}
