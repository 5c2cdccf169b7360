// Evaluator: computes the value of a lang::Expr for one row, with openCypher
// semantics (three-valued logic, null propagation, numeric promotion).
//
// Contract
//  - Never throws; type errors come back as Status::TypeError, unknown
//    functions or variables as BindError, both with the expression's line and
//    column. Integer overflow in arithmetic is an error, not wrap-around.
//  - Aggregate function calls (count, sum, avg, min, max, collect, stDev,
//    stDevP, percentileCont, percentileDisc) are not computed here: the
//    projection computes them first and passes their values in `aggregates`
//    keyed by the call's Expr address; meeting one that is not in the map is
//    a BindError ("aggregate not allowed here").
//  - Pattern predicates and pattern comprehensions ask the PatternSource.
#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include "base/status.hpp"
#include "engine/graph_view.hpp"
#include "engine/row.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

// Supplied by the executor: all extensions of `row` matching `part`.
// New variables of the pattern are appended to `scope` (a copy the caller
// owns) and each output row has scope.size() values.
class PatternSource {
 public:
  virtual ~PatternSource() = default;
  virtual Status MatchPattern(const lang::PatternPart& part, Scope& scope, const Row& row,
                              std::vector<Row>& out) = 0;
};

using AggregateValues = std::unordered_map<const lang::Expr*, graph::Value>;

class Evaluator {
 public:
  // `statement_time` is what now(), datetime() and timestamp() without
  // arguments return (one value for the whole statement).
  Evaluator(const GraphView& view, const Params& params, temporal::Timestamp statement_time,
            PatternSource* patterns);

  Result<graph::Value> Eval(const lang::Expr& e, const Scope& scope, const Row& row,
                            const AggregateValues* aggregates = nullptr);
  // Eval, then openCypher truthiness for WHERE: true only for boolean true;
  // null and false are false; other types are a TypeError.
  Result<bool> Test(const lang::Expr& e, const Scope& scope, const Row& row);

  const GraphView& view() const { return view_; }

 private:
  struct Walker;      // the recursive evaluation (evaluator.cpp)
  struct RegexCache;  // compiled =~ patterns, by pattern text

  const GraphView& view_;
  const Params& params_;
  temporal::Timestamp statement_time_;
  PatternSource* patterns_;
  std::shared_ptr<RegexCache> regex_cache_;
};

// Whether `name` (any case) is an aggregate function.
bool IsAggregateFunction(std::string_view name);
// Whether the expression contains an aggregate call (not looking inside
// nested list comprehensions' own scopes).
bool ContainsAggregate(const lang::Expr& e);
// Collects the aggregate calls in `e`, outermost first.
void CollectAggregates(const lang::Expr& e, std::vector<const lang::Expr*>& out);

// Accumulates one aggregate call over the rows of a group.
class Aggregator {
 public:
  // `call` is a kFunctionCall with an aggregate name, or kCountStar.
  explicit Aggregator(const lang::Expr& call);
  // Adds the value of the call's argument for one row (count(*) ignores it).
  // `extra` is the second argument where there is one (percentiles).
  Status Add(const graph::Value& v, const graph::Value& extra = graph::Value());
  Result<graph::Value> Finish() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace mnemo::engine
