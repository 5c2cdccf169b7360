// The text of one result value in a table or CSV cell.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

// Strings as they are (no quotes: `Caroline`), everything else as
// QueryResult::Render writes it: null, 42, 1.5, 2023-05-08, [1, 'a'],
// {name: 'Ann'}, (:Person {name: 'Ann'}), [:lives_in], <(...)-[...]->(...)>.
// Strings nested in lists, maps and properties keep their quotes.
std::string CellText(const QueryResult& result, const graph::Value& value);

// `text` with control characters written as escapes (\n, \t, \r, \xNN), so
// that a cell stays on one line.
std::string EscapeControls(std::string_view text);

// Columns that `text` takes on a terminal: one per UTF-8 code point.
size_t DisplayWidth(std::string_view text);

}  // namespace mnemo::shell
