// CONSOLIDATE IMPORTANCE: how central each entity is, as an entity property.
//
// The graph: the hypergraph's incidence graph over what a read sees now —
// a vertex per entity (derived records excluded, consolidate_support.hpp),
// per current fact and per episode that is not forgotten; a fact is joined
// to each distinct entity it binds, an episode to its speaker and `about`
// entities (weight 1 each). PageRank (igraph PRPACK, damping 0.85,
// undirected) scores every vertex; an entity's `importance` is its score
// divided by the largest entity score, rounded to 6 decimals: in (0, 1],
// 1 for the most central entity. A value is written (a new property version)
// only when it differs from the stored one, so re-running on an unchanged
// memory changes nothing. Entities not in the graph (forgotten, merged,
// topics) keep whatever they had.
//
// RECALL reads `importance` as a prior on entity rows (engine/recall.hpp).
//
// Rows: one summary row — entities (scored), changed (values written), top
// (the ten most important entities' names, most important first).
#pragma once

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine::consolidate {

Status RunImportance(ExecContext& ctx, const lang::Consolidate& c, QueryResult& result);

}  // namespace mnemo::engine::consolidate
