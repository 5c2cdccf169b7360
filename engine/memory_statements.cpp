#include "engine/memory_statements.hpp"

#include "engine/consolidate.hpp"
#include "engine/consolidate_merge.hpp"
#include "engine/fact_statements.hpp"
#include "engine/recall.hpp"
#include "engine/statement_support.hpp"

#include <algorithm>

namespace mnemo::engine {

using graph::Id;
using graph::Value;

namespace {

Status At(Status st, int line, int column) { return st.WithPosition(line, column); }

graph::PropertyType ToStoreType(lang::PropertyType t) {
  switch (t) {
    case lang::PropertyType::kText: return graph::PropertyType::kText;
    case lang::PropertyType::kInt: return graph::PropertyType::kInt;
    case lang::PropertyType::kFloat: return graph::PropertyType::kFloat;
    case lang::PropertyType::kBool: return graph::PropertyType::kBool;
    case lang::PropertyType::kDate: return graph::PropertyType::kDate;
    case lang::PropertyType::kDateTime: return graph::PropertyType::kDateTime;
    case lang::PropertyType::kList: return graph::PropertyType::kList;
    case lang::PropertyType::kMap: return graph::PropertyType::kMap;
    case lang::PropertyType::kAny: return graph::PropertyType::kAny;
  }
  return graph::PropertyType::kAny;
}

std::vector<graph::PropertyDef> ToStoreProperties(const std::vector<lang::PropertyDef>& defs) {
  std::vector<graph::PropertyDef> out;
  for (const auto& d : defs) out.push_back({d.name, ToStoreType(d.type), d.key});
  return out;
}

Status DefineEntity(ExecContext& ctx, const lang::DefineEntity& d) {
  if (!d.roles.empty())
    return Status::BindError("an entity type has properties, not roles: '" + d.roles[0].name + "'", d.roles[0].line,
                             d.roles[0].column);
  MNEMO_RETURN_IF_ERROR(ctx.g.DefineEntity({d.name, ToStoreProperties(d.properties)}));
  ++ctx.stats.schema_changes;
  return Status::OK();
}

Status DefineRelation(ExecContext& ctx, const lang::DefineRelation& d) {
  graph::RelationTypeDef def;
  def.name = d.name;
  def.is_event = d.is_event;
  for (const auto& r : d.roles) {
    graph::RoleDef role;
    role.name = r.name;
    role.cardinality = r.cardinality == lang::Cardinality::kMany ? graph::Cardinality::kMany : graph::Cardinality::kOne;
    // A role typed with a property type (`when: DATE`) takes a value; ANY
    // and entity type names take entities.
    if (auto vt = graph::ParsePropertyType(r.entity_type); vt && *vt != graph::PropertyType::kAny) role.value_type = vt;
    else role.entity_type = vt ? "ANY" : r.entity_type;
    def.roles.push_back(role);
  }
  def.properties = ToStoreProperties(d.properties);
  def.unique_roles = d.unique_roles;
  Status st = ctx.g.DefineRelation(std::move(def));
  if (!st.ok() && !d.roles.empty()) return At(st, d.roles[0].line, d.roles[0].column);
  MNEMO_RETURN_IF_ERROR(st);
  ++ctx.stats.schema_changes;
  return Status::OK();
}

void ShowSchema(ExecContext& ctx, QueryResult& result) {
  result.columns = {"kind", "name", "definition"};
  const graph::Schema& s = ctx.g.schema();
  auto props = [](const std::vector<graph::PropertyDef>& ps, std::string& out) {
    for (const auto& p : ps)
      out += (out.empty() ? "" : ", ") + p.name + " " + std::string(graph::PropertyTypeName(p.type)) + (p.is_key ? " KEY" : "");
  };
  for (const auto& e : s.entities()) {
    std::string def;
    props(e.properties, def);
    result.rows.push_back({Value("ENTITY"), Value(e.name), Value("(" + def + ")")});
  }
  for (const auto& r : s.relations()) {
    std::string def;
    for (const auto& role : r.roles)
      def += (def.empty() ? "" : ", ") + role.name + ": " +
             (role.takes_entity() ? role.entity_type : std::string(graph::PropertyTypeName(*role.value_type))) +
             (role.cardinality == graph::Cardinality::kMany ? " MANY" : "");
    props(r.properties, def);
    def = "(" + def + ")";
    if (!r.unique_roles.empty()) {
      def += " UNIQUE (";
      for (size_t i = 0; i < r.unique_roles.size(); ++i) def += (i ? ", " : "") + r.unique_roles[i];
      def += ")";
    }
    result.rows.push_back({Value(r.is_event ? "EVENT" : "RELATION"), Value(r.name), Value(def)});
  }
}

Status Observe(ExecContext& ctx, const lang::Observe& o, QueryResult& result) {
  graph::EpisodeSpec spec;
  MNEMO_ASSIGN_OR_RETURN(Value text, EvalConstant(ctx, *o.text));
  if (text.kind() != Value::Kind::kString)
    return Status::TypeError("OBSERVE needs text, got " + text.ToString()).WithPosition(o.text->line, o.text->column);
  spec.text = text.as_string();
  if (o.at) { MNEMO_ASSIGN_OR_RETURN(spec.time, EvalTimeValue(ctx, *o.at, "AT")); }
  if (o.by) { MNEMO_ASSIGN_OR_RETURN(spec.speaker, ResolveEntity(ctx, *o.by)); }
  if (o.session) {
    MNEMO_ASSIGN_OR_RETURN(Value s, EvalConstant(ctx, *o.session));
    spec.session = s.kind() == Value::Kind::kString ? s.as_string() : s.ToString();
  }
  for (const auto& a : o.about) {
    MNEMO_ASSIGN_OR_RETURN(Id id, ResolveEntity(ctx, *a));
    spec.about.push_back(id);
  }
  if (o.source) {
    MNEMO_ASSIGN_OR_RETURN(Value s, EvalConstant(ctx, *o.source));
    spec.source = s.kind() == Value::Kind::kString ? s.as_string() : s.ToString();
  }
  if (o.trust) { MNEMO_ASSIGN_OR_RETURN(spec.trust, EvalUnit(ctx, *o.trust, "TRUST")); }
  if (o.embedding) { MNEMO_ASSIGN_OR_RETURN(spec.embedding, EvalEmbedding(ctx, *o.embedding)); }
  auto id = ctx.g.AddEpisode(spec);
  if (!id.ok()) return id.status();
  ++ctx.stats.episodes_created;
  result.columns = {"episode"};
  result.rows.push_back({Value(static_cast<int64_t>(*id))});
  return Status::OK();
}

Status Forget(ExecContext& ctx, const lang::Forget& f, QueryResult& result) {
  result.columns = {"id"};
  std::vector<Id> ids;
  if (f.id) {
    MNEMO_ASSIGN_OR_RETURN(Id id, EvalId(ctx, *f.id));
    ids.push_back(id);
  } else {
    MNEMO_ASSIGN_OR_RETURN(temporal::Timestamp before, EvalTimeValue(ctx, *f.episodes_before, "BEFORE"));
    for (const auto& [id, ep] : ctx.g.episodes())
      if (!ep.forgotten && ep.time < before) ids.push_back(id);
  }
  for (Id id : ids) {
    Status st = ctx.g.SetForgotten(id, true);
    if (!st.ok()) return f.id ? st.WithPosition(f.id->line, f.id->column) : st;
    ++ctx.stats.records_forgotten;
    result.rows.push_back({Value(static_cast<int64_t>(id))});
  }
  return Status::OK();
}

}  // namespace

Status RunMemoryStatement(ExecContext& ctx, const lang::Statement& s, QueryResult& result) {
  switch (s.kind()) {
    case lang::StatementKind::kDefineEntity: return DefineEntity(ctx, std::get<lang::DefineEntity>(s.body));
    case lang::StatementKind::kDefineRelation: return DefineRelation(ctx, std::get<lang::DefineRelation>(s.body));
    case lang::StatementKind::kShowSchema: ShowSchema(ctx, result); return Status::OK();
    case lang::StatementKind::kObserve: return Observe(ctx, std::get<lang::Observe>(s.body), result);
    case lang::StatementKind::kAssert: return Assert(ctx, std::get<lang::Assert>(s.body), result);
    case lang::StatementKind::kRetract: return Retract(ctx, std::get<lang::Retract>(s.body), result);
    case lang::StatementKind::kForget: return Forget(ctx, std::get<lang::Forget>(s.body), result);
    case lang::StatementKind::kRestore: {
      const auto& r = std::get<lang::Restore>(s.body);
      MNEMO_ASSIGN_OR_RETURN(Id id, EvalId(ctx, *r.id));
      MNEMO_RETURN_IF_ERROR(At(ctx.g.SetForgotten(id, false), r.id->line, r.id->column));
      result.columns = {"id"};
      result.rows.push_back({Value(static_cast<int64_t>(id))});
      return Status::OK();
    }
    case lang::StatementKind::kPurge: {
      const auto& p = std::get<lang::Purge>(s.body);
      MNEMO_ASSIGN_OR_RETURN(Id id, EvalId(ctx, *p.id));
      MNEMO_RETURN_IF_ERROR(At(ctx.g.Purge(id, ctx.statement_time), p.id->line, p.id->column));
      ++ctx.stats.records_purged;
      result.columns = {"id"};
      result.rows.push_back({Value(static_cast<int64_t>(id))});
      return Status::OK();
    }
    case lang::StatementKind::kHistory: return History(ctx, std::get<lang::History>(s.body), result);
    case lang::StatementKind::kTimeline: return Timeline(ctx, std::get<lang::Timeline>(s.body), result);
    case lang::StatementKind::kRecall: return Recall(ctx, std::get<lang::Recall>(s.body), result);
    case lang::StatementKind::kConsolidate: return RunConsolidate(ctx, std::get<lang::Consolidate>(s.body), result);
    case lang::StatementKind::kMergeEntity:
      return consolidate::RunMergeEntity(ctx, std::get<lang::MergeEntity>(s.body), result);
    case lang::StatementKind::kSnapshot:
      if (!ctx.services)
        return Status::Unsupported("SNAPSHOT needs a durable memory (open it with a directory, --db DIR)");
      return ctx.services->Checkpoint();
    case lang::StatementKind::kQuery: break;
  }
  return Status::Internal("not a memory statement");
}

}  // namespace mnemo::engine
