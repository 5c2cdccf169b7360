#include "engine/executor.hpp"

#include "engine/binder.hpp"
#include "engine/memory_statements.hpp"
#include "engine/query_runner.hpp"
#include "engine/statement_support.hpp"

namespace mnemo::engine {

using graph::Value;

bool Executor::IsReadOnly(const lang::Statement& s) {
  if (s.explain) return true;
  switch (s.kind()) {
    case lang::StatementKind::kShowSchema:
    case lang::StatementKind::kHistory:
    case lang::StatementKind::kTimeline:
    case lang::StatementKind::kRecall: return true;
    case lang::StatementKind::kQuery:
      for (const auto& part : std::get<lang::Query>(s.body).parts)
        for (const auto& c : part.clauses)
          if (c.kind() != lang::ClauseKind::kMatch && c.kind() != lang::ClauseKind::kUnwind &&
              c.kind() != lang::ClauseKind::kWith && c.kind() != lang::ClauseKind::kReturn)
            return false;
      return true;
    default: return false;
  }
}

namespace {

// Describes every node and relationship the rows refer to.
void DescribeElements(const GraphView& view, QueryResult& result) {
  std::vector<Value> todo;
  for (const auto& row : result.rows)
    for (const auto& v : row) todo.push_back(v);
  while (!todo.empty()) {
    Value v = std::move(todo.back());
    todo.pop_back();
    switch (v.kind()) {
      case Value::Kind::kNode: {
        const graph::Id id = v.as_node().id;
        if (!result.nodes.count(id)) result.nodes[id] = {view.NodeLabels(id), view.NodeProperties(id)};
        break;
      }
      case Value::Kind::kRelationship: {
        const graph::RelRef r = v.as_rel();
        if (!result.relationships.count(r))
          result.relationships[r] = {view.RelType(r), view.RelProperties(r), view.RelStart(r), view.RelEnd(r)};
        todo.emplace_back(graph::NodeRef{view.RelStart(r)});
        todo.emplace_back(graph::NodeRef{view.RelEnd(r)});
        break;
      }
      case Value::Kind::kPath:
        for (auto n : v.as_path().nodes) todo.emplace_back(n);
        for (auto r : v.as_path().rels) todo.emplace_back(r);
        break;
      case Value::Kind::kList:
        for (const auto& e : v.as_list()) todo.push_back(e);
        break;
      case Value::Kind::kMap:
        for (const auto& [k, e] : v.as_map()) todo.push_back(e);
        break;
      default: break;
    }
  }
}

}  // namespace

Result<QueryResult> Executor::Execute(const lang::Statement& statement) {
  MNEMO_RETURN_IF_ERROR(Bind(g_, statement));
  QueryResult result;
  if (statement.explain) {
    result.plan = DescribePlan(g_, statement);
    result.columns = {"plan"};
    std::string line;
    for (char c : result.plan) {
      if (c == '\n') { result.rows.push_back({Value(line)}); line.clear(); }
      else line += c;
    }
    if (!line.empty()) result.rows.push_back({Value(line)});
    return result;
  }

  const temporal::Timestamp now = g_.clock().Now();
  QueryRunner runner;
  ExecContext ctx(g_, params_, now, now, now, &runner, services_);
  runner.Attach(&ctx);
  temporal::Timestamp as_of = now, known_at = now;
  if (statement.as_of) { MNEMO_ASSIGN_OR_RETURN(as_of, EvalTimeValue(ctx, *statement.as_of, "AS OF")); }
  if (statement.known_at) { MNEMO_ASSIGN_OR_RETURN(known_at, EvalTimeValue(ctx, *statement.known_at, "KNOWN AT")); }
  ctx.as_of = as_of;
  ctx.known_at = known_at;
  ctx.view = GraphView(g_, as_of, known_at, !statement.as_of && !statement.known_at);
  ctx.view.SetDeletions(&ctx.deleted);

  const bool writes = !IsReadOnly(statement);
  if (writes) g_.Begin(now);
  Status st;
  if (statement.kind() == lang::StatementKind::kQuery) st = runner.Run(std::get<lang::Query>(statement.body), result);
  else st = RunMemoryStatement(ctx, statement, result);
  if (!st.ok()) {
    if (writes) g_.Rollback();
    return st.WithPosition(statement.line, statement.column);
  }
  if (writes) {
    if (services_) MNEMO_RETURN_IF_ERROR(services_->CommitGroup());
    else g_.Commit();
  }
  result.stats = ctx.stats;
  result.notices = std::move(ctx.notices);
  DescribeElements(ctx.view, result);
  return result;
}

}  // namespace mnemo::engine
