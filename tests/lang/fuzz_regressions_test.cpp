// Inputs found by the libFuzzer parser target (tests/fuzz/parser_fuzz.cpp),
// kept as regression tests: every file in tests/fuzz/regressions/ must parse
// or fail with a position, in time, and (like the fuzz target checks) what
// parses must print and re-parse to the same text. When there are no
// regressions yet, the seed corpus tests/fuzz/corpus/ is used instead, so
// the test is never empty. See tests/fuzz/README.md.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lang/ast_printer.hpp"
#include "lang/parser.hpp"

using mnemo::StatusCode;

namespace fs = std::filesystem;

namespace {

fs::path TestsDir() {
#ifdef MNEMO_TESTS_DIR
  return fs::path(MNEMO_TESTS_DIR);
#else
  return fs::path(__FILE__).parent_path().parent_path();
#endif
}

std::vector<fs::path> FilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

using Clock = std::chrono::steady_clock;

void CheckParses(const fs::path& path) {
  const std::string text = ReadAll(path);
  INFO(path.filename().string() << " (" << text.size() << " bytes)");
  const auto start = Clock::now();
  auto result = mnemo::lang::Parse(text);
  CHECK(std::chrono::duration<double>(Clock::now() - start).count() < 5.0);
  if (!result.ok()) {
    const mnemo::Status& st = result.status();
    INFO(st.ToString());
    CHECK((st.code() == StatusCode::kSyntaxError || st.code() == StatusCode::kResourceLimit));
    CHECK(st.line() > 0);
    CHECK(st.column() > 0);
    CHECK_FALSE(mnemo::lang::FormatErrorWithCaret(text, st).empty());
    return;
  }
  for (const auto& statement : result->statements) {
    CHECK(statement.offset + statement.length <= text.size());
    const std::string printed = mnemo::lang::ToString(statement);
    INFO("printed: " << printed);
    auto again = mnemo::lang::Parse(printed);
    REQUIRE(again.ok());
    REQUIRE(again->statements.size() == 1);
    CHECK(mnemo::lang::ToString(again->statements[0]) == printed);
  }
}

}  // namespace

TEST_CASE("fuzzer regressions parse or fail with a position", "[lang][fuzz]") {
  std::vector<fs::path> files = FilesIn(TestsDir() / "fuzz" / "regressions");
  if (files.empty()) files = FilesIn(TestsDir() / "fuzz" / "corpus");
  REQUIRE_FALSE(files.empty());
  for (const auto& path : files) {
    DYNAMIC_SECTION(path.filename().string()) { CheckParses(path); }
  }
}
