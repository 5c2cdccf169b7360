#include "engine/query_runner.hpp"

#include <algorithm>
#include <unordered_set>

namespace mnemo::engine {

using graph::Id;
using graph::RelRef;
using graph::Value;

Result<Value> EvalConstant(ExecContext& ctx, const lang::Expr& e) {
  static const Scope kEmptyScope;
  static const Row kEmptyRow;
  return ctx.eval.Eval(e, kEmptyScope, kEmptyRow);
}

Status QueryRunner::MatchPattern(const lang::PatternPart& part, Scope& scope, const Row& row, std::vector<Row>& out) {
  PatternMatcher::DeclareVariables({&part}, scope);
  return PatternMatcher(*ctx_).Match({&part}, scope, row, out);
}

Status QueryRunner::Run(const lang::Query& query, QueryResult& result) {
  if (query.parts.size() == 1) return RunSingle(query.parts[0], result);
  bool all = true;
  for (bool a : query.union_all) all &= a;
  std::vector<std::vector<Value>> rows;
  for (size_t i = 0; i < query.parts.size(); ++i) {
    QueryResult part;
    MNEMO_RETURN_IF_ERROR(RunSingle(query.parts[i], part));
    if (i == 0) result.columns = part.columns;
    else if (part.columns != result.columns)
      return Status::BindError("all parts of a UNION must return the same columns");
    for (auto& r : part.rows) rows.push_back(std::move(r));
  }
  if (!all) {
    std::vector<std::vector<Value>> unique;
    for (auto& r : rows) {
      const bool dup = std::any_of(unique.begin(), unique.end(), [&](const auto& u) {
        for (size_t i = 0; i < u.size(); ++i)
          if (!Value::Equivalent(u[i], r[i])) return false;
        return true;
      });
      if (!dup) unique.push_back(std::move(r));
    }
    rows = std::move(unique);
  }
  result.rows = std::move(rows);
  return Status::OK();
}

Status QueryRunner::RunSingle(const lang::SingleQuery& q, QueryResult& result) {
  Pipeline p;
  p.rows.emplace_back();
  for (const lang::Clause& clause : q.clauses) {
    Status st;
    switch (clause.kind()) {
      case lang::ClauseKind::kMatch: st = Match(std::get<lang::MatchClause>(clause.body), p); break;
      case lang::ClauseKind::kUnwind: st = Unwind(std::get<lang::UnwindClause>(clause.body), p); break;
      case lang::ClauseKind::kWith: {
        const auto& w = std::get<lang::WithClause>(clause.body);
        st = Project(*ctx_, w.projection, p.scope, p.rows, nullptr);
        if (st.ok() && w.where) {
          std::vector<Row> kept;
          for (Row& row : p.rows) {
            auto keep = ctx_->eval.Test(*w.where, p.scope, row);
            if (!keep.ok()) return keep.status();
            if (*keep) kept.push_back(std::move(row));
          }
          p.rows = std::move(kept);
        }
        break;
      }
      case lang::ClauseKind::kReturn:
        st = Project(*ctx_, std::get<lang::ReturnClause>(clause.body).projection, p.scope, p.rows, &result.columns);
        if (st.ok()) result.rows = std::move(p.rows);
        break;
      case lang::ClauseKind::kCreate: st = Create(std::get<lang::CreateClause>(clause.body), p); break;
      case lang::ClauseKind::kMerge: st = Merge(std::get<lang::MergeClause>(clause.body), p); break;
      case lang::ClauseKind::kSet:
        for (Row& row : p.rows) {
          st = Set(std::get<lang::SetClause>(clause.body).items, p.scope, row);
          if (!st.ok()) break;
        }
        break;
      case lang::ClauseKind::kRemove: st = Remove(std::get<lang::RemoveClause>(clause.body), p); break;
      case lang::ClauseKind::kDelete: st = Delete(std::get<lang::DeleteClause>(clause.body), p); break;
    }
    if (!st.ok()) return st.WithPosition(clause.line, clause.column);
  }
  return Status::OK();
}

Status QueryRunner::Match(const lang::MatchClause& c, Pipeline& p) {
  std::vector<const lang::PatternPart*> parts;
  for (const auto& part : c.pattern.parts) parts.push_back(&part);
  PatternMatcher::DeclareVariables(parts, p.scope);
  PatternMatcher matcher(*ctx_);
  std::vector<Row> out;
  for (const Row& row : p.rows) {
    std::vector<Row> matched;
    MNEMO_RETURN_IF_ERROR(matcher.Match(parts, p.scope, row, matched));
    size_t kept = 0;
    for (Row& m : matched) {
      if (c.where) {
        MNEMO_ASSIGN_OR_RETURN(bool keep, ctx_->eval.Test(*c.where, p.scope, m));
        if (!keep) continue;
      }
      out.push_back(std::move(m));
      ++kept;
    }
    if (kept == 0 && c.optional) {
      Row nulls = row;
      nulls.resize(p.scope.size());
      out.push_back(std::move(nulls));
    }
  }
  p.rows = std::move(out);
  return Status::OK();
}

Status QueryRunner::Unwind(const lang::UnwindClause& c, Pipeline& p) {
  const int slot = p.scope.Add(c.variable);
  std::vector<Row> out;
  for (const Row& row : p.rows) {
    MNEMO_ASSIGN_OR_RETURN(Value list, ctx_->eval.Eval(*c.list, p.scope, row));
    auto emit = [&](Value v) {
      Row r = row;
      r.resize(p.scope.size());
      r[slot] = std::move(v);
      out.push_back(std::move(r));
    };
    if (list.is_null()) continue;
    if (list.kind() != Value::Kind::kList) {
      emit(std::move(list));
      continue;
    }
    for (const Value& v : list.as_list()) emit(v);
  }
  p.rows = std::move(out);
  return Status::OK();
}

}  // namespace mnemo::engine
