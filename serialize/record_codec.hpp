// The Cap'n Proto form of the store's records (snapshot.capnp), shared by
// snapshots and log records.
//
// Write* take names as text from the store's interner; Read* intern them in
// the target store's interner (symbols are private to a process). Read*
// throw kj::Exception when a message is malformed (a pointer out of bounds):
// the snapshot and log readers catch it and report Corruption, so no
// exception leaves this module. Semantic problems (an unknown enum value)
// come back as Corruption.
#pragma once

#include <capnp/message.h>

#include "base/status.hpp"
#include "graph/hypergraph.hpp"
#include "serialize/snapshot.capnp.h"

namespace mnemo::serialize {

// Values nested deeper than this (lists in lists ...) have no stored form:
// writing one fails with ResourceLimit, so a memory never holds a file its
// reader would refuse.
inline constexpr int kMaxStoredValueDepth = 1000;

// Options for reading messages this module wrote, once their checksum has
// passed: no traversal limit (a snapshot may be gigabytes), nesting deep
// enough for kMaxStoredValueDepth.
capnp::ReaderOptions StoredMessageOptions();

Status WriteValue(const graph::Value& value, schema::Value::Builder out);
graph::Value ReadValue(schema::Value::Reader in);

Status WriteEntity(const graph::Interner& names, const graph::Entity& e, schema::Entity::Builder out);
Status WriteHyperedge(const graph::Interner& names, const graph::Hyperedge& h, schema::Hyperedge::Builder out);
Status WriteEpisode(const graph::Interner& names, const graph::Episode& ep, schema::Episode::Builder out);
void WriteTombstone(const graph::Tombstone& t, schema::Tombstone::Builder out);
void WriteSchema(const graph::Schema& s, schema::Schema::Builder out);

graph::Entity ReadEntity(schema::Entity::Reader in, graph::Interner& names);
graph::Hyperedge ReadHyperedge(schema::Hyperedge::Reader in, graph::Interner& names);
graph::Episode ReadEpisode(schema::Episode::Reader in, graph::Interner& names);
Result<graph::Tombstone> ReadTombstone(schema::Tombstone::Reader in);
// Rebuilds the schema definition by definition. Errors: Corruption (an
// unknown enum value, or definitions the schema itself refuses).
Result<graph::Schema> ReadSchema(schema::Schema::Reader in);

}  // namespace mnemo::serialize
