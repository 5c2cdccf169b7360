// CONSOLIDATE DECAY: memories whose decayed use falls below a threshold are
// archived (forgotten, restorable), never purged.
#include "tests/engine/consolidate_fixture.hpp"

#include <cmath>
#include <map>

#include "index/base_level.hpp"

using namespace mnemo;
using graph::Id;

namespace {

constexpr temporal::Duration kDay = temporal::kMicrosPerDay;

// Episodes that happened 10, 100, 119, 121 and 200 days before "now"; one
// fact recorded now. With a 30-day half-life and the default threshold 1/16,
// a memory used once is archived after 120 days.
struct Aging : testing::ConsolidateFixture {
  std::map<int, Id> episode;  // age in days -> id
  Id fact = 0;
  Aging() {
    Run("DEFINE ENTITY Person (name TEXT KEY)");
    for (int age : {10, 100, 119, 121, 200})
      episode[age] = Single("OBSERVE 'memory from " + std::to_string(age) + " days ago' AT " +
                            std::to_string(kStart - age * kDay) + " BY Person 'Ann'");
    fact = Single("ASSERT likes(who: Person 'Ann', what: 'tea')");
  }
  std::set<Id> Listed(const QueryResult& r) {
    std::set<Id> out;
    for (const auto& row : r.rows) out.insert(static_cast<Id>(row.at(1).as_int()));
    return out;
  }
  // Episodes not forgotten (read directly: a RECALL would count as a use).
  int64_t VisibleEpisodes() {
    return conn->Read([](const graph::Hypergraph& g) {
      int64_t n = 0;
      for (const auto& [id, ep] : g.episodes()) n += !ep.forgotten;
      return n;
    });
  }
};

}  // namespace

TEST_CASE("UseLog::DecayedUses halves per half-life", "[consolidate][base_level]") {
  index::UseLog log;
  const temporal::Timestamp t0 = 1'000'000'000'000;
  const temporal::Duration h = 10 * temporal::kMicrosPerSecond;
  log.Record(1, t0);
  CHECK(log.DecayedUses(1, t0, h) == Approx(1.0));
  CHECK(log.DecayedUses(1, t0 + h, h) == Approx(0.5));
  CHECK(log.DecayedUses(1, t0 + 3 * h, h) == Approx(0.125));
  CHECK(log.DecayedUses(1, t0 - 1, h) == 0);  // the use is after `now`
  CHECK(log.DecayedUses(2, t0, h) == 0);      // never used
  // Beyond the exact uses, older ones are spread evenly: close to the exact sum.
  double exact = 0;
  for (int i = 0; i < 40; ++i) {
    log.Record(3, t0 + i * temporal::kMicrosPerSecond);
    exact += std::pow(0.5, (39.0 - i) / 10.0);
  }
  CHECK(log.DecayedUses(3, t0 + 39 * temporal::kMicrosPerSecond, h) == Approx(exact).epsilon(0.02));
}

TEST_CASE_METHOD(Aging, "DECAY archives exactly the memories past the threshold", "[consolidate]") {
  const QueryResult dry = Run("CONSOLIDATE DECAY HALF LIFE 30d DRY RUN");
  REQUIRE(dry.columns == std::vector<std::string>{"kind", "id", "text", "last_used", "strength"});
  CHECK(Listed(dry) == std::set<Id>{episode[121], episode[200]});
  CHECK(dry.stats.empty());
  CHECK(LastChangedNothing());
  CHECK(VisibleEpisodes() == 5);

  const QueryResult r = Run("CONSOLIDATE DECAY HALF LIFE 30d");
  CHECK(Listed(r) == Listed(dry));
  CHECK(r.stats.records_forgotten == 2);
  for (const auto& row : r.rows) {
    CHECK(row[0].as_string() == "episode");
    CHECK(row[4].as_number() < 1.0 / 16);
  }
  CHECK(VisibleEpisodes() == 3);
  // Archived, not purged: RESTORE brings one back.
  Run("RESTORE " + std::to_string(episode[200]));
  CHECK(VisibleEpisodes() == 4);
}

TEST_CASE_METHOD(Aging, "DECAY twice changes nothing the second time", "[consolidate]") {
  Run("CONSOLIDATE DECAY");
  const QueryResult again = Run("CONSOLIDATE DECAY");
  CHECK(again.rows.empty());
  CHECK(again.stats.empty());
  CHECK(LastChangedNothing());
}

TEST_CASE_METHOD(Aging, "being recalled keeps a memory from fading", "[consolidate]") {
  // RECALL returns the 200-day-old episode now: that use restarts its decay.
  const QueryResult recalled = Run("RECALL 'memory from 200 days ago' KINDS episode USING keyword TOP 1");
  REQUIRE(recalled.rows.size() == 1);
  CHECK(static_cast<Id>(recalled.rows[0][1].as_int()) == episode[200]);
  CHECK(Listed(Run("CONSOLIDATE DECAY DRY RUN")) == std::set<Id>{episode[121]});
}

TEST_CASE_METHOD(Aging, "DECAY options: threshold, half-life, and facts fade too", "[consolidate]") {
  // A higher threshold: strength below 0.5 means older than one half-life.
  CHECK(Listed(Run("CONSOLIDATE DECAY HALF LIFE 30d THRESHOLD 0.5 DRY RUN")) ==
        std::set<Id>{episode[100], episode[119], episode[121], episode[200]});
  CHECK(Listed(Run("CONSOLIDATE DECAY HALF LIFE 1000d DRY RUN")).empty());
  // A year later the fact, recorded "now", fades as well; HISTORY still lists it.
  clock.Set(kStart + 365 * kDay);
  CHECK(Listed(Run("CONSOLIDATE DECAY")).count(fact) == 1);
  const QueryResult history = Run("HISTORY likes(who: Person 'Ann')");
  REQUIRE(history.rows.size() == 1);
  CHECK(history.rows[0].back().as_string() == "forgotten");

  CHECK(Fails("CONSOLIDATE DECAY THRESHOLD -1").code() == StatusCode::kInvalidArgument);
  CHECK(Fails("CONSOLIDATE DECAY THRESHOLD 'high'").code() == StatusCode::kInvalidArgument);
}
