// Bitemporal facts through the C++ API with a ManualClock (issue 4): what the
// .test files cannot check because transaction time is the wall clock there —
// KNOWN AT around a retraction and a supersession, HISTORY rows with their
// recorded_at / retracted_at, property versions read through time, and PURGE
// leaving no incidence, no dangling link and a tombstone.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "engine/mnemo.hpp"

using namespace mnemo;
using graph::Id;
using graph::Value;
using temporal::Timestamp;

namespace {

Timestamp T(const char* text) {
  auto t = temporal::ParseTimestamp(text);
  REQUIRE(t.has_value());
  return *t;
}

std::string Stamp(Timestamp t) { return temporal::FormatDateTime(t); }

// A memory whose transaction time is set by the test: At(t) makes the next
// statement happen at t.
struct Memory {
  temporal::ManualClock clock{T("2024-06-01")};
  std::unique_ptr<Database> db;
  std::optional<Connection> conn;

  Memory() {
    Options options;
    options.clock = &clock;
    auto opened = Database::Open(options);
    REQUIRE(opened.ok());
    db = std::move(opened).value();
    conn.emplace(db->Connect());
    Run("DEFINE ENTITY Person (name TEXT KEY, mood TEXT);"
        "DEFINE ENTITY City (name TEXT KEY);"
        "DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident);"
        "DEFINE EVENT Trip (traveler: Person MANY, destination: City)");
  }

  Memory& At(const char* t) {
    clock.Set(T(t));
    return *this;
  }

  QueryResult Run(const std::string& text, const engine::Params& params = {}) {
    auto r = conn->Query(text, params);
    INFO(text);
    REQUIRE(r.ok());
    return std::move(r).value();
  }
  Status Fails(const std::string& text) {
    auto r = conn->Query(text);
    INFO(text);
    REQUIRE_FALSE(r.ok());
    return r.status();
  }
  Id RunId(const std::string& text) {
    QueryResult r = Run(text);
    REQUIRE(r.rows.size() == 1);
    return static_cast<Id>(r.rows[0][0].as_int());
  }

