// RecallVisibility answers, from its table, exactly what the store answers
// for a read at one instant on both axes — through supersession, future
// and ended valid times, retraction, forgetting, restoring and purging,
// with the table kept up to date group by group as the Database keeps it.
#include <catch2/catch.hpp>

#include <set>

#include "engine/graph_view.hpp"
#include "engine/mnemo.hpp"
#include "engine/recall_index.hpp"

using namespace mnemo;
using engine::RecallVisibility;
using graph::Id;
using temporal::Timestamp;

namespace {

// What RecallFilter asks the store (no minimum trust).
bool StoreVisible(const graph::Hypergraph& g, Id id, Timestamp t) {
  const engine::GraphView view(g, t, t);
  if (const graph::Episode* ep = g.episode(id))
    return !ep->forgotten && ep->time <= t && ep->timeline.transaction().Contains(t);
  if (const graph::Hyperedge* h = g.hyperedge(id)) return view.HyperedgeVisible(*h);
  if (const graph::Entity* e = g.entity(id)) return view.EntityVisible(*e);
  return false;
}

// Every instant where some record's visibility may change, and its neighbours.
std::set<Timestamp> Instants(const graph::Hypergraph& g) {
  std::set<Timestamp> out;
  auto add = [&](Timestamp t) {
    if (t == temporal::kForever || t == temporal::kBeginningOfTime) return;
    for (Timestamp d : {-1, 0, 1}) out.insert(t + d);
  };
  auto add_time = [&](const temporal::Bitemporal& b) {
    for (Timestamp t : {b.valid_from, b.valid_to, b.recorded_at, b.retracted_at, b.closed_at, b.valid_to_before_close})
      add(t);
  };
  for (const auto& [id, e] : g.entities()) add_time(e.time);
  for (const auto& [id, h] : g.hyperedges()) add_time(h.time);
  for (const auto& [id, ep] : g.episodes()) {
    add(ep.time);
    add(ep.timeline.transaction().from);
    add(ep.timeline.transaction().to);
  }
  return out;
}

// Compares the table with the store at every instant; counts the answers
// the table gave (so that the test can require it to answer most of them).
size_t CheckAgreement(const graph::Hypergraph& g, const engine::RecallIndex& index) {
  size_t answered = 0;
  const std::set<Timestamp> instants = Instants(g);
  std::vector<Id> ids;
  for (const auto& [id, e] : g.entities()) ids.push_back(id);
  for (const auto& [id, h] : g.hyperedges()) ids.push_back(id);
  for (const auto& [id, ep] : g.episodes()) ids.push_back(id);
  for (Id id : ids)
    for (Timestamp t : instants) {
      const RecallVisibility::Answer a = index.visibility().Lookup(id, t);
      if (a == RecallVisibility::Answer::kUnknown) continue;
      ++answered;
      INFO("record " << id << " at " << t);
      CHECK((a == RecallVisibility::Answer::kVisible) == StoreVisible(g, id, t));
    }
  return answered;
}

}  // namespace

TEST_CASE("the recall visibility table agrees with the store at every instant", "[recall]") {
  temporal::ManualClock clock{1'700'000'000'000'000};
  Options o;
  o.clock = &clock;
  o.exact_vectors = true;
  auto db = std::move(Database::Open(o).value());
  Connection conn = db->Connect();
  // A second index kept up to date group by group, as the Database keeps its own.
  engine::RecallIndex index(nullptr, /*exact=*/true);
  auto run = [&](const std::string& q) {
    INFO(q);
    auto r = conn.Query(q);
    REQUIRE(r.ok());
    conn.Read([&](const graph::Hypergraph& g) {
      index.Apply(g, g.changes());
      return 0;
    });
    return r->rows.empty() || r->rows[0].empty() ? Id{0} : static_cast<Id>(r->rows[0][0].as_int());
  };
  run("DEFINE ENTITY Person (name TEXT KEY)");
  run("DEFINE ENTITY City (name TEXT KEY)");
  run("DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident)");
  run("DEFINE RELATION knows (a: Person, b: Person)");
  run("ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') VALID FROM 2020-01-01");
  run("ASSERT lives_in(resident: Person 'Ann', city: City 'Paris') VALID FROM 2022-01-01");  // supersedes
  run("ASSERT lives_in(resident: Person 'Ann', city: City 'Rome') VALID FROM 2021-01-01");   // out of order
  run("ASSERT lives_in(resident: Person 'Bob', city: City 'Oslo') VALID FROM 2030-01-01");   // future
  run("ASSERT lives_in(resident: Person 'Cy', city: City 'Lima') VALID FROM 2019-01-01 VALID UNTIL 2021-06-01");
  run("ASSERT knows(a: Person 'Ann', b: Person 'Bob')");
  const Id dee_knows = run("ASSERT knows(a: Person 'Dee', b: Person 'Cy')");
  run("ASSERT knows(a: Person 'Eve', b: Person 'Cy')");
  run("OBSERVE 'Ann: hello' AT 2023-05-08T13:00:00Z BY Person 'Ann' IN 's1'");
  run("OBSERVE 'Bob: from the future' AT 2031-01-01 BY Person 'Bob' IN 's1'");
  const Id forgotten_episode = run("OBSERVE 'Cy: forget me' AT 2023-05-09 BY Person 'Cy' IN 's2'");
  run("RETRACT knows(a: Person 'Ann', b: Person 'Bob')");
  run("FORGET " + std::to_string(forgotten_episode));
  // Forgetting an entity hides the facts that bind it; restoring shows them again.
  const Id dee = run("MATCH (p:Person {name: 'Dee'}) RETURN id(p)");
  const Id eve = run("MATCH (p:Person {name: 'Eve'}) RETURN id(p)");
  run("FORGET " + std::to_string(dee));
  run("FORGET " + std::to_string(eve));
  run("RESTORE " + std::to_string(eve));

  size_t answered = 0;
  conn.Read([&](const graph::Hypergraph& g) {
    answered = CheckAgreement(g, index);
    // The table answers "now" for the records the store keeps most often.
    const Timestamp now = clock.Now();
    CHECK(index.visibility().Lookup(dee_knows, now) == RecallVisibility::Answer::kHidden);
    CHECK(StoreVisible(g, dee_knows, now) == false);
    // A full rebuild gives the same table.
    engine::RecallIndex rebuilt(nullptr, true);
    rebuilt.Rebuild(g);
    CHECK(CheckAgreement(g, rebuilt) == answered);
    return 0;
  });
  CHECK(answered > 100);
}
