#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <unordered_set>

#include "index/inner_product.hpp"
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

TEST_CASE("InnerProduct matches the plain sum at every length", "[index][faiss]") {
  std::mt19937 rng(11);
  for (size_t d : {0, 1, 7, 8, 15, 16, 17, 31, 64, 255, 256, 384}) {
    const auto a = RandomUnit(rng, d == 0 ? 1 : d), b = RandomUnit(rng, d == 0 ? 1 : d);
    double expected = 0;
    for (size_t i = 0; i < d; ++i) expected += static_cast<double>(a[i]) * b[i];
    CHECK(mnemo::index::InnerProduct(a.data(), b.data(), d) == Approx(expected).margin(1e-5));
  }
}

TEST_CASE("a batch of vectors is added whole or not at all", "[index][faiss]") {
  const size_t d = 16;
  std::mt19937 rng(5);
  for (auto kind : {VectorIndex::Kind::kFlat, VectorIndex::Kind::kHnsw}) {
    VectorIndex index(d, kind);
    std::vector<std::vector<float>> vecs;
    for (int i = 0; i < 300; ++i) vecs.push_back(RandomUnit(rng, d));
    std::vector<std::pair<mnemo::graph::Id, const std::vector<float>*>> batch;
    for (size_t i = 0; i < vecs.size(); ++i) batch.emplace_back(i + 1, &vecs[i]);
    REQUIRE(index.AddBatch(batch).ok());
    CHECK(index.size() == 300);
    for (size_t i : {0, 150, 299}) CHECK(index.Search(vecs[i], 1)->front().id == i + 1);

    const std::vector<float> wrong(d + 1), fresh = RandomUnit(rng, d);
    CHECK(index.AddBatch({{1000, &fresh}, {1001, &wrong}}).code() == mnemo::StatusCode::kInvalidArgument);
    CHECK(index.AddBatch({{1000, &fresh}, {1000, &fresh}}).code() == mnemo::StatusCode::kInvalidArgument);
    CHECK(index.AddBatch({{1000, &fresh}, {5, &fresh}}).code() == mnemo::StatusCode::kInvalidArgument);
    CHECK(index.size() == 300);
    CHECK(index.Search(fresh, 1)->front().id != 1000);
  }
}
