// Checksums of the stored formats: XXH3-64 (xxHash 0.8), seed 0.
//
// Not a defence against deliberate tampering: it detects torn writes, bit
// rot and truncation.
#pragma once

#include <xxhash.h>

#include <cstddef>
#include <cstdint>

namespace mnemo::serialize {

inline uint64_t Checksum(const void* data, size_t size) { return XXH3_64bits(data, size); }

// The checksum of several pieces, equal to Checksum() of their concatenation.
class StreamingChecksum {
 public:
  StreamingChecksum() : state_(XXH3_createState()) { XXH3_64bits_reset(state_); }
  ~StreamingChecksum() { XXH3_freeState(state_); }
  StreamingChecksum(const StreamingChecksum&) = delete;
  StreamingChecksum& operator=(const StreamingChecksum&) = delete;
  void Update(const void* data, size_t size) { XXH3_64bits_update(state_, data, size); }
  uint64_t Digest() const { return XXH3_64bits_digest(state_); }

 private:
  XXH3_state_t* state_;
};

// Little-endian fixed-width fields of the file headers.
inline void PutU32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}
inline void PutU64(uint8_t* p, uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}
inline uint32_t GetU32(const uint8_t* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(p[i]) << (8 * i);
  return v;
}
inline uint64_t GetU64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(p[i]) << (8 * i);
  return v;
}

}  // namespace mnemo::serialize
