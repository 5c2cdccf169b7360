#include "engine/consolidate_support.hpp"

#include <cmath>

#include "lang/time_literal.hpp"

namespace mnemo::engine::consolidate {

using graph::Value;

DerivedNames::DerivedNames(const graph::Hypergraph& g)
    : topic(g.names().Find(kTopicType)), in_topic(g.names().Find(kInTopic)), merged_into(g.names().Find(kMergedInto)) {}

std::string EntityName(const graph::Hypergraph& g, graph::Id id) {
  const graph::Entity* e = g.entity(id);
  if (e)
    for (graph::Symbol t : e->types)
      if (const Value* key = g.EntityProperty(id, g.KeyPropertyOf(g.names().Text(t))))
        return key->kind() == Value::Kind::kString ? key->as_string() : key->ToString();
  return "#" + std::to_string(id);
}

Result<double> EvalNumberOption(ExecContext& ctx, const lang::Expr& e, const char* what, double min, double max) {
  MNEMO_ASSIGN_OR_RETURN(Value v, EvalConstant(ctx, e));
  if (!v.is_number() || !std::isfinite(v.as_number()) || v.as_number() < min || v.as_number() > max)
    return Status::InvalidArgument(std::string(what) + " must be a number from " + Value(min).ToString() + " to " +
                                   Value(max).ToString() + ", got " + v.ToString())
        .WithPosition(e.line, e.column);
  return v.as_number();
}

Result<int64_t> EvalIntOption(ExecContext& ctx, const lang::Expr& e, const char* what, int64_t min, int64_t max) {
  MNEMO_ASSIGN_OR_RETURN(Value v, EvalConstant(ctx, e));
  if (v.kind() != Value::Kind::kInt || v.as_int() < min || v.as_int() > max)
    return Status::InvalidArgument(std::string(what) + " must be an integer from " + std::to_string(min) + " to " +
                                   std::to_string(max) + ", got " + v.ToString())
        .WithPosition(e.line, e.column);
  return v.as_int();
}

Result<temporal::Duration> EvalDurationOption(ExecContext& ctx, const lang::Expr& e, const char* what) {
  MNEMO_ASSIGN_OR_RETURN(Value v, EvalConstant(ctx, e));
  std::optional<int64_t> micros;
  if (v.kind() == Value::Kind::kInt) micros = v.as_int();
  if (v.kind() == Value::Kind::kString) {
    lang::LiteralError error;
    micros = lang::ParseDurationLiteral(v.as_string(), &error);
  }
  if (!micros || *micros <= 0)
    return Status::InvalidArgument(std::string(what) + " must be a positive duration such as 30d, got " + v.ToString())
        .WithPosition(e.line, e.column);
  return *micros;
}

}  // namespace mnemo::engine::consolidate
