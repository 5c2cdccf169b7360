// ASSERT and RETRACT (bitemporal facts with supersession), HISTORY and
// TIMELINE (reading through time). See temporal/README.md for the model.
#pragma once

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

Status Assert(ExecContext& ctx, const lang::Assert& a, QueryResult& result);
Status Retract(ExecContext& ctx, const lang::Retract& r, QueryResult& result);
Status History(ExecContext& ctx, const lang::History& h, QueryResult& result);
Status Timeline(ExecContext& ctx, const lang::Timeline& t, QueryResult& result);

}  // namespace mnemo::engine
