// Fault injection on the write-ahead log: a torn tail (the log cut at every
// byte of its last record, or followed by zeros) loses only that record,
// with a warning naming its offset; damage before the last record, a gap in
// the sequence numbers or a damaged header stops the open with an error
// naming the file and the offset.
#include <catch2/catch.hpp>

#include <filesystem>

#include <xxhash.h>

#include "serialize/file_util.hpp"
#include "serialize/wal.hpp"
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

std::string DumpOf(const std::string& dir) {
  auto opened = OpenCollecting(dir);
  REQUIRE(opened.db.ok());
  return DumpDatabase(**opened.db);
}

void Run(const std::string& dir, const std::string& statements) {
  auto opened = OpenCollecting(dir);
  REQUIRE(opened.db.ok());
  auto r = (*opened.db)->Connect().Query(statements);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
}

uint64_t LogSize(const std::string& dir) { return std::filesystem::file_size(dir + "/wal.log"); }

// The offsets of the records of a memory's log.
std::vector<uint64_t> RecordOffsets(const std::string& dir) {
  auto file = serialize::MappedFile::Open(dir + "/wal.log");
  REQUIRE(file.ok());
  auto scan = serialize::ScanLog(*file, dir + "/wal.log");
  REQUIRE(scan.ok());
  std::vector<uint64_t> offsets;
  for (const auto& r : scan->records) offsets.push_back(r.offset);
  return offsets;
}

// A memory of a few records; `before` is its state without the last one.
struct Written {
  ScratchDir dir{"wal"};
  std::string before, after;
  uint64_t last_offset = 0, end = 0;
  Written() {
    Run(dir.path(),
        "DEFINE ENTITY Person (name TEXT KEY); DEFINE ENTITY City (name TEXT KEY);"
        "DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident);"
        "ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin');"
        "OBSERVE 'Ann moved' BY Person 'Ann'");
    before = DumpOf(dir.path());
    last_offset = LogSize(dir.path());
    Run(dir.path(), "ASSERT lives_in(resident: Person 'Ann', city: City 'Paris (the one in Texas)')");
    after = DumpOf(dir.path());
    end = LogSize(dir.path());
  }
};

void FlipByte(const std::string& path, uint64_t offset) {
  std::string bytes = testing::ReadFile(path);
  REQUIRE(offset < bytes.size());
  bytes[offset] = static_cast<char>(bytes[offset] ^ 0x5A);
  testing::WriteFile(path, bytes);
}

}  // namespace

TEST_CASE("a log cut at any byte of its last record recovers every earlier write", "[serialize][wal][fault]") {
  Written w;
  REQUIRE(w.end > w.last_offset + 16);
  REQUIRE(w.before != w.after);
  ScratchDir work("wal-cut");
  const std::string copy = work / "memory";
  for (uint64_t cut = w.last_offset; cut <= w.end; ++cut) {
    INFO("log cut at " << cut << " (last record at " << w.last_offset << ", end " << w.end << ")");
    testing::CopyDirectory(w.dir.path(), copy);
    std::filesystem::resize_file(copy + "/wal.log", cut);
    {
      auto opened = OpenCollecting(copy);
      REQUIRE(opened.db.ok());
      const bool whole = cut == w.end;
      CHECK(DumpDatabase(**opened.db) == (whole ? w.after : w.before));
      if (cut == w.last_offset || whole) {
        CHECK(opened.warnings.empty());
      } else {
        REQUIRE(opened.warnings.size() == 1);
        CHECK_THAT(opened.warnings[0], Catch::Contains("offset " + std::to_string(w.last_offset)));
        CHECK_THAT(opened.warnings[0], Catch::Contains("wal.log"));
      }
    }
    // The torn tail was cut: new writes follow the last good record.
    CHECK(LogSize(copy) == (cut == w.end ? w.end : w.last_offset));
    if ((cut - w.last_offset) % 16 != 1) continue;  // writing after the cut: checked at a sample of cuts
    Run(copy, "CREATE (:Person {name: 'Zed'})");
    auto again = OpenCollecting(copy);
    REQUIRE(again.db.ok());
    CHECK(again.warnings.empty());
    CHECK((*again.db)->Connect().Read([](const graph::Hypergraph& g) { return g.FindByKey("Person", "Zed").size(); }) ==
          1);
  }
}

