#include <catch2/catch.hpp>

#include <cmath>

#include "tests/tck/tck_values.hpp"

using mnemo::QueryResult;
using mnemo::tck::CompareOptions;
using mnemo::tck::Equal;
using mnemo::tck::FromResult;
using mnemo::tck::ParseTckValue;
using mnemo::tck::TckValue;
namespace graph = mnemo::graph;
using K = TckValue::Kind;

namespace {
TckValue P(std::string_view text) {
  auto v = ParseTckValue(text);
  INFO(text << ": " << v.status().ToString());
  REQUIRE(v.ok());
  return std::move(v).value();
}
bool Same(std::string_view a, std::string_view b, CompareOptions o = {}) { return Equal(P(a), P(b), o); }
}  // namespace

TEST_CASE("TCK primitives parse to their kinds", "[tck]") {
  CHECK(P("null").kind == K::kNull);
  CHECK(P("true").boolean);
  CHECK_FALSE(P("false").boolean);
  CHECK(P("42").integer == 42);
  CHECK(P("-5").integer == -5);
  CHECK(P("4611686018427387905").integer == 4611686018427387905LL);
  CHECK(P("-9223372036854775808").integer == INT64_MIN);
  CHECK(P("1.5").kind == K::kFloat);
  CHECK(P("1.5").number == 1.5);
  CHECK(P("-0.0").kind == K::kFloat);
  CHECK(std::signbit(P("-0.0").number));
  CHECK(P("1e10").number == 1e10);
  CHECK(P("1.5E-3").number == 1.5e-3);
  CHECK(std::isnan(P("NaN").number));
  CHECK(std::isinf(P("Inf").number));
  CHECK(P("-Inf").number < 0);
  CHECK(P("Infinity").number > 0);
  CHECK(std::isinf(P("-Infinity").number));
  CHECK(P("0x1F").integer == 31);
  CHECK(P("'text'").text == "text");
  CHECK(P("''").text.empty());
  CHECK(P("' '").text == " ");
  CHECK(P("'it\\'s'").text == "it's");
  CHECK(P("'a\\\\b'").text == "a\\b");
  CHECK(P("'line\\nbreak'").text == "line\nbreak");
  CHECK(P("'\\u00e9'").text == "\xc3\xa9");
  CHECK(P("\"double\"").text == "double");
  CHECK(P("'.*'").text == ".*");
}

TEST_CASE("TCK containers and graph elements parse to a normal form", "[tck]") {
  const TckValue list = P("[1, 'a', [2, null], []]");
  REQUIRE(list.kind == K::kList);
  REQUIRE(list.elements.size() == 4);
  CHECK(list.elements[2].elements[1].kind == K::kNull);
  CHECK(list.elements[3].elements.empty());

  const TckValue map = P("{b: 'foo', a: 1, `odd key`: []}");
  REQUIRE(map.kind == K::kMap);
  REQUIRE(map.entries.size() == 3);
  CHECK(map.entries[0].first == "a");  // sorted
  CHECK(map.entries[1].first == "b");
  CHECK(map.entries[2].first == "odd key");
  CHECK(P("{}").entries.empty());

  const TckValue node = P("(:Z:Y:X {name: 'A', num: 5})");
  REQUIRE(node.kind == K::kNode);
  CHECK(node.labels == std::vector<std::string>{"X", "Y", "Z"});
  CHECK(node.entries.size() == 2);
  CHECK(P("()").labels.empty());
  CHECK(P("({numbers: [1, 2, 3]})").entries[0].second.elements.size() == 3);

  const TckValue rel = P("[:T {name: 'bar'}]");
  REQUIRE(rel.kind == K::kRelationship);
  CHECK(rel.text == "T");
  CHECK(P("[:KNOWS]").entries.empty());

  const TckValue path = P("<(:A)-[:T]->(:B)<-[:U {k: 1}]-()>");
  REQUIRE(path.kind == K::kPath);
  REQUIRE(path.elements.size() == 5);
  CHECK(path.forward == std::vector<bool>{true, false});
  CHECK(path.elements[3].text == "U");
  CHECK(P("<()>").elements.size() == 1);

  const TckValue mixed = P("{node1: (:A), rel: [:T], node2: (:B)}");
  CHECK(mixed.entries[1].first == "node2");
  CHECK(P("[(:A), [:T], (:B)]").elements[1].kind == K::kRelationship);
  CHECK(P("[[:X], [:Y]]").elements[0].kind == K::kRelationship);
}

TEST_CASE("malformed TCK values are refused with a position", "[tck]") {
  for (const char* bad : {"", "[1, 2", "{a 1}", "'open", "(:A", "[:T", "<(:A)-[:T]-(:B)>", "12abc", "1 2", "{a: 1, a: 2}",
                          "nulls", "99999999999999999999", "<(:A)-[]->(:B)>"}) {
    INFO(bad);
    auto v = ParseTckValue(bad);
    CHECK_FALSE(v.ok());
    if (!v.ok()) CHECK(v.status().message().find("at ") == 0);
  }
}