  // Rows rendered as "a | b", sorted.
  std::vector<std::string> Rows(const std::string& text, const engine::Params& params = {}) {
    QueryResult r = Run(text, params);
    std::vector<std::string> rows;
    for (const auto& row : r.rows) {
      std::string line;
      for (size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + r.Render(row[i]);
      rows.push_back(line);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  // Where people live at valid time v as known at transaction time t (null: now).
  std::vector<std::string> LivesIn(const char* as_of, const char* known_at) {
    engine::Params params;
    std::string text = "MATCH (p:Person)-[:lives_in]->(c:City) RETURN p.name, c.name";
    if (as_of) {
      text += " AS OF $v";
      params["v"] = Value(graph::DateTime{T(as_of)});
    }
    if (known_at) {
      text += " KNOWN AT $t";
      params["t"] = Value(graph::DateTime{T(known_at)});
    }
    return Rows(text, params);
  }
  std::vector<std::string> Mood(const char* as_of, const char* known_at) {
    engine::Params params;
    std::string text = "MATCH (p:Person) RETURN p.name, p.mood";
    if (as_of) {
      text += " AS OF $v";
      params["v"] = Value(graph::DateTime{T(as_of)});
    }
    if (known_at) {
      text += " KNOWN AT $t";
      params["t"] = Value(graph::DateTime{T(known_at)});
    }
    return Rows(text, params);
  }

  template <typename F>
  auto Read(F&& f) {
    return conn->Read(std::forward<F>(f));
  }
};

using Rows = std::vector<std::string>;

}  // namespace

TEST_CASE("a statement's transaction time is the clock's reading", "[temporal]") {
  Memory m;
  const Id fact = m.At("2025-01-01T00:00:00Z").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') VALID FROM 2020-01-01");
  m.Read([&](const graph::Hypergraph& g) {
    const graph::Hyperedge* h = g.hyperedge(fact);
    REQUIRE(h);
    CHECK(h->time.recorded_at == T("2025-01-01T00:00:00Z"));
    CHECK(h->time.valid_from == T("2020-01-01"));
    CHECK(h->time.valid_to == temporal::kForever);
    CHECK(h->time.retracted_at == temporal::kForever);
    // The entities created by the statement share its time.
    for (const auto& r : h->roles) CHECK(g.entity(r.entity)->time.recorded_at == T("2025-01-01T00:00:00Z"));
    return 0;
  });
  // Without VALID FROM, valid time starts at the transaction time.
  const Id bob = m.At("2025-02-01T00:00:00Z").RunId("ASSERT lives_in(resident: Person 'Bob', city: City 'Paris')");
  m.Read([&](const graph::Hypergraph& g) {
    CHECK(g.hyperedge(bob)->time.valid_from == T("2025-02-01T00:00:00Z"));
    return 0;
  });
}

TEST_CASE("KNOWN AT before and after a retraction", "[temporal]") {
  Memory m;
  const Id fact = m.At("2025-01-01").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') VALID FROM 2020-01-01");
  m.At("2025-02-01").Run("RETRACT " + std::to_string(fact));
  m.At("2025-03-01");

  // Now: not believed any more.
  CHECK(m.LivesIn(nullptr, nullptr) == Rows{});
  CHECK(m.LivesIn("2021-01-01", nullptr) == Rows{});
  // Known before the retraction (and after the assertion): believed, at any valid time it held.
  CHECK(m.LivesIn(nullptr, "2025-01-15") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2021-01-01", "2025-01-15") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2019-12-31", "2025-01-15") == Rows{});
  // Transaction time is half-open: [recorded_at, retracted_at).
  CHECK(m.LivesIn("2021-01-01", "2025-01-01T00:00:00Z") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2021-01-01", "2025-01-31T23:59:59.999999Z") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2021-01-01", "2025-02-01T00:00:00Z") == Rows{});
  CHECK(m.LivesIn("2021-01-01", "2025-06-01") == Rows{});
  // Known before the assertion: nothing (not even Ann).
  CHECK(m.LivesIn("2021-01-01", "2024-12-31") == Rows{});
  CHECK(m.Rows("MATCH (p:Person) RETURN p.name KNOWN AT 2024-12-31") == Rows{});
  CHECK(m.Rows("MATCH (p:Person) RETURN p.name KNOWN AT 2025-01-01") == Rows{"'Ann'"});

  // History keeps it, with both transaction times.
  QueryResult h = m.Run("HISTORY lives_in(resident: Person 'Ann')");
  REQUIRE(h.rows.size() == 1);
  CHECK(h.Render(h.rows[0][0]) == std::to_string(fact));
  CHECK(h.Render(h.rows[0][4]) == Stamp(T("2025-01-01")));
  CHECK(h.Render(h.rows[0][5]) == Stamp(T("2025-02-01")));
  CHECK(h.Render(h.rows[0][8]) == "'retracted'");

