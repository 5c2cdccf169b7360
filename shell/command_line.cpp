#include "shell/command_line.hpp"

#include <iostream>

namespace mnemo::shell {

std::optional<int> ParseCommandLine(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << app.get_name() << ": " << e.what() << "\nRun '" << app.get_name() << " --help' for usage.\n";
    return 2;
  }
  return std::nullopt;
}

}  // namespace mnemo::shell
