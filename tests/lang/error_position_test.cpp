// Typical mistakes are reported at the right line and column (1-based,
// columns in bytes) with a message naming what was expected.
#include <catch2/catch.hpp>

#include "parse_helpers.hpp"

using namespace mnemo::lang;           // NOLINT
using namespace mnemo::lang::testing;  // NOLINT
using mnemo::StatusCode;

namespace {

struct Expected {
  const char* text;
  int line;
  int column;
  const char* message;  // the whole message
};

const Expected kMistakes[] = {
    {"MATCH (n) RETRN n", 1, 11, "unexpected 'RETRN': expected a clause or ';'"},
    {"SELECT * FROM t", 1, 1,
     "unexpected 'SELECT': expected a statement (MATCH, CREATE, RETURN, OBSERVE, ASSERT, RECALL, ...)"},
    {"MATCH (n:Person RETURN n", 1, 17, "unexpected 'RETURN': expected ')' to close the node pattern"},
    {"MATCH (a)-[:KNOWS->(b) RETURN a", 1, 18, "unexpected '-': expected ']' to close the relationship pattern"},
    {"MATCH (n)\nWHERE n.x =\nRETURN n", 3, 1, "unexpected 'RETURN': expected an expression after the comparison"},
    {"RETURN [1, 2", 1, 13, "unexpected end of input: expected ']' to close the list"},
    {"RETURN {a: 1", 1, 13, "unexpected end of input: expected '}' to close the map"},
    {"RETURN f(1, 2", 1, 14, "unexpected end of input: expected ')' to close the function call"},
    {"RETURN (1 + 2", 1, 14, "unexpected end of input: expected ')' to close the parenthesis"},
    {"RETURN 1 +", 1, 11, "unexpected end of input: expected an expression after the operator"},
    {"RETURN 'abc", 1, 8, "unterminated string literal: expected a closing '"},
    {"RETURN 1,\n  \"abc\ndef", 2, 3, "unterminated string literal: expected a closing \""},
    {"RETURN 1 /* never closed", 1, 10, "unterminated /* comment: expected */"},
    {"RETURN `abc", 1, 8, "unterminated `quoted name`: expected a closing backquote"},
    {"RETURN 'bad \\q escape'", 1, 13,
     "invalid escape sequence '\\q': expected one of \\\\ \\' \\\" \\n \\t \\r \\b \\f \\/ \\uXXXX \\UXXXXXXXX"},
    {"RETURN '\\uD800'", 1, 9, "invalid unicode escape: not a Unicode scalar value"},
    {"RETURN 99999999999999999999", 1, 8, "integer literal is too large for a 64-bit integer"},
    {"RETURN 9223372036854775808", 1, 8, "integer literal is too large for a 64-bit integer"},
    {"RETURN 1 + 9223372036854775808", 1, 12, "integer literal is too large for a 64-bit integer"},
    {"RETURN 123abc", 1, 11,
     "unexpected 'abc': expected a blank or an operator after the number (identifiers cannot start with a digit)"},
    {"RETURN 1e400", 1, 8, "float literal is out of range"},
    {"MATCH (n) RETURN n LIMIT", 1, 25, "unexpected end of input: expected an expression"},
    {"MATCH (n) RETURN n,", 1, 20, "unexpected end of input: expected an expression to project"},
    {"MATCH (n) RETURN n MATCH (m)", 1, 20,
     "unexpected 'MATCH': expected ORDER BY, SKIP, LIMIT, UNION, AS OF, KNOWN AT or ';' after RETURN (RETURN ends a "
     "query)"},
    {"MATCH (n) RETURN n AS OF", 1, 25,
     "unexpected end of input: expected a time: 2023-05-08, 2023-05-08T13:56:00Z, $param or an expression like "
     "datetime('...')"},
    {"OPTIONAL CREATE (n)", 1, 10, "unexpected 'CREATE': expected MATCH after OPTIONAL"},
    {"MATCH (n) SET n.x + 1", 1, 19, "unexpected '+': expected '=' in the SET item"},
    {"MATCH (n) SET 1 = 2", 1, 15, "expected a property such as n.key on the left of '=' in SET"},
    {"OBSERVE 'x' AT 2023-13-01", 1, 21, "invalid date/time: month 13 is out of range 01..12"},
    {"OBSERVE 'x' AT 2023-02-29", 1, 24, "invalid date/time: day 29 is out of range 01..28 for that month"},
    {"OBSERVE 'x' AT 2023-05-08T24:00Z", 1, 27, "invalid date/time: hour 24 is out of range 00..23"},
    {"OBSERVE 'x' AT 2023-5-8", 1, 16,
     "unexpected '2023': expected a date/time: YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.ffffff]][Z|+hh:mm]"},
    {"OBSERVE 'x'\n  WHEN 2023-01-01", 2, 3,
     "unexpected 'WHEN': expected an OBSERVE option (AT, BY, IN, ABOUT, SOURCE, TRUST, EMBEDDING) or ';'"},
    {"OBSERVE 'x' BY 'Caroline'", 1, 16,
     "unexpected string literal: expected an entity reference such as Person 'Caroline'"},
    {"ASSERT lives_in(resident Person 'x')", 1, 26, "unexpected 'Person': expected ':' after the role name"},
    {"ASSERT lives_in(resident: Person 'x'", 1, 37, "unexpected end of input: expected ')' to close the role list"},
    {"ASSERT r(a: 1) VALID SINCE 2023-01-01", 1, 22, "unexpected 'SINCE': expected FROM or UNTIL after VALID"},
    {"DEFINE ENTITY Person (name TXT)", 1, 28,
     "unexpected 'TXT': expected a property type (TEXT, INT, FLOAT, BOOL, DATE, DATETIME, LIST, MAP, ANY)"},
    {"DEFINE TABLE t (a INT)", 1, 8, "unexpected 'TABLE': expected ENTITY, RELATION or EVENT after DEFINE"},
    {"CONSOLIDATE EVERYTHING", 1, 13,
     "unexpected 'EVERYTHING': expected COMMUNITIES, IMPORTANCE, DECAY or DEDUPE after CONSOLIDATE"},
    {"CONSOLIDATE DECAY HALF LIFE 30x", 1, 29,
     "unexpected '30x': expected a duration: digits and a unit d, h, m, s, ms or us (e.g. 30d, 1h30m)"},
    {"RECALL 'x' LIMIT 5", 1, 12,
     "unexpected 'LIMIT': expected a RECALL option (ABOUT, TOP, KINDS, USING, WEIGHTS, MIN TRUST, EXPLAIN, AS OF, "
     "KNOWN AT) or ';'"},
    {"RETURN 1;\nRETURN (2", 2, 10, "unexpected end of input: expected ')' to close the parenthesis"},
    {"RETURN 1 AS end", 1, 13, "unexpected 'end': expected a name after AS (keywords need backquotes)"},
    {"RETURN [x IN l, y IN l WHERE x]", 1, 8,
     "a list comprehension needs exactly one 'variable IN list' before WHERE or '|'"},
};

}  // namespace

