// HashingEmbedder: the built-in, dependency-free embedder (see README.md).
//
// Features of a text, from the tokens of Tokenize():
//   - each word (weight 1),
//   - each pair of consecutive words (weight 0.5),
//   - the byte 3-, 4- and 5-grams of each word framed as "<word>"; a word's
//     m n-grams share its weight (1/sqrt(m) each), so they count as much as
//     the word itself and carry spelling variants and compounds.
// Word and pair weights are scaled by sublinear term frequency 1 + ln(tf)
// (a word's n-grams by its word's). Each feature is hashed with XXH3 (a seed
// per kind) to a dimension and a sign (signed feature hashing keeps inner
// products unbiased under collisions); the sum is L2-normalised.
// Thread-safety: Embed may run concurrently (scratch space is per thread).
#pragma once

#include <string>

#include "index/embedder.hpp"

namespace mnemo::index {

class HashingEmbedder final : public Embedder {
 public:
  // `dimension` must be at least 1.
  explicit HashingEmbedder(size_t dimension = 256);

  size_t dimension() const override { return dimension_; }
  std::vector<float> Embed(std::string_view text) const override;
  // Writes the embedding of `text` to out[0, dimension()): no allocation.
  void EmbedInto(std::string_view text, float* out) const;
  // "hashing-v1": changes whenever the features or hashing change.
  std::string_view name() const override { return "hashing-v1"; }

 private:
  size_t dimension_;
};

}  // namespace mnemo::index
