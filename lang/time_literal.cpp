#include "lang/time_literal.hpp"

#include <cstdio>

namespace mnemo::lang {

int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                          // [0, 399]
  const int64_t mp = m > 2 ? m - 3 : m + 9;                   // [0, 11]
  const int64_t doy = (153 * mp + 2) / 5 + d - 1;             // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t days, int64_t* y, int* m, int* d) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at text[*pos]; false if they are not there.
bool ReadDigits(std::string_view text, size_t* pos, int n, int64_t* out) {
  int64_t v = 0;
  for (int i = 0; i < n; ++i) {
    if (*pos >= text.size() || !IsDigit(text[*pos])) return false;
    v = v * 10 + (text[*pos] - '0');
    ++*pos;
  }
  *out = v;
  return true;
}

bool Fail(LiteralError* error, size_t offset, std::string message) {
  if (error) {
    error->offset = offset;
    error->message = std::move(message);
  }
  return false;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos < text.size() && text[*pos] == c) {
    ++*pos;
    return true;
  }
  return false;
}

}  // namespace

std::optional<int64_t> ParseIsoDateTime(std::string_view text, LiteralError* error) {
  size_t pos = 0;
  int64_t year = 0, month = 0, day = 0;
  if (!ReadDigits(text, &pos, 4, &year)) return Fail(error, pos, "expected a 4-digit year"), std::nullopt;
  if (!Expect(text, &pos, '-')) return Fail(error, pos, "expected '-' after the year"), std::nullopt;
  const size_t month_at = pos;
  if (!ReadDigits(text, &pos, 2, &month)) return Fail(error, pos, "expected a 2-digit month"), std::nullopt;
  if (month < 1 || month > 12) {
    return Fail(error, month_at, "month " + std::to_string(month) + " is out of range 01..12"), std::nullopt;
  }
  if (!Expect(text, &pos, '-')) return Fail(error, pos, "expected '-' after the month"), std::nullopt;
  const size_t day_at = pos;
  if (!ReadDigits(text, &pos, 2, &day)) return Fail(error, pos, "expected a 2-digit day"), std::nullopt;
  const int dim = DaysInMonth(year, static_cast<int>(month));
  if (day < 1 || day > dim) {
    return Fail(error, day_at,
                "day " + std::to_string(day) + " is out of range 01.." + std::to_string(dim) + " for that month"),
           std::nullopt;
  }
  int64_t micros = DaysFromCivil(year, static_cast<int>(month), static_cast<int>(day)) * kMicrosPerDay;
  if (pos == text.size()) return micros;

  if (text[pos] != 'T' && text[pos] != 't') return Fail(error, pos, "expected 'T' before the time"), std::nullopt;
  ++pos;
  int64_t hour = 0, minute = 0, second = 0, fraction = 0;
  const size_t hour_at = pos;
  if (!ReadDigits(text, &pos, 2, &hour)) return Fail(error, pos, "expected a 2-digit hour"), std::nullopt;
  if (hour > 23) return Fail(error, hour_at, "hour " + std::to_string(hour) + " is out of range 00..23"), std::nullopt;
  if (!Expect(text, &pos, ':')) return Fail(error, pos, "expected ':' after the hour"), std::nullopt;
  const size_t minute_at = pos;
  if (!ReadDigits(text, &pos, 2, &minute)) return Fail(error, pos, "expected 2-digit minutes"), std::nullopt;
  if (minute > 59) {
    return Fail(error, minute_at, "minute " + std::to_string(minute) + " is out of range 00..59"), std::nullopt;
  }
  if (Expect(text, &pos, ':')) {
    const size_t second_at = pos;
    if (!ReadDigits(text, &pos, 2, &second)) return Fail(error, pos, "expected 2-digit seconds"), std::nullopt;
    if (second > 59) {
      return Fail(error, second_at, "second " + std::to_string(second) + " is out of range 00..59"), std::nullopt;
    }
    if (Expect(text, &pos, '.')) {
      int digits = 0;
      if (pos >= text.size() || !IsDigit(text[pos])) {
        return Fail(error, pos, "expected digits after '.'"), std::nullopt;
      }
      while (pos < text.size() && IsDigit(text[pos])) {
        if (digits < 6) {
          fraction = fraction * 10 + (text[pos] - '0');
          ++digits;
        }
        ++pos;
      }
      for (; digits < 6; ++digits) fraction *= 10;
    }
  }
  micros += ((hour * 60 + minute) * 60 + second) * kMicrosPerSecond + fraction;
  if (pos == text.size()) return micros;  // no zone: UTC

  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const int sign = text[pos] == '+' ? 1 : -1;
    ++pos;
    int64_t off_h = 0, off_m = 0;
    const size_t off_at = pos;
    if (!ReadDigits(text, &pos, 2, &off_h)) return Fail(error, pos, "expected a 2-digit zone hour"), std::nullopt;
    if (off_h > 23) return Fail(error, off_at, "zone offset hour is out of range 00..23"), std::nullopt;
    if (pos < text.size()) {
      Expect(text, &pos, ':');
      const size_t offm_at = pos;
      if (!ReadDigits(text, &pos, 2, &off_m)) return Fail(error, pos, "expected 2-digit zone minutes"), std::nullopt;
      if (off_m > 59) return Fail(error, offm_at, "zone offset minute is out of range 00..59"), std::nullopt;
    }
    // Local time = UTC + offset, so UTC = local - offset.
    micros -= sign * (off_h * 60 + off_m) * 60 * kMicrosPerSecond;
  } else {
    return Fail(error, pos, "expected 'Z' or a zone offset like +02:00"), std::nullopt;
  }
  if (pos != text.size()) return Fail(error, pos, "unexpected characters after the time"), std::nullopt;
  return micros;
}

