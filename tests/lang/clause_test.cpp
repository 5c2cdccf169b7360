// Cypher clauses and queries: MATCH, WITH, RETURN, UNWIND, CREATE, MERGE,
// SET, REMOVE, DELETE, UNION, AS OF / KNOWN AT, EXPLAIN.
#include <catch2/catch.hpp>

#include "parse_helpers.hpp"

using namespace mnemo::lang;           // NOLINT
using namespace mnemo::lang::testing;  // NOLINT

namespace {

const std::vector<Clause>& Clauses(const Statement& st) { return std::get<Query>(st.body).parts.at(0).clauses; }

}  // namespace

TEST_CASE("MATCH and OPTIONAL MATCH with WHERE", "[lang][clause]") {
  Statement st =
      MustParseOne("MATCH (n:Person)\nWHERE n.age > 30\nOPTIONAL MATCH (n)-[:KNOWS]->(m) WHERE m.x = 1\nRETURN n");
  const auto& clauses = Clauses(st);
  REQUIRE(clauses.size() == 3);
  CHECK(clauses[0].kind() == ClauseKind::kMatch);
  const auto& m0 = std::get<MatchClause>(clauses[0].body);
  CHECK_FALSE(m0.optional);
  REQUIRE(m0.where);
  CHECK(m0.where->line == 2);
  CHECK(m0.where->column == 7);
  const auto& m1 = std::get<MatchClause>(clauses[1].body);
  CHECK(m1.optional);
  CHECK(clauses[1].line == 3);
  CHECK(clauses[1].column == 1);
  CHECK(clauses[2].kind() == ClauseKind::kReturn);
}

TEST_CASE("RETURN and WITH projections", "[lang][clause]") {
  Statement st = MustParseOne(
      "MATCH (n) WITH DISTINCT n, n.age AS age ORDER BY age DESC, n.name SKIP 1 LIMIT 10 WHERE age > 1 "
      "RETURN *, age + 1 AS next ORDER BY next ASCENDING LIMIT $lim");
  const auto& with = std::get<WithClause>(Clauses(st)[1].body);
  CHECK(with.projection.distinct);
  CHECK_FALSE(with.projection.star);
  REQUIRE(with.projection.items.size() == 2);
  CHECK(with.projection.items[0].alias.empty());
  CHECK(with.projection.items[0].text == "n");
  CHECK(with.projection.items[1].alias == "age");
  CHECK(with.projection.items[1].text == "n.age");
  REQUIRE(with.projection.order_by.size() == 2);
  CHECK(with.projection.order_by[0].descending);
  CHECK_FALSE(with.projection.order_by[1].descending);
  CHECK(with.projection.skip->int_value == 1);
  CHECK(with.projection.limit->int_value == 10);
  CHECK(with.where);
  const auto& ret = std::get<ReturnClause>(Clauses(st)[2].body);
  CHECK(ret.projection.star);
  CHECK(ret.projection.items.size() == 1);
  CHECK(ret.projection.limit->kind == ExprKind::kParameter);

  CHECK(Canon("RETURN count(*) AS count") == "RETURN count(*) AS count");
  CHECK(Canon("RETURN 1 AS `end`") == "RETURN 1 AS `end`");
  CHECK(Canon("MATCH (n) RETURN n SKIP 0") == "MATCH (n) RETURN n SKIP 0");
}

TEST_CASE("UNWIND, CREATE, DELETE", "[lang][clause]") {
  Statement st = MustParseOne("UNWIND range(1, 3) AS i CREATE (:N {i: i})-[:R]->(m) DETACH DELETE m, i");
  const auto& clauses = Clauses(st);
  CHECK(std::get<UnwindClause>(clauses[0].body).variable == "i");
  CHECK(std::get<CreateClause>(clauses[1].body).pattern.parts[0].rels.size() == 1);
  const auto& del = std::get<DeleteClause>(clauses[2].body);
  CHECK(del.detach);
  CHECK(del.targets.size() == 2);
  CHECK_FALSE(std::get<DeleteClause>(Clauses(MustParseOne("MATCH (n) DELETE n"))[1].body).detach);
}

TEST_CASE("SET and REMOVE items", "[lang][clause]") {
  Statement st = MustParseOne("MATCH (n) SET n.name = 'x', n = {a: 1}, n += $props, n:A:B, (n).age = 3 RETURN n");
  const auto& set = std::get<SetClause>(Clauses(st)[1].body);
  REQUIRE(set.items.size() == 5);
  CHECK(set.items[0].kind == SetItemKind::kProperty);
  CHECK(set.items[0].property->text == "name");
  CHECK(set.items[1].kind == SetItemKind::kReplace);
  CHECK(set.items[1].variable == "n");
  CHECK(set.items[2].kind == SetItemKind::kMerge);
  CHECK(set.items[3].kind == SetItemKind::kLabels);
  CHECK(set.items[3].labels == std::vector<std::string>{"A", "B"});
  CHECK(set.items[4].kind == SetItemKind::kProperty);
  CHECK(set.items[4].property->children[0]->text == "n");

  Statement rm = MustParseOne("MATCH (n) REMOVE n.num, n:Old RETURN n");
  const auto& remove = std::get<RemoveClause>(Clauses(rm)[1].body);
  REQUIRE(remove.items.size() == 2);
  CHECK(remove.items[0].kind == RemoveItemKind::kProperty);
  CHECK(remove.items[1].kind == RemoveItemKind::kLabels);
  CHECK(remove.items[1].variable == "n");
}