TEST_CASE("zeros after the last record (a tail the file system extended) are a torn tail", "[serialize][wal][fault]") {
  Written w;
  { std::filesystem::resize_file(w.dir / "wal.log", w.end + 4096); }
  auto opened = OpenCollecting(w.dir.path());
  REQUIRE(opened.db.ok());
  CHECK(DumpDatabase(**opened.db) == w.after);
  REQUIRE(opened.warnings.size() == 1);
  CHECK_THAT(opened.warnings[0], Catch::Contains("offset " + std::to_string(w.end)));
}

TEST_CASE("damage before the last record is an error naming the offset, never a silent skip",
          "[serialize][wal][fault]") {
  Written w;
  const std::vector<uint64_t> offsets = RecordOffsets(w.dir.path());
  REQUIRE(offsets.size() >= 4);
  ScratchDir work("wal-damage");
  const std::string copy = work / "memory";
  // Each field of a record in the middle: length, length check, checksum,
  // first and last payload bytes.
  const uint64_t at = offsets[1];
  const uint64_t next = offsets[2];
  for (uint64_t offset : {at, at + 4, at + 8, at + 16, at + 40, next - 1}) {
    INFO("byte " << offset << " flipped");
    testing::CopyDirectory(w.dir.path(), copy);
    FlipByte(copy + "/wal.log", offset);
    auto opened = OpenCollecting(copy);
    REQUIRE_FALSE(opened.db.ok());
    CHECK(opened.db.status().code() == StatusCode::kCorruption);
    CHECK_THAT(opened.db.status().message(), Catch::Contains("wal.log"));
    CHECK_THAT(opened.db.status().message(), Catch::Contains("offset " + std::to_string(at)));
    CHECK_THAT(opened.db.status().message(), Catch::Contains("valid record follows at offset " + std::to_string(next)));
  }
  SECTION("a damaged header") {
    for (uint64_t offset : {0, 7, 8, 12, 16, 24, 31}) {
      INFO("byte " << offset << " flipped");
      testing::CopyDirectory(w.dir.path(), copy);
      FlipByte(copy + "/wal.log", offset);
      auto opened = OpenCollecting(copy);
      REQUIRE_FALSE(opened.db.ok());
      CHECK(opened.db.status().code() == StatusCode::kCorruption);
      CHECK_THAT(opened.db.status().message(), Catch::Contains("wal.log"));
    }
  }
  SECTION("a missing record (a gap in the sequence numbers)") {
    testing::CopyDirectory(w.dir.path(), copy);
    std::string bytes = testing::ReadFile(copy + "/wal.log");
    bytes.erase(at, next - at);
    testing::WriteFile(copy + "/wal.log", bytes);
    auto opened = OpenCollecting(copy);
    REQUIRE_FALSE(opened.db.ok());
    CHECK(opened.db.status().code() == StatusCode::kCorruption);
    CHECK_THAT(opened.db.status().message(), Catch::Contains("offset " + std::to_string(at)));
    CHECK_THAT(opened.db.status().message(), Catch::Contains("LSN"));
  }
}

TEST_CASE("a log of a newer format version is refused as such", "[serialize][wal][fault]") {
  Written w;
  std::string bytes = testing::ReadFile(w.dir / "wal.log");
  auto* header = reinterpret_cast<uint8_t*>(bytes.data());
  header[8] = 2;  // version 2, with a header checksum that matches
  const uint64_t sum = XXH3_64bits(header, 24);
  for (int i = 0; i < 8; ++i) header[24 + i] = static_cast<uint8_t>(sum >> (8 * i));
  testing::WriteFile(w.dir / "wal.log", bytes);
  auto opened = OpenCollecting(w.dir.path());
  REQUIRE_FALSE(opened.db.ok());
  CHECK(opened.db.status().code() == StatusCode::kUnsupported);
  CHECK_THAT(opened.db.status().message(), Catch::Contains("version 2"));
}
