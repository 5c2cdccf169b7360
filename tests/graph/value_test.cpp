#include <catch2/catch.hpp>

#include <cmath>

#include "graph/value.hpp"

using mnemo::graph::Date;
using mnemo::graph::DateTime;
using mnemo::graph::List;
using mnemo::graph::Map;
using mnemo::graph::Value;

TEST_CASE("values report their kind and content", "[value]") {
  CHECK(Value().is_null());
  CHECK(Value(true).as_bool());
  CHECK(Value(int64_t{-7}).as_int() == -7);
  CHECK(Value(2.5).as_float() == 2.5);
  CHECK(Value("text").as_string() == "text");
  CHECK(Value(Date{86400000000}).as_date().micros == 86400000000);
  CHECK(Value(DateTime{5}).as_datetime().micros == 5);
  CHECK(Value(List{1, "a"}).as_list().size() == 2);
  const Value m(Map{{"b", 2}, {"a", 1}});
  REQUIRE(m.kind() == Value::Kind::kMap);
  CHECK(m.as_map().front().first == "a");  // sorted by key
  REQUIRE(m.Find("b") != nullptr);
  CHECK(m.Find("b")->as_int() == 2);
  CHECK(m.Find("c") == nullptr);
}

TEST_CASE("Cypher equality is ternary and numeric across int and float", "[value]") {
  CHECK(Value::Equals(1, 1.0) == std::optional<bool>(true));
  CHECK(Value::Equals(1, 2) == std::optional<bool>(false));
  CHECK_FALSE(Value::Equals(Value(), 1).has_value());
  CHECK_FALSE(Value::Equals(Value(List{1, Value()}), Value(List{1, 2})).has_value());
  CHECK(Value::Equals(Value(List{1, Value()}), Value(List{2, 2})) == std::optional<bool>(false));
  CHECK(Value::Equals("a", 1) == std::optional<bool>(false));
  CHECK(Value::Equals(std::nan(""), std::nan("")) == std::optional<bool>(false));
}

TEST_CASE("orderability puts null last and numbers after strings", "[value]") {
  CHECK(Value::Compare(1, 2) < 0);
  CHECK(Value::Compare(2.5, 2) > 0);
  CHECK(Value::Compare("a", 1) < 0);
  CHECK(Value::Compare(1, Value()) < 0);
  CHECK(Value::Compare(Value(List{1, 2}), Value(List{1, 2, 0})) < 0);
  CHECK_FALSE(Value::CompareComparable("a", 1).has_value());
  CHECK(*Value::CompareComparable("a", "b") < 0);
}

TEST_CASE("equivalent values hash alike", "[value]") {
  CHECK(Value(1).Hash() == Value(1.0).Hash());
  CHECK(Value::Equivalent(Value(), Value()));
  CHECK(Value(List{1, "x"}).Hash() == Value(List{1.0, "x"}).Hash());
}

TEST_CASE("values print as literals", "[value]") {
  CHECK(Value("it's").ToString() == "'it\\'s'");
  CHECK(Value(1.0).ToString() == "1.0");
  CHECK(Value(List{1, Value()}).ToString() == "[1, null]");
  CHECK(Value(Map{{"a", true}}).ToString() == "{a: true}");
  CHECK(Value(Date{0}).ToString() == "1970-01-01");
}

TEST_CASE("graph references are not storable", "[value]") {
  CHECK(Value(List{1, Map{{"a", "b"}}}).IsStorable());
  CHECK_FALSE(Value(mnemo::graph::NodeRef{1}).IsStorable());
  CHECK_FALSE(Value(List{Value(mnemo::graph::RelRef{1, -1})}).IsStorable());
}
