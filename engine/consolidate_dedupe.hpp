// CONSOLIDATE DEDUPE [THRESHOLD x] [APPLY]: finds entities that are likely
// the same thing and, with APPLY, merges them.
//
// Candidates are pairs of entities visible now (derived records excluded,
// consolidate_support.hpp) that share a type, for one of these reasons, the
// first that holds:
//  - 'key': their keys are equal once normalised (lower case, every run of
//    characters other than ASCII letters and digits one space, a leading
//    "the " dropped): "New York City" / "new york city", "St. Louis" / "St Louis";
//  - 'alias': a normalised alias of one equals the other's normalised key or alias;
//  - 'acronym': one key is the initials of the other's words (of, and, the,
//    for skipped), two letters or more: "NYC" / "New York City";
//  - 'embedding': the cosine similarity of their normalised keys' vectors
//    (the memory's embedder) is at least x (THRESHOLD, default 0.9); each
//    entity is compared with its nearest neighbours of the same type.
// Score: 1 for the first three, the cosine for 'embedding'. A pair whose
// merge was undone (UNMERGE) is not proposed again.
// Pairs join into groups (transitively); each group keeps the entity with
// the most facts and episodes (then the lowest id) and proposes merging
// every other member into it. Without APPLY nothing changes; with APPLY
// each proposal runs as MERGE ENTITY (consolidate_merge.hpp), so every
// merge is recorded and can be undone with UNMERGE. After APPLY the merged
// entities are archived, so re-running proposes nothing.
//
// Rows: one per proposal, ordered by target then source id — source,
// source_name, target, target_name, type, reason, score, merge (the merge
// record's id with APPLY, else null).
#pragma once

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine::consolidate {

Status RunDedupe(ExecContext& ctx, const lang::Consolidate& c, QueryResult& result);

// The normalised form of a name used by DEDUPE ("St. Louis" -> "st louis").
std::string NormaliseName(std::string_view name);
// Initials of a normalised name of two or more words ("new york city" ->
// "nyc"), skipping of/and/the/for; empty when fewer than two letters.
std::string Acronym(std::string_view normalised);

}  // namespace mnemo::engine::consolidate
