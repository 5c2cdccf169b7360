// DirectoryLock: keeps two processes (or two Databases of one process) from
// opening one memory directory for writing.
//
// The lock is flock(LOCK_EX) on DIR/LOCK, held for the lifetime of the
// object. The kernel releases it when the holder exits, however it exits
// (a crash or SIGKILL included), so a stale LOCK file never blocks anyone.
// flock locks belong to the open file description, so a second Acquire in
// the same process also fails. Thread-safety: none needed (immutable).
#pragma once

#include <memory>
#include <string>

#include "base/status.hpp"
#include "serialize/file_util.hpp"

namespace mnemo::serialize {

class DirectoryLock {
 public:
  // Errors: IOError naming the directory when another holder has it ("in use
  // by another process"), or when DIR/LOCK cannot be created.
  static Result<std::unique_ptr<DirectoryLock>> Acquire(const std::string& dir);
  ~DirectoryLock();  // releases the lock
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

 private:
  explicit DirectoryLock(UniqueFd fd) : fd_(std::move(fd)) {}
  UniqueFd fd_;
};

}  // namespace mnemo::serialize
