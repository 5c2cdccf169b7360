#include "bench/locomo_options.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <set>

namespace mnemo::bench::locomo {

const char* const kUsage =
    "usage: mnemo-bench locomo [options] FILE...\n"
    "  Evidence recall@k of RECALL on LoCoMo conversations (FILE: a conversation .json,\n"
    "  or a directory of them). Prints one JSON object.\n"
    "  --k K                     the cut-off reported as recall@k (default 10)\n"
    "  --also-k LIST             further cut-offs, from the same retrieval (default 5,10,25)\n"
    "  --mode turns|structured   turns only, or also observations, summaries, events (default turns)\n"
    "  --session-provenance none|turns\n"
    "                            structured: summaries and events cite no turn, or every turn\n"
    "                            of their session (default turns)\n"
    "  --recall-options 'TEXT'   extra RECALL clauses, e.g. 'USING keyword'\n"
    "  --kinds episode|episode,fact\n"
    "                            what RECALL returns (default episode); a retrieved fact counts for\n"
    "                            the turns it cites (then --session-provenance defaults to none)\n"
    "  --baseline overlap        rank by word overlap instead of RECALL\n"
    "  --min-recall X            exit 1 when recall@k is below X\n"
    "  --misses N                print up to N questions per category whose evidence was missed (stderr)\n"
    "  --details FILE            write one JSON line per question: file, category, question,\n"
    "                            evidence, retrieved dia_ids, recall@k\n"
    "  --skip-missing-data       exit 77 (skipped) instead of 2 when a FILE does not exist\n"
    "  --consolidate JOB,...     run CONSOLIDATE JOB (communities, importance, decay, dedupe, with\n"
    "                            options: 'decay half life 30d') on each conversation after loading;\n"
    "                            the report lists each file's topics and top entities\n";

namespace {

std::optional<size_t> PositiveNumber(std::string_view s) {
  size_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v == 0) return std::nullopt;
  return v;
}

Status Bad(const std::string& option, const std::string& what) { return Status::InvalidArgument(option + ": " + what); }

}  // namespace

std::vector<size_t> BenchOptions::Cutoffs() const {
  std::set<size_t> all(also_k.begin(), also_k.end());
  all.insert(k);
  return {all.begin(), all.end()};
}

Result<BenchOptions> ParseBenchOptions(int argc, char** argv) {
  BenchOptions o;
  bool provenance_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (!arg.starts_with("--")) {
      o.paths.push_back(arg);
      continue;
    }
    const bool flag = arg == "--skip-missing-data";
    if (flag) {
      o.skip_missing_data = true;
      continue;
    }
    if (i + 1 >= argc) return Bad(arg, "needs a value (or is unknown)");
    const std::string value = argv[++i];
    if (arg == "--k") {
      const auto k = PositiveNumber(value);
      if (!k) return Bad(arg, "expected a positive integer, got '" + value + "'");
      o.k = *k;
    } else if (arg == "--also-k") {
      o.also_k.clear();
      size_t pos = 0;
      while (pos <= value.size()) {
        const size_t end = std::min(value.find(',', pos), value.size());
        const auto k = PositiveNumber(std::string_view(value).substr(pos, end - pos));
        if (!k) return Bad(arg, "expected positive integers separated by commas, got '" + value + "'");
        o.also_k.push_back(*k);
        pos = end + 1;
      }
    } else if (arg == "--mode") {
      if (value == "turns")
        o.load.mode = Mode::kTurns;
      else if (value == "structured")
        o.load.mode = Mode::kStructured;
      else
        return Bad(arg, "expected turns or structured, got '" + value + "'");
    } else if (arg == "--session-provenance") {
      provenance_given = true;
      if (value == "none")
        o.load.session_provenance = false;
      else if (value == "turns")
        o.load.session_provenance = true;
      else
        return Bad(arg, "expected none or turns, got '" + value + "'");
    } else if (arg == "--kinds") {
      if (value == "episode")
        o.count_facts = false;
      else if (value == "episode,fact")
        o.count_facts = true;
      else
        return Bad(arg, "expected episode or episode,fact, got '" + value + "'");
    } else if (arg == "--recall-options") {
      o.recall_options = value;
    } else if (arg == "--baseline") {
      if (value != "overlap") return Bad(arg, "the only baseline is 'overlap', got '" + value + "'");
      o.overlap_baseline = true;
    } else if (arg == "--min-recall") {
      char* end = nullptr;
      const double v = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0' || v < 0 || v > 1)
        return Bad(arg, "expected a number in [0, 1], got '" + value + "'");
      o.min_recall = v;
    } else if (arg == "--consolidate") {
      o.consolidate.clear();
      size_t pos = 0;
      while (pos <= value.size()) {
        const size_t end = std::min(value.find(',', pos), value.size());
        const std::string job = value.substr(pos, end - pos);
        if (job.empty()) return Bad(arg, "expected jobs separated by commas, got '" + value + "'");
        o.consolidate.push_back(job);
        pos = end + 1;
      }
    } else if (arg == "--details") {
      o.details = value;
    } else if (arg == "--misses") {
      if (value == "0")
        o.misses = 0;
      else if (const auto n = PositiveNumber(value))
        o.misses = *n;
      else
        return Bad(arg, "expected a count, got '" + value + "'");
    } else {
      return Bad(arg, "unknown option");
    }
  }
  if (o.paths.empty()) return Status::InvalidArgument("no conversation FILE given");
  // A summary citing its whole session would count for every turn of it.
  if (o.count_facts && !provenance_given) o.load.session_provenance = false;
  return o;
}

Result<std::vector<std::string>> ExpandPaths(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> inside;
      for (const auto& entry : fs::directory_iterator(p, ec))
        if (entry.path().extension() == ".json") inside.push_back(entry.path().string());
      if (ec) return Status::IOError(p + ": cannot be listed: " + ec.message());
      if (inside.empty()) return Status::NotFound(p + ": no .json conversation files in this directory");
      std::sort(inside.begin(), inside.end());
      files.insert(files.end(), inside.begin(), inside.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      return Status::NotFound(p + ": no such file or directory");
    }
  }
  return files;
}

}  // namespace mnemo::bench::locomo
