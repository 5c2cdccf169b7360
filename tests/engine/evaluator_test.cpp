// Expression evaluator, scalar functions and aggregates (engine/evaluator.hpp).
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

#include "engine/evaluator.hpp"
#include "engine/functions.hpp"
#include "graph/hypergraph.hpp"
#include "lang/parser.hpp"
#include "temporal/clock.hpp"

using namespace mnemo;
using engine::Evaluator;
using engine::Params;
using engine::Row;
using engine::Scope;
using graph::List;
using graph::Map;
using graph::Value;

namespace {

constexpr temporal::Timestamp kNow = 1'683'554'160'000'000;  // 2023-05-08T13:56:00Z
constexpr temporal::Timestamp kReadTime = 4'000'000'000'000'000;

// A PatternSource that answers every pattern with the rows it was given:
// each new (not yet bound) node variable of the pattern gets, per output row,
// the value from `bindings`.
class FakePatterns : public engine::PatternSource {
 public:
  std::vector<Value> bindings;
  int calls = 0;
  Status MatchPattern(const lang::PatternPart& part, Scope& scope, const Row& row, std::vector<Row>& out) override {
    ++calls;
    std::vector<int> fresh;
    for (const auto& n : part.nodes)
      if (!n.variable.empty() && scope.Find(n.variable) < 0) fresh.push_back(scope.Add(n.variable));
    for (const Value& v : bindings) {
      Row r = row;
      r.resize(scope.size());
      for (int slot : fresh) r[slot] = v;
      out.push_back(std::move(r));
    }
    return Status::OK();
  }
};

struct Fixture {
  temporal::ManualClock clock{1'000'000};
  graph::Hypergraph g{&clock};
  Params params;
  engine::GraphView view{g, kReadTime, kReadTime};
  FakePatterns patterns;
  Evaluator ev{view, params, kNow, &patterns};
  std::vector<std::unique_ptr<lang::Script>> scripts;  // keeps parsed ASTs alive

  // The expression of `RETURN <text>`.
  const lang::Expr& Parse(const std::string& text) {
    auto s = lang::Parse("RETURN " + text);
    if (!s.ok()) FAIL("parse of '" << text << "' failed: " << s.status().ToString());
    scripts.push_back(std::make_unique<lang::Script>(std::move(s).value()));
    auto& q = std::get<lang::Query>(scripts.back()->statements.at(0).body);
    auto& ret = std::get<lang::ReturnClause>(q.parts.at(0).clauses.back().body);
    return *ret.projection.items.at(0).expr;
  }

  Result<Value> Eval(const std::string& text, const Scope& scope = {}, const Row& row = {}) {
    return ev.Eval(Parse(text), scope, row);
  }
  // Evaluates and requires success.
  Value V(const std::string& text, const Scope& scope = {}, const Row& row = {}) {
    auto r = Eval(text, scope, row);
    if (!r.ok()) FAIL("'" << text << "' failed: " << r.status().ToString());
    return std::move(r).value();
  }
  // The status of a failing evaluation.
  Status Err(const std::string& text, const Scope& scope = {}, const Row& row = {}) {
    auto r = Eval(text, scope, row);
    if (r.ok()) FAIL("'" << text << "' should fail but gave " << r->ToString());
    return r.status();
  }
};

// Same value and same kind (1 is not 1.0 here).
bool Same(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  if (a.kind() == Value::Kind::kFloat && std::isnan(a.as_float())) return std::isnan(b.as_float());
  return Value::Equivalent(a, b);
}

#define CHECK_VALUE(actual, expected)                                      \
  do {                                                                     \
    const Value _a = (actual), _e = (expected);                            \
    INFO("got " << _a.ToString() << ", expected " << _e.ToString());       \
    CHECK(Same(_a, _e));                                                   \
  } while (0)

Value L(List l) { return Value(std::move(l)); }
Value M(Map m) { return Value(std::move(m)); }
const Value kNull;

}  // namespace

// ------------------------------------------------------------------ basics

TEST_CASE("evaluator: literals, lists and maps", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("null"), kNull);
  CHECK_VALUE(f.V("true"), Value(true));
  CHECK_VALUE(f.V("42"), Value(42));
  CHECK_VALUE(f.V("-1.5e3"), Value(-1500.0));
  CHECK_VALUE(f.V("'text'"), Value("text"));
  CHECK_VALUE(f.V("[1, 'a', null]"), L({1, "a", kNull}));
  CHECK_VALUE(f.V("{b: 2, a: [1]}"), M({{"a", L({1})}, {"b", 2}}));
  CHECK_VALUE(f.V("-9223372036854775808"), Value(std::numeric_limits<int64_t>::min()));
}

