#include <catch2/catch.hpp>

#include "index/fusion.hpp"

using mnemo::index::Channel;
using mnemo::index::Fuse;
using mnemo::index::FusionMethod;

TEST_CASE("reciprocal rank fusion adds weight / (rrf_k + rank)", "[index]") {
  const std::vector<Channel> channels = {
      {"vector", 1, {{1, 0.9f}, {2, 0.8f}, {3, 0.1f}}},
      {"keyword", 1, {{3, 12.0f}, {1, 3.0f}}},
  };
  const auto hits = Fuse(channels, 10);
  REQUIRE(hits.size() == 3);
  // 1: 1/61 + 1/62 = 0.0325225;  3: 1/63 + 1/61 = 0.0322664;  2: 1/62 = 0.0161290
  CHECK(hits[0].id == 1);
  CHECK(hits[0].score == Approx(1.0 / 61 + 1.0 / 62));
  CHECK(hits[0].contribution == std::vector<float>{1.0f / 61, 1.0f / 62});
  CHECK(hits[0].rank == std::vector<int>{1, 2});
  CHECK(hits[1].id == 3);
  CHECK(hits[1].score == Approx(1.0 / 63 + 1.0 / 61));
  CHECK(hits[2].id == 2);
  CHECK(hits[2].rank == std::vector<int>{2, -1});
  CHECK(hits[2].contribution[1] == 0.0f);
  // rrf_k changes the arithmetic.
  CHECK(Fuse(channels, 10, FusionMethod::kReciprocalRank, 0)[0].score == Approx(1.0 + 0.5));
  // k truncates.
  CHECK(Fuse(channels, 2).size() == 2);
  CHECK(Fuse(channels, 0).empty());
  CHECK(Fuse({}, 5).empty());
}

TEST_CASE("fusion weights channels and breaks ties by id", "[index]") {
  std::vector<Channel> channels = {
      {"vector", 1, {{1, 0.9f}, {2, 0.8f}, {3, 0.1f}}},
      {"keyword", 3, {{3, 12.0f}, {1, 3.0f}}},
  };
  // 3: 1/63 + 3/61 beats 1: 1/61 + 3/62.
  const auto weighted = Fuse(channels, 10);
  CHECK(weighted[0].id == 3);
  CHECK(weighted[0].score == Approx(1.0 / 63 + 3.0 / 61));

  // Mirror-image channels give equal scores: smaller id first, whatever the input order.
  const std::vector<Channel> mirror = {{"a", 1, {{7, 1}, {5, 1}}}, {"b", 1, {{5, 1}, {7, 1}}}};
  const auto tied = Fuse(mirror, 10);
  REQUIRE(tied.size() == 2);
  CHECK(tied[0].score == tied[1].score);
  CHECK(tied[0].id == 5);
  CHECK(tied[1].id == 7);
  // Only the first listing of an id in a channel counts.
  const auto dup = Fuse({{"a", 1, {{4, 1}, {4, 1}}}}, 10);
  REQUIRE(dup.size() == 1);
  CHECK(dup[0].score == Approx(1.0 / 61));
}

TEST_CASE("weighted fusion min-max normalises each channel", "[index]") {
  const std::vector<Channel> channels = {
      {"vector", 1, {{1, 10.0f}, {2, 5.0f}, {3, 0.0f}}},  // -> 1, 0.5, 0
      {"keyword", 2, {{3, 0.9f}, {2, 0.6f}}},             // -> 1, 0 (times 2)
      {"flat", 0.5f, {{9, 4.0f}, {1, 4.0f}}},             // all equal -> the weight
  };
  const auto hits = Fuse(channels, 10, FusionMethod::kWeighted);
  REQUIRE(hits.size() == 4);
  CHECK(hits[0].id == 3);
  CHECK(hits[0].score == Approx(2.0));
  CHECK(hits[1].id == 1);
  CHECK(hits[1].score == Approx(1.5));
  CHECK(hits[1].contribution == std::vector<float>{1.0f, 0.0f, 0.5f});
  CHECK(hits[1].rank == std::vector<int>{1, -1, 2});
  CHECK(hits[2].id == 2);  // 0.5 + 0 beats 9's 0.5 on id
  CHECK(hits[2].score == Approx(0.5));
  CHECK(hits[3].id == 9);
  CHECK(hits[3].score == Approx(0.5));
}
