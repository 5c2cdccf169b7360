// Record ids and interned names.
//
// Every record (entity, hyperedge, episode) gets a stable 64-bit id from one
// counter, so `FORGET 17` needs no kind. Id 0 means "none".
#pragma once

#include <cstdint>

namespace mnemo::graph {

using Id = uint64_t;
inline constexpr Id kNoId = 0;

// An interned string (type, role, property name, session, source): see Interner.
using Symbol = uint32_t;
inline constexpr Symbol kNoSymbol = 0;

enum class RecordKind : uint8_t { kNone, kEntity, kHyperedge, kEpisode };

}  // namespace mnemo::graph
