// Conversion of graph::Value to and from its Cap'n Proto form (snapshot.capnp).
//
// Only storable values (no node/relationship/path references) have an
// on-disk form; Encode returns InvalidArgument for the others.
#pragma once

#include <string>

#include "base/status.hpp"
#include "graph/value.hpp"

namespace mnemo::serialize {

// A self-contained flat Cap'n Proto message holding one Value.
Result<std::string> EncodeValue(const graph::Value& value);
// Errors: Corruption when the bytes are not a valid message.
Result<graph::Value> DecodeValue(std::string_view bytes);

}  // namespace mnemo::serialize
