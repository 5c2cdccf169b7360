#include "index/vector_index.hpp"

#include <omp.h>

#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>
#include <faiss/IndexIDMap.h>
#include <faiss/impl/IDSelector.h>

#include <algorithm>

#include "index/inner_product.hpp"

namespace mnemo::index {

namespace {
using FaissId = faiss::Index::idx_t;

// Faiss's flat inner-product storage with the distance computer HNSW uses
// (to insert and to search) replaced by one on InnerProduct, which has the
// SIMD path Debian's Faiss lacks. Everything else is Faiss's.
class SimdFlatStorage : public faiss::IndexFlatIP {
 public:
  using faiss::IndexFlatIP::IndexFlatIP;
  faiss::FlatCodesDistanceComputer* get_FlatCodesDistanceComputer() const override {
    return new Distance(get_xb(), static_cast<size_t>(d));
  }

 private:
  struct Distance : faiss::FlatCodesDistanceComputer {
    Distance(const float* vectors, size_t dimension)
        : FlatCodesDistanceComputer(reinterpret_cast<const uint8_t*>(vectors), dimension * sizeof(float)),
          vectors(vectors),
          dimension(dimension) {}
    void set_query(const float* x) override { query = x; }
    float distance_to_code(const uint8_t* code) override {
      return InnerProduct(query, reinterpret_cast<const float*>(code), dimension);
    }
    float symmetric_dis(idx_t i, idx_t j) override {
      return InnerProduct(vectors + i * dimension, vectors + j * dimension, dimension);
    }
    const float* vectors;
    size_t dimension;
    const float* query = nullptr;
  };
};

// HNSW links per node (2x on the bottom layer). Insertion cost grows
// faster than linearly with it (each neighbour list a new vector joins is
// pruned against itself): on 20,000 synthetic episodes (30,880 vectors,
// `mnemo-bench recall --episodes 20000`) 32 links index 4,300 vectors/s and
// 16 links 11,900/s. The price is search quality on hashing-embedder
// vectors, which have little structure for HNSW to exploit (the planted
// neighbour in the top 10: 0.72 with 32 links, 0.65 with 16 and 128 search
// candidates, 0.96 exact); on random unit vectors recall@10 against exact
// search stays above 0.95 (tests/index/vector_index_test.cpp).
constexpr int kHnswNeighbours = 16;
// Candidate lists while building and searching. A search never uses fewer
// candidates than the k it asks for.
constexpr int kHnswBuildCandidates = 40;
constexpr int kHnswSearchCandidates = 128;
}  // namespace

// Flat: IndexIDMap2 over IndexFlatIP (ids and removal native to Faiss).
// HNSW: Faiss HNSW cannot remove, so removed ids are kept in `deleted` and
// filtered from results; the search over-fetches by the number deleted.
struct VectorIndex::Impl {
  std::unique_ptr<faiss::Index> base;
  std::unique_ptr<faiss::IndexIDMap2> map;
  std::unordered_set<graph::Id> deleted;
};

VectorIndex::VectorIndex(size_t dimension, Kind kind) : dimension_(dimension), kind_(kind), impl_(new Impl) {
  // One vector is added and one query searched at a time: Faiss's OpenMP
  // team costs more than it saves there (and oversubscribes the cores when
  // many readers search at once), so Faiss runs on the calling thread.
  omp_set_num_threads(1);
  const int d = static_cast<int>(dimension);
  if (kind == Kind::kFlat) {
    impl_->base = std::make_unique<faiss::IndexFlatIP>(d);
  } else {
    auto hnsw = std::make_unique<faiss::IndexHNSW>(new SimdFlatStorage(d), kHnswNeighbours);
    hnsw->own_fields = true;
    hnsw->hnsw.efConstruction = kHnswBuildCandidates;
    hnsw->hnsw.efSearch = kHnswSearchCandidates;
    impl_->base = std::move(hnsw);
  }
  impl_->map = std::make_unique<faiss::IndexIDMap2>(impl_->base.get());
}

VectorIndex::~VectorIndex() = default;

Status VectorIndex::Add(graph::Id id, const std::vector<float>& vector) { return AddBatch({{id, &vector}}); }

Status VectorIndex::AddBatch(const std::vector<std::pair<graph::Id, const std::vector<float>*>>& batch) {
  std::unordered_set<graph::Id> seen;
  for (const auto& [id, vector] : batch) {
    if (vector->size() != dimension_)
      return Status::InvalidArgument("embedding has " + std::to_string(vector->size()) + " dimensions, the index " +
                                     std::to_string(dimension_));
    if (ids_.count(id) || impl_->deleted.count(id) || !seen.insert(id).second)
      return Status::InvalidArgument("id " + std::to_string(id) + " is already in the vector index");
  }
  if (batch.empty()) return Status::OK();
  std::vector<float> vectors;
  vectors.reserve(batch.size() * dimension_);
  std::vector<FaissId> fids;
  fids.reserve(batch.size());
  for (const auto& [id, vector] : batch) {
    vectors.insert(vectors.end(), vector->begin(), vector->end());
    fids.push_back(static_cast<FaissId>(id));
  }
  impl_->map->add_with_ids(static_cast<FaissId>(batch.size()), vectors.data(), fids.data());
  ids_.insert(seen.begin(), seen.end());
  return Status::OK();
}

Status VectorIndex::Remove(graph::Id id) {
  if (!ids_.erase(id)) return Status::NotFound("id " + std::to_string(id) + " is not in the vector index");
  if (kind_ == Kind::kFlat) {
    faiss::IDSelectorArray sel(1, reinterpret_cast<const FaissId*>(&id));
    impl_->map->remove_ids(sel);
  } else {
    impl_->deleted.insert(id);
  }
  return Status::OK();
}

Result<std::vector<VectorHit>> VectorIndex::Search(const std::vector<float>& query, size_t k) const {
  if (query.size() != dimension_)
    return Status::InvalidArgument("query vector has " + std::to_string(query.size()) + " dimensions, the index " +
                                   std::to_string(dimension_));
  std::vector<VectorHit> hits;
  if (ids_.empty() || k == 0) return hits;
  const size_t fetch = std::min(k + impl_->deleted.size(), ids_.size() + impl_->deleted.size());
  std::vector<float> scores(fetch);
  std::vector<FaissId> labels(fetch);
  impl_->map->search(1, query.data(), static_cast<FaissId>(fetch), scores.data(), labels.data());
  for (size_t i = 0; i < fetch && hits.size() < k; ++i) {
    if (labels[i] < 0) continue;
    const auto id = static_cast<graph::Id>(labels[i]);
    if (impl_->deleted.count(id)) continue;
    hits.push_back({id, scores[i]});
  }
  return hits;
}

}  // namespace mnemo::index
