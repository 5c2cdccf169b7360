@0xc7a3e2f1b4d5a691;
# The stored form of a mnemo memory: snapshot files and write-ahead log
# records use the same structs for the same records. See FORMAT.md beside
# this file for the files around these messages.
#
# Evolution: fields are only ever added (with the next ordinal), never
# renumbered, retyped or removed; readers of a newer file ignore what they do
# not know, and fields missing from an older file read as their defaults.
# Names (types, roles, properties, sessions, sources) are stored as text:
# interned symbols are private to a process.

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("mnemo::serialize::schema");

# --- values ------------------------------------------------------------------

struct Value {
  union {
    null @0 :Void;
    bool @1 :Bool;
    int @2 :Int64;
    float @3 :Float64;
    text @4 :Text;
    date @5 :Int64;       # microseconds since the Unix epoch, midnight UTC
    datetime @6 :Int64;   # microseconds since the Unix epoch, UTC
    list @7 :List(Value);
    map @8 :List(MapEntry);
  }
}

struct MapEntry {
  key @0 :Text;
  value @1 :Value;
}

# Microseconds since the Unix epoch; INT64_MAX is "forever", INT64_MIN the
# beginning of time.
struct Bitemporal {
  validFrom @0 :Int64;
  validTo @1 :Int64;
  recordedAt @2 :Int64;
  retractedAt @3 :Int64;
  closedAt @4 :Int64;            # when validTo was last set by a closing (forever: never closed)
  validToBeforeClose @5 :Int64;  # validTo before that closing
}

struct Property {
  name @0 :Text;
  value @1 :Value;
}

# --- records -----------------------------------------------------------------
# Ids come from one counter shared by all kinds; 0 means "none".

struct PropertyVersion {
  name @0 :Text;
  value @1 :Value;   # null: the property was absent then
  time @2 :Bitemporal;
}

struct Entity {
  id @0 :UInt64;
  types @1 :List(Text);       # labels, in the order they were added
  keyType @2 :Text;           # the type whose KEY `key` is; empty: no key
  key @3 :Value;
  properties @4 :List(Property);            # current values, in insertion order
  propertyHistory @5 :List(PropertyVersion); # oldest first
  aliases @6 :List(Text);
  time @7 :Bitemporal;
  forgotten @8 :Bool;
  # Incidence lists are not stored: they are derived from the facts.
}

struct RoleBinding {
  role @0 :Text;
  entity @1 :UInt64;   # the bound entity; 0: the role holds `value`
  value @2 :Value;
}

struct EarlierClose {
  closedAt @0 :Int64;
  validToBefore @1 :Int64;
}

struct Hyperedge {
  id @0 :UInt64;
  type @1 :Text;
  isEvent @2 :Bool;
  roles @3 :List(RoleBinding);   # in declaration order; a MANY role may repeat
  properties @4 :List(Property);
  time @5 :Bitemporal;
  provenance @6 :List(UInt64);   # episode ids
  confidence @7 :Float64;
  supersededBy @8 :UInt64;
  forgotten @9 :Bool;
  earlierCloses @10 :List(EarlierClose);  # oldest first
  embedding @11 :List(Float32);  # given by the client; empty: derived by the embedder
}

struct Episode {
  id @0 :UInt64;
  text @1 :Text;
  time @2 :Int64;
  speaker @3 :UInt64;     # an entity, or 0
  session @4 :Text;
  source @5 :Text;
  trust @6 :Float64;
  about @7 :List(UInt64);
  embedding @8 :List(Float32);
  timeline @9 :Bitemporal;
  forgotten @10 :Bool;
}

enum RecordKind {
  none @0;
  entity @1;
  hyperedge @2;
  episode @3;
}

struct Tombstone {
  id @0 :UInt64;
  kind @1 :RecordKind;
  purgedAt @2 :Int64;
}

# --- schema --------------------------------------------------------------------

enum PropertyType {
  any @0;
  text @1;
  int @2;
  float @3;
  bool @4;
  date @5;
  datetime @6;
  list @7;
  map @8;
}

struct PropertyDef {
  name @0 :Text;
  type @1 :PropertyType;
  isKey @2 :Bool;
}

struct EntityType {
  name @0 :Text;
  properties @1 :List(PropertyDef);
}

enum Cardinality {
  one @0;
  many @1;
}

struct RoleDef {
  name @0 :Text;
  entityType @1 :Text;        # a type name or "ANY"; empty for a value role
  takesValue @2 :Bool;        # a value role: its values have `valueType`
  valueType @3 :PropertyType;
  cardinality @4 :Cardinality;
}

struct RelationType {
  name @0 :Text;
  isEvent @1 :Bool;
  roles @2 :List(RoleDef);
  properties @3 :List(PropertyDef);
  uniqueRoles @4 :List(Text);
}

struct Schema {
  entities @0 :List(EntityType);     # in declaration order
  relations @1 :List(RelationType);
}

# --- snapshot ------------------------------------------------------------------
# A snapshot body is one SnapshotHead message followed by `chunkCount`
# RecordChunk messages (FORMAT.md).

# What the recall indexes were built with when the snapshot was written. The
# indexes themselves are derived data, rebuilt on open.
struct IndexMetadata {
  embedder @0 :Text;      # the embedder's name: vectors of different names are not comparable
  dimension @1 :UInt32;
  exactVectors @2 :Bool;  # flat (exact) rather than HNSW vector search
}

struct SnapshotHead {
  lastLsn @0 :UInt64;     # the last log record whose changes the snapshot holds
  nextId @1 :UInt64;
  schema @2 :Schema;
  indexes @3 :IndexMetadata;
  chunkCount @4 :UInt64;
  entityCount @5 :UInt64;
  episodeCount @6 :UInt64;
  hyperedgeCount @7 :UInt64;
  tombstoneCount @8 :UInt64;
  writtenAt @9 :Int64;    # wall-clock time of writing, microseconds (informational)
}

# Records in load order: all entity chunks come before episode chunks, which
# come before hyperedge chunks, then tombstones. A chunk may hold several kinds.
struct RecordChunk {
  entities @0 :List(Entity);
  episodes @1 :List(Episode);
  hyperedges @2 :List(Hyperedge);
  tombstones @3 :List(Tombstone);
}

# --- write-ahead log -------------------------------------------------------------

# One committed group of writes, as after-images.
struct LogRecord {
  lsn @0 :UInt64;                  # log sequence number: one more than the record before
  nextId @1 :UInt64;               # the id counter after the group
  schema @2 :Schema;               # the whole schema, set only when the group changed it
  entities @3 :List(Entity);       # created or changed, as they are after the group
  episodes @4 :List(Episode);
  hyperedges @5 :List(Hyperedge);
  erased @6 :List(UInt64);         # ids the group removed (of any kind)
  tombstones @7 :List(Tombstone);  # added by the group (PURGE)
}
