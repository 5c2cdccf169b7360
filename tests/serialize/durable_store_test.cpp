// The durable memory around the files: the directory lock, entries it does
// not own, the fsync policies, checkpoints (by SNAPSHOT, by log size, at
// close), and writes whose log append fails.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>

#include <filesystem>

#include "index/embedder.hpp"
#include "tests/serialize/durable_fixture.hpp"

using namespace mnemo;
using mnemo::testing::DumpDatabase;
using mnemo::testing::ScratchDir;

namespace {

Options At(const std::string& dir) {
  Options o;
  o.directory = dir;
  o.exact_vectors = true;  // flat vectors: cheap to build, as the tests reopen often
  o.on_warning = [](const std::string& w) { FAIL_CHECK("unexpected warning: " << w); };
  return o;
}

std::unique_ptr<Database> OpenOrFail(const Options& o) {
  auto db = Database::Open(o);
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  return std::move(db).value();
}

size_t CountOf(Database& db, const std::string& label) {
  return db.Connect().Read([&](const graph::Hypergraph& g) { return g.EntitiesOfType(label).size(); });
}

// Limits the size of any file this process writes while it lives (writes
// past it fail with EFBIG instead of raising SIGXFSZ).
class FileSizeLimit {
 public:
  explicit FileSizeLimit(uint64_t bytes) {
    old_handler_ = ::signal(SIGXFSZ, SIG_IGN);
    ::getrlimit(RLIMIT_FSIZE, &old_);
    rlimit limit = old_;
    limit.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &old_);
    ::signal(SIGXFSZ, old_handler_);
  }

 private:
  rlimit old_{};
  sighandler_t old_handler_;
};

class TinyEmbedder final : public index::Embedder {
 public:
  size_t dimension() const override { return 4; }
  std::vector<float> Embed(std::string_view) const override { return {1, 0, 0, 0}; }
  std::string_view name() const override { return "tiny-4"; }
};

}  // namespace

TEST_CASE("a memory directory is open for writing in one place at a time", "[serialize][durable]") {
  ScratchDir dir;
  auto first = OpenOrFail(At(dir.path()));
  auto second = Database::Open(At(dir.path()));
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().code() == StatusCode::kIOError);
  CHECK_THAT(second.status().message(), Catch::Contains(dir.path()));
  CHECK_THAT(second.status().message(), Catch::Contains("another process"));
  first.reset();
  CHECK(Database::Open(At(dir.path())).ok());
}

TEST_CASE("a memory directory is created when missing and entries it does not own are left alone",
          "[serialize][durable]") {
  ScratchDir dir;
  const std::string memory = dir / "nested/memory";
  std::filesystem::create_directories(memory + "/scopes/agent-7");
  testing::WriteFile(memory + "/scopes/agent-7/wal.log", "not ours");
  testing::WriteFile(memory + "/NOTES.txt", "hello");
  {
    auto db = OpenOrFail(At(memory));
    REQUIRE(db->Connect().Query("CREATE (:Thing {name: 'x'}); SNAPSHOT").ok());
  }
  CHECK(testing::ReadFile(memory + "/scopes/agent-7/wal.log") == "not ours");
  CHECK(testing::ReadFile(memory + "/NOTES.txt") == "hello");
  auto db = OpenOrFail(At(memory));
  CHECK(CountOf(*db, "Thing") == 1);

  testing::WriteFile(dir / "plain-file", "x");
  auto refused = Database::Open(At(dir / "plain-file"));
  CHECK(refused.status().code() == StatusCode::kIOError);
}

TEST_CASE("every fsync policy keeps every acknowledged write across a reopen", "[serialize][durable]") {
  for (auto policy : {Options::Fsync::kAlways, Options::Fsync::kBatch, Options::Fsync::kOff}) {
    INFO("policy " << static_cast<int>(policy));
    ScratchDir dir;
    Options o = At(dir.path());
    o.fsync = policy;
    o.fsync_batch_ms = 5;
    o.checkpoint_on_close = false;
    {
      auto db = OpenOrFail(o);
      Connection conn = db->Connect();
      for (int i = 0; i < 50; ++i) REQUIRE(conn.Query("CREATE (:Thing {n: " + std::to_string(i) + "})").ok());
    }
    auto db = OpenOrFail(o);
    CHECK(db->open_stats().replayed_records == 50);
    CHECK(CountOf(*db, "Thing") == 50);
  }
}