std::optional<int64_t> ParseDurationLiteral(std::string_view text, LiteralError* error) {
  size_t pos = 0;
  int64_t total = 0;
  if (text.empty()) return Fail(error, 0, "expected a duration like 30d"), std::nullopt;
  while (pos < text.size()) {
    const size_t group_at = pos;
    if (!IsDigit(text[pos])) return Fail(error, pos, "expected digits in the duration"), std::nullopt;
    int64_t n = 0;
    while (pos < text.size() && IsDigit(text[pos])) {
      if (__builtin_mul_overflow(n, 10, &n) || __builtin_add_overflow(n, text[pos] - '0', &n)) {
        return Fail(error, group_at, "duration is too large"), std::nullopt;
      }
      ++pos;
    }
    int64_t unit = 0;
    std::string_view rest = text.substr(pos);
    if (rest.substr(0, 2) == "ms") {
      unit = 1000;
      pos += 2;
    } else if (rest.substr(0, 2) == "us") {
      unit = 1;
      pos += 2;
    } else if (!rest.empty() && rest[0] == 'd') {
      unit = kMicrosPerDay;
      ++pos;
    } else if (!rest.empty() && rest[0] == 'h') {
      unit = 3600 * kMicrosPerSecond;
      ++pos;
    } else if (!rest.empty() && rest[0] == 'm') {
      unit = 60 * kMicrosPerSecond;
      ++pos;
    } else if (!rest.empty() && rest[0] == 's') {
      unit = kMicrosPerSecond;
      ++pos;
    } else {
      return Fail(error, pos, "expected a duration unit (d, h, m, s, ms, us)"), std::nullopt;
    }
    int64_t part = 0;
    if (__builtin_mul_overflow(n, unit, &part) || __builtin_add_overflow(total, part, &total)) {
      return Fail(error, group_at, "duration is too large"), std::nullopt;
    }
  }
  return total;
}

std::string FormatIsoDateTime(int64_t micros) {
  int64_t days = micros / kMicrosPerDay;
  int64_t rem = micros % kMicrosPerDay;
  if (rem < 0) {
    rem += kMicrosPerDay;
    --days;
  }
  int64_t y = 0;
  int m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  const int64_t secs = rem / kMicrosPerSecond;
  const int64_t frac = rem % kMicrosPerSecond;
  char buf[64];
  if (rem == 0) {
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(y), m, d);
  } else if (frac == 0) {
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02lld:%02lld:%02lldZ", static_cast<long long>(y), m, d,
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02lld:%02lld:%02lld.%06lldZ", static_cast<long long>(y), m, d,
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60), static_cast<long long>(frac));
  }
  return buf;
}

std::string FormatDuration(int64_t micros) {
  struct Unit {
    int64_t size;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{kMicrosPerDay, "d"},
                                    {3600 * kMicrosPerSecond, "h"},
                                    {60 * kMicrosPerSecond, "m"},
                                    {kMicrosPerSecond, "s"},
                                    {1000, "ms"},
                                    {1, "us"}};
  if (micros == 0) return "0s";
  std::string out;
  for (const auto& u : kUnits) {
    if (micros >= u.size) {
      out += std::to_string(micros / u.size) + u.name;
      micros %= u.size;
    }
  }
  return out;
}

}  // namespace mnemo::lang
