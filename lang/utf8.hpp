// UTF-8 helpers used by the parser: the text is validated before parsing so
// that every later stage can assume well-formed UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mnemo::lang {

// Byte offset of the first byte that does not start a well-formed UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are
// rejected), or std::string_view::npos when the whole text is valid.
size_t FindInvalidUtf8(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (must be <= 0x10FFFF and not a
// surrogate).
void AppendUtf8(uint32_t code_point, std::string* out);

}  // namespace mnemo::lang
