#include "engine/expr_equality.hpp"

namespace mnemo::engine {

bool SameExpr(const lang::Expr& a, const lang::Expr& b) {
  if (a.kind != b.kind || a.bool_value != b.bool_value || a.int_value != b.int_value ||
      a.double_value != b.double_value || a.text != b.text || a.unary_op != b.unary_op ||
      a.binary_op != b.binary_op || a.distinct != b.distinct || a.names != b.names ||
      a.children.size() != b.children.size())
    return false;
  // Expressions with nested scopes or patterns are compared by their parts we keep.
  if (a.case_expr || b.case_expr || a.comprehension || b.comprehension || a.pattern || b.pattern) return false;
  for (size_t i = 0; i < a.children.size(); ++i) {
    if (!a.children[i] || !b.children[i]) {
      if (a.children[i] != b.children[i]) return false;
      continue;
    }
    if (!SameExpr(*a.children[i], *b.children[i])) return false;
  }
  return true;
}

}  // namespace mnemo::engine
