// The retrievers the LoCoMo benchmark scores: RECALL through the language,
// and a word-overlap baseline that needs no index.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/mnemo.hpp"

namespace mnemo::bench::locomo {

struct Retrieved {
  std::vector<graph::Id> records;  // episodes (and facts, when asked for), best first, at most k, each once
  double ms = 0;                   // time of the retrieval itself
};

class Retriever {
 public:
  virtual ~Retriever() = default;
  // The top-k records for `question` in the memory behind `conn`. Errors:
  // whatever the memory reports (a RECALL that fails, e.g. Unsupported).
  virtual Result<Retrieved> Retrieve(Connection& conn, const std::string& question, size_t k) = 0;
};

// `RECALL $q TOP <k> KINDS <kinds> <extra>`, with the question as parameter
// $q; `kinds` is "episode" or "episode, fact"; `extra` holds further RECALL
// clauses ("USING keyword"). Only the statement is timed. Rows of other
// kinds are ignored.
std::unique_ptr<Retriever> MakeRecallRetriever(std::string kinds, std::string extra);

// Baseline: ranks every episode by the number of distinct question words it
// contains (lower-cased ASCII letter/digit runs, a short English stopword
// list removed, no stemming, no weighting); ties go to the earlier episode;
// episodes sharing no word are not returned. Brute force over the store.
std::unique_ptr<Retriever> MakeOverlapRetriever();

}  // namespace mnemo::bench::locomo
