// Bad input changes nothing: every malformed statement of the corpus, and
// statements that parse but fail in the binder or while running, leave a
// populated memory exactly as it was.
#include <catch2/catch.hpp>

#include <string>

#include "engine/mnemo.hpp"
#include "tests/corpus.hpp"

using namespace mnemo;

namespace {

std::vector<std::string> MalformedCorpus() {
  return testing::ReadCorpus(std::string(MNEMO_TESTS_DIR) + "/lang/malformed.txt");
}

// Everything a reader can see, as text, plus the id counter.
std::string Digest(Connection& conn) {
  std::string out;
  for (const char* q : {"MATCH (n) RETURN n ORDER BY id(n)", "MATCH ()-[r]->() RETURN r ORDER BY id(r)",
                        "SHOW SCHEMA"}) {
    auto r = conn.Query(q);
    REQUIRE(r.ok());
    for (const auto& row : r->rows)
      for (const auto& v : row) out += r->Render(v) + "|";
    out += "\n";
  }
  out += std::to_string(conn.Read([](const graph::Hypergraph& g) { return g.next_id(); }));
  out += "/" + std::to_string(conn.Read([](const graph::Hypergraph& g) { return g.counts().episodes; }));
  return out;
}

struct PopulatedMemory {
  std::unique_ptr<Database> db = std::move(Database::Open()).value();
  Connection conn = db->Connect();
  PopulatedMemory() {
    const char* setup[] = {
        "DEFINE ENTITY Person (name TEXT KEY, age INT)",
        "DEFINE ENTITY City (name TEXT KEY)",
        "DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident)",
        "ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') VALID FROM 2020-01-01",
        "OBSERVE 'Ann: hello' BY Person 'Ann'",
        "CREATE (:Tag {name: 't'})-[:marks {w: 1}]->(:Tag {name: 'u'})",
    };
    for (const char* s : setup) REQUIRE(conn.Query(s).ok());
  }
};

}  // namespace

TEST_CASE("every malformed statement fails with a position and writes nothing", "[engine][atomicity]") {
  PopulatedMemory m;
  const std::string before = Digest(m.conn);
  const auto corpus = MalformedCorpus();
  REQUIRE(corpus.size() >= 100);
  for (const auto& text : corpus) {
    INFO("statement: " << text.substr(0, 120));
    auto r = m.conn.Query(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().line() > 0);
    CHECK(r.status().column() > 0);
  }
  CHECK(Digest(m.conn) == before);
}

TEST_CASE("statements that fail in the binder or while running change nothing", "[engine][atomicity]") {
  PopulatedMemory m;
  const std::string before = Digest(m.conn);
  const char* failing[] = {
      // bind errors (positions required)
      "MATCH (a) CREATE (a)",
      "CREATE (a)-[:T]-(b)",
      "CREATE (a)-[]->(b)",
      "MATCH (n) RETURN m",
      "MATCH (n) RETURN n LIMIT -1",
      "MATCH (a)-[r]->(b) MATCH (r) RETURN r",
      "RETURN nosuchfunction(1)",
      "MATCH (n) WHERE count(n) > 1 RETURN n",
      // run-time errors after writes in the same statement: all rolled back
      "CREATE (:Person {name: 'Zed'}) WITH 1 AS x UNWIND [1, 0] AS d RETURN x / d",
      "CREATE (:Person {name: 'Ann'})",
      "MATCH (p:Person {name: 'Ann'}) SET p.age = 3, p.name = 42",
      "MATCH (t:Tag) DELETE t",
      "MATCH (t:Tag {name: 't'}) SET t.w = 1 WITH t CREATE (t)-[:x]->(:Tag {name: 'v'}) WITH 1 AS one RETURN 1 / 0",
      "ASSERT lives_in(resident: Person 'Bob', city: Person 'Ann')",
      "ASSERT lives_in(resident: Person 'Cy', city: City 'Oslo') VALID FROM 2021-01-01 VALID UNTIL 2020-01-01",
      "OBSERVE 'x' BY Person 'New' TRUST 2",
      "RETRACT lives_in(resident: Person 'Nobody', city: City 'Berlin')",
      "PURGE 999999",
      "DEFINE ENTITY Person (name TEXT KEY)",
  };
  for (const char* text : failing) {
    INFO("statement: " << text);
    auto r = m.conn.Query(text);
    REQUIRE_FALSE(r.ok());
    if (r.status().code() == StatusCode::kBindError || r.status().code() == StatusCode::kSyntaxError) {
      CHECK(r.status().line() > 0);
      CHECK(r.status().column() > 0);
    }
    CHECK(Digest(m.conn) == before);
  }
}
