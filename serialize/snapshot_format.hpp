// The fixed parts of the snapshot file (FORMAT.md, "Snapshot files"): its
// name, its 64-byte header, and the index metadata it records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.hpp"

namespace mnemo::serialize {

inline constexpr char kSnapshotMagic[8] = {'M', 'N', 'E', 'M', 'O', 'S', 'N', 'P'};
inline constexpr uint32_t kSnapshotVersion = 1;
inline constexpr uint32_t kSnapshotHeaderSize = 64;

// The header's fields (little-endian on disk):
//   0 magic[8]  8 version u32  12 header size u32  16 last LSN u64
//   24 body size u64  32 body checksum u64  40 record count u64
//   48 reserved u64 (0)  56 header checksum u64 (XXH3-64 of bytes 0..56)
struct SnapshotHeader {
  uint32_t version = kSnapshotVersion;
  uint64_t last_lsn = 0;
  uint64_t body_size = 0;
  uint64_t body_checksum = 0;
  uint64_t record_count = 0;  // entities + episodes + hyperedges + tombstones
};

void EncodeSnapshotHeader(const SnapshotHeader& header, uint8_t out[kSnapshotHeaderSize]);
// Checks magic, version, header size and the header checksum against a
// file of `file_size` bytes whose first bytes are `data`. Errors: Corruption
// (naming `path` and the field), Unsupported (a newer format version).
Result<SnapshotHeader> DecodeSnapshotHeader(const uint8_t* data, uint64_t file_size, const std::string& path);

// What the recall indexes were built with (IndexMetadata in snapshot.capnp).
struct IndexMetadata {
  std::string embedder;
  uint32_t dimension = 0;
  bool exact_vectors = false;
  friend bool operator==(const IndexMetadata&, const IndexMetadata&) = default;
};

// "snapshot-00000000000000000042.mnemo": the LSN it ends at, zero-padded so
// names sort like LSNs.
std::string SnapshotFileName(uint64_t last_lsn);
// The LSN of a snapshot file name; nullopt for any other name (temporary
// files included).
std::optional<uint64_t> ParseSnapshotFileName(std::string_view name);
inline constexpr std::string_view kTempSuffix = ".tmp";

}  // namespace mnemo::serialize