TEST_CASE("a log past checkpoint_bytes is checkpointed automatically", "[serialize][durable]") {
  ScratchDir dir;
  Options o = At(dir.path());
  o.checkpoint_bytes = 8 * 1024;
  o.fsync = Options::Fsync::kOff;
  o.checkpoint_on_close = false;
  std::string dump;
  {
    auto db = OpenOrFail(o);
    Connection conn = db->Connect();
    for (int i = 0; i < 200; ++i)
      REQUIRE(conn.Query("CREATE (:Thing {n: " + std::to_string(i) + ", text: 'some words to fill the log'})").ok());
    CHECK_FALSE(testing::SnapshotIn(dir.path()).empty());
    CHECK(std::filesystem::file_size(dir / "wal.log") < 8 * 1024 + 1024);
    dump = DumpDatabase(*db);
  }
  auto db = OpenOrFail(o);
  CHECK(db->open_stats().snapshot_bytes > 0);
  CHECK(db->open_stats().replayed_records < 200);
  CHECK(DumpDatabase(*db) == dump);
}

TEST_CASE("closing checkpoints a log as large as the snapshot, and only syncs a small one", "[serialize][durable]") {
  ScratchDir dir;
  Options o = At(dir.path());
  {
    auto db = OpenOrFail(o);
    REQUIRE(db->Connect().Query("CREATE (:Thing {n: 1})").ok());
  }
  // No snapshot yet: the close wrote one.
  const std::string first = testing::SnapshotIn(dir.path());
  CHECK_FALSE(first.empty());
  CHECK(std::filesystem::file_size(dir / "wal.log") == 32);
  {
    auto db = OpenOrFail(o);
    CHECK(db->open_stats().replayed_records == 0);
    Connection conn = db->Connect();
    for (int i = 0; i < 200; ++i) REQUIRE(conn.Query("CREATE (:Thing {n: " + std::to_string(i) + "})").ok());
  }
  // The log grew past the snapshot's size: the close replaced it.
  CHECK(testing::SnapshotIn(dir.path()) != first);
  const std::string second = testing::SnapshotIn(dir.path());
  {
    auto db = OpenOrFail(o);
    REQUIRE(db->Connect().Query("CREATE (:Thing {n: 1000})").ok());
  }
  // One small write: kept in the log.
  CHECK(testing::SnapshotIn(dir.path()) == second);
  auto db = OpenOrFail(o);
  CHECK(db->open_stats().replayed_records == 1);
  CHECK(CountOf(*db, "Thing") == 202);
}

TEST_CASE("a write whose log append fails is not acknowledged and changes nothing", "[serialize][durable]") {
  ScratchDir dir;
  Options o = At(dir.path());
  o.checkpoint_on_close = false;
  std::string dump;
  {
    auto db = OpenOrFail(o);
    Connection conn = db->Connect();
    REQUIRE(conn.Query("DEFINE ENTITY Person (name TEXT KEY); CREATE (:Person {name: 'Ann'})").ok());
    dump = DumpDatabase(*db);
    const uint64_t log = std::filesystem::file_size(dir / "wal.log");
    {
      FileSizeLimit limit(log + 20);
      auto r = conn.Query("CREATE (:Person {name: 'Bob', note: 'this record does not fit under the limit'})");
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().code() == StatusCode::kIOError);
      CHECK_THAT(r.status().message(), Catch::Contains("wal.log"));
    }
    {
      // A SNAPSHOT that cannot be written fails too, and leaves no file behind.
      FileSizeLimit limit(40);
      auto s = conn.Query("SNAPSHOT");
      CHECK(s.status().code() == StatusCode::kIOError);
    }
    CHECK(DumpDatabase(*db) == dump);
    CHECK(std::filesystem::file_size(dir / "wal.log") == log);  // cut back
    CHECK(testing::SnapshotIn(dir.path()).empty());
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) CHECK(entry.path().extension() != ".tmp");
    // The key 'Bob' is free: the failed write left nothing in the store.
    REQUIRE(conn.Query("CREATE (:Person {name: 'Bob'})").ok());
    dump = DumpDatabase(*db);
  }
  auto db = OpenOrFail(o);
  CHECK(DumpDatabase(*db) == dump);
}

TEST_CASE("SNAPSHOT needs a durable memory", "[serialize][durable]") {
  auto db = Database::Open();
  REQUIRE(db.ok());
  auto r = (*db)->Connect().Query("SNAPSHOT");
  CHECK(r.status().code() == StatusCode::kUnsupported);
}

TEST_CASE("stored embeddings must fit the configured embedder", "[serialize][durable]") {
  ScratchDir dir;
  {
    auto db = OpenOrFail(At(dir.path()));
    graph::EpisodeSpec ep;
    ep.text = "hello";
    ep.embedding.assign(256, 0.0f);
    ep.embedding[0] = 1;
    REQUIRE(db->Connect().Observe(ep).ok());
  }
  Options o = At(dir.path());
  o.embedder = std::make_shared<TinyEmbedder>();
  auto db = Database::Open(o);
  REQUIRE_FALSE(db.ok());
  CHECK(db.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(db.status().message(), Catch::Contains("tiny-4"));
  CHECK_THAT(db.status().message(), Catch::Contains("256"));
  // With its own embedder it opens.
  CHECK(Database::Open(At(dir.path())).ok());
}
