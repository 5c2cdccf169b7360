// CONSOLIDATE IMPORTANCE: PageRank over the incidence graph, as an entity property.
#include "tests/engine/consolidate_fixture.hpp"

using namespace mnemo;
using graph::Id;

namespace {

// A star (a hub linked to six leaves) beside a three-entity chain.
struct Star : testing::ConsolidateFixture {
  Star() {
    Run("DEFINE ENTITY Person (name TEXT KEY)");
    for (int i = 1; i <= 6; ++i) Run("ASSERT knows(a: Person 'Hub', b: Person 'Leaf" + std::to_string(i) + "')");
    Run("ASSERT knows(a: Person 'X', b: Person 'Y')");
    Run("ASSERT knows(a: Person 'Y', b: Person 'Z')");
  }
  double Importance(const std::string& name) {
    return Run("MATCH (p:Person {name: '" + name + "'}) RETURN p.importance").rows.at(0).at(0).as_number();
  }
};

}  // namespace

TEST_CASE_METHOD(Star, "IMPORTANCE: a star's centre is the most important entity", "[consolidate]") {
  const QueryResult r = Run("CONSOLIDATE IMPORTANCE");
  REQUIRE(r.columns == std::vector<std::string>{"entities", "changed", "top"});
  CHECK(r.rows[0][0].as_int() == 10);
  CHECK(r.rows[0][1].as_int() == 10);
  CHECK(r.rows[0][2].as_list().at(0).as_string() == "Hub");
  CHECK(Importance("Hub") == 1.0);
  for (int i = 1; i <= 6; ++i) CHECK(Importance("Leaf" + std::to_string(i)) < Importance("Hub"));
  CHECK(Importance("Y") > Importance("X"));  // the middle of the chain
  CHECK(Importance("Leaf1") == Importance("Leaf6"));
  CHECK(Importance("X") > 0);
}

TEST_CASE_METHOD(Star, "IMPORTANCE twice changes nothing; new facts change it", "[consolidate]") {
  Run("CONSOLIDATE IMPORTANCE");
  const QueryResult again = Run("CONSOLIDATE IMPORTANCE");
  CHECK(again.rows[0][1].as_int() == 0);
  CHECK(again.stats.empty());
  CHECK(LastChangedNothing());
  // Topics are derived: COMMUNITIES does not change importance.
  Run("CONSOLIDATE COMMUNITIES");
  CHECK(Run("CONSOLIDATE IMPORTANCE").rows[0][1].as_int() == 0);
  // A new hub overtakes: values change, each as a new property version.
  for (int i = 1; i <= 9; ++i) Run("ASSERT knows(a: Person 'Z', b: Person 'New" + std::to_string(i) + "')");
  const QueryResult changed = Run("CONSOLIDATE IMPORTANCE");
  CHECK(changed.rows[0][1].as_int() > 0);
  CHECK(changed.rows[0][2].as_list().at(0).as_string() == "Z");
  CHECK(Importance("Z") == 1.0);
}

TEST_CASE_METHOD(Star, "RECALL weighs entities by their importance", "[consolidate][recall]") {
  // 'leaf1' is the rarer word: by keyword alone Leaf1 ranks above the hub.
  const std::string query = "RECALL 'Hub Leaf1' KINDS entity USING keyword TOP 2";
  QueryResult r = Run(query);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0][2].as_string().rfind("Leaf1", 0) == 0);
  // Once importance is known, the far more central hub comes first.
  Run("CONSOLIDATE IMPORTANCE");
  r = Run(query);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0][2].as_string().rfind("Hub", 0) == 0);
}
