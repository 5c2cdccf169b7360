#include "lang/ast.hpp"

#include <type_traits>
#include <utility>

namespace mnemo::lang {

// Clause::kind() and Statement::kind() are the variant index: keep the enums in step.
template <typename Variant, auto Kind, typename Alternative>
constexpr bool kAt = std::is_same_v<std::variant_alternative_t<static_cast<size_t>(Kind), Variant>, Alternative>;
using ClauseBody = decltype(Clause::body);
static_assert(kAt<ClauseBody, ClauseKind::kMatch, MatchClause> && kAt<ClauseBody, ClauseKind::kUnwind, UnwindClause> &&
              kAt<ClauseBody, ClauseKind::kWith, WithClause> && kAt<ClauseBody, ClauseKind::kReturn, ReturnClause> &&
              kAt<ClauseBody, ClauseKind::kCreate, CreateClause> && kAt<ClauseBody, ClauseKind::kMerge, MergeClause> &&
              kAt<ClauseBody, ClauseKind::kSet, SetClause> && kAt<ClauseBody, ClauseKind::kRemove, RemoveClause> &&
              kAt<ClauseBody, ClauseKind::kDelete, DeleteClause> && std::variant_size_v<ClauseBody> == 9);
using StatementBody = decltype(Statement::body);
static_assert(
    kAt<StatementBody, StatementKind::kQuery, Query> &&
    kAt<StatementBody, StatementKind::kDefineEntity, DefineEntity> &&
    kAt<StatementBody, StatementKind::kDefineRelation, DefineRelation> &&
    kAt<StatementBody, StatementKind::kShowSchema, ShowSchema> &&
    kAt<StatementBody, StatementKind::kObserve, Observe> && kAt<StatementBody, StatementKind::kAssert, Assert> &&
    kAt<StatementBody, StatementKind::kRetract, Retract> && kAt<StatementBody, StatementKind::kHistory, History> &&
    kAt<StatementBody, StatementKind::kTimeline, Timeline> && kAt<StatementBody, StatementKind::kRecall, Recall> &&
    kAt<StatementBody, StatementKind::kForget, Forget> && kAt<StatementBody, StatementKind::kRestore, Restore> &&
    kAt<StatementBody, StatementKind::kPurge, Purge> && kAt<StatementBody, StatementKind::kConsolidate, Consolidate> &&
    kAt<StatementBody, StatementKind::kMergeEntity, MergeEntity> &&
    kAt<StatementBody, StatementKind::kSnapshot, Snapshot> && std::variant_size_v<StatementBody> == 16);

Expr::Expr() = default;
Expr::Expr(ExprKind k, int l, int c) : kind(k), line(l), column(c) {}
Expr::~Expr() = default;
Expr::Expr(Expr&&) noexcept = default;
Expr& Expr::operator=(Expr&&) noexcept = default;

namespace {

ExprPtr CloneOrNull(const ExprPtr& e) { return e ? Clone(*e) : nullptr; }

NodePattern CloneNode(const NodePattern& n) {
  NodePattern out;
  out.line = n.line;
  out.column = n.column;
  out.variable = n.variable;
  out.labels = n.labels;
  out.properties = CloneOrNull(n.properties);
  return out;
}

RelPattern CloneRel(const RelPattern& r) {
  RelPattern out;
  out.line = r.line;
  out.column = r.column;
  out.variable = r.variable;
  out.types = r.types;
  out.properties = CloneOrNull(r.properties);
  out.direction = r.direction;
  out.var_length = r.var_length;
  return out;
}

std::unique_ptr<PatternPart> ClonePart(const PatternPart& p) {
  auto out = std::make_unique<PatternPart>();
  out->line = p.line;
  out->column = p.column;
  out->path_variable = p.path_variable;
  for (const auto& n : p.nodes) out->nodes.push_back(CloneNode(n));
  for (const auto& r : p.rels) out->rels.push_back(CloneRel(r));
  return out;
}

}  // namespace

ExprPtr Clone(const Expr& e) {
  auto out = std::make_unique<Expr>(e.kind, e.line, e.column);
  out->height = e.height;
  out->bool_value = e.bool_value;
  out->int_value = e.int_value;
  out->double_value = e.double_value;
  out->text = e.text;
  out->unary_op = e.unary_op;
  out->binary_op = e.binary_op;
  out->distinct = e.distinct;
  out->names = e.names;
  out->children.reserve(e.children.size());
  for (const auto& c : e.children) out->children.push_back(CloneOrNull(c));
  if (e.case_expr) {
    out->case_expr = std::make_unique<CaseExpr>();
    out->case_expr->subject = CloneOrNull(e.case_expr->subject);
    for (const auto& alt : e.case_expr->alternatives) {
      out->case_expr->alternatives.push_back({CloneOrNull(alt.when), CloneOrNull(alt.then)});
    }
    out->case_expr->otherwise = CloneOrNull(e.case_expr->otherwise);
  }
  if (e.comprehension) {
    out->comprehension = std::make_unique<Comprehension>();
    out->comprehension->variable = e.comprehension->variable;
    out->comprehension->list = CloneOrNull(e.comprehension->list);
    out->comprehension->where = CloneOrNull(e.comprehension->where);
    out->comprehension->projection = CloneOrNull(e.comprehension->projection);
  }
  if (e.pattern) out->pattern = ClonePart(*e.pattern);
  return out;
}

ExprPtr MakeNull(int line, int column) { return std::make_unique<Expr>(ExprKind::kNull, line, column); }

ExprPtr MakeBool(bool v, int line, int column) {
  auto e = std::make_unique<Expr>(ExprKind::kBool, line, column);
  e->bool_value = v;
  return e;
}

ExprPtr MakeInt(int64_t v, int line, int column) {
  auto e = std::make_unique<Expr>(ExprKind::kInt, line, column);
  e->int_value = v;
  return e;
}

ExprPtr MakeDouble(double v, int line, int column) {
  auto e = std::make_unique<Expr>(ExprKind::kDouble, line, column);
  e->double_value = v;
  return e;
}

ExprPtr MakeString(std::string v, int line, int column) {
  auto e = std::make_unique<Expr>(ExprKind::kString, line, column);
  e->text = std::move(v);
  return e;
}

ExprPtr MakeVariable(std::string name, int line, int column) {
  auto e = std::make_unique<Expr>(ExprKind::kVariable, line, column);
  e->text = std::move(name);
  return e;
}

ExprPtr MakeUnary(UnaryOp op, ExprPtr operand, int line, int column) {
  auto e = std::make_unique<Expr>(ExprKind::kUnary, line, column);
  e->unary_op = op;
  e->children.push_back(std::move(operand));
  return e;
}

ExprPtr MakeBinary(BinaryOp op, ExprPtr lhs, ExprPtr rhs) {
  auto e = std::make_unique<Expr>(ExprKind::kBinary, lhs->line, lhs->column);
  e->binary_op = op;
  e->children.push_back(std::move(lhs));
  e->children.push_back(std::move(rhs));
  return e;
}

std::string_view ExprKindName(ExprKind k) {
  switch (k) {
    case ExprKind::kNull:
      return "Null";
    case ExprKind::kBool:
      return "Bool";
    case ExprKind::kInt:
      return "Int";
    case ExprKind::kDouble:
      return "Double";
    case ExprKind::kString:
      return "String";
    case ExprKind::kTime:
      return "Time";
    case ExprKind::kDuration:
      return "Duration";
    case ExprKind::kParameter:
      return "Parameter";
    case ExprKind::kVariable:
      return "Variable";
    case ExprKind::kProperty:
      return "Property";
    case ExprKind::kList:
      return "List";
    case ExprKind::kMap:
      return "Map";
    case ExprKind::kIndex:
      return "Index";
    case ExprKind::kSlice:
      return "Slice";
    case ExprKind::kUnary:
      return "Unary";
    case ExprKind::kBinary:
      return "Binary";
    case ExprKind::kIsNull:
      return "IsNull";
    case ExprKind::kIsNotNull:
      return "IsNotNull";
    case ExprKind::kLabelPredicate:
      return "LabelPredicate";
    case ExprKind::kFunctionCall:
      return "FunctionCall";
    case ExprKind::kCountStar:
      return "CountStar";
    case ExprKind::kCase:
      return "Case";
    case ExprKind::kListComprehension:
      return "ListComprehension";
    case ExprKind::kQuantifier:
      return "Quantifier";
    case ExprKind::kPatternPredicate:
      return "PatternPredicate";
    case ExprKind::kPatternComprehension:
      return "PatternComprehension";
    case ExprKind::kEntityRef:
      return "EntityRef";
  }
  return "?";
}

std::string_view UnaryOpName(UnaryOp op) {
  switch (op) {
    case UnaryOp::kNot:
      return "NOT";
    case UnaryOp::kNegate:
      return "-";
    case UnaryOp::kPlus:
      return "+";
  }
  return "?";
}

std::string_view BinaryOpName(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return "OR";
    case BinaryOp::kXor:
      return "XOR";
    case BinaryOp::kAnd:
      return "AND";
    case BinaryOp::kEq:
      return "=";
    case BinaryOp::kNe:
      return "<>";
    case BinaryOp::kLt:
      return "<";
    case BinaryOp::kLe:
      return "<=";
    case BinaryOp::kGt:
      return ">";
    case BinaryOp::kGe:
      return ">=";
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kDiv:
      return "/";
    case BinaryOp::kMod:
      return "%";
    case BinaryOp::kPow:
      return "^";
    case BinaryOp::kStartsWith:
      return "STARTS WITH";
    case BinaryOp::kEndsWith:
      return "ENDS WITH";
    case BinaryOp::kContains:
      return "CONTAINS";
    case BinaryOp::kIn:
      return "IN";
    case BinaryOp::kRegexMatch:
      return "=~";
  }
  return "?";
}