  // Retracting twice fails; asserting again starts a new belief.
  CHECK(m.Fails("RETRACT " + std::to_string(fact)).code() == StatusCode::kNotFound);
  const Id again = m.At("2025-04-01").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') VALID FROM 2020-01-01");
  CHECK(again != fact);
  CHECK(m.LivesIn("2021-01-01", "2025-03-15") == Rows{});
  CHECK(m.LivesIn("2021-01-01", "2025-04-01") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2021-01-01", "2025-01-15") == Rows{"'Ann' | 'Berlin'"});
}

TEST_CASE("KNOWN AT before a supersession sees the old fact as open-ended", "[temporal]") {
  Memory m;
  const Id berlin = m.At("2025-01-01").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') VALID FROM 2020-01-01");
  const Id paris = m.At("2025-02-01").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Paris') VALID FROM 2022-01-01");
  m.At("2025-06-01");

  // What we believe now: Berlin until 2022, Paris since.
  CHECK(m.LivesIn(nullptr, nullptr) == Rows{"'Ann' | 'Paris'"});
  CHECK(m.LivesIn("2021-01-01", nullptr) == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2023-01-01", nullptr) == Rows{"'Ann' | 'Paris'"});
  // What we believed in January: Berlin, with no end.
  CHECK(m.LivesIn("2023-01-01", "2025-01-15") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2999-01-01", "2025-01-15") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn(nullptr, "2025-01-15") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2021-01-01", "2025-01-15") == Rows{"'Ann' | 'Berlin'"});
  // From the supersession on: Paris.
  CHECK(m.LivesIn("2023-01-01", "2025-02-01") == Rows{"'Ann' | 'Paris'"});
  CHECK(m.LivesIn("2021-01-01", "2025-02-01") == Rows{"'Ann' | 'Berlin'"});

  // An out-of-order version closes Berlin a second time (at 2021): reads known in between the two
  // closings see Berlin ending at 2022, reads known after see it ending at 2021.
  const Id lima = m.At("2025-03-01").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Lima') VALID FROM 2021-01-01");
  m.At("2025-06-02");
  CHECK(m.LivesIn("2021-06-01", nullptr) == Rows{"'Ann' | 'Lima'"});
  CHECK(m.LivesIn("2021-06-01", "2025-02-15") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2023-01-01", "2025-02-15") == Rows{"'Ann' | 'Paris'"});
  CHECK(m.LivesIn("2023-01-01", "2025-01-15") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2020-06-01", "2025-03-01") == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2021-06-01", "2025-03-01") == Rows{"'Ann' | 'Lima'"});
  CHECK(m.LivesIn("2022-06-01", "2025-03-01") == Rows{"'Ann' | 'Paris'"});

  // The links.
  m.Read([&](const graph::Hypergraph& g) {
    CHECK(g.hyperedge(berlin)->superseded_by == lima);
    CHECK(g.hyperedge(lima)->superseded_by == paris);
    CHECK(g.hyperedge(paris)->superseded_by == graph::kNoId);
    CHECK(g.hyperedge(lima)->time.valid_to == T("2022-01-01"));
    return 0;
  });
}

TEST_CASE("HISTORY lists every version in valid-time order with its times, links and status", "[temporal]") {
  Memory m;
  const Id ep1 = m.At("2025-01-01").RunId("OBSERVE 'Ann: I live in Berlin' AT 2020-01-05 BY Person 'Ann'");
  const Id berlin = m.At("2025-01-02").RunId("ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') "
                                             "VALID FROM 2020-01-01 FROM EPISODE " + std::to_string(ep1));
  const Id paris = m.At("2025-01-03").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Paris') VALID FROM 2022-01-01");
  // Out of order: Oslo from 2021 closes Berlin, ends where Berlin ended (at Paris).
  const Id oslo = m.At("2025-01-04").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Oslo') VALID FROM 2021-01-01");
  // The same Paris again, from another episode: provenance, no new version.
  const Id ep2 = m.At("2025-01-05").RunId("OBSERVE 'Ann: Paris is lovely' AT 2022-05-01 BY Person 'Ann'");
  CHECK(m.At("2025-01-06").RunId("ASSERT lives_in(resident: Person 'Ann', city: City 'Paris') FROM EPISODE " +
                                 std::to_string(ep2)) == paris);
  // A correction: Rome from the same 2022-01-01 replaces Paris.
  const Id rome = m.At("2025-01-07").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Rome') VALID FROM 2022-01-01");
  // Bob's facts are another key.
  m.At("2025-01-08").Run("ASSERT lives_in(resident: Person 'Bob', city: City 'Rome') VALID FROM 2019-01-01");
  m.At("2025-02-01");

  QueryResult h = m.Run("HISTORY lives_in(resident: Person 'Ann')");
  REQUIRE(h.columns == std::vector<std::string>{"id", "fact", "valid_from", "valid_to", "recorded_at", "retracted_at",
                                                "superseded_by", "provenance", "status"});
  std::vector<std::string> rows;
  for (const auto& row : h.rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i)
      if (i != 6 || row[8].as_string() != "retracted") line += (i ? " | " : "") + h.Render(row[i]);
      else line += " | -";  // a corrected version's successor link is not part of the contract
    rows.push_back(line);
  }
  const std::string null = "null";
  auto S = [](Id id) { return std::to_string(id); };
  const std::vector<std::string> expected = {
      S(berlin) + " | 'lives_in(resident: Ann, city: Berlin)' | " + Stamp(T("2020-01-01")) + " | " +
          Stamp(T("2021-01-01")) + " | " + Stamp(T("2025-01-02")) + " | null | " + S(oslo) + " | [" + S(ep1) +
          "] | 'superseded'",
      S(oslo) + " | 'lives_in(resident: Ann, city: Oslo)' | " + Stamp(T("2021-01-01")) + " | " +
          Stamp(T("2022-01-01")) + " | " + Stamp(T("2025-01-04")) + " | null | " + S(rome) + " | [] | 'superseded'",
      S(paris) + " | 'lives_in(resident: Ann, city: Paris)' | " + Stamp(T("2022-01-01")) + " | null | " +
          Stamp(T("2025-01-03")) + " | " + Stamp(T("2025-01-07")) + " | - | [" + S(ep2) + "] | 'retracted'",
      S(rome) + " | 'lives_in(resident: Ann, city: Rome)' | " + Stamp(T("2022-01-01")) + " | null | " +
          Stamp(T("2025-01-07")) + " | null | null | [] | 'current'",
  };
  CHECK(rows == expected);

