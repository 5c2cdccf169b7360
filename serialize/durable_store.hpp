// DurableStore: the files of one durable memory — lock, snapshot, log — and
// the protocol that keeps every acknowledged write: recover on open, log
// each committed group before it is acknowledged, checkpoint.
//
// Directory layout (FORMAT.md):
//   DIR/LOCK                       flock'd while a process has the memory open
//   DIR/snapshot-<LSN:020>.mnemo   the newest snapshot (state up to log record LSN)
//   DIR/wal.log                    log records after that snapshot
//   *.tmp                          a file whose writing was cut short; removed on open
// Anything else (DIR/scopes/ of the server, for one) is left alone.
//
// Thread-safety: none inside. The owner serialises calls and holds the
// store's writers off while they run (engine::Database calls everything
// under its exclusive lock); the log's background flusher (kBatch) is
// internal.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "graph/hypergraph.hpp"
#include "serialize/dir_lock.hpp"
#include "serialize/snapshot_format.hpp"
#include "serialize/wal.hpp"

namespace mnemo::serialize {

struct DurableOptions {
  std::string directory;
  FsyncPolicy fsync = FsyncPolicy::kAlways;
  std::chrono::milliseconds batch_interval{50};  // kBatch: the longest a write waits for its sync
  // CheckpointDue() once the log is at least this long.
  uint64_t checkpoint_bytes = uint64_t{64} << 20;
  // What the recall indexes are built with now (stored in snapshots).
  IndexMetadata indexes;
  // Receives recovery warnings (a dropped torn tail, a damaged snapshot
  // skipped); null: they are only kept in RecoveryReport::warnings.
  std::function<void(const std::string&)> warn;
};

// What Open found and did.
struct RecoveryReport {
  std::string snapshot;  // the snapshot file loaded; empty when none
  uint64_t snapshot_lsn = 0;
  uint64_t snapshot_bytes = 0;
  std::optional<IndexMetadata> indexes;  // as recorded in that snapshot
  uint64_t replayed_records = 0;         // log records applied
  uint64_t skipped_records = 0;          // log records already in the snapshot
  uint64_t last_lsn = 0;
  double snapshot_seconds = 0;  // verify + decode the snapshot
  double replay_seconds = 0;    // scan + apply the log
  std::vector<std::string> warnings;
};

class DurableStore {
 public:
  // Opens the memory in `options.directory` (created when missing) into
  // `store`, which must be freshly constructed: takes the directory lock,
  // loads the newest snapshot that verifies, replays the log past it, cuts a
  // torn tail. A damaged newest snapshot is skipped (with a warning) only
  // when an older one plus the log still hold every write; otherwise Open
  // fails. Errors: IOError (including "in use by another process"),
  // Corruption naming the file and offset, Unsupported (a newer format).
  static Result<std::unique_ptr<DurableStore>> Open(DurableOptions options, graph::Hypergraph& store);

  // Graceful close: syncs the log (whatever the policy) and releases the
  // lock. Checkpointing first is the owner's choice (Close() takes none).
  ~DurableStore();
  DurableStore(const DurableStore&) = delete;
  DurableStore& operator=(const DurableStore&) = delete;

  // Logs store.changes() — the open group, before store.Commit() — as the
  // next log record, durable as the fsync policy says. Nothing is logged for
  // a group that changed nothing. Errors: IOError (nothing was logged; the
  // caller rolls the group back), ResourceLimit/InvalidArgument (a value
  // with no stored form).
  Status Append(const graph::Hypergraph& store);

  // Writes a snapshot of the store (committed state: no group may be open
  // with writes) atomically, then truncates the log and removes older
  // snapshots. A no-op when nothing was logged since the last snapshot.
  // Errors: IOError (the previous snapshot and the log stay valid).
  Status Checkpoint(const graph::Hypergraph& store);
  // Whether the log has reached options.checkpoint_bytes (after a failed
  // checkpoint, only once it has grown by that much again).
  bool CheckpointDue() const { return log_->size() >= next_checkpoint_at_; }
  // Records that an automatic checkpoint failed: the next is due after
  // another checkpoint_bytes of log.
  void PostponeCheckpoint() { next_checkpoint_at_ = log_->size() + options_.checkpoint_bytes; }

  // Syncs the log now.
  Status Sync() { return log_->Sync(); }

  const RecoveryReport& recovery() const { return recovery_; }
  uint64_t log_bytes() const { return log_->size(); }
  // Size of the newest snapshot (0 when there is none).
  uint64_t snapshot_bytes() const { return snapshot_bytes_; }
  // Log records appended since the newest snapshot.
  bool has_unsnapshotted_records() const { return last_lsn_ > snapshot_lsn_; }
  uint64_t last_lsn() const { return last_lsn_; }
  const DurableOptions& options() const { return options_; }

 private:
  DurableStore(DurableOptions options, std::unique_ptr<DirectoryLock> lock);
  Status Recover(graph::Hypergraph& store);
  std::string PathOf(const std::string& name) const { return options_.directory + "/" + name; }
  void Warn(const std::string& message);

  DurableOptions options_;
  std::unique_ptr<DirectoryLock> lock_;
  std::unique_ptr<LogWriter> log_;
  uint64_t last_lsn_ = 0;      // of the last record logged (or held by the snapshot)
  uint64_t snapshot_lsn_ = 0;  // of the newest snapshot written or loaded
  uint64_t snapshot_bytes_ = 0;
  uint64_t next_checkpoint_at_ = 0;
  RecoveryReport recovery_;
};

}  // namespace mnemo::serialize
