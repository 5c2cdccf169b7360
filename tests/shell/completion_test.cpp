// Tab completion of the shell (shell/completion*): the memory's names, and
// what is offered where.
#include <catch2/catch.hpp>

#include <memory>

#include "shell/completion.hpp"
#include "shell/completion_catalog.hpp"

namespace shell = mnemo::shell;
using Words = std::vector<std::string>;

namespace {

// A memory with a declared schema and some undeclared names in use.
class Memory {
 public:
  Memory() : db_(mnemo::Database::Open().value()), conn_(db_->Connect()) {
    for (const auto& outcome :
         conn_.Run("DEFINE ENTITY Person (name TEXT KEY, born DATE);"
                   "DEFINE ENTITY City (name TEXT KEY);"
                   "DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident);"
                   "DEFINE EVENT Trip (traveler: Person MANY, destination: City, purpose TEXT);"
                   "CREATE (:Pet {nickname: 'Rex'})-[:OWNED_BY {since: 2020}]->(:Person {name: 'Ann'});"))
      REQUIRE(outcome.status.ok());
  }
  shell::CompletionCatalog Catalog() {
    return conn_.Read([](const mnemo::graph::Hypergraph& g) { return shell::ReadCompletionCatalog(g); });
  }

 private:
  std::unique_ptr<mnemo::Database> db_;
  mnemo::Connection conn_;
};

// Completes the last word of `line` (the cursor at its end); the word starts
// after the last character of `breaks`.
shell::Completions Complete(const shell::CompletionCatalog& catalog, std::string_view line,
                            std::string_view breaks = " \t\"'`@$><=;|&{}()[],:.+-*/%!^~") {
  const size_t last_break = line.find_last_of(breaks);
  const size_t start = last_break == std::string_view::npos ? 0 : last_break + 1;
  return shell::CompleteInput({line, start}, catalog);
}

Words Offered(const shell::CompletionCatalog& catalog, std::string_view line) { return Complete(catalog, line).words; }

// Dot-command lines break words at blanks only.
Words OfferedForDot(const shell::CompletionCatalog& catalog, std::string_view line) {
  return Complete(catalog, line, " \t").words;
}

}  // namespace

TEST_CASE("completion catalog: declared and used names, sorted", "[shell][completion]") {
  const shell::CompletionCatalog catalog = Memory().Catalog();
  CHECK(catalog.entity_types == Words{"City", "Person", "Pet"});
  CHECK(catalog.relation_types == Words{"OWNED_BY", "Trip", "lives_in"});
  // Roles of declared relations and events, and those of relationships made
  // by CREATE (from, to).
  CHECK(catalog.roles == Words{"city", "destination", "from", "resident", "to", "traveler"});
  // Declared properties, used ones, and the value role `purpose`.
  CHECK(catalog.properties == Words{"born", "name", "nickname", "purpose", "since"});
}

TEST_CASE("completion: labels after ':', properties after '.', map keys", "[shell][completion]") {
  const shell::CompletionCatalog catalog = Memory().Catalog();
  CHECK(Offered(catalog, "MATCH (p:Pe") == Words{"Person", "Pet"});
  CHECK(Offered(catalog, "MATCH (p:Pers") == Words{"Person"});
  CHECK(Offered(catalog, "MATCH (p:pers") == Words{"Person"});  // case ignored when nothing else matches
  CHECK(Offered(catalog, "MATCH (a)-[:liv") == Words{"lives_in"});
  CHECK(Offered(catalog, "MATCH (t:Trip)-[:tr") == Words{"traveler"});
  CHECK(Offered(catalog, "MATCH (p:").size() == 12);  // every label, type and role
  CHECK(Offered(catalog, "RETURN p.na") == Words{"name"});
  CHECK(Offered(catalog, "RETURN p.") == catalog.properties);
  CHECK(Offered(catalog, "CREATE (:Person {na") == Words{"name"});
  CHECK(Offered(catalog, "CREATE (:Person {name: 'x', bo") == Words{"born"});
}

