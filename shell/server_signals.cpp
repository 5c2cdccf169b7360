#include "shell/server_signals.hpp"

#include <signal.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace mnemo::shell {

namespace {

sigset_t StopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

SignalWatcher::SignalWatcher(std::function<void(int)> on_signal) : on_signal_(std::move(on_signal)) {
  const sigset_t set = StopSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  thread_ = std::thread([this] { Watch(); });
}

SignalWatcher::~SignalWatcher() {
  Finish();
  if (thread_.joinable()) thread_.join();
}

void SignalWatcher::Finish() {
  finished_.store(true);
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void SignalWatcher::Watch() {
  const sigset_t set = StopSignals();
  const timespec tick{0, 100L * 1000 * 1000};  // 100 ms
  while (!finished_.load()) {
    const int signal = sigtimedwait(&set, nullptr, &tick);
    if (signal > 0 && finished_.load()) break;
    if (signal > 0) {
      if (received_.load() != 0) {
        std::fputs("mnemo serve: second signal, exiting without waiting for requests\n", stderr);
        std::_Exit(1);
      }
      received_.store(signal);
      std::fprintf(stderr, "mnemo serve: %s received, shutting down (finishing requests in flight)\n",
                   signal == SIGINT ? "SIGINT" : "SIGTERM");
    }
    if (received_.load() != 0) on_signal_(received_.load());
  }
}

}  // namespace mnemo::shell
