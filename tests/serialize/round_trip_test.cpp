// Round trips of a durable memory: what a memory holds after reopening —
// by replaying its log, from a snapshot, from a snapshot plus a log — is
// exactly what it held before: every record and field (DumpStore), and the
// answers of reading statements.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/queries/query_file.hpp"
#include "tests/serialize/durable_fixture.hpp"
#include "tests/serialize/scenario.hpp"

using namespace mnemo;
using mnemo::testing::DumpDatabase;
using mnemo::testing::IdOf;
using mnemo::testing::Ok;
using mnemo::testing::ResultText;
using mnemo::testing::ScratchDir;
using mnemo::testing::WriteEverything;

namespace {

constexpr temporal::Timestamp kStart = testing::kScenarioStart;
constexpr temporal::Timestamp kReadAt = 1'800'000'000'000'000;  // reads all happen "now" = 2027-01-15

Options DurableAt(const std::string& dir, temporal::Clock* clock) {
  Options o;
  o.directory = dir;
  o.clock = clock;
  o.exact_vectors = true;
  o.checkpoint_on_close = false;  // each test decides when a snapshot is written
  o.on_warning = [](const std::string& w) { FAIL_CHECK("unexpected warning: " << w); };
  return o;
}

std::unique_ptr<Database> OpenOrFail(const Options& o) {
  auto db = Database::Open(o);
  INFO((db.ok() ? std::string() : db.status().ToString()));
  REQUIRE(db.ok());
  return std::move(db).value();
}

// Reading statements whose answers must not change across a reopen.
const std::vector<std::pair<std::string, bool>> kReads = {
    {"MATCH (n) RETURN id(n), labels(n), properties(n) ORDER BY id(n)", false},
    {"MATCH (a)-[r]->(b) RETURN id(r), type(r), id(a), id(b), properties(r)", true},
    {"MATCH (p:Person)-[:lives_in]->(c:City) RETURN p.name, c.name", true},
    {"MATCH (p:Person)-[:lives_in]->(c:City) RETURN p.name, c.name AS OF 2021-06-01", true},
    {"MATCH (p:Person)-[:lives_in]->(c:City) RETURN p.name, c.name AS OF 2021-06-01 KNOWN AT "
     "2023-11-14T22:13:20.000020Z",
     true},
    {"MATCH (p:Person)-[r:holds_title]->(o:Org) RETURN p.name, r.title, o.name AS OF 2021-01-01", true},
    {"MATCH (t:Trip) RETURN id(t), t.purpose", true},
    {"MATCH (p:Person {name: 'Bob'})-[:prefers]->(c) RETURN c.name", true},
    {"HISTORY lives_in(resident: Person 'Ann')", false},
    {"HISTORY prefers(person: Person 'Bob')", false},
    {"TIMELINE Person 'Ann'", false},
    {"SHOW SCHEMA", false},
    {"MATCH (p:Person {name: 'Bob'}) RETURN p.age, p.height, p.extra", false},
};

std::vector<std::string> Answers(Database& db, temporal::ManualClock& clock) {
  Connection conn = db.Connect();
  std::vector<std::string> out;
  for (const auto& [statement, sorted] : kReads) {
    clock.Set(kReadAt);
    out.push_back(statement + "\n" + ResultText(conn, statement, sorted));
  }
  return out;
}

}  // namespace

