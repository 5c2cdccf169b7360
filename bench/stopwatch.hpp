// Stopwatch: the elapsed (wall-clock) time of a phase and the CPU time the
// calling thread spent in it. On a busy machine the two differ; the CPU
// time is what the work itself cost.
#pragma once

#include <time.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "bench/timing.hpp"

namespace mnemo::bench {

struct PhaseTime {
  double seconds = 0, cpu_seconds = 0;
};

class Stopwatch {
 public:
  Stopwatch() : wall_(std::chrono::steady_clock::now()), cpu_(ThreadCpuSeconds()) {}
  // The time since construction.
  PhaseTime Elapsed() const {
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count(), ThreadCpuSeconds() - cpu_};
  }

  static double ThreadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }

 private:
  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

// timing.hpp's Measure, also taking each call's CPU time (of the calling
// thread; reading it costs about a microsecond per call).
struct Latencies {
  Latency wall, cpu;
};
template <typename F>
Latencies MeasureWallAndCpu(size_t n, F&& body) {
  std::vector<double> cpu_us(n);
  const Latency wall = Measure(n, [&](size_t i) {
    const double c0 = Stopwatch::ThreadCpuSeconds();
    body(i);
    cpu_us[i] = (Stopwatch::ThreadCpuSeconds() - c0) * 1e6;
  });
  std::sort(cpu_us.begin(), cpu_us.end());
  return {wall, {cpu_us[n / 2], cpu_us[std::min(n - 1, n * 99 / 100)]}};
}

}  // namespace mnemo::bench
