// Malformed and pathological input: every bad statement gives a non-OK
// Status with a position; nothing crashes, overflows the stack or hangs.
//
// The corpus is tests/lang/malformed.txt (MNEMO_TESTS_DIR, or the directory
// of this file); large inputs are generated here, and a small deterministic
// mutation fuzzer checks that whatever parses prints and re-parses the same.
#include <catch2/catch.hpp>

#include "tests/corpus.hpp"

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "parse_helpers.hpp"

using namespace mnemo::lang;           // NOLINT
using namespace mnemo::lang::testing;  // NOLINT
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

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

void CheckFailsWithPosition(const std::string& text) {
  const auto start = Clock::now();
  auto result = Parse(text);
  INFO("input (" << text.size() << " bytes): " << text.substr(0, 120));
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().line() > 0);
  CHECK(result.status().column() > 0);
  CHECK(Seconds(start) < 5.0);
  // The caret formatter copes with every error.
  CHECK_FALSE(FormatErrorWithCaret(text, result.status()).empty());
}

}  // namespace

TEST_CASE("the malformed corpus fails with positions", "[lang][malformed]") {
  const auto corpus = mnemo::testing::ReadCorpus((TestsDir() / "lang" / "malformed.txt").string());
  for (const auto& text : corpus) CheckFailsWithPosition(text);
  CHECK(corpus.size() >= 100);
}

TEST_CASE("a 1 MB string literal parses", "[lang][malformed]") {
  std::string big(1 << 20, 'x');
  for (size_t i = 0; i < big.size(); i += 1000) big[i] = '\n';
  const auto start = Clock::now();
  Statement st = MustParseOne("RETURN '" + big + "' AS s");
  CHECK(Seconds(start) < 5.0);
  CHECK(ReturnedExpr(st).text == big);

  std::string escaped;
  for (int i = 0; i < 200000; ++i) escaped += "\\n\\u00e9";
  Statement st2 = MustParseOne("RETURN \"" + escaped + "\"");
  CHECK(ReturnedExpr(st2).text.size() == 200000u * 3);
  // A 1 MB literal in a memory statement, and an unterminated one.
  CHECK(Parse("OBSERVE '" + big + "' AT 2023-05-08").ok());
  CheckFailsWithPosition("RETURN '" + big);
}

TEST_CASE("deep nesting fails cleanly", "[lang][malformed]") {
  const size_t n = 100000;
  auto nested = [&](const std::string& open, const std::string& mid, const std::string& close) {
    std::string s;
    s.reserve(n * (open.size() + close.size()) + 64);
    s += "RETURN ";
    for (size_t i = 0; i < n; ++i) s += open;
    s += mid;
    for (size_t i = 0; i < n; ++i) s += close;
    return s;
  };
  for (const std::string& text :
       {nested("(", "1", ")"), nested("[", "1", "]"), nested("{a: ", "1", "}"), nested("(", "", ""),
        nested("[", "", ""), nested("f(", "1", ")"), nested("CASE WHEN ", "1", " THEN 1 END"),
        nested("[x IN ", "l", "]"), nested("(n {a: ", "1", "})-->()"), nested("NOT ", "true", ""),
        nested("- ", "1", ""), nested("", "a", ".b"), nested("", "a", "[0]"), nested("", "1", " + 1"),
        nested("", "1", " < 1"), nested("", "x", " IS NULL")}) {
    auto result = Parse(text);
    INFO(text.substr(0, 60));
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().line() == 1);
    CHECK(result.status().column() > 0);
  }
  auto st = MustFail(nested("(", "1", ")"));
  CHECK(st.code() == StatusCode::kResourceLimit);
}

TEST_CASE("large but flat input parses in linear time", "[lang][malformed]") {
  // Sizes stay moderate so that debug builds run this quickly; the time bound
  // only catches super-linear behaviour (a release build needs ~0.1 s).
  const auto start = Clock::now();
  std::string list = "RETURN [";
  for (int i = 0; i < 20000; ++i) list += (i ? ", " : "") + std::to_string(i);
  list += "]";
  CHECK(Parse(list).ok());

  std::string script;
  for (int i = 0; i < 2000; ++i) script += "MATCH (n:Person {id: " + std::to_string(i) + "}) RETURN n.name;\n";
  auto many = Parse(script);
  REQUIRE(many.ok());
  CHECK(many->statements.size() == 2000u);
  CHECK(many->statements.back().line == 2000);

  CHECK(Parse(std::string(1 << 18, ';')).ok());
  CHECK(Parse("RETURN 1 /*" + std::string(1 << 18, '*') + "*/").ok());
  CHECK(Parse("RETURN 1 --" + std::string(1 << 18, '-')).ok());
  CHECK(Parse("RETURN " + std::string(100000, 'a')).ok());
  std::string labels = "RETURN n";
  for (int i = 0; i < 20000; ++i) labels += ":L";
  CHECK(Parse(labels).ok());
  std::string chain = "MATCH (a0)";
  for (int i = 1; i < 5000; ++i) chain += "-[:R]->(a" + std::to_string(i) + ")";
  CHECK(Parse(chain + " RETURN a0").ok());
  CHECK(Seconds(start) < 60.0);
  CheckFailsWithPosition("RETURN 1 /*" + std::string(1 << 20, ' '));
}

