#include "shell/format/stats_text.hpp"

#include <cctype>

namespace mnemo::shell {

std::string StatsText(const QueryStats& stats) {
  std::string out;
  for (const auto& [name, count] : stats.NonZero()) {
    // nodes_created -> "Nodes created"
    std::string label = name;
    for (char& c : label)
      if (c == '_') c = ' ';
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    if (!out.empty()) out += ", ";
    out += label + ": " + std::to_string(count);
  }
  return out;
}

}  // namespace mnemo::shell
