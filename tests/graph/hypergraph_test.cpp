#include <catch2/catch.hpp>

#include "tests/graph/store_fixture.hpp"

using namespace mnemo::graph;
using mnemo::StatusCode;
using mnemo::testing::StoreFixture;

TEST_CASE_METHOD(StoreFixture, "entities are found by id, by type and by key", "[store]") {
  auto id = g.AddEntity({{"Person", "Agent"}, {{"name", "Caroline"}, {"age", 31}}, {"Caro"}, {}, {}});
  REQUIRE(id.ok());
  const Entity* e = g.entity(*id);
  REQUIRE(e != nullptr);
  CHECK(e->types.size() == 2);
  CHECK(e->HasType(Sym("Agent")));
  CHECK(e->aliases == std::vector<std::string>{"Caro"});
  CHECK(e->time.recorded_at >= 1'000'000);
  CHECK(e->time.valid_from == e->time.recorded_at);
  CHECK(e->time.valid_to == mnemo::temporal::kForever);
  CHECK(e->time.retracted_at == mnemo::temporal::kForever);
  CHECK(g.KindOf(*id) == RecordKind::kEntity);
  CHECK(g.FindByKey("Person", "Caroline") == std::vector<Id>{*id});
  CHECK(g.FindByKey("Agent", "Caroline") == std::vector<Id>{*id});
  CHECK(g.FindByKey("Person", "Melanie").empty());
  CHECK(g.EntitiesOfType("Person") == std::vector<Id>{*id});
  REQUIRE(g.EntityProperty(*id, "age") != nullptr);
  CHECK(g.EntityProperty(*id, "age")->as_int() == 31);
}

TEST_CASE_METHOD(StoreFixture, "ids are stable, distinct across kinds and never reused", "[store]") {
  const Id a = MakeEntity("Person", "A");
  auto ep = g.AddEpisode({"hello", {}, a, "s1", "chat", 0.5, {}, {}});
  REQUIRE(ep.ok());
  auto f = Fact("likes", {{"who", a, {}}});
  REQUIRE(f.ok());
  CHECK(a < *ep);
  CHECK(*ep < *f);
  CHECK(g.KindOf(*ep) == RecordKind::kEpisode);
  CHECK(g.KindOf(*f) == RecordKind::kHyperedge);
  REQUIRE(g.RemoveHyperedge(*f).ok());
  const Id b = MakeEntity("Person", "B");
  CHECK(b > *f);
}

TEST_CASE_METHOD(StoreFixture, "episodes keep text, time, speaker, session, source and trust", "[store]") {
  const Id caroline = MakeEntity("Person", "Caroline");
  EpisodeSpec spec{"I moved to Berlin", 42, caroline, "session-1", "chat", 0.9, {caroline}, {0.1f, 0.2f}};
  auto id = g.AddEpisode(spec);
  REQUIRE(id.ok());
  const Episode* ep = g.episode(*id);
  REQUIRE(ep != nullptr);
  CHECK(ep->text == "I moved to Berlin");
  CHECK(ep->time == 42);
  CHECK(ep->speaker == caroline);
  CHECK(g.names().Text(ep->session) == "session-1");
  CHECK(g.names().Text(ep->source) == "chat");
  CHECK(ep->trust == Approx(0.9));
  CHECK(ep->about == std::vector<Id>{caroline});
  CHECK(ep->embedding.size() == 2);
  CHECK(g.AddEpisode({"x", {}, kNoId, "", "", 1.5, {}, {}}).status().code() == StatusCode::kInvalidArgument);
  CHECK(g.AddEpisode({"x", {}, 999, "", "", 1, {}, {}}).status().code() == StatusCode::kNotFound);
}

TEST_CASE_METHOD(StoreFixture, "hyperedges of arity 1, 2 and 5 are reachable through incidence", "[store]") {
  Id p[5];
  for (int i = 0; i < 5; ++i) p[i] = MakeEntity("Person", "p" + std::to_string(i));

  auto unary = Fact("sleeps", {{"who", p[0], {}}});
  auto binary = Fact("knows", {{"a", p[0], {}}, {"b", p[1], {}}});
  auto five = Fact("Meeting", {{"host", p[0], {}},
                               {"guest", p[1], {}},
                               {"guest", p[2], {}},
                               {"guest", p[3], {}},
                               {"scribe", p[4], {}},
                               {"topic", kNoId, Value("budget")}});
  REQUIRE(unary.ok());
  REQUIRE(binary.ok());
  REQUIRE(five.ok());
  CHECK(g.hyperedge(*five)->roles.size() == 6);
  CHECK(g.hyperedge(*five)->EntityArity() == 5);
  CHECK(g.hyperedge(*five)->roles.back().value.as_string() == "budget");

  CHECK(Degree(p[0]) == 3);
  CHECK(Degree(p[0], "knows") == 1);
  CHECK(Degree(p[0], "Meeting", "host") == 1);
  CHECK(Degree(p[0], "Meeting", "guest") == 0);
  CHECK(Degree(p[2], "Meeting", "guest") == 1);
  CHECK(Degree(p[4], "", "scribe") == 1);
  CHECK(g.HyperedgesOfType("Meeting") == std::vector<Id>{*five});

  std::vector<Id> edges;
  g.ForEachIncidence(p[1], kNoSymbol, kNoSymbol, [&](const Incidence& inc) { edges.push_back(inc.edge); });
  CHECK(edges == std::vector<Id>{*binary, *five});
}

