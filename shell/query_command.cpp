// `mnemo query [options] 'STATEMENTS'`: runs statements given on the command line.
#include <iostream>
#include <memory>

#include "shell/command_line.hpp"
#include "shell/commands.hpp"
#include "shell/script_runner.hpp"

namespace mnemo::shell {

namespace {

constexpr const char* kQueryDescription =
    "Run the STATEMENTS given as one argument (separated by ';') in one memory.\n"
    "Every statement runs even after one fails; the exit status is 1 when any failed.";

constexpr const char* kQueryExamples = R"(Examples:
  mnemo query 'RETURN 1 AS x'
  mnemo query --format json 'CREATE (:Person {name: "Ann"}); MATCH (p:Person) RETURN p'
  mnemo query --format csv --param n=3 'UNWIND range(1, $n) AS i RETURN i'

Exit status: 0 every statement succeeded, 1 a statement failed, 2 usage error.
)";

std::unique_ptr<CLI::App> MakeQueryApp(ExecOptions& options, std::string& statements) {
  auto app = std::make_unique<CLI::App>(kQueryDescription, "mnemo query");
  AddExecOptions(*app, options);
  app->add_option("STATEMENTS", statements, "The statements (quote them for the shell)")->required()->type_name("");
  app->footer(kQueryExamples);
  return app;
}

}  // namespace

int QueryCommand(int argc, char** argv) {
  ExecOptions options;
  std::string statements;
  auto app = MakeQueryApp(options, statements);
  if (auto exit = ParseCommandLine(*app, argc, argv)) return *exit;
  return RunScripts(options, {Script{"", statements}});
}

void PrintQueryHelp() {
  ExecOptions options;
  std::string statements;
  std::cout << MakeQueryApp(options, statements)->help();
}

}  // namespace mnemo::shell