TEST_CASE("evaluator: time and duration literals", "[eval]") {
  Fixture f;
  lang::Expr t(lang::ExprKind::kTime, 1, 1);
  t.int_value = 86'400'000'000;
  auto v = f.ev.Eval(t, {}, {});
  REQUIRE(v.ok());
  CHECK_VALUE(*v, Value(graph::DateTime{86'400'000'000}));
  lang::Expr d(lang::ExprKind::kDuration, 1, 1);
  d.int_value = 3'600'000'000;
  CHECK_VALUE(f.ev.Eval(d, {}, {}).value(), Value(int64_t{3'600'000'000}));
}

TEST_CASE("evaluator: parameters and variables", "[eval]") {
  Fixture f;
  f.params["name"] = Value("Ann");
  f.params["0"] = Value(7);
  CHECK_VALUE(f.V("$name"), Value("Ann"));
  CHECK_VALUE(f.V("$0 + 1"), Value(8));
  Status st = f.Err("1 + $missing");
  CHECK(st.code() == StatusCode::kBindError);
  CHECK(st.message() == "parameter $missing is not given");
  CHECK(st.line() == 1);
  CHECK(st.column() == 12);

  Scope scope;
  scope.Add("x");
  scope.Add("y");
  Row row{Value(1), Value("b")};
  CHECK_VALUE(f.V("x + 1", scope, row), Value(2));
  CHECK_VALUE(f.V("y", scope, row), Value("b"));
  st = f.Err("x + z", scope, row);
  CHECK(st.code() == StatusCode::kBindError);
  CHECK(st.message() == "variable `z` is not defined");
  CHECK(st.column() == 12);
}

TEST_CASE("evaluator: property access on maps, null and wrong types", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("{a: 1}.a"), Value(1));
  CHECK_VALUE(f.V("{a: 1}.b"), kNull);
  CHECK_VALUE(f.V("{a: {b: 'x'}}.a.b"), Value("x"));
  CHECK_VALUE(f.V("null.a"), kNull);
  Status st = f.Err("(1).a");
  CHECK(st.code() == StatusCode::kTypeError);
  CHECK(st.line() == 1);
  CHECK_VALUE(f.V("date('2023-05-08').year"), Value(2023));
  CHECK_VALUE(f.V("date('2023-05-08').month"), Value(5));
  CHECK_VALUE(f.V("date('2023-05-08').day"), Value(8));
  CHECK_VALUE(f.V("date('2023-05-08').dayOfWeek"), Value(1));  // a Monday
  CHECK_VALUE(f.V("datetime('2023-05-08T13:56:07.5Z').hour"), Value(13));
  CHECK_VALUE(f.V("datetime('2023-05-08T13:56:07.5Z').minute"), Value(56));
  CHECK_VALUE(f.V("datetime('2023-05-08T13:56:07.5Z').second"), Value(7));
  CHECK_VALUE(f.V("datetime('2023-05-08T13:56:07.5Z').millisecond"), Value(500));
  CHECK(f.Err("date('2023-05-08').hour").code() == StatusCode::kTypeError);
}

// --------------------------------------------------------- the graph

TEST_CASE("evaluator: nodes and relationships: properties, labels, functions", "[eval]") {
  Fixture f;
  auto ann = f.g.AddEntity({{"Person", "Agent"}, {{"name", Value("Ann")}, {"age", Value(31)}}, {}, {}, {}});
  auto berlin = f.g.AddEntity({{"City"}, {{"name", Value("Berlin")}}, {}, {}, {}});
  REQUIRE(ann.ok());
  REQUIRE(berlin.ok());
  graph::HyperedgeSpec lives;
  lives.type = "lives_in";
  lives.roles = {{"resident", *ann, {}}, {"city", *berlin, {}}};
  lives.properties = {{"since", Value(2020)}};
  auto rel = f.g.AddHyperedge(lives);
  REQUIRE(rel.ok());
  graph::HyperedgeSpec trip;
  trip.type = "Trip";
  trip.is_event = true;
  trip.roles = {{"traveler", *ann, {}}, {"destination", *berlin, {}}, {"purpose", graph::kNoId, Value("work")}};
  // A trip with only one entity role is a node of its own.
  trip.roles = {{"traveler", *ann, {}}, {"purpose", graph::kNoId, Value("work")}};
  auto t = f.g.AddHyperedge(trip);
  REQUIRE(t.ok());

  Scope scope;
  scope.Add("n");
  scope.Add("c");
  scope.Add("r");
  scope.Add("t");
  scope.Add("link");
  scope.Add("p");
  scope.Add("nothing");
  graph::PathValue path{{graph::NodeRef{*ann}, graph::NodeRef{*berlin}}, {graph::RelRef{*rel, -1}}};
  Row row{Value(graph::NodeRef{*ann}),    Value(graph::NodeRef{*berlin}), Value(graph::RelRef{*rel, -1}),
          Value(graph::NodeRef{*t}),      Value(graph::RelRef{*t, 0}),    Value(path),
          kNull};

  CHECK_VALUE(f.V("n.name", scope, row), Value("Ann"));
  CHECK_VALUE(f.V("n['age'] + 1", scope, row), Value(32));
  CHECK_VALUE(f.V("n.missing", scope, row), kNull);
  CHECK_VALUE(f.V("r.since", scope, row), Value(2020));
  CHECK_VALUE(f.V("t.purpose", scope, row), Value("work"));
  CHECK_VALUE(f.V("nothing.name", scope, row), kNull);

  CHECK_VALUE(f.V("n:Person", scope, row), Value(true));
  CHECK_VALUE(f.V("n:Person:Agent", scope, row), Value(true));
  CHECK_VALUE(f.V("n:Person:City", scope, row), Value(false));
  CHECK_VALUE(f.V("c:Ghost", scope, row), Value(false));
  CHECK_VALUE(f.V("t:Trip", scope, row), Value(true));
  CHECK_VALUE(f.V("nothing:Person", scope, row), kNull);

  CHECK_VALUE(f.V("id(n)", scope, row), Value(static_cast<int64_t>(*ann)));
  CHECK_VALUE(f.V("id(r)", scope, row), Value(static_cast<int64_t>(*rel)));
  CHECK_VALUE(f.V("id(link)", scope, row),
              Value(static_cast<int64_t>(*t) * engine::kRoleLinkIdFactor + 1));
  CHECK_VALUE(f.V("id(nothing)", scope, row), kNull);
  CHECK(f.Err("id(1)").code() == StatusCode::kTypeError);
  CHECK_VALUE(f.V("labels(n)", scope, row), L({"Person", "Agent"}));
  CHECK_VALUE(f.V("labels(t)", scope, row), L({"Trip"}));
  CHECK_VALUE(f.V("type(r)", scope, row), Value("lives_in"));
  CHECK_VALUE(f.V("type(link)", scope, row), Value("traveler"));
  CHECK(f.Err("type(n)", scope, row).code() == StatusCode::kTypeError);
  CHECK_VALUE(f.V("keys(n)", scope, row), L({"age", "name"}));
  CHECK_VALUE(f.V("keys(r)", scope, row), L({"since"}));
  CHECK_VALUE(f.V("keys({b: 1, a: 2})"), L({"a", "b"}));
  CHECK_VALUE(f.V("properties(n)", scope, row), M({{"age", 31}, {"name", "Ann"}}));
  CHECK_VALUE(f.V("properties(t)", scope, row), M({{"purpose", "work"}}));
  CHECK_VALUE(f.V("startNode(r) = n", scope, row), Value(true));
  CHECK_VALUE(f.V("endNode(r) = c", scope, row), Value(true));
  CHECK_VALUE(f.V("startNode(link) = t", scope, row), Value(true));
  CHECK_VALUE(f.V("endNode(link) = n", scope, row), Value(true));
  CHECK_VALUE(f.V("length(p)", scope, row), Value(1));
  CHECK_VALUE(f.V("nodes(p)", scope, row), L({Value(graph::NodeRef{*ann}), Value(graph::NodeRef{*berlin})}));
  CHECK_VALUE(f.V("relationships(p)", scope, row), L({Value(graph::RelRef{*rel, -1})}));
  CHECK_VALUE(f.V("exists(n.name)", scope, row), Value(true));
  CHECK_VALUE(f.V("exists(n.missing)", scope, row), Value(false));
  CHECK_VALUE(f.V("n = n", scope, row), Value(true));
  CHECK_VALUE(f.V("n <> c", scope, row), Value(true));
  CHECK_VALUE(f.V("n IN [c, n]", scope, row), Value(true));
}

TEST_CASE("evaluator: entity references resolve by key", "[eval]") {
  Fixture f;
  auto ann = f.g.AddEntity({{"Person"}, {{"name", Value("Ann")}}, {}, {}, {}});
  REQUIRE(ann.ok());
  lang::Expr ref(lang::ExprKind::kEntityRef, 1, 1);
  ref.text = "Person";
  ref.children.push_back(lang::MakeString("Ann", 1, 8));
  CHECK_VALUE(f.ev.Eval(ref, {}, {}).value(), Value(graph::NodeRef{*ann}));
  ref.children[0] = lang::MakeString("Bob", 1, 8);
  CHECK_VALUE(f.ev.Eval(ref, {}, {}).value(), kNull);
}

// ---------------------------------------------------------- operators

TEST_CASE("evaluator: three-valued boolean logic", "[eval]") {
  Fixture f;
  // AND
  CHECK_VALUE(f.V("true AND true"), Value(true));
  CHECK_VALUE(f.V("true AND false"), Value(false));
  CHECK_VALUE(f.V("true AND null"), kNull);
  CHECK_VALUE(f.V("null AND true"), kNull);
  CHECK_VALUE(f.V("false AND null"), Value(false));
  CHECK_VALUE(f.V("null AND false"), Value(false));
  CHECK_VALUE(f.V("null AND null"), kNull);
  // OR
  CHECK_VALUE(f.V("false OR false"), Value(false));
  CHECK_VALUE(f.V("true OR null"), Value(true));
  CHECK_VALUE(f.V("null OR true"), Value(true));
  CHECK_VALUE(f.V("false OR null"), kNull);
  CHECK_VALUE(f.V("null OR false"), kNull);
  CHECK_VALUE(f.V("null OR null"), kNull);
  // XOR
  CHECK_VALUE(f.V("true XOR false"), Value(true));
  CHECK_VALUE(f.V("true XOR true"), Value(false));
  CHECK_VALUE(f.V("true XOR null"), kNull);
  CHECK_VALUE(f.V("null XOR false"), kNull);
  // NOT
  CHECK_VALUE(f.V("NOT true"), Value(false));
  CHECK_VALUE(f.V("NOT null"), kNull);
  // Types
  CHECK(f.Err("1 AND true").code() == StatusCode::kTypeError);
  CHECK(f.Err("false OR 'x'").code() == StatusCode::kTypeError);
  CHECK(f.Err("true OR 'x'").code() == StatusCode::kTypeError);  // a literal is checked even when not needed
  CHECK(f.Err("false AND [1]").column() == 18);
  CHECK(f.Err("NOT 1").code() == StatusCode::kTypeError);
  // Short circuit: the right side is not evaluated when the left decides.
  CHECK_VALUE(f.V("false AND 1 / 0 = 1"), Value(false));
  CHECK_VALUE(f.V("true OR 1 / 0 = 1"), Value(true));
}

TEST_CASE("evaluator: comparison and equality", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("1 = 1.0"), Value(true));
  CHECK_VALUE(f.V("1 <> 2"), Value(true));
  CHECK_VALUE(f.V("1 = 'a'"), Value(false));
  CHECK_VALUE(f.V("null = null"), kNull);
  CHECK_VALUE(f.V("1 <> null"), kNull);
  CHECK_VALUE(f.V("[1, null] = [1, null]"), kNull);
  CHECK_VALUE(f.V("[1, null] = [2, null]"), Value(false));
  CHECK_VALUE(f.V("{a: 1} = {a: 1}"), Value(true));
  CHECK_VALUE(f.V("1 < 2"), Value(true));
  CHECK_VALUE(f.V("2 <= 2.0"), Value(true));
  CHECK_VALUE(f.V("'b' > 'a'"), Value(true));
  CHECK_VALUE(f.V("'a' >= 'b'"), Value(false));
  CHECK_VALUE(f.V("1 < 'a'"), kNull);
  CHECK_VALUE(f.V("null < 1"), kNull);
  CHECK_VALUE(f.V("[1, 2] < [1, 3]"), Value(true));
  CHECK_VALUE(f.V("date('2023-01-01') < date('2023-05-08')"), Value(true));
  CHECK_VALUE(f.V("1 < 2 < 3"), Value(true));
  CHECK_VALUE(f.V("0.0 / 0.0 = 0.0 / 0.0"), Value(false));
}

TEST_CASE("evaluator: arithmetic: promotion, overflow, division", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("1 + 2"), Value(3));
  CHECK_VALUE(f.V("1 + 2.5"), Value(3.5));
  CHECK_VALUE(f.V("5 - 7"), Value(-2));
  CHECK_VALUE(f.V("3 * 4"), Value(12));
  CHECK_VALUE(f.V("3 * 0.5"), Value(1.5));
  CHECK_VALUE(f.V("7 / 2"), Value(3));
  CHECK_VALUE(f.V("-7 / 2"), Value(-3));
  CHECK_VALUE(f.V("7 / 2.0"), Value(3.5));
  CHECK_VALUE(f.V("7 % 3"), Value(1));
  CHECK_VALUE(f.V("-7 % 3"), Value(-1));
  CHECK_VALUE(f.V("7.5 % 2"), Value(1.5));
  CHECK_VALUE(f.V("2 ^ 10"), Value(1024.0));
  CHECK_VALUE(f.V("-(3)"), Value(-3));
  CHECK_VALUE(f.V("+3"), Value(3));
  CHECK_VALUE(f.V("1 + null"), kNull);
  CHECK_VALUE(f.V("null * 2"), kNull);
  CHECK_VALUE(f.V("1 + (2 - (3 * (4 / (5 ^ (6 % null)))))"), kNull);
  CHECK_VALUE(f.V("-9223372036854775808 % -1"), Value(0));

  Status st = f.Err("9223372036854775807 + 1");
  CHECK(st.message() == "integer overflow");
  CHECK(st.column() == 8);
  CHECK(f.Err("-9223372036854775807 - 2").message() == "integer overflow");
  CHECK(f.Err("4611686018427387904 * 2").message() == "integer overflow");
  CHECK(f.Err("-(-9223372036854775808)").message() == "integer overflow");
  CHECK(f.Err("-9223372036854775808 / -1").message() == "integer overflow");
  st = f.Err("1 / 0");
  CHECK(st.code() == StatusCode::kTypeError);
  CHECK(st.message() == "division by zero");
  CHECK(f.Err("1 % 0").message() == "division by zero");
  CHECK(std::isinf(f.V("1.0 / 0").as_float()));
  CHECK(std::isinf(f.V("1 / 0.0").as_float()));
  CHECK(std::isnan(f.V("0.0 / 0").as_float()));
  CHECK(f.Err("1 - 'a'").code() == StatusCode::kTypeError);
  CHECK(f.Err("true + 1").code() == StatusCode::kTypeError);
  CHECK(f.Err("-'a'").code() == StatusCode::kTypeError);
}

TEST_CASE("evaluator: string and list addition", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("'ab' + 'cd'"), Value("abcd"));
  CHECK_VALUE(f.V("'n' + 1"), Value("n1"));
  CHECK_VALUE(f.V("1.5 + 'x'"), Value("1.5x"));
  CHECK_VALUE(f.V("[1, 2] + [3]"), L({1, 2, 3}));
  CHECK_VALUE(f.V("[1, 2] + 3"), L({1, 2, 3}));
  CHECK_VALUE(f.V("0 + [1]"), L({0, 1}));
  CHECK_VALUE(f.V("'a' + ['b']"), L({"a", "b"}));
  CHECK_VALUE(f.V("[1] + [[2]]"), L({1, L({2})}));
  CHECK_VALUE(f.V("[1] + null"), kNull);
  CHECK(f.Err("{a: 1} + 1").code() == StatusCode::kTypeError);
}

TEST_CASE("evaluator: string predicates and regular expressions", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("'hello' STARTS WITH 'he'"), Value(true));
  CHECK_VALUE(f.V("'hello' STARTS WITH 'lo'"), Value(false));
  CHECK_VALUE(f.V("'hello' ENDS WITH 'lo'"), Value(true));
  CHECK_VALUE(f.V("'hello' CONTAINS 'ell'"), Value(true));
  CHECK_VALUE(f.V("'hello' CONTAINS ''"), Value(true));
  CHECK_VALUE(f.V("'hello' STARTS WITH null"), kNull);
  CHECK_VALUE(f.V("null ENDS WITH 'x'"), kNull);
  CHECK_VALUE(f.V("1 CONTAINS 'x'"), kNull);
  CHECK_VALUE(f.V("'abc' =~ 'a.c'"), Value(true));
  CHECK_VALUE(f.V("'abcd' =~ 'a.c'"), Value(false));  // whole-string match
  CHECK_VALUE(f.V("'ABC' =~ '(?i)abc'"), Value(true));
  CHECK_VALUE(f.V("'a\\nb' =~ '(?s)a.b'"), Value(true));
  CHECK_VALUE(f.V("'a\\nb' =~ 'a.b'"), Value(false));
  CHECK_VALUE(f.V("null =~ 'a'"), kNull);
  CHECK_VALUE(f.V("'a' =~ null"), kNull);
  Status st = f.Err("'a' =~ '(unclosed'");
  CHECK(st.code() == StatusCode::kTypeError);
  CHECK(st.message().find("invalid regular expression") == 0);
  CHECK(st.line() == 1);
}

TEST_CASE("evaluator: IN with null", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("2 IN [1, 2, 3]"), Value(true));
  CHECK_VALUE(f.V("4 IN [1, 2, 3]"), Value(false));
  CHECK_VALUE(f.V("4 IN [1, null]"), kNull);
  CHECK_VALUE(f.V("1 IN [1, null]"), Value(true));
  CHECK_VALUE(f.V("null IN [1]"), kNull);
  CHECK_VALUE(f.V("null IN []"), Value(false));
  CHECK_VALUE(f.V("1 IN null"), kNull);
  CHECK_VALUE(f.V("[1] IN [[1], [2]]"), Value(true));
  CHECK_VALUE(f.V("[1, 2] IN [[1, null]]"), kNull);
  CHECK_VALUE(f.V("1.0 IN [1]"), Value(true));
  CHECK(f.Err("1 IN 2").code() == StatusCode::kTypeError);
}

