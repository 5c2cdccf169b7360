#include <catch2/catch.hpp>

#include <cmath>
#include <thread>

#include "index/base_level.hpp"

using mnemo::index::UseLog;
using mnemo::temporal::kMicrosPerSecond;
using mnemo::temporal::Timestamp;

namespace {
constexpr Timestamp kHour = 3600 * kMicrosPerSecond;
constexpr Timestamp kT0 = 1'700'000'000 * kMicrosPerSecond;
}  // namespace

TEST_CASE("base-level activation follows the ACT-R equation", "[index]") {
  UseLog log;
  CHECK(std::isinf(log.BaseLevel(1, kT0)));
  CHECK(log.BaseLevel(1, kT0) < 0);
  log.Record(1, kT0);
  // One use 100 s ago: ln(100^-0.5) = -ln 10.
  CHECK(log.BaseLevel(1, kT0 + 100 * kMicrosPerSecond) == Approx(-std::log(10.0)));
  // d = 1: ln(1 / 100).
  CHECK(log.BaseLevel(1, kT0 + 100 * kMicrosPerSecond, 1.0) == Approx(-std::log(100.0)));
  // Ages are clamped to 1 s: a use just now gives ln 1 = 0.
  CHECK(log.BaseLevel(1, kT0) == Approx(0.0).margin(1e-12));
  // Two uses, 100 s and 400 s ago: ln(1/10 + 1/20).
  log.Record(1, kT0 + 300 * kMicrosPerSecond);
  CHECK(log.BaseLevel(1, kT0 + 400 * kMicrosPerSecond) == Approx(std::log(0.1 + 0.05)));
  // Uses after `now` do not count: before the first use there is none.
  CHECK(std::isinf(log.BaseLevel(1, kT0 - kMicrosPerSecond)));
  CHECK(log.BaseLevel(1, kT0 + 100 * kMicrosPerSecond) == Approx(-std::log(10.0)));
  CHECK(log.Uses(1) == 2);
  CHECK(log.LastUse(1) == kT0 + 300 * kMicrosPerSecond);
  log.Forget(1);
  CHECK(log.Uses(1) == 0);
  CHECK(log.LastUse(1) == mnemo::temporal::kBeginningOfTime);
  CHECK(std::isinf(log.BaseLevel(1, kT0)));
}

TEST_CASE("base-level activation ranks recent and frequent uses higher", "[index]") {
  UseLog log;
  const Timestamp now = kT0 + 48 * kHour;
  // Recency: the same single use, earlier or later.
  log.Record(1, kT0);
  log.Record(2, kT0 + 24 * kHour);
  CHECK(log.BaseLevel(2, now) > log.BaseLevel(1, now));
  // Frequency: same last use, more uses.
  for (int i = 0; i < 5; ++i) log.Record(3, kT0 + i * kHour);
  log.Record(4, kT0 + 4 * kHour);
  CHECK(log.BaseLevel(3, now) > log.BaseLevel(4, now));
  // Decay: an old frequent record fades below a fresh single one.
  log.Record(5, now - 10 * kMicrosPerSecond);
  CHECK(log.BaseLevel(5, now) > log.BaseLevel(3, now));
  std::vector<double> levels;
  log.BaseLevels({1, 2, 99}, now, 0.5, levels);
  REQUIRE(levels.size() == 3);
  CHECK(levels[0] == log.BaseLevel(1, now));
  CHECK(levels[1] == log.BaseLevel(2, now));
  CHECK(std::isinf(levels[2]));
}

TEST_CASE("base-level approximation of old uses stays close to the exact sum", "[index]") {
  UseLog log;
  const int uses = 200;
  // Out of order on purpose: every third use arrives late.
  std::vector<Timestamp> times;
  for (int i = 0; i < uses; ++i) times.push_back(kT0 + i * kHour);
  for (int i = 0; i + 3 < uses; i += 3) std::swap(times[i], times[i + 2]);
  for (Timestamp t : times) log.Record(7, t);
  CHECK(log.Uses(7) == uses);
  CHECK(log.LastUse(7) == kT0 + (uses - 1) * kHour);
  // Now: just after the last use, a month later, and (reading AS OF the past)
  // in the middle of the approximated span, between two uses.
  for (Timestamp now : {kT0 + uses * kHour, kT0 + 30 * 24 * kHour, kT0 + 100 * kHour + kHour / 2}) {
    double exact = 0;
    for (int i = 0; i < uses; ++i) {
      const Timestamp t = kT0 + i * kHour;
      if (t <= now) exact += std::pow(std::max(double(now - t) / kMicrosPerSecond, 1.0), -0.5);
    }
    // Within 5% of the exact sum (keeping only the last uses would be far off).
    CHECK(std::exp(log.BaseLevel(7, now)) == Approx(exact).epsilon(0.05));
  }
}

TEST_CASE("use log records from several threads", "[index]") {
  UseLog log;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&log, t] {
      for (int i = 0; i < 1000; ++i) {
        log.Record(static_cast<uint64_t>(i % 10), kT0 + (t * 1000 + i) * kMicrosPerSecond);
        (void)log.BaseLevel(static_cast<uint64_t>(i % 10), kT0 + 5000 * kMicrosPerSecond);
      }
    });
  for (auto& th : threads) th.join();
  CHECK(log.size() == 10);
  size_t total = 0;
  for (uint64_t id = 0; id < 10; ++id) total += log.Uses(id);
  CHECK(total == 4000);
}
