// RECALL: hybrid retrieval over the memory (LANGUAGE.md, "Recall").
//
// Each channel named in USING (default: vector, keyword, graph, recency)
// ranks candidates; the lists are fused by weighted reciprocal rank,
// score = sum_c weight_c / (60 + rank_c). Default weights: vector 1,
// keyword 1, graph 1, recency 0.25 (WEIGHTS {channel: w, ...} overrides).
// Then scores flow once along provenance: a fact passes half its fused
// score to each episode it was learned from, an episode half of its own to
// each fact learned from it. KINDS (default all) and TOP k (default 10,
// at most 1000) cut the list. Rows: kind, id, text, time, score; with
// EXPLAIN also each channel's contribution, the provenance flow, and the
// path of the strongest activation. Every returned record counts as used
// (the recency channel).
#pragma once

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

// Errors: Unsupported without recall indexes (a bare store); TypeError and
// InvalidArgument for bad options (unknown kind, channel or weight, TOP out
// of range, EMBEDDING of the wrong dimension), with positions.
Status Recall(ExecContext& ctx, const lang::Recall& r, QueryResult& result);

}  // namespace mnemo::engine