TEST_CASE("MERGE with ON CREATE / ON MATCH", "[lang][clause]") {
  Statement st = MustParseOne(
      "MERGE (p:Person {name: $name}) ON CREATE SET p.created = timestamp() ON MATCH SET p.seen = 1, p.n = 2 "
      "ON CREATE SET p:New RETURN p");
  const auto& merge = std::get<MergeClause>(Clauses(st)[0].body);
  CHECK(merge.pattern.nodes[0].labels[0] == "Person");
  CHECK(merge.on_create.size() == 2);
  CHECK(merge.on_match.size() == 2);
  CHECK(Canon("MERGE (a)-[:R]->(b)") == "MERGE (a)-[:R]->(b)");
}

TEST_CASE("UNION and UNION ALL", "[lang][clause]") {
  Statement st = MustParseOne("RETURN 1 AS x UNION RETURN 2 AS x UNION ALL MATCH (n) RETURN n.x AS x");
  const auto& q = std::get<Query>(st.body);
  REQUIRE(q.parts.size() == 3);
  CHECK(q.union_all == std::vector<bool>{false, true});
}

TEST_CASE("RETURN ends a single query", "[lang][clause]") {
  auto st = MustFail("MATCH (n) RETURN n MATCH (m) RETURN m");
  CHECK(st.column() == 20);
}

TEST_CASE("AS OF and KNOWN AT on reading statements", "[lang][clause][time]") {
  Statement st = MustParseOne("MATCH (p:Person)-[:lives_in]->(c:City) RETURN p.name, c.name AS OF 2023-06-01");
  REQUIRE(st.as_of);
  CHECK(st.as_of->kind == ExprKind::kTime);
  CHECK(st.as_of->int_value == 1685577600LL * 1000000);
  CHECK_FALSE(st.known_at);
  const auto& ret = std::get<ReturnClause>(Clauses(st)[1].body);
  CHECK(ret.projection.items[1].alias.empty());

  Statement both = MustParseOne("MATCH (n) RETURN n KNOWN AT $t AS OF datetime('2023-01-01T00:00:00Z')");
  CHECK(both.known_at->kind == ExprKind::kParameter);
  CHECK(both.as_of->kind == ExprKind::kFunctionCall);
  CHECK(MustParseOne("MATCH (n) RETURN n AS OF now()").as_of->text == "now");
  CHECK(MustParseOne("MATCH (n) RETURN n AS `OF`").as_of == nullptr);  // a quoted alias

  auto dup = MustFail("MATCH (n) RETURN n AS OF 2023-01-01 AS OF 2024-01-01");
  CHECK(dup.line() == 1);
  CHECK(dup.column() == 37);
  CHECK(dup.message().find("duplicate AS OF") != std::string::npos);
}

TEST_CASE("EXPLAIN wraps a statement", "[lang][clause]") {
  Statement st = MustParseOne("EXPLAIN MATCH (n) RETURN n");
  CHECK(st.explain);
  CHECK(st.kind() == StatementKind::kQuery);
  CHECK(st.column == 1);
  CHECK_FALSE(MustParseOne("MATCH (n) RETURN n").explain);
}

TEST_CASE("scripts: separators, comments, spans", "[lang][clause]") {
  const std::string text =
      "-- a comment\nMATCH (n) RETURN n;  // trailing\n\n/* block\ncomment */ CREATE (:A) ;;\nRETURN 1";
  Script script = MustParse(text);
  REQUIRE(script.statements.size() == 3);
  const Statement& a = script.statements[0];
  CHECK(a.line == 2);
  CHECK(a.column == 1);
  CHECK(text.substr(a.offset, a.length) == "MATCH (n) RETURN n");
  const Statement& b = script.statements[1];
  CHECK(b.line == 5);
  CHECK(b.column == 12);
  CHECK(text.substr(b.offset, b.length) == "CREATE (:A)");
  CHECK(text.substr(script.statements[2].offset, script.statements[2].length) == "RETURN 1");

  CHECK(MustParse("").statements.empty());
  CHECK(MustParse("  -- nothing\n ; ;").statements.empty());
  CHECK_FALSE(ParseStatement("").ok());
  CHECK_FALSE(ParseStatement("RETURN 1; RETURN 2").ok());
  CHECK(ParseStatement("RETURN 1;").ok());
  CHECK(MustParse("RETURN 1\r\n;\r\nRETURN 2").statements[1].line == 3);
}
