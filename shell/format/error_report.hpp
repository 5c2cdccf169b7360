// The human-readable report of a failed statement (table and CSV formats):
//
//   Error (SyntaxError) at line 2, column 7: expected ')'
//     MATCH (n RETURN n
//              ^
#pragma once

#include <string>
#include <string_view>

#include "shell/format/formatter.hpp"

namespace mnemo::shell {

// The report, ending with a newline. The caret lines appear when the error
// has a position inside source.script. With a source name (a file) the first
// line says where: "Error (SyntaxError) in q.mq at line 2, column 7: ...".
// An error without a position names the statement's first line instead.
std::string ErrorReport(const StatementOutcome& outcome, const StatementSource& source);

// Line `line` of `text` (1-based) indented by two spaces, then a line with a
// caret under byte column `column` (1-based), as lang::FormatErrorWithCaret
// draws them (tabs kept so the caret lines up; a long line is shortened
// around the column); empty when `text` has no such line.
std::string CaretLines(std::string_view text, int line, int column);

}  // namespace mnemo::shell
