// Executor: runs one parsed statement against the store, atomically.
//
// Contract: Execute() either applies every write of the statement and
// returns its result, or applies none and returns the Status of the first
// failure (positions refer to the statement's script). All writes of one
// statement share one transaction time. EXPLAIN returns the plan without
// running anything. The caller holds the lock (exclusive unless
// IsReadOnly()).
#pragma once

#include "base/status.hpp"
#include "engine/memory_services.hpp"
#include "engine/query_result.hpp"
#include "engine/row.hpp"
#include "graph/hypergraph.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

class Executor {
 public:
  // `services` (not owned, may be null) commits writes and serves RECALL;
  // without it writes commit on the bare store and RECALL is unavailable.
  Executor(graph::Hypergraph& store, const Params& params, MemoryServices* services = nullptr)
      : g_(store), params_(params), services_(services) {}

  Result<QueryResult> Execute(const lang::Statement& statement);

  // Whether the statement never writes (a shared lock suffices).
  static bool IsReadOnly(const lang::Statement& statement);

 private:
  graph::Hypergraph& g_;
  const Params& params_;
  MemoryServices* services_;
};

// The plan of a statement, one operator per line (what EXPLAIN prints).
std::string DescribePlan(const graph::Hypergraph& g, const lang::Statement& statement);

}  // namespace mnemo::engine