TEST_CASE("evaluator: IS NULL and IS NOT NULL", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("null IS NULL"), Value(true));
  CHECK_VALUE(f.V("1 IS NULL"), Value(false));
  CHECK_VALUE(f.V("1 IS NOT NULL"), Value(true));
  CHECK_VALUE(f.V("{a: 1}.b IS NOT NULL"), Value(false));
}

TEST_CASE("evaluator: list indexing and slicing", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("[1, 2, 3][0]"), Value(1));
  CHECK_VALUE(f.V("[1, 2, 3][-1]"), Value(3));
  CHECK_VALUE(f.V("[1, 2, 3][-3]"), Value(1));
  CHECK_VALUE(f.V("[1, 2, 3][3]"), kNull);
  CHECK_VALUE(f.V("[1, 2, 3][-4]"), kNull);
  CHECK_VALUE(f.V("[1, 2, 3][null]"), kNull);
  CHECK_VALUE(f.V("null[0]"), kNull);
  CHECK_VALUE(f.V("{a: 1}['a']"), Value(1));
  CHECK_VALUE(f.V("{a: 1}['b']"), kNull);
  CHECK(f.Err("[1]['a']").code() == StatusCode::kTypeError);
  CHECK(f.Err("{a: 1}[0]").code() == StatusCode::kTypeError);
  CHECK(f.Err("[1][1.0]").code() == StatusCode::kTypeError);
  CHECK(f.Err("1[0]").code() == StatusCode::kTypeError);

  CHECK_VALUE(f.V("[1, 2, 3, 4][1..3]"), L({2, 3}));
  CHECK_VALUE(f.V("[1, 2, 3, 4][1..]"), L({2, 3, 4}));
  CHECK_VALUE(f.V("[1, 2, 3, 4][..2]"), L({1, 2}));
  CHECK_VALUE(f.V("[1, 2, 3, 4][-2..]"), L({3, 4}));
  CHECK_VALUE(f.V("[1, 2, 3, 4][..-1]"), L({1, 2, 3}));
  CHECK_VALUE(f.V("[1, 2, 3, 4][2..1]"), L({}));
  CHECK_VALUE(f.V("[1, 2, 3, 4][0..100]"), L({1, 2, 3, 4}));
  CHECK_VALUE(f.V("[1, 2, 3, 4][-100..1]"), L({1}));
  CHECK_VALUE(f.V("[1, 2, 3][null..2]"), kNull);
  CHECK_VALUE(f.V("[1, 2, 3][1..null]"), kNull);
  CHECK_VALUE(f.V("null[1..2]"), kNull);
}

