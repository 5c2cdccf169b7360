// Formatter: how the `mnemo` binary prints the outcome of each statement.
//
// One Formatter per run; the runner hands it every statement's outcome in
// order. Three formats: an aligned table for people (the default), one JSON
// object per line for programs, and RFC 4180 CSV for spreadsheets. Results go
// to `out`; the table and CSV formats write errors to `err`, the JSON format
// writes them to `out` as {"error": ...} objects (one object per statement).
//
// Thread-safety: none; a Formatter belongs to one thread.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string_view>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

enum class OutputFormat { kTable, kJson, kCsv };

// "table", "json", "csv" (lower case); nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

struct FormatOptions {
  bool timer = true;  // table format: print "Time: ... ms" after each statement
};

// Where a statement came from, so that errors can point into it.
struct StatementSource {
  std::string_view script;  // the whole text that the outcome's line/column refer to
  std::string_view name;    // the file name ("<stdin>" for -), empty for `mnemo query`
};

// How long a statement (or, when `statements` > 1, a whole script whose
// statements were not timed one by one) took.
struct Timing {
  double millis = 0;
  size_t statements = 1;
};

class Formatter {
 public:
  virtual ~Formatter() = default;
  // Prints one statement's outcome: its result when outcome.status is OK,
  // else the error. `timing` is shown by formats that show time.
  virtual void Write(const StatementOutcome& outcome, const StatementSource& source,
                     const std::optional<Timing>& timing) = 0;
};

// A formatter writing to `out` and `err`, which must outlive it.
std::unique_ptr<Formatter> MakeFormatter(OutputFormat format, const FormatOptions& options, std::ostream& out,
                                         std::ostream& err);

}  // namespace mnemo::shell
