// CONSOLIDATE DECAY [HALF LIFE d] [THRESHOLD x] [DRY RUN]: archives the
// memories nobody has used for long.
//
// A memory is an episode or a fact (not entities: they are what memories
// are about), not forgotten, not retracted, not derived
// (consolidate_support.hpp). Its strength at the statement's time is the
// exponentially decayed count of its uses,
//     strength = sum over uses u of 2^(-(now - t_u) / d)
// from the recall use log (index/base_level.hpp: creation counts as a use —
// an episode at its time, a fact when recorded — and so does each time
// RECALL returned it). Without recall indexes (a bare store) creation is the
// only use. HALF LIFE d defaults to 30d; a memory used once just now has
// strength 1, one used once d ago 1/2.
// A memory whose strength is below THRESHOLD x (default 1/16: a memory used
// once and then not for four half-lives) is archived: FORGOTTEN, like
// FORGET — hidden from reads and recall, listed by HISTORY as forgotten,
// brought back by RESTORE; never purged. DRY RUN archives nothing and lists
// what would be archived. Re-running at the same time changes nothing.
//
// Rows: one per memory archived (or, with DRY RUN, that would be), in id
// order — kind ('episode' or 'fact'), id, text, last_used, strength.
#pragma once

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine::consolidate {

Status RunDecay(ExecContext& ctx, const lang::Consolidate& c, QueryResult& result);

}  // namespace mnemo::engine::consolidate
