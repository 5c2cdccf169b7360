// Small timing helpers shared by the benchmarks: run a body many times and
// report the median and the 99th percentile of its latency.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace mnemo::bench {

struct Latency {
  double p50_us = 0, p99_us = 0;
};

// Calls body(i) for i in [0, n), timing each call.
template <typename F>
Latency Measure(size_t n, F&& body) {
  std::vector<double> us(n);
  for (size_t i = 0; i < n; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    body(i);
    us[i] = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
  }
  std::sort(us.begin(), us.end());
  return {us[n / 2], us[std::min(n - 1, n * 99 / 100)]};
}

inline void PrintRow(const char* what, Latency ours, Latency base) {
  std::printf("%-28s %10.3f %10.3f %12.3f %10.2fx\n", what, ours.p50_us, ours.p99_us, base.p50_us,
              base.p50_us > 0 ? ours.p50_us / base.p50_us : 0.0);
}

}  // namespace mnemo::bench
