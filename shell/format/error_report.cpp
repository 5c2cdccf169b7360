#include "shell/format/error_report.hpp"

#include <algorithm>

#include "lang/parser.hpp"

namespace mnemo::shell {

std::string CaretLines(std::string_view text, int line, int column) {
  // lang's formatter writes "<status>\n  <line>\n  <caret>"; keep the last two
  // lines (a long line comes shortened around the column).
  if (line < 1 || column < 1) return "";
  const Status at(StatusCode::kSyntaxError, "", line, column);
  const std::string formatted = lang::FormatErrorWithCaret(text, at);
  const size_t nl = formatted.find('\n');
  if (nl == std::string::npos) return "";
  return formatted.substr(nl + 1) + "\n";
}

std::string ErrorReport(const StatementOutcome& outcome, const StatementSource& source) {
  const Status& status = outcome.status;
  std::string out = "Error (" + std::string(StatusCodeName(status.code())) + ")";
  if (!source.name.empty()) out += " in " + std::string(source.name);
  if (status.has_position()) {
    out += " at line " + std::to_string(status.line());
    if (status.column() > 0) out += ", column " + std::to_string(status.column());
  } else if (outcome.line > 0) {
    out += source.name.empty() ? " in the statement at line " : ", statement at line ";
    out += std::to_string(outcome.line);
  }
  out += ": " + status.message() + "\n";
  if (status.has_position()) {
    out += CaretLines(source.script, status.line(), std::max(status.column(), 1));
  } else if (outcome.line > 0) {
    // No position: show where the failed statement starts.
    const std::string lines = CaretLines(source.script, outcome.line, std::max(outcome.column, 1));
    const std::string first = lines.substr(0, lines.find('\n') + 1);
    if (first.find_first_not_of(" \t\n") != std::string::npos) out += first;
  }
  return out;
}

}  // namespace mnemo::shell
