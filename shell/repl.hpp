// The read-run loop of `mnemo shell`.
//
// Lines are gathered into an entry until it ends with ';' outside strings and
// comments (StatementScanner), then the entry's statements run; meanwhile the
// prompt "mnemo> " becomes "  ...> ". A line starting with '.' when no entry
// is pending is a dot command (dot_commands.hpp). Each entry and dot command
// goes to the reader's history. At the end of input a pending entry still
// runs (';' is optional after the last statement); Ctrl-C drops it.
#pragma once

#include "shell/line_reader.hpp"
#include "shell/repl_session.hpp"

namespace mnemo::shell {

inline constexpr const char* kPrompt = "mnemo> ";
inline constexpr const char* kContinuationPrompt = "  ...> ";

// Runs until the end of input or .quit. Returns the exit status: 0, or 1 when
// the session is not interactive and a statement or dot command failed.
// Outside a terminal, error positions count lines of the whole input, named
// "<stdin>".
int RunRepl(ReplSession& session, LineReader& reader);

}  // namespace mnemo::shell
