#include "tests/queries/query_file.hpp"

#include <algorithm>
#include <sstream>

namespace mnemo::querytest {

namespace {

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}
std::string_view Trim(std::string_view s) {
  s = TrimRight(s);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

Status LineError(int line, const std::string& what) {
  return Status::InvalidArgument("line " + std::to_string(line) + ": " + what);
}

}  // namespace

std::optional<StatusCode> StatusCodeFromName(std::string_view name) {
  for (int c = static_cast<int>(StatusCode::kOk); c <= static_cast<int>(StatusCode::kInternal); ++c) {
    const auto code = static_cast<StatusCode>(c);
    if (StatusCodeName(code) == name) return code;
  }
  return std::nullopt;
}

std::string JoinCells(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? " | " : "") + cells[i];
  return out;
}

Result<std::vector<Block>> ParseQueryFile(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(TrimRight(text.substr(start, end - start)));
    start = end + 1;
  }

  std::vector<Block> blocks;
  size_t i = 0;
  while (i < lines.size()) {
    const int lineno = static_cast<int>(i) + 1;
    const std::string_view line = Trim(lines[i]);
    if (line.empty() || line.front() == '#') {
      ++i;
      continue;
    }
    std::istringstream words{std::string(line)};
    std::string directive;
    words >> directive;
    Block b;
    b.line = lineno;
    if (directive == "reset") {
      std::string extra;
      if (words >> extra) return LineError(lineno, "'reset' takes no arguments");
      b.kind = Block::Kind::kReset;
      blocks.push_back(std::move(b));
      ++i;
      continue;
    }
    if (directive == "statement") {
      std::string mode;
      words >> mode;
      if (mode == "ok") {
        b.kind = Block::Kind::kStatementOk;
        std::string extra;
        if (words >> extra) return LineError(lineno, "'statement ok' takes no arguments");
      } else if (mode == "error") {
        b.kind = Block::Kind::kStatementError;
        std::string rest;
        std::getline(words, rest);
        std::string_view r = Trim(rest);
        const size_t space = r.find(' ');
        const std::string_view first = r.substr(0, space);
        if (auto code = StatusCodeFromName(first); code && !first.empty()) {
          if (*code == StatusCode::kOk) return LineError(lineno, "'statement error OK' makes no sense");
          b.error_code = code;
          r = space == std::string_view::npos ? std::string_view() : Trim(r.substr(space));
        }
        b.error_substring = std::string(r);
      } else {
        return LineError(lineno, "expected 'statement ok' or 'statement error'");
      }
    } else if (directive == "query") {
      b.kind = Block::Kind::kQuery;
      std::string mode;
      if (words >> mode) {
        if (mode == "rowsort") b.rowsort = true;
        else if (mode != "nosort") return LineError(lineno, "expected 'rowsort' or 'nosort', got '" + mode + "'");
        std::string extra;
        if (words >> extra) return LineError(lineno, "unexpected '" + extra + "'");
      }
    } else {
      return LineError(lineno, "unknown directive '" + directive + "'");
    }

    // The statement: up to a blank line (or "----" for a query).
    ++i;
    bool separator = false;
    std::string statement;
    for (; i < lines.size() && !Trim(lines[i]).empty(); ++i) {
      if (b.kind == Block::Kind::kQuery && Trim(lines[i]) == "----") {
        separator = true;
        ++i;
        break;
      }
      if (!statement.empty()) statement += '\n';
      statement += lines[i];
    }
    if (statement.empty()) return LineError(lineno, "no statement after the directive");
    b.statement = std::move(statement);
    if (b.kind == Block::Kind::kQuery) {
      if (!separator) return LineError(lineno, "a query needs '----' before its expected rows");
      for (bool first = true; i < lines.size() && !Trim(lines[i]).empty(); ++i, first = false) {
        const std::string_view row = Trim(lines[i]);
        if (first && row.front() == '#') {
          b.header = std::string(Trim(row.substr(1)));
          continue;
        }
        b.rows.emplace_back(row);
      }
    }
    blocks.push_back(std::move(b));
  }
  return blocks;
}

std::optional<std::string> CompareRows(const Block& block, const std::string& columns,
                                       std::vector<std::string> actual) {
  if (block.header && *block.header != columns)
    return "columns differ: expected '" + *block.header + "', got '" + columns + "'";
  std::vector<std::string> expected = block.rows;
  if (block.rowsort) {
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
  }
  const size_t n = std::min(expected.size(), actual.size());
  for (size_t k = 0; k < n; ++k)
    if (expected[k] != actual[k])
      return "row " + std::to_string(k + 1) + (block.rowsort ? " (sorted)" : "") + " differs: expected '" +
             expected[k] + "', got '" + actual[k] + "'";
  if (expected.size() != actual.size())
    return "expected " + std::to_string(expected.size()) + " rows, got " + std::to_string(actual.size()) +
           (expected.size() > n ? "; first missing '" + expected[n] + "'" : "; first extra '" + actual[n] + "'");
  return std::nullopt;
}

}  // namespace mnemo::querytest
