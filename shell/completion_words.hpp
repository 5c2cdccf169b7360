// The fixed words the shell's Tab key offers: the language's keywords and the
// names of its functions (as the engine knows them, in their usual spelling).
#pragma once

#include <span>
#include <string_view>

namespace mnemo::shell {

// Keywords in upper case (clauses, operators, memory statements and their
// options, property types), sorted.
std::span<const std::string_view> LanguageKeywords();

// Function and aggregate names in their openCypher spelling (toString,
// count, ...), sorted case-insensitively.
std::span<const std::string_view> FunctionNames();

}  // namespace mnemo::shell
