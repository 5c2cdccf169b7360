#include "shell/completion.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "shell/completion_words.hpp"
#include "shell/dot_commands.hpp"
#include "shell/repl_scanner.hpp"

namespace mnemo::shell {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool StartsWith(std::string_view text, std::string_view prefix, bool ignore_case) {
  if (prefix.size() > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ignore_case ? Lower(text[i]) != Lower(prefix[i]) : text[i] != prefix[i]) return false;
  }
  return true;
}

// A keyword in the case of what was typed: lower case when the typed word has
// lower-case letters and no upper-case ones.
std::string InTypedCase(std::string_view keyword, std::string_view typed) {
  const bool has_lower = std::any_of(typed.begin(), typed.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const bool has_upper = std::any_of(typed.begin(), typed.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  std::string out(keyword);
  if (has_lower && !has_upper) std::transform(out.begin(), out.end(), out.begin(), Lower);
  return out;
}

// Names from the memory starting with `prefix`: with its case when any does,
// else ignoring case.
void AddNames(const std::vector<const std::vector<std::string>*>& lists, std::string_view prefix,
              std::vector<std::string>& out) {
  const size_t before = out.size();
  for (const auto* list : lists)
    for (const std::string& name : *list)
      if (StartsWith(name, prefix, false)) out.push_back(name);
  if (out.size() > before) return;
  for (const auto* list : lists)
    for (const std::string& name : *list)
      if (StartsWith(name, prefix, true)) out.push_back(name);
}

void SortUnique(std::vector<std::string>& words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
}

// The blank-separated words of a dot-command line, as [begin, end) offsets; a
// word opening with a quote runs to the matching quote.
struct Span {
  size_t begin, end;
};
std::vector<Span> DotWords(std::string_view line) {
  std::vector<Span> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsBlank(line[i])) ++i;
    if (i >= line.size()) break;
    const size_t begin = i;
    if (line[i] == '\'' || line[i] == '"') {
      const size_t close = line.find(line[i], i + 1);
      i = close == std::string_view::npos ? line.size() : close + 1;
    }
    while (i < line.size() && !IsBlank(line[i])) ++i;
    words.push_back({begin, i});
  }
  return words;
}

// The index among spec->arguments of its QUERY argument, if it has one.
std::optional<size_t> QueryArgument(const DotCommandSpec& spec) {
  for (size_t i = 0; i < spec.arguments.size(); ++i)
    if (spec.arguments[i] == "[QUERY]") return i;
  return std::nullopt;
}

bool IsDotLine(std::string_view line) {
  const size_t first = line.find_first_not_of(" \t");
  return first != std::string_view::npos && line[first] == '.';
}

Completions CompleteStatement(std::string_view line, size_t start, const CompletionCatalog& catalog) {
  StatementScanner scanner;
  scanner.Feed(line.substr(0, start));
  if (scanner.inside_literal()) return {};
  const std::string_view word = line.substr(start);
  const char before = start > 0 ? line[start - 1] : '\0';
  Completions out;
  if (before == ':') {
    AddNames({&catalog.entity_types, &catalog.relation_types, &catalog.roles}, word, out.words);
  } else if (before == '.' && start >= 2 && IsNameChar(line[start - 2])) {
    AddNames({&catalog.properties}, word, out.words);
  } else {
    const size_t last = start == 0 ? std::string_view::npos : line.find_last_not_of(" \t\r\n", start - 1);
    const char previous = last == std::string_view::npos ? '\0' : line[last];
    if (scanner.open_bracket() == '{' && (previous == '{' || previous == ',')) {
      AddNames({&catalog.properties}, word, out.words);
    } else if (!word.empty()) {
      for (std::string_view keyword : LanguageKeywords())
        if (StartsWith(keyword, word, true)) out.words.push_back(InTypedCase(keyword, word));
      for (std::string_view function : FunctionNames())
        if (StartsWith(function, word, true)) out.words.emplace_back(function);
      AddNames({&catalog.entity_types, &catalog.relation_types, &catalog.roles}, word, out.words);
    }
  }
  SortUnique(out.words);
  return out;
}

Completions CompleteDotCommand(std::string_view line, size_t start, const CompletionCatalog& catalog) {
  const std::string_view word = line.substr(start);
  const std::vector<Span> words = DotWords(line.substr(0, start));
  Completions out;
  if (words.empty()) {
    for (const DotCommandSpec& spec : DotCommandSpecs())
      if (StartsWith(spec.name, word, true)) out.words.emplace_back(spec.name);
    SortUnique(out.words);
    return out;
  }
  const std::string_view name = line.substr(words[0].begin, words[0].end - words[0].begin);
  const DotCommandSpec* spec = FindDotCommand(name);
  if (spec == nullptr) return out;
  const size_t argument = words.size() - 1;  // the index of the argument at the cursor
  const std::optional<size_t> query = QueryArgument(*spec);
  if (query && argument >= *query) {
    const size_t query_begin = argument > *query ? words[*query + 1].begin : start;
    return CompleteStatement(line.substr(query_begin), start - query_begin, catalog);
  }
  if (argument >= spec->arguments.size()) return out;
  const std::string_view kind = spec->arguments[argument];
  if (kind == "FILE") {
    out.file_names = true;
    return out;
  }
  size_t from = 0;
  while (from <= kind.size()) {
    const size_t bar = std::min(kind.find('|', from), kind.size());
    const std::string_view choice = kind.substr(from, bar - from);
    if (!choice.empty() && StartsWith(choice, word, true)) out.words.emplace_back(choice);
    from = bar + 1;
  }
  SortUnique(out.words);
  return out;
}

}  // namespace

Completions CompleteInput(const CompletionRequest& request, const CompletionCatalog& catalog) {
  const std::string_view line = request.line;
  const size_t start = std::min(request.word_start, line.size());
  if (IsDotLine(line)) return CompleteDotCommand(line, start, catalog);
  return CompleteStatement(line, start, catalog);
}

bool BlankSeparatedWords(std::string_view line) {
  if (!IsDotLine(line)) return false;
  const std::vector<Span> words = DotWords(line);
  if (words.empty()) return true;
  const bool new_word = IsBlank(line.back());
  const size_t at_cursor = new_word ? words.size() : words.size() - 1;  // word index at the cursor
  if (at_cursor == 0) return true;
  const std::string_view name = line.substr(words[0].begin, words[0].end - words[0].begin);
  const DotCommandSpec* spec = FindDotCommand(name);
  if (spec == nullptr) return true;
  const std::optional<size_t> query = QueryArgument(*spec);
  return !(query && at_cursor - 1 >= *query);
}

}  // namespace mnemo::shell
