#include "lang/reserved_words.hpp"

namespace mnemo::lang {

namespace {

constexpr std::string_view kReservedWords[] = {
    "ALL",    "AND",      "AS",         "ASC",    "ASCENDING", "BY",     "CASE", "CONTAINS", "CREATE",
    "DELETE", "DESC",     "DESCENDING", "DETACH", "DISTINCT",  "ELSE",   "END",  "ENDS",     "EXISTS",
    "FALSE",  "IN",       "IS",         "LIMIT",  "MATCH",     "MERGE",  "NOT",  "NULL",     "OF",
    "ON",     "OPTIONAL", "OR",         "ORDER",  "REMOVE",    "RETURN", "SET",  "SKIP",     "STARTS",
    "THEN",   "TRUE",     "UNION",      "UNWIND", "WHEN",      "WHERE",  "WITH", "XOR"};

}  // namespace

bool IsReservedWord(std::string_view word) {
  if (word.size() < 2 || word.size() > kMaxReservedWordLength) return false;
  char upper[kMaxReservedWordLength];
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    upper[i] = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
  }
  const std::string_view w(upper, word.size());
  for (std::string_view r : kReservedWords) {
    if (r == w) return true;
  }
  return false;
}

}  // namespace mnemo::lang
