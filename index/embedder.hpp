// Embedder: turns text into a fixed-size vector for the vector index.
//
// Contract for implementations: Embed is deterministic (same text, same
// vector, across runs and machines), returns exactly dimension() floats,
// L2-normalised, and all zeros only for a text with no features (empty, or
// only separators and stopwords). name() identifies the embedding space:
// vectors from embedders with different names or dimensions are not
// comparable. Thread-safety: Embed may be called concurrently.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace mnemo::index {

class Embedder {
 public:
  virtual ~Embedder() = default;
  virtual size_t dimension() const = 0;
  virtual std::vector<float> Embed(std::string_view text) const = 0;
  virtual std::string_view name() const = 0;
};

}  // namespace mnemo::index
