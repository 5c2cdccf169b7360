// Hypergraph: the store of entities, hyperedges (facts and events) and episodes.
//
// Contract
//  - Ids are stable 64-bit numbers from one counter shared by all record
//    kinds; they are never reused (a rolled-back write gives its ids back).
//  - Every write is checked against the Schema first and changes nothing when
//    it fails. Writes made between Begin() and Commit() can be undone as a
//    whole with Rollback(): that is how a statement is made atomic.
//  - Incidence lists give, for any entity, the hyperedges binding it, with
//    their type and role, in O(degree); removing a hyperedge or an entity
//    leaves no dangling incidence.
//  - Keys: for every type t of an entity, the value of t's key property (the
//    declared KEY, or `name` for an undeclared type) indexes the entity under
//    (t, value). Declared KEYs are unique and required; `name` is neither.
//  - Transaction time comes from the Clock given at construction: each write
//    is stamped `recorded_at = clock.Now()`; valid time defaults to
//    [recorded_at, forever).
// Thread-safety: none inside; callers serialise writers and exclude readers
// during writes (engine::Database does).
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.hpp"
#include "graph/interner.hpp"
#include "graph/records.hpp"
#include "graph/schema.hpp"
#include "temporal/clock.hpp"

namespace mnemo::graph {

struct EntitySpec {
  std::vector<std::string> types;
  std::vector<std::pair<std::string, Value>> properties;
  std::vector<std::string> aliases;
  std::optional<temporal::Timestamp> valid_from, valid_to;
};

struct RoleSpec {
  std::string role;
  Id entity = kNoId;  // bind this entity, or
  Value value;        // this value when entity == kNoId
};

struct HyperedgeSpec {
  std::string type;
  bool is_event = false;
  std::vector<RoleSpec> roles;
  std::vector<std::pair<std::string, Value>> properties;
  std::optional<temporal::Timestamp> valid_from, valid_to;
  std::vector<Id> provenance;
  double confidence = 1.0;
  std::vector<float> embedding;
};

struct EpisodeSpec {
  std::string text;
  std::optional<temporal::Timestamp> time;  // default: now
  Id speaker = kNoId;
  std::string session;
  std::string source;
  double trust = 1.0;
  std::vector<Id> about;
  std::vector<float> embedding;
};

// What is left of a purged record.
struct Tombstone {
  Id id = kNoId;
  RecordKind kind = RecordKind::kNone;
  temporal::Timestamp purged_at = 0;
};

// What one group of writes changed: the ids of every record it created,
// changed or removed (each once, in first-touch order; look the id up to see
// whether it still exists), whether the schema changed, and the tombstones it
// added (tombstones()[tombstones_before..]). Derived data (incidence, type
// and key indexes) is not listed: it follows from the records.
struct ChangeSet {
  std::vector<Id> records;
  bool schema = false;
  size_t tombstones_before = 0;
  bool empty() const { return records.empty() && !schema; }
};

struct StoreCounts {
  size_t entities = 0, hyperedges = 0, episodes = 0, symbols = 0;
};

class Hypergraph {
 public:
  // `clock` may be null: a SystemClock is used. A non-null clock must outlive the store.
  explicit Hypergraph(temporal::Clock* clock = nullptr);
  ~Hypergraph();
  Hypergraph(const Hypergraph&) = delete;
  Hypergraph& operator=(const Hypergraph&) = delete;

  Interner& names() { return names_; }
  const Interner& names() const { return names_; }
  const Schema& schema() const { return schema_; }
  temporal::Clock& clock() { return *clock_; }

  // --- atomic groups of writes ---------------------------------------------
  // Begin() opens a group (groups do not nest); Commit() keeps its writes,
  // Rollback() undoes them in reverse order, ids included. When `at` is
  // given, every write of the group is stamped with that one transaction
  // time (a statement happens at one instant); otherwise each write asks the clock.
  void Begin(std::optional<temporal::Timestamp> at = std::nullopt);
  void Commit();
  void Rollback();
  bool in_group() const { return journaling_; }
  // The changes of the open group, or of the last one committed (until the
  // next Begin). Writes outside a group are not recorded.
  const ChangeSet& changes() const { return changes_; }

