// Parsing a sub-command's arguments with CLI11, with mnemo's exit codes.
#pragma once

#include <optional>

#include <CLI/CLI.hpp>

namespace mnemo::shell {

// Parses argv into `app`. Returns nullopt when the command should go on;
// otherwise the exit status after printing what was asked: 0 after --help
// (to stdout), 2 after a usage error (to stderr, with a pointer to --help).
std::optional<int> ParseCommandLine(CLI::App& app, int argc, char** argv);

}  // namespace mnemo::shell
