// VectorIndex: nearest-neighbour search over embeddings, keyed by record id.
//
// Backed by Faiss. Kind::kFlat is exact inner-product search (the oracle in
// tests and the right choice for small memories); Kind::kHnsw is the
// approximate index for scale. Vectors are expected L2-normalised, so the
// inner product is the cosine similarity. Removal is supported for both kinds
// (HNSW marks the id deleted and filters it from results).
// Thread-safety: Search() may run concurrently; Add/Remove need exclusion.
#pragma once

#include <memory>
#include <unordered_set>
#include <vector>

#include "base/status.hpp"
#include "graph/ids.hpp"

namespace mnemo::index {

struct VectorHit {
  graph::Id id = graph::kNoId;
  float score = 0;  // inner product
};

class VectorIndex {
 public:
  enum class Kind { kFlat, kHnsw };
  VectorIndex(size_t dimension, Kind kind);
  ~VectorIndex();
  VectorIndex(const VectorIndex&) = delete;
  VectorIndex& operator=(const VectorIndex&) = delete;

  // Errors: InvalidArgument when the vector's size is not the dimension or
  // the id is already present.
  Status Add(graph::Id id, const std::vector<float>& vector);
  // Adds many vectors in one Faiss call (far cheaper than one Add each:
  // Faiss's HNSW insertion has a cost per call that grows with the index).
  // All or nothing: errors as Add, for the first offending entry, and then
  // nothing is added.
  Status AddBatch(const std::vector<std::pair<graph::Id, const std::vector<float>*>>& batch);
  // Removes an id; NotFound when it is not present.
  Status Remove(graph::Id id);
  // The k best hits, best first. Errors: InvalidArgument on a wrong dimension.
  Result<std::vector<VectorHit>> Search(const std::vector<float>& query, size_t k) const;

  size_t size() const { return ids_.size(); }
  size_t dimension() const { return dimension_; }

 private:
  struct Impl;
  size_t dimension_;
  Kind kind_;
  std::unique_ptr<Impl> impl_;
  std::unordered_set<graph::Id> ids_;
};

}  // namespace mnemo::index