TEST_CASE("typical mistakes report line, column and what was expected", "[lang][errors]") {
  for (const auto& m : kMistakes) {
    INFO(m.text);
    auto st = MustFail(m.text);
    CHECK(st.code() == StatusCode::kSyntaxError);
    CHECK(st.line() == m.line);
    CHECK(st.column() == m.column);
    CHECK(st.message() == m.message);
  }
}

TEST_CASE("invalid UTF-8 is reported at the offending byte", "[lang][errors]") {
  auto st = MustFail("RETURN 1;\nRETURN 'caf\xc3\xa9 \xff'");
  CHECK(st.line() == 2);
  CHECK(st.column() == 15);
  CHECK(st.message() == "invalid UTF-8: unexpected byte 0xFF");
  CHECK(MustFail("RETURN '\xed\xa0\x80'").column() == 9);      // a UTF-16 surrogate
  CHECK(MustFail("RETURN '\xc0\x80'").column() == 9);          // overlong
  CHECK(MustFail("RETURN '\xf4\x90\x80\x80'").column() == 9);  // above U+10FFFF
  CHECK(MustFail("RETURN '\xe2\x82").column() == 9);           // truncated
}

TEST_CASE("a UTF-8 byte order mark is ignored", "[lang][errors]") {
  Script s = MustParse("\xef\xbb\xbfRETURN 1");
  REQUIRE(s.statements.size() == 1);
  CHECK(s.statements[0].column == 4);
}

TEST_CASE("nesting too deep is a ResourceLimit with a position", "[lang][errors]") {
  std::string deep = "RETURN " + std::string(300, '(') + "1" + std::string(300, ')');
  auto st = MustFail(deep);
  CHECK(st.code() == StatusCode::kResourceLimit);
  CHECK(st.line() == 1);
  CHECK(st.column() == 8 + 256);
  std::string ok = "RETURN " + std::string(200, '[') + "1" + std::string(200, ']');
  CHECK(Parse(ok).ok());
}

TEST_CASE("FormatErrorWithCaret shows the line and a caret", "[lang][errors]") {
  const std::string text = "MATCH (n)\nWHERE n.x = 1 RETRN n";
  auto st = MustFail(text);
  CHECK(FormatErrorWithCaret(text, st) ==
        "SyntaxError at 2:15: unexpected 'RETRN': expected a clause or ';'\n"
        "  WHERE n.x = 1 RETRN n\n"
        "                ^");
  // Multi-byte characters before the column count as one caret position.
  const std::string utf8 = "RETURN 'é', x y";
  auto st2 = MustFail(utf8);
  CHECK(st2.column() == 16);
  CHECK(FormatErrorWithCaret(utf8, st2).substr(FormatErrorWithCaret(utf8, st2).find('\n')) ==
        "\n  RETURN 'é', x y\n                ^");
  // Tabs are kept so that the caret lines up in a terminal.
  const std::string tabs = "\tRETURN (";
  CHECK(FormatErrorWithCaret(tabs, MustFail(tabs)).substr(FormatErrorWithCaret(tabs, MustFail(tabs)).find('\n')) ==
        "\n  \tRETURN (\n  \t        ^");
  // No position: just the status.
  CHECK(FormatErrorWithCaret(text, mnemo::Status::Internal("boom")) == "Internal: boom");
  // Very long lines are cut around the column.
  const std::string long_line = "RETURN " + std::string(500, '1') + " x";
  const std::string formatted = FormatErrorWithCaret(long_line, MustFail(long_line));
  CHECK(formatted.size() < 400);
  CHECK(formatted.find("...") != std::string::npos);
}
