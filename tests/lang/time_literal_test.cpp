// Civil-date math and the bare time / duration literals of time positions.
#include <catch2/catch.hpp>

#include "lang/time_literal.hpp"
#include "parse_helpers.hpp"

using namespace mnemo::lang;           // NOLINT
using namespace mnemo::lang::testing;  // NOLINT

TEST_CASE("days from civil", "[lang][time]") {
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(1970, 1, 2) == 1);
  CHECK(DaysFromCivil(1969, 12, 31) == -1);
  CHECK(DaysFromCivil(2000, 3, 1) == 11017);
  CHECK(DaysFromCivil(2023, 5, 8) == 19485);
  CHECK(DaysFromCivil(0, 1, 1) == -719528);
  CHECK(DaysFromCivil(9999, 12, 31) == 2932896);
  for (int64_t d = -800000; d <= 3000000; d += 997) {
    int64_t y = 0;
    int m = 0, day = 0;
    CivilFromDays(d, &y, &m, &day);
    REQUIRE(DaysFromCivil(y, m, day) == d);
  }
  CHECK(IsLeapYear(2000));
  CHECK(IsLeapYear(2024));
  CHECK_FALSE(IsLeapYear(1900));
  CHECK_FALSE(IsLeapYear(2023));
  CHECK(DaysInMonth(2024, 2) == 29);
  CHECK(DaysInMonth(2023, 2) == 28);
  CHECK(DaysInMonth(2023, 4) == 30);
  CHECK(DaysInMonth(2023, 13) == 0);
}

TEST_CASE("ISO-8601 date and date-time literals", "[lang][time]") {
  LiteralError err;
  CHECK(ParseIsoDateTime("1970-01-01", &err) == 0);
  CHECK(ParseIsoDateTime("2023-05-08", &err) == 19485 * kMicrosPerDay);
  CHECK(ParseIsoDateTime("2023-05-08T13:56:00Z", &err) ==
        19485 * kMicrosPerDay + (13 * 3600 + 56 * 60) * kMicrosPerSecond);
  CHECK(ParseIsoDateTime("2023-05-08T13:56Z", &err) == ParseIsoDateTime("2023-05-08T13:56:00Z", &err));
  CHECK(ParseIsoDateTime("2023-05-08T13:56:00", &err) == ParseIsoDateTime("2023-05-08T13:56:00Z", &err));
  CHECK(ParseIsoDateTime("2023-05-08T13:56:00.5Z", &err) == *ParseIsoDateTime("2023-05-08T13:56:00Z", &err) + 500000);
  CHECK(ParseIsoDateTime("2023-05-08T13:56:00.123456789Z", &err) ==
        *ParseIsoDateTime("2023-05-08T13:56:00Z", &err) + 123456);
  CHECK(ParseIsoDateTime("2023-05-08T15:56:00+02:00", &err) == ParseIsoDateTime("2023-05-08T13:56:00Z", &err));
  CHECK(ParseIsoDateTime("2023-05-08T08:26:00-0530", &err) == ParseIsoDateTime("2023-05-08T13:56:00Z", &err));
  CHECK(ParseIsoDateTime("2023-05-08T15:56:00+02", &err) == ParseIsoDateTime("2023-05-08T13:56:00Z", &err));
  CHECK(ParseIsoDateTime("1969-12-31T23:59:59Z", &err) == -kMicrosPerSecond);
  CHECK(ParseIsoDateTime("2024-02-29", &err).has_value());

  CHECK_FALSE(ParseIsoDateTime("2023-02-29", &err));
  CHECK(err.offset == 8);
  CHECK_FALSE(ParseIsoDateTime("2023-00-01", &err));
  CHECK(err.offset == 5);
  CHECK_FALSE(ParseIsoDateTime("2023-04-31", &err));
  CHECK_FALSE(ParseIsoDateTime("2023-05-08T23:60Z", &err));
  CHECK(err.offset == 14);
  CHECK_FALSE(ParseIsoDateTime("2023-05-08T10:00:60Z", &err));
  CHECK_FALSE(ParseIsoDateTime("2023-05-08T10:00:00+24:00", &err));
  CHECK_FALSE(ParseIsoDateTime("2023-05-08T10:00:00+02:60", &err));
  CHECK_FALSE(ParseIsoDateTime("2023-05-08X", &err));

  for (const char* text :
       {"2023-05-08", "2023-05-08T13:56:00Z", "1969-07-20T20:17:40Z", "2023-05-08T13:56:00.250000Z"}) {
    CHECK(FormatIsoDateTime(*ParseIsoDateTime(text, &err)) == text);
  }
}

TEST_CASE("durations", "[lang][time]") {
  LiteralError err;
  CHECK(ParseDurationLiteral("30d", &err) == 30 * kMicrosPerDay);
  CHECK(ParseDurationLiteral("12h", &err) == 12 * 3600 * kMicrosPerSecond);
  CHECK(ParseDurationLiteral("15m", &err) == 15 * 60 * kMicrosPerSecond);
  CHECK(ParseDurationLiteral("10s", &err) == 10 * kMicrosPerSecond);
  CHECK(ParseDurationLiteral("250ms", &err) == 250000);
  CHECK(ParseDurationLiteral("7us", &err) == 7);
  CHECK(ParseDurationLiteral("1h30m", &err) == 90 * 60 * kMicrosPerSecond);
  CHECK_FALSE(ParseDurationLiteral("99999999999999999999d", &err));
  CHECK_FALSE(ParseDurationLiteral("200000000d", &err));
  CHECK_FALSE(ParseDurationLiteral("30", &err));
  CHECK(FormatDuration(90 * 60 * kMicrosPerSecond) == "1h30m");
  CHECK(FormatDuration(30 * kMicrosPerDay) == "30d");
}

TEST_CASE("bare time literals only in time positions", "[lang][time]") {
  // In a time position 2023-05-08 is a date ...
  Statement st = MustParseOne("TIMELINE Person 'a' FROM 2023-05-08");
  CHECK(std::get<Timeline>(st.body).from->kind == ExprKind::kTime);
  // ... in an expression it stays arithmetic.
  CHECK(Canon("RETURN 2023-05-08") == "RETURN ((2023 - 5) - 8)");
  // Time positions also take expressions.
  CHECK(std::get<Timeline>(MustParseOne("TIMELINE Person 'a' FROM date('2023-05-08')").body).from->kind ==
        ExprKind::kFunctionCall);
  CHECK(std::get<Timeline>(MustParseOne("TIMELINE Person 'a' FROM $since").body).from->kind == ExprKind::kParameter);
  CHECK(std::get<Timeline>(MustParseOne("TIMELINE Person 'a' FROM 1683504000000000").body).from->kind ==
        ExprKind::kInt);
}
