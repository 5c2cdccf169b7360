#include <catch2/catch.hpp>

#include "temporal/clock.hpp"
#include "temporal/time.hpp"

using namespace mnemo::temporal;

TEST_CASE("ISO-8601 times parse to UTC microseconds and print back", "[time]") {
  CHECK(ParseTimestamp("1970-01-01") == Timestamp{0});
  CHECK(ParseTimestamp("2023-05-08") == Timestamp{1683504000LL * kMicrosPerSecond});
  CHECK(ParseTimestamp("2023-05-08T13:56:00Z") == Timestamp{1683554160LL * kMicrosPerSecond});
  CHECK(ParseTimestamp("2023-05-08T15:56:00+02:00") == ParseTimestamp("2023-05-08T13:56:00Z"));
  CHECK(ParseTimestamp("2023-05-08T13:56:00.250Z") == Timestamp{1683554160250000LL});
  CHECK(ParseTimestamp("1969-12-31") == Timestamp{-kMicrosPerDay});
  CHECK(FormatTimestamp(*ParseTimestamp("2023-05-08")) == "2023-05-08");
  CHECK(FormatTimestamp(*ParseTimestamp("2023-05-08T13:56:00Z")) == "2023-05-08T13:56:00Z");
  CHECK(FormatTimestamp(kForever) == "forever");
}

TEST_CASE("malformed times are refused", "[time]") {
  for (const char* bad : {"2023-13-01", "2023-02-29", "2023-00-10", "2023-5-8", "2023-05-08T25:00Z",
                          "2023-05-08T10:61", "2023-05-08Tx", "2023-05-08T10:00:00Zjunk", "", "yesterday"})
    CHECK_FALSE(ParseTimestamp(bad).has_value());
  CHECK(ParseTimestamp("2024-02-29").has_value());
}

TEST_CASE("intervals are half-open and bitemporal visibility needs both axes", "[time]") {
  Bitemporal b{10, 20, 100, 200};
  CHECK(b.VisibleAt(10, 100));
  CHECK_FALSE(b.VisibleAt(20, 100));
  CHECK_FALSE(b.VisibleAt(15, 200));
  CHECK(b.VisibleAt(19, 199));
}

TEST_CASE("clocks never go backwards", "[time]") {
  SystemClock sys;
  Timestamp prev = sys.Now();
  for (int i = 0; i < 1000; ++i) {
    const Timestamp t = sys.Now();
    REQUIRE(t > prev);
    prev = t;
  }
  ManualClock manual(1000);
  CHECK(manual.Now() == 1000);
  CHECK(manual.Now() == 1001);
  manual.Set(5000);
  CHECK(manual.Now() == 5000);
}
