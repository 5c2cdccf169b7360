// Helpers shared by the memory statements: entity references, times, ids,
// and the role bindings of a fact pattern `rel(role: value, ...)`.
#pragma once

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

// `Type 'key'`: the visible entity of that type with that key, created when
// absent (counted in ctx.stats). One merged into another entity (MERGE
// ENTITY) resolves to that entity; another forgotten one is an error naming RESTORE.
Result<graph::Id> ResolveEntity(ExecContext& ctx, const lang::Expr& ref);
// A time: datetime, date, ISO text or microseconds since the epoch. `what`
// names the clause in errors.
Result<temporal::Timestamp> EvalTimeValue(ExecContext& ctx, const lang::Expr& e, const char* what);
// A number in [0, 1] (TRUST, CONFIDENCE).
Result<double> EvalUnit(ExecContext& ctx, const lang::Expr& e, const char* what);
// EMBEDDING [...]: a list of numbers with the dimension of the memory's
// vectors. Errors: TypeError, InvalidArgument (wrong dimension).
Result<std::vector<float>> EvalEmbedding(ExecContext& ctx, const lang::Expr& e);
// A record id (a positive integer or a node).
Result<graph::Id> EvalId(ExecContext& ctx, const lang::Expr& e);

// The roles and properties of a fact pattern, roles in declared order. With
// `create_entities`, entity references are found or created; without, a
// reference to an entity not in memory is NotFound.
Status BuildFact(ExecContext& ctx, const lang::FactPattern& f, bool create_entities, graph::HyperedgeSpec& spec);
// Same role bindings (as a multiset) and the same properties.
bool SameBindings(const graph::Hypergraph& g, const graph::Hyperedge& h, const graph::HyperedgeSpec& spec);
// Fact `h` binds every role of `spec` as given (a partial pattern).
bool Covers(const graph::Hypergraph& g, const graph::Hyperedge& h, const graph::HyperedgeSpec& spec);

}  // namespace mnemo::engine
