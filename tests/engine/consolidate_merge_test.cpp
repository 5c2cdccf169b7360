// MERGE ENTITY a INTO b and UNMERGE: a duplicate merged with its history,
// then the merge undone.
#include <unistd.h>

#include <filesystem>

#include "tests/engine/consolidate_fixture.hpp"

using namespace mnemo;
using graph::Id;

namespace {

struct Cities : testing::ConsolidateFixture {
  explicit Cities(const std::string& directory = "") : ConsolidateFixture(directory) {
    for (const char* s : {"DEFINE ENTITY Person (name TEXT KEY)", "DEFINE ENTITY City (name TEXT KEY)",
                          "DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident)",
                          "ASSERT lives_in(resident: Person 'Bob', city: City 'NYC') VALID FROM 2020-01-01",
                          "ASSERT lives_in(resident: Person 'Bob', city: City 'Boston') VALID FROM 2021-01-01",
                          "ASSERT lives_in(resident: Person 'Ann', city: City 'New York City')",
                          "OBSERVE 'Bob: NYC is loud' BY Person 'Bob' ABOUT City 'NYC'",
                          "MATCH (c:City {name: 'NYC'}) SET c.population = 8000000",
                          "MATCH (c:City {name: 'NYC'}) SET c.population = 8300000",
                          "MATCH (c:City {name: 'NYC'}) SET c.nickname = 'Big Apple'",
                          "MATCH (c:City {name: 'New York City'}) SET c.population = 8400000"})
      Run(s);
    nyc = Single("MATCH (c:City {name: 'NYC'}) RETURN id(c)");
    full = Single("MATCH (c:City {name: 'New York City'}) RETURN id(c)");
  }
  Id nyc = 0, full = 0;

  // Everything a reader sees, and the stored links a merge moves.
  std::string Digest() {
    std::string out;
    for (const char* q : {"MATCH (n) RETURN n ORDER BY id(n)", "MATCH ()-[r]->() RETURN r ORDER BY id(r)",
                          "HISTORY lives_in(resident: Person 'Bob')", "TIMELINE Person 'Bob'"}) {
      const QueryResult r = Run(q);
      for (const auto& row : r.rows)
        for (const auto& v : row) out += r.Render(v) + "|";
      out += "\n";
    }
    out += conn->Read([](const graph::Hypergraph& g) {
      std::string links;
      for (const auto& [id, e] : g.entities()) {
        links += std::to_string(id) + (e.forgotten ? "F" : "") + ":";
        for (const auto& a : e.aliases) links += a + ",";
        for (const auto& [k, v] : e.properties.entries())
          links += std::string(g.names().Text(k)) + "=" + v.ToString() + ",";
        // Incidence, without the merge records (they stay as history).
        for (const auto* lines : {&e.incidence, &e.past_incidence}) {
          for (const auto& inc : *lines)
            if (g.names().Text(inc.type) != "merged_into") links += std::to_string(inc.edge) + ",";
          links += "/";
        }
      }
      for (const auto& [id, ep] : g.episodes()) {
        links += std::to_string(ep.speaker) + ">";
        for (Id a : ep.about) links += std::to_string(a) + ",";
      }
      for (const auto& [id, h] : g.hyperedges())
        if (g.names().Text(h.type) == "lives_in")
          for (const auto& r : h.roles) links += std::to_string(r.entity) + ",";
      return links;
    });
    return out;
  }
};

}  // namespace

