// The options that `mnemo run` and `mnemo query` share: where the memory is,
// how to print results, and the statements' parameters.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "engine/mnemo.hpp"
#include "shell/format/formatter.hpp"

namespace mnemo::shell {

struct ExecOptions {
  std::string db;                   // --db DIR; empty: an in-process memory gone at exit
  std::string fsync = "always";     // --fsync always|batch|off: when a write reaches the disk (with --db)
  std::string format = "table";     // --format table|json|csv
  std::vector<std::string> params;  // --param NAME=VALUE, as given
  bool no_timer = false;            // --no-timer
};

// Declares --db, --fsync, --format, --param and --no-timer on `app`, storing into `options`.
void AddExecOptions(CLI::App& app, ExecOptions& options);

// The Database options these ask for: the directory of --db and the fsync
// policy of --fsync (already checked by AddExecOptions' validator).
Options DatabaseOptionsOf(const ExecOptions& options);
// Opens the memory the options name; on failure prints why (with the
// directory) to stderr and returns null.
std::unique_ptr<Database> OpenMemory(const ExecOptions& options);

// The parameters of `--param NAME=VALUE` options: VALUE as JSON when it
// parses (number, string, bool, null, list, object), else as a string; a
// leading '$' on NAME is dropped; a later NAME wins. InvalidArgument when
// one lacks '=' or a name.
Result<engine::Params> ParseParams(const std::vector<std::string>& specs);

}  // namespace mnemo::shell
