// The scope registry of `mnemo serve` (shell/scopes.*): names, isolation,
// listing, dropping while a lease is held, and the durable layout.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "shell/scopes.hpp"

using mnemo::StatusCode;
using mnemo::shell::ScopeRegistry;
namespace fs = std::filesystem;

namespace {

// Runs `text` in `scope` of `registry` and returns the first column of its rows.
std::vector<std::string> Names(ScopeRegistry& registry, const std::string& scope, const std::string& text) {
  auto lease = registry.Acquire(scope);
  REQUIRE(lease.ok());
  auto result = lease->database().Connect().Query(text);
  REQUIRE(result.ok());
  std::vector<std::string> names;
  for (const auto& row : result->rows) names.push_back(row.at(0).as_string());
  return names;
}

void Run(ScopeRegistry& registry, const std::string& scope, const std::string& text) {
  auto lease = registry.Acquire(scope);
  REQUIRE(lease.ok());
  REQUIRE(lease->database().Connect().Query(text).ok());
}

// A fresh directory under the system's temporary directory, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("mnemo-scopes-test-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

}  // namespace

TEST_CASE("scope names are [A-Za-z0-9_-]{1,64}", "[serve]") {
  for (std::string good :
       std::vector<std::string>{"default", "a", "agent-7", "user_42", "ABC-def_09", std::string(64, 'x')})
    CHECK(ScopeRegistry::ValidateName(good).ok());
  for (std::string bad :
       std::vector<std::string>{"", " ", "a b", "a/b", "..", ".", "a.b", "ümlaut", "a\nb", std::string(65, 'x')}) {
    INFO(bad);
    CHECK(ScopeRegistry::ValidateName(bad).code() == StatusCode::kInvalidArgument);
  }
}

TEST_CASE("a scope never sees another scope's memories", "[serve]") {
  ScopeRegistry registry("");
  Run(registry, "alice", "CREATE (:Person {name: 'Ann'})");
  Run(registry, "bob", "CREATE (:Person {name: 'Bea'})");
  CHECK(Names(registry, "alice", "MATCH (p:Person) RETURN p.name") == std::vector<std::string>{"Ann"});
  CHECK(Names(registry, "bob", "MATCH (p:Person) RETURN p.name") == std::vector<std::string>{"Bea"});
  CHECK(Names(registry, "default", "MATCH (p:Person) RETURN p.name").empty());
}

TEST_CASE("Acquire rejects an invalid name and opens nothing", "[serve]") {
  ScopeRegistry registry("");
  auto lease = registry.Acquire("no/slashes");
  REQUIRE_FALSE(lease.ok());
  CHECK(lease.status().code() == StatusCode::kInvalidArgument);
  CHECK(registry.List() == std::vector<std::string>{"default"});
}

TEST_CASE("List names the default scope and every opened scope, sorted", "[serve]") {
  ScopeRegistry registry("");
  CHECK(registry.List() == std::vector<std::string>{"default"});
  Run(registry, "zeta", "RETURN 1");
  Run(registry, "alpha", "RETURN 1");
  CHECK(registry.List() == std::vector<std::string>{"alpha", "default", "zeta"});
}

TEST_CASE("Drop forgets a scope; using the name again starts an empty memory", "[serve]") {
  ScopeRegistry registry("");
  Run(registry, "tmp", "CREATE (:Person {name: 'Ann'})");
  REQUIRE(registry.Drop("tmp").ok());
  CHECK(registry.List() == std::vector<std::string>{"default"});
  CHECK(registry.Drop("tmp").code() == StatusCode::kNotFound);
  CHECK(Names(registry, "tmp", "MATCH (p:Person) RETURN p.name").empty());
}

TEST_CASE("Drop refuses the default scope and invalid names", "[serve]") {
  ScopeRegistry registry("");
  CHECK(registry.Drop("default").code() == StatusCode::kInvalidArgument);
  CHECK(registry.Drop("a b").code() == StatusCode::kInvalidArgument);
  CHECK(registry.Drop("never-opened").code() == StatusCode::kNotFound);
}

TEST_CASE("Drop waits until the scope's leases are released", "[serve]") {
  ScopeRegistry registry("");
  auto lease = registry.Acquire("busy");
  REQUIRE(lease.ok());
  std::atomic<bool> dropped{false};
  std::thread dropper([&] {
    CHECK(registry.Drop("busy").ok());
    dropped = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK_FALSE(dropped.load());
  // The lease still works while the drop waits.
  CHECK(lease->database().Connect().Query("CREATE (:X)").ok());
  { auto released = std::move(lease); }
  dropper.join();
  CHECK(dropped.load());
}

TEST_CASE("ForEachOpen visits every open scope in name order", "[serve]") {
  ScopeRegistry registry("");
  Run(registry, "b", "CREATE (:X), (:X)");
  Run(registry, "a", "CREATE (:X)");
  std::vector<std::pair<std::string, size_t>> seen;
  registry.ForEachOpen([&](const std::string& name, mnemo::Database& db) {
    seen.emplace_back(name, db.Connect().Read([](const mnemo::graph::Hypergraph& g) { return g.counts().entities; }));
  });
  // "default" is not open until someone uses it.
  CHECK(seen == std::vector<std::pair<std::string, size_t>>{{"a", 1}, {"b", 2}});
}

TEST_CASE("durable scopes: default in DIR, scope S in DIR/scopes/S", "[serve]") {
  TempDir dir;
  const std::string root = dir.path.string();
  {
    ScopeRegistry registry(root);
    CHECK(registry.durable());
    CHECK(registry.DirectoryOf("default") == root);
    CHECK(registry.DirectoryOf("agent-7") == (dir.path / "scopes" / "agent-7").string());
    auto lease = registry.Acquire("agent-7");
    if (!lease.ok() && lease.status().code() == StatusCode::kUnsupported) {
      WARN("durable memories are not supported by this engine: " << lease.status().message());
      return;
    }
    REQUIRE(lease.ok());
    REQUIRE(lease->database().Connect().Query("CREATE (:Person {name: 'Ann'})").ok());
  }
  // A new registry over the same directory lists the scope before opening it
  // and finds its memories again.
  ScopeRegistry registry(root);
  CHECK(registry.List() == std::vector<std::string>{"agent-7", "default"});
  CHECK(Names(registry, "agent-7", "MATCH (p:Person) RETURN p.name") == std::vector<std::string>{"Ann"});
  CHECK(Names(registry, "default", "MATCH (p:Person) RETURN p.name").empty());
  REQUIRE(registry.Drop("agent-7").ok());
  CHECK_FALSE(fs::exists(dir.path / "scopes" / "agent-7"));
  CHECK(registry.List() == std::vector<std::string>{"default"});
}
