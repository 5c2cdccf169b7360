#include "serialize/snapshot_writer.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <fcntl.h>
#include <kj/exception.h>
#include <kj/io.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <vector>

#include "serialize/checksum.hpp"
#include "serialize/file_util.hpp"
#include "serialize/record_codec.hpp"

namespace mnemo::serialize {

namespace {

// Buffers bytes to a file descriptor and checksums them. kj's interface has
// no error channel: the first failure is kept in status() and later writes
// are dropped.
class ChecksummedFileStream final : public kj::OutputStream {
 public:
  ChecksummedFileStream(int fd, std::string path) : fd_(fd), path_(std::move(path)) { buffer_.reserve(kBuffer); }

  void write(const void* data, size_t size) override {
    if (!status_.ok()) return;
    checksum_.Update(data, size);
    bytes_ += size;
    const auto* p = static_cast<const uint8_t*>(data);
    if (buffer_.size() + size > kBuffer) {
      Flush();
      if (size >= kBuffer) {
        if (status_.ok()) status_ = WriteAll(fd_, p, size, path_);
        return;
      }
    }
    buffer_.insert(buffer_.end(), p, p + size);
  }
  void Flush() {
    if (status_.ok() && !buffer_.empty()) status_ = WriteAll(fd_, buffer_.data(), buffer_.size(), path_);
    buffer_.clear();
  }
  const Status& status() const { return status_; }
  uint64_t bytes() const { return bytes_; }
  uint64_t checksum() const { return checksum_.Digest(); }

