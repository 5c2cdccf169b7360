// The parser of the mnemo query language: text in, AST (lang/ast.hpp) out.
//
// Errors are Status values, never exceptions:
//  - SyntaxError with the 1-based line and column of the offending input
//    (columns count bytes, not characters) and a message naming what was
//    expected, e.g. "unexpected 'RETRN': expected a clause or ';'".
//  - ResourceLimit (with position) when expressions nest deeper than
//    AstBuilder::kMaxExpressionDepth (256) levels.
// Invalid UTF-8 is a SyntaxError at the first bad byte. Any input, however
// malformed or large, returns in time roughly linear in its size.
//
// Thread-safety: the functions are reentrant; they share no state.
#pragma once

#include <string>
#include <string_view>

#include "base/status.hpp"
#include "lang/ast.hpp"

namespace mnemo::lang {

// Parses a script: statements separated by ';' (optional after the last),
// with `--`, `//` and `/* */` comments. An empty script has no statements.
Result<Script> Parse(std::string_view text);

// Parses exactly one statement (a trailing ';' is allowed). Its offset and
// length refer to `text`.
Result<Statement> ParseStatement(std::string_view text);

// The status as one line followed by the offending source line and a caret
// under the error column, for the shell and the CLI:
//   SyntaxError at 1:11: unexpected 'RETRN': expected a clause or ';'
//     MATCH (n) RETRN n
//               ^
// Statuses without a position give just the first line. Long lines are
// shortened around the column.
std::string FormatErrorWithCaret(std::string_view text, const Status& status);

}  // namespace mnemo::lang