TEST_CASE_METHOD(Cities, "MERGE ENTITY moves facts, episodes, properties and names, keeping history", "[consolidate]") {
  const QueryResult r = Run("MERGE ENTITY City 'NYC' INTO City 'New York City'");
  REQUIRE(r.columns == std::vector<std::string>{"merge", "source", "source_name", "target", "target_name", "facts",
                                                "episodes", "aliases", "properties", "types"});
  const auto& row = r.rows.at(0);
  const Id merge = static_cast<Id>(row[0].as_int());
  CHECK(static_cast<Id>(row[1].as_int()) == nyc);
  CHECK(static_cast<Id>(row[3].as_int()) == full);
  CHECK(row[5].as_int() == 1);  // Bob's old lives_in
  CHECK(row[6].as_int() == 1);  // the episode about NYC
  CHECK(row[7].as_int() == 1);  // alias 'NYC'
  CHECK(row[8].as_int() == 1);  // nickname (population: the target's stays)
  CHECK(row[9].as_int() == 0);

  // The superseded fact now names New York City, with its times and status.
  const QueryResult history = Run("HISTORY lives_in(resident: Person 'Bob')");
  REQUIRE(history.rows.size() == 2);
  CHECK(history.rows[0][1].as_string() == "lives_in(resident: Bob, city: New York City)");
  CHECK(history.rows[0][8].as_string() == "superseded");
  CHECK(history.rows[1][1].as_string() == "lives_in(resident: Bob, city: Boston)");
  CHECK(Set("MATCH (c:City) RETURN c.name") == std::set<std::string>{"Boston", "New York City"});
  CHECK(Set("MATCH (c:City {name: 'New York City'}) RETURN c.nickname") == std::set<std::string>{"Big Apple"});
  CHECK(Set("MATCH (c:City {name: 'New York City'}) RETURN c.population") == std::set<std::string>{"8400000"});
  CHECK(Set("TIMELINE City 'New York City'", 1) == std::set<std::string>{"episode", "fact"});
  // NYC is archived with its own property history; its name now leads to New York City.
  conn->Read([&](const graph::Hypergraph& g) {
    CHECK(g.entity(nyc)->forgotten);
    CHECK(g.entity(nyc)->property_history.size() >= 2);
    CHECK(g.entity(full)->aliases == std::vector<std::string>{"NYC"});
    return 0;
  });
  CHECK(Single("ASSERT lives_in(resident: Person 'Cy', city: City 'NYC')") > 0);
  CHECK(Set("MATCH (p:Person {name: 'Cy'})-[:lives_in]->(c) RETURN c.name") == std::set<std::string>{"New York City"});
  // The merge is recorded.
  const QueryResult merges = Run("HISTORY merged_into(target: City 'New York City')");
  REQUIRE(merges.rows.size() == 1);
  CHECK(static_cast<Id>(merges.rows[0][0].as_int()) == merge);
  CHECK(merges.rows[0][8].as_string() == "current");
  // Merging it again names the merge.
  CHECK(Fails("MERGE ENTITY City 'NYC' INTO City 'Boston'").message().find("UNMERGE") != std::string::npos);
}

TEST_CASE_METHOD(Cities, "UNMERGE undoes a merge exactly; history keeps both", "[consolidate]") {
  const std::string before = Digest();
  const Id merge = Single("MERGE ENTITY City 'NYC' INTO City 'New York City'");
  CHECK(Digest() != before);
  const QueryResult undone = Run("UNMERGE " + std::to_string(merge));
  CHECK(undone.rows.at(0)[5].as_int() == 1);
  CHECK(Digest() == before);
  // The merge record is retracted, not erased.
  const QueryResult merges = Run("HISTORY merged_into(target: City 'New York City')");
  REQUIRE(merges.rows.size() == 1);
  CHECK(merges.rows[0][8].as_string() == "retracted");
  CHECK(Fails("UNMERGE " + std::to_string(merge)).code() == StatusCode::kInvalidArgument);
  // UNMERGE also takes the merged entity's id.
  Run("MERGE ENTITY City 'NYC' INTO City 'New York City'");
  Run("UNMERGE " + std::to_string(nyc));
  CHECK(Digest() == before);
}

TEST_CASE_METHOD(Cities, "a failed MERGE ENTITY changes nothing", "[consolidate]") {
  Run("DEFINE ENTITY Airport (code TEXT KEY)");
  const std::string before = Digest();
  // New York City cannot take NYC's types when one has a KEY it lacks.
  Run("MATCH (c:City {name: 'NYC'}) SET c.code = 'JFK', c:Airport");
  const std::string with_label = Digest();
  CHECK(Fails("MERGE ENTITY City 'NYC' INTO City 'NYC'").code() == StatusCode::kInvalidArgument);
  CHECK(Fails("MERGE ENTITY City 'Nowhere' INTO City 'NYC'").code() == StatusCode::kNotFound);
  const Status st = Fails("MERGE ENTITY City 'NYC' INTO City 'New York City'");
  CHECK(st.code() == StatusCode::kSchemaViolation);
  CHECK(Digest() == with_label);
  CHECK(before != with_label);
}

TEST_CASE("a merge and its undoing survive reopening a durable memory", "[consolidate]") {
  const std::string dir = (std::filesystem::temp_directory_path() /
                           ("mnemo-merge-" + std::to_string(::getpid()) + "-" + std::to_string(rand())))
                              .string();
  std::string before, merged;
  Id merge = 0;
  {
    Cities m(dir);
    before = m.Digest();
    merge = m.Single("MERGE ENTITY City 'NYC' INTO City 'New York City'");
    merged = m.Digest();
    m.Open(dir);  // close, recover from the log
    CHECK(m.Digest() == merged);
    m.Run("UNMERGE " + std::to_string(merge));
    m.Open(dir);
    CHECK(m.Digest() == before);
  }
  std::filesystem::remove_all(dir);
}
