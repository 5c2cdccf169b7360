// Clock: where transaction time comes from.
//
// SystemClock reads the wall clock but never goes backwards (each reading is
// strictly greater than the previous one), so transaction times order writes.
// ManualClock is for tests: it returns exactly what it was set to, advanced by
// one microsecond per reading so that two writes never share a time.
// Thread-safety: Now() may be called from any thread.
#pragma once

#include <atomic>

#include "temporal/time.hpp"

namespace mnemo::temporal {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp Now() override;

 private:
  std::atomic<Timestamp> last_{0};
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : next_(start) {}
  Timestamp Now() override { return next_.fetch_add(1); }
  void Set(Timestamp t) { next_.store(t); }

 private:
  std::atomic<Timestamp> next_;
};

}  // namespace mnemo::temporal
