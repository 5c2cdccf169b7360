#include "bench/locomo_retrievers.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <unordered_set>

namespace mnemo::bench::locomo {

namespace {

double MillisSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

class RecallRetriever final : public Retriever {
 public:
  RecallRetriever(std::string kinds, std::string extra) : kinds_(std::move(kinds)), extra_(std::move(extra)) {}

  Result<Retrieved> Retrieve(Connection& conn, const std::string& question, size_t k) override {
    const std::string statement =
        "RECALL $q TOP " + std::to_string(k) + " KINDS " + kinds_ + (extra_.empty() ? "" : " " + extra_);
    const engine::Params params{{"q", graph::Value(question)}};
    Retrieved out;
    const auto t0 = std::chrono::steady_clock::now();
    auto result = conn.Query(statement, params);
    out.ms = MillisSince(t0);
    if (!result.ok()) return Status(result.status().code(), statement + ": " + result.status().ToString());
    const auto& columns = result->columns;
    const auto column = [&](std::string_view name) {
      return static_cast<int>(std::find(columns.begin(), columns.end(), name) - columns.begin());
    };
    const int id_col = column("id"), kind_col = column("kind");
    if (id_col == static_cast<int>(columns.size()))
      return Status::Internal(statement + ": the result has no `id` column");
    std::unordered_set<graph::Id> seen;
    for (const auto& row : result->rows) {
      if (kind_col < static_cast<int>(columns.size()) && row[kind_col].kind() == graph::Value::Kind::kString &&
          kinds_.find(row[kind_col].as_string()) == std::string::npos)
        continue;
      if (row[id_col].kind() != graph::Value::Kind::kInt) continue;
      const auto id = static_cast<graph::Id>(row[id_col].as_int());
      if (seen.insert(id).second && out.records.size() < k) out.records.push_back(id);
    }
    return out;
  }

 private:
  std::string kinds_;
  std::string extra_;
};

const std::unordered_set<std::string>& Stopwords() {
  static const std::unordered_set<std::string> words = {
      "a",      "an",   "the",  "and",   "or",    "but",  "of",   "to",   "in",   "on",    "at",    "for",
      "with",   "by",   "from", "about", "as",    "into", "is",   "are",  "was",  "were",  "be",    "been",
      "being",  "do",   "does", "did",   "has",   "have", "had",  "i",    "you",  "he",    "she",   "it",
      "we",     "they", "me",   "him",   "her",   "us",   "them", "my",   "your", "his",   "its",   "our",
      "their",  "what", "when", "where", "which", "who",  "whom", "why",  "how",  "that",  "this",  "these",
      "those",  "s",    "t",    "not",   "no",    "so",   "if",   "then", "than", "there", "would", "could",
      "should", "will", "can",  "may",   "might", "some", "any",  "all"};
  return words;
}

std::unordered_set<std::string> Words(std::string_view text) {
  std::unordered_set<std::string> out;
  std::string word;
  const auto flush = [&] {
    if (!word.empty() && !Stopwords().count(word)) out.insert(word);
    word.clear();
  };
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else
      flush();
  }
  flush();
  return out;
}

class OverlapRetriever final : public Retriever {
 public:
  Result<Retrieved> Retrieve(Connection& conn, const std::string& question, size_t k) override {
    Retrieved out;
    const auto t0 = std::chrono::steady_clock::now();
    const auto query = Words(question);
    std::vector<std::pair<size_t, graph::Id>> scored;  // (overlap, episode)
    conn.Read([&](const graph::Hypergraph& g) {
      for (const auto& [id, episode] : g.episodes()) {
        if (episode.forgotten) continue;
        size_t overlap = 0;
        for (const std::string& w : Words(episode.text)) overlap += query.count(w);
        if (overlap > 0) scored.emplace_back(overlap, id);
      }
      return 0;
    });
    // Most overlap first, then the earlier episode (smaller id).
    const size_t n = std::min(k, scored.size());
    std::partial_sort(
        scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
        [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    for (size_t i = 0; i < n; ++i) out.records.push_back(scored[i].second);
    out.ms = MillisSince(t0);
    return out;
  }
};

}  // namespace

std::unique_ptr<Retriever> MakeRecallRetriever(std::string kinds, std::string extra) {
  return std::make_unique<RecallRetriever>(std::move(kinds), std::move(extra));
}

std::unique_ptr<Retriever> MakeOverlapRetriever() { return std::make_unique<OverlapRetriever>(); }

}  // namespace mnemo::bench::locomo
