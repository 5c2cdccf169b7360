// Expressions: literals, operators and their precedence, calls, CASE,
// comprehensions, pattern predicates, label predicates.
#include <catch2/catch.hpp>

#include <limits>

#include "parse_helpers.hpp"

using namespace mnemo::lang;           // NOLINT
using namespace mnemo::lang::testing;  // NOLINT

namespace {

// The canonical text of `RETURN <expr>` without the RETURN.
std::string E(const std::string& expr) {
  const std::string canon = Canon("RETURN " + expr);
  return canon.substr(7);
}

ExprPtr Returned(const std::string& expr) {
  const Statement st = MustParseOne("RETURN " + expr);
  return Clone(ReturnedExpr(st));
}

}  // namespace

TEST_CASE("literals", "[lang][expr]") {
  CHECK(Returned("42")->int_value == 42);
  CHECK(Returned("0x1F")->int_value == 31);
  CHECK(Returned("0X1f")->int_value == 31);
  CHECK(Returned("0o17")->int_value == 15);
  CHECK(Returned("9223372036854775807")->int_value == std::numeric_limits<int64_t>::max());
  auto min = Returned("-9223372036854775808");
  CHECK(min->kind == ExprKind::kInt);
  CHECK(min->int_value == std::numeric_limits<int64_t>::min());
  CHECK(min->column == 8);
  CHECK(Returned("1.5")->double_value == 1.5);
  CHECK(Returned("-1.5e3")->kind == ExprKind::kUnary);
  CHECK(Returned("-1.5e3")->children[0]->double_value == 1500.0);
  CHECK(Returned(".5")->double_value == 0.5);
  CHECK(Returned("2E-2")->double_value == 0.02);
  CHECK(Returned("true")->bool_value);
  CHECK(Returned("FALSE")->kind == ExprKind::kBool);
  CHECK(Returned("null")->kind == ExprKind::kNull);
  CHECK(Returned("$name")->text == "name");
  CHECK(Returned("$0")->text == "0");
  CHECK(Returned("$`odd name`")->text == "odd name");
}

TEST_CASE("string escapes", "[lang][expr]") {
  CHECK(Returned(R"('it\'s')")->text == "it's");
  CHECK(Returned(R"("say \"hi\"")")->text == "say \"hi\"");
  CHECK(Returned(R"('a\\b\nc\td\re\bf\fg')")->text == "a\\b\nc\td\re\bf\fg");
  CHECK(Returned(R"('\u00e9')")->text == "\xc3\xa9");
  CHECK(Returned(R"('\u20AC')")->text == "\xe2\x82\xac");
  CHECK(Returned(R"('\uD83D\uDE00')")->text == "\xf0\x9f\x98\x80");  // surrogate pair
  CHECK(Returned(R"('\U0001F600')")->text == "\xf0\x9f\x98\x80");
  CHECK(Returned("'caf\xc3\xa9'")->text == "caf\xc3\xa9");  // raw UTF-8 kept
  CHECK(Returned("'two\nlines'")->text == "two\nlines");
  CHECK(Returned("''")->text.empty());
}

