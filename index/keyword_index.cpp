#include "index/keyword_index.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <limits>

#include "index/tokenizer.hpp"

namespace mnemo::index {

namespace {

// Scores are summed in fixed point, exactly and in any order.
using Fixed = int64_t;
constexpr double kFixedOne = 4294967296.0;  // 2^32
// Truncation: monotone, which is all the bounds need.
Fixed ToFixed(float contribution) { return static_cast<Fixed>(static_cast<double>(contribution) * kFixedOne); }
float ToScore(Fixed sum) { return static_cast<float>(static_cast<double>(sum) / kFixedOne); }
// The smallest fixed-point sum that could round to a float score >= score:
// half a float ulp (2^-24 relative) below, with margin.
Fixed LowestReaching(float score) {
  const Fixed f = ToFixed(score);
  return f - (f >> 22) - 1;
}

// Documents per window of Search.
constexpr uint32_t kWindow = 4096;

// Search's order: higher score first, then smaller id.
bool Better(const KeywordHit& a, const KeywordHit& b) {
  return a.score > b.score || (a.score == b.score && a.id < b.id);
}

}  // namespace

// A query's distinct known terms in order of first appearance, with their
// weights qtf * idf, and the length normalisation of this index state.
struct KeywordIndex::Query {
  struct QueryTerm {
    TermId term;
    float weight;
  };
  std::vector<QueryTerm> terms;
  float k1_plus_1 = 0;
  float norm_base = 0;       // k1 * (1 - b)
  float norm_per_token = 0;  // k1 * b / avgdl