TEST_CASE("evaluator: CASE expressions", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END"), Value("two"));
  CHECK_VALUE(f.V("CASE 5 WHEN 1 THEN 'one' ELSE 'many' END"), Value("many"));
  CHECK_VALUE(f.V("CASE 5 WHEN 1 THEN 'one' END"), kNull);
  CHECK_VALUE(f.V("CASE null WHEN null THEN 'null' ELSE 'other' END"), Value("other"));
  CHECK_VALUE(f.V("CASE 1.0 WHEN 1 THEN 'int' END"), Value("int"));
  CHECK_VALUE(f.V("CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' END"), Value("b"));
  CHECK_VALUE(f.V("CASE WHEN null THEN 'a' ELSE 'b' END"), Value("b"));
  CHECK_VALUE(f.V("CASE WHEN false THEN 'a' END"), kNull);
  CHECK(f.Err("CASE WHEN 1 THEN 'a' END").code() == StatusCode::kTypeError);
  // Only the chosen branch is evaluated.
  CHECK_VALUE(f.V("CASE WHEN true THEN 1 ELSE 1 / 0 END"), Value(1));
}

TEST_CASE("evaluator: list comprehensions and quantifiers", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("[x IN [1, 2, 3] | x * 10]"), L({10, 20, 30}));
  CHECK_VALUE(f.V("[x IN [1, 2, 3] WHERE x > 1]"), L({2, 3}));
  CHECK_VALUE(f.V("[x IN [1, 2, 3] WHERE x <> 2 | x + 1]"), L({2, 4}));
  CHECK_VALUE(f.V("[x IN [1, null, 3] WHERE x > 1]"), L({3}));
  CHECK_VALUE(f.V("[x IN null | x]"), kNull);
  CHECK_VALUE(f.V("[x IN [] | x]"), L({}));
  CHECK_VALUE(f.V("[x IN [[1, 2], [3]] | [y IN x | y * x[0]]]"), L({L({1, 2}), L({9})}));
  CHECK(f.Err("[x IN 5 | x]").code() == StatusCode::kTypeError);
  // The comprehension's variable shadows an outer one, which stays intact.
  Scope scope;
  scope.Add("x");
  Row row{Value(100)};
  CHECK_VALUE(f.V("[x IN [1, 2] | x] + x", scope, row), L({1, 2, 100}));

  CHECK_VALUE(f.V("all(x IN [1, 2] WHERE x > 0)"), Value(true));
  CHECK_VALUE(f.V("all(x IN [1, -2] WHERE x > 0)"), Value(false));
  CHECK_VALUE(f.V("all(x IN [1, null] WHERE x > 0)"), kNull);
  CHECK_VALUE(f.V("all(x IN [-1, null] WHERE x > 0)"), Value(false));
  CHECK_VALUE(f.V("all(x IN [] WHERE x > 0)"), Value(true));
  CHECK_VALUE(f.V("any(x IN [1, -2] WHERE x > 0)"), Value(true));
  CHECK_VALUE(f.V("any(x IN [-1, null] WHERE x > 0)"), kNull);
  CHECK_VALUE(f.V("any(x IN [-1] WHERE x > 0)"), Value(false));
  CHECK_VALUE(f.V("any(x IN [] WHERE x > 0)"), Value(false));
  CHECK_VALUE(f.V("none(x IN [-1, -2] WHERE x > 0)"), Value(true));
  CHECK_VALUE(f.V("none(x IN [1, null] WHERE x > 0)"), Value(false));
  CHECK_VALUE(f.V("none(x IN [-1, null] WHERE x > 0)"), kNull);
  CHECK_VALUE(f.V("single(x IN [1, -2] WHERE x > 0)"), Value(true));
  CHECK_VALUE(f.V("single(x IN [1, 2] WHERE x > 0)"), Value(false));
  CHECK_VALUE(f.V("single(x IN [-1] WHERE x > 0)"), Value(false));
  CHECK_VALUE(f.V("single(x IN [1, null] WHERE x > 0)"), kNull);
  CHECK_VALUE(f.V("single(x IN [1, 2, null] WHERE x > 0)"), Value(false));
  CHECK_VALUE(f.V("any(x IN null WHERE x > 0)"), kNull);
  CHECK(f.Err("all(x IN [1] WHERE x)").code() == StatusCode::kTypeError);
}

