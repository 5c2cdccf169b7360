// Fault injection on snapshots: a byte flipped in any region of a snapshot
// is a clear error (or, when the log still holds every write, a warning and
// a recovery from what is intact); the states a crash during a checkpoint
// can leave — a partial temporary file, a new snapshot with the old log, a
// renamed but partial snapshot, two snapshots — all recover every write.
#include <catch2/catch.hpp>

#include <filesystem>

#include <xxhash.h>

#include "serialize/snapshot_format.hpp"
#include "tests/serialize/durable_fixture.hpp"

using namespace mnemo;
using mnemo::testing::DumpDatabase;
using mnemo::testing::ScratchDir;

namespace {

struct Opened {
  Result<std::unique_ptr<Database>> db = Status::Internal("not opened");
  std::vector<std::string> warnings;
};

Opened OpenCollecting(const std::string& dir) {
  Opened out;
  Options o;
  o.directory = dir;
  o.exact_vectors = true;  // flat vectors: cheap to build, as the tests reopen often
  o.fsync = Options::Fsync::kOff;
  o.checkpoint_on_close = false;
  auto* warnings = &out.warnings;
  o.on_warning = [warnings](const std::string& w) { warnings->push_back(w); };
  out.db = Database::Open(o);
  return out;
}

void Run(const std::string& dir, const std::string& statements) {
  auto opened = OpenCollecting(dir);
  REQUIRE(opened.db.ok());
  auto r = (*opened.db)->Connect().Query(statements);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
}

std::string DumpOf(const std::string& dir) {
  auto opened = OpenCollecting(dir);
  INFO(opened.db.status().ToString());
  REQUIRE(opened.db.ok());
  CHECK(opened.warnings.empty());
  return DumpDatabase(**opened.db);
}

const char* kFirst =
    "DEFINE ENTITY Person (name TEXT KEY); DEFINE ENTITY City (name TEXT KEY);"
    "DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident);"
    "ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') VALID FROM 2020-01-01;"
    "OBSERVE 'Ann: Berlin is grey' BY Person 'Ann' IN 's1';"
    "CREATE (:Person {name: 'Bob', tags: ['x', 'y'], w: 1.5})";
const char* kSecond =
    "ASSERT lives_in(resident: Person 'Ann', city: City 'Paris') VALID FROM 2022-01-01;"
    "MATCH (p:Person {name: 'Bob'}) SET p.age = 40;"
    "OBSERVE 'Bob: hi' BY Person 'Bob' IN 's1'";

void FlipByte(const std::string& path, uint64_t offset) {
  std::string bytes = testing::ReadFile(path);
  REQUIRE(offset < bytes.size());
  bytes[offset] = static_cast<char>(bytes[offset] ^ 0x01);
  testing::WriteFile(path, bytes);
}

}  // namespace

