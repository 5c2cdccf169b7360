#include "engine/binder.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "engine/evaluator.hpp"
#include "engine/expr_equality.hpp"
#include "engine/functions.hpp"

namespace mnemo::engine {

namespace {

enum class Kind { kNode, kRel, kRelList, kPath, kList, kValue, kAny };

const char* KindName(Kind k) {
  switch (k) {
    case Kind::kNode: return "a node";
    case Kind::kRel: return "a relationship";
    case Kind::kRelList: return "a list of relationships";
    case Kind::kPath: return "a path";
    case Kind::kList: return "a list";
    case Kind::kValue: return "a value";
    case Kind::kAny: return "an expression";
  }
  return "?";
}

using Vars = std::unordered_map<std::string, Kind>;

class QueryBinder {
 public:
  Status BindQuery(const lang::Query& q) {
    for (const auto& part : q.parts) {
      vars_.clear();
      for (const auto& clause : part.clauses) {
        Status st = BindClause(clause);
        if (!st.ok()) return st.WithPosition(clause.line, clause.column);
      }
    }
    return Status::OK();
  }

 private:
  static Status Error(const std::string& detail, const std::string& msg, int line, int col) {
    return Status::BindError(detail + ": " + msg, line, col);
  }

  Status Declare(const std::string& name, Kind kind, int line, int col) {
    auto it = vars_.find(name);
    if (it == vars_.end()) {
      vars_[name] = kind;
      return Status::OK();
    }
    return Expect(name, it->second, kind, line, col);
  }

  // A variable already bound as `have` is used as `want`.
  Status Expect(const std::string& name, Kind have, Kind want, int line, int col) {
    if (have == want || have == Kind::kAny) return Status::OK();
    if (have == Kind::kList && want == Kind::kRelList) return Status::OK();  // a list of relationships
    return Error("VariableTypeConflict", "`" + name + "` is " + KindName(have) + ", used as " + KindName(want), line, col);
  }

  Kind KindOf(const lang::Expr& e) const {
    switch (e.kind) {
      case lang::ExprKind::kVariable: {
        auto it = vars_.find(e.text);
        return it == vars_.end() ? Kind::kAny : it->second;
      }
      case lang::ExprKind::kNull: case lang::ExprKind::kParameter: case lang::ExprKind::kProperty:
      case lang::ExprKind::kFunctionCall: case lang::ExprKind::kIndex: case lang::ExprKind::kCase:
        return Kind::kAny;
      case lang::ExprKind::kList: return Kind::kList;
      default: return Kind::kValue;
    }
  }

