#include <catch2/catch.hpp>

#include "index/tokenizer.hpp"

using mnemo::index::Tokenize;
using Tokens = std::vector<std::string>;

TEST_CASE("tokenizer folds case, splits on punctuation and keeps UTF-8 inside words", "[index]") {
  CHECK(Tokenize("Berlin, PARIS;tokyo-2023") == Tokens{"berlin", "paris", "tokyo", "2023"});
  CHECK(Tokenize("Café au lait") == Tokens{"café", "au", "lait"});
  CHECK(Tokenize("Zürich München") == Tokens{"zürich", "münchen"});
  CHECK(Tokenize("").empty());
  CHECK(Tokenize("  ...!? ").empty());
}

TEST_CASE("tokenizer drops stopwords and possessive/contraction tails", "[index]") {
  CHECK(Tokenize("Where does Caroline live now?") == Tokens{"carolin", "liv", "now"});
  CHECK(Tokenize("Ann's dog doesn't bark") == Tokens{"ann", "dog", "doesn", "bark"});
  CHECK(Tokenize("the and of to a") == Tokens{});
}

TEST_CASE("tokenizer stems plurals, -ing and -ed so inflections meet", "[index]") {
  const auto one = [](std::string_view word) {
    auto t = Tokenize(word);
    REQUIRE(t.size() == 1);
    return t[0];
  };
  CHECK(one("cats") == "cat");
  CHECK(one("classes") == "class");
  CHECK(one("boxes") == "box");
  CHECK(one("wishes") == "wish");
  CHECK(one("studies") == "study");
  CHECK(one("studied") == "study");
  CHECK(one("ties") == "tie");
  CHECK(one("status") == "status");
  CHECK(one("analysis") == "analysis");
  CHECK(one("playing") == "play");
  CHECK(one("played") == "play");
  CHECK(one("plays") == "play");
  CHECK(one("running") == "run");
  CHECK(one("stopped") == "stop");
  CHECK(one("falling") == "fall");
  CHECK(one("added") == "add");
  CHECK(one("string") == "string");
  CHECK(one("need") == "need");
  CHECK(one("1990s") == "1990");
  // One stem for a verb's forms, silent e included.
  for (const char* w : {"move", "moves", "moved", "moving"}) CHECK(one(w) == "mov");
  for (const char* w : {"hike", "hikes", "hiked", "hiking"}) CHECK(one(w) == "hik");
  // Documents and queries meet: same function.
  CHECK(Tokenize("She MOVED to Berlin") == Tokenize("moving berlin"));
}

TEST_CASE("tokenizer bounds token length", "[index]") {
  const std::string long_word(200, 'q');
  const auto tokens = Tokenize(long_word + " end");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0] == std::string(mnemo::index::kMaxTokenBytes, 'q'));
  CHECK(tokens[1] == "end");
}
