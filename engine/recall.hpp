// RECALL: hybrid retrieval over the memory (LANGUAGE.md, "Recall").
//
// Channels (recall_channels.hpp): vector, keyword, graph, recency. Without
// USING, RECALL uses keyword and graph, plus vector when the query brings
// its own EMBEDDING or the memory was opened with a client embedder. The
// built-in hashing embedder is there for USING vector, but measured on
// LoCoMo (bench/README.md) adding it by default lowers recall: it has no
// notion of meaning beyond shared words and spellings. Recency only when
// named: ranking by recency and use is a choice of the caller.
//
// The ranked lists are fused by weighted reciprocal rank,
// score = sum_c weight_c / (60 + rank_c). Default weights: vector 1,
// keyword 1, graph 0.7, recency 0.25 (WEIGHTS {channel: w, ...} overrides).
// Then scores flow once along provenance: a fact passes 0.3 of its fused
// score to each episode it was learned from, an episode 0.3 of its own to
// each fact learned from it (0.3 measured best on LoCoMo among 0.15-1). An
// entity's score is then multiplied by 1 + 0.2 * its `importance` property
// (in [0, 1], written by CONSOLIDATE IMPORTANCE; absent: no change).
// KINDS (default all) and TOP k (default 10, at most 1000) cut the list. Rows: kind, id, text, time, score; with EXPLAIN also
// each channel's contribution, the provenance flow, and the path of the
// strongest activation. Every returned record counts as used (the recency
// channel).
#pragma once

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

// Errors: Unsupported without recall indexes (a bare store); TypeError and
// InvalidArgument for bad options (unknown kind, channel or weight, TOP out
// of range, EMBEDDING of the wrong dimension), with positions.
Status Recall(ExecContext& ctx, const lang::Recall& r, QueryResult& result);

}  // namespace mnemo::engine
