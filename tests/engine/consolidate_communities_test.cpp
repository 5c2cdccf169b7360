// CONSOLIDATE COMMUNITIES: topics from Leiden over entity co-occurrence.
#include <atomic>
#include <thread>

#include "tests/engine/consolidate_fixture.hpp"

using namespace mnemo;
using graph::Id;

namespace {

// Two cliques of four people (knows facts), one weak link between them, and
// episodes about pairs inside each clique.
struct TwoGroups : testing::ConsolidateFixture {
  TwoGroups() {
    Run("DEFINE ENTITY Person (name TEXT KEY)");
    for (const char* group : {"A", "B"})
      for (int i = 1; i <= 4; ++i)
        for (int j = i + 1; j <= 4; ++j)
          Run(std::string("ASSERT knows(a: Person '") + group + std::to_string(i) + "', b: Person '" + group +
              std::to_string(j) + "')");
    Run("ASSERT knows(a: Person 'A1', b: Person 'B1')");
    Run("OBSERVE 'A1 and A2 went hiking' BY Person 'A1' ABOUT Person 'A2'");
    Run("OBSERVE 'B3 cooked for B4' BY Person 'B3' ABOUT Person 'B4'");
    Run("OBSERVE 'A1 talked to nobody'  BY Person 'A1'");
  }
  // topic name -> members, from the in_topic facts.
  std::set<std::string> Members(const std::string& member) {
    return Set("MATCH (p:Person {name: '" + member +
               "'})-[:in_topic]->(t:Topic) MATCH (q:Person)-[:in_topic]->(t) RETURN q.name");
  }
};

const std::set<std::string> kA{"A1", "A2", "A3", "A4"}, kB{"B1", "B2", "B3", "B4"};

}  // namespace

TEST_CASE_METHOD(TwoGroups, "COMMUNITIES finds two obvious communities", "[consolidate]") {
  const QueryResult r = Run("CONSOLIDATE COMMUNITIES");
  REQUIRE(r.columns == std::vector<std::string>{"topic", "name", "status", "members", "episodes", "top"});
  REQUIRE(r.rows.size() == 2);
  for (const auto& row : r.rows) {
    CHECK(row[2].as_string() == "new");
    CHECK(row[3].as_int() == 4);
  }
  CHECK(Members("A2") == kA);
  CHECK(Members("B2") == kB);
  CHECK(Set("MATCH (t:Topic) RETURN t.members") == std::set<std::string>{"4"});
  CHECK(r.stats.nodes_created == 2);
  CHECK(r.stats.facts_created == 8);
  CHECK_FALSE(r.notices.empty());

  // The episodes linking two members support the topic: listed on their
  // in_topic facts, counted on the topic.
  CHECK(Single("MATCH (p:Person {name: 'A1'})-[m:in_topic]->(t:Topic) RETURN t.episodes") == 1);
  const Id hiking = Single("MATCH (p:Person {name: 'A1'})-[m:in_topic]->(t:Topic) RETURN m.episodes[0]");
  CHECK(Column("MATCH (p:Person {name: 'A2'})-[m:in_topic]->() RETURN m.episodes") ==
        std::vector<std::string>{"[" + std::to_string(hiking) + "]"});
  CHECK(Column("MATCH (p:Person {name: 'A3'})-[m:in_topic]->() RETURN m.episodes") == std::vector<std::string>{"[]"});
}

TEST_CASE_METHOD(TwoGroups, "COMMUNITIES twice changes nothing the second time", "[consolidate]") {
  Run("CONSOLIDATE COMMUNITIES");
  const auto before = Column("MATCH (t:Topic) RETURN id(t) ORDER BY id(t)");
  const QueryResult again = Run("CONSOLIDATE COMMUNITIES");
  CHECK(LastChangedNothing());
  CHECK(again.stats.empty());
  for (const auto& row : again.rows) CHECK(row[2].as_string() == "kept");
  CHECK(Column("MATCH (t:Topic) RETURN id(t) ORDER BY id(t)") == before);
  CHECK(Set("MATCH ()-[r:in_topic]->() RETURN count(r)") == std::set<std::string>{"8"});
}

TEST_CASE("COMMUNITIES is deterministic given a seed", "[consolidate]") {
  auto topics = [](const std::string& statement) {
    TwoGroups m;
    m.Run(statement);
    return m.Column("MATCH (t:Topic) RETURN t.name ORDER BY t.name");
  };
  CHECK(topics("CONSOLIDATE COMMUNITIES SEED 7") == topics("CONSOLIDATE COMMUNITIES SEED 7"));
  CHECK(topics("CONSOLIDATE COMMUNITIES") == topics("CONSOLIDATE COMMUNITIES SEED 42"));
}