TEST_CASE("a memory reads back the same after log replay, from a snapshot, and from a snapshot plus a log",
          "[serialize][durable][roundtrip]") {
  ScratchDir dir;
  temporal::ManualClock clock(kStart);
  std::string dump;
  std::vector<std::string> answers;
  {
    auto db = OpenOrFail(DurableAt(dir.path(), &clock));
    WriteEverything(*db);
    dump = DumpDatabase(*db);
    answers = Answers(*db, clock);
  }
  for (const auto& a : answers) CHECK(a.find("error") == std::string::npos);
  CHECK(testing::SnapshotIn(dir.path()).empty());

  SECTION("log replay") {
    auto db = OpenOrFail(DurableAt(dir.path(), &clock));
    CHECK(db->open_stats().replayed_records > 30);
    CHECK(db->open_stats().snapshot_bytes == 0);
    CHECK(DumpDatabase(*db) == dump);
    CHECK(Answers(*db, clock) == answers);
  }
  SECTION("snapshot, then snapshot plus log") {
    {
      auto db = OpenOrFail(DurableAt(dir.path(), &clock));
      Connection conn = db->Connect();
      Ok(conn, "SNAPSHOT");
    }
    CHECK_FALSE(testing::SnapshotIn(dir.path()).empty());
    CHECK(std::filesystem::file_size(dir / "wal.log") == 32);  // truncated to its header
    std::string dump2;
    std::vector<std::string> answers2;
    {
      auto db = OpenOrFail(DurableAt(dir.path(), &clock));
      CHECK(db->open_stats().replayed_records == 0);
      CHECK(db->open_stats().snapshot_bytes > 0);
      CHECK(DumpDatabase(*db) == dump);
      CHECK(Answers(*db, clock) == answers);
      // More history on top of the snapshot, in the log.
      Connection conn = db->Connect();
      clock.Set(kReadAt + 1000);
      Ok(conn, "ASSERT lives_in(resident: Person 'Ann', city: City 'Lima') VALID FROM 2024-01-01");
      Ok(conn, "MATCH (p:Person {name: 'Ann'}) SET p.age = 34");
      Ok(conn, "PURGE " + std::to_string(IdOf(conn, "MATCH (p:Person {name: 'Fay'}) RETURN id(p)")));
      Ok(conn, "DEFINE ENTITY Robot (serial INT KEY)");
      Ok(conn, "CREATE (:Robot {serial: 7})");
      dump2 = DumpDatabase(*db);
      answers2 = Answers(*db, clock);
    }
    auto db = OpenOrFail(DurableAt(dir.path(), &clock));
    CHECK(db->open_stats().replayed_records == 5);
    CHECK(DumpDatabase(*db) == dump2);
    CHECK(Answers(*db, clock) == answers2);
    // A KEY declared in the log is enforced after replay.
    CHECK(db->Connect().Query("CREATE (:Robot {serial: 7})").status().code() == StatusCode::kConstraint);
  }
}

TEST_CASE("the next id continues after a reopen; ids given back by a failed statement stay free",
          "[serialize][durable][roundtrip]") {
  ScratchDir dir;
  temporal::ManualClock clock(kStart);
  graph::Id last = 0;
  {
    auto db = OpenOrFail(DurableAt(dir.path(), &clock));
    Connection conn = db->Connect();
    Ok(conn, "DEFINE ENTITY City (name TEXT KEY)");
    last = IdOf(conn, "CREATE (n:Thing {name: 'a'}) RETURN id(n)");
    CHECK(conn.Query("CREATE (:Thing {name: 'b'}), (:City {name: 5})").status().code() == StatusCode::kSchemaViolation);
  }
  auto db = OpenOrFail(DurableAt(dir.path(), &clock));
  Connection conn = db->Connect();
  CHECK(IdOf(conn, "CREATE (n:Thing {name: 'c'}) RETURN id(n)") == last + 1);
}

// Every statement of the query test files, run in a durable memory, then
// the memory reopened by log replay and from a snapshot: the store must be
// identical each time. (The expectations of the files are not checked here:
// mnemo-querytest does that.)
TEST_CASE("every query test file's writes survive log replay and a snapshot", "[serialize][durable][roundtrip]") {
  const std::filesystem::path root = std::filesystem::path(MNEMO_TESTS_DIR) / "queries";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 10);
  size_t checked = 0;
  for (const auto& file : files) {
    auto blocks = querytest::ParseQueryFile(testing::ReadFile(file.string()));
    REQUIRE(blocks.ok());
    // One memory per run of blocks between resets.
    std::vector<std::vector<std::string>> runs(1);
    for (const auto& b : *blocks) {
      if (b.kind == querytest::Block::Kind::kReset)
        runs.emplace_back();
      else
        runs.back().push_back(b.statement);
    }
    for (const auto& statements : runs) {
      ScratchDir dir("corpus");
      Options o;
      o.directory = dir.path();
      o.fsync = Options::Fsync::kOff;
      o.checkpoint_on_close = false;
      o.exact_vectors = true;
      std::string dump;
      {
        auto db = OpenOrFail(o);
        Connection conn = db->Connect();
        for (const auto& s : statements) (void)conn.Run(s);
        dump = DumpDatabase(*db);
      }
      INFO(file.string());
      {
        auto db = OpenOrFail(o);
        CHECK(DumpDatabase(*db) == dump);
        (void)db->Connect().Query("SNAPSHOT");
      }
      auto db = OpenOrFail(o);
      CHECK(db->open_stats().replayed_records == 0);
      CHECK(DumpDatabase(*db) == dump);
      ++checked;
    }
  }
  CHECK(checked >= files.size());
}
