// StackGuard: tells a recursive descent how much of the thread's stack is left.
//
// The parser's expression depth limit (256) keeps ordinary threads safe, but
// a thread with a small stack (a server worker, a sanitizer build) could still
// overflow before the limit. The guard reads the current thread's stack bounds
// once per thread (pthread_getattr_np on glibc) and reports when fewer than
// `reserve` bytes (at most half the stack) remain. Where the bounds are unknown it never reports.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mnemo::lang::internal {

class StackGuard {
 public:
  static constexpr size_t kDefaultReserve = 128 * 1024;

  explicit StackGuard(size_t reserve = kDefaultReserve);

  // True when the caller's frame is within `reserve` bytes of the stack's end.
  // A frame outside the thread's stack (a fiber, a coroutine) never reports.
  bool NearlyExhausted() const {
    const auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    return here >= low_ && here < limit_;
  }

 private:
  uintptr_t low_ = 0;    // lowest address of the stack (stacks grow down)
  uintptr_t limit_ = 0;  // lowest safe frame address; 0 = bounds unknown
};

}  // namespace mnemo::lang::internal