TEST_CASE("a byte flipped in any region of a snapshot is an error naming the file", "[serialize][snapshot][fault]") {
  ScratchDir dir("snap");
  Run(dir.path(), kFirst);
  Run(dir.path(), std::string(kSecond) + "; SNAPSHOT");
  const std::string snapshot = testing::SnapshotIn(dir.path());
  REQUIRE_FALSE(snapshot.empty());
  const uint64_t size = std::filesystem::file_size(snapshot);
  const std::string name = std::filesystem::path(snapshot).filename().string();
  // The header's fields, then the body: the head message's segment table,
  // its data, the records, the last byte.
  const std::vector<std::pair<const char*, uint64_t>> regions = {
      {"magic", 3},           {"version", 8},        {"header size", 12},
      {"last LSN", 16},       {"body size", 25},     {"body checksum", 33},
      {"record count", 40},   {"reserved", 50},      {"header checksum", 60},
      {"segment table", 64},  {"head message", 100}, {"records", size / 2},
      {"last byte", size - 1}};
  ScratchDir work("snap-flip");
  const std::string copy = work / "memory";
  for (const auto& [region, offset] : regions) {
    INFO("flipped a byte of the " << region << " at offset " << offset);
    testing::CopyDirectory(dir.path(), copy);
    FlipByte(copy + "/" + name, offset);
    auto opened = OpenCollecting(copy);
    REQUIRE_FALSE(opened.db.ok());
    CHECK(opened.db.status().code() == StatusCode::kCorruption);
    CHECK_THAT(opened.db.status().message(), Catch::Contains(name));
  }
  SECTION("a snapshot cut short") {
    for (uint64_t cut : {uint64_t{0}, uint64_t{10}, uint64_t{64}, size / 2, size - 8}) {
      INFO("cut at " << cut);
      testing::CopyDirectory(dir.path(), copy);
      std::filesystem::resize_file(copy + "/" + name, cut);
      auto opened = OpenCollecting(copy);
      REQUIRE_FALSE(opened.db.ok());
      CHECK(opened.db.status().code() == StatusCode::kCorruption);
      CHECK_THAT(opened.db.status().message(), Catch::Contains(name));
    }
  }
}

TEST_CASE("every state a crash during a checkpoint leaves recovers every write", "[serialize][snapshot][fault]") {
  // before: snapshot A (first writes) + log (second writes); after: snapshot B.
  ScratchDir before("ckpt-before"), after("ckpt-after");
  Run(before.path(), std::string(kFirst) + "; SNAPSHOT");
  Run(before.path(), kSecond);
  const std::string a = testing::SnapshotIn(before.path());
  REQUIRE_FALSE(a.empty());
  const std::string expected = DumpOf(before.path());
  testing::CopyDirectory(before.path(), after.path());
  Run(after.path(), "SNAPSHOT");
  const std::string b = testing::SnapshotIn(after.path());
  REQUIRE(std::filesystem::path(a).filename() != std::filesystem::path(b).filename());
  const std::string b_name = std::filesystem::path(b).filename().string();
  const std::string b_bytes = testing::ReadFile(b);
  CHECK(DumpOf(after.path()) == expected);

  ScratchDir work("ckpt-crash");
  const std::string copy = work / "memory";
  SECTION("cut while writing the temporary file: the old snapshot and the whole log") {
    testing::CopyDirectory(before.path(), copy);
    testing::WriteFile(copy + "/" + b_name + ".tmp", b_bytes.substr(0, b_bytes.size() / 2));
    CHECK(DumpOf(copy) == expected);
    CHECK_FALSE(std::filesystem::exists(copy + "/" + b_name + ".tmp"));
  }
  SECTION("cut after the rename, before the log was truncated: its records are skipped") {
    testing::CopyDirectory(before.path(), copy);
    testing::WriteFile(copy + "/" + b_name, b_bytes);
    auto opened = OpenCollecting(copy);
    REQUIRE(opened.db.ok());
    CHECK(DumpDatabase(**opened.db) == expected);
    CHECK((*opened.db)->open_stats().replayed_records == 0);
    // The older snapshot is removed once the newer one has proved good.
    CHECK_FALSE(std::filesystem::exists(copy + "/" + std::filesystem::path(a).filename().string()));
  }
  SECTION("a renamed snapshot whose data did not reach the disk: the older one and the log stand in") {
    testing::CopyDirectory(before.path(), copy);
    testing::WriteFile(copy + "/" + b_name, b_bytes.substr(0, b_bytes.size() / 3));
    auto opened = OpenCollecting(copy);
    REQUIRE(opened.db.ok());
    CHECK(DumpDatabase(**opened.db) == expected);
    REQUIRE(opened.warnings.size() == 1);
    CHECK_THAT(opened.warnings[0], Catch::Contains(b_name));
    CHECK_THAT(opened.warnings[0], Catch::Contains("older snapshot"));
  }
  SECTION("cut after the log was truncated, before the old snapshot was removed") {
    testing::CopyDirectory(after.path(), copy);
    testing::WriteFile(copy + "/" + std::filesystem::path(a).filename().string(), testing::ReadFile(a));
    CHECK(DumpOf(copy) == expected);
    CHECK_FALSE(std::filesystem::exists(copy + "/" + std::filesystem::path(a).filename().string()));
  }
  SECTION("a partial snapshot that no older snapshot and log can replace is an error") {
    testing::CopyDirectory(after.path(), copy);
    std::filesystem::resize_file(copy + "/" + b_name, b_bytes.size() / 2);
    auto opened = OpenCollecting(copy);
    REQUIRE_FALSE(opened.db.ok());
    CHECK(opened.db.status().code() == StatusCode::kCorruption);
    CHECK_THAT(opened.db.status().message(), Catch::Contains(b_name));
    CHECK_THAT(opened.db.status().message(), Catch::Contains("cannot be opened"));
  }
}

