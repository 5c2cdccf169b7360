// The shell's dot commands: lines starting with '.' that talk to the shell
// rather than to the memory (.help, .schema, .format, .timer, .read, .export,
// .quit). A dot command takes one line and needs no ';'.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace mnemo::shell {

class ReplSession;

// What a dot command takes, one entry per argument:
//   "a|b|c"   one of these words
//   "FILE"    a file name (quote it with '...' or "..." when it has blanks)
//   "[QUERY]" optional: the rest of the line, a statement
struct DotCommandSpec {
  std::string_view name;  // ".format"
  std::vector<std::string_view> arguments;
  std::string_view help;  // one line
};

// Every dot command, in the order .help lists them.
std::span<const DotCommandSpec> DotCommandSpecs();

// The spec of `name` (".format"), or null for an unknown command.
const DotCommandSpec* FindDotCommand(std::string_view name);

// Whether `line` is a dot command (its first non-blank character is '.').
bool IsDotCommand(std::string_view line);

enum class DotOutcome {
  kDone,    // the command did its work
  kFailed,  // an error was reported (unknown command, bad argument, failed I/O or statement)
  kQuit,    // .quit or .exit: the shell should end
};

// Runs the dot command `line` in `session`: output to session.out(), errors
// (one line starting "Error: ", or a statement's error report) to session.err().
DotOutcome RunDotCommand(ReplSession& session, std::string_view line);

}  // namespace mnemo::shell