TEST_CASE("operator precedence follows openCypher", "[lang][expr]") {
  CHECK(E("1 + 2 * 3") == "(1 + (2 * 3))");
  CHECK(E("(1 + 2) * 3") == "((1 + 2) * 3)");
  CHECK(E("1 - 2 - 3") == "((1 - 2) - 3)");
  CHECK(E("2 ^ 3 ^ 2") == "((2 ^ 3) ^ 2)");
  CHECK(E("-2 ^ 2") == "((-2) ^ 2)");
  CHECK(E("a OR b AND c") == "(a OR (b AND c))");
  CHECK(E("a OR b XOR c") == "(a OR (b XOR c))");
  CHECK(E("NOT a = b") == "(NOT (a = b))");
  CHECK(E("NOT NOT a") == "(NOT (NOT a))");
  CHECK(E("a = b AND c <> d") == "((a = b) AND (c <> d))");
  CHECK(E("a + 1 IN [1, 2]") == "((a + 1) IN [1, 2])");
  CHECK(E("a STARTS WITH 'x' AND b ENDS WITH 'y' OR c CONTAINS 'z'") ==
        "(((a STARTS WITH 'x') AND (b ENDS WITH 'y')) OR (c CONTAINS 'z'))");
  CHECK(E("a =~ 'x.*'") == "(a =~ 'x.*')");
  CHECK(E("a IS NULL") == "(a IS NULL)");
  CHECK(E("a.b IS NOT NULL AND c") == "((a.b IS NOT NULL) AND c)");
  CHECK(E("x % 2 = 0") == "((x % 2) = 0)");
  CHECK(E("1 <= 2 >= 1 < 3 > 0") == "((((1 <= 2) AND (2 >= 1)) AND (1 < 3)) AND (3 > 0))");
  CHECK(E("- - 1") == "(-(-1))");
  CHECK(E("+1") == "(+1)");
}

TEST_CASE("minimal printing keeps only the needed parentheses", "[lang][expr]") {
  auto M = [](const std::string& expr) { return Minimal("RETURN " + expr).substr(7); };
  CHECK(M("1 + 2 * 3") == "1 + 2 * 3");
  CHECK(M("(1 + 2) * 3") == "(1 + 2) * 3");
  CHECK(M("1 - (2 - 3)") == "1 - (2 - 3)");
  CHECK(M("((1 - 2) - 3)") == "1 - 2 - 3");
  CHECK(M("NOT (a AND b)") == "NOT (a AND b)");
  CHECK(M("(NOT a) = b") == "(NOT a) = b");
  CHECK(M("(a < b) < c") == "(a < b) < c");
  CHECK(M("a < b < c") == "a < b AND b < c");
  CHECK(M("-(2 ^ 2)") == "-(2 ^ 2)");
  CHECK(M("- -1") == "- -1");
  CHECK(M("1 - -1") == "1 - -1");
  CHECK(M("(a + b).x") == "(a + b).x");
  CHECK(M("(1).x") == "(1).x");
  CHECK(M("(n:A).x") == "(n:A).x");
  CHECK(M("(a IS NULL) = true") == "a IS NULL = true");
  CHECK(M("x IN (a OR b)") == "x IN (a OR b)");
  CHECK(M("[x IN (a = b) | x]") == "[x IN (a = b) | x]");
  CHECK(M("[(x IN l)]") == "[(x IN l)]");
  CHECK(M("x AND (a)-->(b)") == "x AND ((a)-[]->(b))");
  CHECK(M("exists((a)-->(b))") == "exists((a)-[]->(b))");
  // Long chains print flat, so printing never nests deeper than the input.
  std::string chain = "1";
  for (int i = 0; i < 500; ++i) chain += " + 1";
  CHECK(M(chain) == chain);
  std::string prefix = std::string(400, '+') + "k";
  CHECK(Parse("RETURN " + M(prefix)).ok());
}

TEST_CASE("chained comparison expands with a cloned middle operand", "[lang][expr]") {
  auto e = Returned("1 < x.y < 3");
  REQUIRE(e->kind == ExprKind::kBinary);
  CHECK(e->binary_op == BinaryOp::kAnd);
  CHECK(e->children[0]->children[1]->kind == ExprKind::kProperty);
  CHECK(e->children[1]->children[0]->kind == ExprKind::kProperty);
  CHECK(e->children[0]->children[1].get() != e->children[1]->children[0].get());
}