TEST_CASE("the normal form prints in TCK notation", "[tck]") {
  CHECK(P("(:B:A {z: 1, a: 'x'})").ToString() == "(:A:B {a: 'x', z: 1})");
  CHECK(P("({id: 1})").ToString() == "({id: 1})");
  CHECK(P("[:T]").ToString() == "[:T]");
  CHECK(P("<(:A)<-[:T {k: 1.0}]-(:B)>").ToString() == "<(:A)<-[:T {k: 1.0}]-(:B)>");
  CHECK(P("[1, 2.5, 'it\\'s', null, true]").ToString() == "[1, 2.5, 'it\\'s', null, true]");
  CHECK(P("{b: {}, a: []}").ToString() == "{a: [], b: {}}");
  CHECK(P("1.0").ToString() == "1.0");
  CHECK(P("NaN").ToString() == "NaN");
  CHECK(P("(:`odd label`)").ToString() == "(:`odd label`)");
}

TEST_CASE("TCK comparison: kinds, labels as sets, floats with tolerance", "[tck]") {
  CHECK(Same("(:A:B {x: 1, y: 'a'})", "(:B:A {y: 'a', x: 1})"));
  CHECK_FALSE(Same("(:A)", "(:A:B)"));
  CHECK_FALSE(Same("(:A {x: 1})", "(:A {x: 1.0})"));  // int is not float
  CHECK_FALSE(Same("1", "1.0"));
  CHECK_FALSE(Same("'1'", "1"));
  CHECK_FALSE(Same("null", "'null'"));
  CHECK(Same("0.1", "0.1000000000001"));
  CHECK_FALSE(Same("0.1", "0.10001"));
  CHECK(Same("NaN", "NaN"));
  CHECK(Same("-0.0", "0.0"));
  CHECK(Same("Inf", "Infinity"));
  CHECK_FALSE(Same("Inf", "-Inf"));
  CHECK_FALSE(Same("[1, 2]", "[2, 1]"));
  CHECK(Same("[1, 2]", "[2, 1]", CompareOptions{true}));
  CHECK(Same("[[1, 2], [3]]", "[[3], [2, 1]]", CompareOptions{true}));
  CHECK_FALSE(Same("[1, 1, 2]", "[1, 2, 2]", CompareOptions{true}));
  CHECK_FALSE(Same("[:T]", "[:U]"));
  CHECK_FALSE(Same("[:T {a: 1}]", "[:T]"));
  CHECK_FALSE(Same("<(:A)-[:T]->(:B)>", "<(:A)<-[:T]-(:B)>"));
  CHECK(Same("<(:A)-[:T]->(:B)>", "<(:A)-[:T]->(:B)>"));
  CHECK_FALSE(Same("{a: 1}", "{a: 1, b: 2}"));
  CHECK_FALSE(Same("[]", "{}"));
}

TEST_CASE("result values are described from the QueryResult", "[tck]") {
  QueryResult r;
  r.nodes[1] = mnemo::NodeView{{"B", "A"}, graph::Map{{"name", graph::Value("x")}}};
  r.nodes[2] = mnemo::NodeView{{}, {}};
  const graph::RelRef rel{10, -1};
  r.relationships[rel] = mnemo::RelationshipView{"T", graph::Map{{"k", graph::Value(int64_t{1})}}, 2, 1};

  CHECK(Equal(FromResult(graph::Value(graph::NodeRef{1}), r), P("(:A:B {name: 'x'})")));
  CHECK(Equal(FromResult(graph::Value(rel), r), P("[:T {k: 1}]")));
  // The relationship goes from node 2 to node 1: walking 1 -> 2 is against it.
  const graph::PathValue back{{graph::NodeRef{1}, graph::NodeRef{2}}, {rel}};
  CHECK(Equal(FromResult(graph::Value(back), r), P("<(:A:B {name: 'x'})<-[:T {k: 1}]-()>")));
  const graph::PathValue fwd{{graph::NodeRef{2}, graph::NodeRef{1}}, {rel}};
  CHECK(Equal(FromResult(graph::Value(fwd), r), P("<()-[:T {k: 1}]->(:A:B {name: 'x'})>")));
  CHECK(Equal(FromResult(graph::Value(graph::List{graph::Value(graph::NodeRef{2}), graph::Value(2.5)}), r),
              P("[(), 2.5]")));
  // An element the result does not describe never matches.
  const TckValue unknown = FromResult(graph::Value(graph::NodeRef{99}), r);
  CHECK(unknown.kind == K::kOther);
  CHECK_FALSE(Equal(unknown, P("()")));
}

TEST_CASE("parameter values convert to graph values", "[tck]") {
  auto v = mnemo::tck::ToGraphValue(P("{a: [1, 2.5, 'x'], b: null}"));
  REQUIRE(v.ok());
  REQUIRE(v->kind() == graph::Value::Kind::kMap);
  CHECK(v->Find("a")->as_list()[1].as_float() == 2.5);
  CHECK(v->Find("b")->is_null());
  CHECK(mnemo::tck::ToGraphValue(P("-1"))->as_int() == -1);
  CHECK_FALSE(mnemo::tck::ToGraphValue(P("(:A)")).ok());
}
