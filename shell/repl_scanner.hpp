// StatementScanner: tells the shell whether the lines typed so far end a
// statement, using the language's lexical rules (lang/README.md): strings in
// '...' or "..." with backslash escapes, `backquoted` names, comments `//`,
// `--` (except `--` followed by '(' or '>', a relationship) and `/* */`.
//
// The scanner is incremental: Feed() whole lines one after the other, each
// with its '\n' (two-character tokens such as `/*` are recognised within one
// Feed); the cost is linear in the text fed, however many lines a statement takes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mnemo::shell {

class StatementScanner {
 public:
  // Scans `text`, which continues what was fed before.
  void Feed(std::string_view text);
  // Forgets everything fed.
  void Reset() { *this = StatementScanner(); }

  // Nothing but blanks and complete comments so far.
  bool blank() const { return last_token_ == '\0' && (mode_ == Mode::kCode || mode_ == Mode::kLineComment); }
  // The last token outside strings, names and comments is ';' and no string,
  // backquoted name or block comment is left open.
  bool ends_statement() const { return last_token_ == ';' && (mode_ == Mode::kCode || mode_ == Mode::kLineComment); }
  // The end of the text fed lies inside a string, a backquoted name or a comment.
  bool inside_literal() const { return mode_ != Mode::kCode; }
  // A string, a backquoted name or a block comment is left open.
  bool unterminated() const { return mode_ != Mode::kCode && mode_ != Mode::kLineComment; }
  // The innermost bracket ('(', '[' or '{') left open outside literals; '\0'
  // when none (or when they nest deeper than kMaxBrackets).
  char open_bracket() const { return brackets_.empty() || overflow_ > 0 ? '\0' : brackets_.back(); }

  static constexpr size_t kMaxBrackets = 256;

 private:
  enum class Mode { kCode, kString, kBackquoted, kLineComment, kBlockComment };

  void Bracket(char c);  // keeps brackets_ for a bracket outside literals

  Mode mode_ = Mode::kCode;
  char quote_ = '\0';       // the quote that closes the current string
  bool escaped_ = false;    // the previous character was a backslash inside a string
  char last_token_ = '\0';  // the last character outside strings, names and comments, blanks excepted
  std::string brackets_;    // the brackets left open, innermost last
  size_t overflow_ = 0;     // brackets opened beyond kMaxBrackets and not closed yet
};

// Whether `text` (whole lines) forms complete statements that the shell
// should run now: the scanner says it ends with ';', or it ends with ';' and
// the parser accepts it (for text the scanner reads otherwise than the parser).
bool EndsStatement(std::string_view text, const StatementScanner& scanner);

}  // namespace mnemo::shell
