// ExecContext: what every part of one statement's execution shares — the
// store, the time-sliced view of it, parameters, the evaluator and the
// side-effect counters.
#pragma once

#include <unordered_set>

#include "engine/evaluator.hpp"
#include "engine/graph_view.hpp"
#include "engine/memory_services.hpp"
#include "engine/query_result.hpp"
#include "engine/row.hpp"
#include "graph/hypergraph.hpp"

namespace mnemo::engine {

struct ExecContext {
  ExecContext(graph::Hypergraph& store, const Params& parameters, temporal::Timestamp now,
              temporal::Timestamp as_of, temporal::Timestamp known_at, PatternSource* patterns,
              MemoryServices* memory_services = nullptr)
      : g(store), params(parameters), services(memory_services), statement_time(now), view(store, as_of, known_at),
        eval(view, parameters, now, patterns) {
    view.SetDeletions(&deleted);
  }

  graph::Hypergraph& g;
  const Params& params;
  MemoryServices* services;  // not owned; null for a bare store (no log, no recall indexes)
  temporal::Timestamp statement_time;
  // The time the statement reads at (AS OF / KNOWN AT, else statement_time).
  temporal::Timestamp as_of = 0, known_at = 0;
  GraphView view;
  Evaluator eval;
  QueryStats stats;
  std::vector<std::string> notices;
  // Elements deleted by this statement (reading their properties is an error).
  Deletions deleted;
};

// Evaluates `e` with no row (constants, parameters, functions of them).
Result<graph::Value> EvalConstant(ExecContext& ctx, const lang::Expr& e);

}  // namespace mnemo::engine
