// SignalWatcher: turns SIGINT and SIGTERM into a call on an ordinary thread,
// where it is safe to stop a server (a signal handler could not).
//
// The constructor blocks both signals in the calling thread, and so in every
// thread created after it: construct it before any other thread starts.
// After the first signal, `on_signal` is called again every 100 ms until
// Finish(), so a stop that arrives just before the server listens still
// takes effect; it must therefore be idempotent. A second signal while
// shutting down ends the process at once (exit status 1).
#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace mnemo::shell {

class SignalWatcher {
 public:
  explicit SignalWatcher(std::function<void(int signal)> on_signal);
  // Finish(), then joins the watching thread.
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

  // Stops watching; `on_signal` is not called after Finish() returns.
  void Finish();
  // The first signal received, or 0.
  int signal() const { return received_.load(); }

 private:
  void Watch();

  std::function<void(int)> on_signal_;
  std::atomic<bool> finished_{false};
  std::atomic<int> received_{0};
  std::thread thread_;
};

}  // namespace mnemo::shell