  // --- loading (snapshot, write-ahead log replay, import) ---------------------
  // These place whole records with their ids, outside any group and without
  // schema checks (the records were checked when first written). Derived
  // data follows: type and key indexes, and incidence lines — a fact's lines
  // are past when it is retracted or was closed at or after its valid end.
  // The Symbols inside a record must come from names().
  // Inserts or replaces an entity; its incidence fields are ignored.
  void PutEntity(Entity entity);
  // Inserts or replaces a fact. Errors: NotFound when a role names a missing entity.
  Status PutHyperedge(Hyperedge edge);
  void PutEpisode(Episode episode);
  // Removes a record of any kind with its incidence lines (no-op when absent).
  void EraseRecord(Id id);
  void PutTombstone(const Tombstone& tombstone) { tombstones_.push_back(tombstone); }
  // Replaces the schema; key indexes are rebuilt.
  void PutSchema(Schema schema);
  // Raises the id counter to at least `next` (ids are never reused).
  void PutNextId(Id next) { next_id_ = std::max(next_id_, next); }
  // A bulk load (a whole snapshot): between BeginBulkLoad and EndBulkLoad
  // only the loading functions above are called, and PutHyperedge finds the
  // entities a fact binds through a hash index of the entities (built from
  // those present and those put meanwhile) instead of the ordered id map.
  // `expected_entities` sizes that index.
  void BeginBulkLoad(size_t expected_entities);
  void EndBulkLoad();

  // --- schema ----------------------------------------------------------------
  // Declaring a type checks the records that already carry it.
  Status DefineEntity(EntityTypeDef def);
  Status DefineRelation(RelationTypeDef def);

  // --- entities --------------------------------------------------------------
  Result<Id> AddEntity(const EntitySpec& spec);
  // Sets a property; a null value removes it. Errors: NotFound, SchemaViolation,
  // Constraint (duplicate KEY).
  Status SetEntityProperty(Id id, std::string_view name, Value value);
  Status AddEntityType(Id id, std::string_view type);
  Status RemoveEntityType(Id id, std::string_view type);
  Status AddAlias(Id id, std::string alias);
  // Removes an alias (no-op when the entity does not have it). Errors: NotFound.
  Status RemoveAlias(Id id, std::string_view alias);
  // Ends the transaction time of an entity at `when`: reads now no longer see
  // it, reads KNOWN AT an earlier time still do. Its facts are untouched.
  // Errors: NotFound; InvalidArgument when it is already retracted.
  Status RetractEntity(Id id, temporal::Timestamp when);
  // Without `detach`, an entity that still takes part in a hyperedge is a
  // Constraint error; with it, those hyperedges are removed first.
  Status RemoveEntity(Id id, bool detach);

  // --- hyperedges -------------------------------------------------------------
  Result<Id> AddHyperedge(const HyperedgeSpec& spec);
  Status SetHyperedgeProperty(Id id, std::string_view name, Value value);
  Status RemoveHyperedge(Id id);

  // Ends the transaction time of a fact at `when` (RETRACT): history keeps it.
  // Errors: NotFound; InvalidArgument when it is already retracted.
  Status RetractHyperedge(Id id, temporal::Timestamp when);
  // Supersession: ends a fact's valid time at `valid_to` and links the fact
  // that replaces it. When the fact can no longer be current (valid_to is not
  // after `now`), its incidence lines move to the past lists.
  Status CloseHyperedge(Id id, temporal::Timestamp valid_to, Id superseded_by, temporal::Timestamp now);
  // Sets the valid end (as if always so) and the successor of a fact the
  // current statement wrote, or only the successor when valid_to is unchanged.
  Status BoundHyperedge(Id id, temporal::Timestamp valid_to, Id superseded_by);
  // Adds episodes to a fact's provenance (duplicates are skipped).
  Status AddProvenance(Id id, const std::vector<Id>& episodes);
  // Binds role `role_index` of a fact to another entity (MERGE ENTITY): the
  // incidence line moves with it, staying current or past as it was. Errors:
  // NotFound (fact or entity); InvalidArgument when that role binds a value
  // or the index is out of range; SchemaViolation when a declared role does
  // not take the entity's types.
  Status RebindRole(Id id, size_t role_index, Id entity);

  // --- episodes ---------------------------------------------------------------
  Result<Id> AddEpisode(const EpisodeSpec& spec);
  // Replaces the entities an episode is linked to — its speaker (kNoId:
  // none) and `about` — keeping its text and times (MERGE ENTITY moves these
  // links). Errors: NotFound (the episode or one of the entities).
  Status SetEpisodeEntities(Id id, Id speaker, std::vector<Id> about);
  Status RemoveEpisode(Id id);

  // --- lifecycle ----------------------------------------------------------------
  // FORGET (archived = true) hides a record of any kind from reads; RESTORE
  // (archived = false) brings it back. Errors: NotFound.
  Status SetForgotten(Id id, bool archived);
  // PURGE: erases a record for good (an entity with its facts; an episode
  // also from every fact's provenance) and leaves a tombstone.
  Status Purge(Id id, temporal::Timestamp when);
  using Tombstone = graph::Tombstone;
  const std::vector<Tombstone>& tombstones() const { return tombstones_; }

