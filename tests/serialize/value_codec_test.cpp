#include <catch2/catch.hpp>

#include "serialize/value_codec.hpp"

using mnemo::graph::Date;
using mnemo::graph::DateTime;
using mnemo::graph::List;
using mnemo::graph::Map;
using mnemo::graph::Value;

TEST_CASE("every stored value type round-trips through its Cap'n Proto form", "[serialize][value]") {
  const std::vector<Value> values = {
      Value(),
      Value(true),
      Value(false),
      Value(int64_t{INT64_MIN}),
      Value(int64_t{42}),
      Value(-1.5e3),
      Value(""),
      Value("Caroline: I moved to Berlin \xE2\x9C\x88"),
      Value(Date{19485 * 86400000000LL}),
      Value(DateTime{1683554160000000LL}),
      Value(List{}),
      Value(List{1, "a", Value(), List{2.5}}),
      Value(Map{{"name", "Ann"}, {"age", 3}, {"tags", List{"x"}}, {"nested", Map{{"k", false}}}}),
  };
  for (const Value& v : values) {
    INFO(v.ToString());
    auto bytes = mnemo::serialize::EncodeValue(v);
    REQUIRE(bytes.ok());
    auto back = mnemo::serialize::DecodeValue(*bytes);
    REQUIRE(back.ok());
    CHECK(back->kind() == v.kind());
    CHECK(Value::Equivalent(*back, v));
  }
}

TEST_CASE("graph references have no stored form and garbage does not decode", "[serialize][value]") {
  CHECK(mnemo::serialize::EncodeValue(Value(mnemo::graph::NodeRef{3})).status().code() ==
        mnemo::StatusCode::kInvalidArgument);
  CHECK(mnemo::serialize::DecodeValue("abc").status().code() == mnemo::StatusCode::kCorruption);
  CHECK(mnemo::serialize::DecodeValue(std::string(16, '\xff')).status().code() == mnemo::StatusCode::kCorruption);
}
