// Tokenizer: the words of a text as the keyword index and the built-in
// embedder see them. Documents and queries go through the same function.
//
// Rules, in order:
//   1. ASCII letters are folded to lower case; bytes >= 0x80 (UTF-8) are kept
//      as they are and belong to tokens; every other ASCII byte separates.
//   2. A token is at most kMaxTokenBytes bytes; a longer run keeps its start.
//   3. Stopwords (a short English list: articles, pronouns, auxiliaries,
//      question words, and the "s"/"t" of "Ann's"/"don't") are dropped.
//   4. Light suffix stemming of tokens longer than 3 bytes, so that
//      inflections meet (moved/moving/moves/move -> "mov"):
//        -sses -> -ss, -ies -> -y (ties -> tie), -es after s/x/z/ch/sh -> "",
//        -s (not after s, u or i) -> "";
//        then -ing -> "" (stem >= 3 with a vowel), -ied -> -y,
//        -ed -> "" (stem >= 3 with a vowel; not -eed); a doubled final
//        consonant left by -ing/-ed is halved (running -> run) unless it is
//        l, s or z or the stem would fall under 3 bytes;
//        finally a silent final -e is dropped (not after e): hike -> hik.
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mnemo::index {

inline constexpr size_t kMaxTokenBytes = 64;

// The tokens of `text`, in order, duplicates kept.
std::vector<std::string> Tokenize(std::string_view text);

// The same tokens one at a time, without allocating: the hot-path form.
class TokenStream {
 public:
  explicit TokenStream(std::string_view text) : text_(text) {}
  // Sets `token` to the next token and returns true, or returns false at the
  // end. The view stays valid until the next call.
  bool Next(std::string_view& token);

 private:
  std::string_view text_;
  size_t pos_ = 0;
  char buffer_[kMaxTokenBytes];
};

// True for a word of the stopword list (given folded to lower case).
bool IsStopword(std::string_view word);

}  // namespace mnemo::index
