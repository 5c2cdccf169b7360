// Connection: how work is run on a Database.
//
// The typed C++ API below writes and reads the hypergraph directly; each
// write method is atomic (it changes nothing when it fails) and returns the
// Status explaining a failure. Read() runs a function under the shared lock,
// giving it a consistent view of the store.
//
// Thread-safety: a Connection is cheap and belongs to one thread at a time;
// open one per thread. Many Connections of one Database may run at once.
#pragma once

#include <functional>
#include <shared_mutex>
#include <string>
#include <utility>

#include "base/status.hpp"
#include "engine/query_result.hpp"
#include "engine/row.hpp"
#include "graph/hypergraph.hpp"

namespace mnemo {

class Database;

// The outcome of one statement of a script.
struct StatementOutcome {
  std::string text;  // the statement as written
  int line = 0, column = 0;  // where it starts in the script
  Status status;     // OK, or why it failed (positions are script-relative)
  QueryResult result;
};

class Connection {
 public:
  explicit Connection(Database* db) : db_(db) {}

  // --- the language ---------------------------------------------------------------
  // Parses and runs every statement of `text` in order; each statement is
  // atomic (a failed one changes nothing) and the run stops at the first
  // failure. Returns the last statement's result, or the first error.
  Result<QueryResult> Query(std::string_view text, const engine::Params& params = {});
  // Runs every statement of a script, going on after failures; one outcome
  // per statement. A script that does not parse yields one failed outcome.
  std::vector<StatementOutcome> Run(std::string_view script, const engine::Params& params = {});

  // --- schema (errors: SchemaViolation for a clash or bad declaration) ---------
  Status DefineEntity(graph::EntityTypeDef def);
  Status DefineRelation(graph::RelationTypeDef def);

  // --- writes ---------------------------------------------------------------------
  // Errors: SchemaViolation, Constraint (duplicate KEY), TypeError.
  Result<graph::Id> AddEntity(const graph::EntitySpec& spec);
  // The entity of `type` whose key property equals `key`, created (with just
  // that property) when there is none. Errors as AddEntity.
  Result<graph::Id> EnsureEntity(const std::string& type, const graph::Value& key);
  // Records an episode. Errors: InvalidArgument (trust outside [0,1], an
  // embedding whose size is not the memory's vector dimension), NotFound.
  Result<graph::Id> Observe(const graph::EpisodeSpec& spec);
  // Records a fact or event. Errors: SchemaViolation (unknown role, wrong
  // entity type, cardinality), NotFound (entity or episode), InvalidArgument.
  Result<graph::Id> Assert(const graph::HyperedgeSpec& spec);
  Status SetProperty(graph::Id entity, const std::string& name, graph::Value value);
  // Removes a record of any kind; an entity that takes part in facts needs
  // `detach` (its facts go too). Errors: NotFound, Constraint.
  Status Remove(graph::Id id, bool detach = false);

  // --- reads ----------------------------------------------------------------------
  // Runs f(const graph::Hypergraph&) under the shared lock and returns its result.
  template <typename F>
  auto Read(F&& f) const -> decltype(f(std::declval<const graph::Hypergraph&>()));

 private:
  // Runs `write` on the store as one atomic group under the exclusive lock.
  template <typename T>
  Result<T> Write(const std::function<Result<T>(graph::Hypergraph&)>& write);
  Status WriteStatus(const std::function<Status(graph::Hypergraph&)>& write);
  const graph::Hypergraph& store() const;
  std::shared_mutex& mutex() const;

  Database* db_;  // not owned
};

}  // namespace mnemo

#include "engine/connection_inl.hpp"