TEST_CASE("evaluator: pattern predicates and pattern comprehensions", "[eval]") {
  Fixture f;
  Scope scope;
  scope.Add("a");
  Row row{Value(graph::NodeRef{1})};
  f.patterns.bindings = {};
  CHECK_VALUE(f.V("(a)-->(b)", scope, row), Value(false));
  CHECK_VALUE(f.V("exists((a)-->(b))", scope, row), Value(false));
  f.patterns.bindings = {Value(graph::NodeRef{2}), Value(graph::NodeRef{3})};
  CHECK_VALUE(f.V("(a)-->(b)", scope, row), Value(true));
  CHECK_VALUE(f.V("NOT (a)-->()", scope, row), Value(false));
  CHECK_VALUE(f.V("exists((a)-->(b))", scope, row), Value(true));
  CHECK(scope.size() == 1);  // the caller's scope is untouched

  f.patterns.bindings = {Value(M({{"name", "x"}})), Value(M({{"name", "y"}}))};
  CHECK_VALUE(f.V("[(a)-->(b) | b.name]", scope, row), L({"x", "y"}));
  CHECK_VALUE(f.V("[(a)-->(b) WHERE b.name <> 'x' | b.name + '!']", scope, row), L({"y!"}));
  f.patterns.bindings = {};
  CHECK_VALUE(f.V("[(a)-->(b) | b.name]", scope, row), L({}));

  // A pattern over a variable bound to null is null.
  Row null_row{kNull};
  const int calls = f.patterns.calls;
  CHECK_VALUE(f.V("(a)-->()", scope, null_row), kNull);
  CHECK(f.patterns.calls == calls);

  Evaluator no_patterns(f.view, f.params, kNow, nullptr);
  auto r = no_patterns.Eval(f.Parse("(a)-->()"), scope, row);
  CHECK(r.status().code() == StatusCode::kUnsupported);
}