TEST_CASE("fuzzer findings", "[lang][malformed]") {
  // Inputs found by tests/fuzz/parser_fuzz.cpp: each must parse and re-print stably.
  for (const std::string& text :
       {std::string("RECALL`(b\x01\nTEC)LL`(b)--I\x01OR+>)-L"), std::string("RETURN `a.`.b(1)"),
        std::string("RETURN `MATCH`(1), exists(n.x), a.b.c(2), `x y`.z(3)"), "RETURN" + std::string(367, '+') + "k"}) {
    INFO(text);
    auto result = Parse(text);
    REQUIRE(result.ok());
    for (const auto& st : result->statements) {
      const std::string printed = ToString(st);
      INFO(printed);
      CHECK(Minimal(printed) == printed);
    }
  }
}

TEST_CASE("mutated statements never crash; what parses round-trips", "[lang][malformed]") {
  const std::vector<std::string> seeds = {
      "MATCH (n:Person {name: 'Ann'})-[r:KNOWS*1..3]->(m) WHERE n.age > 3 AND m.x IS NOT NULL "
      "RETURN n.name AS name, count(*) ORDER BY name DESC SKIP 1 LIMIT 5",
      "UNWIND [1, 2.5, 'x', null, true, {a: [1]}] AS v WITH v WHERE v IS NOT NULL RETURN DISTINCT v",
      "MATCH (a), (b) WHERE a.id = 0 AND (a)-[:T]->(b:L) OR exists((a)<--()) RETURN [x IN range(1, 9) WHERE x % 2 = 0 "
      "| "
      "x ^ 2] AS xs, CASE a.k WHEN 1 THEN 'one' ELSE 'many' END",
      "MERGE (p:Person {name: $name}) ON CREATE SET p.created = timestamp() ON MATCH SET p += {seen: true}",
      "MATCH (n) SET n.x = n.x + 1, n:Seen REMOVE n.tmp, n:New DETACH DELETE n",
      "RETURN 1 AS x UNION ALL RETURN 2 AS x",
      "MATCH p = (a)-[*]-(b) RETURN nodes(p), a[1..2], a.b.c, -9223372036854775808 AS OF 2023-06-01 KNOWN AT $t",
      "OBSERVE 'Caroline: I moved' AT 2023-05-08T13:56:00Z BY Person 'Caroline' IN 's1' ABOUT City 'Berlin' "
      "SOURCE 'chat' TRUST 0.9 EMBEDDING [0.1, 0.2]",
      "ASSERT lives_in(resident: Person 'Caroline', city: City 'Berlin') VALID FROM 2023-04-01 "
      "VALID UNTIL 2024-01-01 FROM EPISODE 17, 18 CONFIDENCE 0.8",
      "RECALL 'where?' ABOUT Person 'C' TOP 10 KINDS episode, fact USING vector, graph MIN TRUST 0.5 EXPLAIN",
      "DEFINE RELATION lives_in (resident: Person, city: City MANY, since DATE) UNIQUE (resident)",
      "CONSOLIDATE DECAY HALF LIFE 30d DRY RUN; TIMELINE Person 'C' FROM 2023-01-01 TO 2023-12-31; SNAPSHOT",
  };
  const std::string alphabet = "()[]{}:;,.'\"`$-<>=+*/%^|!? \n\t0123456789abcxyzMATCHRETURNWHERE\\\xc3\xa9\xff";
  const std::vector<std::string> tokens = {
      "MATCH", "RETURN", "(",    ")",     "[",        "]",          "{",     "}",
      "-->",   "<-",     "-[",   "]->",   "'",        "\"",         "`",     "/*",
      "*/",    "--",     "//",   "AS OF", "KNOWN AT", "2023-05-08", "WHERE", "AND",
      "NOT",   "IN",     "CASE", "END",   ",",        ":",          "$p",    "9223372036854775808",
      "\\u",   "..",     "*",    "|",     ";",        "EXPLAIN"};
  std::mt19937 rng(12345);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  int parsed = 0, failed = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text = seeds[pick(seeds.size())];
    const int edits = 1 + static_cast<int>(pick(4));
    for (int e = 0; e < edits; ++e) {
      const size_t at = text.empty() ? 0 : pick(text.size() + 1);
      switch (pick(4)) {
        case 0:
          if (!text.empty() && at < text.size()) text.erase(at, 1 + pick(8));
          break;
        case 1:
          text.insert(at, 1, alphabet[pick(alphabet.size())]);
          break;
        case 2:
          text.insert(at, tokens[pick(tokens.size())]);
          break;
        default:
          text = text.substr(0, at);
          break;  // truncate
      }
    }
    auto result = Parse(text);
    INFO(text);
    if (!result.ok()) {
      ++failed;
      CHECK(result.status().line() > 0);
      CHECK(result.status().column() > 0);
      continue;
    }
    ++parsed;
    for (const auto& st : result->statements) {
      const std::string printed = ToString(st);
      auto again = Parse(printed);
      INFO(printed);
      REQUIRE(again.ok());
      REQUIRE(again->statements.size() == 1);
      CHECK(ToString(again->statements[0]) == printed);
    }
  }
  CHECK(parsed > 100);
  CHECK(failed > 100);
}
