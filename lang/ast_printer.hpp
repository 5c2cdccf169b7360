// Canonical text of an AST: one line, keywords upper case, every operator
// application parenthesized. Parsing the output gives an equal tree (same
// printed text), which the tests and the fuzzer rely on; the binder/EXPLAIN
// may use it to show expressions.
#pragma once

#include <string>

#include "lang/ast.hpp"

namespace mnemo::lang {

std::string ToString(const Expr& e);
std::string ToString(const PatternPart& part);
std::string ToString(const Clause& clause);
std::string ToString(const Statement& statement);

// `name` as written in the language: backquoted when it is not a plain
// identifier or when it is a reserved word.
std::string QuoteName(const std::string& name);
// 'text' with backslash escapes.
std::string QuoteString(const std::string& text);

}  // namespace mnemo::lang
