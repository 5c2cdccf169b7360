#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <unordered_set>

#include "index/vector_index.hpp"

using mnemo::index::VectorIndex;

namespace {
std::vector<float> RandomUnit(std::mt19937& rng, size_t d) {
  std::normal_distribution<float> n;
  std::vector<float> v(d);
  float norm = 0;
  for (auto& x : v) {
    x = n(rng);
    norm += x * x;
  }
  for (auto& x : v) x /= std::sqrt(norm);
  return v;
}
}  // namespace

TEST_CASE("flat and HNSW vector indexes find the same neighbours and honour removal", "[index][faiss]") {
  const size_t d = 32;
  std::mt19937 rng(7);
  VectorIndex flat(d, VectorIndex::Kind::kFlat), hnsw(d, VectorIndex::Kind::kHnsw);
  std::vector<std::vector<float>> vecs;
  for (uint64_t id = 1; id <= 500; ++id) {
    vecs.push_back(RandomUnit(rng, d));
    REQUIRE(flat.Add(id, vecs.back()).ok());
    REQUIRE(hnsw.Add(id, vecs.back()).ok());
  }
  // The query is a stored vector: it is its own best hit.
  auto exact = flat.Search(vecs[41], 5);
  auto approx = hnsw.Search(vecs[41], 5);
  REQUIRE(exact.ok());
  REQUIRE(approx.ok());
  REQUIRE(exact->size() == 5);
  CHECK(exact->front().id == 42);
  CHECK(exact->front().score == Approx(1.0f).epsilon(1e-4));
  CHECK(approx->front().id == 42);

  REQUIRE(flat.Remove(42).ok());
  REQUIRE(hnsw.Remove(42).ok());
  CHECK(flat.Search(vecs[41], 5)->front().id != 42);
  CHECK(hnsw.Search(vecs[41], 5)->front().id != 42);
  CHECK(flat.size() == 499);
  CHECK(flat.Remove(42).code() == mnemo::StatusCode::kNotFound);
  CHECK(flat.Add(7, vecs[6]).code() == mnemo::StatusCode::kInvalidArgument);
  CHECK(flat.Add(9999, std::vector<float>(d + 1)).code() == mnemo::StatusCode::kInvalidArgument);
  CHECK(flat.Search(std::vector<float>(3), 1).status().code() == mnemo::StatusCode::kInvalidArgument);
}

TEST_CASE("HNSW agrees with flat search: recall@10 of at least 0.95", "[index][faiss]") {
  const size_t d = 64, n = 5000, queries = 100, k = 10;
  std::mt19937 rng(11);
  VectorIndex flat(d, VectorIndex::Kind::kFlat), hnsw(d, VectorIndex::Kind::kHnsw);
  for (uint64_t id = 1; id <= n; ++id) {
    const auto v = RandomUnit(rng, d);
    REQUIRE(flat.Add(id, v).ok());
    REQUIRE(hnsw.Add(id, v).ok());
  }
  double recall = 0;
  for (size_t q = 0; q < queries; ++q) {
    const auto query = RandomUnit(rng, d);
    const auto exact = flat.Search(query, k);
    const auto approx = hnsw.Search(query, k);
    REQUIRE(exact.ok());
    REQUIRE(approx.ok());
    REQUIRE(approx->size() == k);
    std::unordered_set<uint64_t> truth;
    for (const auto& hit : *exact) truth.insert(hit.id);
    size_t found = 0;
    for (const auto& hit : *approx) found += truth.count(hit.id);
    recall += double(found) / k;
  }
  INFO("mean recall@10 " << recall / queries);
  CHECK(recall / queries >= 0.95);
}
