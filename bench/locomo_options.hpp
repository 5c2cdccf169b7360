// Command-line options of `mnemo-bench locomo`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "bench/locomo_loader.hpp"

namespace mnemo::bench::locomo {

inline constexpr int kSkipExitCode = 77;  // ctest SKIP_RETURN_CODE

struct BenchOptions {
  size_t k = 10;                             // --k: the cut-off of "recall@k"
  std::vector<size_t> also_k = {5, 10, 25};  // --also-k: further cut-offs, from the same retrieval
  LoadOptions load;                          // --mode, --session-provenance
  std::string recall_options;                // --recall-options: extra RECALL clauses
  bool count_facts = false;                  // --kinds episode,fact: a retrieved fact counts for the turns it cites
  bool overlap_baseline = false;             // --baseline overlap
  std::optional<double> min_recall;          // --min-recall: exit 1 below it
  size_t misses = 0;                         // --misses N: examples of missed evidence per category, on stderr
  bool skip_missing_data = false;            // --skip-missing-data: exit 77 when a FILE is absent
  std::string details;                       // --details FILE: one JSON line per question scored
  std::vector<std::string> consolidate;      // --consolidate JOB,...: CONSOLIDATE jobs run after loading
  std::vector<std::string> paths;            // FILE... (a directory stands for its *.json files)

  // Every cut-off scored, ascending and distinct (k included).
  std::vector<size_t> Cutoffs() const;
};

// Errors: InvalidArgument naming the option.
Result<BenchOptions> ParseBenchOptions(int argc, char** argv);

// The conversation files named by `paths`, a directory expanded to its
// *.json files in name order. Errors: NotFound naming the missing path.
Result<std::vector<std::string>> ExpandPaths(const std::vector<std::string>& paths);

extern const char* const kUsage;

}  // namespace mnemo::bench::locomo
