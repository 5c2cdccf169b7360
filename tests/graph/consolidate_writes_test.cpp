// The store writes that MERGE ENTITY and COMMUNITIES use: RebindRole,
// RemoveAlias, SetEpisodeEntities, RetractEntity — each journaled (a
// rollback restores the store exactly) and listed in the change set.
#include <catch2/catch.hpp>

#include "tests/graph/store_fixture.hpp"

using mnemo::graph::Id;
using mnemo::graph::Value;
using mnemo::testing::StoreFixture;

namespace {

// The links the writes change, as text.
std::string Links(const mnemo::graph::Hypergraph& g) {
  std::string out;
  for (const auto& [id, e] : g.entities()) {
    out += std::to_string(id) + ":";
    for (const auto& inc : e.incidence) out += std::to_string(inc.edge) + ",";
    out += "/";
    for (const auto& inc : e.past_incidence) out += std::to_string(inc.edge) + ",";
    for (const auto& a : e.aliases) out += a + ",";
    out += std::to_string(e.time.retracted_at) + ";";
  }
  for (const auto& [id, h] : g.hyperedges())
    for (const auto& r : h.roles) out += std::to_string(r.entity) + ",";
  for (const auto& [id, ep] : g.episodes()) {
    out += std::to_string(ep.speaker) + ">";
    for (Id a : ep.about) out += std::to_string(a) + ",";
  }
  return out;
}

}  // namespace

TEST_CASE_METHOD(StoreFixture, "consolidation writes are journaled and listed in the change set",
                 "[store][changes][consolidate]") {
  const Id ann = MakeEntity("Person", "Ann");
  const Id nyc = MakeEntity("City", "NYC");
  const Id full = MakeEntity("City", "New York City");
  const Id old_fact = *Fact("lives_in", {{"resident", ann, {}}, {"city", nyc, {}}});
  const Id new_fact = *Fact("visited", {{"who", ann, {}}, {"city", nyc, {}}});
  REQUIRE(g.RetractHyperedge(old_fact, 5).ok());  // its lines are past
  REQUIRE(g.AddAlias(full, "Big Apple").ok());
  mnemo::graph::EpisodeSpec spec;
  spec.text = "Ann in NYC";
  spec.speaker = ann;
  spec.about = {nyc};
  const Id episode = *g.AddEpisode(spec);
  const std::string before = Links(g);

  g.Begin();
  REQUIRE(g.RebindRole(old_fact, 1, full).ok());
  REQUIRE(g.RebindRole(new_fact, 1, full).ok());
  REQUIRE(g.RemoveAlias(full, "Big Apple").ok());
  REQUIRE(g.RemoveAlias(full, "absent").ok());  // no-op
  REQUIRE(g.SetEpisodeEntities(episode, ann, {full}).ok());
  REQUIRE(g.RetractEntity(nyc, 9).ok());
  CHECK(g.RetractEntity(nyc, 10).code() == mnemo::StatusCode::kInvalidArgument);
  // The lines moved on their side: the retracted fact's stays past.
  CHECK(g.entity(full)->past_incidence.size() == 1);
  CHECK(g.entity(full)->incidence.size() == 1);
  CHECK(g.entity(nyc)->degree() == 0);
  CHECK(g.hyperedge(old_fact)->roles[1].entity == full);
  CHECK(g.entity(nyc)->time.retracted_at == 9);
  const auto changed = g.changes().records;
  for (Id id : {old_fact, new_fact, full, episode, nyc})
    CHECK(std::find(changed.begin(), changed.end(), id) != changed.end());
  g.Rollback();
  CHECK(Links(g) == before);

  // Errors change nothing.
  CHECK(g.RebindRole(new_fact, 5, full).code() == mnemo::StatusCode::kInvalidArgument);
  CHECK(g.RebindRole(new_fact, 1, 999).code() == mnemo::StatusCode::kNotFound);
  CHECK(g.SetEpisodeEntities(episode, 999, {}).code() == mnemo::StatusCode::kNotFound);
  CHECK(Links(g) == before);
}

TEST_CASE_METHOD(StoreFixture, "RebindRole respects a declared role's entity type", "[store][consolidate]") {
  REQUIRE(g.DefineEntity({"Person", {}}).ok());
  REQUIRE(g.DefineEntity({"City", {}}).ok());
  mnemo::graph::RelationTypeDef def;
  def.name = "lives_in";
  def.roles = {{"resident", "Person", {}, mnemo::graph::Cardinality::kOne},
               {"city", "City", {}, mnemo::graph::Cardinality::kOne}};
  REQUIRE(g.DefineRelation(def).ok());
  const Id ann = MakeEntity("Person", "Ann");
  const Id bob = MakeEntity("Person", "Bob");
  const Id paris = MakeEntity("City", "Paris");
  const Id fact = *Fact("lives_in", {{"resident", ann, {}}, {"city", paris, {}}});
  CHECK(g.RebindRole(fact, 1, bob).code() == mnemo::StatusCode::kSchemaViolation);
  CHECK(g.RebindRole(fact, 0, bob).ok());
  CHECK(Degree(bob) == 1);
  CHECK(Degree(ann) == 0);
}
