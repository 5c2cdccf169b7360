#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "graph/interner.hpp"

TEST_CASE("interning returns one symbol per distinct string", "[interner]") {
  mnemo::graph::Interner names;
  const auto a = names.Intern("Person");
  CHECK(a != mnemo::graph::kNoSymbol);
  CHECK(names.Intern("Person") == a);
  CHECK(names.Intern(std::string("Per") + "son") == a);
  CHECK(names.Intern("person") != a);  // case-sensitive
  CHECK(names.Text(a) == "Person");
  CHECK(names.Find("City") == mnemo::graph::kNoSymbol);
  CHECK(names.Intern("") != a);

  std::set<mnemo::graph::Symbol> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(names.Intern("name-" + std::to_string(i)));
  CHECK(seen.size() == 10000);
  for (int i = 0; i < 10000; ++i) CHECK(names.Find("name-" + std::to_string(i)) != mnemo::graph::kNoSymbol);
  CHECK(names.size() == 10003);
}
