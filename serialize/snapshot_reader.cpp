#include "serialize/snapshot_reader.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <algorithm>

#include "serialize/checksum.hpp"
#include "serialize/record_codec.hpp"

namespace mnemo::serialize {

Result<VerifiedSnapshot> VerifySnapshot(const std::string& path) {
  VerifiedSnapshot snap;
  snap.path = path;
  MNEMO_ASSIGN_OR_RETURN(snap.file, MappedFile::Open(path));
  MNEMO_ASSIGN_OR_RETURN(snap.header, DecodeSnapshotHeader(snap.file.data(), snap.file.size(), path));
  const uint8_t* body = snap.file.data() + kSnapshotHeaderSize;
  if (Checksum(body, snap.header.body_size) != snap.header.body_checksum)
    return Status::Corruption("snapshot '" + path + "': the body (bytes " + std::to_string(kSnapshotHeaderSize) + "-" +
                              std::to_string(kSnapshotHeaderSize + snap.header.body_size) + ") fails its checksum");
  return snap;
}

namespace {

// Walks the messages of a body, one FlatArrayMessageReader at a time.
class MessageCursor {
 public:
  MessageCursor(const VerifiedSnapshot& snap)
      : path_(snap.path),
        base_(snap.file.data()),
        next_(reinterpret_cast<const capnp::word*>(snap.file.data() + kSnapshotHeaderSize)),
        end_(next_ + snap.header.body_size / sizeof(capnp::word)) {}

  bool done() const { return next_ == end_; }
  uint64_t offset() const { return static_cast<uint64_t>(reinterpret_cast<const uint8_t*>(next_) - base_); }
  // The next message; throws kj::Exception when it is malformed.
  std::unique_ptr<capnp::FlatArrayMessageReader> Next() {
    auto reader = std::make_unique<capnp::FlatArrayMessageReader>(kj::ArrayPtr<const capnp::word>(next_, end_),
                                                                  StoredMessageOptions());
    next_ = reader->getEnd();
    return reader;
  }
  Status Error(const std::string& what, uint64_t offset) const {
    return Status::Corruption("snapshot '" + path_ + "': " + what + " (message at offset " + std::to_string(offset) +
                              ")");
  }

 private:
  std::string path_;
  const uint8_t* base_;
  const capnp::word* next_;
  const capnp::word* end_;
};

Status LoadChunk(schema::RecordChunk::Reader chunk, graph::Hypergraph& store, SnapshotContents& counts,
                 const MessageCursor& cursor, uint64_t offset) {
  graph::Interner& names = store.names();
  for (auto e : chunk.getEntities()) {
    store.PutEntity(ReadEntity(e, names));
    ++counts.entities;
  }
  for (auto ep : chunk.getEpisodes()) {
    store.PutEpisode(ReadEpisode(ep, names));
    ++counts.episodes;
  }
  for (auto h : chunk.getHyperedges()) {
    Status st = store.PutHyperedge(ReadHyperedge(h, names));
    if (!st.ok()) return cursor.Error(st.message(), offset);
    ++counts.hyperedges;
  }
  for (auto t : chunk.getTombstones()) {
    auto tombstone = ReadTombstone(t);
    if (!tombstone.ok()) return cursor.Error(tombstone.status().message(), offset);
    store.PutTombstone(*tombstone);
    ++counts.tombstones;
  }
  return Status::OK();
}

Result<SnapshotContents> Decode(const VerifiedSnapshot& snap, graph::Hypergraph& store, MessageCursor& cursor,
                                uint64_t& offset) {
  SnapshotContents contents;
  contents.bytes = snap.file.size();
  offset = cursor.offset();
  if (cursor.done()) return cursor.Error("the body holds no head message", offset);
  auto head_message = cursor.Next();
  auto head = head_message->getRoot<schema::SnapshotHead>();
  contents.last_lsn = head.getLastLsn();
  contents.next_id = head.getNextId();
  auto idx = head.getIndexes();
  contents.indexes.embedder = std::string(idx.getEmbedder().cStr(), idx.getEmbedder().size());
  contents.indexes.dimension = idx.getDimension();
  contents.indexes.exact_vectors = idx.getExactVectors();
  if (contents.last_lsn != snap.header.last_lsn)
    return cursor.Error("the head says LSN " + std::to_string(contents.last_lsn) + ", the file header " +
                            std::to_string(snap.header.last_lsn),
                        offset);
  auto schema = ReadSchema(head.getSchema());
  if (!schema.ok()) return cursor.Error(schema.status().message(), offset);
  store.PutSchema(std::move(schema).value());

  // Entities come first; the facts after them find theirs through the bulk index.
  struct BulkLoad {
    graph::Hypergraph& g;
    ~BulkLoad() { g.EndBulkLoad(); }
  } bulk{store};
  // (Sized by the head, bounded by what the file could hold.)
  store.BeginBulkLoad(std::min<uint64_t>(head.getEntityCount(), snap.header.body_size / 64));
  const uint64_t chunks = head.getChunkCount();
  for (uint64_t i = 0; i < chunks; ++i) {
    offset = cursor.offset();
    if (cursor.done())
      return cursor.Error("the body ends after " + std::to_string(i) + " of " + std::to_string(chunks) + " chunks",
                          offset);
    auto message = cursor.Next();
    MNEMO_RETURN_IF_ERROR(LoadChunk(message->getRoot<schema::RecordChunk>(), store, contents, cursor, offset));
  }
  offset = cursor.offset();
  if (!cursor.done()) return cursor.Error("bytes follow the last chunk", offset);
  if (contents.entities != head.getEntityCount() || contents.episodes != head.getEpisodeCount() ||
      contents.hyperedges != head.getHyperedgeCount() || contents.tombstones != head.getTombstoneCount())
    return cursor.Error("the record counts disagree with the head", 0);
  store.PutNextId(contents.next_id);
  return contents;
}

}  // namespace

Result<SnapshotContents> LoadSnapshot(const VerifiedSnapshot& snap, graph::Hypergraph& store) {
  MessageCursor cursor(snap);
  uint64_t offset = kSnapshotHeaderSize;
  try {
    return Decode(snap, store, cursor, offset);
  } catch (const kj::Exception& e) {
    return cursor.Error(std::string("malformed message: ") + e.getDescription().cStr(), offset);
  }
}

}  // namespace mnemo::serialize