TEST_CASE("completion: keywords in the typed case, functions, types", "[shell][completion]") {
  const shell::CompletionCatalog catalog = Memory().Catalog();
  CHECK(Offered(catalog, "MAT") == Words{"MATCH"});
  CHECK(Offered(catalog, "mat") == Words{"match"});
  CHECK(Offered(catalog, "RET") == Words{"RETRACT", "RETURN"});
  CHECK(Offered(catalog, "RETURN toStr") == Words{"toString", "toStringOrNull"});
  CHECK(Offered(catalog, "ASSERT liv") == Words{"lives_in"});
  CHECK(Offered(catalog, "OBSERVE 'x' BY Pers") == Words{"Person"});
  CHECK(Offered(catalog, "RETURN co") ==
        Words{"coalesce", "collect", "communities", "confidence", "consolidate", "contains", "cos", "cot", "count"});
  CHECK(Offered(catalog, "").empty());
  CHECK(Offered(catalog, "MATCH (n) ").empty());  // no word yet: nothing to narrow
}

TEST_CASE("completion: nothing inside strings, names and comments", "[shell][completion]") {
  const shell::CompletionCatalog catalog = Memory().Catalog();
  CHECK(Offered(catalog, "RETURN 'Pe").empty());
  CHECK(Offered(catalog, "RETURN \"a:Pe").empty());
  CHECK(Offered(catalog, "RETURN `Pe").empty());
  CHECK(Offered(catalog, "RETURN 1 // MAT").empty());
  CHECK(Offered(catalog, "RETURN 1 -- MAT").empty());
  CHECK(Offered(catalog, "RETURN /* MAT").empty());
  CHECK(Offered(catalog, "RETURN 'a' + MAT") == Words{"MATCH"});          // after a closed string
  CHECK(Offered(catalog, "MATCH (a)--(b:Pe") == Words{"Person", "Pet"});  // `--(` is a relationship
}

TEST_CASE("completion: dot commands, their arguments and files", "[shell][completion]") {
  const shell::CompletionCatalog catalog = Memory().Catalog();
  CHECK(OfferedForDot(catalog, ".").size() == 8);
  CHECK(OfferedForDot(catalog, ".fo") == Words{".format"});
  CHECK(OfferedForDot(catalog, ".e") == Words{".exit", ".export"});
  CHECK(OfferedForDot(catalog, ".format j") == Words{"json"});
  CHECK(OfferedForDot(catalog, ".format ") == Words{"csv", "json", "table"});
  CHECK(OfferedForDot(catalog, ".timer o") == Words{"off", "on"});
  CHECK(OfferedForDot(catalog, ".export g") == Words{"graphml"});
  CHECK(OfferedForDot(catalog, ".nope x").empty());
  CHECK(OfferedForDot(catalog, ".help x").empty());
  CHECK(Complete(catalog, ".read samples/qu", " \t").file_names);
  CHECK(Complete(catalog, ".export dot out/pic", " \t").file_names);
  // The QUERY of .export completes as a statement.
  CHECK(Offered(catalog, ".export dot f.dot MATCH (n:Pe") == Words{"Person", "Pet"});
  CHECK(OfferedForDot(catalog, ".export dot f.dot MAT") == Words{"MATCH"});
  CHECK(Offered(catalog, ".export dot 'my file.dot' MATCH (n) RETURN n.ni") == Words{"nickname"});
}

TEST_CASE("completion: blank-separated words in dot-command arguments only", "[shell][completion]") {
  CHECK(shell::BlankSeparatedWords(".fo"));
  CHECK(shell::BlankSeparatedWords(".read samples/quick"));
  CHECK(shell::BlankSeparatedWords("  .export dot "));
  CHECK(shell::BlankSeparatedWords(".export dot out.dot"));
  CHECK_FALSE(shell::BlankSeparatedWords(".export dot out.dot "));
  CHECK_FALSE(shell::BlankSeparatedWords(".export dot out.dot MATCH (n:Pe"));
  CHECK_FALSE(shell::BlankSeparatedWords("MATCH (n:Pe"));
  CHECK_FALSE(shell::BlankSeparatedWords(""));
  CHECK(shell::BlankSeparatedWords(".unknown a b c"));
}

TEST_CASE("completion: any input, however odd, gives an answer", "[shell][completion]") {
  const shell::CompletionCatalog catalog = Memory().Catalog();
  const std::string odd[] = {"\xff\xfe:",     "(((((((((:", ".export '",
                             ".export \"a b", "{{{{,",      std::string(5000, '['),
                             ":::.",          "'\\",        ".format  table  x"};
  for (const std::string& line : odd) {
    for (size_t start = 0; start <= line.size() + 1; ++start) (void)shell::CompleteInput({line, start}, catalog);
    (void)shell::BlankSeparatedWords(line);
  }
  SUCCEED();
}