  Status CheckExpr(const lang::Expr& e, Vars& scope, bool allow_aggregates, bool in_aggregate = false) {
    using K = lang::ExprKind;
    switch (e.kind) {
      case K::kVariable:
        if (!scope.count(e.text))
          return Error("UndefinedVariable", "variable `" + e.text + "` is not defined", e.line, e.column);
        return Status::OK();
      case K::kFunctionCall:
      case K::kCountStar: {
        const bool agg = e.kind == K::kCountStar || IsAggregateFunction(e.text);
        if (agg && in_aggregate)
          return Error("NestedAggregation", "an aggregate cannot contain another aggregate", e.line, e.column);
        if (agg && !allow_aggregates)
          return Error("InvalidAggregation", "aggregate '" + e.text + "' is not allowed here", e.line, e.column);
        if (e.kind == K::kFunctionCall) MNEMO_RETURN_IF_ERROR(CheckFunctionCall(e));
        for (const auto& c : e.children) MNEMO_RETURN_IF_ERROR(CheckExpr(*c, scope, allow_aggregates, in_aggregate || agg));
        return Status::OK();
      }
      case K::kListComprehension:
      case K::kQuantifier: {
        const auto& comp = *e.comprehension;
        if (comp.list) MNEMO_RETURN_IF_ERROR(CheckExpr(*comp.list, scope, allow_aggregates, in_aggregate));
        Vars inner = scope;
        inner[comp.variable] = Kind::kAny;
        if (comp.where) MNEMO_RETURN_IF_ERROR(CheckExpr(*comp.where, inner, false));
        if (comp.projection) MNEMO_RETURN_IF_ERROR(CheckExpr(*comp.projection, inner, false));
        return Status::OK();
      }
      case K::kPatternPredicate:
      case K::kPatternComprehension: {
        Vars inner = scope;
        const auto& part = *e.pattern;
        for (size_t i = 0; i < part.nodes.size(); ++i) {
          const auto& np = part.nodes[i];
          if (!np.variable.empty()) {
            if (e.kind == K::kPatternPredicate && !scope.count(np.variable))
              return Error("UndefinedVariable", "variable `" + np.variable + "` is not defined", np.line, np.column);
            inner.emplace(np.variable, Kind::kNode);
          }
          if (np.properties) MNEMO_RETURN_IF_ERROR(CheckExpr(*np.properties, inner, false));
          if (i < part.rels.size()) {
            const auto& rp = part.rels[i];
            if (!rp.variable.empty()) {
              if (e.kind == K::kPatternPredicate && !scope.count(rp.variable))
                return Error("UndefinedVariable", "variable `" + rp.variable + "` is not defined", rp.line, rp.column);
              inner.emplace(rp.variable, Kind::kRel);
            }
            if (rp.properties) MNEMO_RETURN_IF_ERROR(CheckExpr(*rp.properties, inner, false));
          }
        }
        if (e.comprehension) {
          if (e.comprehension->where) MNEMO_RETURN_IF_ERROR(CheckExpr(*e.comprehension->where, inner, false));
          if (e.comprehension->projection) MNEMO_RETURN_IF_ERROR(CheckExpr(*e.comprehension->projection, inner, false));
        }
        return Status::OK();
      }
      case K::kCase: {
        const auto& c = *e.case_expr;
        if (c.subject) MNEMO_RETURN_IF_ERROR(CheckExpr(*c.subject, scope, allow_aggregates, in_aggregate));
        for (const auto& alt : c.alternatives) {
          MNEMO_RETURN_IF_ERROR(CheckExpr(*alt.when, scope, allow_aggregates, in_aggregate));
          MNEMO_RETURN_IF_ERROR(CheckExpr(*alt.then, scope, allow_aggregates, in_aggregate));
        }
        if (c.otherwise) MNEMO_RETURN_IF_ERROR(CheckExpr(*c.otherwise, scope, allow_aggregates, in_aggregate));
        return Status::OK();
      }
      case K::kProperty:
        if (e.children[0]->kind == K::kVariable) {
          auto it = scope.find(e.children[0]->text);
          if (it != scope.end() && (it->second == Kind::kPath || it->second == Kind::kRelList))
            return Error("InvalidArgumentType", "`" + e.children[0]->text + "` is " + KindName(it->second) +
                                                    ", which has no properties", e.line, e.column);
        }
        return CheckExpr(*e.children[0], scope, allow_aggregates, in_aggregate);
      default:
        for (const auto& c : e.children)
          if (c) MNEMO_RETURN_IF_ERROR(CheckExpr(*c, scope, allow_aggregates, in_aggregate));
        return Status::OK();
    }
  }

  Status Check(const lang::Expr* e, bool allow_aggregates = false) {
    return e ? CheckExpr(*e, vars_, allow_aggregates) : Status::OK();
  }

