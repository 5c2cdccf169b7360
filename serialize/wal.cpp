#include "serialize/wal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "serialize/checksum.hpp"

namespace mnemo::serialize {

namespace {

uint32_t LengthCheck(uint32_t length) {
  uint8_t bytes[4];
  PutU32(bytes, length);
  return static_cast<uint32_t>(Checksum(bytes, sizeof(bytes)));
}

// The record checksum: XXH3-64 of the payload, seeded with the first eight
// header bytes (length and length check), so it covers the length too.
uint64_t RecordChecksum(const uint8_t* header, const uint8_t* payload, size_t size) {
  return XXH3_64bits_withSeed(payload, size, GetU64(header));
}

void EncodeLogHeader(uint8_t out[kLogHeaderSize]) {
  std::memset(out, 0, kLogHeaderSize);
  std::memcpy(out, kLogMagic, sizeof(kLogMagic));
  PutU32(out + 8, kLogVersion);
  PutU32(out + 12, kLogHeaderSize);
  PutU64(out + 24, Checksum(out, 24));
}

enum class Check { kValid, kShort, kBad };
struct RecordAt {
  Check check = Check::kBad;
  uint64_t end = 0;
  const char* reason = "";
};

// Checks the record that would start at `pos`.
RecordAt CheckRecord(const uint8_t* data, uint64_t size, uint64_t pos) {
  if (size - pos < kRecordHeaderSize) return {Check::kShort, 0, "the file ends inside a record header"};
  const uint8_t* h = data + pos;
  const uint32_t length = GetU32(h);
  if (length == 0 || length % 8 != 0 || GetU32(h + 4) != LengthCheck(length))
    return {Check::kBad, 0, "the record header is damaged"};
  const uint64_t end = pos + kRecordHeaderSize + length;
  if (end > size) return {Check::kShort, end, "the file ends inside the record"};
  if (GetU64(h + 8) != RecordChecksum(h, h + kRecordHeaderSize, length))
    return {Check::kBad, end, "the record fails its checksum"};
  return {Check::kValid, end, ""};
}

bool AllZero(const uint8_t* data, uint64_t size) {
  return std::all_of(data, data + size, [](uint8_t b) { return b == 0; });
}

std::string ParentOf(const std::string& path) {
  std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

}  // namespace

Result<LogScan> ScanLog(const MappedFile& file, const std::string& path) {
  const std::string where = "log '" + path + "'";
  const uint8_t* data = file.data();
  const uint64_t size = file.size();
  LogScan scan;
  // A log whose creation was cut short (it is created whole, by rename, so
  // this is a file system that kept the name but not the bytes).
  if (size < kLogHeaderSize || AllZero(data, size)) {
    scan.no_header = true;
    return scan;
  }
  if (std::memcmp(data, kLogMagic, sizeof(kLogMagic)) != 0)
    return Status::Corruption(where + ": bytes 0-7 are not the log magic 'MNEMOWAL'");
  const uint32_t version = GetU32(data + 8);
  const uint32_t header_size = GetU32(data + 12);
  const bool sane_size = header_size >= 24 && header_size % 8 == 0 && header_size <= size;
  if (!sane_size || GetU64(data + header_size - 8) != Checksum(data, header_size - 8))
    return Status::Corruption(where + ": the header (bytes 0-" + std::to_string(kLogHeaderSize - 1) +
                              ") fails its checksum");
  if (version > kLogVersion)
    return Status::Unsupported(where + " has format version " + std::to_string(version) +
                               ", newer than this build reads (" + std::to_string(kLogVersion) + ")");
  if (version == 0 || header_size != kLogHeaderSize)
    return Status::Corruption(where + ": the header has version " + std::to_string(version) + " and size " +
                              std::to_string(header_size) + ", which no format has");

  uint64_t pos = kLogHeaderSize;
  while (pos < size) {
    const RecordAt at = CheckRecord(data, size, pos);
    if (at.check == Check::kValid) {
      LogScan::Record r;
      r.offset = pos;
      r.payload = kj::ArrayPtr<const capnp::word>(reinterpret_cast<const capnp::word*>(data + pos + kRecordHeaderSize),
                                                  (at.end - pos - kRecordHeaderSize) / sizeof(capnp::word));
      scan.records.push_back(r);
      pos = at.end;
      continue;
    }
    // A bad record is a torn tail only when nothing valid follows it. (A
    // header that checks but reaches past the end of the file was cut by
    // the crash: what follows it is its own payload.)
    if (!(at.check == Check::kShort && at.end > 0)) {
      for (uint64_t q = pos + 8; q + kRecordHeaderSize <= size; q += 8)
        if (CheckRecord(data, size, q).check == Check::kValid)
          return Status::Corruption(where + " is corrupt at offset " + std::to_string(pos) + " (" + at.reason +
                                    ") and a valid record follows at offset " + std::to_string(q) +
                                    ": refusing to open, since skipping it would lose acknowledged writes");
    }
    scan.torn_tail = where + ": dropped a torn record at offset " + std::to_string(pos) + " (" + at.reason + "; " +
                     std::to_string(size - pos) + " bytes to the end of the file), the last write before a crash";
    break;
  }
  scan.valid_end = pos;
  return scan;
}

Status LogWriter::Create(const std::string& path) {
  const std::string temp = path + ".tmp";
  {
    MNEMO_ASSIGN_OR_RETURN(UniqueFd fd, OpenFile(temp, O_WRONLY | O_CREAT | O_TRUNC));
    uint8_t header[kLogHeaderSize];
    EncodeLogHeader(header);
    MNEMO_RETURN_IF_ERROR(WriteAll(fd.get(), header, sizeof(header), temp));
    MNEMO_RETURN_IF_ERROR(SyncData(fd.get(), temp));
    MNEMO_RETURN_IF_ERROR(fd.Close(temp));
  }
  MNEMO_RETURN_IF_ERROR(RenameFile(temp, path));
  return SyncDirectory(ParentOf(path));
}

Result<std::unique_ptr<LogWriter>> LogWriter::Open(const std::string& path, uint64_t valid_end, FsyncPolicy policy,
                                                   std::chrono::milliseconds batch_interval) {
  MNEMO_ASSIGN_OR_RETURN(UniqueFd fd, OpenFile(path, O_RDWR));
  MNEMO_ASSIGN_OR_RETURN(uint64_t size, FileSize(fd.get(), path));
  if (size != valid_end) {
    if (::ftruncate(fd.get(), static_cast<off_t>(valid_end)) != 0) return ErrnoStatus("cannot truncate", path, errno);
    MNEMO_RETURN_IF_ERROR(SyncData(fd.get(), path));
  }
  return std::unique_ptr<LogWriter>(new LogWriter(path, std::move(fd), valid_end, policy, batch_interval));
}

LogWriter::LogWriter(std::string path, UniqueFd fd, uint64_t size, FsyncPolicy policy,
                     std::chrono::milliseconds interval)
    : path_(std::move(path)), fd_(std::move(fd)), size_(size), policy_(policy), interval_(interval) {
  if (policy_ == FsyncPolicy::kBatch) flusher_ = std::thread([this] { FlushLoop(); });
}

LogWriter::~LogWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (flusher_.joinable()) flusher_.join();
  if (dirty_) (void)SyncData(fd_.get(), path_);
}

void LogWriter::FlushLoop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
    if (stopping_ || !dirty_) continue;
    dirty_ = false;
    lock.unlock();
    Status st = SyncData(fd_.get(), path_);
    lock.lock();
    if (!st.ok() && failure_.ok()) failure_ = st;
  }
}

