// MERGE ENTITY source INTO target, and UNMERGE: merging a duplicate entity
// into the one that stays, keeping its history, and undoing it.
//
// MERGE ENTITY a INTO b (both must be visible now, and distinct):
//  - facts: every role of every fact binding a — current, superseded and
//    retracted facts alike — is rebound to b; the facts keep their ids,
//    times, provenance and history (HISTORY on b now lists them). a's
//    in_topic facts (derived, consolidate_communities.hpp) stay with a,
//    hidden while a is archived; the next COMMUNITIES recomputes topics.
//  - episodes: where a is the speaker or in `about`, b takes its place.
//  - properties: each property of a that b lacks is set on b (a new version
//    from the merge on); where both have one, b's value stays current and
//    a's stays on a. `importance` is not copied (IMPORTANCE recomputes it).
//  - names: a's key and aliases become aliases of b; a's types that b lacks
//    are added to b.
//  - a is archived (forgotten: hidden, restorable, its own property history
//    intact), and `Type 'a-key'` in later statements resolves to b.
//  - the merge is recorded as a fact merged_into(source: a, target: b)
//    whose properties list what moved (facts as [fact, role index] pairs,
//    episodes as [episode, position] pairs with -1 for the speaker, aliases,
//    properties and types added to b). HISTORY merged_into(target: ...) lists
//    the merges into an entity.
// UNMERGE m (m: the merge record's id, the merged entity's id, or the merged
// entity as `Type 'key'`) undoes it:
// what still sits where the merge put it moves back to a, the aliases,
// properties and types added to b are removed again (property versions keep
// the interval they held), a is restored, and the merge record is
// retracted (HISTORY shows it as retracted). Facts rebound since, or b's
// properties changed since, stay as they are.
// Facts are moved as they are: a UNIQUE relation may hold two current facts
// for b afterwards (both remain in history; the next ASSERT supersedes).
#pragma once

#include <unordered_map>
#include <vector>

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine::consolidate {

// What one merge (or its undoing) moved.
struct MergeReport {
  graph::Id merge = graph::kNoId;  // the merged_into fact
  graph::Id source = graph::kNoId, target = graph::kNoId;
  size_t facts = 0, episodes = 0, aliases = 0, properties = 0, types = 0;
};

// Entity -> episodes that name it as speaker or in `about`; built once for
// a statement that merges many times (DEDUPE APPLY), kept up to date by the merges.
class EpisodeLinks {
 public:
  explicit EpisodeLinks(const graph::Hypergraph& g);
  const std::vector<graph::Id>& Of(graph::Id entity) const;
  void Move(graph::Id from, graph::Id to, const std::vector<graph::Id>& episodes);

 private:
  std::unordered_map<graph::Id, std::vector<graph::Id>> of_;
};

// Merges `source` into `target` as above, counting in ctx.stats. `links` may
// be null (the episodes are then found by a scan). Errors: InvalidArgument
// (the same entity), NotFound (an entity that is not visible now),
// SchemaViolation / Constraint when b cannot take a's types or a role's type.
Result<MergeReport> MergeEntities(ExecContext& ctx, graph::Id source, graph::Id target, EpisodeLinks* links);
// Undoes the merge recorded by `merge` (a merged_into fact). Errors:
// NotFound; InvalidArgument when it was undone already.
Result<MergeReport> UnmergeEntities(ExecContext& ctx, graph::Id merge);

// The entity `id` is merged into now (the target of its merged_into fact
// that is not retracted), or kNoId.
graph::Id MergedInto(const graph::Hypergraph& g, graph::Id id);

// The MERGE ENTITY / UNMERGE statement: one row
// (merge, source, target, facts, episodes, aliases, properties, types).
Status RunMergeEntity(ExecContext& ctx, const lang::MergeEntity& m, QueryResult& result);

}  // namespace mnemo::engine::consolidate