  // A pattern naming both roles: only that city's versions.
  QueryResult paris_only = m.Run("HISTORY lives_in(resident: Person 'Ann', city: City 'Paris')");
  REQUIRE(paris_only.rows.size() == 1);
  CHECK(paris_only.rows[0][0].as_int() == static_cast<int64_t>(paris));
  // By city: every resident's versions that bind it.
  QueryResult in_rome = m.Run("HISTORY lives_in(city: City 'Rome')");
  CHECK(in_rome.rows.size() == 2);

  // HISTORY shows forgotten versions (FORGET hides from every read except HISTORY).
  m.At("2025-02-02").Run("FORGET " + std::to_string(oslo));
  QueryResult after_forget = m.At("2025-02-03").Run("HISTORY lives_in(resident: Person 'Ann')");
  REQUIRE(after_forget.rows.size() == 4);
  CHECK(after_forget.rows[1][0].as_int() == static_cast<int64_t>(oslo));
  CHECK(after_forget.Render(after_forget.rows[1][8]) == "'forgotten'");
  CHECK(m.LivesIn("2021-06-01", nullptr) == Rows{"'Bob' | 'Rome'"});
  m.At("2025-02-04").Run("RESTORE " + std::to_string(oslo));
  CHECK(m.At("2025-02-05").LivesIn("2021-06-01", nullptr) == Rows{"'Ann' | 'Oslo'", "'Bob' | 'Rome'"});
}

TEST_CASE("FORGET hides a fact from reads at every time, even known before it was forgotten", "[temporal]") {
  Memory m;
  const Id fact = m.At("2025-01-01").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') VALID FROM 2020-01-01");
  m.At("2025-02-01").Run("FORGET " + std::to_string(fact));
  m.At("2025-03-01");
  CHECK(m.LivesIn(nullptr, nullptr) == Rows{});
  CHECK(m.LivesIn("2021-01-01", "2025-01-15") == Rows{});
  CHECK(m.Rows("TIMELINE Person 'Ann' KNOWN AT 2025-01-15") == Rows{});
  m.At("2025-04-01").Run("RESTORE " + std::to_string(fact));
  m.At("2025-05-01");
  CHECK(m.LivesIn(nullptr, nullptr) == Rows{"'Ann' | 'Berlin'"});
  CHECK(m.LivesIn("2021-01-01", "2025-01-15") == Rows{"'Ann' | 'Berlin'"});
}

TEST_CASE("TIMELINE reads known at an earlier time", "[temporal]") {
  Memory m;
  m.At("2025-01-01").Run("ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') VALID FROM 2020-01-01");
  const Id paris = m.At("2025-02-01").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Paris') VALID FROM 2022-01-01");
  m.At("2025-03-01").Run("RETRACT " + std::to_string(paris));
  m.At("2025-04-01");
  auto timeline = [&](const char* known_at) {
    std::string text = "TIMELINE Person 'Ann'";
    if (known_at) text += std::string(" KNOWN AT ") + known_at;
    std::vector<std::string> cities;
    QueryResult r = m.Run(text);
    for (const auto& row : r.rows) cities.push_back(r.Render(row[0]) + " " + r.Render(row[1]));
    return cities;
  };
  const std::vector<std::string> both = {"2020-01-01T00:00:00Z 'fact'", "2022-01-01T00:00:00Z 'fact'"};
  const std::vector<std::string> berlin_only = {"2020-01-01T00:00:00Z 'fact'"};
  CHECK(timeline(nullptr) == berlin_only);
  CHECK(timeline("2025-02-15") == both);
  CHECK(timeline("2025-03-01") == berlin_only);
  CHECK(timeline("2025-01-15") == berlin_only);
  CHECK(m.Fails("TIMELINE Person 'Ann' KNOWN AT 2024-12-31").code() == StatusCode::kNotFound);
}

TEST_CASE("entity property versions set by SET are read through time", "[temporal]") {
  Memory m;
  m.At("2025-01-01").Run("CREATE (:Person {name: 'Ann'}), (:Person {name: 'Bob', mood: 'fine'})");
  m.At("2025-02-01").Run("MATCH (p:Person {name: 'Ann'}) SET p.mood = 'calm'");
  m.At("2025-03-01").Run("MATCH (p:Person {name: 'Ann'}) SET p.mood = 'happy'");
  m.At("2025-04-01").Run("MATCH (p:Person {name: 'Ann'}) SET p.mood = 'sad'");
  m.At("2025-05-01").Run("MATCH (p:Person {name: 'Ann'}) SET p.mood = null");
  m.At("2025-06-01");

  // Now: removed.
  CHECK(m.Mood(nullptr, nullptr) == Rows{"'Ann' | null", "'Bob' | 'fine'"});
  // AS OF: a SET's value holds in valid time from its transaction time.
  CHECK(m.Mood("2025-01-15", nullptr) == Rows{"'Ann' | null", "'Bob' | 'fine'"});
  CHECK(m.Mood("2025-02-01", nullptr) == Rows{"'Ann' | 'calm'", "'Bob' | 'fine'"});
  CHECK(m.Mood("2025-02-28T23:59:59Z", nullptr) == Rows{"'Ann' | 'calm'", "'Bob' | 'fine'"});
  CHECK(m.Mood("2025-03-15", nullptr) == Rows{"'Ann' | 'happy'", "'Bob' | 'fine'"});
  CHECK(m.Mood("2025-04-15", nullptr) == Rows{"'Ann' | 'sad'", "'Bob' | 'fine'"});
  CHECK(m.Mood("2025-05-15", nullptr) == Rows{"'Ann' | null", "'Bob' | 'fine'"});
  // KNOWN AT: what was believed then, its value open-ended.
  CHECK(m.Mood(nullptr, "2025-02-15") == Rows{"'Ann' | 'calm'", "'Bob' | 'fine'"});
  CHECK(m.Mood("2999-01-01", "2025-02-15") == Rows{"'Ann' | 'calm'", "'Bob' | 'fine'"});
  CHECK(m.Mood("2025-04-15", "2025-03-15") == Rows{"'Ann' | 'happy'", "'Bob' | 'fine'"});
  CHECK(m.Mood("2025-02-15", "2025-03-15") == Rows{"'Ann' | 'calm'", "'Bob' | 'fine'"});
  CHECK(m.Mood("2025-01-15", "2025-03-15") == Rows{"'Ann' | null", "'Bob' | 'fine'"});
  CHECK(m.Mood(nullptr, "2025-04-30") == Rows{"'Ann' | 'sad'", "'Bob' | 'fine'"});
  CHECK(m.Mood(nullptr, "2025-01-15") == Rows{"'Ann' | null", "'Bob' | 'fine'"});
  // Known before the people existed: nobody.
  CHECK(m.Mood(nullptr, "2024-12-31") == Rows{});

  // The whole node and properties() agree with the property read.
  CHECK(m.Rows("MATCH (p:Person {name: 'Ann'}) RETURN p AS OF 2025-03-15") ==
        Rows{"(:Person {mood: 'happy', name: 'Ann'})"});
  CHECK(m.Rows("MATCH (p:Person {name: 'Ann'}) RETURN properties(p) KNOWN AT 2025-02-15") ==
        Rows{"{mood: 'calm', name: 'Ann'}"});
  CHECK(m.Rows("MATCH (p:Person {name: 'Ann'}) RETURN p AS OF 2025-05-15") == Rows{"(:Person {name: 'Ann'})"});
  // Filtering on a past value.
  CHECK(m.Rows("MATCH (p:Person) WHERE p.mood = 'happy' RETURN p.name AS OF 2025-03-15") == Rows{"'Ann'"});
  CHECK(m.Rows("MATCH (p:Person {mood: 'calm'}) RETURN p.name KNOWN AT 2025-02-15") == Rows{"'Ann'"});
  CHECK(m.Rows("MATCH (p:Person {mood: 'calm'}) RETURN p.name") == Rows{});

  // A SET through the C++ API is versioned the same way.
  const Id bob = m.Read([](const graph::Hypergraph& g) { return g.FindByKey("Person", Value("Bob")).at(0); });
  m.At("2025-07-01");
  REQUIRE(m.conn->SetProperty(bob, "mood", Value("grumpy")).ok());
  m.At("2025-08-01");
  CHECK(m.Mood(nullptr, nullptr) == Rows{"'Ann' | null", "'Bob' | 'grumpy'"});
  CHECK(m.Mood("2025-06-15", nullptr) == Rows{"'Ann' | null", "'Bob' | 'fine'"});
  CHECK(m.Mood(nullptr, "2025-06-15") == Rows{"'Ann' | null", "'Bob' | 'fine'"});
}

TEST_CASE("PURGE leaves no incidence, index entry or dangling link, and a tombstone", "[temporal]") {
  Memory m;
  const Id ep = m.At("2025-01-01").RunId("OBSERVE 'Ann: Berlin, then Paris, then Rome' AT 2020-01-01 BY Person 'Ann'");
  const Id berlin_fact = m.At("2025-01-02").RunId("ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') "
                                                  "VALID FROM 2020-01-01 FROM EPISODE " + std::to_string(ep));
  const Id paris_fact = m.At("2025-01-03").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Paris') VALID FROM 2021-01-01");
  const Id rome_fact = m.At("2025-01-04").RunId(
      "ASSERT lives_in(resident: Person 'Ann', city: City 'Rome') VALID FROM 2022-01-01 FROM EPISODE " +
      std::to_string(ep));
  const Id trip = m.At("2025-01-05").RunId(
      "ASSERT Trip(traveler: [Person 'Ann', Person 'Bob'], destination: City 'Oslo') AT 2021-06-01");
  m.At("2025-01-06").Run("ASSERT lives_in(resident: Person 'Bob', city: City 'Berlin') VALID FROM 2019-01-01");
  const Id ann = m.Read([](const graph::Hypergraph& g) { return g.FindByKey("Person", Value("Ann")).at(0); });

  // Every store-wide invariant PURGE must keep: incidence lines point at live hyperedges that
  // bind the entity; every hyperedge's participants list it; links and provenance are live.
  auto check_store = [&](const graph::Hypergraph& g) {
    for (const auto& [eid, e] : g.entities()) {
      for (const auto* lines : {&e.incidence, &e.past_incidence})
        for (const graph::Incidence& inc : *lines) {
          const graph::Hyperedge* h = g.hyperedge(inc.edge);
          INFO("entity " << eid << " has an incidence line to " << inc.edge);
          REQUIRE(h);
          CHECK(std::any_of(h->roles.begin(), h->roles.end(), [&](const auto& r) { return r.entity == eid; }));
        }
    }
    for (const auto& [hid, h] : g.hyperedges()) {
      INFO("fact " << hid);
      for (const auto& r : h.roles)
        if (r.is_entity()) CHECK(g.entity(r.entity));
      if (h.superseded_by != graph::kNoId) CHECK(g.hyperedge(h.superseded_by));
      for (Id p : h.provenance) CHECK(g.episode(p));
    }
    for (const auto& [pid, e] : g.episodes()) {
      if (e.speaker != graph::kNoId) CHECK(g.entity(e.speaker));
      for (Id a : e.about) CHECK(g.entity(a));
    }
    return 0;
  };
  m.Read(check_store);

  SECTION("a middle version") {
    m.At("2025-02-01").Run("PURGE " + std::to_string(paris_fact));
    m.Read(check_store);
    m.Read([&](const graph::Hypergraph& g) {
      CHECK(g.hyperedge(paris_fact) == nullptr);
      const Id paris = g.FindByKey("City", Value("Paris")).at(0);
      CHECK(g.entity(paris)->degree() == 0);
      CHECK(g.entity(ann)->degree() == 3);  // Berlin, Rome, the trip
      // The version before it no longer leads to it.
      CHECK(g.hyperedge(berlin_fact)->superseded_by != paris_fact);
      REQUIRE(g.tombstones().size() == 1);
      CHECK(g.tombstones()[0].id == paris_fact);
      CHECK(g.tombstones()[0].kind == graph::RecordKind::kHyperedge);
      CHECK(g.tombstones()[0].purged_at == T("2025-02-01"));
      return 0;
    });
    m.At("2025-03-01");
    // No trace at any time, known at any time.
    CHECK(m.LivesIn("2021-06-01", nullptr) == Rows{"'Bob' | 'Berlin'"});
    CHECK(m.LivesIn("2021-06-01", "2025-01-15") == Rows{"'Bob' | 'Berlin'"});
    CHECK(m.Rows("MATCH (c:City {name: 'Paris'})<-[r]-() RETURN count(r) AS OF 2021-06-01 KNOWN AT 2025-01-15") ==
          Rows{"0"});
    QueryResult h = m.Run("HISTORY lives_in(resident: Person 'Ann')");
    REQUIRE(h.rows.size() == 2);
    for (const auto& row : h.rows) {
      CHECK(row[0].as_int() != static_cast<int64_t>(paris_fact));
      CHECK(h.Render(row[1]).find("Paris") == std::string::npos);
      CHECK(h.Render(row[6]) != std::to_string(paris_fact));
    }
  }

  SECTION("a person") {
    m.At("2025-02-01").Run("PURGE " + std::to_string(ann));
    m.Read(check_store);
    m.Read([&](const graph::Hypergraph& g) {
      CHECK(g.entity(ann) == nullptr);
      CHECK(g.FindByKey("Person", Value("Ann")).empty());
      for (Id f : {berlin_fact, paris_fact, rome_fact, trip}) CHECK(g.hyperedge(f) == nullptr);
      // The other participants keep only their own facts.
      const Id berlin = g.FindByKey("City", Value("Berlin")).at(0);
      CHECK(g.entity(berlin)->degree() == 1);  // Bob's
      const Id bob = g.FindByKey("Person", Value("Bob")).at(0);
      CHECK(g.entity(bob)->degree() == 1);  // his lives_in; the trip is gone
      for (const char* city : {"Paris", "Rome", "Oslo"})
        CHECK(g.entity(g.FindByKey("City", Value(city)).at(0))->degree() == 0);
      // The episode stays, without its speaker.
      REQUIRE(g.episode(ep));
      CHECK(g.episode(ep)->speaker == graph::kNoId);
      REQUIRE_FALSE(g.tombstones().empty());
      CHECK(std::any_of(g.tombstones().begin(), g.tombstones().end(), [&](const auto& t) {
        return t.id == ann && t.kind == graph::RecordKind::kEntity && t.purged_at == T("2025-02-01");
      }));
      return 0;
    });
    m.At("2025-03-01");
    for (const char* known : {"2025-01-15", "2025-02-15"})
      for (const char* as_of : {"2020-06-01", "2021-06-01", "2023-01-01"})
        CHECK(m.LivesIn(as_of, known) == Rows{"'Bob' | 'Berlin'"});
    CHECK(m.Rows("MATCH (t:Trip) RETURN count(t) AS OF 2021-07-01 KNOWN AT 2025-01-15") == Rows{"0"});
    CHECK(m.Rows("MATCH (:Person {name: 'Bob'})-[r]-() RETURN type(r) AS OF 2021-07-01") == Rows{"'lives_in'"});
    CHECK(m.Fails("HISTORY lives_in(resident: Person 'Ann')").code() == StatusCode::kNotFound);
  }

  SECTION("an episode that is a fact's provenance") {
    m.At("2025-02-01").Run("PURGE " + std::to_string(ep));
    m.Read(check_store);
    m.Read([&](const graph::Hypergraph& g) {
      CHECK(g.episode(ep) == nullptr);
      CHECK(g.hyperedge(berlin_fact)->provenance.empty());
      CHECK(g.hyperedge(rome_fact)->provenance.empty());
      REQUIRE(g.tombstones().size() == 1);
      CHECK(g.tombstones()[0].kind == graph::RecordKind::kEpisode);
      return 0;
    });
    m.At("2025-03-01");
    QueryResult h = m.Run("HISTORY lives_in(resident: Person 'Ann')");
    for (const auto& row : h.rows) CHECK(h.Render(row[7]) == "[]");
    // The facts themselves stay.
    CHECK(m.LivesIn(nullptr, nullptr) == Rows{"'Ann' | 'Rome'", "'Bob' | 'Berlin'"});
  }

  SECTION("a retracted version: gone also from reads known before the retraction") {
    m.At("2025-02-01").Run("RETRACT " + std::to_string(rome_fact));
    m.At("2025-02-02");
    CHECK(m.LivesIn("2023-01-01", "2025-01-15") == Rows{"'Ann' | 'Rome'", "'Bob' | 'Berlin'"});
    m.At("2025-03-01").Run("PURGE " + std::to_string(rome_fact));
    m.Read(check_store);
    m.At("2025-04-01");
    CHECK(m.LivesIn("2023-01-01", "2025-01-15") == Rows{"'Bob' | 'Berlin'"});
    CHECK(m.LivesIn("2023-01-01", "2025-02-15") == Rows{"'Bob' | 'Berlin'"});
    QueryResult h = m.Run("HISTORY lives_in(resident: Person 'Ann')");
    CHECK(h.rows.size() == 2);
    for (const auto& row : h.rows) CHECK(row[0].as_int() != static_cast<int64_t>(rome_fact));
  }

  SECTION("a failed PURGE changes nothing") {
    CHECK(m.Fails("PURGE 999999").code() == StatusCode::kNotFound);
    m.Read([&](const graph::Hypergraph& g) {
      CHECK(g.tombstones().empty());
      return 0;
    });
  }
}
