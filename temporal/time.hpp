// Time values of the bitemporal model.
//
// A Timestamp is microseconds since 1970-01-01T00:00:00Z (UTC), signed 64-bit.
// kForever marks an open end of an interval ("until further notice").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mnemo::temporal {

using Timestamp = int64_t;
using Duration = int64_t;  // microseconds

inline constexpr Timestamp kForever = INT64_MAX;
inline constexpr Timestamp kBeginningOfTime = INT64_MIN;
inline constexpr Duration kMicrosPerSecond = 1'000'000;
inline constexpr Duration kMicrosPerDay = 86'400 * kMicrosPerSecond;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
// The inverse: year, month (1-12), day (1-31) of a day number.
void CivilFromDays(int64_t days, int64_t& year, unsigned& month, unsigned& day);

// "2023-05-08" for midnight UTC dates, else "2023-05-08T13:56:00Z"
// (with ".ffffff" when there are sub-second digits); "forever" for kForever.
std::string FormatTimestamp(Timestamp t);
// Always "YYYY-MM-DDTHH:MM:SS[.ffffff]Z", midnight included.
std::string FormatDateTime(Timestamp t);
// Always "YYYY-MM-DD" of the UTC day containing t.
std::string FormatDate(Timestamp t);
// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.ffffff]]" with optional "Z" or
// "+HH:MM"/"-HH:MM". Returns nullopt when the text is not such a time.
std::optional<Timestamp> ParseTimestamp(std::string_view text);

// A half-open interval [from, to).
struct Interval {
  Timestamp from = kBeginningOfTime;
  Timestamp to = kForever;
  bool Contains(Timestamp t) const { return from <= t && t < to; }
  bool IsOpen() const { return to == kForever; }
  friend bool operator==(const Interval&, const Interval&) = default;
};

// The two time axes every record carries.
//   valid:       when the fact holds in the world     [valid_from, valid_to)
//   transaction: when the memory believed it          [recorded_at, retracted_at)
//
// Closing a valid interval (supersession) is itself a belief with a
// transaction time: `closed_at` records when valid_to was set, and
// `valid_to_before_close` what it was before, so that a read KNOWN AT an
// earlier time sees the interval as it was then believed.
struct Bitemporal {
  Timestamp valid_from = kBeginningOfTime;
  Timestamp valid_to = kForever;
  Timestamp recorded_at = 0;
  Timestamp retracted_at = kForever;
  Timestamp closed_at = kForever;
  Timestamp valid_to_before_close = kForever;

  Interval valid() const { return {valid_from, valid_to}; }
  Interval transaction() const { return {recorded_at, retracted_at}; }
  // The valid interval as believed at transaction time t.
  Interval ValidKnownAt(Timestamp t) const {
    return {valid_from, closed_at == kForever || t >= closed_at ? valid_to : valid_to_before_close};
  }
  // Visible to a read at valid time v and transaction time t.
  bool VisibleAt(Timestamp v, Timestamp t) const {
    return transaction().Contains(t) && ValidKnownAt(t).Contains(v);
  }
  // Sets the end of valid time at transaction time `now` (see above).
  // (A caller closing a record a second time keeps the earlier closing
  // itself: see graph::Hyperedge::earlier_closes.)
  void Close(Timestamp to, Timestamp now) {
    if (closed_at == kForever) valid_to_before_close = valid_to;
    valid_to = to;
    closed_at = now;
  }
  // Sets the end of valid time as if it had always been so (for a record
  // written by the same statement).
  void Bound(Timestamp to) { valid_to = valid_to_before_close = to; }
  friend bool operator==(const Bitemporal&, const Bitemporal&) = default;
};

}  // namespace mnemo::temporal
