#include <catch2/catch.hpp>

#include "tests/tck/tck_compare.hpp"

using mnemo::QueryResult;
using mnemo::QueryStats;
using mnemo::StatusCode;
using mnemo::tck::CompareSideEffects;
using mnemo::tck::CompareTable;
using mnemo::tck::Diff;
using mnemo::tck::ErrorMatches;
using mnemo::tck::ExpectedTable;
using mnemo::tck::ParseExpectedTable;
using mnemo::tck::ParseSideEffects;
using mnemo::tck::SideEffectMode;
using mnemo::tck::SideEffects;
using mnemo::tck::SplitTableRow;
using mnemo::tck::Table;
using mnemo::tck::TableOptions;
using mnemo::tck::TakeSnapshot;
namespace graph = mnemo::graph;

namespace {

Table MakeTable(std::initializer_list<const char*> lines) {
  Table t;
  int n = 1;
  for (const char* l : lines) {
    t.rows.push_back(SplitTableRow(l));
    t.lines.push_back(n++);
  }
  return t;
}

ExpectedTable Expect(std::initializer_list<const char*> lines) {
  auto e = ParseExpectedTable(MakeTable(lines));
  INFO(e.status().ToString());
  REQUIRE(e.ok());
  return std::move(e).value();
}

// A result with columns (n, x): node 1 (:A {name: 'a'}), node 2 (:B), and
// rows given as (node id, int).
QueryResult Result(std::vector<std::pair<graph::Id, int64_t>> rows) {
  QueryResult r;
  r.columns = {"n", "x"};
  r.nodes[1] = mnemo::NodeView{{"A"}, graph::Map{{"name", graph::Value("a")}}};
  r.nodes[2] = mnemo::NodeView{{"B"}, {}};
  for (auto [id, x] : rows) r.rows.push_back({graph::Value(graph::NodeRef{id}), graph::Value(x)});
  return r;
}

}  // namespace

TEST_CASE("expected tables parse header and TCK values", "[tck]") {
  const ExpectedTable e = Expect({"| n | count(*) |", "| (:A) | 1 |", "| null | 'x' |"});
  CHECK(e.columns == std::vector<std::string>{"n", "count(*)"});
  REQUIRE(e.rows.size() == 2);
  CHECK(e.lines[1] == 3);
  auto bad = ParseExpectedTable(MakeTable({"| n |", "| (:A |"}));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("line 2") != std::string::npos);
}

TEST_CASE("result tables compare as multisets or sequences", "[tck]") {
  const ExpectedTable e = Expect({"| n | x |", "| (:A {name: 'a'}) | 1 |", "| (:B) | 2 |", "| (:B) | 2 |"});
  TableOptions any, ordered;
  ordered.ordered = true;

  CHECK_FALSE(CompareTable(e, Result({{2, 2}, {1, 1}, {2, 2}}), any));
  CHECK_FALSE(CompareTable(e, Result({{1, 1}, {2, 2}, {2, 2}}), ordered));

  auto wrong_order = CompareTable(e, Result({{2, 2}, {1, 1}, {2, 2}}), ordered);
  REQUIRE(wrong_order);
  CHECK(wrong_order->find("row 1 differs") == 0);

  // Multiplicity counts.
  auto dup = CompareTable(e, Result({{1, 1}, {2, 2}, {1, 1}}), any);
  REQUIRE(dup);
  CHECK(dup->find("missing | (:B) | 2 |") != std::string::npos);
  CHECK(dup->find("unexpected | (:A {name: 'a'}) | 1 |") != std::string::npos);

  auto fewer = CompareTable(e, Result({{1, 1}}), any);
  REQUIRE(fewer);
  CHECK(fewer->find("expected 3 rows, got 1") == 0);
  auto fewer_ordered = CompareTable(e, Result({{1, 1}}), ordered);
  REQUIRE(fewer_ordered);
  CHECK(fewer_ordered->find("first missing") != std::string::npos);

  QueryResult renamed = Result({{1, 1}, {2, 2}, {2, 2}});
  renamed.columns = {"n", "y"};
  auto cols = CompareTable(e, renamed, any);
  REQUIRE(cols);
  CHECK(*cols == "columns differ: expected [n, x], got [n, y]");

  // An empty expected table matches an empty result with the same columns.
  CHECK_FALSE(CompareTable(Expect({"| n | x |"}), Result({}), any));
}

TEST_CASE("list order can be ignored in result cells", "[tck]") {
  const ExpectedTable e = Expect({"| l |", "| [1, 2, 3] |"});
  QueryResult r;
  r.columns = {"l"};
  r.rows.push_back({graph::Value(graph::List{3, 1, 2})});
  TableOptions o;
  CHECK(CompareTable(e, r, o));
  o.values.ignore_list_order = true;
  CHECK_FALSE(CompareTable(e, r, o));
}

