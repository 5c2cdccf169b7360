#include "index/tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace mnemo::index {

namespace {

// Lower case; checked before stemming.
constexpr std::array<std::string_view, 72> kStopwords = {
    "a",     "about", "an",   "and",   "are",   "as",   "at",   "be",    "been", "but",   "by",   "can",
    "did",   "do",    "does", "for",   "from",  "had",  "has",  "have",  "he",   "her",   "him",  "his",
    "how",   "i",     "if",   "in",    "into",  "is",   "it",   "its",   "me",   "my",    "no",   "not",
    "of",    "on",    "or",   "our",   "s",     "she",  "so",   "such",  "t",    "than",  "that", "the",
    "their", "them",  "then", "there", "these", "they", "this", "those", "to",   "us",    "was",  "we",
    "were",  "what",  "when", "where", "which", "who",  "why",  "will",  "with", "would", "you",  "your"};
constexpr size_t kLongestStopword = 5;

// Byte -> the byte it becomes inside a token (ASCII letters folded), or 0
// for a separator.
constexpr std::array<char, 256> kFold = [] {
  std::array<char, 256> fold{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
      fold[c] = static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z')
      fold[c] = static_cast<char>(c - 'A' + 'a');
  }
  return fold;
}();

// A word of at most kLongestStopword bytes packed into an integer, with its
// length, so that the stopword test is an integer search.
constexpr uint64_t Pack(std::string_view w) {
  uint64_t key = w.size();
  for (char c : w) key = (key << 8) | static_cast<unsigned char>(c);
  return key;
}
constexpr auto kStopwordKeys = [] {
  std::array<uint64_t, kStopwords.size()> keys{};
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = Pack(kStopwords[i]);
  std::sort(keys.begin(), keys.end());
  return keys;
}();
constexpr bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
constexpr bool IsConsonant(char c) { return c >= 'a' && c <= 'z' && !IsVowel(c); }

bool EndsWith(const char* s, size_t n, std::string_view suffix) {
  return n >= suffix.size() && std::string_view(s + n - suffix.size(), suffix.size()) == suffix;
}
bool HasVowel(const char* s, size_t n) { return std::any_of(s, s + n, IsVowel); }

// After -ing/-ed: "runn" -> "run", but "fall", "miss", "buzz", "add" stay.
void Undouble(const char* s, size_t& n) {
  if (n >= 4 && s[n - 1] == s[n - 2] && IsConsonant(s[n - 1]) && s[n - 1] != 'l' && s[n - 1] != 's' && s[n - 1] != 'z')
    --n;
}

// The suffix rules of the header, on s[0..n).
void Stem(char* s, size_t& n) {
  if (n <= 3) return;
  // Plurals and third person.
  if (EndsWith(s, n, "ies")) {
    if (n > 4) {
      n -= 2;
      s[n - 1] = 'y';
    } else {
      n -= 1;  // ties -> tie
    }
  } else if (EndsWith(s, n, "es") && n > 4 &&
             (s[n - 3] == 's' || s[n - 3] == 'x' || s[n - 3] == 'z' || EndsWith(s, n, "ches") ||
              EndsWith(s, n, "shes"))) {
    n -= 2;  // classes -> class, boxes -> box, wishes -> wish
  } else if (s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != 'u' && s[n - 2] != 'i') {
    n -= 1;
  }
  // Progressive and past.
  if (EndsWith(s, n, "ing")) {
    if (n >= 6 && HasVowel(s, n - 3)) {
      n -= 3;
      Undouble(s, n);
    }
  } else if (EndsWith(s, n, "ied")) {
    if (n > 4) {
      n -= 2;
      s[n - 1] = 'y';
    }
  } else if (EndsWith(s, n, "ed") && !EndsWith(s, n, "eed")) {
    if (n >= 5 && HasVowel(s, n - 2)) {
      n -= 2;
      Undouble(s, n);
    }
  }
  // Silent final e.
  if (n > 3 && s[n - 1] == 'e' && s[n - 2] != 'e') --n;
}

}  // namespace

bool IsStopword(std::string_view word) {
  if (word.size() > kLongestStopword || word.empty()) return false;
  return std::binary_search(kStopwordKeys.begin(), kStopwordKeys.end(), Pack(word));
}

bool TokenStream::Next(std::string_view& token) {
  const size_t end = text_.size();
  const char* text = text_.data();
  while (pos_ < end) {
    while (pos_ < end && kFold[static_cast<unsigned char>(text[pos_])] == 0) ++pos_;
    if (pos_ == end) return false;
    // Copy (folded) up to kMaxTokenBytes bytes of the run; skip the rest.
    size_t n = 0;
    for (; pos_ < end; ++pos_) {
      const char c = kFold[static_cast<unsigned char>(text[pos_])];
      if (c == 0) break;
      if (n < kMaxTokenBytes) buffer_[n++] = c;
    }
    if (IsStopword(std::string_view(buffer_, n))) continue;
    Stem(buffer_, n);
    token = std::string_view(buffer_, n);
    return true;
  }
  return false;
}

std::vector<std::string> Tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  TokenStream stream(text);
  std::string_view token;
  while (stream.Next(token)) tokens.emplace_back(token);
  return tokens;
}

}  // namespace mnemo::index
