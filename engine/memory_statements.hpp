// The memory statements of the language (LANGUAGE.md): schema, episodes,
// facts and lifecycle. Runs inside Executor::Execute's atomic group.
#pragma once

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

Status RunMemoryStatement(ExecContext& ctx, const lang::Statement& statement, QueryResult& result);

}  // namespace mnemo::engine
