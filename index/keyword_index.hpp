// KeywordIndex: incremental BM25 full-text index over record texts.
//
// Scoring (Okapi BM25 with the Lucene IDF), for a query's distinct terms t
// with query frequency qtf(t), a document d of dl tokens, N live documents
// of average length avgdl and df(t) live documents containing t:
//   score(d) = sum_t qtf(t) * idf(t) * tf(t,d) * (k1 + 1) / (tf(t,d) + k1 * (1 - b + b * dl / avgdl))
//   idf(t)   = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))
// Terms are the tokens of Tokenize() (tokenizer.hpp); terms absent from the
// index add nothing. A document matching no query term is never a hit.
//
// Contributions are summed exactly (in 2^-32 fixed point) and the sum is
// rounded to float once, so a score does not depend on summation order.
//
// Search is MaxScore over postings sorted by document, a window of
// documents at a time: each query term has an upper bound on its
// contribution (the best over its postings of tf and document length), and
// once k hits are held, terms whose bounds together cannot reach the k-th
// score become non-essential: they are never scanned, only probed (by
// galloping) for documents that the essential terms bring and that could
// still reach the k-th score. The essential terms of a window are scored
// term by term into an accumulator. Results equal exhaustive scoring.
//
// Removal is lazy: a removed (or replaced) document's postings stay as
// tombstones that Search skips, while N, avgdl and df count live documents
// only. Compact() drops the tombstones; Remove calls it when removed
// documents outnumber live ones (and are at least kCompactAfter).
//
// Thread-safety: const methods may run concurrently; Add, Remove and Compact
// need exclusive access.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/ids.hpp"

namespace mnemo::index {

struct KeywordHit {
  graph::Id id = graph::kNoId;
  float score = 0;
};

struct Bm25Params {
  float k1 = 1.2f, b = 0.75f;
};

class KeywordIndex {
 public:
  static constexpr size_t kCompactAfter = 1024;

  explicit KeywordIndex(Bm25Params params = {});
  KeywordIndex(const KeywordIndex&) = delete;
  KeywordIndex& operator=(const KeywordIndex&) = delete;
  KeywordIndex(KeywordIndex&&) = default;
  KeywordIndex& operator=(KeywordIndex&&) = default;

  // Indexes `text` under `id`, replacing the text of an id already present.
  // A text without tokens still counts as a (never matching) document.
  void Add(graph::Id id, std::string_view text);
  // Takes `id` out of results and statistics; a no-op when absent.
  void Remove(graph::Id id);
  // Reclaims the space of removed documents.
  void Compact();

  // The k best documents for `query`, best first (ties: smaller id first).
  // `accept` (may be empty) filters ids; it is asked only about a document
  // that would take a top-k slot, so a rejected one never displaces another.
  std::vector<KeywordHit> Search(std::string_view query, size_t k,
                                 const std::function<bool(graph::Id)>& accept = {}) const;
  // The BM25 score of one document, exactly as Search computes it; 0 when
  // the id is absent or matches no query term.
  float Score(graph::Id id, std::string_view query) const;

  size_t size() const { return slot_of_.size(); }
  bool Contains(graph::Id id) const { return slot_of_.count(id) != 0; }
  // Live documents containing `term` (a token as Tokenize produces it).
  size_t DocumentFrequency(std::string_view term) const;
  // Mean token count of the live documents; 0 when there are none.
  double AverageLength() const { return slot_of_.empty() ? 0.0 : double(total_length_) / slot_of_.size(); }
  const Bm25Params& params() const { return params_; }

 private:
  using Slot = uint32_t;  // dense document number, in order of addition
  using TermId = uint32_t;
  struct Posting {
    Slot doc;
    uint32_t tf;
  };
  // Postings are split by tf into kTfClasses classes (tf 1, 2, 3, >= 4);
  // the shortest document of each class bounds the term's contribution.
  static constexpr size_t kTfClasses = 4;
  struct Term {
    std::vector<Posting> postings;  // ascending doc, tombstones included
    uint32_t df = 0;                // live documents
    uint32_t max_tf = 0;            // bounds cover tombstones too: stay valid
    uint32_t min_length[kTfClasses] = {UINT32_MAX, UINT32_MAX, UINT32_MAX, UINT32_MAX};
    void Bound(uint32_t tf, uint32_t length);
  };
  struct TermCount {
    TermId term;
    uint32_t tf;
  };
  struct Document {
    graph::Id id;
    uint32_t terms_begin;  // into forward_, distinct terms sorted by id
    uint32_t terms_count;
    bool live;
  };
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Query;  // the prepared form of a query, see keyword_index.cpp

  Query Prepare(std::string_view text) const;
  // The largest contribution query term i can make to any document.
  float UpperBound(const Query& q, size_t i) const;

  Bm25Params params_;
  std::unordered_map<std::string, TermId, StringHash, std::equal_to<>> vocabulary_;
  std::vector<Term> terms_;
  std::vector<Document> docs_;      // by slot
  std::vector<uint32_t> lengths_;   // by slot: tokens (apart, for Search's cache)
  std::vector<TermCount> forward_;  // each document's terms
  std::unordered_map<graph::Id, Slot> slot_of_;
  uint64_t total_length_ = 0;  // of live documents
  size_t removed_docs_ = 0;    // tombstoned slots
  std::vector<TermId> scratch_terms_;
};

}  // namespace mnemo::index
