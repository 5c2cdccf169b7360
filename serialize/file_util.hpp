// Small POSIX file helpers for the durable store: owned descriptors, whole
// writes, syncs, atomic replacement and read-only mappings.
//
// Every function returns IOError naming the path and the operating system's
// reason (strerror) on failure; none throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace mnemo::serialize {

// "open 'DIR/wal.log': No space left on device".
Status ErrnoStatus(std::string_view what, const std::string& path, int err);

// An owned file descriptor (closed by the destructor); -1 when empty.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd();

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }
  // Closes now; IOError when close() reports a failure (a lost write).
  Status Close(const std::string& path);

 private:
  int fd_ = -1;
};

// open(2) with O_CLOEXEC added.
Result<UniqueFd> OpenFile(const std::string& path, int flags, unsigned mode = 0644);
// Writes all of `data` (retrying short writes and EINTR).
Status WriteAll(int fd, const void* data, size_t size, const std::string& path);
// pwrite(2) of all of `data` at `offset`.
Status PwriteAll(int fd, const void* data, size_t size, uint64_t offset, const std::string& path);
// fdatasync(2): the file's data and size are on stable storage.
Status SyncData(int fd, const std::string& path);
// Opens a directory and fsyncs it, so that entries created, renamed or
// removed in it are on stable storage.
Status SyncDirectory(const std::string& dir);
// rename(2): atomically replaces `to` by `from`.
Status RenameFile(const std::string& from, const std::string& to);
// unlink(2); a missing file is not an error.
Status RemoveFile(const std::string& path);
// Size of an open file.
Result<uint64_t> FileSize(int fd, const std::string& path);
// Creates `dir` (and missing parents) when absent.
Status CreateDirectories(const std::string& dir);
// The names of the entries of `dir` (no "." and "..").
Result<std::vector<std::string>> ListDirectory(const std::string& dir);

// A read-only, private mapping of a whole file (empty files map to nothing).
class MappedFile {
 public:
  // Errors: IOError (open, fstat, mmap).
  static Result<MappedFile> Open(const std::string& path);
  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // Page-aligned (so 8-byte aligned) start of the file's bytes.
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace mnemo::serialize
