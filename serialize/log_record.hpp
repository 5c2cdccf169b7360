// Log records: one committed group of writes as the after-images of the
// records it touched (FORMAT.md, "Log records").
//
// The log is physical: replaying a record places whole records with the
// store's loading API, so it reproduces the writer's state exactly without
// re-running statements (no clock, schema checks or supersession rules are
// consulted again).
#pragma once

#include <capnp/common.h>
#include <kj/array.h>

#include <cstdint>

#include "base/status.hpp"
#include "graph/hypergraph.hpp"
#include "serialize/snapshot.capnp.h"

namespace mnemo::serialize {

// Encodes store.changes() — the open group, or the last one committed — as a
// flat Cap'n Proto message: the current image of every record it lists that
// still exists, the ids of those that do not (erased), the whole schema when
// it changed, the tombstones it added and the id counter.
// Errors: ResourceLimit / InvalidArgument when a value has no stored form.
Result<kj::Array<capnp::word>> EncodeLogRecord(const graph::Hypergraph& store, uint64_t lsn);

// Applies a record to the store it was written after, in an order where
// every step finds what it needs: schema; entities; episodes; erase removed
// facts; facts; erase removed entities and episodes; tombstones; id counter.
// Errors: Corruption when the record does not fit the store (a fact binds a
// missing entity, an unknown enum value). May throw kj::Exception on a
// malformed message: callers catch it.
Status ApplyLogRecord(schema::LogRecord::Reader record, graph::Hypergraph& store);

}  // namespace mnemo::serialize