TEST_CASE("a first checkpoint cut short leaves the log alone to recover from", "[serialize][snapshot][fault]") {
  ScratchDir dir("first-ckpt");
  Run(dir.path(), kFirst);
  const std::string expected = DumpOf(dir.path());
  ScratchDir other("first-ckpt-b");
  testing::CopyDirectory(dir.path(), other.path());
  Run(other.path(), "SNAPSHOT");
  const std::string snap = testing::SnapshotIn(other.path());
  const std::string bytes = testing::ReadFile(snap);
  testing::WriteFile(dir.path() + "/" + std::filesystem::path(snap).filename().string(), bytes.substr(0, 100));
  auto opened = OpenCollecting(dir.path());
  REQUIRE(opened.db.ok());
  CHECK(DumpDatabase(**opened.db) == expected);
  REQUIRE(opened.warnings.size() == 1);
  CHECK_THAT(opened.warnings[0], Catch::Contains("the log alone"));
}

TEST_CASE("a snapshot of a newer format version is refused as such", "[serialize][snapshot][fault]") {
  ScratchDir dir("snap-version");
  Run(dir.path(), std::string(kFirst) + "; SNAPSHOT");
  const std::string snapshot = testing::SnapshotIn(dir.path());
  std::string bytes = testing::ReadFile(snapshot);
  auto* header = reinterpret_cast<uint8_t*>(bytes.data());
  header[8] = 9;
  const uint64_t sum = XXH3_64bits(header, 56);
  for (int i = 0; i < 8; ++i) header[56 + i] = static_cast<uint8_t>(sum >> (8 * i));
  testing::WriteFile(snapshot, bytes);
  auto opened = OpenCollecting(dir.path());
  REQUIRE_FALSE(opened.db.ok());
  CHECK(opened.db.status().code() == StatusCode::kUnsupported);
  CHECK_THAT(opened.db.status().message(), Catch::Contains("version 9"));
}

TEST_CASE("snapshot file names sort and parse as their LSN", "[serialize][snapshot]") {
  CHECK(serialize::SnapshotFileName(42) == "snapshot-00000000000000000042.mnemo");
  CHECK(serialize::ParseSnapshotFileName("snapshot-00000000000000000042.mnemo") == 42u);
  CHECK_FALSE(serialize::ParseSnapshotFileName("snapshot-00000000000000000042.mnemo.tmp"));
  CHECK_FALSE(serialize::ParseSnapshotFileName("snapshot-0000000000000000004x.mnemo"));
  CHECK_FALSE(serialize::ParseSnapshotFileName("wal.log"));
  CHECK(serialize::SnapshotFileName(UINT64_MAX) == "snapshot-18446744073709551615.mnemo");
  CHECK(serialize::ParseSnapshotFileName(serialize::SnapshotFileName(UINT64_MAX)) == UINT64_MAX);
  CHECK_FALSE(serialize::ParseSnapshotFileName("snapshot-99999999999999999999.mnemo"));
}
