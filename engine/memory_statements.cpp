#include "engine/memory_statements.hpp"

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

// `Type 'key'`: the entity of that type with that key, created when absent.
Result<Id> ResolveEntity(ExecContext& ctx, const lang::Expr& ref) {
  MNEMO_ASSIGN_OR_RETURN(Value key, EvalConstant(ctx, *ref.children[0]));
  if (key.is_null()) return Status::TypeError("an entity key cannot be null").WithPosition(ref.line, ref.column);
  const std::string& type = ref.text;
  for (Id id : ctx.g.FindByKey(type, key)) {
    if (ctx.view.NodeExists(id)) return id;
    if (ctx.g.entity(id)->forgotten)
      return Status::Constraint(type + " " + key.ToString() + " is forgotten (id " + std::to_string(id) +
                                "); RESTORE " + std::to_string(id) + " to use it again")
          .WithPosition(ref.line, ref.column);
  }
  graph::EntitySpec spec;
  spec.types = {type};
  spec.properties = {{std::string(ctx.g.KeyPropertyOf(type)), key}};
  auto id = ctx.g.AddEntity(spec);
  if (!id.ok()) return Status(id.status()).WithPosition(ref.line, ref.column);
  ++ctx.stats.nodes_created;
  return *id;
}

Result<temporal::Timestamp> EvalTimeValue(ExecContext& ctx, const lang::Expr& e, const char* what) {
  MNEMO_ASSIGN_OR_RETURN(Value v, EvalConstant(ctx, e));
  if (v.kind() == Value::Kind::kDateTime) return v.as_datetime().micros;
  if (v.kind() == Value::Kind::kDate) return v.as_date().micros;
  if (v.kind() == Value::Kind::kString)
    if (auto t = temporal::ParseTimestamp(v.as_string())) return *t;
  return Status::TypeError(std::string(what) + " needs a time, got " + v.ToString()).WithPosition(e.line, e.column);
}

Result<double> EvalUnit(ExecContext& ctx, const lang::Expr& e, const char* what) {
  MNEMO_ASSIGN_OR_RETURN(Value v, EvalConstant(ctx, e));
  if (!v.is_number() || v.as_number() < 0 || v.as_number() > 1)
    return Status::InvalidArgument(std::string(what) + " must be a number between 0 and 1, got " + v.ToString())
        .WithPosition(e.line, e.column);
  return v.as_number();
}

Result<Id> EvalId(ExecContext& ctx, const lang::Expr& e) {
  MNEMO_ASSIGN_OR_RETURN(Value v, EvalConstant(ctx, e));
  if (v.kind() == Value::Kind::kInt && v.as_int() > 0) return static_cast<Id>(v.as_int());
  if (v.kind() == Value::Kind::kNode) return v.as_node().id;
  return Status::TypeError("expected a record id, got " + v.ToString()).WithPosition(e.line, e.column);
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
  if (o.embedding) {
    MNEMO_ASSIGN_OR_RETURN(Value e, EvalConstant(ctx, *o.embedding));
    if (e.kind() != Value::Kind::kList)
      return Status::TypeError("EMBEDDING needs a list of numbers").WithPosition(o.embedding->line, o.embedding->column);
    for (const auto& x : e.as_list()) {
      if (!x.is_number())
        return Status::TypeError("EMBEDDING needs a list of numbers, found " + x.ToString())
            .WithPosition(o.embedding->line, o.embedding->column);
      spec.embedding.push_back(static_cast<float>(x.as_number()));
    }
  }
  auto id = ctx.g.AddEpisode(spec);
  if (!id.ok()) return id.status();
  ++ctx.stats.episodes_created;
  result.columns = {"episode"};
  result.rows.push_back({Value(static_cast<int64_t>(*id))});
  return Status::OK();
}

