// `mnemo shell [options]`: the interactive shell on one memory. On a terminal
// it reads with GNU readline (editing, history, Tab completion); otherwise it
// reads statements and dot commands from standard input, without prompts.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "shell/command_line.hpp"
#include "shell/commands.hpp"
#include "shell/completion.hpp"
#include "shell/exec_options.hpp"
#include "shell/line_reader.hpp"
#include "shell/repl.hpp"
#include "shell/repl_session.hpp"

namespace mnemo::shell {

namespace {

constexpr const char* kShellDescription =
    "An interactive shell on one memory: statements end with ';' and may span lines;\n"
    "dot commands (.help, .schema, .format, .timer, .read, .export, .quit) take one line.\n"
    "On a terminal: line editing, history (~/.mnemo_history, or $MNEMO_HISTORY; empty:\n"
    "none) and Tab completion. Otherwise standard input is read without prompts.";

constexpr const char* kShellExamples = R"(Examples:
  mnemo shell
  mnemo shell --format json
  mnemo shell < statements.mq

Exit status: 0 at the end of input or after .quit; when standard input is not a
terminal, 1 if a statement or dot command failed; 2 usage error.
)";

std::unique_ptr<CLI::App> MakeShellApp(ExecOptions& options) {
  auto app = std::make_unique<CLI::App>(kShellDescription, "mnemo shell");
  AddExecOptions(*app, options);
  app->footer(kShellExamples);
  return app;
}

// $MNEMO_HISTORY when set (empty: no history file), else ~/.mnemo_history,
// else none.
std::string HistoryFile() {
  if (const char* path = std::getenv("MNEMO_HISTORY")) return path;
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return "";
  return std::string(home) + "/.mnemo_history";
}

}  // namespace

int ShellCommand(int argc, char** argv) {
  ExecOptions options;
  auto app = MakeShellApp(options);
  if (auto exit = ParseCommandLine(*app, argc, argv)) return *exit;
  auto params = ParseParams(options.params);
  if (!params.ok()) {
    std::cerr << "mnemo: " << params.status().message() << '\n';
    return 2;
  }
  const std::optional<OutputFormat> format = ParseOutputFormat(options.format);
  if (!format) {
    std::cerr << "mnemo: unknown format '" << options.format << "' (table, json or csv)\n";
    return 2;
  }

  std::unique_ptr<Database> db = OpenMemory(options);
  if (!db) return 1;
  Connection conn = db->Connect();

  ReplSettings settings;
  settings.format = *format;
  settings.timer = !options.no_timer;
  settings.params = std::move(*params);
  settings.interactive = ::isatty(STDIN_FILENO) == 1;
  ReplSession session(conn, std::move(settings), std::cout, std::cerr);

  if (!session.settings().interactive) {
    auto reader = MakeStreamReader(std::cin);
    return RunRepl(session, *reader);
  }
  std::cout << "mnemo shell on "
            << (options.db.empty() ? std::string("an in-process memory (gone at exit)") : "'" + options.db + "'")
            << ". Enter .help for help, .quit to leave.\n";
  Completer completer{
      [&session](const CompletionRequest& request) { return CompleteInput(request, session.catalog()); },
      &BlankSeparatedWords};
  auto reader = MakeTerminalReader(HistoryFile(), std::move(completer), std::cerr);
  return RunRepl(session, *reader);
}

void PrintShellHelp() {
  ExecOptions options;
  std::cout << MakeShellApp(options)->help();
}

}  // namespace mnemo::shell
