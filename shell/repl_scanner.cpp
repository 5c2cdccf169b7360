#include "shell/repl_scanner.hpp"

#include "lang/parser.hpp"

namespace mnemo::shell {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// `--` at text[i] followed (after spaces or tabs) by '(' or '>' is a
// relationship, not a comment (as the parser reads it after a node pattern).
bool IsRelationshipDashes(std::string_view text, size_t i) {
  size_t j = i + 2;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
  return j < text.size() && (text[j] == '(' || text[j] == '>');
}

}  // namespace

void StatementScanner::Feed(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    switch (mode_) {
      case Mode::kString:
        if (escaped_) {
          escaped_ = false;
        } else if (c == '\\') {
          escaped_ = true;
        } else if (c == quote_) {
          mode_ = Mode::kCode;
        }
        break;
      case Mode::kBackquoted:  // a doubled backquote closes and reopens: same outcome
        if (c == '`') mode_ = Mode::kCode;
        break;
      case Mode::kLineComment:
        if (c == '\n') mode_ = Mode::kCode;
        break;
      case Mode::kBlockComment:
        if (c == '*' && next == '/') {
          mode_ = Mode::kCode;
          ++i;
        }
        break;
      case Mode::kCode:
        if (c == '\'' || c == '"') {
          mode_ = Mode::kString;
          quote_ = c;
          escaped_ = false;
          last_token_ = c;
        } else if (c == '`') {
          mode_ = Mode::kBackquoted;
          last_token_ = c;
        } else if (c == '/' && next == '*') {
          mode_ = Mode::kBlockComment;
          ++i;
        } else if ((c == '/' && next == '/') || (c == '-' && next == '-' && !IsRelationshipDashes(text, i))) {
          mode_ = Mode::kLineComment;
          ++i;
        } else if (!IsBlank(c)) {
          last_token_ = c;
          Bracket(c);
        }
        break;
    }
  }
}

void StatementScanner::Bracket(char c) {
  if (c == '(' || c == '[' || c == '{') {
    if (brackets_.size() < kMaxBrackets && overflow_ == 0)
      brackets_.push_back(c);
    else
      ++overflow_;
  } else if (c == ')' || c == ']' || c == '}') {
    if (overflow_ > 0)
      --overflow_;
    else if (!brackets_.empty())
      brackets_.pop_back();
  }
}

bool EndsStatement(std::string_view text, const StatementScanner& scanner) {
  if (scanner.ends_statement()) return true;
  if (!scanner.unterminated()) return false;
  const size_t last = text.find_last_not_of(" \t\r\n\f\v");
  return last != std::string_view::npos && text[last] == ';' && lang::Parse(text).ok();
}

}  // namespace mnemo::shell
