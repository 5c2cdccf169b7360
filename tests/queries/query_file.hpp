// Query test files (tests/queries/**/*.test): statements with their expected
// outcome, in the spirit of sqllogictest. Format: tests/queries/README.md.
//
//   statement ok                       statement error BindError undefined
//   CREATE (:Person {name: 'Ann'})     MATCH (n) RETURN m
//
//   query rowsort
//   MATCH (p:Person) RETURN p.name AS name, p
//   ----
//   # name | p
//   'Ann' | (:Person {name: 'Ann'})
//
// Thread-safety: plain functions over values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace mnemo::querytest {

struct Block {
  enum class Kind { kStatementOk, kStatementError, kQuery, kReset };
  Kind kind = Kind::kStatementOk;
  int line = 0;           // of the directive
  std::string statement;  // lines joined with '\n'
  // kStatementError: the expected code (nullopt: any) and message substring (may be empty).
  std::optional<StatusCode> error_code;
  std::string error_substring;
  // kQuery
  bool rowsort = false;
  std::optional<std::string> header;  // "a | b" when the results start with "# a | b"
  std::vector<std::string> rows;      // expected rows, trailing blanks trimmed
};

// Errors: InvalidArgument naming the line ("line 7: unknown directive 'querry'").
Result<std::vector<Block>> ParseQueryFile(std::string_view text);

// The StatusCode whose StatusCodeName is `name` ("SyntaxError"), if any.
std::optional<StatusCode> StatusCodeFromName(std::string_view name);

// Compares a query's rendered output with a block's expectations: header
// (when the block has one), then rows (sorted first for rowsort). nullopt
// when they match, else a one-line description of the first difference.
std::optional<std::string> CompareRows(const Block& block, const std::string& columns,
                                       std::vector<std::string> actual_rows);

// "a | b": the cells of one row (or the column names) as the files write them.
std::string JoinCells(const std::vector<std::string>& cells);

}  // namespace mnemo::querytest
