// The reserved words of the language: openCypher's reserved words plus OF.
// They cannot be unquoted variables or aliases (labels, types and keys may be
// any word). One list, shared by the grammar and the AST printer.
#pragma once

#include <string_view>

namespace mnemo::lang {

// Longest reserved word (DESCENDING).
inline constexpr size_t kMaxReservedWordLength = 10;

// True when `word` (ASCII letters, any case) is a reserved word.
bool IsReservedWord(std::string_view word);

}  // namespace mnemo::lang