TEST_CASE_METHOD(TwoGroups, "re-running COMMUNITIES replaces topics instead of duplicating them", "[consolidate]") {
  Run("CONSOLIDATE COMMUNITIES");
  const Id topic_a = Single("MATCH (p:Person {name: 'A1'})-[:in_topic]->(t:Topic) RETURN id(t)");
  const Id topic_b = Single("MATCH (p:Person {name: 'B1'})-[:in_topic]->(t:Topic) RETURN id(t)");
  const temporal::Timestamp first_run = clock.Now();

  // A newcomer joins the A group: the A topic continues with one more member.
  for (const char* a : {"A1", "A2", "A3"}) Run(std::string("ASSERT knows(a: Person 'A5', b: Person '") + a + "')");
  QueryResult r = Run("CONSOLIDATE COMMUNITIES");
  CHECK(Single("MATCH (t:Topic) RETURN count(t)") == 2);
  CHECK(Single("MATCH (p:Person {name: 'A5'})-[:in_topic]->(t:Topic) RETURN id(t)") == topic_a);
  CHECK(Single("MATCH (p:Person {name: 'B1'})-[:in_topic]->(t:Topic) RETURN id(t)") == topic_b);
  CHECK(r.rows[0][2].as_string() == "changed");
  CHECK(r.rows[0][3].as_int() == 5);

  // The B group is forgotten: its topic is superseded (retracted), still
  // visible to a read KNOWN AT the earlier time.
  for (const char* b : {"B1", "B2", "B3", "B4"})
    Run("FORGET " + std::to_string(Single(std::string("MATCH (p:Person {name: '") + b + "'}) RETURN id(p)")));
  r = Run("CONSOLIDATE COMMUNITIES");
  CHECK(Single("MATCH (t:Topic) RETURN count(t)") == 1);
  CHECK(Single("MATCH (t:Topic) RETURN count(t) KNOWN AT " + std::to_string(first_run)) == 2);
  bool superseded = false;
  for (const auto& row : r.rows)
    if (row[0].as_int() == static_cast<int64_t>(topic_b)) superseded = row[2].as_string() == "superseded";
  CHECK(superseded);
  CHECK(Run("CONSOLIDATE COMMUNITIES").stats.empty());
}

TEST_CASE_METHOD(TwoGroups, "readers never see half of a COMMUNITIES job", "[consolidate]") {
  Run("CONSOLIDATE COMMUNITIES");
  std::atomic<bool> done{false};
  std::atomic<int> reads{0}, torn{0};
  std::thread reader([&] {
    Connection reading = db->Connect();
    while (!done) {
      // Each topic's `members` property and its in_topic facts change in the same job.
      auto r = reading.Query(
          "MATCH (t:Topic) MATCH (p)-[:in_topic]->(t) RETURN id(t) AS t, t.members AS members, count(p) AS n");
      if (!r.ok()) continue;
      ++reads;
      for (const auto& row : r->rows)
        if (row[1].as_int() != row[2].as_int()) ++torn;
    }
  });
  // A5 joins the A group, then leaves it again; the job follows each time.
  for (int i = 0; i < 10 || (reads < 20 && i < 2000); ++i) {
    for (const char* a : {"A1", "A2", "A3"})
      Run(std::string(i % 2 == 0 ? "ASSERT" : "RETRACT") + " knows(a: Person 'A5', b: Person '" + a + "')");
    const QueryResult r = Run("CONSOLIDATE COMMUNITIES");
    CHECK(r.rows.at(0)[3].as_int() == (i % 2 == 0 ? 5 : 4));
  }
  done = true;
  reader.join();
  CHECK(reads > 0);
  CHECK(torn == 0);
}

TEST_CASE("COMMUNITIES on entities that are never linked makes no topic", "[consolidate]") {
  testing::ConsolidateFixture m;
  m.Run("OBSERVE 'I am alone' BY Person 'Ann'");
  m.Run("OBSERVE 'me too' BY Person 'Bob'");
  const QueryResult r = m.Run("CONSOLIDATE COMMUNITIES");
  CHECK(r.rows.empty());
  CHECK(r.stats.empty());
  // Linked entities beside lone ones: one topic, the lone ones in none.
  m.Run("ASSERT knows(a: Person 'Cy', b: Person 'Dee')");
  CHECK(m.Run("CONSOLIDATE COMMUNITIES").rows.size() == 1);
  CHECK(m.Set("MATCH (p)-[:in_topic]->(:Topic) RETURN p.name") == std::set<std::string>{"Cy", "Dee"});
}
