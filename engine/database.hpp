// Database: one memory — its hypergraph store, its recall indexes and, for a
// durable memory, its files.
//
// Thread-safety: a Database may be shared by many threads through
// Connections. Reads run concurrently; writes are serialised and exclude
// readers (one shared_mutex per Database).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "engine/memory_services.hpp"
#include "graph/hypergraph.hpp"
#include "temporal/clock.hpp"

namespace mnemo {

namespace index {
class Embedder;
}
namespace serialize {
class DurableStore;
}

struct Options {
  // Directory of a durable memory (created when missing). Empty (the
  // default): in-memory, gone when the Database is destroyed. A directory is
  // open in one Database of one process at a time (a lock file, DIR/LOCK).
  // Entries it does not know (such as DIR/scopes/) are left alone.
  std::string directory;

  // Durable memories: when a write's log record reaches stable storage. A
  // record is always written to the log file before the statement is
  // acknowledged, so a crash of the process (kill -9 included) loses no
  // acknowledged write under any policy; they differ for an OS crash or a
  // power cut:
  //  kAlways (default): fdatasync before acknowledging — nothing acknowledged is lost.
  //  kBatch: a background thread syncs every `fsync_batch_ms` — the writes of
  //          the last interval may be lost.
  //  kOff:   synced only at checkpoints and close — any write since may be lost.
  enum class Fsync { kAlways, kBatch, kOff };
  Fsync fsync = Fsync::kAlways;
  uint32_t fsync_batch_ms = 50;
  // Durable memories: a snapshot is written automatically (and the log
  // truncated) once the log reaches this size, bounding recovery time.
  size_t checkpoint_bytes = size_t{64} << 20;
  // Durable memories: on destruction, write a snapshot when the log holds
  // writes and is at least as large as the last snapshot (so the next open
  // reads a snapshot rather than a long log, without rewriting a big memory
  // for a few writes). False: only sync the log.
  bool checkpoint_on_close = true;
  // Receives warnings from opening a durable memory (a torn log tail
  // dropped, a damaged snapshot skipped) and failed automatic checkpoints.
  // Null: they are printed to standard error as "mnemo: warning: ...".
  std::function<void(const std::string&)> on_warning;

  // Source of transaction time; null means the system clock. Tests pass a
  // temporal::ManualClock. A non-null clock must outlive the Database.
  temporal::Clock* clock = nullptr;
  // Turns text into vectors for the vector channel of RECALL; null means the
  // built-in index::HashingEmbedder (256 dimensions, no model needed).
  // Client-supplied EMBEDDINGs must have its dimension.
  std::shared_ptr<const index::Embedder> embedder;
  // Exact (flat) vector search instead of HNSW: right for small memories and
  // as the oracle in tests.
  bool exact_vectors = false;
};

// How a memory was opened: what recovery took and found (all zero and empty
// for an in-memory memory).
struct OpenStats {
  double snapshot_seconds = 0;  // verify and decode the snapshot
  double replay_seconds = 0;    // scan and apply the log
  double recall_seconds = 0;    // rebuild the recall indexes
  uint64_t snapshot_bytes = 0;
  uint64_t replayed_records = 0;
  std::vector<std::string> warnings;  // also given to Options::on_warning
};

class Connection;

class Database final : private engine::MemoryServices {
 public:
  // Opens (or creates) a memory. With options.directory: takes the
  // directory's lock, loads the newest snapshot, replays the write-ahead log
  // (dropping a torn last record with a warning), and rebuilds the recall
  // indexes. Errors: IOError (the directory cannot be created or read, or
  // another process has it open), Corruption (a damaged snapshot or log,
  // naming the file and offset), Unsupported (files of a newer format),
  // InvalidArgument (stored embeddings that the configured embedder's
  // dimension does not match).
  static Result<std::unique_ptr<Database>> Open(const Options& options = {});

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  // A durable memory syncs its log, checkpoints as options.checkpoint_on_close
  // says, and releases its directory. Errors here cannot be returned: they
  // go to options.on_warning (the log, synced or not, still holds every write).
  ~Database() override;

  // A new connection. The Database must outlive it.
  Connection Connect();
  const Options& options() const { return options_; }
  const OpenStats& open_stats() const { return open_stats_; }

 private:
  friend class Connection;
  explicit Database(const Options& options);

  // engine::MemoryServices
  Status CommitGroup() override;
  Status Checkpoint() override;
  engine::RecallIndex& recall() override { return *recall_; }
  engine::MemoryServices& services() { return *this; }

  // Opens options_.directory into the (empty) store; see Open.
  Status OpenDurable();
  void Warn(const std::string& message) const;

  Options options_;
  mutable std::shared_mutex mutex_;
  graph::Hypergraph store_;
  std::unique_ptr<engine::RecallIndex> recall_;
  std::unique_ptr<serialize::DurableStore> durable_;  // null for an in-memory memory
  OpenStats open_stats_;
};

}  // namespace mnemo
