// ReplSession: the state of one `mnemo shell` — the connection, the output
// settings that dot commands change, and the names Tab completes — and how a
// piece of typed text is run and printed.
//
// Thread-safety: none; a session belongs to the thread running the shell.
#pragma once

#include <iosfwd>
#include <memory>
#include <string_view>

#include "engine/mnemo.hpp"
#include "shell/completion_catalog.hpp"
#include "shell/format/formatter.hpp"

namespace mnemo::shell {

struct ReplSettings {
  OutputFormat format = OutputFormat::kTable;
  bool timer = true;      // table format: "Time: ..." after each statement
  engine::Params params;  // $parameters of every statement (from --param)
  // Interactive (a terminal): each entry gets its own formatter and the table
  // format ends each entry with a blank line. Otherwise the output is that of
  // `mnemo run`: one formatter, a blank line between statements.
  bool interactive = false;
};

// Where a script's text sits, so that error reports point into the right text.
struct ScriptOrigin {
  std::string_view name;  // a file name, "<stdin>", or empty for typed text
  // The text the reported lines count in, containing the script as lines
  // first_line, first_line + 1, ...; empty: the script itself (first_line 1).
  std::string_view whole;
  int first_line = 1;
};

class ReplSession {
 public:
  // `conn`, `out` and `err` must outlive the session.
  ReplSession(Connection& conn, ReplSettings settings, std::ostream& out, std::ostream& err);
  ~ReplSession();
  ReplSession(const ReplSession&) = delete;
  ReplSession& operator=(const ReplSession&) = delete;

  // Runs every statement of `script` (going on after a failed one) and prints
  // each outcome in the current format. Returns true when all succeeded.
  bool RunScript(std::string_view script, const ScriptOrigin& origin = {});
  // Prints a result the shell made itself (.schema) in the current format.
  void Show(const QueryResult& result);

  Connection& connection() { return conn_; }
  const ReplSettings& settings() const { return settings_; }
  void SetFormat(OutputFormat format);
  void SetTimer(bool on);
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }

  // The memory's names for Tab completion, read again after statements ran.
  const CompletionCatalog& catalog();

 private:
  Formatter& formatter();
  void DropFormatter();  // after a change of settings
  // Called before printing a successful outcome (not interactive): keeps the
  // blank line between tables when the formatter was replaced.
  void BeforeResult();

  Connection& conn_;
  ReplSettings settings_;
  std::ostream& out_;
  std::ostream& err_;
  std::unique_ptr<Formatter> formatter_;  // null: made on next use
  bool printed_ = false;                  // a result was printed (not interactive)
  bool separate_next_ = false;            // the next result needs a blank line first (a new table formatter)
  CompletionCatalog catalog_;
  bool catalog_stale_ = true;
};

}  // namespace mnemo::shell
