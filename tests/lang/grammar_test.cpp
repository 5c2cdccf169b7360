// The PEGTL grammar is well formed: no rule can loop without consuming input.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "lang/grammar.hpp"

namespace g = mnemo::lang::grammar;

TEST_CASE("grammar has no infinite loops or left recursion", "[lang][grammar]") {
  CHECK(tao::pegtl::analyze<g::script>(1) == 0);
}

TEST_CASE("keywords need a word boundary and ignore case", "[lang][grammar]") {
  using tao::pegtl::memory_input;
  auto matches = [](const std::string& text) {
    memory_input<> in(text, "");
    return tao::pegtl::parse<tao::pegtl::seq<g::kw_match, tao::pegtl::eof>>(in);
  };
  CHECK(matches("MATCH"));
  CHECK(matches("match"));
  CHECK(matches("MaTcH"));
  CHECK_FALSE(matches("MATCHES"));
  CHECK_FALSE(matches("MATCH_"));
}
