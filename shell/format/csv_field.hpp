// One RFC 4180 field.
#pragma once

#include <string>
#include <string_view>

namespace mnemo::shell {

// `text` as a CSV field: quoted (with "" for each ") when it contains a comma,
// a double quote, CR or LF, or is empty; otherwise as it is.
std::string CsvField(std::string_view text);

}  // namespace mnemo::shell