// The role bindings of rel(role: value, ...): entity refs (or lists of them)
// bind entities; other values bind values — or are properties where the
// relation is declared and names them as properties.
Status BuildFact(ExecContext& ctx, const lang::FactPattern& f, bool create_entities, graph::HyperedgeSpec& spec) {
  spec.type = f.relation;
  const graph::RelationTypeDef* def = ctx.g.schema().FindRelation(f.relation);
  if (def) spec.is_event = def->is_event;
  for (const auto& rb : f.roles) {
    std::vector<const lang::Expr*> items;
    if (rb.value->kind == lang::ExprKind::kList && !rb.value->children.empty() &&
        rb.value->children[0]->kind == lang::ExprKind::kEntityRef) {
      for (const auto& c : rb.value->children) items.push_back(c.get());
    } else {
      items.push_back(rb.value.get());
    }
    for (const lang::Expr* item : items) {
      if (item->kind == lang::ExprKind::kEntityRef) {
        Id id = graph::kNoId;
        if (create_entities) {
          MNEMO_ASSIGN_OR_RETURN(id, ResolveEntity(ctx, *item));
        } else {
          MNEMO_ASSIGN_OR_RETURN(Value key, EvalConstant(ctx, *item->children[0]));
          for (Id c : ctx.g.FindByKey(item->text, key))
            if (ctx.view.NodeExists(c)) { id = c; break; }
          if (id == graph::kNoId)
            return Status::NotFound(item->text + " " + key.ToString() + " is not in memory").WithPosition(item->line, item->column);
        }
        spec.roles.push_back({rb.role, id, {}});
        continue;
      }
      MNEMO_ASSIGN_OR_RETURN(Value v, EvalConstant(ctx, *item));
      if (def && def->FindProperty(rb.role)) spec.properties.emplace_back(rb.role, v);
      else spec.roles.push_back({rb.role, graph::kNoId, v});
    }
  }
  // Roles are stored in their declared order, whatever order they were written
  // in: the first two entity roles of a relation are its Cypher direction.
  if (def) {
    auto rank = [&](const graph::RoleSpec& r) {
      for (size_t i = 0; i < def->roles.size(); ++i)
        if (def->roles[i].name == r.role) return i;
      return def->roles.size();
    };
    std::stable_sort(spec.roles.begin(), spec.roles.end(),
                     [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  }
  return Status::OK();
}

// Same role bindings as a multiset (the participants of a MANY role have no
// order) and the same properties.
bool SameBindings(const graph::Hypergraph& g, const graph::Hyperedge& h, const graph::HyperedgeSpec& spec) {
  if (h.roles.size() != spec.roles.size()) return false;
  std::vector<bool> used(h.roles.size(), false);
  for (const auto& s : spec.roles) {
    bool found = false;
    for (size_t i = 0; i < h.roles.size() && !found; ++i) {
      const auto& r = h.roles[i];
      if (used[i] || g.names().Text(r.role) != s.role || r.entity != s.entity) continue;
      if (!r.is_entity() && !Value::Equivalent(r.value, s.value)) continue;
      used[i] = found = true;
    }
    if (!found) return false;
  }
  for (const auto& [k, v] : spec.properties) {
    const Value* have = h.properties.Get(g.names().Find(k));
    if (!have || !Value::Equivalent(*have, v)) return false;
  }
  return h.properties.size() == spec.properties.size();
}

// Whether fact `h` binds every role of `spec` as given (a partial pattern).
bool Covers(const graph::Hypergraph& g, const graph::Hyperedge& h, const graph::HyperedgeSpec& spec) {
  for (const auto& s : spec.roles) {
    const bool found = std::any_of(h.roles.begin(), h.roles.end(), [&](const graph::RoleBinding& r) {
      return g.names().Text(r.role) == s.role && r.entity == s.entity &&
             (r.is_entity() || Value::Equivalent(r.value, s.value));
    });
    if (!found) return false;
  }
  return true;
}

Status Assert(ExecContext& ctx, const lang::Assert& a, QueryResult& result) {
  graph::HyperedgeSpec spec;
  MNEMO_RETURN_IF_ERROR(BuildFact(ctx, a.fact, true, spec));
  if (a.valid_from) { MNEMO_ASSIGN_OR_RETURN(spec.valid_from, EvalTimeValue(ctx, *a.valid_from, "VALID FROM")); }
  if (a.at) {
    MNEMO_ASSIGN_OR_RETURN(spec.valid_from, EvalTimeValue(ctx, *a.at, "AT"));
    spec.is_event = true;
  }
  if (a.valid_until) { MNEMO_ASSIGN_OR_RETURN(spec.valid_to, EvalTimeValue(ctx, *a.valid_until, "VALID UNTIL")); }
  if (spec.valid_from && spec.valid_to && *spec.valid_to <= *spec.valid_from)
    return Status::InvalidArgument("VALID UNTIL must come after VALID FROM").WithPosition(a.fact.line, a.fact.column);
  for (const auto& e : a.from_episodes) {
    MNEMO_ASSIGN_OR_RETURN(Id ep, EvalId(ctx, *e));
    if (!ctx.g.episode(ep)) return Status::NotFound("episode " + std::to_string(ep) + " does not exist").WithPosition(e->line, e->column);
    spec.provenance.push_back(ep);
  }
  if (a.confidence) { MNEMO_ASSIGN_OR_RETURN(spec.confidence, EvalUnit(ctx, *a.confidence, "CONFIDENCE")); }
  if (a.supersedes)
    return Status::Unsupported("SUPERSEDES is executed by the bitemporal layer, not in this version")
        .WithPosition(a.supersedes->line, a.supersedes->column);
  result.columns = {"fact"};
  // Re-asserting an identical current fact adds provenance, not a duplicate.
  for (Id id : ctx.g.HyperedgesOfType(spec.type)) {
    const graph::Hyperedge& h = *ctx.g.hyperedge(id);
    if (!ctx.view.HyperedgeVisible(h) || !SameBindings(ctx.g, h, spec)) continue;
    if (spec.valid_from && *spec.valid_from != h.time.valid_from) continue;
    MNEMO_RETURN_IF_ERROR(ctx.g.AddProvenance(id, spec.provenance));
    ctx.notices.push_back("fact " + std::to_string(id) + " was already known; provenance added");
    result.rows.push_back({Value(static_cast<int64_t>(id))});
    return Status::OK();
  }
  auto id = ctx.g.AddHyperedge(spec);
  if (!id.ok()) return Status(id.status()).WithPosition(a.fact.line, a.fact.column);
  ++ctx.stats.facts_created;
  if (GraphView::IsBinary(*ctx.g.hyperedge(*id))) ++ctx.stats.relationships_created;
  else ++ctx.stats.nodes_created;
  result.rows.push_back({Value(static_cast<int64_t>(*id))});
  return Status::OK();
}

Status Retract(ExecContext& ctx, const lang::Retract& r, QueryResult& result) {
  std::vector<Id> targets;
  if (r.id) {
    MNEMO_ASSIGN_OR_RETURN(Id id, EvalId(ctx, *r.id));
    const graph::Hyperedge* h = ctx.g.hyperedge(id);
    if (!h || !ctx.view.HyperedgeVisible(*h))
      return Status::NotFound("no current fact has id " + std::to_string(id)).WithPosition(r.id->line, r.id->column);
    targets.push_back(id);
  } else {
    graph::HyperedgeSpec spec;
    MNEMO_RETURN_IF_ERROR(BuildFact(ctx, *r.fact, false, spec));
    for (Id id : ctx.g.HyperedgesOfType(spec.type)) {
      const graph::Hyperedge& h = *ctx.g.hyperedge(id);
      if (ctx.view.HyperedgeVisible(h) && Covers(ctx.g, h, spec)) targets.push_back(id);
    }
    if (targets.empty())
      return Status::NotFound("no current " + spec.type + " fact matches").WithPosition(r.fact->line, r.fact->column);
  }
  result.columns = {"fact"};
  for (Id id : targets) {
    MNEMO_RETURN_IF_ERROR(ctx.g.RetractHyperedge(id, ctx.statement_time));
    ++ctx.stats.facts_retracted;
    result.rows.push_back({Value(static_cast<int64_t>(id))});
  }
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
    case lang::StatementKind::kHistory:
    case lang::StatementKind::kTimeline:
    case lang::StatementKind::kRecall:
    case lang::StatementKind::kConsolidate:
    case lang::StatementKind::kMergeEntity:
    case lang::StatementKind::kSnapshot:
      return Status::Unsupported(std::string(lang::StatementKindName(s.kind())) +
                                 " parses but is not executed in this version");
    case lang::StatementKind::kQuery: break;
  }
  return Status::Internal("not a memory statement");
}

}  // namespace mnemo::engine
