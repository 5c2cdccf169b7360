// The mnemo binary: entry point and sub-command dispatch.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string_view>

#include "shell/commands.hpp"

namespace {

constexpr const char* kUsage = R"(usage: mnemo <command> [options]

commands:
  run [options] FILE...        run statement files ('-' = standard input) in one memory
  query [options] STATEMENTS   run the statements given as an argument
  shell [options]              an interactive shell on one memory (see mnemo help shell)
  serve [options]              serve the memory over HTTP/JSON (see mnemo help serve)
  consolidate [options] JOB... run consolidation jobs (communities, importance, decay, dedupe)
  version                      print the version
  help [COMMAND]               print this help, or a command's help

options of run, query and shell:
  --db DIR                     a durable memory directory (created if missing); without it
                               the memory lives in the process and is gone at exit
  --fsync always|batch|off     when the write-ahead log is synced (default always; run, query)
  -f, --format FORMAT          table (default), json (one object per statement) or csv
  -p, --param NAME=VALUE       parameter $NAME; VALUE is JSON, else a string (repeatable)
  --no-timer                   table format: do not print each statement's time

examples:
  mnemo run samples/quickstart.mq
  mnemo query 'RETURN 1 AS x'
  mnemo query --format json --param name=Caroline 'RETURN $name AS name'

exit status: 0 success, 1 a statement failed, 2 usage error.
mnemo is a memory engine for LLM agents; see README.md and shell/README.md.
)";

bool IsHelp(std::string_view arg) { return arg == "help" || arg == "--help" || arg == "-h"; }

int Dispatch(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string_view command = argv[1];
  if (IsHelp(command)) {
    const std::string_view topic = argc > 2 ? argv[2] : "";
    if (topic == "run")
      mnemo::shell::PrintRunHelp();
    else if (topic == "query")
      mnemo::shell::PrintQueryHelp();
    else if (topic == "serve")
      mnemo::shell::PrintServeHelp();
    else if (topic == "shell")
      mnemo::shell::PrintShellHelp();
    else if (topic == "consolidate")
      mnemo::shell::PrintConsolidateHelp();
    else if (topic.empty())
      std::fputs(kUsage, stdout);
    else {
      std::fprintf(stderr, "mnemo: no help for unknown command '%s'\n", argv[2]);
      return 2;
    }
    return 0;
  }
  if (command == "version" || command == "--version") {
    std::puts("mnemo 0.1.0");
    return 0;
  }
  if (command == "run") return mnemo::shell::RunCommand(argc - 1, argv + 1);
  if (command == "query") return mnemo::shell::QueryCommand(argc - 1, argv + 1);
  if (command == "serve") return mnemo::shell::ServeCommand(argc - 1, argv + 1);
  if (command == "shell") return mnemo::shell::ShellCommand(argc - 1, argv + 1);
  if (command == "consolidate") return mnemo::shell::ConsolidateCommand(argc - 1, argv + 1);
  std::fprintf(stderr, "mnemo: unknown command '%s'\n%s", argv[1], kUsage);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Dispatch(argc, argv);
  } catch (const std::exception& e) {  // a bug: report it rather than abort
    std::cout.flush();
    std::fprintf(stderr, "mnemo: internal error: %s\n", e.what());
    return 1;
  }
}
