// The change set of a write group, and rebuilding a store from whole
// records (the path snapshot load and log replay take).
#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/graph/store_fixture.hpp"

using mnemo::graph::Id;
using mnemo::graph::Value;
using mnemo::testing::StoreFixture;

namespace {
bool Has(const std::vector<Id>& ids, Id id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }
}  // namespace

TEST_CASE_METHOD(StoreFixture, "a group's change set lists every record it touched, once", "[store][changes]") {
  const Id ann = MakeEntity("Person", "Ann");
  const Id berlin = MakeEntity("City", "Berlin");
  CHECK(g.changes().empty());  // writes outside a group are not recorded

  g.Begin();
  auto fact = Fact("lives_in", {{"resident", ann, {}}, {"city", berlin, {}}});
  REQUIRE(fact.ok());
  REQUIRE(g.SetEntityProperty(ann, "age", Value(int64_t{30})).ok());
  REQUIRE(g.SetEntityProperty(ann, "age", Value(int64_t{31})).ok());
  g.Commit();
  CHECK(g.changes().records == std::vector<Id>{*fact, ann});
  CHECK_FALSE(g.changes().schema);

  g.Begin();
  REQUIRE(g.DefineEntity({"Robot", {}}).ok());
  REQUIRE(g.Purge(berlin, 5).ok());
  g.Commit();
  CHECK(g.changes().schema);
  CHECK(Has(g.changes().records, berlin));
  CHECK(Has(g.changes().records, *fact));  // removed with its entity
  CHECK(g.tombstones().size() - g.changes().tombstones_before == 1);

  g.Begin();
  REQUIRE(g.SetForgotten(ann, true).ok());
  g.Rollback();
  CHECK(g.changes().empty());
}

TEST_CASE_METHOD(StoreFixture, "a store rebuilt from its records has the same incidence, types and keys",
                 "[store][changes]") {
  REQUIRE(g.DefineEntity({"Person", {{"name", mnemo::graph::PropertyType::kText, true}}}).ok());
  const Id ann = MakeEntity("Person", "Ann");
  const Id bob = MakeEntity("Person", "Bob");
  const Id berlin = MakeEntity("City", "Berlin");
  const Id paris = MakeEntity("City", "Paris");
  auto old_home = Fact("lives_in", {{"resident", ann, {}}, {"city", berlin, {}}});
  auto new_home = Fact("lives_in", {{"resident", ann, {}}, {"city", paris, {}}});
  auto friends = Fact("knows", {{"a", ann, {}}, {"b", bob, {}}});
  REQUIRE((old_home.ok() && new_home.ok() && friends.ok()));
  const auto t = clock.Now();
  REQUIRE(g.CloseHyperedge(*old_home, t, *new_home, t).ok());
  REQUIRE(g.RetractHyperedge(*friends, t).ok());

  mnemo::temporal::ManualClock other_clock{0};
  mnemo::graph::Hypergraph copy(&other_clock);
  auto remap = [&](mnemo::graph::Symbol s) { return copy.names().Intern(g.names().Text(s)); };
  copy.PutSchema(g.schema());
  for (const auto& [id, e] : g.entities()) {
    auto c = e;
    for (auto& t : c.types) t = remap(t);
    mnemo::graph::PropertyMap props;
    for (const auto& [k, v] : e.properties.entries()) props.Set(remap(k), v);
    c.properties = std::move(props);
    copy.PutEntity(std::move(c));
  }
  for (const auto& [id, h] : g.hyperedges()) {
    auto c = h;
    c.type = remap(c.type);
    for (auto& r : c.roles) r.role = remap(r.role);
    REQUIRE(copy.PutHyperedge(std::move(c)).ok());
  }
  CHECK(copy.next_id() == g.next_id());
  CHECK(copy.FindByKey("Person", Value("Bob")) == std::vector<Id>{bob});
  CHECK(copy.EntitiesOfType("City").size() == 2);
  CHECK(copy.entity(ann)->incidence.size() == g.entity(ann)->incidence.size());
  CHECK(copy.entity(ann)->past_incidence.size() == g.entity(ann)->past_incidence.size());
  CHECK(copy.entity(ann)->incidence.size() == 1);       // the current home
  CHECK(copy.entity(ann)->past_incidence.size() == 2);  // the superseded home, the retracted friendship
  // A declared KEY still holds in the copy.
  mnemo::graph::EntitySpec dup{{"Person"}, {{"name", Value("Ann")}}, {}, {}, {}};
  CHECK(copy.AddEntity(dup).status().code() == mnemo::StatusCode::kConstraint);

  copy.EraseRecord(*new_home);
  CHECK(copy.entity(paris)->degree() == 0);
  CHECK(copy.entity(ann)->incidence.empty());
  auto dangling = *g.hyperedge(*friends);
  dangling.id = 999;
  dangling.roles[0].entity = 12345;
  CHECK(copy.PutHyperedge(dangling).code() == mnemo::StatusCode::kNotFound);
}
