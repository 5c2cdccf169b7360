#include "engine/database.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>

#include "engine/connection.hpp"
#include "engine/recall_index.hpp"
#include "serialize/durable_store.hpp"

namespace mnemo {

namespace {
serialize::FsyncPolicy PolicyOf(Options::Fsync fsync) {
  switch (fsync) {
    case Options::Fsync::kAlways:
      return serialize::FsyncPolicy::kAlways;
    case Options::Fsync::kBatch:
      return serialize::FsyncPolicy::kBatch;
    case Options::Fsync::kOff:
      return serialize::FsyncPolicy::kOff;
  }
  return serialize::FsyncPolicy::kAlways;
}
}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const Options& options) {
  std::unique_ptr<Database> db(new Database(options));
  if (!options.directory.empty()) {
    Status opened = db->OpenDurable();
    if (!opened.ok()) {
      db->durable_.reset();  // released as found: no checkpoint of a memory that failed to open
      return opened;
    }
  }
  return db;
}

Database::Database(const Options& options)
    : options_(options),
      store_(options.clock),
      recall_(std::make_unique<engine::RecallIndex>(options.embedder, options.exact_vectors)) {}

Status Database::OpenDurable() {
  serialize::DurableOptions durable;
  durable.directory = options_.directory;
  durable.fsync = PolicyOf(options_.fsync);
  durable.batch_interval = std::chrono::milliseconds(options_.fsync_batch_ms);
  durable.checkpoint_bytes = options_.checkpoint_bytes;
  durable.indexes.embedder = std::string(recall_->embedder().name());
  durable.indexes.dimension = static_cast<uint32_t>(recall_->embedder().dimension());
  durable.indexes.exact_vectors = options_.exact_vectors;
  durable.warn = [this](const std::string& message) { Warn(message); };
  MNEMO_ASSIGN_OR_RETURN(durable_, serialize::DurableStore::Open(std::move(durable), store_));

  const serialize::RecoveryReport& recovery = durable_->recovery();
  open_stats_.snapshot_seconds = recovery.snapshot_seconds;
  open_stats_.replay_seconds = recovery.replay_seconds;
  open_stats_.snapshot_bytes = recovery.snapshot_bytes;
  open_stats_.replayed_records = recovery.replayed_records;
  open_stats_.warnings = recovery.warnings;

  // Client-supplied embeddings are kept with the records; the recall
  // indexes, derived data, are rebuilt here with the configured embedder,
  // whose space the stored vectors must share.
  const size_t dimension = recall_->embedder().dimension();
  auto check = [&](const char* kind, graph::Id id, const std::vector<float>& embedding) -> Status {
    if (embedding.empty() || embedding.size() == dimension) return Status::OK();
    const std::string written_with =
        recovery.indexes ? " (written with embedder '" + recovery.indexes->embedder + "')" : std::string();
    return Status::InvalidArgument(std::string(kind) + " " + std::to_string(id) + " in '" + options_.directory +
                                   "' has a " + std::to_string(embedding.size()) + "-number embedding" + written_with +
                                   ", but the configured embedder '" + std::string(recall_->embedder().name()) +
                                   "' has " + std::to_string(dimension) + " dimensions");
  };
  for (const auto& [id, episode] : store_.episodes()) MNEMO_RETURN_IF_ERROR(check("episode", id, episode.embedding));
  for (const auto& [id, fact] : store_.hyperedges()) MNEMO_RETURN_IF_ERROR(check("fact", id, fact.embedding));
  const auto started = std::chrono::steady_clock::now();
  recall_->Rebuild(store_);
  open_stats_.recall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return Status::OK();
}

Database::~Database() {
  if (!durable_) return;
  std::unique_lock lock(mutex_);
  if (options_.checkpoint_on_close && durable_->has_unsnapshotted_records() &&
      durable_->log_bytes() >= durable_->snapshot_bytes()) {
    Status st = durable_->Checkpoint(store_);
    if (!st.ok()) Warn("checkpoint at close failed (the log still holds every write): " + st.message());
  }
  Status st = durable_->Sync();
  if (!st.ok()) Warn("syncing the log at close failed: " + st.message());
  durable_.reset();
}

void Database::Warn(const std::string& message) const {
  if (options_.on_warning)
    options_.on_warning(message);
  else
    std::fprintf(stderr, "mnemo: warning: %s\n", message.c_str());
}

Connection Database::Connect() { return Connection(this); }

Status Database::CommitGroup() {
  if (durable_) {
    // Logged before it is committed: a write is acknowledged only once its
    // record is in the log (and synced, as the fsync policy says).
    Status logged = durable_->Append(store_);
    if (!logged.ok()) {
      store_.Rollback();
      return logged;
    }
  }
  store_.Commit();
  recall_->Apply(store_, store_.changes());
  if (durable_ && durable_->CheckpointDue()) {
    Status st = durable_->Checkpoint(store_);
    if (!st.ok()) {
      durable_->PostponeCheckpoint();
      Warn("automatic checkpoint failed (the log still holds every write): " + st.message());
    }
  }
  return Status::OK();
}

Status Database::Checkpoint() {
  if (!durable_) return Status::Unsupported("SNAPSHOT needs a durable memory (open it with a directory, --db DIR)");
  return durable_->Checkpoint(store_);
}

}  // namespace mnemo