TEST_CASE("evaluator: Test() is WHERE truthiness", "[eval]") {
  Fixture f;
  CHECK(f.ev.Test(f.Parse("1 < 2"), {}, {}).value());
  CHECK_FALSE(f.ev.Test(f.Parse("1 > 2"), {}, {}).value());
  CHECK_FALSE(f.ev.Test(f.Parse("null"), {}, {}).value());
  CHECK_FALSE(f.ev.Test(f.Parse("1 < 'a'"), {}, {}).value());
  auto r = f.ev.Test(f.Parse("1 + 1"), {}, {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kTypeError);
  CHECK(r.status().column() == 8);
}

// ---------------------------------------------------------- functions

TEST_CASE("evaluator: function calls: names, arity, unknown functions", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("SIZE([1, 2])"), Value(2));
  CHECK_VALUE(f.V("toupper('a')"), Value("A"));
  Status st = f.Err("1 + foo(2)");
  CHECK(st.code() == StatusCode::kBindError);
  CHECK(st.message() == "unknown function 'foo'");
  CHECK(st.line() == 1);
  CHECK(st.column() == 12);
  st = f.Err("size(1, 2)");
  CHECK(st.code() == StatusCode::kBindError);
  CHECK(st.message() == "function size() expects 1 argument, got 2");
  CHECK(st.column() == 8);
  CHECK(f.Err("range(1)").message() == "function range() expects 2 to 3 arguments, got 1");
  CHECK(f.Err("coalesce()").message() == "function coalesce() expects at least 1 argument, got 0");
  st = f.Err("toUpper(1)");
  CHECK(st.code() == StatusCode::kTypeError);
  CHECK(st.message().find("toUpper") != std::string::npos);
  CHECK(st.column() == 8);
  // An inner error keeps its own position.
  st = f.Err("size([1, 2 / 0])");
  CHECK(st.column() == 17);
  // Aggregates are computed by the projection, never here.
  st = f.Err("count(1)");
  CHECK(st.code() == StatusCode::kBindError);
  CHECK(st.message().find("aggregate") != std::string::npos);
  CHECK(f.Err("count(*)").code() == StatusCode::kBindError);
  CHECK(f.Err("size(DISTINCT [1])").code() == StatusCode::kBindError);

  // The same checks, before execution.
  CHECK(engine::CheckFunctionCall(f.Parse("toUpper('a')")).ok());
  CHECK(engine::CheckFunctionCall(f.Parse("count(DISTINCT 1)")).ok());
  CHECK(engine::CheckFunctionCall(f.Parse("exists({a: 1}.a)")).ok());
  st = engine::CheckFunctionCall(f.Parse("foo(1)"));
  CHECK(st.message() == "unknown function 'foo'");
  CHECK(st.column() == 8);
  CHECK(engine::CheckFunctionCall(f.Parse("percentileCont(1)")).code() == StatusCode::kBindError);
  CHECK(engine::CheckFunctionCall(f.Parse("sum(1, 2)")).code() == StatusCode::kBindError);
  CHECK(engine::CheckFunctionCall(f.Parse("left('a')")).message() ==
        "function left() expects 2 arguments, got 1");
}

TEST_CASE("evaluator: list and size functions", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("size([1, 2, 3])"), Value(3));
  CHECK_VALUE(f.V("size('héllo')"), Value(5));
  CHECK_VALUE(f.V("size(null)"), kNull);
  CHECK(f.Err("size(1)").code() == StatusCode::kTypeError);
  CHECK_VALUE(f.V("length('abc')"), Value(3));
  CHECK_VALUE(f.V("coalesce(null, null, 2, 3)"), Value(2));
  CHECK_VALUE(f.V("coalesce(null)"), kNull);
  CHECK_VALUE(f.V("coalesce(1, 1 / 0)"), Value(1));
  CHECK_VALUE(f.V("head([1, 2])"), Value(1));
  CHECK_VALUE(f.V("head([])"), kNull);
  CHECK_VALUE(f.V("last([1, 2])"), Value(2));
  CHECK_VALUE(f.V("last(null)"), kNull);
  CHECK_VALUE(f.V("tail([1, 2, 3])"), L({2, 3}));
  CHECK_VALUE(f.V("tail([])"), L({}));
  CHECK_VALUE(f.V("range(1, 4)"), L({1, 2, 3, 4}));
  CHECK_VALUE(f.V("range(0, 10, 3)"), L({0, 3, 6, 9}));
  CHECK_VALUE(f.V("range(5, 1, -2)"), L({5, 3, 1}));
  CHECK_VALUE(f.V("range(5, 1)"), L({}));
  CHECK(f.Err("range(1, 5, 0)").code() == StatusCode::kInvalidArgument);
  CHECK(f.Err("range(1, 'a')").code() == StatusCode::kTypeError);
  CHECK(f.Err("range(0, 9223372036854775807)").code() == StatusCode::kResourceLimit);
  CHECK_VALUE(f.V("reverse([1, 2, 3])"), L({3, 2, 1}));
  CHECK_VALUE(f.V("reverse('añb')"), Value("bña"));
  CHECK_VALUE(f.V("isEmpty([])"), Value(true));
  CHECK_VALUE(f.V("isEmpty('a')"), Value(false));
}

TEST_CASE("evaluator: conversion functions", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("toString(1)"), Value("1"));
  CHECK_VALUE(f.V("toString(1.0)"), Value("1.0"));
  CHECK_VALUE(f.V("toString(2.5)"), Value("2.5"));
  CHECK_VALUE(f.V("toString(true)"), Value("true"));
  CHECK_VALUE(f.V("toString('x')"), Value("x"));
  CHECK_VALUE(f.V("toString(null)"), kNull);
  CHECK_VALUE(f.V("toString(date('2023-05-08'))"), Value("2023-05-08"));
  CHECK_VALUE(f.V("toString(datetime('2023-05-08'))"), Value("2023-05-08T00:00:00Z"));
  CHECK_VALUE(f.V("toString(datetime('2023-05-08T13:56:00+02:00'))"), Value("2023-05-08T11:56:00Z"));
  CHECK(f.Err("toString([1])").code() == StatusCode::kTypeError);
  CHECK_VALUE(f.V("toStringOrNull([1])"), kNull);

  CHECK_VALUE(f.V("toInteger('42')"), Value(42));
  CHECK_VALUE(f.V("toInteger(' -7 ')"), Value(-7));
  CHECK_VALUE(f.V("toInteger('3.9')"), Value(3));
  CHECK_VALUE(f.V("toInteger('abc')"), kNull);
  CHECK_VALUE(f.V("toInteger(3.9)"), Value(3));
  CHECK_VALUE(f.V("toInteger(-3.9)"), Value(-3));
  CHECK_VALUE(f.V("toInteger(true)"), Value(1));
  CHECK_VALUE(f.V("toInteger(null)"), kNull);
  CHECK_VALUE(f.V("toInteger(ceil(1.7))"), Value(2));
  CHECK(f.Err("toInteger([1])").code() == StatusCode::kTypeError);
  CHECK_VALUE(f.V("toIntegerOrNull([1])"), kNull);

  CHECK_VALUE(f.V("toFloat('1.5')"), Value(1.5));
  CHECK_VALUE(f.V("toFloat(2)"), Value(2.0));
  CHECK_VALUE(f.V("toFloat('x')"), kNull);
  CHECK(f.Err("toFloat(true)").code() == StatusCode::kTypeError);

  CHECK_VALUE(f.V("toBoolean('TRUE')"), Value(true));
  CHECK_VALUE(f.V("toBoolean('false')"), Value(false));
  CHECK_VALUE(f.V("toBoolean('yes')"), kNull);
  CHECK_VALUE(f.V("toBoolean(0)"), Value(false));
  CHECK(f.Err("toBoolean(1.5)").code() == StatusCode::kTypeError);
  CHECK_VALUE(f.V("toBooleanOrNull(1.5)"), kNull);
}

