#include "index/keyword_index.hpp"

#include <algorithm>
#include <cstddef>
#include <cmath>
#include <limits>

#include "index/tokenizer.hpp"

namespace mnemo::index {

namespace {

// Relative slack on pruning comparisons: partial sums are added in another
// order (and precision) than the final score, which may therefore differ from
// them in the last bits; pruning only below threshold * (1 - kBoundSlack).
constexpr double kBoundSlack = 1e-4;

// Search's order: higher score first, then smaller id.
bool Better(const KeywordHit& a, const KeywordHit& b) {
  return a.score > b.score || (a.score == b.score && a.id < b.id);
}

}  // namespace

// A query's distinct known terms in order of first appearance (the
// canonical order in which contributions are summed), with their weights
// qtf * idf and the length-normalisation constants of this index state.
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
    term.max_tf = std::max(term.max_tf, tf);
    term.min_length = std::min(term.min_length, length);
    forward_.push_back({scratch_terms_[i], tf});
    i = j;
  }
  docs_.push_back({id, length, begin, static_cast<uint32_t>(forward_.size() - begin), true});
  slot_of_.emplace(id, slot);
  total_length_ += length;
}

void KeywordIndex::Remove(graph::Id id) {
  const auto it = slot_of_.find(id);
  if (it == slot_of_.end()) return;
  Document& doc = docs_[it->second];
  doc.live = false;
  total_length_ -= doc.length;
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
  docs.reserve(slot_of_.size());
  for (Slot s = 0; s < docs_.size(); ++s)
    if (docs_[s].live) {
      new_slot[s] = static_cast<Slot>(docs.size());
      docs.push_back(docs_[s]);
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
      fresh.max_tf = std::max(fresh.max_tf, p.tf);
      fresh.min_length = std::min(fresh.min_length, docs[s].length);
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
  const float norm = q.Norm(doc.length);
  float score = 0;
  for (size_t i = 0; i < q.terms.size(); ++i) {
    const TermCount* tc = std::lower_bound(
        first, last, q.terms[i].term, [](const TermCount& c, TermId t) { return c.term < t; });
    if (tc != last && tc->term == q.terms[i].term) score += q.Contribution(i, tc->tf, norm);
  }
  return score;
}

std::vector<KeywordHit> KeywordIndex::Search(std::string_view query, size_t k,
                                             const std::function<bool(graph::Id)>& accept) const {
  std::vector<KeywordHit> heap;  // the best hits so far; front: the worst of them
  if (k == 0) return heap;
  const Query q = Prepare(query);
  const size_t n = q.terms.size();
  if (n == 0) return heap;

  // Terms by ascending upper bound; bound_sum[i] = sum of bounds of order[0..i].
  std::vector<double> bound(n);
  for (size_t i = 0; i < n; ++i) {
    const Term& t = terms_[q.terms[i].term];
    bound[i] = q.Contribution(i, t.max_tf, q.Norm(t.min_length));
  }
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return bound[a] < bound[b] || (bound[a] == bound[b] && a < b); });
  std::vector<double> bound_sum(n);
  for (size_t i = 0; i < n; ++i) bound_sum[i] = (i ? bound_sum[i - 1] : 0.0) + bound[order[i]];

  std::vector<const Posting*> cursor(n), end(n);
  for (size_t i = 0; i < n; ++i) {
    const auto& postings = terms_[q.terms[order[i]].term].postings;
    cursor[i] = postings.data();
    end[i] = postings.data() + postings.size();
  }
  std::vector<float> contribution(n, 0.0f);  // by canonical index

  double threshold = 0;        // hits scoring below this cannot enter (with slack)
  size_t first_essential = 0;  // terms before it cannot make a hit alone
  constexpr Slot kNone = std::numeric_limits<Slot>::max();
  for (;;) {
    Slot doc = kNone;
    for (size_t i = first_essential; i < n; ++i)
      if (cursor[i] != end[i]) doc = std::min(doc, cursor[i]->doc);
    if (doc == kNone) break;
    const Document& d = docs_[doc];
    if (!d.live) {
      for (size_t i = first_essential; i < n; ++i)
        if (cursor[i] != end[i] && cursor[i]->doc == doc) ++cursor[i];
      continue;
    }
    const float norm = q.Norm(d.length);
    double partial = 0;
    for (size_t i = first_essential; i < n; ++i) {
      if (cursor[i] == end[i] || cursor[i]->doc != doc) continue;
      const float c = q.Contribution(order[i], cursor[i]->tf, norm);
      contribution[order[i]] = c;
      partial += c;
      ++cursor[i];
    }
    bool hopeless = false;
    for (size_t i = first_essential; i-- > 0;) {
      if (partial + bound_sum[i] < threshold) { hopeless = true; break; }
      // Gallop to the first posting at or after doc.
      const Posting* p = cursor[i];
      if (p != end[i] && p->doc < doc) {
        size_t step = 1;
        const Posting* lo = p;
        while (end[i] - lo > static_cast<std::ptrdiff_t>(step) && lo[step].doc < doc) { lo += step; step *= 2; }
        const Posting* hi = end[i] - lo > static_cast<std::ptrdiff_t>(step) ? lo + step : end[i];
        p = std::lower_bound(lo, hi, doc, [](const Posting& x, Slot s) { return x.doc < s; });
        cursor[i] = p;
      }
      if (p != end[i] && p->doc == doc) {
        const float c = q.Contribution(order[i], p->tf, norm);
        contribution[order[i]] = c;
        partial += c;
      }
    }
    float score = 0;
    for (size_t j = 0; j < n; ++j) { score += contribution[j]; contribution[j] = 0; }
    if (hopeless) continue;
    const KeywordHit hit{d.id, score};
    if (heap.size() == k && !Better(hit, heap.front())) continue;
    if (accept && !accept(d.id)) continue;
    heap.push_back(hit);
    std::push_heap(heap.begin(), heap.end(), Better);
    if (heap.size() > k) {
      std::pop_heap(heap.begin(), heap.end(), Better);
      heap.pop_back();
    }
    if (heap.size() == k) {
      threshold = heap.front().score * (1 - kBoundSlack);
      while (first_essential < n && bound_sum[first_essential] < threshold) ++first_essential;
    }
  }
  std::sort(heap.begin(), heap.end(), Better);
  return heap;
}

}  // namespace mnemo::index
