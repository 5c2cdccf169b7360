// Names of synthetic entities, built from syllables: people "Talora
// Vennick", places "Brindlecove", organisations "Korvex Labs".
//
// Contract: NameMaker hands out names that are distinct from every name it
// gave before (compared in lower case) and from every word of the
// vocabulary; the sequence depends only on the generator's state.
#pragma once

#include <string>
#include <unordered_set>

#include "bench/synthetic_memory.hpp"
#include "bench/synthetic_random.hpp"

namespace mnemo::bench {

class NameMaker {
 public:
  NameMaker();
  std::string Make(EntityKind kind, SplitMix64& rng);

 private:
  std::string Candidate(EntityKind kind, SplitMix64& rng) const;
  std::unordered_set<std::string> taken_;  // lower case, vocabulary included
};

}  // namespace mnemo::bench