TEST_CASE_METHOD(StoreFixture, "an entity bound in two roles of one fact has two incidence lines", "[store]") {
  const Id a = MakeEntity("Person", "A");
  auto self = Fact("knows", {{"a", a, {}}, {"b", a, {}}});
  REQUIRE(self.ok());
  CHECK(Degree(a) == 2);
  REQUIRE(g.RemoveHyperedge(*self).ok());
  CHECK(Degree(a) == 0);
}

TEST_CASE_METHOD(StoreFixture, "removal leaves no dangling incidence", "[store]") {
  const Id a = MakeEntity("Person", "A"), b = MakeEntity("Person", "B"), c = MakeEntity("Person", "C");
  auto ab = Fact("knows", {{"a", a, {}}, {"b", b, {}}});
  auto abc = Fact("Trip", {{"traveler", a, {}}, {"traveler", b, {}}, {"traveler", c, {}}});
  REQUIRE(ab.ok());
  REQUIRE(abc.ok());

  CHECK(g.RemoveEntity(a, /*detach=*/false).code() == StatusCode::kConstraint);
  CHECK(g.entity(a) != nullptr);

  REQUIRE(g.RemoveEntity(a, /*detach=*/true).ok());
  CHECK(g.entity(a) == nullptr);
  CHECK(g.hyperedge(*ab) == nullptr);
  CHECK(g.hyperedge(*abc) == nullptr);
  CHECK(Degree(b) == 0);
  CHECK(Degree(c) == 0);
  CHECK(g.FindByKey("Person", "A").empty());
  CHECK(g.EntitiesOfType("Person") == std::vector<Id>{b, c});
  CHECK(g.HyperedgesOfType("knows").empty());
  for (const auto& [id, e] : g.entities())
    for (const auto& inc : e.incidence) CHECK(g.hyperedge(inc.edge) != nullptr);
  CHECK(g.RemoveEntity(a, true).code() == StatusCode::kNotFound);
}

TEST_CASE_METHOD(StoreFixture, "properties, types and keys follow updates", "[store]") {
  const Id a = MakeEntity("Person", "Ann");
  REQUIRE(g.SetEntityProperty(a, "name", "Anna").ok());
  CHECK(g.FindByKey("Person", "Ann").empty());
  CHECK(g.FindByKey("Person", "Anna") == std::vector<Id>{a});
  REQUIRE(g.SetEntityProperty(a, "name", Value()).ok());
  CHECK(g.FindByKey("Person", "Anna").empty());
  CHECK(g.EntityProperty(a, "name") == nullptr);
  REQUIRE(g.AddEntityType(a, "Agent").ok());
  CHECK(g.EntitiesOfType("Agent") == std::vector<Id>{a});
  REQUIRE(g.RemoveEntityType(a, "Person").ok());
  CHECK(g.EntitiesOfType("Person").empty());
  CHECK(g.SetEntityProperty(a, "ref", Value(NodeRef{a})).code() == StatusCode::kTypeError);
  CHECK(g.SetEntityProperty(777, "x", 1).code() == StatusCode::kNotFound);
}

TEST_CASE_METHOD(StoreFixture, "rollback undoes a group of writes, ids included", "[store]") {
  const Id a = MakeEntity("Person", "A");
  const Id b = MakeEntity("Person", "B");
  auto ab = Fact("knows", {{"a", a, {}}, {"b", b, {}}});
  REQUIRE(ab.ok());
  const Id next = g.next_id();
  const auto before = g.counts();

  g.Begin();
  const Id c = MakeEntity("Person", "C");
  REQUIRE(Fact("knows", {{"a", a, {}}, {"b", c, {}}}).ok());
  REQUIRE(g.SetEntityProperty(a, "name", "A2").ok());
  REQUIRE(g.AddEntityType(b, "Agent").ok());
  REQUIRE(g.RemoveEntity(b, true).ok());
  REQUIRE(g.AddEpisode({"e", {}, kNoId, "", "", 1, {}, {}}).ok());
  g.Rollback();

  CHECK(g.next_id() == next);
  CHECK(g.counts().entities == before.entities);
  CHECK(g.counts().hyperedges == before.hyperedges);
  CHECK(g.counts().episodes == 0);
  CHECK(g.entity(c) == nullptr);
  CHECK(g.EntityProperty(a, "name")->as_string() == "A");
  CHECK(g.FindByKey("Person", "A") == std::vector<Id>{a});
  CHECK(g.FindByKey("Person", "A2").empty());
  CHECK(g.entity(b) != nullptr);
  CHECK_FALSE(g.entity(b)->HasType(Sym("Agent")));
  CHECK(g.EntitiesOfType("Agent").empty());
  CHECK(Degree(a) == 1);
  CHECK(Degree(b) == 1);
  CHECK(g.hyperedge(*ab) != nullptr);
}
