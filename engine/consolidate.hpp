// CONSOLIDATE <job>: tidies a memory between conversations. One statement
// runs one job inside the statement's atomic group (engine/executor.hpp):
// readers see the memory before the job or after it, never half of it, and a
// failed job changes nothing. Every job is idempotent: run twice on an
// unchanged memory, the second run changes nothing.
//
// Jobs (one file each): COMMUNITIES (consolidate_communities.hpp), IMPORTANCE
// (consolidate_importance.hpp), DECAY (consolidate_decay.hpp), DEDUPE
// (consolidate_dedupe.hpp); MERGE ENTITY and UNMERGE are in
// consolidate_merge.hpp. Each returns rows describing what it changed (or
// would change) and a notice with the counts; side effects are also
// counted in the statement's stats.
#pragma once

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

Status RunConsolidate(ExecContext& ctx, const lang::Consolidate& c, QueryResult& result);

}  // namespace mnemo::engine
