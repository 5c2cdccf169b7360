#include <catch2/catch.hpp>

#include "tests/graph/store_fixture.hpp"

using namespace mnemo::graph;
using mnemo::StatusCode;
using mnemo::testing::StoreFixture;

namespace {
struct SchemaFixture : StoreFixture {
  SchemaFixture() {
    REQUIRE(g.DefineEntity({"Person", {{"name", PropertyType::kText, true}, {"born", PropertyType::kDate, false}}}).ok());
    REQUIRE(g.DefineEntity({"City", {{"name", PropertyType::kText, true}}}).ok());
    REQUIRE(g.DefineRelation({"lives_in", false,
                              {{"resident", "Person", std::nullopt, Cardinality::kOne},
                               {"city", "City", std::nullopt, Cardinality::kOne}},
                              {{"since", PropertyType::kDate, false}},
                              {"resident"}})
                .ok());
    REQUIRE(g.DefineRelation({"Trip", true,
                              {{"traveler", "Person", std::nullopt, Cardinality::kMany},
                               {"destination", "City", std::nullopt, Cardinality::kOne},
                               {"nights", "", PropertyType::kInt, Cardinality::kOne}},
                              {},
                              {}})
                .ok());
  }
};
}  // namespace

TEST_CASE_METHOD(SchemaFixture, "declared entity types need their KEY and typed properties", "[schema]") {
  CHECK(g.AddEntity({{"Person"}, {{"born", Date{0}}}, {}, {}, {}}).status().code() == StatusCode::kSchemaViolation);
  auto wrong_type = g.AddEntity({{"Person"}, {{"name", 42}}, {}, {}, {}});
  CHECK(wrong_type.status().code() == StatusCode::kSchemaViolation);
  CHECK_THAT(wrong_type.status().message(), Catch::Contains("TEXT"));
  CHECK(g.AddEntity({{"Person"}, {{"name", "Ann"}, {"born", "yesterday"}}, {}, {}, {}}).status().code() ==
        StatusCode::kSchemaViolation);
  const Id ann = MakeEntity("Person", "Ann");
  REQUIRE(ann != kNoId);
  auto dup = g.AddEntity({{"Person"}, {{"name", "Ann"}}, {}, {}, {}});
  CHECK(dup.status().code() == StatusCode::kConstraint);
  CHECK_THAT(dup.status().message(), Catch::Contains("already exists"));
  CHECK(g.SetEntityProperty(ann, "name", Value()).code() == StatusCode::kSchemaViolation);
  CHECK(g.SetEntityProperty(ann, "born", 3).code() == StatusCode::kSchemaViolation);
  CHECK(g.SetEntityProperty(ann, "nickname", 3).ok());  // undeclared properties are free
  CHECK(g.counts().entities == 1);
}

TEST_CASE_METHOD(SchemaFixture, "declared relations check roles, entity types and cardinality", "[schema]") {
  const Id ann = MakeEntity("Person", "Ann"), bob = MakeEntity("Person", "Bob");
  const Id berlin = MakeEntity("City", "Berlin");

  CHECK(Fact("lives_in", {{"resident", ann, {}}, {"city", berlin, {}}}).ok());
  auto unknown = Fact("lives_in", {{"resident", ann, {}}, {"town", berlin, {}}});
  CHECK(unknown.status().code() == StatusCode::kSchemaViolation);
  CHECK_THAT(unknown.status().message(), Catch::Contains("no role 'town'"));
  auto wrong_entity = Fact("lives_in", {{"resident", berlin, {}}, {"city", berlin, {}}});
  CHECK(wrong_entity.status().code() == StatusCode::kSchemaViolation);
  CHECK_THAT(wrong_entity.status().message(), Catch::Contains("takes a Person"));
  auto missing = Fact("lives_in", {{"resident", ann, {}}});
  CHECK_THAT(missing.status().message(), Catch::Contains("needs role 'city'"));
  auto two = Fact("lives_in", {{"resident", ann, {}}, {"resident", bob, {}}, {"city", berlin, {}}});
  CHECK(two.status().code() == StatusCode::kSchemaViolation);
  CHECK_THAT(two.status().message(), Catch::Contains("takes one participant"));
  auto value_for_entity = Fact("lives_in", {{"resident", ann, {}}, {"city", kNoId, Value("Berlin")}});
  CHECK(value_for_entity.status().code() == StatusCode::kSchemaViolation);

  // MANY takes several; a value role takes a value of its type.
  CHECK(Fact("Trip", {{"traveler", ann, {}}, {"traveler", bob, {}}, {"destination", berlin, {}}, {"nights", kNoId, 3}})
            .ok());
  CHECK(Fact("Trip", {{"traveler", ann, {}}, {"destination", berlin, {}}, {"nights", kNoId, "three"}})
            .status()
            .code() == StatusCode::kSchemaViolation);
  CHECK(Fact("Trip", {{"traveler", ann, {}}, {"destination", berlin, {}}, {"nights", bob, {}}}).status().code() ==
        StatusCode::kSchemaViolation);

  HyperedgeSpec typed_prop;
  typed_prop.type = "lives_in";
  typed_prop.roles = {{"resident", bob, {}}, {"city", berlin, {}}};
  typed_prop.properties = {{"since", 2020}};
  CHECK(g.AddHyperedge(typed_prop).status().code() == StatusCode::kSchemaViolation);
  CHECK(g.counts().hyperedges == 2);
  CHECK(Degree(bob) == 1);  // failed writes left no incidence behind
}

TEST_CASE_METHOD(SchemaFixture, "bad declarations are refused", "[schema]") {
  CHECK(g.DefineEntity({"Person", {}}).code() == StatusCode::kSchemaViolation);
  CHECK(g.DefineEntity({"Two", {{"a", PropertyType::kText, true}, {"b", PropertyType::kText, true}}}).code() ==
        StatusCode::kSchemaViolation);
  CHECK(g.DefineRelation({"r", false, {{"x", "Nope", std::nullopt, Cardinality::kOne}}, {}, {}}).code() ==
        StatusCode::kSchemaViolation);
  CHECK(g.DefineRelation({"r", false, {{"x", "ANY", std::nullopt, Cardinality::kOne}}, {}, {"y"}}).code() ==
        StatusCode::kSchemaViolation);
  CHECK(g.DefineRelation({"r", false, {{"x", "ANY", std::nullopt, Cardinality::kOne}}, {}, {"x"}}).ok());
}

TEST_CASE_METHOD(StoreFixture, "declaring a KEY checks the entities that exist", "[schema]") {
  MakeEntity("Person", "Ann");
  MakeEntity("Person", "Ann");  // undeclared: `name` is not unique
  CHECK(g.FindByKey("Person", "Ann").size() == 2);
  CHECK(g.DefineEntity({"Person", {{"name", PropertyType::kText, true}}}).code() == StatusCode::kConstraint);
  CHECK(g.schema().FindEntity("Person") == nullptr);
  CHECK(g.FindByKey("Person", "Ann").size() == 2);
}

TEST_CASE("schema type names parse case-insensitively and values fit their types", "[schema]") {
  CHECK(ParsePropertyType("text") == PropertyType::kText);
  CHECK(ParsePropertyType("DateTime") == PropertyType::kDateTime);
  CHECK_FALSE(ParsePropertyType("STRINGY").has_value());
  CHECK(ValueFits(PropertyType::kFloat, 1));
  CHECK_FALSE(ValueFits(PropertyType::kInt, 1.5));
  CHECK(ValueFits(PropertyType::kList, Value(List{1})));
  CHECK(ValueFits(PropertyType::kText, Value()));
}
