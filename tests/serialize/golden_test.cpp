// Golden files: a snapshot and a log written by format version 1, committed
// under tests/serialize/golden/v1 (README.md there), must stay readable with
// the same contents by every later version.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "tests/serialize/durable_fixture.hpp"
#include "tests/serialize/scenario.hpp"

using namespace mnemo;
using mnemo::testing::ScratchDir;

namespace {

const std::string kGolden = std::string(MNEMO_TESTS_DIR) + "/serialize/golden/v1";

Options At(const std::string& dir, temporal::Clock* clock) {
  Options o;
  o.directory = dir;
  o.exact_vectors = true;  // flat vectors: cheap to build, as the tests reopen often
  o.clock = clock;
  o.checkpoint_on_close = false;
  o.on_warning = [](const std::string& w) { FAIL_CHECK("unexpected warning: " << w); };
  return o;
}

// What the log adds on top of the snapshot: supersession, a property
// change, a purge, a schema change, a retraction, an episode.
void WriteLogPart(Connection& conn) {
  testing::Ok(conn, "ASSERT lives_in(resident: Person 'Ann', city: City 'Lima') VALID FROM 2024-01-01");
  testing::Ok(conn, "MATCH (p:Person {name: 'Ann'}) SET p.age = 34");
  testing::Ok(conn, "PURGE " + std::to_string(testing::IdOf(conn, "MATCH (p:Person {name: 'Fay'}) RETURN id(p)")));
  testing::Ok(conn, "DEFINE ENTITY Robot (serial INT KEY)");
  testing::Ok(conn, "CREATE (:Robot {serial: 7, parts: ['arm', 'wheel']})");
  testing::Ok(conn, "RETRACT holds_title(person: Person 'Ann', org: Org 'Acme', title: 'lead')");
  testing::Ok(conn, "OBSERVE 'Robot 7 rolled in' AT 2024-02-02T10:00:00Z IN 'session-2' ABOUT Robot 7");
}

}  // namespace

// Regenerates the golden files (hidden; run deliberately, only when the
// format version changes: then add golden/v<N>, never overwrite an old one).
TEST_CASE("write the golden files", "[.generate]") {
  if (!std::getenv("MNEMO_WRITE_GOLDEN")) {
    WARN("set MNEMO_WRITE_GOLDEN=1 to overwrite tests/serialize/golden/v1");
    return;
  }
  const std::string out = std::string(MNEMO_TESTS_DIR) + "/serialize/golden/v1";
  std::filesystem::remove_all(out);
  std::filesystem::create_directories(out);
  temporal::ManualClock clock(testing::kScenarioStart);
  auto db = Database::Open(At(out, &clock));
  REQUIRE(db.ok());
  testing::WriteEverything(**db);
  Connection conn = (*db)->Connect();
  testing::Ok(conn, "SNAPSHOT");
  WriteLogPart(conn);
  testing::WriteFile(out + "/expected_dump.txt", testing::DumpDatabase(**db));
  db = Status::Internal("closed");
  std::filesystem::remove(out + "/LOCK");
}

TEST_CASE("the version 1 golden snapshot and log open with the contents they were written with",
          "[serialize][golden]") {
  REQUIRE(std::filesystem::exists(kGolden + "/wal.log"));
  REQUIRE_FALSE(testing::SnapshotIn(kGolden).empty());
  ScratchDir dir("golden");
  testing::CopyDirectory(kGolden, dir / "memory");
  temporal::ManualClock clock(1'800'000'000'000'000);
  auto db = Database::Open(At(dir / "memory", &clock));
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  CHECK((*db)->open_stats().snapshot_bytes > 0);
  CHECK((*db)->open_stats().replayed_records == 7);
  CHECK(testing::DumpDatabase(**db) == testing::ReadFile(kGolden + "/expected_dump.txt"));

  Connection conn = (*db)->Connect();
  CHECK(testing::ResultText(conn, "MATCH (p:Person {name: 'Ann'})-[:lives_in]->(c) RETURN c.name, p.age") ==
        "c.name|p.age|\ns'Lima'|i34|\n");
  CHECK(testing::ResultText(conn, "MATCH (p:Person)-[:lives_in]->(c) RETURN c.name AS OF 2021-06-01") ==
        "c.name|\ns'Rome'|\n");
  CHECK(testing::ResultText(conn, "MATCH (r:Robot) RETURN r.serial, r.parts") ==
        "r.serial|r.parts|\ni7|[s'arm',s'wheel',]|\n");
  CHECK(testing::ResultText(conn, "MATCH (p:Person {name: 'Fay'}) RETURN p") == "p|\n");
  // The reopened memory goes on: the KEY declared in the log holds, new ids follow.
  CHECK(conn.Query("CREATE (:Robot {serial: 7})").status().code() == StatusCode::kConstraint);
  CHECK(conn.Query("CREATE (:Robot {serial: 8})").ok());
}
