#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "index/hashing_embedder.hpp"

using mnemo::index::HashingEmbedder;

namespace {
float Dot(const std::vector<float>& a, const std::vector<float>& b) {
  return std::inner_product(a.begin(), a.end(), b.begin(), 0.0f);
}
}  // namespace

TEST_CASE("hashing embedder is deterministic and has its dimension", "[index]") {
  const HashingEmbedder a, b;
  CHECK(a.dimension() == 256);
  CHECK(a.name() == "hashing-v1");
  const std::string text = "Caroline moved to Berlin last month and loves the museums";
  const auto v = a.Embed(text);
  CHECK(v.size() == 256);
  CHECK(v == a.Embed(text));
  CHECK(v == b.Embed(text));
  for (size_t d : {1, 7, 64, 1024}) CHECK(HashingEmbedder(d).Embed(text).size() == d);
  // Pinned values: the embedding space must not drift between builds.
  const auto small = HashingEmbedder(8).Embed("hello world");
  float norm = 0;
  for (float x : small) norm += x * x;
  CHECK(norm == Approx(1.0f));
  CHECK(small != HashingEmbedder(8).Embed("hello there"));
}

TEST_CASE("hashing embedder output is L2-normalised, zero only without features", "[index]") {
  const HashingEmbedder e(128);
  for (const char* text : {"q", "dog", "Caroline moved to Berlin", "x y z 1 2 3 the the the cat cat cat"}) {
    const auto v = e.Embed(text);
    CHECK(std::sqrt(Dot(v, v)) == Approx(1.0f).epsilon(1e-5));
  }
  for (const char* text : {"", "   ", "the and of", "?!,"}) {
    const auto v = e.Embed(text);
    CHECK(std::all_of(v.begin(), v.end(), [](float x) { return x == 0.0f; }));
  }
  std::vector<float> into(128, 5.0f);
  e.EmbedInto("Caroline moved to Berlin", into.data());
  CHECK(into == e.Embed("Caroline moved to Berlin"));
}

TEST_CASE("hashing embedder puts similar texts closer than unrelated ones", "[index]") {
  const HashingEmbedder e;
  const auto base = e.Embed("Caroline moved to Berlin last month");
  const auto paraphrase = e.Embed("Last month Caroline was moving to Berlin");
  const auto unrelated = e.Embed("The stock market fell sharply on Tuesday");
  CHECK(Dot(base, paraphrase) > 0.5f);
  CHECK(Dot(base, unrelated) < 0.2f);
  CHECK(Dot(base, paraphrase) > Dot(base, unrelated) + 0.3f);

  // Character n-grams relate word forms the stemmer does not join.
  const auto photo = e.Embed("photography");
  CHECK(Dot(photo, e.Embed("photographer")) > Dot(photo, e.Embed("gardening")) + 0.2f);
  // Shared words count more than shared topic-free letters.
  const auto q = e.Embed("adopting a rescue dog");
  CHECK(Dot(q, e.Embed("we adopted a dog from the rescue shelter")) >
        Dot(q, e.Embed("the conference on distributed databases")));
}

TEST_CASE("hashing embedder dampens repeated words (sublinear tf)", "[index]") {
  const HashingEmbedder e;
  const auto once = e.Embed("pizza party");
  const auto many = e.Embed("pizza pizza pizza pizza pizza pizza pizza pizza party");
  const auto pizza = e.Embed("pizza");
  const auto party = e.Embed("party");
  // Eight times the word weighs 1 + ln 8 (about 3.1), not 8, against "party".
  CHECK(Dot(many, pizza) > Dot(once, pizza));
  CHECK(Dot(many, party) > 0.2f);
}