TEST_CASE("TCK error types map onto status codes", "[tck]") {
  CHECK(ErrorMatches("SyntaxError", "compile time", StatusCode::kSyntaxError));
  CHECK(ErrorMatches("SyntaxError", "compile time", StatusCode::kBindError));
  CHECK_FALSE(ErrorMatches("SyntaxError", "compile time", StatusCode::kTypeError));
  CHECK(ErrorMatches("SyntaxError", "runtime", StatusCode::kInvalidArgument));
  CHECK(ErrorMatches("TypeError", "runtime", StatusCode::kTypeError));
  CHECK_FALSE(ErrorMatches("TypeError", "runtime", StatusCode::kSyntaxError));
  CHECK(ErrorMatches("ArgumentError", "runtime", StatusCode::kInvalidArgument));
  CHECK(ErrorMatches("ArgumentError", "runtime", StatusCode::kTypeError));
  CHECK(ErrorMatches("EntityNotFound", "runtime", StatusCode::kNotFound));
  CHECK(ErrorMatches("EntityNotFound", "runtime", StatusCode::kConstraint));
  CHECK(ErrorMatches("ConstraintVerificationFailed", "runtime", StatusCode::kConstraint));
  CHECK_FALSE(ErrorMatches("ConstraintVerificationFailed", "runtime", StatusCode::kInternal));
  CHECK_FALSE(ErrorMatches("NoSuchError", "runtime", StatusCode::kSyntaxError));
  CHECK(mnemo::tck::AcceptedCodes("SyntaxError", "compile time") == "SyntaxError or BindError");
}

TEST_CASE("side effect tables parse; missing rows are zero", "[tck]") {
  auto e = ParseSideEffects(MakeTable({"| +nodes | 2 |", "| -properties | 1 |", "| +labels | 3 |"}));
  REQUIRE(e.ok());
  CHECK(e->nodes_added == 2);
  CHECK(e->properties_deleted == 1);
  CHECK(e->labels_added == 3);
  CHECK(e->relationships_added == 0);
  CHECK(e->ToString() == "+nodes 2, -properties 1, +labels 3");
  CHECK(SideEffects{}.ToString() == "none");
  CHECK_FALSE(ParseSideEffects(MakeTable({"| +widgets | 1 |"})).ok());
  CHECK_FALSE(ParseSideEffects(MakeTable({"| +nodes | x |"})).ok());
}

TEST_CASE("side effects are observed as the TCK defines them", "[tck]") {
  graph::Hypergraph g;
  const auto before_all = TakeSnapshot(g);
  auto a = g.AddEntity({{"Label"}, {{"name", graph::Value("a")}}, {}, {}, {}});
  auto b = g.AddEntity({{"Label"}, {}, {}, {}, {}});
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  graph::HyperedgeSpec rel;
  rel.type = "T";
  rel.roles = {{"from", *a, {}}, {"to", *b, {}}};
  rel.properties = {{"k", graph::Value(int64_t{1})}};
  REQUIRE(g.AddHyperedge(rel).ok());
  const auto created = TakeSnapshot(g);
  SideEffects e = Diff(before_all, created);
  CHECK(e.nodes_added == 2);
  CHECK(e.relationships_added == 1);
  CHECK(e.properties_added == 2);
  CHECK(e.labels_added == 1);  // distinct labels, not label assignments
  CHECK(Diff(created, TakeSnapshot(g)) == SideEffects{});

  // Changing a value is one removal and one addition.
  REQUIRE(g.SetEntityProperty(*a, "name", graph::Value("b")).ok());
  const auto changed = TakeSnapshot(g);
  e = Diff(created, changed);
  CHECK(e.properties_added == 1);
  CHECK(e.properties_deleted == 1);
  CHECK(e.ToString() == "+properties 1, -properties 1");

  // Detach-deleting a node takes its relationships and their properties.
  REQUIRE(g.RemoveEntity(*b, true).ok());
  e = Diff(changed, TakeSnapshot(g));
  CHECK(e.nodes_deleted == 1);
  CHECK(e.relationships_deleted == 1);
  CHECK(e.properties_deleted == 1);
  CHECK(e.labels_deleted == 0);  // :Label is still on a
}

TEST_CASE("side effects compare with the graph or with QueryStats", "[tck]") {
  SideEffects expected;
  expected.nodes_added = 2;
  expected.labels_added = 1;
  expected.properties_added = 1;
  expected.properties_deleted = 1;
  QueryStats stats;
  CHECK_FALSE(CompareSideEffects(expected, expected, stats, SideEffectMode::kGraph));
  auto diff = CompareSideEffects(expected, SideEffects{}, stats, SideEffectMode::kGraph);
  REQUIRE(diff);
  CHECK(diff->find("observed none") != std::string::npos);

  stats.nodes_created = 2;
  stats.labels_added = 1;
  stats.properties_set = 1;
  stats.properties_removed = 1;
  CHECK_FALSE(CompareSideEffects(expected, SideEffects{}, stats, SideEffectMode::kStats));
  stats.properties_removed = 0;
  CHECK(CompareSideEffects(expected, SideEffects{}, stats, SideEffectMode::kStats));
  stats.properties_removed = 1;
  stats.labels_added = 2;  // counted per node: not the TCK's distinct labels
  auto labels = CompareSideEffects(expected, SideEffects{}, stats, SideEffectMode::kStats);
  REQUIRE(labels);
  CHECK(labels->find("labels_added 2") != std::string::npos);
}
