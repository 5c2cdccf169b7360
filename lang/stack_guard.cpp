#include "lang/stack_guard.hpp"

#if defined(__linux__) && defined(__GLIBC__)
#include <pthread.h>
#endif

namespace mnemo::lang::internal {

namespace {

struct Bounds {
  uintptr_t low = 0;
  size_t size = 0;
};

// The current thread's stack, or {0, 0} when unknown. Cached per thread: for
// the main thread glibc reads /proc/self/maps to find it.
Bounds StackBounds() {
  thread_local Bounds bounds = [] {
    Bounds result;
#if defined(__linux__) && defined(__GLIBC__)
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      void* addr = nullptr;
      size_t size = 0;
      if (pthread_attr_getstack(&attr, &addr, &size) == 0) result = {reinterpret_cast<uintptr_t>(addr), size};
      pthread_attr_destroy(&attr);
    }
#endif
    return result;
  }();
  return bounds;
}

}  // namespace

StackGuard::StackGuard(size_t reserve) {
  const Bounds b = StackBounds();
  if (b.low != 0) {
    low_ = b.low;
    limit_ = b.low + (reserve < b.size / 2 ? reserve : b.size / 2);
  }
}

}  // namespace mnemo::lang::internal
