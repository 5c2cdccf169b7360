// Runs scripts against one memory and prints every statement's outcome.
#pragma once

#include <string>
#include <vector>

#include "shell/exec_options.hpp"

namespace mnemo::shell {

// A script to run: its text and the name errors call it by (a file name,
// "<stdin>", or empty for the text of `mnemo query`).
struct Script {
  std::string name;
  std::string text;
};

// Opens the memory of `options`, runs `scripts` in order in it (going on
// after failed statements) and prints each statement's outcome in the chosen
// format. Returns the exit status: 0 when every statement succeeded, 1 when
// one failed or the memory could not be opened, 2 for a bad --param.
int RunScripts(const ExecOptions& options, const std::vector<Script>& scripts);

}  // namespace mnemo::shell
