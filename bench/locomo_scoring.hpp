// Evidence recall@k, the LoCoMo retrieval measure: for one question, the
// fraction of its evidence dia_ids found among the first k retrieved records;
// averaged over questions, overall and per category. A retrieved record is
// a Slot: the dia_ids it counts for (a turn: its own; a fact: those it cites).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace mnemo::bench::locomo {

using Slot = std::vector<std::string>;

// The fraction of `evidence` (distinct ids, non-empty) in the first k slots of `retrieved`.
double RecallAt(const std::vector<std::string>& evidence, const std::vector<Slot>& retrieved, size_t k);

class EvidenceRecall {
 public:
  // `ks`: the cut-offs to score, each > 0.
  explicit EvidenceRecall(std::vector<size_t> ks) : ks_(std::move(ks)) {}

  // Scores one question at every cut-off; `evidence` must be non-empty.
  void Add(int category, const std::vector<std::string>& evidence, const std::vector<Slot>& retrieved);

  const std::vector<size_t>& ks() const { return ks_; }
  size_t questions() const { return all_.questions; }
  // Mean recall@k over all questions (0 when there are none); k must be one of ks().
  double Mean(size_t k) const { return all_.Mean(Index(k)); }
  std::vector<int> categories() const;
  size_t questions(int category) const;
  double Mean(int category, size_t k) const;

 private:
  struct Sums {
    size_t questions = 0;
    std::vector<double> recall;  // by index of ks_
    double Mean(size_t i) const { return questions ? recall[i] / static_cast<double>(questions) : 0.0; }
  };
  size_t Index(size_t k) const;
  void AddTo(Sums& s, const std::vector<double>& r);

  std::vector<size_t> ks_;
  Sums all_;
  std::map<int, Sums> by_category_;
};

}  // namespace mnemo::bench::locomo
