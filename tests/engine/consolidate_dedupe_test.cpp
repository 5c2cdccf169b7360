// CONSOLIDATE DEDUPE: duplicate candidates by key, alias, acronym and
// embedding; merged only with APPLY.
#include "engine/consolidate_dedupe.hpp"
#include "tests/engine/consolidate_fixture.hpp"

using namespace mnemo;
using graph::Id;

namespace {

struct Duplicates : testing::ConsolidateFixture {
  Duplicates() {
    for (const char* s :
         {"DEFINE ENTITY Person (name TEXT KEY)", "DEFINE ENTITY City (name TEXT KEY)",
          "ASSERT lives_in(resident: Person 'Ann', city: City 'New York City')",
          "ASSERT lives_in(resident: Person 'Bob', city: City 'New York City')",
          "ASSERT lives_in(resident: Person 'Cy', city: City 'NYC')",
          "ASSERT lives_in(resident: Person 'Di', city: City 'St. Louis')",
          "ASSERT lives_in(resident: Person 'Ed', city: City 'St Louis')",
          "ASSERT lives_in(resident: Person 'Flo', city: City 'Saint Louis')",
          "ASSERT knows(a: Person 'Jonathan Smith', b: Person 'Ann')", "ASSERT knows(a: Person 'Jon', b: Person 'Bob')",
          "MATCH (p:Person {name: 'Jonathan Smith'}) SET p.email = 'js@example.org'",
          "CREATE (:Person {name: 'Melanie'}), (:Person {name: 'Melanie!'}), (:City {name: 'Melanie'})"})
      Run(s);
  }
  // "source -> target (reason)" of each proposal.
  std::set<std::string> Proposals(const QueryResult& r) {
    std::set<std::string> out;
    for (const auto& row : r.rows)
      out.insert(row[1].as_string() + " -> " + row[3].as_string() + " (" + row[5].as_string() + ")");
    return out;
  }
};

}  // namespace

TEST_CASE("DEDUPE normalises names and forms acronyms", "[consolidate]") {
  using engine::consolidate::Acronym;
  using engine::consolidate::NormaliseName;
  CHECK(NormaliseName("St. Louis") == "st louis");
  CHECK(NormaliseName("  The  Hague ") == "hague");
  CHECK(NormaliseName("New-York_City!") == "new york city");
  CHECK(NormaliseName("Zürich") == "z\xc3\xbcrich");
  CHECK(Acronym("new york city") == "nyc");
  CHECK(Acronym("bank of america") == "ba");
  CHECK(Acronym("london").empty());
}

TEST_CASE_METHOD(Duplicates, "DEDUPE proposes, APPLY merges, and a second run finds nothing", "[consolidate]") {
  const QueryResult proposed = Run("CONSOLIDATE DEDUPE");
  REQUIRE(proposed.columns == std::vector<std::string>{"source", "source_name", "target", "target_name", "type",
                                                       "reason", "score", "merge"});
  CHECK(Proposals(proposed) == std::set<std::string>{"NYC -> New York City (acronym)", "St Louis -> St. Louis (key)",
                                                     "Melanie! -> Melanie (key)"});
  for (const auto& row : proposed.rows) CHECK(row[7].is_null());
  CHECK(proposed.stats.empty());
  CHECK(LastChangedNothing());

  const QueryResult applied = Run("CONSOLIDATE DEDUPE APPLY");
  CHECK(Proposals(applied) == Proposals(proposed));
  for (const auto& row : applied.rows) CHECK(row[7].as_int() > 0);
  CHECK(Set("MATCH (c:City) RETURN c.name") ==
        std::set<std::string>{"New York City", "St. Louis", "Saint Louis", "Melanie"});
  CHECK(Set("MATCH (p:Person)-[:lives_in]->(c:City {name: 'New York City'}) RETURN p.name") ==
        std::set<std::string>{"Ann", "Bob", "Cy"});
  CHECK(Run("CONSOLIDATE DEDUPE").rows.empty());
  // Each applied merge can be undone.
  Run("UNMERGE " + std::to_string(applied.rows[0][7].as_int()));
  CHECK(Run("MATCH (c:City) RETURN c").rows.size() == 5);
}

TEST_CASE_METHOD(Duplicates, "DEDUPE by alias and by embedding similarity", "[consolidate]") {
  // An alias the client recorded.
  graph::EntitySpec gotham{{"City"}, {{"name", graph::Value("Gotham")}}, {"Big Apple"}, {}, {}};
  REQUIRE(conn->AddEntity(gotham).ok());
  Run("ASSERT lives_in(resident: Person 'Gus', city: City 'Big Apple')");
  // Spellings the embedder maps close together.
  Run("ASSERT lives_in(resident: Person 'Hal', city: City 'Brindlecove')");
  Run("ASSERT lives_in(resident: Person 'Ida', city: City 'Brindlecoves')");
  Run("ASSERT lives_in(resident: Person 'Jo', city: City 'New York')");
  const auto found = Proposals(Run("CONSOLIDATE DEDUPE"));
  CHECK(found.count("Gotham -> Big Apple (alias)") == 1);  // Big Apple has a fact: it stays
  CHECK(found.count("Brindlecoves -> Brindlecove (embedding)") == 1);
  CHECK(found.count("New York -> New York City (embedding)") == 0);
  // A lower THRESHOLD admits less similar names.
  const QueryResult loose = Run("CONSOLIDATE DEDUPE THRESHOLD 0.8");
  CHECK(Proposals(loose).count("New York -> New York City (embedding)") == 1);
  for (const auto& row : loose.rows)
    if (row[5].as_string() == "embedding") CHECK(row[6].as_number() >= 0.8);
}

TEST_CASE_METHOD(Duplicates, "DEDUPE does not propose a merge that was undone", "[consolidate]") {
  const Id merge = Single("MERGE ENTITY City 'St Louis' INTO City 'St. Louis'");
  Run("UNMERGE " + std::to_string(merge));
  CHECK(Proposals(Run("CONSOLIDATE DEDUPE")).count("St Louis -> St. Louis (key)") == 0);
}
