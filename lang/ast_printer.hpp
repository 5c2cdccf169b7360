// Canonical text of an AST: one line, keywords upper case.
//
// PrintStyle::kMinimal (the default) writes only the parentheses that the
// grammar needs, so parsing the output gives an equal tree (same printed
// text) and never nests deeper than the source did; the tests and the fuzzer
// rely on this. PrintStyle::kParenthesized wraps every operator application
// — handy to show how an expression was grouped, but not guaranteed to
// re-parse within the nesting limit.
#pragma once

#include <string>

#include "lang/ast.hpp"

namespace mnemo::lang {

enum class PrintStyle : uint8_t { kMinimal, kParenthesized };

std::string ToString(const Expr& e, PrintStyle style = PrintStyle::kMinimal);
std::string ToString(const PatternPart& part, PrintStyle style = PrintStyle::kMinimal);
std::string ToString(const Clause& clause, PrintStyle style = PrintStyle::kMinimal);
std::string ToString(const Statement& statement, PrintStyle style = PrintStyle::kMinimal);

// `name` as written in the language: backquoted when it is not a plain
// identifier or when it is a reserved word.
std::string QuoteName(const std::string& name);
// 'text' with backslash escapes.
std::string QuoteString(const std::string& text);

}  // namespace mnemo::lang
