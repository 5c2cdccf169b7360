// Structural equality of expressions: `max(n.age)` in ORDER BY is the same
// aggregate as `max(n.age)` in RETURN.
#pragma once

#include "lang/ast.hpp"

namespace mnemo::engine {

// Same kind, operator, literal, names and children, ignoring positions.
bool SameExpr(const lang::Expr& a, const lang::Expr& b);

}  // namespace mnemo::engine
