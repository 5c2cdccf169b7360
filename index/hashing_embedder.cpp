#include "index/hashing_embedder.hpp"

#include <cassert>
#include <cmath>
#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "index/tokenizer.hpp"

namespace mnemo::index {

namespace {

constexpr uint64_t kWordSeed = 0x6d6e656d6f575244ULL;
constexpr uint64_t kPairSeed = 0x6d6e656d6f504149ULL;
constexpr uint64_t kGramSeed = 0x6d6e656d6f4e4752ULL;
constexpr float kPairWeight = 0.5f;
constexpr size_t kMinGram = 3, kMaxGram = 5;

// A distinct word or word pair of the text being embedded.
struct Feature {
  uint64_t hash = 0;  // 0: empty slot
  uint32_t count = 0;
  uint32_t gram_begin = 0;  // n-gram hashes of a word in Scratch::grams
  uint32_t gram_count = 0;
  bool is_pair = false;
};

// Per-thread working memory, reused across calls.
struct Scratch {
  std::vector<Feature> table;  // open addressing, size a power of two
  std::vector<uint32_t> used;  // occupied slots, in first-seen order
  std::vector<uint64_t> grams;

  void Reset() {
    constexpr size_t kInitial = 256, kKeepAtMost = size_t{1} << 16;
    if (table.size() > kKeepAtMost || table.empty()) {
      table.assign(kInitial, Feature{});
    } else {
      for (uint32_t slot : used) table[slot] = Feature{};
    }
    used.clear();
    grams.clear();
  }
  // The feature of `hash`, inserted with count 0 on first sight. The
  // reference is valid until the next call.
  Feature& Find(uint64_t hash, bool& inserted) {
    if (hash == 0) hash = 1;
    if (2 * (used.size() + 1) > table.size()) Grow();
    const size_t mask = table.size() - 1;
    for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      Feature& f = table[slot];
      if (f.hash == hash) {
        inserted = false;
        return f;
      }
      if (f.hash == 0) {
        f.hash = hash;
        used.push_back(static_cast<uint32_t>(slot));
        inserted = true;
        return f;
      }
    }
  }
  void Grow() {
    std::vector<Feature> old(table.size() * 2);
    old.swap(table);
    const size_t mask = table.size() - 1;
    for (uint32_t& slot : used) {
      const Feature& f = old[slot];
      size_t s = f.hash & mask;
      while (table[s].hash != 0) s = (s + 1) & mask;
      table[s] = f;
      slot = static_cast<uint32_t>(s);
    }
  }
};

// Adds sign(hash) * weight at the dimension of `hash`: the high 32 bits pick
// the dimension (multiply-shift), the lowest bit the sign.
inline void AddHashed(uint64_t hash, float weight, float* out, size_t dimension) {
  const size_t i = static_cast<size_t>(((hash >> 32) * static_cast<uint64_t>(dimension)) >> 32);
  out[i] += (hash & 1) ? weight : -weight;
}

void AppendGrams(std::string_view word, std::vector<uint64_t>& grams) {
  char framed[kMaxTokenBytes + 2];
  framed[0] = '<';
  std::memcpy(framed + 1, word.data(), word.size());
  framed[word.size() + 1] = '>';
  const size_t len = word.size() + 2;
  for (size_t n = kMinGram; n <= kMaxGram && n <= len; ++n)
    for (size_t i = 0; i + n <= len; ++i) grams.push_back(XXH3_64bits_withSeed(framed + i, n, kGramSeed));
}

}  // namespace

HashingEmbedder::HashingEmbedder(size_t dimension) : dimension_(dimension) {
  assert(dimension >= 1);
  if (dimension_ == 0) dimension_ = 1;
}

std::vector<float> HashingEmbedder::Embed(std::string_view text) const {
  std::vector<float> out(dimension_);
  EmbedInto(text, out.data());
  return out;
}

void HashingEmbedder::EmbedInto(std::string_view text, float* out) const {
  std::memset(out, 0, dimension_ * sizeof(float));
  thread_local Scratch scratch;
  scratch.Reset();

  TokenStream tokens(text);
  std::string_view token;
  uint64_t previous = 0;
  bool inserted = false;
  while (tokens.Next(token)) {
    const uint64_t word = XXH3_64bits_withSeed(token.data(), token.size(), kWordSeed);
    Feature& f = scratch.Find(word, inserted);
    if (inserted) {
      f.gram_begin = static_cast<uint32_t>(scratch.grams.size());
      AppendGrams(token, scratch.grams);
      f.gram_count = static_cast<uint32_t>(scratch.grams.size() - f.gram_begin);
    }
    ++f.count;
    if (previous != 0) {
      const uint64_t both[2] = {previous, word};
      Feature& pair = scratch.Find(XXH3_64bits_withSeed(both, sizeof both, kPairSeed), inserted);
      pair.is_pair = true;
      ++pair.count;
    }
    previous = word;
  }

  double norm = 0;
  for (uint32_t slot : scratch.used) {
    const Feature& f = scratch.table[slot];
    const float tf = 1.0f + std::log(static_cast<float>(f.count));
    if (f.is_pair) {
      AddHashed(f.hash, kPairWeight * tf, out, dimension_);
      continue;
    }
    AddHashed(f.hash, tf, out, dimension_);
    if (f.gram_count == 0) continue;
    const float gram_weight = tf / std::sqrt(static_cast<float>(f.gram_count));
    const uint64_t* grams = scratch.grams.data() + f.gram_begin;
    for (uint32_t g = 0; g < f.gram_count; ++g) AddHashed(grams[g], gram_weight, out, dimension_);
  }
  for (size_t i = 0; i < dimension_; ++i) norm += static_cast<double>(out[i]) * out[i];
  if (norm == 0) return;
  const float scale = static_cast<float>(1.0 / std::sqrt(norm));
  for (size_t i = 0; i < dimension_; ++i) out[i] *= scale;
}

}  // namespace mnemo::index
