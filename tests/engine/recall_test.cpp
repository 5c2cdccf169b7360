// RECALL end to end: channels, fusion, provenance flow, time, lifecycle,
// options and their errors.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/mnemo.hpp"

using namespace mnemo;
using graph::Id;
using graph::Value;

namespace {

struct RecallFixture {
  temporal::ManualClock clock{1'700'000'000'000'000};
  std::unique_ptr<Database> db;
  std::unique_ptr<Connection> conn;

  RecallFixture() {
    Options o;
    o.clock = &clock;
    o.exact_vectors = true;
    db = std::move(Database::Open(o).value());
    conn = std::make_unique<Connection>(db->Connect());
    Run("DEFINE ENTITY Person (name TEXT KEY)");
    Run("DEFINE ENTITY City (name TEXT KEY)");
    Run("DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident)");
  }
  QueryResult Run(const std::string& q) {
    auto r = conn->Query(q);
    INFO(q);
    REQUIRE(r.ok());
    return *r;
  }
  Id Single(const std::string& q) { return static_cast<Id>(Run(q).rows.at(0).at(0).as_int()); }
  // The ids RECALL returns, best first.
  std::vector<Id> Ids(const std::string& q) {
    std::vector<Id> out;
    for (const auto& row : Run(q).rows) out.push_back(static_cast<Id>(row.at(1).as_int()));
    return out;
  }
  static bool Has(const std::vector<Id>& ids, Id id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }
};

}  // namespace

TEST_CASE_METHOD(RecallFixture, "RECALL finds episodes by keyword, by vector and through the graph", "[recall]") {
  const Id berlin = Single("OBSERVE 'Caroline: I moved to Berlin last month' BY Person 'Caroline' IN 's1'");
  const Id paint = Single("OBSERVE 'Melanie: I painted a sunrise over the lake' BY Person 'Melanie' IN 's3'");
  const Id group = Single("OBSERVE 'Caroline: the support group meeting was moving' BY Person 'Caroline' IN 's2'");

  // Keyword: the exact word.
  CHECK(Ids("RECALL 'sunrise' USING keyword KINDS episode") == std::vector<Id>{paint});
  // Vector: character n-grams carry a misspelt 'sunrize' to 'sunrise'; no word is shared.
  CHECK(Ids("RECALL 'sunrize' USING vector KINDS episode TOP 1") == std::vector<Id>{paint});
  CHECK(Ids("RECALL 'sunrize' USING keyword KINDS episode").empty());
  // Graph: the query names Caroline; activation reaches both of her episodes, not
  // Melanie's (another session, no shared entity).
  auto graph = Ids("RECALL 'what did Caroline say?' USING graph KINDS episode");
  CHECK(Has(graph, berlin));
  CHECK(Has(graph, group));
  CHECK_FALSE(Has(graph, paint));
  // ABOUT seeds the same way.
  auto about = Ids("RECALL 'anything' ABOUT Person 'Melanie' USING graph KINDS episode");
  CHECK(about == std::vector<Id>{paint});
  // All channels fused: the best answer first; TOP cuts.
  auto fused = Ids("RECALL 'where did Caroline move?' TOP 2 KINDS episode");
  REQUIRE(fused.size() == 2);
  CHECK(fused.front() == berlin);
}

TEST_CASE_METHOD(RecallFixture, "RECALL rows, EXPLAIN columns and the activation path", "[recall]") {
  Single("OBSERVE 'Caroline: I moved to Berlin last month' BY Person 'Caroline'");
  CHECK(Run("RECALL 'Caroline' TOP 3").columns.size() == 5);
  auto r = Run("RECALL 'Caroline' TOP 3 USING graph EXPLAIN");
  CHECK(r.columns ==
        std::vector<std::string>{"kind", "id", "text", "time", "score", "vector", "keyword", "graph", "recency", "flow", "path"});
  REQUIRE(r.rows.size() >= 2);
  bool path_seen = false;
  for (const auto& row : r.rows) {
    const double channels = row[5].as_number() + row[6].as_number() + row[7].as_number() + row[8].as_number() + row[9].as_number();
    CHECK(row[4].as_number() == Approx(channels));  // the score is the sum of the contributions
    if (row[0].as_string() == "episode" && !row[10].is_null()) {
      CHECK(row[10].as_string() == "Person 'Caroline' -> episode " + std::to_string(row[1].as_int()));
      path_seen = true;
    }
  }
  CHECK(path_seen);
}

TEST_CASE_METHOD(RecallFixture, "a fact's score flows to the episode it was learned from", "[recall]") {
  const Id ep = Single("OBSERVE 'we talked for hours' BY Person 'Caroline'");
  const Id fact = Single("ASSERT lives_in(resident: Person 'Caroline', city: City 'Lisbon') FROM EPISODE " + std::to_string(ep));
  // Only the fact's text holds 'Lisbon'; the episode comes back through its provenance.
  auto r = Run("RECALL 'Lisbon' USING keyword EXPLAIN");
  std::vector<Id> ids;
  for (const auto& row : r.rows) ids.push_back(static_cast<Id>(row[1].as_int()));
  REQUIRE(Has(ids, fact));
  REQUIRE(Has(ids, ep));
  for (const auto& row : r.rows)
    if (static_cast<Id>(row[1].as_int()) == ep) {
      CHECK(row[6].as_number() == 0);  // no keyword match of its own
      CHECK(row[9].as_number() > 0);   // all from the flow
    }
}

TEST_CASE_METHOD(RecallFixture, "superseded facts leave current recall but stay readable AS OF", "[recall][temporal]") {
  const Id old_home = Single("ASSERT lives_in(resident: Person 'Caroline', city: City 'Berlin') VALID FROM 2020-01-01");
  const Id new_home = Single("ASSERT lives_in(resident: Person 'Caroline', city: City 'Paris') VALID FROM 2022-01-01");
  for (const char* channels : {"vector", "keyword", "graph", "vector, keyword, graph, recency"}) {
    INFO(channels);
    auto now = Ids(std::string("RECALL 'Caroline lives in Berlin' KINDS fact USING ") + channels);
    CHECK_FALSE(Has(now, old_home));
    auto then = Ids(std::string("RECALL 'Caroline lives in Berlin' KINDS fact USING ") + channels + " AS OF 2021-01-01");
    CHECK(Has(then, old_home));
    CHECK_FALSE(Has(then, new_home));
  }
  // Episodes are visible once they happened.
  const Id ep = Single("OBSERVE 'Caroline: Berlin was cold' AT 2021-06-01");
  CHECK_FALSE(Has(Ids("RECALL 'Berlin cold' KINDS episode AS OF 2021-01-01"), ep));
  CHECK(Has(Ids("RECALL 'Berlin cold' KINDS episode AS OF 2021-07-01"), ep));
}

TEST_CASE_METHOD(RecallFixture, "FORGET and PURGE take records out of every channel; RESTORE brings them back",
                 "[recall][lifecycle]") {
  const Id ep = Single("OBSERVE 'Caroline adopted a puppy named Oscar' BY Person 'Caroline'");
  const std::vector<std::string> channels{"vector", "keyword", "graph", "recency"};
  auto everywhere = [&](bool expected) {
    for (const auto& c : channels) {
      INFO(c);
      // recency alone ranks what the other channels found, or every episode when alone.
      CHECK(Has(Ids("RECALL 'Caroline puppy Oscar' KINDS episode USING " + c), ep) == expected);
    }
  };
  everywhere(true);
  Run("FORGET " + std::to_string(ep));
  everywhere(false);
  Run("RESTORE " + std::to_string(ep));
  everywhere(true);
  Run("PURGE " + std::to_string(ep));
  everywhere(false);
}

TEST_CASE_METHOD(RecallFixture, "MIN TRUST, KINDS and TOP filter the results", "[recall]") {
  const Id rumour = Single("OBSERVE 'Oscar the puppy bit someone' TRUST 0.2");
  const Id report = Single("OBSERVE 'Oscar the puppy is very calm' TRUST 0.9");
  auto all = Ids("RECALL 'Oscar puppy' KINDS episode");
  CHECK((Has(all, rumour) && Has(all, report)));
  auto trusted = Ids("RECALL 'Oscar puppy' KINDS episode MIN TRUST 0.5");
  CHECK(trusted == std::vector<Id>{report});
  CHECK(Ids("RECALL 'Oscar puppy' KINDS episode TOP 1").size() == 1);
  for (const auto& row : Run("RECALL 'Oscar puppy' KINDS fact, entity").rows) CHECK(row[0].as_string() != "episode");
}

TEST_CASE_METHOD(RecallFixture, "bad RECALL options are clear errors and change nothing", "[recall][errors]") {
  auto code = [&](const std::string& q) { return conn->Query(q).status().code(); };
  CHECK(code("RECALL 42") == StatusCode::kTypeError);
  CHECK(code("RECALL 'x' TOP 0") == StatusCode::kInvalidArgument);
  CHECK(code("RECALL 'x' TOP 1001") == StatusCode::kInvalidArgument);
  CHECK(code("RECALL 'x' KINDS planets") == StatusCode::kInvalidArgument);
  CHECK(code("RECALL 'x' USING telepathy") == StatusCode::kInvalidArgument);
  CHECK(code("RECALL 'x' WEIGHTS {vector: -1}") == StatusCode::kInvalidArgument);
  CHECK(code("RECALL 'x' WEIGHTS {psychic: 1}") == StatusCode::kInvalidArgument);
  CHECK(code("RECALL 'x' WEIGHTS 3") == StatusCode::kSyntaxError);
  CHECK(code("RECALL 'x' MIN TRUST 2") == StatusCode::kInvalidArgument);
  CHECK(code("RECALL 'x' EMBEDDING [1, 2, 3]") == StatusCode::kInvalidArgument);
  // ABOUT never creates the entity it names.
  CHECK(code("RECALL 'x' ABOUT Person 'Nobody'") == StatusCode::kNotFound);
  CHECK(Run("MATCH (p:Person) RETURN count(p)").rows[0][0].as_int() == 0);
  auto err = conn->Query("RECALL 'x'\n  KINDS planets");
  CHECK(err.status().line() == 1);
}

TEST_CASE_METHOD(RecallFixture, "a client query vector is used as given", "[recall]") {
  // Two episodes with client vectors along different axes; the query vector picks one.
  auto axis = [](int i) {
    return "[i IN range(1, 256) | CASE WHEN i = " + std::to_string(i) + " THEN 1.0 ELSE 0.0 END]";
  };
  const Id a = Single("OBSERVE 'alpha' EMBEDDING " + axis(1));
  const Id b = Single("OBSERVE 'beta' EMBEDDING " + axis(2));
  CHECK(Ids("RECALL 'anything' USING vector KINDS episode TOP 1 EMBEDDING " + axis(2)) == std::vector<Id>{b});
  CHECK(Ids("RECALL 'anything' USING vector KINDS episode TOP 1 EMBEDDING " + axis(1)) == std::vector<Id>{a});
}