Status LogWriter::Failed() const {
  std::lock_guard lock(mutex_);
  if (failure_.ok()) return Status::OK();
  return Status::IOError("the log can take no more writes after an earlier failure (" + failure_.message() +
                         "); a successful SNAPSHOT or reopening the memory clears it");
}

Status LogWriter::Append(kj::ArrayPtr<const capnp::word> payload) {
  MNEMO_RETURN_IF_ERROR(Failed());
  const size_t length = payload.size() * sizeof(capnp::word);
  if (length == 0 || length > UINT32_MAX - kRecordHeaderSize)
    return Status::ResourceLimit("a log record of " + std::to_string(length) + " bytes is outside the format's limits");
  buffer_.resize(kRecordHeaderSize + length);
  uint8_t* h = buffer_.data();
  PutU32(h, static_cast<uint32_t>(length));
  PutU32(h + 4, LengthCheck(static_cast<uint32_t>(length)));
  std::memcpy(h + kRecordHeaderSize, payload.begin(), length);
  PutU64(h + 8, RecordChecksum(h, h + kRecordHeaderSize, length));

  const uint64_t before = size_;
  auto cut_back = [&] { (void)::ftruncate(fd_.get(), static_cast<off_t>(before)); };
  if (Status st = PwriteAll(fd_.get(), buffer_.data(), buffer_.size(), before, path_); !st.ok()) {
    cut_back();
    return st;
  }
  if (policy_ == FsyncPolicy::kAlways) {
    if (Status st = SyncData(fd_.get(), path_); !st.ok()) {
      cut_back();
      std::lock_guard lock(mutex_);
      failure_ = st;
      return st;
    }
  } else {
    std::lock_guard lock(mutex_);
    dirty_ = true;
  }
  size_ = before + buffer_.size();
  return Status::OK();
}

Status LogWriter::Sync() {
  MNEMO_RETURN_IF_ERROR(Failed());
  {
    std::lock_guard lock(mutex_);
    if (!dirty_) return Status::OK();
    dirty_ = false;
  }
  Status st = SyncData(fd_.get(), path_);
  if (!st.ok()) {
    std::lock_guard lock(mutex_);
    failure_ = st;
  }
  return st;
}

Status LogWriter::Reset() {
  if (::ftruncate(fd_.get(), kLogHeaderSize) != 0) return ErrnoStatus("cannot truncate", path_, errno);
  MNEMO_RETURN_IF_ERROR(SyncData(fd_.get(), path_));
  size_ = kLogHeaderSize;
  std::lock_guard lock(mutex_);
  dirty_ = false;
  failure_ = Status::OK();
  return Status::OK();
}

}  // namespace mnemo::serialize