std::string_view ClauseKindName(ClauseKind k) {
  switch (k) {
    case ClauseKind::kMatch:
      return "MATCH";
    case ClauseKind::kUnwind:
      return "UNWIND";
    case ClauseKind::kWith:
      return "WITH";
    case ClauseKind::kReturn:
      return "RETURN";
    case ClauseKind::kCreate:
      return "CREATE";
    case ClauseKind::kMerge:
      return "MERGE";
    case ClauseKind::kSet:
      return "SET";
    case ClauseKind::kRemove:
      return "REMOVE";
    case ClauseKind::kDelete:
      return "DELETE";
  }
  return "?";
}

std::string_view PropertyTypeName(PropertyType t) {
  switch (t) {
    case PropertyType::kText:
      return "TEXT";
    case PropertyType::kInt:
      return "INT";
    case PropertyType::kFloat:
      return "FLOAT";
    case PropertyType::kBool:
      return "BOOL";
    case PropertyType::kDate:
      return "DATE";
    case PropertyType::kDateTime:
      return "DATETIME";
    case PropertyType::kList:
      return "LIST";
    case PropertyType::kMap:
      return "MAP";
    case PropertyType::kAny:
      return "ANY";
  }
  return "?";
}

std::string_view StatementKindName(StatementKind k) {
  switch (k) {
    case StatementKind::kQuery:
      return "QUERY";
    case StatementKind::kDefineEntity:
      return "DEFINE ENTITY";
    case StatementKind::kDefineRelation:
      return "DEFINE RELATION";
    case StatementKind::kShowSchema:
      return "SHOW SCHEMA";
    case StatementKind::kObserve:
      return "OBSERVE";
    case StatementKind::kAssert:
      return "ASSERT";
    case StatementKind::kRetract:
      return "RETRACT";
    case StatementKind::kHistory:
      return "HISTORY";
    case StatementKind::kTimeline:
      return "TIMELINE";
    case StatementKind::kRecall:
      return "RECALL";
    case StatementKind::kForget:
      return "FORGET";
    case StatementKind::kRestore:
      return "RESTORE";
    case StatementKind::kPurge:
      return "PURGE";
    case StatementKind::kConsolidate:
      return "CONSOLIDATE";
    case StatementKind::kMergeEntity:
      return "MERGE ENTITY";
    case StatementKind::kSnapshot:
      return "SNAPSHOT";
  }
  return "?";
}

}  // namespace mnemo::lang
