#include "temporal/clock.hpp"

#include <chrono>

namespace mnemo::temporal {

Timestamp SystemClock::Now() {
  const Timestamp wall = std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  Timestamp prev = last_.load();
  Timestamp next = 0;
  do {
    next = wall > prev ? wall : prev + 1;
  } while (!last_.compare_exchange_weak(prev, next));
  return next;
}

}  // namespace mnemo::temporal