 private:
  static constexpr size_t kBuffer = 1 << 20;
  int fd_;
  std::string path_;
  std::vector<uint8_t> buffer_;
  StreamingChecksum checksum_;
  uint64_t bytes_ = 0;
  Status status_;
};

// The records of one RecordChunk, in load order.
struct Chunk {
  std::vector<const graph::Entity*> entities;
  std::vector<const graph::Episode*> episodes;
  std::vector<const graph::Hyperedge*> hyperedges;
  std::vector<const graph::Tombstone*> tombstones;
  size_t size() const { return entities.size() + episodes.size() + hyperedges.size() + tombstones.size(); }
  void clear() {
    entities.clear();
    episodes.clear();
    hyperedges.clear();
    tombstones.clear();
  }
};

Status WriteChunk(const graph::Interner& names, const Chunk& chunk, kj::OutputStream& out) {
  capnp::MallocMessageBuilder message;
  auto root = message.initRoot<schema::RecordChunk>();
  auto entities = root.initEntities(static_cast<unsigned>(chunk.entities.size()));
  for (unsigned i = 0; i < entities.size(); ++i)
    MNEMO_RETURN_IF_ERROR(WriteEntity(names, *chunk.entities[i], entities[i]));
  auto episodes = root.initEpisodes(static_cast<unsigned>(chunk.episodes.size()));
  for (unsigned i = 0; i < episodes.size(); ++i)
    MNEMO_RETURN_IF_ERROR(WriteEpisode(names, *chunk.episodes[i], episodes[i]));
  auto edges = root.initHyperedges(static_cast<unsigned>(chunk.hyperedges.size()));
  for (unsigned i = 0; i < edges.size(); ++i)
    MNEMO_RETURN_IF_ERROR(WriteHyperedge(names, *chunk.hyperedges[i], edges[i]));
  auto tombstones = root.initTombstones(static_cast<unsigned>(chunk.tombstones.size()));
  for (unsigned i = 0; i < tombstones.size(); ++i) WriteTombstone(*chunk.tombstones[i], tombstones[i]);
  capnp::writeMessage(out, message);
  return Status::OK();
}

// Writes the body (head message, then the chunks) to `out`.
Status WriteBody(const graph::Hypergraph& store, uint64_t last_lsn, const IndexMetadata& indexes, kj::OutputStream& out,
                 uint64_t* records) {
  const uint64_t total =
      store.entities().size() + store.episodes().size() + store.hyperedges().size() + store.tombstones().size();
  *records = total;
  {
    capnp::MallocMessageBuilder message;
    auto head = message.initRoot<schema::SnapshotHead>();
    head.setLastLsn(last_lsn);
    head.setNextId(store.next_id());
    WriteSchema(store.schema(), head.initSchema());
    auto idx = head.initIndexes();
    idx.setEmbedder(capnp::Text::Reader(indexes.embedder.data(), indexes.embedder.size()));
    idx.setDimension(indexes.dimension);
    idx.setExactVectors(indexes.exact_vectors);
    head.setChunkCount((total + kSnapshotChunkRecords - 1) / kSnapshotChunkRecords);
    head.setEntityCount(store.entities().size());
    head.setEpisodeCount(store.episodes().size());
    head.setHyperedgeCount(store.hyperedges().size());
    head.setTombstoneCount(store.tombstones().size());
    head.setWrittenAt(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
    capnp::writeMessage(out, message);
  }
  const graph::Interner& names = store.names();
  Chunk chunk;
  auto flush_if_full = [&](bool force) -> Status {
    if (chunk.size() == 0 || (!force && chunk.size() < kSnapshotChunkRecords)) return Status::OK();
    MNEMO_RETURN_IF_ERROR(WriteChunk(names, chunk, out));
    chunk.clear();
    return Status::OK();
  };
  for (const auto& [id, e] : store.entities()) {
    chunk.entities.push_back(&e);
    MNEMO_RETURN_IF_ERROR(flush_if_full(false));
  }
  for (const auto& [id, ep] : store.episodes()) {
    chunk.episodes.push_back(&ep);
    MNEMO_RETURN_IF_ERROR(flush_if_full(false));
  }
  for (const auto& [id, h] : store.hyperedges()) {
    chunk.hyperedges.push_back(&h);
    MNEMO_RETURN_IF_ERROR(flush_if_full(false));
  }
  for (const graph::Tombstone& t : store.tombstones()) {
    chunk.tombstones.push_back(&t);
    MNEMO_RETURN_IF_ERROR(flush_if_full(false));
  }
  return flush_if_full(true);
}

std::string ParentOf(const std::string& path) {
  std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

}  // namespace

Result<SnapshotWritten> WriteSnapshot(const std::string& path, const graph::Hypergraph& store, uint64_t last_lsn,
                                      const IndexMetadata& indexes) {
  const std::string temp = path + std::string(kTempSuffix);
  MNEMO_ASSIGN_OR_RETURN(UniqueFd fd, OpenFile(temp, O_WRONLY | O_CREAT | O_TRUNC));
  auto fail = [&](Status st) -> Status {
    fd = UniqueFd();
    (void)RemoveFile(temp);
    return st;
  };
  uint8_t header_bytes[kSnapshotHeaderSize] = {};
  if (Status st = WriteAll(fd.get(), header_bytes, sizeof(header_bytes), temp); !st.ok()) return fail(st);

  ChecksummedFileStream out(fd.get(), temp);
  SnapshotWritten written;
  Status body;
  try {
    body = WriteBody(store, last_lsn, indexes, out, &written.records);
  } catch (const kj::Exception& e) {
    body = Status::Internal(std::string("cannot encode the snapshot: ") + e.getDescription().cStr());
  }
  if (!body.ok()) return fail(body);
  out.Flush();
  if (!out.status().ok()) return fail(out.status());

  SnapshotHeader header;
  header.last_lsn = last_lsn;
  header.body_size = out.bytes();
  header.body_checksum = out.checksum();
  header.record_count = written.records;
  EncodeSnapshotHeader(header, header_bytes);
  if (Status st = PwriteAll(fd.get(), header_bytes, sizeof(header_bytes), 0, temp); !st.ok()) return fail(st);
  if (Status st = SyncData(fd.get(), temp); !st.ok()) return fail(st);
  if (Status st = fd.Close(temp); !st.ok()) return fail(st);
  if (Status st = RenameFile(temp, path); !st.ok()) return fail(st);
  MNEMO_RETURN_IF_ERROR(SyncDirectory(ParentOf(path)));
  written.bytes = kSnapshotHeaderSize + out.bytes();
  return written;
}

}  // namespace mnemo::serialize