  // Variables of a pattern; `creating` for CREATE/MERGE.
  Status BindPattern(const std::vector<const lang::PatternPart*>& parts, bool creating, bool merging) {
    std::vector<std::string> rels_here;
    for (const auto* part : parts) {
      if (!part->path_variable.empty()) {
        if (vars_.count(part->path_variable))
          return Error("VariableAlreadyBound", "`" + part->path_variable + "` is already bound", part->line, part->column);
      }
      for (size_t i = 0; i < part->nodes.size(); ++i) {
        const auto& np = part->nodes[i];
        if (np.properties) {
          if (np.properties->kind == lang::ExprKind::kParameter && !creating)
            return Error("InvalidParameterUse", "a parameter cannot stand for a node's property map in MATCH",
                         np.line, np.column);
          MNEMO_RETURN_IF_ERROR(Check(np.properties.get()));
        }
        if (!np.variable.empty()) {
          auto it = vars_.find(np.variable);
          const bool bound = it != vars_.end();
          if (bound) MNEMO_RETURN_IF_ERROR(Expect(np.variable, it->second, Kind::kNode, np.line, np.column));
          if (creating && bound && (!np.labels.empty() || np.properties || (part->nodes.size() == 1 && !merging)))
            return Error("VariableAlreadyBound", "`" + np.variable + "` is already bound", np.line, np.column);
          if (merging && bound && part->nodes.size() == 1)
            return Error("VariableAlreadyBound", "`" + np.variable + "` is already bound", np.line, np.column);
          vars_.emplace(np.variable, Kind::kNode);
        }
        if (i >= part->rels.size()) continue;
        const auto& rp = part->rels[i];
        if (rp.properties) {
          if (rp.properties->kind == lang::ExprKind::kParameter && !creating)
            return Error("InvalidParameterUse", "a parameter cannot stand for a relationship's property map in MATCH",
                         rp.line, rp.column);
          MNEMO_RETURN_IF_ERROR(Check(rp.properties.get()));
        }
        if (creating) {
          if (rp.types.size() != 1)
            return Error("NoSingleRelationshipType", "a created relationship needs exactly one type", rp.line, rp.column);
          if (rp.var_length)
            return Error("CreatingVarLength", "a variable-length relationship cannot be created", rp.line, rp.column);
          if (!merging && rp.direction != lang::RelDirection::kLeft && rp.direction != lang::RelDirection::kRight)
            return Error("RequiresDirectedRelationship", "a created relationship needs a direction", rp.line, rp.column);
        }
        if (rp.var_length) {
          if ((rp.var_length->min && *rp.var_length->min < 0) || (rp.var_length->max && *rp.var_length->max < 0))
            return Error("InvalidRelationshipPattern", "hop counts cannot be negative", rp.line, rp.column);
        }
        if (rp.variable.empty()) continue;
        const Kind want = rp.var_length ? Kind::kRelList : Kind::kRel;
        auto it = vars_.find(rp.variable);
        if (it != vars_.end()) {
          if (creating) return Error("VariableAlreadyBound", "`" + rp.variable + "` is already bound", rp.line, rp.column);
          MNEMO_RETURN_IF_ERROR(Expect(rp.variable, it->second, want, rp.line, rp.column));
        }
        for (const auto& seen : rels_here)
          if (seen == rp.variable)
            return Error("RelationshipUniquenessViolation", "`" + rp.variable + "` names two relationships of one pattern",
                         rp.line, rp.column);
        rels_here.push_back(rp.variable);
        vars_.emplace(rp.variable, want);
      }
      if (!part->path_variable.empty()) vars_[part->path_variable] = Kind::kPath;
    }
    return Status::OK();
  }

  Status BindProjection(const lang::Projection& p, bool is_with) {
    Vars next;
    if (p.star) next = vars_;
    std::vector<std::string> columns;
    for (const auto& item : p.items) {
      const std::string column = item.alias.empty() ? item.text : item.alias;
      for (const auto& c : columns)
        if (c == column)
          return Error("ColumnNameConflict", "two columns are named `" + column + "`", item.expr->line,
                       item.expr->column);
      columns.push_back(column);
      MNEMO_RETURN_IF_ERROR(Check(item.expr.get(), /*allow_aggregates=*/true));
      if (is_with && item.alias.empty() && item.expr->kind != lang::ExprKind::kVariable)
        return Error("NoExpressionAlias", "an expression in WITH needs an alias (AS name)", item.expr->line,
                     item.expr->column);
      const std::string name = item.alias.empty() ? item.text : item.alias;
      next[name] = KindOf(*item.expr);
    }
    // ORDER BY sees the projected names and, without aggregation or DISTINCT,
    // the inputs; with them, an input only through an item's own expression.
    bool aggregating = false;
    for (const auto& item : p.items) aggregating |= ContainsAggregate(*item.expr);
    Vars order_scope = aggregating || p.distinct ? Vars{} : vars_;
    for (const auto& [k, v] : next) order_scope[k] = v;
    for (const auto& s : p.order_by) {
      const bool repeats_item = std::any_of(p.items.begin(), p.items.end(),
                                            [&](const auto& item) { return SameExpr(*s.expr, *item.expr); });
      if (repeats_item) continue;
      MNEMO_RETURN_IF_ERROR(CheckExpr(*s.expr, order_scope, aggregating));
    }
    for (const lang::Expr* e : {p.skip.get(), p.limit.get()}) {
      if (!e) continue;
      Vars none;
      Status st = CheckExpr(*e, none, false);
      if (!st.ok())
        return Error("NonConstantExpression", "SKIP and LIMIT take constants or parameters", e->line, e->column);
      if (e->kind == lang::ExprKind::kInt && e->int_value < 0)
        return Error("NegativeIntegerArgument", "SKIP and LIMIT cannot be negative", e->line, e->column);
      if (e->kind == lang::ExprKind::kUnary && e->unary_op == lang::UnaryOp::kNegate)
        return Error("NegativeIntegerArgument", "SKIP and LIMIT cannot be negative", e->line, e->column);
      if (e->kind == lang::ExprKind::kDouble)
        return Error("InvalidArgumentType", "SKIP and LIMIT take integers", e->line, e->column);
    }
    vars_ = std::move(next);
    return Status::OK();
  }

