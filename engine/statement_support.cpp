#include "engine/statement_support.hpp"

#include <algorithm>

#include "engine/consolidate_merge.hpp"
#include "engine/recall_index.hpp"

namespace mnemo::engine {

Result<std::vector<float>> EvalEmbedding(ExecContext& ctx, const lang::Expr& e) {
  MNEMO_ASSIGN_OR_RETURN(graph::Value v, EvalConstant(ctx, e));
  if (v.kind() != graph::Value::Kind::kList)
    return Status::TypeError("EMBEDDING needs a list of numbers, got " + v.ToString()).WithPosition(e.line, e.column);
  std::vector<float> out;
  for (const auto& x : v.as_list()) {
    if (!x.is_number())
      return Status::TypeError("EMBEDDING needs a list of numbers, found " + x.ToString()).WithPosition(e.line, e.column);
    out.push_back(static_cast<float>(x.as_number()));
  }
  if (ctx.services) MNEMO_RETURN_IF_ERROR(CheckDimension(ctx.services->recall(), out).WithPosition(e.line, e.column));
  return out;
}

using graph::Id;
using graph::Value;

// `Type 'key'`: the entity of that type with that key, created when absent.
Result<Id> ResolveEntity(ExecContext& ctx, const lang::Expr& ref) {
  MNEMO_ASSIGN_OR_RETURN(Value key, EvalConstant(ctx, *ref.children[0]));
  if (key.is_null()) return Status::TypeError("an entity key cannot be null").WithPosition(ref.line, ref.column);
  const std::string& type = ref.text;
  for (Id id : ctx.g.FindByKey(type, key)) {
    if (ctx.view.NodeExists(id)) return id;
    // An entity merged into another (MERGE ENTITY) stands for it.
    if (const Id target = consolidate::MergedInto(ctx.g, id); target != graph::kNoId && ctx.view.NodeExists(target))
      return target;
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
  if (v.kind() == Value::Kind::kInt) return v.as_int();  // microseconds since the epoch
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

}  // namespace mnemo::engine
