// Text pieces of graph pictures: safe label text and valid-time captions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

// `text` as valid UTF-8 on one line: each invalid byte becomes U+FFFD, each
// control character (line ends and tabs included) a blank.
std::string CleanText(std::string_view text);

// `text` (valid UTF-8) cut to at most `max_chars` code points, ending with
// "…" when it was cut.
std::string Shorten(std::string_view text, size_t max_chars);

// A valid interval for people: "2023-04-01 – 2024-01-01", "from 2023-04-01",
// "until 2024-01-01", or "" when it has no bounds. Times other than midnight
// read "2023-05-08 13:56:00" (UTC, whole seconds).
std::string ValidTimeCaption(temporal::Timestamp from, temporal::Timestamp to);

// An interval bound for programs: ISO-8601 ("2023-04-01", "2023-05-08T13:56:00Z"),
// or "" for an open bound (kBeginningOfTime, kForever).
std::string BoundText(temporal::Timestamp t);

}  // namespace mnemo::shell
