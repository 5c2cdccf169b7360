#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>

#include "index/keyword_index.hpp"

using mnemo::index::KeywordHit;
using mnemo::index::KeywordIndex;

namespace {

// Every live document scored one by one: the oracle for Search.
std::vector<KeywordHit> AllScores(const KeywordIndex& index, const std::set<uint64_t>& ids, std::string_view query) {
  std::vector<KeywordHit> all;
  for (uint64_t id : ids) {
    const float s = index.Score(id, query);
    if (s > 0) all.push_back({id, s});
  }
  std::sort(all.begin(), all.end(), [](const KeywordHit& a, const KeywordHit& b) {
    return a.score > b.score || (a.score == b.score && a.id < b.id);
  });
  return all;
}

std::vector<KeywordHit> TopK(const std::vector<KeywordHit>& all, size_t k,
                             const std::function<bool(uint64_t)>& accept) {
  std::vector<KeywordHit> top;
  for (const auto& hit : all)
    if (top.size() < k && (!accept || accept(hit.id))) top.push_back(hit);
  return top;
}

void CheckSame(const std::vector<KeywordHit>& got, const std::vector<KeywordHit>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].id == want[i].id);
    CHECK(got[i].score == want[i].score);
  }
}

}  // namespace

TEST_CASE("BM25 scores equal a hand-computed example", "[index]") {
  KeywordIndex index;                   // k1 = 1.2, b = 0.75
  index.Add(1, "cat sat");              // cat(1) sat(1)       dl = 2
  index.Add(2, "Cats, cats and dog!");  // cat(2) dog(1)       dl = 3 ("and" is a stopword)
  index.Add(3, "dog bird fish fox");    // dog, bird, fish, fox dl = 4
  REQUIRE(index.size() == 3);
  CHECK(index.AverageLength() == Approx(3.0));  // (2 + 3 + 4) / 3
  CHECK(index.DocumentFrequency("cat") == 2);

  // N = 3, df(cat) = df(dog) = 2: idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6 = 0.4700036
  // norm(dl) = k1 * (1 - b + b * dl / avgdl):
  //   dl 2: 1.2 * (0.25 + 0.5)  = 0.9
  //   dl 3: 1.2 * (0.25 + 0.75) = 1.2
  //   dl 4: 1.2 * (0.25 + 1.0)  = 1.5
  // doc 1, cat tf 1: 0.4700036 * 1 * 2.2 / (1 + 0.9) = 0.4700036 * 1.1578947 = 0.5442147
  // doc 2, cat tf 2: 0.4700036 * 2 * 2.2 / (2 + 1.2) = 0.4700036 * 1.375     = 0.6462550
  //        dog tf 1: 0.4700036 * 1 * 2.2 / (1 + 1.2) = 0.4700036 * 1.0       = 0.4700036
  // doc 3, dog tf 1: 0.4700036 * 1 * 2.2 / (1 + 1.5) = 0.4700036 * 0.88      = 0.4136032
  CHECK(index.Score(1, "cat") == Approx(0.5442147));
  CHECK(index.Score(2, "cat") == Approx(0.6462550));
  CHECK(index.Score(3, "cat") == 0.0f);
  CHECK(index.Score(2, "cats and dogs") == Approx(0.6462550 + 0.4700036));
  // A term repeated in the query counts twice.
  CHECK(index.Score(3, "dog dog") == Approx(2 * 0.4136032));
  CHECK(index.Score(99, "cat") == 0.0f);

  const auto hits = index.Search("cats and dogs", 10);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].id == 2);
  CHECK(hits[0].score == Approx(1.1162586));
  CHECK(hits[1].id == 1);
  CHECK(hits[1].score == Approx(0.5442147));
  CHECK(hits[2].id == 3);
  CHECK(hits[2].score == Approx(0.4136032));
  CHECK(index.Search("cats and dogs", 1).size() == 1);
  CHECK(index.Search("cats and dogs", 0).empty());
  CHECK(index.Search("unicorn", 5).empty());
  CHECK(index.Search("the and", 5).empty());

  SECTION("removal updates N, avgdl and df") {
    index.Remove(1);
    index.Remove(1);  // absent: no-op
    CHECK(index.size() == 2);
    CHECK_FALSE(index.Contains(1));
    CHECK(index.AverageLength() == Approx(3.5));  // (3 + 4) / 2
    CHECK(index.DocumentFrequency("cat") == 1);
    // N = 2, df(cat) = 1: idf = ln(1 + 1.5 / 1.5) = ln 2 = 0.6931472
    // dl 3: norm = 1.2 * (0.25 + 0.75 * 3 / 3.5) = 1.0714286
    // doc 2: 0.6931472 * 4.4 / (2 + 1.0714286) = 0.6931472 * 1.4325581 = 0.9929676
    CHECK(index.Score(2, "cat") == Approx(0.9929676));
    CHECK(index.Score(1, "cat") == 0.0f);
    const auto after = index.Search("cat sat", 10);
    REQUIRE(after.size() == 1);
    CHECK(after[0].id == 2);
    CHECK(index.Search("sat", 10).empty());
  }
  SECTION("Add of a present id replaces its text") {
    index.Add(2, "bird");
    CHECK(index.size() == 3);
    CHECK(index.DocumentFrequency("cat") == 1);
    CHECK(index.DocumentFrequency("dog") == 1);
    CHECK(index.DocumentFrequency("bird") == 2);
    CHECK(index.AverageLength() == Approx((2 + 1 + 4) / 3.0));
    const auto cats = index.Search("cat", 10);
    REQUIRE(cats.size() == 1);
    CHECK(cats[0].id == 1);
    const auto birds = index.Search("bird", 10);
    REQUIRE(birds.size() == 2);
    CHECK(birds[0].id == 2);  // the shorter document
    index.Compact();
    CHECK(index.Search("bird", 10)[0].score == birds[0].score);
    CHECK(index.Score(1, "cat") == cats[0].score);
  }
  SECTION("accept filters before a hit takes a slot") {
    const auto odd = index.Search("cats and dogs", 1, [](uint64_t id) { return id != 2; });
    REQUIRE(odd.size() == 1);
    CHECK(odd[0].id == 1);  // not empty: the rejected best hit did not take the slot
    CHECK(index.Search("cats and dogs", 5, [](uint64_t) { return false; }).empty());
  }
}

