// Bare time and duration literals of the language (LANGUAGE.md "Values"):
// `2023-05-08`, `2023-05-08T13:56:00Z`, `2023-05-08T13:56:00.250+02:00`, and
// durations `30d`, `12h`, `15m`, `10s`, `250ms`, `1h30m`.
//
// Pure functions, no PEGTL: the grammar checks the shape, these check the ranges
// and compute the value. lang does not depend on temporal/, so the civil-date
// math lives here (Howard Hinnant's days_from_civil).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mnemo::lang {

inline constexpr int64_t kMicrosPerSecond = 1'000'000;
inline constexpr int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;

// Where in the literal text a value is out of range, and why.
struct LiteralError {
  size_t offset = 0;  // byte offset inside the literal
  std::string message;
};

// Days since 1970-01-01 of the proleptic Gregorian date y-m-d (m 1..12, d 1..31).
int64_t DaysFromCivil(int64_t y, int m, int d);
// Inverse of DaysFromCivil.
void CivilFromDays(int64_t days, int64_t* y, int* m, int* d);
bool IsLeapYear(int64_t y);
int DaysInMonth(int64_t y, int m);

// Parses YYYY-MM-DD[Thh:mm[:ss[.fraction]][Z|±hh[:mm]]] into microseconds since
// the Unix epoch, UTC. No zone means UTC; fraction digits beyond microseconds
// are truncated. Returns nullopt and fills *error on a malformed or
// out-of-range field (month 13, February 30, hour 24, ...).
std::optional<int64_t> ParseIsoDateTime(std::string_view text, LiteralError* error);

// Parses one or more <digits><unit> groups, unit in d, h, m, s, ms, us (e.g.
// "1h30m") into microseconds. Returns nullopt and fills *error on overflow or
// a malformed group.
std::optional<int64_t> ParseDurationLiteral(std::string_view text, LiteralError* error);

// "2023-05-08T13:56:00Z" (fraction printed only when non-zero); inverse of
// ParseIsoDateTime for printing ASTs.
std::string FormatIsoDateTime(int64_t micros);
// "1h30m"-style, inverse of ParseDurationLiteral.
std::string FormatDuration(int64_t micros);

}  // namespace mnemo::lang
