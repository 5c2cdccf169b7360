// Node and relationship patterns, paths, variable length, directions.
#include <catch2/catch.hpp>

#include "parse_helpers.hpp"

using namespace mnemo::lang;           // NOLINT
using namespace mnemo::lang::testing;  // NOLINT

namespace {

PatternPart FirstPart(const std::string& match) {
  Statement st = MustParseOne(match + " RETURN 1");
  auto& m = std::get<MatchClause>(std::get<Query>(st.body).parts[0].clauses[0].body);
  return std::move(m.pattern.parts.at(0));
}

}  // namespace

TEST_CASE("node patterns", "[lang][pattern]") {
  auto part = FirstPart("MATCH (n:Person:Admin {name: 'Ann', age: $age})");
  REQUIRE(part.nodes.size() == 1);
  const NodePattern& n = part.nodes[0];
  CHECK(n.variable == "n");
  CHECK(n.labels == std::vector<std::string>{"Person", "Admin"});
  REQUIRE(n.properties);
  CHECK(n.properties->kind == ExprKind::kMap);
  CHECK(n.line == 1);
  CHECK(n.column == 7);

  CHECK(FirstPart("MATCH ()").nodes[0].variable.empty());
  CHECK(FirstPart("MATCH (:A)").nodes[0].labels.size() == 1);
  CHECK(FirstPart("MATCH (n $props)").nodes[0].properties->kind == ExprKind::kParameter);
  CHECK(FirstPart("MATCH ( n : A : B { } )").nodes[0].labels.size() == 2);
  CHECK(FirstPart("MATCH (`my node`:`My Label`)").nodes[0].labels[0] == "My Label");
  CHECK(FirstPart("MATCH (n:MATCH)").nodes[0].labels[0] == "MATCH");  // keywords are valid labels
}

TEST_CASE("relationship directions", "[lang][pattern]") {
  CHECK(FirstPart("MATCH (a)-->(b)").rels[0].direction == RelDirection::kRight);
  CHECK(FirstPart("MATCH (a)<--(b)").rels[0].direction == RelDirection::kLeft);
  CHECK(FirstPart("MATCH (a)--(b)").rels[0].direction == RelDirection::kNone);
  CHECK(FirstPart("MATCH (a)<-->(b)").rels[0].direction == RelDirection::kBoth);
  CHECK(FirstPart("MATCH (a)-[r]->(b)").rels[0].direction == RelDirection::kRight);
  CHECK(FirstPart("MATCH (a)<-[r]-(b)").rels[0].direction == RelDirection::kLeft);
  CHECK(FirstPart("MATCH (a)-[r]-(b)").rels[0].direction == RelDirection::kNone);
  CHECK(FirstPart("MATCH (a)<-[r]->(b)").rels[0].direction == RelDirection::kBoth);
  CHECK(FirstPart("MATCH (a) - [r] -> (b)").rels[0].direction == RelDirection::kRight);
  CHECK(FirstPart("MATCH (a) < - [r] - (b)").rels[0].direction == RelDirection::kLeft);
}

TEST_CASE("relationship details", "[lang][pattern]") {
  auto part = FirstPart("MATCH (a)-[r:KNOWS|:LIKES|HATES {since: 2020}]->(b)");
  const RelPattern& r = part.rels[0];
  CHECK(r.variable == "r");
  CHECK(r.types == std::vector<std::string>{"KNOWS", "LIKES", "HATES"});
  REQUIRE(r.properties);
  CHECK(r.properties->names == std::vector<std::string>{"since"});
  CHECK_FALSE(r.var_length);
  CHECK(r.line == 1);
  CHECK(r.column == 10);
}

TEST_CASE("variable length relationships", "[lang][pattern]") {
  auto range = [](const std::string& rel) {
    auto part = FirstPart("MATCH (a)-[" + rel + "]->(b)");
    REQUIRE(part.rels[0].var_length);
    return *part.rels[0].var_length;
  };
  auto star = range("*");
  CHECK_FALSE(star.min);
  CHECK_FALSE(star.max);
  auto exact = range("*2");
  CHECK(exact.min == 2);
  CHECK(exact.max == 2);
  auto both = range("r:T*1..3");
  CHECK(both.min == 1);
  CHECK(both.max == 3);
  auto upper = range("*..3");
  CHECK_FALSE(upper.min);
  CHECK(upper.max == 3);
  auto lower = range("*2..");
  CHECK(lower.min == 2);
  CHECK_FALSE(lower.max);
  auto zero = range(":CONTAINS*0..1");
  CHECK(zero.min == 0);
  CHECK(zero.max == 1);
  auto spaced = range("* 1 .. 2 {x: 1}");
  CHECK(spaced.max == 2);
}

TEST_CASE("paths, chains and several parts", "[lang][pattern]") {
  auto part = FirstPart("MATCH p = (a)-[:R]->(b)<-[:S]-(c)--(d)");
  CHECK(part.path_variable == "p");
  CHECK(part.nodes.size() == 4);
  CHECK(part.rels.size() == 3);
  CHECK(part.nodes[3].variable == "d");

  Statement st = MustParseOne("MATCH (a)--(b)--(c)--(d)--(a), (b)--(d) RETURN d");
  const auto& m = std::get<MatchClause>(std::get<Query>(st.body).parts[0].clauses[0].body);
  CHECK(m.pattern.parts.size() == 2);
  CHECK(m.pattern.parts[0].rels.size() == 4);
}

TEST_CASE("'--' after a node is a relationship only before '(' or '>'", "[lang][pattern]") {
  CHECK(FirstPart("MATCH (a) -- (b)").rels.size() == 1);
  CHECK(FirstPart("MATCH (a)--\n(b)").rels.size() == 1);
  // Otherwise it starts a comment.
  Statement st = MustParseOne("MATCH (a) -- the start node\nRETURN a");
  CHECK(std::get<Query>(st.body).parts[0].clauses.size() == 2);
  CHECK(Canon("RETURN 1 -- one\n + 2") == "RETURN (1 + 2)");
}