TEST_CASE("BM25 pruned top-k equals brute-force top-k on a random corpus", "[index]") {
  // A Zipf-distributed vocabulary, so queries mix very common and rare words.
  std::mt19937 rng(20240611);
  const size_t vocabulary = 3000;
  std::vector<double> weights(vocabulary);
  for (size_t i = 0; i < vocabulary; ++i) weights[i] = 1.0 / std::pow(i + 1.0, 1.05);
  std::discrete_distribution<size_t> word(weights.begin(), weights.end());
  std::uniform_int_distribution<int> doc_length(3, 30), query_length(1, 8);
  const auto text = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "w" + std::to_string(word(rng)) + " ";
    return s;
  };

  // More documents than one window of Search (4096), so windows meet.
  const uint64_t documents = 9000;
  KeywordIndex index;
  std::set<uint64_t> ids;
  for (uint64_t id = 1; id <= documents; ++id) {
    index.Add(id, text(doc_length(rng)));
    ids.insert(id);
  }
  std::vector<std::string> queries;
  for (int i = 0; i < 30; ++i) queries.push_back(text(query_length(rng)));
  // Short documents tie often; the order must still agree exactly.
  queries.push_back("w0");
  queries.push_back("w0 w1 w2 w0");

  const std::function<bool(uint64_t)> everything, some = [](uint64_t id) { return id % 3 != 0; };
  const auto check_all = [&] {
    for (const auto& q : queries) {
      const auto all = AllScores(index, ids, q);
      for (const auto* accept : {&everything, &some})
        for (size_t k : {1, 3, 10, 50}) CheckSame(index.Search(q, k, *accept), TopK(all, k, *accept));
    }
  };
  check_all();

  // Removals and replacements leave tombstones; results and stats follow.
  std::uniform_int_distribution<uint64_t> any(1, documents);
  for (int i = 0; i < 2000; ++i) {
    const uint64_t id = any(rng);
    index.Remove(id);
    ids.erase(id);
  }
  for (int i = 0; i < 600; ++i) {
    const uint64_t id = any(rng);
    index.Add(id, text(doc_length(rng)));
    ids.insert(id);
  }
  CHECK(index.size() == ids.size());
  check_all();
  for (const auto& q : queries)
    for (const auto& hit : index.Search(q, 50)) CHECK(ids.count(hit.id) == 1);
  index.Compact();
  check_all();

  // Enough removals trigger compaction by themselves; the rest stays right.
  for (uint64_t id = 1; id <= 8000; ++id) {
    index.Remove(id);
    ids.erase(id);
  }
  CHECK(index.size() == ids.size());
  check_all();
}