TEST_CASE("evaluator: math functions", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("abs(-3)"), Value(3));
  CHECK_VALUE(f.V("abs(-3.5)"), Value(3.5));
  CHECK_VALUE(f.V("abs(null)"), kNull);
  CHECK(f.Err("abs(-9223372036854775808)").message().find("overflow") != std::string::npos);
  CHECK_VALUE(f.V("ceil(1.2)"), Value(2.0));
  CHECK_VALUE(f.V("floor(-1.2)"), Value(-2.0));
  CHECK_VALUE(f.V("round(2.5)"), Value(3.0));
  CHECK_VALUE(f.V("round(-2.4)"), Value(-2.0));
  CHECK_VALUE(f.V("round(3.14159, 2)"), Value(3.14));
  CHECK_VALUE(f.V("sign(-5)"), Value(-1));
  CHECK_VALUE(f.V("sign(0.0)"), Value(0));
  CHECK_VALUE(f.V("sign(2.5)"), Value(1));
  CHECK_VALUE(f.V("sqrt(16)"), Value(4.0));
  CHECK(std::isnan(f.V("sqrt(-1)").as_float()));
  CHECK_VALUE(f.V("exp(0)"), Value(1.0));
  CHECK_VALUE(f.V("log(1)"), Value(0.0));
  CHECK_VALUE(f.V("log10(1000)"), Value(3.0));
  CHECK_VALUE(f.V("sin(0)"), Value(0.0));
  CHECK_VALUE(f.V("cos(0)"), Value(1.0));
  CHECK(f.V("tan(pi() / 4)").as_float() == Approx(1.0));
  CHECK(f.V("asin(1)").as_float() == Approx(M_PI / 2));
  CHECK(f.V("acos(1)").as_float() == Approx(0.0));
  CHECK(f.V("atan(1)").as_float() == Approx(M_PI / 4));
  CHECK(f.V("atan2(1, 1)").as_float() == Approx(M_PI / 4));
  CHECK(f.V("pi()").as_float() == Approx(M_PI));
  CHECK(f.V("e()").as_float() == Approx(M_E));
  for (int i = 0; i < 20; ++i) {
    const double r = f.V("rand()").as_float();
    CHECK(r >= 0.0);
    CHECK(r < 1.0);
  }
  CHECK(f.Err("sqrt('x')").code() == StatusCode::kTypeError);
}

TEST_CASE("evaluator: string functions", "[eval]") {
  Fixture f;
  CHECK_VALUE(f.V("toUpper('abc')"), Value("ABC"));
  CHECK_VALUE(f.V("toLower('ÄBC')"), Value("äbc"));
  CHECK_VALUE(f.V("upper('straße')"), Value("STRAßE"));
  CHECK_VALUE(f.V("lower(null)"), kNull);
  CHECK_VALUE(f.V("trim('  a b  ')"), Value("a b"));
  CHECK_VALUE(f.V("ltrim('  a ')"), Value("a "));
  CHECK_VALUE(f.V("rtrim('  a ')"), Value("  a"));
  CHECK_VALUE(f.V("substring('hello', 1)"), Value("ello"));
  CHECK_VALUE(f.V("substring('hello', 1, 3)"), Value("ell"));
  CHECK_VALUE(f.V("substring('hello', 10)"), Value(""));
  CHECK_VALUE(f.V("substring('héllo', 1, 2)"), Value("él"));
  CHECK(f.Err("substring('hello', -1)").code() == StatusCode::kInvalidArgument);
  CHECK_VALUE(f.V("left('hello', 2)"), Value("he"));
  CHECK_VALUE(f.V("left('hello', 20)"), Value("hello"));
  CHECK_VALUE(f.V("right('hello', 2)"), Value("lo"));
  CHECK_VALUE(f.V("right('hé', 1)"), Value("é"));
  CHECK_VALUE(f.V("replace('a-b-c', '-', '+')"), Value("a+b+c"));
  CHECK_VALUE(f.V("replace('abc', '', '.')"), Value(".a.b.c."));
  CHECK_VALUE(f.V("replace(null, 'a', 'b')"), kNull);
  CHECK_VALUE(f.V("split('a,b,,c', ',')"), L({"a", "b", "", "c"}));
  CHECK_VALUE(f.V("split('abc', '')"), L({"a", "b", "c"}));
  CHECK_VALUE(f.V("split(null, ',')"), kNull);
  CHECK(f.Err("split('a', 1)").code() == StatusCode::kTypeError);
}

TEST_CASE("evaluator: temporal functions", "[eval]") {
  Fixture f;
  const temporal::Timestamp day = temporal::DaysFromCivil(2023, 5, 8) * temporal::kMicrosPerDay;
  CHECK_VALUE(f.V("date('2023-05-08')"), Value(graph::Date{day}));
  CHECK_VALUE(f.V("date()"), Value(graph::Date{day}));
  CHECK_VALUE(f.V("date(datetime('2023-05-08T22:00:00Z'))"), Value(graph::Date{day}));
  CHECK_VALUE(f.V("date({year: 2023, month: 5, day: 8})"), Value(graph::Date{day}));
  CHECK_VALUE(f.V("datetime('2023-05-08T13:56:00Z')"), Value(graph::DateTime{kNow}));
  CHECK_VALUE(f.V("datetime()"), Value(graph::DateTime{kNow}));
  CHECK_VALUE(f.V("now()"), Value(graph::DateTime{kNow}));
  CHECK_VALUE(f.V("datetime({epochMillis: 1683554160000})"), Value(graph::DateTime{kNow}));
  CHECK_VALUE(f.V("timestamp()"), Value(kNow / 1000));
  CHECK_VALUE(f.V("date(null)"), kNull);
  Status st = f.Err("date('not a date')");
  CHECK(st.code() == StatusCode::kTypeError);
  CHECK(st.column() == 8);
  CHECK(f.Err("datetime(1)").code() == StatusCode::kTypeError);
  CHECK(f.Err("date({year: 2023, month: 2, day: 30})").code() == StatusCode::kInvalidArgument);
  CHECK_VALUE(f.V("datetime('2023-05-08T13:56:00Z') > datetime('2023-05-08')"), Value(true));
}

// ---------------------------------------------------------- aggregates

namespace {

// Runs the aggregate call `text` (e.g. "sum(x)") over `values`.
Result<Value> Aggregate(Fixture& f, const std::string& text, const List& values,
                        const Value& extra = Value()) {
  const lang::Expr& call = f.Parse(text);
  engine::Aggregator agg(call);
  for (const Value& v : values) MNEMO_RETURN_IF_ERROR(agg.Add(v, extra));
  return agg.Finish();
}

Value Agg(Fixture& f, const std::string& text, const List& values, const Value& extra = Value()) {
  auto r = Aggregate(f, text, values, extra);
  if (!r.ok()) FAIL(text << " failed: " << r.status().ToString());
  return std::move(r).value();
}

}  // namespace

