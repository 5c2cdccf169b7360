#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

#include "engine/mnemo.hpp"

using namespace mnemo;
using graph::Id;

TEST_CASE("an in-memory database opens without a directory", "[engine]") {
  auto db = Database::Open();
  REQUIRE(db.ok());
  Connection conn = (*db)->Connect();
  auto a = conn.EnsureEntity("Person", "Caroline");
  REQUIRE(a.ok());
  CHECK(conn.EnsureEntity("Person", "Caroline").value() == *a);  // found, not created again
  CHECK(conn.Read([](const graph::Hypergraph& g) { return g.counts().entities; }) == 1);
}

TEST_CASE("a database opened with a directory keeps its writes", "[engine]") {
  const std::string dir = (std::filesystem::temp_directory_path() /
                           ("mnemo-database-test-" + std::to_string(std::random_device{}()))).string();
  Options opts;
  opts.directory = dir;
  opts.exact_vectors = true;
  {
    auto db = Database::Open(opts);
    REQUIRE(db.ok());
    REQUIRE((*db)->Connect().EnsureEntity("Person", "Caroline").ok());
  }
  {
    auto db = Database::Open(opts);
    REQUIRE(db.ok());
    CHECK((*db)->Connect().Read([](const graph::Hypergraph& g) { return g.FindByKey("Person", "Caroline").size(); }) == 1);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("each write through a connection is atomic", "[engine]") {
  temporal::ManualClock clock(1000);
  Options opts;
  opts.clock = &clock;
  auto db = Database::Open(opts);
  REQUIRE(db.ok());
  Connection conn = (*db)->Connect();
  REQUIRE(conn.DefineEntity({"Person", {{"name", graph::PropertyType::kText, true}}}).ok());
  // A failing EnsureEntity (the key's type is wrong) leaves nothing behind.
  CHECK(conn.EnsureEntity("Person", 42).status().code() == StatusCode::kSchemaViolation);
  CHECK(conn.Read([](const graph::Hypergraph& g) { return g.counts().entities; }) == 0);
  auto a = conn.EnsureEntity("Person", "A");
  REQUIRE(a.ok());
  CHECK(conn.Read([&](const graph::Hypergraph& g) { return g.entity(*a)->time.recorded_at; }) >= 1000);
  CHECK(conn.Remove(999).code() == StatusCode::kNotFound);
  graph::HyperedgeSpec fact;
  fact.type = "knows";
  fact.roles = {{"a", *a, {}}, {"b", 12345, {}}};
  CHECK(conn.Assert(fact).status().code() == StatusCode::kNotFound);
  CHECK(conn.Read([&](const graph::Hypergraph& g) { return g.entity(*a)->incidence.size(); }) == 0);
}

TEST_CASE("readers and a writer can share a database", "[engine]") {
  auto db = Database::Open();
  REQUIRE(db.ok());
  std::atomic<bool> done{false};
  std::atomic<size_t> reads{0};
  std::thread writer([&] {
    Connection conn = (*db)->Connect();
    for (int i = 0; i < 2000; ++i) REQUIRE(conn.EnsureEntity("Person", "p" + std::to_string(i)).ok());
    done = true;
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r)
    readers.emplace_back([&] {
      Connection conn = (*db)->Connect();
      size_t last = 0;
      while (!done) {
        const size_t n = conn.Read([](const graph::Hypergraph& g) { return g.EntitiesOfType("Person").size(); });
        CHECK(n >= last);
        last = n;
        ++reads;
      }
    });
  writer.join();
  for (auto& t : readers) t.join();
  CHECK((*db)->Connect().Read([](const graph::Hypergraph& g) { return g.counts().entities; }) == 2000);
}