TEST_CASE("postfix: properties, indexes, slices, labels", "[lang][expr]") {
  CHECK(E("n.name") == "n.name");
  CHECK(E("n.`first name`") == "n.`first name`");
  CHECK(E("n.count") == "n.count");  // keywords are fine as keys
  CHECK(E("a[0]") == "a[0]");
  CHECK(E("a[1..3]") == "a[1..3]");
  CHECK(E("a[..3]") == "a[..3]");
  CHECK(E("a[1..]") == "a[1..]");
  CHECK(E("a[i+1].x[0]") == "a[(i + 1)].x[0]");
  CHECK(E("(n).name") == "n.name");
  CHECK(E("n:Person") == "(n:Person)");
  CHECK(E("n:A:B") == "(n:A:B)");
  CHECK(E("{a: 1}.a") == "{a: 1}.a");
  auto slice = Returned("a[..3]");
  REQUIRE(slice->kind == ExprKind::kSlice);
  CHECK(slice->children[1] == nullptr);
  CHECK(slice->children[2]->int_value == 3);
  auto labels = Returned("n:A:B");
  REQUIRE(labels->kind == ExprKind::kLabelPredicate);
  CHECK(labels->names == std::vector<std::string>{"A", "B"});
}

TEST_CASE("lists and maps", "[lang][expr]") {
  CHECK(E("[]") == "[]");
  CHECK(E("[1, 'a', [2]]") == "[1, 'a', [2]]");
  CHECK(E("{}") == "{}");
  CHECK(E("{name: 'Ann', age: 3}") == "{name: 'Ann', age: 3}");
  CHECK(E("{`a b`: 1, end: 2}") == "{`a b`: 1, `end`: 2}");
  auto map = Returned("{name: 'Ann', age: 3}");
  CHECK(map->names == std::vector<std::string>{"name", "age"});
  CHECK(map->children[1]->int_value == 3);
}

TEST_CASE("function calls", "[lang][expr]") {
  CHECK(E("count(*)") == "count(*)");
  CHECK(E("COUNT ( * )") == "count(*)");
  CHECK(E("count(DISTINCT n.x)") == "count(DISTINCT n.x)");
  CHECK(E("toInteger(rand() * 9)") == "toInteger((rand() * 9))");
  CHECK(E("apoc.text.join(a, ',')") == "apoc.text.join(a, ',')");
  CHECK(E("exists(n.name)") == "exists(n.name)");
  auto call = Returned("coalesce(a, b, 1)");
  REQUIRE(call->kind == ExprKind::kFunctionCall);
  CHECK(call->text == "coalesce");
  CHECK(call->children.size() == 3);
  CHECK(Returned("count(*)")->kind == ExprKind::kCountStar);
  CHECK(Returned("sum(DISTINCT x)")->distinct);
}

TEST_CASE("CASE expressions", "[lang][expr]") {
  CHECK(E("CASE WHEN a THEN 1 ELSE 2 END") == "CASE WHEN a THEN 1 ELSE 2 END");
  CHECK(E("case x when 1 then 'one' when 2 then 'two' end") == "CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' END");
  auto c = Returned("CASE n.x WHEN 1 THEN true END");
  REQUIRE(c->kind == ExprKind::kCase);
  CHECK(c->case_expr->subject->kind == ExprKind::kProperty);
  CHECK(c->case_expr->alternatives.size() == 1);
  CHECK(c->case_expr->otherwise == nullptr);
}

TEST_CASE("list comprehensions and quantifiers", "[lang][expr]") {
  CHECK(E("[x IN range(1, 10) WHERE x % 2 = 0 | x * x]") == "[x IN range(1, 10) WHERE ((x % 2) = 0) | (x * x)]");
  CHECK(E("[i IN n.numbers | i / 2.0]") == "[i IN n.numbers | (i / 2.0)]");
  CHECK(E("[x IN list WHERE x > 1]") == "[x IN list WHERE (x > 1)]");
  CHECK(E("[x IN list]") == "[x IN list]");
  CHECK(E("[x IN list, 2]") == "[(x IN list), 2]");  // two elements: a list literal
  CHECK(E("[(x IN list)]") == "[(x IN list)]");      // parenthesized: a list of one boolean
  CHECK(Returned("[(x IN list)]")->kind == ExprKind::kList);
  CHECK(Returned("all((x IN list))")->kind == ExprKind::kFunctionCall);
  auto c = Returned("[x IN [1,2] WHERE x > 1 | x + 1]");
  REQUIRE(c->kind == ExprKind::kListComprehension);
  CHECK(c->comprehension->variable == "x");
  CHECK(c->comprehension->list->kind == ExprKind::kList);
  CHECK(c->comprehension->where != nullptr);
  CHECK(c->comprehension->projection != nullptr);
  CHECK(E("all(x IN list WHERE x > 0)") == "all(x IN list WHERE (x > 0))");
  CHECK(E("ANY(x IN list WHERE x > 0)") == "any(x IN list WHERE (x > 0))");
  CHECK(Returned("none(x IN l WHERE x)")->kind == ExprKind::kQuantifier);
  CHECK(Returned("single(x IN l WHERE x)")->text == "single");
}