TEST_CASE("evaluator: aggregate functions", "[eval]") {
  Fixture f;
  const List nums{Value(1), Value(2), kNull, Value(3), Value(2)};
  CHECK_VALUE(Agg(f, "count(x)", nums), Value(4));
  CHECK_VALUE(Agg(f, "count(*)", nums), Value(5));
  CHECK_VALUE(Agg(f, "count(DISTINCT x)", nums), Value(3));
  CHECK_VALUE(Agg(f, "count(x)", {}), Value(0));

  CHECK_VALUE(Agg(f, "sum(x)", nums), Value(8));
  CHECK_VALUE(Agg(f, "sum(DISTINCT x)", nums), Value(6));
  CHECK_VALUE(Agg(f, "sum(x)", {Value(1), Value(0.5)}), Value(1.5));
  CHECK_VALUE(Agg(f, "sum(x)", {}), Value(0));
  CHECK_VALUE(Agg(f, "sum(x)", {kNull}), Value(0));
  CHECK(Aggregate(f, "sum(x)", {Value("a")}).status().code() == StatusCode::kTypeError);
  CHECK(Aggregate(f, "sum(x)", {Value(INT64_MAX), Value(1)}).status().message().find("overflow") !=
        std::string::npos);

  CHECK_VALUE(Agg(f, "avg(x)", nums), Value(2.0));
  CHECK_VALUE(Agg(f, "avg(x)", {Value(1), Value(2)}), Value(1.5));
  CHECK_VALUE(Agg(f, "avg(x)", {}), kNull);
  CHECK_VALUE(Agg(f, "avg(DISTINCT x)", {Value(1), Value(1), Value(4)}), Value(2.5));

  CHECK_VALUE(Agg(f, "min(x)", nums), Value(1));
  CHECK_VALUE(Agg(f, "max(x)", nums), Value(3));
  CHECK_VALUE(Agg(f, "max(x)", {Value(1), Value(2.5)}), Value(2.5));
  CHECK_VALUE(Agg(f, "min(x)", {}), kNull);
  CHECK_VALUE(Agg(f, "min(x)", {Value("b"), Value("a")}), Value("a"));
  // Mixed types follow orderability: strings sort before numbers.
  CHECK_VALUE(Agg(f, "min(x)", {Value(1), Value("a")}), Value("a"));
  CHECK_VALUE(Agg(f, "max(x)", {Value(1), Value("a")}), Value(1));

  CHECK_VALUE(Agg(f, "collect(x)", nums), L({1, 2, 3, 2}));
  CHECK_VALUE(Agg(f, "collect(DISTINCT x)", nums), L({1, 2, 3}));
  CHECK_VALUE(Agg(f, "collect(DISTINCT x)", {Value(1), Value(1.0)}), L({1}));
  CHECK_VALUE(Agg(f, "collect(x)", {}), L({}));

  const List sd{Value(2), Value(4), Value(4), Value(4), Value(5), Value(5), Value(7), Value(9)};
  CHECK(Agg(f, "stDevP(x)", sd).as_float() == Approx(2.0));
  CHECK(Agg(f, "stDev(x)", sd).as_float() == Approx(2.13808993529939));
  CHECK_VALUE(Agg(f, "stDev(x)", {Value(1)}), Value(0.0));
  CHECK_VALUE(Agg(f, "stDevP(x)", {}), Value(0.0));

  const List pc{Value(10), Value(20), Value(30), Value(40)};
  CHECK_VALUE(Agg(f, "percentileCont(x, 0.5)", pc, Value(0.5)), Value(25.0));
  CHECK_VALUE(Agg(f, "percentileCont(x, 1)", pc, Value(1)), Value(40.0));
  CHECK_VALUE(Agg(f, "percentileCont(x, 0)", pc, Value(0)), Value(10.0));
  CHECK_VALUE(Agg(f, "percentileDisc(x, 0.5)", pc, Value(0.5)), Value(20));
  CHECK_VALUE(Agg(f, "percentileDisc(x, 0.6)", pc, Value(0.6)), Value(30));
  CHECK_VALUE(Agg(f, "percentileDisc(x, 0)", pc, Value(0)), Value(10));
  CHECK_VALUE(Agg(f, "percentileDisc(x, 1)", pc, Value(1)), Value(40));
  CHECK_VALUE(Agg(f, "percentileDisc(x, 0.5)", {}, Value(0.5)), kNull);
  Status st = Aggregate(f, "percentileCont(x, 1.5)", pc, Value(1.5)).status();
  CHECK(st.code() == StatusCode::kInvalidArgument);
  CHECK(st.column() == 8);
  CHECK(Aggregate(f, "percentileDisc(x, 'a')", pc, Value("a")).status().code() == StatusCode::kTypeError);
  CHECK(Aggregate(f, "percentileDisc(x)", pc).status().code() == StatusCode::kBindError);
}

TEST_CASE("evaluator: aggregate detection and precomputed values", "[eval]") {
  Fixture f;
  CHECK(engine::IsAggregateFunction("COUNT"));
  CHECK(engine::IsAggregateFunction("percentileDisc"));
  CHECK(engine::IsAggregateFunction("stdevp"));
  CHECK_FALSE(engine::IsAggregateFunction("size"));

  CHECK(engine::ContainsAggregate(f.Parse("count(*) + 1")));
  CHECK(engine::ContainsAggregate(f.Parse("CASE WHEN true THEN max(1) END")));
  CHECK(engine::ContainsAggregate(f.Parse("[x IN collect(1) | x]")));
  CHECK_FALSE(engine::ContainsAggregate(f.Parse("size([1])")));

  const lang::Expr& e = f.Parse("sum(x) + count(*) * size(collect(x))");
  std::vector<const lang::Expr*> calls;
  engine::CollectAggregates(e, calls);
  REQUIRE(calls.size() == 3);
  CHECK(calls[0]->text == "sum");
  CHECK(calls[1]->kind == lang::ExprKind::kCountStar);
  CHECK(calls[2]->text == "collect");

  engine::AggregateValues values{{calls[0], Value(10)}, {calls[1], Value(2)}, {calls[2], L({1, 2, 3})}};
  auto v = f.ev.Eval(e, {}, {}, &values);
  REQUIRE(v.ok());
  CHECK_VALUE(*v, Value(16));
  // Without the values the aggregate is refused, at its position.
  auto missing = f.ev.Eval(e, {}, {});
  CHECK(missing.status().code() == StatusCode::kBindError);
  CHECK(missing.status().column() == 8);
}
