// `mnemo run [options] FILE...`: runs statement files, in order, in one memory.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <memory>

#include "shell/command_line.hpp"
#include "shell/commands.hpp"
#include "shell/script_runner.hpp"

namespace mnemo::shell {

namespace {

constexpr const char* kRunDescription =
    "Run the statements of FILEs, in order, in one memory; '-' reads standard input.\n"
    "Every statement runs even after one fails; the exit status is 1 when any failed.";

constexpr const char* kRunExamples = R"(Examples:
  mnemo run samples/quickstart.mq
  mnemo run --format json schema.mq facts.mq queries.mq
  mnemo run --param name=Caroline --param 'since="2023-05-08"' report.mq
  echo 'MATCH (p:Person) RETURN p.name;' | mnemo run --format csv -

Exit status: 0 every statement succeeded, 1 a statement failed, 2 usage error.
)";

std::unique_ptr<CLI::App> MakeRunApp(ExecOptions& options, std::vector<std::string>& files) {
  auto app = std::make_unique<CLI::App>(kRunDescription, "mnemo run");
  AddExecOptions(*app, options);
  app->add_option("FILE", files, "Statement files ('-' for standard input)")->required()->type_name("");
  app->footer(kRunExamples);
  return app;
}

// The whole content of `path`, or a message saying why it cannot be read.
bool ReadSource(const std::string& path, std::string& text, std::string& why) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (std::cin.bad()) {
      why = "cannot read standard input";
      return false;
    }
    return true;
  }
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    why = std::strerror(errno);
    return false;
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, file.get())) > 0) text.append(buf, n);
  if (std::ferror(file.get())) {
    why = std::strerror(errno);
    return false;
  }  // EISDIR for a directory
  return true;
}

}  // namespace

int RunCommand(int argc, char** argv) {
  ExecOptions options;
  std::vector<std::string> files;
  auto app = MakeRunApp(options, files);
  if (auto exit = ParseCommandLine(*app, argc, argv)) return *exit;

  // Read every file first: an unreadable one is a usage error, before any statement runs.
  std::vector<Script> scripts;
  for (const std::string& path : files) {
    Script script{path == "-" ? "<stdin>" : path, ""};
    std::string why;
    if (!ReadSource(path, script.text, why)) {
      std::cerr << "mnemo run: cannot read '" << path << "': " << why << '\n';
      return 2;
    }
    scripts.push_back(std::move(script));
  }
  return RunScripts(options, scripts);
}

void PrintRunHelp() {
  ExecOptions options;
  std::vector<std::string> files;
  std::cout << MakeRunApp(options, files)->help();
}

}  // namespace mnemo::shell