  Status BindSetItem(const lang::SetItem& item) {
    if (item.property) MNEMO_RETURN_IF_ERROR(Check(item.property.get()));
    if (item.value) MNEMO_RETURN_IF_ERROR(Check(item.value.get()));
    if (!item.variable.empty() && !vars_.count(item.variable))
      return Error("UndefinedVariable", "variable `" + item.variable + "` is not defined", item.line, item.column);
    return Status::OK();
  }

  Status BindClause(const lang::Clause& clause) {
    switch (clause.kind()) {
      case lang::ClauseKind::kMatch: {
        const auto& m = std::get<lang::MatchClause>(clause.body);
        std::vector<const lang::PatternPart*> parts;
        for (const auto& p : m.pattern.parts) parts.push_back(&p);
        MNEMO_RETURN_IF_ERROR(BindPattern(parts, false, false));
        return Check(m.where.get());
      }
      case lang::ClauseKind::kUnwind: {
        const auto& u = std::get<lang::UnwindClause>(clause.body);
        MNEMO_RETURN_IF_ERROR(Check(u.list.get()));
        if (vars_.count(u.variable))
          return Error("VariableAlreadyBound", "`" + u.variable + "` is already bound", clause.line, clause.column);
        vars_[u.variable] = Kind::kAny;
        return Status::OK();
      }
      case lang::ClauseKind::kWith: {
        const auto& w = std::get<lang::WithClause>(clause.body);
        MNEMO_RETURN_IF_ERROR(BindProjection(w.projection, true));
        return Check(w.where.get());
      }
      case lang::ClauseKind::kReturn:
        return BindProjection(std::get<lang::ReturnClause>(clause.body).projection, false);
      case lang::ClauseKind::kCreate: {
        const auto& c = std::get<lang::CreateClause>(clause.body);
        std::vector<const lang::PatternPart*> parts;
        for (const auto& p : c.pattern.parts) parts.push_back(&p);
        return BindPattern(parts, true, false);
      }
      case lang::ClauseKind::kMerge: {
        const auto& m = std::get<lang::MergeClause>(clause.body);
        MNEMO_RETURN_IF_ERROR(BindPattern({&m.pattern}, true, true));
        for (const auto& s : m.on_create) MNEMO_RETURN_IF_ERROR(BindSetItem(s));
        for (const auto& s : m.on_match) MNEMO_RETURN_IF_ERROR(BindSetItem(s));
        return Status::OK();
      }
      case lang::ClauseKind::kSet:
        for (const auto& s : std::get<lang::SetClause>(clause.body).items) MNEMO_RETURN_IF_ERROR(BindSetItem(s));
        return Status::OK();
      case lang::ClauseKind::kRemove:
        for (const auto& r : std::get<lang::RemoveClause>(clause.body).items) {
          if (r.property) MNEMO_RETURN_IF_ERROR(Check(r.property.get()));
          if (!r.variable.empty() && !vars_.count(r.variable))
            return Error("UndefinedVariable", "variable `" + r.variable + "` is not defined", r.line, r.column);
        }
        return Status::OK();
      case lang::ClauseKind::kDelete:
        for (const auto& t : std::get<lang::DeleteClause>(clause.body).targets) {
          if (t->kind == lang::ExprKind::kLabelPredicate)
            return Error("InvalidDelete", "DELETE takes nodes, relationships or paths; to drop a label use REMOVE",
                         t->line, t->column);
          MNEMO_RETURN_IF_ERROR(Check(t.get()));
        }
        return Status::OK();
    }
    return Status::OK();
  }

  Vars vars_;
};

}  // namespace

Status Bind(const graph::Hypergraph& g, const lang::Statement& statement) {
  (void)g;
  if (statement.kind() == lang::StatementKind::kQuery)
    return QueryBinder().BindQuery(std::get<lang::Query>(statement.body));
  return Status::OK();
}

}  // namespace mnemo::engine
