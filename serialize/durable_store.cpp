#include "serialize/durable_store.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <algorithm>
#include <chrono>

#include "serialize/file_util.hpp"
#include "serialize/log_record.hpp"
#include "serialize/record_codec.hpp"
#include "serialize/snapshot_reader.hpp"
#include "serialize/snapshot_writer.hpp"

namespace mnemo::serialize {

namespace {

constexpr const char* kLogName = "wal.log";

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A file this module writes through a temporary name.
bool IsOurTemporary(const std::string& name) {
  if (!EndsWith(name, kTempSuffix)) return false;
  const std::string base = name.substr(0, name.size() - kTempSuffix.size());
  return base == kLogName || ParseSnapshotFileName(base).has_value();
}

// The LSNs of the scanned log records, checked to be consecutive.
Result<std::vector<uint64_t>> RecordLsns(const LogScan& scan, const std::string& path) {
  std::vector<uint64_t> lsns;
  lsns.reserve(scan.records.size());
  for (const auto& r : scan.records) {
    try {
      capnp::FlatArrayMessageReader reader(r.payload, StoredMessageOptions());
      lsns.push_back(reader.getRoot<schema::LogRecord>().getLsn());
    } catch (const kj::Exception& e) {
      return Status::Corruption("log '" + path + "': the record at offset " + std::to_string(r.offset) +
                                " is not a valid message: " + e.getDescription().cStr());
    }
    if (lsns.size() > 1 && lsns.back() != lsns[lsns.size() - 2] + 1)
      return Status::Corruption("log '" + path + "': the record at offset " + std::to_string(r.offset) + " has LSN " +
                                std::to_string(lsns.back()) + " after LSN " + std::to_string(lsns[lsns.size() - 2]));
  }
  return lsns;
}

}  // namespace

DurableStore::DurableStore(DurableOptions options, std::unique_ptr<DirectoryLock> lock)
    : options_(std::move(options)), lock_(std::move(lock)) {}

DurableStore::~DurableStore() = default;

void DurableStore::Warn(const std::string& message) {
  recovery_.warnings.push_back(message);
  if (options_.warn) options_.warn(message);
}

Result<std::unique_ptr<DurableStore>> DurableStore::Open(DurableOptions options, graph::Hypergraph& store) {
  if (options.directory.empty()) return Status::InvalidArgument("a durable memory needs a directory");
  while (options.directory.size() > 1 && options.directory.back() == '/') options.directory.pop_back();
  MNEMO_RETURN_IF_ERROR(CreateDirectories(options.directory));
  MNEMO_ASSIGN_OR_RETURN(auto lock, DirectoryLock::Acquire(options.directory));
  std::unique_ptr<DurableStore> durable(new DurableStore(std::move(options), std::move(lock)));
  MNEMO_RETURN_IF_ERROR(durable->Recover(store));
  return durable;
}

Status DurableStore::Recover(graph::Hypergraph& store) {
  const auto started = std::chrono::steady_clock::now();
  MNEMO_ASSIGN_OR_RETURN(std::vector<std::string> names, ListDirectory(options_.directory));
  std::vector<std::pair<uint64_t, std::string>> snapshots;  // newest first
  bool have_log = false;
  for (const std::string& name : names) {
    if (IsOurTemporary(name))
      MNEMO_RETURN_IF_ERROR(RemoveFile(PathOf(name)));
    else if (auto lsn = ParseSnapshotFileName(name))
      snapshots.emplace_back(*lsn, name);
    else if (name == kLogName)
      have_log = true;
  }
  std::sort(snapshots.rbegin(), snapshots.rend());

  // The log first: whether an older snapshot can stand in for a damaged
  // newer one depends on the LSNs it holds.
  const std::string log_path = PathOf(kLogName);
  MappedFile log_file;
  LogScan scan;
  if (have_log) {
    MNEMO_ASSIGN_OR_RETURN(log_file, MappedFile::Open(log_path));
    MNEMO_ASSIGN_OR_RETURN(scan, ScanLog(log_file, log_path));
  }
  MNEMO_ASSIGN_OR_RETURN(std::vector<uint64_t> lsns, RecordLsns(scan, log_path));

  // The base: the newest snapshot that verifies, or none (LSN 0).
  std::optional<VerifiedSnapshot> base;
  Status newest_failure;
  uint64_t newest_failed_lsn = 0;
  for (const auto& [lsn, name] : snapshots) {
    auto verified = VerifySnapshot(PathOf(name));
    if (verified.ok()) {
      base = std::move(verified).value();
      break;
    }
    if (verified.status().code() == StatusCode::kUnsupported || verified.status().code() == StatusCode::kIOError)
      return verified.status();
    if (newest_failure.ok()) {
      newest_failure = verified.status();
      newest_failed_lsn = lsn;
    }
  }
  const uint64_t base_lsn = base ? base->header.last_lsn : 0;
  if (!newest_failure.ok()) {
    // An older base serves only if the log still holds every record since it.
    const bool covered = !lsns.empty() && lsns.front() <= base_lsn + 1 && lsns.back() >= newest_failed_lsn;
    if (!covered)
      return Status(newest_failure.code(), newest_failure.message() +
                                               "; no older snapshot and log hold the writes it contains, so the "
                                               "memory cannot be opened without losing them");
    Warn(newest_failure.message() + "; recovered from " +
         (base ? "the older snapshot '" + base->path + "'" : std::string("the log alone")) + " and the log");
  }

  if (base) {
    MNEMO_ASSIGN_OR_RETURN(SnapshotContents contents, LoadSnapshot(*base, store));
    recovery_.snapshot = base->path;
    recovery_.snapshot_lsn = contents.last_lsn;
    recovery_.snapshot_bytes = contents.bytes;
    recovery_.indexes = contents.indexes;
    snapshot_bytes_ = contents.bytes;
  }
  recovery_.snapshot_seconds = SecondsSince(started);

  const auto replay_started = std::chrono::steady_clock::now();
  last_lsn_ = base_lsn;
  for (size_t i = 0; i < scan.records.size(); ++i) {
    if (lsns[i] <= base_lsn) {
      ++recovery_.skipped_records;
      continue;
    }
    if (lsns[i] != last_lsn_ + 1)
      return Status::Corruption("log '" + log_path + "': the record at offset " +
                                std::to_string(scan.records[i].offset) + " has LSN " + std::to_string(lsns[i]) +
                                " but the state ends at LSN " + std::to_string(last_lsn_) +
                                ": the records between are missing");
    Status st;
    try {
      capnp::FlatArrayMessageReader reader(scan.records[i].payload, StoredMessageOptions());
      st = ApplyLogRecord(reader.getRoot<schema::LogRecord>(), store);
    } catch (const kj::Exception& e) {
      st = Status::Corruption(std::string("malformed message: ") + e.getDescription().cStr());
    }
    if (!st.ok())
      return Status::Corruption("log '" + log_path + "': the record at offset " +
                                std::to_string(scan.records[i].offset) + " (LSN " + std::to_string(lsns[i]) +
                                ") cannot be replayed: " + st.message());
    last_lsn_ = lsns[i];
    ++recovery_.replayed_records;
  }
  recovery_.last_lsn = last_lsn_;
  snapshot_lsn_ = base_lsn;
  if (!scan.torn_tail.empty()) Warn(scan.torn_tail);
  if (scan.no_header && have_log)
    Warn("log '" + log_path + "' has no header (its creation was cut short); it holds no records");

  const uint64_t valid_end = scan.valid_end;
  const bool recreate = !have_log || scan.no_header;
  log_file = MappedFile();  // unmapped before the file is cut
  if (recreate) MNEMO_RETURN_IF_ERROR(LogWriter::Create(log_path));
  MNEMO_ASSIGN_OR_RETURN(
      log_, LogWriter::Open(log_path, recreate ? kLogHeaderSize : valid_end, options_.fsync, options_.batch_interval));
  recovery_.replay_seconds = SecondsSince(replay_started);

  // Snapshots older than a good base are redundant (left by a crash between
  // a checkpoint's rename and its clean-up). After a fallback, keep them all.
  if (base && newest_failure.ok())
    for (const auto& [lsn, name] : snapshots)
      if (lsn < base_lsn) MNEMO_RETURN_IF_ERROR(RemoveFile(PathOf(name)));
  next_checkpoint_at_ = options_.checkpoint_bytes;
  return Status::OK();
}

Status DurableStore::Append(const graph::Hypergraph& store) {
  if (store.changes().empty()) return Status::OK();
  const uint64_t lsn = last_lsn_ + 1;
  Result<kj::Array<capnp::word>> words = Status::Internal("unset");
  try {
    words = EncodeLogRecord(store, lsn);
  } catch (const kj::Exception& e) {
    return Status::Internal(std::string("cannot encode a log record: ") + e.getDescription().cStr());
  }
  if (!words.ok()) return words.status();
  MNEMO_RETURN_IF_ERROR(log_->Append(*words));
  last_lsn_ = lsn;
  return Status::OK();
}

Status DurableStore::Checkpoint(const graph::Hypergraph& store) {
  if (!has_unsnapshotted_records() && snapshot_bytes_ > 0) return Status::OK();
  const std::string name = SnapshotFileName(last_lsn_);
  MNEMO_ASSIGN_OR_RETURN(SnapshotWritten written, WriteSnapshot(PathOf(name), store, last_lsn_, options_.indexes));
  snapshot_lsn_ = last_lsn_;
  snapshot_bytes_ = written.bytes;
  // The snapshot holds everything: the log may go, then the older snapshots.
  MNEMO_RETURN_IF_ERROR(log_->Reset());
  next_checkpoint_at_ = log_->size() + options_.checkpoint_bytes;
  MNEMO_ASSIGN_OR_RETURN(std::vector<std::string> names, ListDirectory(options_.directory));
  for (const std::string& other : names)
    if (other != name && ParseSnapshotFileName(other)) MNEMO_RETURN_IF_ERROR(RemoveFile(PathOf(other)));
  return Status::OK();
}

}  // namespace mnemo::serialize
