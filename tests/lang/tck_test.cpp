// Every query of the openCypher TCK subset in ../shared/data/tck parses.
//
// Queries are the """ blocks after `When executing query:` and
// `having executed:` steps; Scenario Outlines are expanded with their
// Examples rows. The query of a scenario whose expected outcome is
// "a SyntaxError should be raised at compile time" may fail to parse (most of
// those are bind errors, so they usually parse anyway); everything else must.
// The directory comes from MNEMO_SHARED_DIR; without it the test is skipped.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "lang/ast_printer.hpp"
#include "lang/parser.hpp"

namespace fs = std::filesystem;
using mnemo::lang::Parse;

namespace {

struct TckQuery {
  std::string file;
  int line = 0;  // line of the opening """ in the feature file
  std::string text;
  bool may_fail = false;  // the scenario expects a compile-time SyntaxError for it
};

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> SplitRow(const std::string& row) {
  std::vector<std::string> cells;
  std::string t = Trim(row);
  if (t.size() < 2 || t.front() != '|') return cells;
  size_t start = 1;
  for (size_t i = 1; i < t.size(); ++i) {
    if (t[i] == '\\') {
      ++i;
      continue;
    }
    if (t[i] == '|') {
      cells.push_back(Trim(t.substr(start, i - start)));
      start = i + 1;
    }
  }
  return cells;
}

std::string Substitute(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    const std::string key = "<" + name + ">";
    for (size_t pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + value.size())) {
      text.replace(pos, key.size(), value);
    }
  }
  return text;
}

// Extracts the queries of one feature file.
std::vector<TckQuery> ExtractQueries(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);

  std::vector<TckQuery> out;
  size_t i = 0;
  while (i < lines.size()) {
    const std::string t = Trim(lines[i]);
    if (t.rfind("Scenario", 0) != 0) {
      ++i;
      continue;
    }
    // One scenario: up to the next Scenario line.
    size_t end = i + 1;
    while (end < lines.size() && Trim(lines[end]).rfind("Scenario", 0) != 0) ++end;
    bool expects_syntax_error = false;
    for (size_t k = i; k < end; ++k) {
      if (lines[k].find("SyntaxError should be raised at compile time") != std::string::npos) {
        expects_syntax_error = true;
      }
    }
    std::vector<TckQuery> scenario_queries;
    std::vector<std::map<std::string, std::string>> examples;
    for (size_t k = i + 1; k < end; ++k) {
      const std::string step = Trim(lines[k]);
      const bool is_query = EndsWith(step, "executing query:");
      const bool is_setup = EndsWith(step, "having executed:");
      if ((is_query || is_setup) && k + 1 < end && Trim(lines[k + 1]) == "\"\"\"") {
        TckQuery q;
        q.file = path.filename().string();
        q.line = static_cast<int>(k + 2);
        q.may_fail = is_query && expects_syntax_error;
        size_t b = k + 2;
        for (; b < end && Trim(lines[b]) != "\"\"\""; ++b) q.text += lines[b] + "\n";
        scenario_queries.push_back(q);
        k = b;
      } else if (step.rfind("Examples:", 0) == 0 && k + 1 < end) {
        const auto header = SplitRow(lines[k + 1]);
        for (size_t r = k + 2; r < end && Trim(lines[r]).rfind("|", 0) == 0; ++r) {
          const auto cells = SplitRow(lines[r]);
          std::map<std::string, std::string> row;
          for (size_t c = 0; c < header.size() && c < cells.size(); ++c) row[header[c]] = cells[c];
          examples.push_back(row);
        }
      }
    }
    if (examples.empty()) {
      out.insert(out.end(), scenario_queries.begin(), scenario_queries.end());
    } else {
      for (const auto& row : examples) {
        for (TckQuery q : scenario_queries) {
          q.text = Substitute(q.text, row);
          out.push_back(q);
        }
      }
    }
    i = end;
  }
  return out;
}

}  // namespace

namespace {

fs::path SharedDir() {
#ifdef MNEMO_SHARED_DIR
  return fs::path(MNEMO_SHARED_DIR);
#else
  return fs::path(__FILE__).parent_path() / ".." / ".." / ".." / "shared";  // ../shared from the repo root
#endif
}

}  // namespace

TEST_CASE("every TCK query parses", "[lang][tck]") {
  const fs::path root = SharedDir() / "data" / "tck";
  if (!fs::is_directory(root)) {
    WARN("TCK directory " << root.string() << " is missing: skipping the TCK parse test");
    return;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".feature") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE_FALSE(files.empty());

  int total = 0, parsed = 0, required = 0, expected_errors = 0, expected_errors_parsed = 0;
  for (const auto& file : files) {
    for (const auto& q : ExtractQueries(file)) {
      ++total;
      auto result = Parse(q.text);
      if (result.ok()) ++parsed;
      if (q.may_fail) {
        ++expected_errors;
        if (result.ok()) ++expected_errors_parsed;
        continue;
      }
      ++required;
      if (!result.ok()) {
        FAIL_CHECK(q.file << ":" << q.line << ": " << result.status().ToString() << "\n" << q.text);
        continue;
      }
      // Printing and re-parsing gives the same tree.
      for (const auto& st : result->statements) {
        const std::string printed = mnemo::lang::ToString(st);
        auto again = Parse(printed);
        if (!again.ok() || again->statements.size() != 1 || mnemo::lang::ToString(again->statements[0]) != printed) {
          FAIL_CHECK(q.file << ":" << q.line << ": round trip changed\n" << q.text << "\nprinted: " << printed);
        }
      }
    }
  }
  WARN("TCK: " << parsed << " of " << total << " queries parse; " << (required - (parsed - expected_errors_parsed))
               << " required failures; " << expected_errors << " expect a compile-time SyntaxError, of which "
               << expected_errors_parsed << " parse (the binder rejects them) and "
               << (expected_errors - expected_errors_parsed) << " are rejected by the parser");
  CHECK(total > 400);
}
