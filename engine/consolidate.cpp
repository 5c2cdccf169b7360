#include "engine/consolidate.hpp"

#include "engine/consolidate_communities.hpp"
#include "engine/consolidate_decay.hpp"
#include "engine/consolidate_dedupe.hpp"
#include "engine/consolidate_importance.hpp"

namespace mnemo::engine {

Status RunConsolidate(ExecContext& ctx, const lang::Consolidate& c, QueryResult& result) {
  switch (c.job) {
    case lang::ConsolidateJob::kCommunities:
      return consolidate::RunCommunities(ctx, c, result);
    case lang::ConsolidateJob::kImportance:
      return consolidate::RunImportance(ctx, c, result);
    case lang::ConsolidateJob::kDecay:
      return consolidate::RunDecay(ctx, c, result);
    case lang::ConsolidateJob::kDedupe:
      return consolidate::RunDedupe(ctx, c, result);
  }
  return Status::Internal("unknown CONSOLIDATE job");
}

}  // namespace mnemo::engine
