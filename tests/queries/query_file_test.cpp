#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/queries/query_file.hpp"

using mnemo::StatusCode;
using mnemo::querytest::Block;
using mnemo::querytest::CompareRows;
using mnemo::querytest::ParseQueryFile;

namespace {
constexpr const char* kSample = R"(# A comment.
statement ok
CREATE (:Person {name: 'Ann'}),
       (:Person {name: 'Bob'})

statement error BindError not defined
MATCH (n) RETURN m

statement error SyntaxError

MATCH (

statement error
RETURN 1 +

query rowsort
MATCH (p:Person)
RETURN p.name AS name
----
# name
'Bob'
'Ann'

reset

query
MATCH (n) RETURN count(n)
----
0

query nosort
MATCH (n) RETURN n
----
)";
}  // namespace

TEST_CASE("query test files parse into blocks", "[queries]") {
  // "statement error SyntaxError" followed by a blank line has no statement.
  auto bad = ParseQueryFile(kSample);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("line 9") == 0);

  std::string fixed = kSample;
  fixed.replace(fixed.find("SyntaxError\n\n"), 13, "SyntaxError\n");
  auto blocks = ParseQueryFile(fixed);
  INFO(blocks.status().ToString());
  REQUIRE(blocks.ok());
  REQUIRE(blocks->size() == 8);
  const auto& b = *blocks;

  CHECK(b[0].kind == Block::Kind::kStatementOk);
  CHECK(b[0].line == 2);
  CHECK(b[0].statement == "CREATE (:Person {name: 'Ann'}),\n       (:Person {name: 'Bob'})");

  CHECK(b[1].kind == Block::Kind::kStatementError);
  CHECK(b[1].error_code == StatusCode::kBindError);
  CHECK(b[1].error_substring == "not defined");
  CHECK(b[2].error_code == StatusCode::kSyntaxError);
  CHECK(b[2].error_substring.empty());
  CHECK(b[2].statement == "MATCH (");
  CHECK_FALSE(b[3].error_code);

  CHECK(b[4].kind == Block::Kind::kQuery);
  CHECK(b[4].rowsort);
  CHECK(b[4].statement == "MATCH (p:Person)\nRETURN p.name AS name");
  CHECK(b[4].header == std::optional<std::string>("name"));
  CHECK(b[4].rows == std::vector<std::string>{"'Bob'", "'Ann'"});

  CHECK(b[5].kind == Block::Kind::kReset);
  CHECK_FALSE(b[6].rowsort);
  CHECK_FALSE(b[6].header);
  CHECK(b[6].rows == std::vector<std::string>{"0"});
  CHECK(b[7].kind == Block::Kind::kQuery);
  CHECK(b[7].rows.empty());
}

TEST_CASE("an empty expected result and a trailing query parse", "[queries]") {
  auto blocks = ParseQueryFile("query nosort\nMATCH (n) RETURN n\n----\n");
  REQUIRE(blocks.ok());
  REQUIRE(blocks->size() == 1);
  CHECK(blocks->front().rows.empty());
}

TEST_CASE("malformed query test files are refused with a line", "[queries]") {
  for (const char* bad : {"querry\nRETURN 1\n----\n1\n", "query\nRETURN 1\n\n", "query sometimes\nRETURN 1\n----\n",
                          "statement maybe\nRETURN 1\n", "statement ok\n\n", "statement ok extra\nRETURN 1\n",
                          "statement error OK\nRETURN 1\n"}) {
    INFO(bad);
    auto r = ParseQueryFile(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("line ") == 0);
  }
}

TEST_CASE("query rows compare in order or sorted, header optional", "[queries]") {
  Block b;
  b.kind = Block::Kind::kQuery;
  b.rows = {"'Bob' | 2", "'Ann' | 1"};
  CHECK_FALSE(CompareRows(b, "name | n", {"'Bob' | 2", "'Ann' | 1"}));
  auto order = CompareRows(b, "name | n", {"'Ann' | 1", "'Bob' | 2"});
  REQUIRE(order);
  CHECK(*order == "row 1 differs: expected ''Bob' | 2', got ''Ann' | 1'");
  b.rowsort = true;
  CHECK_FALSE(CompareRows(b, "name | n", {"'Ann' | 1", "'Bob' | 2"}));
  auto count = CompareRows(b, "name | n", {"'Ann' | 1"});
  REQUIRE(count);
  CHECK(count->find("expected 2 rows, got 1") == 0);
  b.header = "name | n";
  CHECK_FALSE(CompareRows(b, "name | n", {"'Ann' | 1", "'Bob' | 2"}));
  auto cols = CompareRows(b, "name | count", {"'Ann' | 1", "'Bob' | 2"});
  REQUIRE(cols);
  CHECK(cols->find("columns differ") == 0);
}

TEST_CASE("every query test file of the repository parses", "[queries]") {
  const std::filesystem::path dir = std::filesystem::path(MNEMO_TESTS_DIR) / "queries";
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".test") continue;
    std::ifstream in(entry.path());
    std::ostringstream text;
    text << in.rdbuf();
    auto blocks = ParseQueryFile(text.str());
    INFO(entry.path().string() << ": " << blocks.status().ToString());
    CHECK(blocks.ok());
    ++files;
  }
  CHECK(files > 0);
}
