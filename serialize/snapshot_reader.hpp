// Reading a snapshot: verify the whole file, then decode it into a store
// straight from a read-only memory mapping (FORMAT.md, "Snapshot files").
#pragma once

#include <cstdint>
#include <string>

#include "base/status.hpp"
#include "graph/hypergraph.hpp"
#include "serialize/file_util.hpp"
#include "serialize/snapshot_format.hpp"

namespace mnemo::serialize {

// A mapped snapshot whose header and body checksum have passed.
struct VerifiedSnapshot {
  std::string path;
  MappedFile file;
  SnapshotHeader header;
};

// What a loaded snapshot said about itself.
struct SnapshotContents {
  uint64_t last_lsn = 0;
  uint64_t next_id = 0;
  IndexMetadata indexes;
  uint64_t entities = 0, episodes = 0, hyperedges = 0, tombstones = 0;
  uint64_t bytes = 0;
};

// Maps `path` and checks magic, version, header checksum, size and the body
// checksum. Nothing is decoded. Errors: IOError; Corruption naming the file
// and the region that failed; Unsupported for a newer format version.
Result<VerifiedSnapshot> VerifySnapshot(const std::string& path);

// Decodes a verified snapshot into `store`, which must be empty (a freshly
// constructed Hypergraph). Errors: Corruption naming the file, the message
// and its offset when the contents do not decode or do not fit together (a
// fact binding a missing entity, counts that disagree with the head). On
// error the store holds part of the snapshot and must be discarded.
Result<SnapshotContents> LoadSnapshot(const VerifiedSnapshot& snapshot, graph::Hypergraph& store);

}  // namespace mnemo::serialize
