// QueryRunner: executes a Cypher query (lang::Query) clause by clause.
//
// Rows are materialised between clauses, which gives openCypher's eager
// semantics for reads after writes. The runner is the PatternSource of the
// evaluator (pattern predicates and comprehensions).
#pragma once

#include "engine/exec_context.hpp"
#include "engine/pattern_matcher.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

class QueryRunner final : public PatternSource {
 public:
  QueryRunner() = default;
  void Attach(ExecContext* ctx) { ctx_ = ctx; }

  // Runs the query; fills columns and rows of `result`.
  Status Run(const lang::Query& query, QueryResult& result);

  Status MatchPattern(const lang::PatternPart& part, Scope& scope, const Row& row, std::vector<Row>& out) override;

 private:
  struct Pipeline {
    Scope scope;
    std::vector<Row> rows;
  };
  Status RunSingle(const lang::SingleQuery& q, QueryResult& result);
  Status Match(const lang::MatchClause& c, Pipeline& p);
  Status Unwind(const lang::UnwindClause& c, Pipeline& p);
  Status Create(const lang::CreateClause& c, Pipeline& p);
  Status Merge(const lang::MergeClause& c, Pipeline& p);
  Status Set(const std::vector<lang::SetItem>& items, const Scope& scope, Row& row);
  Status Remove(const lang::RemoveClause& c, Pipeline& p);
  Status Delete(const lang::DeleteClause& c, Pipeline& p);
  // Creates the elements of a pattern part not bound yet, binding them in `row`.
  Status CreatePart(const lang::PatternPart& part, const Scope& scope, Row& row, bool merging = false);

  ExecContext* ctx_ = nullptr;
};

// WITH / RETURN: projection with grouping and aggregation, DISTINCT, ORDER BY,
// SKIP and LIMIT. Replaces `scope`/`rows` with the projected ones.
Status Project(ExecContext& ctx, const lang::Projection& proj, Scope& scope, std::vector<Row>& rows,
               std::vector<std::string>* column_names);

}  // namespace mnemo::engine
