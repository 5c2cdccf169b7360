// `mnemo consolidate [options] JOB...`: runs consolidation jobs on a memory
// and prints each job's report.
#include <iostream>
#include <memory>

#include "shell/command_line.hpp"
#include "shell/commands.hpp"
#include "shell/script_runner.hpp"

namespace mnemo::shell {

namespace {

constexpr const char* kConsolidateDescription =
    "Run consolidation JOBs on a memory, in order: each is one CONSOLIDATE statement,\n"
    "atomic (readers see the memory before or after it, never half of it) and idempotent.\n"
    "A JOB is communities, importance, decay or dedupe, followed by its options as in\n"
    "the language when quoted as one argument. Each job's report is printed as a table\n"
    "(or JSON/CSV); the exit status is 1 when a job failed.";

constexpr const char* kConsolidateExamples = R"(Jobs:
  communities [seed N] [resolution R]        topics from Leiden communities of co-occurring entities
  importance                                 PageRank of entities, stored as their `importance`
  decay [half life D] [threshold X] [dry run]  archive memories unused for long (restorable)
  dedupe [threshold X] [apply]               propose merges of duplicate entities; apply merges them

Examples:
  mnemo consolidate --db memory communities importance
  mnemo consolidate --db memory 'decay half life 30d dry run'
  mnemo consolidate --db memory dedupe 'dedupe apply'

Exit status: 0 every job succeeded, 1 a job failed, 2 usage error.
)";

std::unique_ptr<CLI::App> MakeConsolidateApp(ExecOptions& options, std::vector<std::string>& jobs) {
  auto app = std::make_unique<CLI::App>(kConsolidateDescription, "mnemo consolidate");
  AddExecOptions(*app, options);
  app->add_option("JOB", jobs, "The jobs, in order (quote a job with its options)")->required()->type_name("");
  app->footer(kConsolidateExamples);
  return app;
}

// The job's first word, in lower case.
std::string JobName(const std::string& job) {
  std::string name;
  for (char c : job) {
    if (c == ' ' || c == '\t') {
      if (name.empty()) continue;
      break;
    }
    name += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return name;
}

}  // namespace

int ConsolidateCommand(int argc, char** argv) {
  ExecOptions options;
  std::vector<std::string> jobs;
  auto app = MakeConsolidateApp(options, jobs);
  if (auto exit = ParseCommandLine(*app, argc, argv)) return *exit;
  std::string statements;
  for (const std::string& job : jobs) {
    const std::string name = JobName(job);
    if (name != "communities" && name != "importance" && name != "decay" && name != "dedupe") {
      std::cerr << "mnemo consolidate: unknown job '" << job
                << "': expected communities, importance, decay or dedupe\nRun 'mnemo consolidate --help' for usage.\n";
      return 2;
    }
    if (job.find(';') != std::string::npos) {
      std::cerr << "mnemo consolidate: a job cannot contain ';': '" << job << "'\n";
      return 2;
    }
    statements += "CONSOLIDATE " + job + ";\n";
  }
  return RunScripts(options, {Script{"<jobs>", statements}});
}

void PrintConsolidateHelp() {
  ExecOptions options;
  std::vector<std::string> jobs;
  std::cout << MakeConsolidateApp(options, jobs)->help();
}

}  // namespace mnemo::shell
