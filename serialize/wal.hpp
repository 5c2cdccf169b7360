// The write-ahead log file (FORMAT.md, "The log"): a header, then records of
// (length, length check, checksum, payload), appended and never rewritten in
// place except to cut a torn tail or to truncate after a checkpoint.
#pragma once

#include <capnp/common.h>
#include <kj/array.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/status.hpp"
#include "serialize/file_util.hpp"

namespace mnemo::serialize {

inline constexpr char kLogMagic[8] = {'M', 'N', 'E', 'M', 'O', 'W', 'A', 'L'};
inline constexpr uint32_t kLogVersion = 1;
inline constexpr uint32_t kLogHeaderSize = 32;
inline constexpr uint32_t kRecordHeaderSize = 16;

// When an appended record reaches stable storage.
//   kAlways: before Append returns (fdatasync per record). A crash of the
//            process or of the machine loses no acknowledged write.
//   kBatch:  within `batch_interval` after Append returns (a background
//            thread syncs). A process crash loses nothing; an OS crash or
//            power cut may lose the writes of the last interval.
//   kOff:    when the operating system decides, and at close and
//            checkpoint. A process crash loses nothing; an OS crash or power
//            cut may lose any write since the last checkpoint or close.
// Under every policy a record is written to the file (so into the page cache)
// before Append returns.
enum class FsyncPolicy { kAlways, kBatch, kOff };

// The valid records of a log, as found on open.
struct LogScan {
  struct Record {
    uint64_t offset = 0;                      // of the record header in the file
    kj::ArrayPtr<const capnp::word> payload;  // points into the mapping
  };
  std::vector<Record> records;
  uint64_t valid_end = kLogHeaderSize;  // where the valid records end
  // Set when a torn tail (an incomplete or damaged last record, with nothing
  // valid after it) was found at valid_end: the warning to give.
  std::string torn_tail;
  // Set when the file is shorter than its header or all zeros (a log whose
  // creation was cut short): it holds no records.
  bool no_header = false;
};

// Scans the mapped bytes of the log at `path`.
// Errors: Corruption naming the path and offset — a damaged header, or a
// record that fails its checks while a valid record follows it (damage in
// the middle is never skipped silently); Unsupported for a newer version.
Result<LogScan> ScanLog(const MappedFile& file, const std::string& path);

class LogWriter {
 public:
  // Creates (or replaces) `path` with a log holding only its header:
  // written to path.tmp, synced, renamed, directory synced.
  static Status Create(const std::string& path);
  // Opens an existing log to append after `valid_end`; a longer file (a
  // torn tail) is cut there and synced first.
  static Result<std::unique_ptr<LogWriter>> Open(const std::string& path, uint64_t valid_end, FsyncPolicy policy,
                                                 std::chrono::milliseconds batch_interval);
  // Stops the background flusher and syncs what is not yet synced (errors
  // are dropped here: call Sync() first to see them).
  ~LogWriter();
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  // Appends one record holding `payload` (a flat Cap'n Proto message, whole
  // words). On return the record is in the file, and on stable storage as
  // the policy says. Errors: IOError — the file is cut back to its size
  // before the call; after a failed sync (whose effect on the page cache is
  // unknown) every later Append fails until Reset() succeeds.
  Status Append(kj::ArrayPtr<const capnp::word> payload);
  // Syncs now whatever is not yet synced.
  Status Sync();
  // Truncates the log to its header and syncs (after a checkpoint); clears
  // an earlier failure when it succeeds.
  Status Reset();

  uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }

 private:
  LogWriter(std::string path, UniqueFd fd, uint64_t size, FsyncPolicy policy, std::chrono::milliseconds interval);
  void FlushLoop();
  Status Failed() const;

  std::string path_;
  UniqueFd fd_;
  uint64_t size_;
  FsyncPolicy policy_;
  std::chrono::milliseconds interval_;
  std::vector<uint8_t> buffer_;

  mutable std::mutex mutex_;  // guards the fields below
  std::condition_variable wake_;
  bool dirty_ = false;  // appended since the last sync
  bool stopping_ = false;
  Status failure_;       // a failed sync: appends refused until Reset
  std::thread flusher_;  // kBatch only
};

}  // namespace mnemo::serialize
