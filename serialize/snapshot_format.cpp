#include "serialize/snapshot_format.hpp"

#include <cstdio>
#include <cstring>

#include "serialize/checksum.hpp"

namespace mnemo::serialize {

namespace {
constexpr std::string_view kPrefix = "snapshot-";
constexpr std::string_view kSuffix = ".mnemo";
constexpr size_t kLsnDigits = 20;
}  // namespace

void EncodeSnapshotHeader(const SnapshotHeader& header, uint8_t out[kSnapshotHeaderSize]) {
  std::memset(out, 0, kSnapshotHeaderSize);
  std::memcpy(out, kSnapshotMagic, sizeof(kSnapshotMagic));
  PutU32(out + 8, header.version);
  PutU32(out + 12, kSnapshotHeaderSize);
  PutU64(out + 16, header.last_lsn);
  PutU64(out + 24, header.body_size);
  PutU64(out + 32, header.body_checksum);
  PutU64(out + 40, header.record_count);
  PutU64(out + 56, Checksum(out, 56));
}

Result<SnapshotHeader> DecodeSnapshotHeader(const uint8_t* data, uint64_t file_size, const std::string& path) {
  const std::string where = "snapshot '" + path + "'";
  if (file_size < kSnapshotHeaderSize)
    return Status::Corruption(where + " is " + std::to_string(file_size) + " bytes, shorter than its " +
                              std::to_string(kSnapshotHeaderSize) + "-byte header (a partial write)");
  if (std::memcmp(data, kSnapshotMagic, sizeof(kSnapshotMagic)) != 0)
    return Status::Corruption(where + ": bytes 0-7 are not the snapshot magic 'MNEMOSNP'");
  SnapshotHeader h;
  h.version = GetU32(data + 8);
  const uint32_t header_size = GetU32(data + 12);
  // Every version keeps magic, version and header size at bytes 0-15 and
  // ends its header with the checksum of the bytes before it; that tells a
  // newer file from a damaged one.
  const bool sane_size = header_size >= 24 && header_size % 8 == 0 && header_size <= file_size;
  const bool header_sums = sane_size && GetU64(data + header_size - 8) == Checksum(data, header_size - 8);
  if (!header_sums)
    return Status::Corruption(where + ": the header (bytes 0-" + std::to_string(kSnapshotHeaderSize - 1) +
                              ") fails its checksum");
  if (h.version > kSnapshotVersion)
    return Status::Unsupported(where + " has format version " + std::to_string(h.version) +
                               ", newer than this build reads (" + std::to_string(kSnapshotVersion) + ")");
  if (h.version == 0 || header_size != kSnapshotHeaderSize)
    return Status::Corruption(where + ": the header has version " + std::to_string(h.version) + " and size " +
                              std::to_string(header_size) + ", which no format has");
  h.last_lsn = GetU64(data + 16);
  h.body_size = GetU64(data + 24);
  h.body_checksum = GetU64(data + 32);
  h.record_count = GetU64(data + 40);
  if (h.body_size != file_size - kSnapshotHeaderSize)
    return Status::Corruption(where + " is " + std::to_string(file_size) + " bytes but its header says " +
                              std::to_string(kSnapshotHeaderSize + h.body_size) + " (a partial or extended file)");
  if (h.body_size % 8 != 0)
    return Status::Corruption(where + ": body size " + std::to_string(h.body_size) + " is not a whole number of words");
  return h;
}

std::string SnapshotFileName(uint64_t last_lsn) {
  char digits[kLsnDigits + 1];
  std::snprintf(digits, sizeof(digits), "%020llu", static_cast<unsigned long long>(last_lsn));
  return std::string(kPrefix) + digits + std::string(kSuffix);
}

std::optional<uint64_t> ParseSnapshotFileName(std::string_view name) {
  if (name.size() != kPrefix.size() + kLsnDigits + kSuffix.size()) return std::nullopt;
  if (name.substr(0, kPrefix.size()) != kPrefix || name.substr(name.size() - kSuffix.size()) != kSuffix)
    return std::nullopt;
  uint64_t lsn = 0;
  for (char c : name.substr(kPrefix.size(), kLsnDigits)) {
    if (c < '0' || c > '9') return std::nullopt;
    const uint64_t next = lsn * 10 + static_cast<uint64_t>(c - '0');
    if (next / 10 != lsn) return std::nullopt;  // overflow
    lsn = next;
  }
  return lsn;
}

}  // namespace mnemo::serialize
