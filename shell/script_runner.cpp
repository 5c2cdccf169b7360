#include "shell/script_runner.hpp"

#include <chrono>
#include <iostream>

namespace mnemo::shell {

namespace {

// The statement's own run time when the engine reports one. StatementOutcome
// may gain an `elapsed_ms` field; until then the runner times whole scripts.
template <typename Outcome>
std::optional<Timing> StatementTiming(const Outcome& outcome) {
  if constexpr (requires { outcome.elapsed_ms; }) {
    return Timing{static_cast<double>(outcome.elapsed_ms), 1};
  } else {
    return std::nullopt;
  }
}

}  // namespace

int RunScripts(const ExecOptions& options, const std::vector<Script>& scripts) {
  auto params = ParseParams(options.params);
  if (!params.ok()) {
    std::cerr << "mnemo: " << params.status().message() << '\n';
    return 2;
  }
  auto format = ParseOutputFormat(options.format);
  if (!format) {
    std::cerr << "mnemo: unknown format '" << options.format << "' (table, json or csv)\n";
    return 2;
  }

  std::unique_ptr<Database> db = OpenMemory(options);
  if (!db) return 1;
  Connection conn = db->Connect();

  FormatOptions format_options;
  format_options.timer = !options.no_timer;
  auto formatter = MakeFormatter(*format, format_options, std::cout, std::cerr);

  bool failed = false;
  for (const Script& script : scripts) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<StatementOutcome> outcomes = conn.Run(script.text, *params);
    const double millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const StatementSource source{script.text, script.name};
    // Without per-statement times, the last successful statement shows the script's.
    size_t shows_script_time = outcomes.size();
    for (size_t i = 0; i < outcomes.size(); ++i)
      if (outcomes[i].status.ok()) shows_script_time = i;
    for (size_t i = 0; i < outcomes.size(); ++i) {
      std::optional<Timing> timing = StatementTiming(outcomes[i]);
      if (!timing && i == shows_script_time) timing = Timing{millis, outcomes.size()};
      formatter->Write(outcomes[i], source, timing);
      failed = failed || !outcomes[i].status.ok();
    }
  }
  std::cout.flush();
  return failed ? 1 : 0;
}

}  // namespace mnemo::shell