TEST_CASE("pattern predicates and pattern comprehensions", "[lang][expr]") {
  auto st = MustParseOne("MATCH (a), (b) WHERE a.id = 0 AND (a)-[:T]->(b:TheLabel) OR (a)-[:T*]->(b) RETURN b");
  const auto& match = std::get<MatchClause>(std::get<Query>(st.body).parts[0].clauses[0].body);
  const Expr& where = *match.where;
  REQUIRE(where.binary_op == BinaryOp::kOr);
  const Expr& pred = *where.children[0]->children[1];
  REQUIRE(pred.kind == ExprKind::kPatternPredicate);
  CHECK(pred.pattern->nodes.size() == 2);
  CHECK(pred.pattern->rels[0].types == std::vector<std::string>{"T"});
  CHECK(pred.pattern->nodes[1].labels == std::vector<std::string>{"TheLabel"});
  CHECK(E("exists((n)-->())") == "exists((n)-[]->())");
  CHECK(E("(a)<--({x: 1})") == "(a)<-[]-({x: 1})");
  CHECK(E("(n {name: 'x'})--()") == "(n {name: 'x'})-[]-()");
  CHECK(E("[(a)-->(b) WHERE b.x > 1 | b.name]") == "[(a)-[]->(b) WHERE (b.x > 1) | b.name]");
  // A parenthesized expression that is not node-shaped stays an expression.
  CHECK(E("(a.x) - 1") == "(a.x - 1)");
  CHECK(E("(1) - (2)") == "(1 - 2)");
  CHECK(E("(a) - 1") == "(a - 1)");
  CHECK(E("($p) + 1") == "($p + 1)");
}

TEST_CASE("keywords are case-insensitive, identifiers are not", "[lang][expr]") {
  CHECK(E("a and B or not c") == "((a AND B) OR (NOT c))");
  CHECK(Returned("Abc")->text == "Abc");
  CHECK(Returned("`weird name`")->text == "weird name");
  CHECK(Returned("`a``b`")->text == "a`b");
  CHECK(Returned("caf\xc3\xa9")->text == "caf\xc3\xa9");  // non-ASCII identifiers
}

TEST_CASE("expressions carry their start position", "[lang][expr]") {
  auto st = MustParseOne("RETURN 1,\n  a.b + f(x)");
  const auto& ret = std::get<ReturnClause>(std::get<Query>(st.body).parts[0].clauses[0].body);
  const Expr& sum = *ret.projection.items[1].expr;
  CHECK(sum.line == 2);
  CHECK(sum.column == 3);
  CHECK(sum.children[1]->line == 2);
  CHECK(sum.children[1]->column == 9);
  CHECK(ret.projection.items[1].text == "a.b + f(x)");
}

TEST_CASE("expression height is recorded and bounded", "[lang][expr]") {
  CHECK(Returned("1")->height == 1);
  CHECK(Returned("1 + 2 * 3")->height == 3);
  std::string chain = "RETURN 1";
  for (int i = 0; i < 900; ++i) chain += " + 1";
  CHECK(Parse(chain).ok());
  for (int i = 0; i < 200; ++i) chain += " + 1";
  auto st = MustFail(chain);
  CHECK(st.code() == mnemo::StatusCode::kResourceLimit);
  CHECK(st.line() == 1);
  CHECK(st.column() > 1);
}