  // --- reads ------------------------------------------------------------------
  RecordKind KindOf(Id id) const;
  const Entity* entity(Id id) const;
  const Hyperedge* hyperedge(Id id) const;
  const Episode* episode(Id id) const;

  // The entities indexed under (type, key value), lowest id first.
  std::vector<Id> FindByKey(std::string_view type, const Value& key) const;
  // The key property of a type: its declared KEY, else "name".
  std::string_view KeyPropertyOf(std::string_view type) const;
  // Entities carrying `type`, in id order (empty when none / unknown type).
  const std::vector<Id>& EntitiesOfType(std::string_view type) const;
  // Hyperedges of `type`, in id order.
  const std::vector<Id>& HyperedgesOfType(std::string_view type) const;
  const std::map<Id, Entity>& entities() const { return entities_; }
  const std::map<Id, Hyperedge>& hyperedges() const { return hyperedges_; }
  const std::map<Id, Episode>& episodes() const { return episodes_; }

  // Calls f(const Incidence&) for each incidence of `entity` whose type and
  // role match (kNoSymbol matches any), current lines only unless
  // `with_past`. O(degree).
  template <typename F>
  void ForEachIncidence(Id entity_id, Symbol type, Symbol role, F&& f, bool with_past = false) const {
    const Entity* e = entity(entity_id);
    if (!e) return;
    for (const Incidence& inc : e->incidence)
      if ((type == kNoSymbol || inc.type == type) && (role == kNoSymbol || inc.role == role)) f(inc);
    if (with_past)
      for (const Incidence& inc : e->past_incidence)
        if ((type == kNoSymbol || inc.type == type) && (role == kNoSymbol || inc.role == role)) f(inc);
  }
  // Property lookup by name without interning (nullptr when absent).
  const Value* EntityProperty(Id id, std::string_view name) const;

  StoreCounts counts() const;
  Id next_id() const { return next_id_; }

 private:
  using KeyIndex = std::unordered_map<Value, std::vector<Id>, ValueHash, ValueEquivalent>;

  Id NewId();
  temporal::Timestamp StampTime();
  void Journal(std::function<void()> undo);
  void Touch(Id id);  // records a changed record in changes_
  Status CheckEntity(const std::vector<std::string>& types,
                     const std::vector<std::pair<std::string, Value>>& props) const;
  Status CheckHyperedge(const HyperedgeSpec& spec) const;
  Status CheckKeyFree(Symbol type, const Value& key, Id self) const;
  bool IsDeclaredKey(Symbol type, Symbol property) const;
  Symbol KeySymbolOf(Symbol type) const;
  void IndexKey(Symbol type, const Value& key, Id id);
  void UnindexKey(Symbol type, const Value& key, Id id);
  void EraseIncidence(Id entity, Id edge);
  // Moves the line (edge, role) of `from` to `to`, on the same side (current
  // or past); returns where it stood in `from`'s list (past: true) or
  // nullopt when `from` has no such line.
  std::optional<std::pair<bool, size_t>> MoveIncidenceLine(Id from, Id to, Id edge, Symbol role);
  void ArchiveIncidence(const Hyperedge& h);
  void UnarchiveIncidence(const Hyperedge& h);
  void RemoveHyperedgeUnchecked(Id id);
  void Reindex(Symbol type);

  temporal::Clock* clock_;
  std::unique_ptr<temporal::Clock> owned_clock_;
  Interner names_;
  Schema schema_;
  Id next_id_ = 1;
  std::map<Id, Entity> entities_;
  std::map<Id, Hyperedge> hyperedges_;
  std::map<Id, Episode> episodes_;
  std::unordered_map<Symbol, std::vector<Id>> by_type_;       // entity type -> ids
  std::unordered_map<Symbol, std::vector<Id>> edges_by_type_;  // hyperedge type -> ids
  std::unordered_map<Symbol, KeyIndex> keys_;                  // entity type -> key -> ids

  std::vector<Tombstone> tombstones_;
  // During a bulk load only: entity id -> its record in entities_.
  std::optional<std::unordered_map<Id, Entity*>> bulk_entities_;

  bool journaling_ = false;
  std::optional<temporal::Timestamp> group_time_;
  std::vector<std::function<void()>> undo_;
  ChangeSet changes_;
  std::unordered_set<Id> touched_;
};

}  // namespace mnemo::graph