  float Norm(uint32_t length) const { return norm_base + norm_per_token * static_cast<float>(length); }
  // The contribution of query term i at term frequency tf, given Norm(dl).
  float Contribution(size_t i, uint32_t tf, float norm) const {
    const auto f = static_cast<float>(tf);
    return terms[i].weight * (f * k1_plus_1 / (f + norm));
  }
};

KeywordIndex::KeywordIndex(Bm25Params params) : params_(params) {}

void KeywordIndex::Term::Bound(uint32_t tf, uint32_t length) {
  max_tf = std::max(max_tf, tf);
  uint32_t& shortest = min_length[std::min<size_t>(tf, kTfClasses) - 1];
  shortest = std::min(shortest, length);
}

float KeywordIndex::UpperBound(const Query& q, size_t i) const {
  // The contribution grows with tf and falls with length: the best of each
  // class is its largest tf with its shortest document.
  const Term& t = terms_[q.terms[i].term];
  float bound = 0;
  for (size_t c = 0; c < kTfClasses; ++c) {
    if (t.min_length[c] == UINT32_MAX) continue;
    const auto tf = c + 1 < kTfClasses ? static_cast<uint32_t>(c + 1) : t.max_tf;
    bound = std::max(bound, q.Contribution(i, tf, q.Norm(t.min_length[c])));
  }
  return bound;
}

void KeywordIndex::Add(graph::Id id, std::string_view text) {
  Remove(id);
  scratch_terms_.clear();
  TokenStream tokens(text);
  std::string_view token;
  while (tokens.Next(token)) {
    auto it = vocabulary_.find(token);
    if (it == vocabulary_.end()) {
      it = vocabulary_.emplace(std::string(token), static_cast<TermId>(terms_.size())).first;
      terms_.emplace_back();
    }
    scratch_terms_.push_back(it->second);
  }
  const auto length = static_cast<uint32_t>(scratch_terms_.size());
  std::sort(scratch_terms_.begin(), scratch_terms_.end());

  const auto slot = static_cast<Slot>(docs_.size());
  const auto begin = static_cast<uint32_t>(forward_.size());
  for (size_t i = 0; i < scratch_terms_.size();) {
    size_t j = i;
    while (j < scratch_terms_.size() && scratch_terms_[j] == scratch_terms_[i]) ++j;
    const auto tf = static_cast<uint32_t>(j - i);
    Term& term = terms_[scratch_terms_[i]];
    term.postings.push_back({slot, tf});
    ++term.df;
    term.Bound(tf, length);
    forward_.push_back({scratch_terms_[i], tf});
    i = j;
  }
  docs_.push_back({id, begin, static_cast<uint32_t>(forward_.size() - begin), true});
  lengths_.push_back(length);
  slot_of_.emplace(id, slot);
  total_length_ += length;
}

void KeywordIndex::Remove(graph::Id id) {
  const auto it = slot_of_.find(id);
  if (it == slot_of_.end()) return;
  Document& doc = docs_[it->second];
  doc.live = false;
  total_length_ -= lengths_[it->second];
  for (uint32_t i = 0; i < doc.terms_count; ++i) --terms_[forward_[doc.terms_begin + i].term].df;
  slot_of_.erase(it);
  ++removed_docs_;
  if (removed_docs_ >= kCompactAfter && removed_docs_ > slot_of_.size()) Compact();
}

void KeywordIndex::Compact() {
  if (removed_docs_ == 0) return;
  // New document numbers: live documents keep their order.
  std::vector<Slot> new_slot(docs_.size(), std::numeric_limits<Slot>::max());
  std::vector<Document> docs;
  std::vector<uint32_t> lengths;
  docs.reserve(slot_of_.size());
  lengths.reserve(slot_of_.size());
  for (Slot s = 0; s < docs_.size(); ++s)
    if (docs_[s].live) {
      new_slot[s] = static_cast<Slot>(docs.size());
      docs.push_back(docs_[s]);
      lengths.push_back(lengths_[s]);
    }
  // New term ids: terms still in a live document.
  std::vector<TermId> new_term(terms_.size(), std::numeric_limits<TermId>::max());
  std::vector<Term> terms;
  for (auto it = vocabulary_.begin(); it != vocabulary_.end();) {
    Term& old = terms_[it->second];
    if (old.df == 0) {
      it = vocabulary_.erase(it);
      continue;
    }
    Term fresh;
    fresh.df = old.df;
    fresh.postings.reserve(old.df);
    for (const Posting& p : old.postings) {
      const Slot s = new_slot[p.doc];
      if (s == std::numeric_limits<Slot>::max()) continue;
      fresh.postings.push_back({s, p.tf});
      fresh.Bound(p.tf, lengths[s]);
    }
    new_term[it->second] = static_cast<TermId>(terms.size());
    it->second = static_cast<TermId>(terms.size());
    terms.push_back(std::move(fresh));
    ++it;
  }
  // Forward lists, re-sorted by the new term ids.
  std::vector<TermCount> forward;
  for (Document& doc : docs) {
    const auto begin = static_cast<uint32_t>(forward.size());
    for (uint32_t i = 0; i < doc.terms_count; ++i) {
      const TermCount& tc = forward_[doc.terms_begin + i];
      forward.push_back({new_term[tc.term], tc.tf});
    }
    std::sort(forward.begin() + begin, forward.end(),
              [](const TermCount& a, const TermCount& b) { return a.term < b.term; });
    doc.terms_begin = begin;
  }
  for (auto& [id, slot] : slot_of_) slot = new_slot[slot];
  docs_ = std::move(docs);
  lengths_ = std::move(lengths);
  terms_ = std::move(terms);
  forward_ = std::move(forward);
  removed_docs_ = 0;
}

size_t KeywordIndex::DocumentFrequency(std::string_view term) const {
  const auto it = vocabulary_.find(term);
  return it == vocabulary_.end() ? 0 : terms_[it->second].df;
}

KeywordIndex::Query KeywordIndex::Prepare(std::string_view text) const {
  Query q;
  const size_t n = slot_of_.size();
  if (n == 0) return q;
  std::vector<uint32_t> qtf;
  TokenStream tokens(text);
  std::string_view token;
  while (tokens.Next(token)) {
    const auto it = vocabulary_.find(token);
    if (it == vocabulary_.end() || terms_[it->second].df == 0) continue;
    size_t i = 0;
    while (i < q.terms.size() && q.terms[i].term != it->second) ++i;
    if (i == q.terms.size()) {
      q.terms.push_back({it->second, 0});
      qtf.push_back(0);
    }
    ++qtf[i];
  }
  for (size_t i = 0; i < q.terms.size(); ++i) {
    const double df = terms_[q.terms[i].term].df;
    const double idf = std::log(1.0 + (double(n) - df + 0.5) / (df + 0.5));
    q.terms[i].weight = static_cast<float>(qtf[i] * idf);
  }
  const double avgdl = std::max(double(total_length_) / double(n), 1e-9);
  q.k1_plus_1 = params_.k1 + 1;
  q.norm_base = params_.k1 * (1 - params_.b);
  q.norm_per_token = static_cast<float>(params_.k1 * params_.b / avgdl);
  return q;
}

float KeywordIndex::Score(graph::Id id, std::string_view query) const {
  const auto it = slot_of_.find(id);
  if (it == slot_of_.end()) return 0;
  const Query q = Prepare(query);
  const Document& doc = docs_[it->second];
  const TermCount* first = forward_.data() + doc.terms_begin;
  const TermCount* last = first + doc.terms_count;
  const float norm = q.Norm(lengths_[it->second]);
  Fixed sum = 0;
  for (size_t i = 0; i < q.terms.size(); ++i) {
    const TermCount* tc =
        std::lower_bound(first, last, q.terms[i].term, [](const TermCount& c, TermId t) { return c.term < t; });
    if (tc != last && tc->term == q.terms[i].term) sum += ToFixed(q.Contribution(i, tc->tf, norm));
  }
  return ToScore(sum);
}

std::vector<KeywordHit> KeywordIndex::Search(std::string_view query, size_t k,
                                             const std::function<bool(graph::Id)>& accept) const {
  std::vector<KeywordHit> heap;  // the best hits so far; front: the worst of them
  if (k == 0) return heap;
  const Query q = Prepare(query);
  const size_t n = q.terms.size();
  if (n == 0) return heap;

  // Terms by ascending bound; bound_sum[i]: the bounds of order[0..i] summed.
  std::vector<Fixed> bound(n);
  for (size_t i = 0; i < n; ++i) bound[i] = ToFixed(UpperBound(q, i));
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return bound[a] < bound[b] || (bound[a] == bound[b] && a < b); });
  std::vector<Fixed> bound_sum(n);
  for (size_t i = 0; i < n; ++i) bound_sum[i] = (i ? bound_sum[i - 1] : 0) + bound[order[i]];

  std::vector<const Posting*> cursor(n), end(n);
  for (size_t i = 0; i < n; ++i) {
    const auto& postings = terms_[q.terms[order[i]].term].postings;
    cursor[i] = postings.data();
    end[i] = postings.data() + postings.size();
  }
  // The first posting at or after `doc`, galloping from `p`.
  const auto seek = [](const Posting* p, const Posting* last, Slot doc) {
    if (p == last || p->doc >= doc) return p;
    size_t step = 1;
    while (static_cast<size_t>(last - p) > step && p[step].doc < doc) {
      p += step;
      step *= 2;
    }
    const Posting* hi = static_cast<size_t>(last - p) > step ? p + step : last;
    return std::lower_bound(p, hi, doc, [](const Posting& x, Slot s) { return x.doc < s; });
  };

  const auto documents = static_cast<Slot>(docs_.size());
  const uint32_t window = std::min(kWindow, documents);
  std::vector<Fixed> sum(window, 0);                  // accumulated by essential terms
  std::vector<uint64_t> touched((window + 63) / 64);  // documents of the window with a posting
  Fixed threshold = 0;                                // a sum below it cannot enter the hits
  size_t first_essential = 0;                         // order[0, first_essential): bounds sum below threshold

  for (Slot lo = 0; lo < documents; lo += window) {
    const Slot hi = std::min<Slot>(lo + window, documents);
    // Essential terms, term at a time.
    for (size_t i = first_essential; i < n; ++i) {
      const Posting* p = seek(cursor[i], end[i], lo);
      const size_t term = order[i];
      for (; p != end[i] && p->doc < hi; ++p) {
        const uint32_t slot = p->doc - lo;
        sum[slot] += ToFixed(q.Contribution(term, p->tf, q.Norm(lengths_[p->doc])));
        touched[slot >> 6] |= uint64_t{1} << (slot & 63);
      }
      cursor[i] = p;
    }
    // Candidates in document order: add what non-essential terms can.
    const size_t partition = first_essential;  // fixed within the window
    for (size_t w = 0; w < touched.size(); ++w) {
      for (uint64_t bits = touched[w]; bits != 0; bits &= bits - 1) {
        const uint32_t slot = static_cast<uint32_t>(w * 64) + static_cast<uint32_t>(std::countr_zero(bits));
        Fixed total = sum[slot];
        sum[slot] = 0;
        const Slot doc = lo + slot;
        const float norm = q.Norm(lengths_[doc]);
        bool hopeless = false;
        for (size_t i = partition; i-- > 0;) {
          if (total + bound_sum[i] < threshold) {
            hopeless = true;
            break;
          }
          cursor[i] = seek(cursor[i], end[i], doc);
          if (cursor[i] != end[i] && cursor[i]->doc == doc)
            total += ToFixed(q.Contribution(order[i], cursor[i]->tf, norm));
        }
        if (hopeless || total < threshold) continue;
        const Document& d = docs_[doc];
        if (!d.live) continue;
        const KeywordHit hit{d.id, ToScore(total)};
        if (heap.size() == k && !Better(hit, heap.front())) continue;
        if (accept && !accept(d.id)) continue;
        heap.push_back(hit);
        std::push_heap(heap.begin(), heap.end(), Better);
        if (heap.size() > k) {
          std::pop_heap(heap.begin(), heap.end(), Better);
          heap.pop_back();
        }
        if (heap.size() == k) threshold = LowestReaching(heap.front().score);
      }
      touched[w] = 0;
    }
    while (first_essential < n && bound_sum[first_essential] < threshold) ++first_essential;
    if (first_essential == n) break;  // no document left can enter
  }
  std::sort(heap.begin(), heap.end(), Better);
  return heap;
}

}  // namespace mnemo::index
