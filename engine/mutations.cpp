// CREATE, MERGE, SET, REMOVE and DELETE of the Cypher core (see query_runner.hpp).
//
// Mapping to the hypergraph: a created node is an entity with the node's
// labels as types; a created relationship (a)-[:T]->(b) is a binary
// hyperedge of type T binding a and b to T's first two declared roles, or
// to the roles `from` and `to` when T is not declared. Facts are atomic:
// DETACH DELETE of an entity removes every fact it takes part in, n-ary ones
// included (a trip without one of its travelers would be another fact), and
// a role link cannot be deleted on its own.
#include <algorithm>

#include "engine/query_runner.hpp"

namespace mnemo::engine {

using graph::Id;
using graph::RelRef;
using graph::Value;

namespace {

Result<graph::Map> EvalProperties(ExecContext& ctx, const lang::Expr* props, const Scope& scope, const Row& row) {
  if (!props) return graph::Map{};
  MNEMO_ASSIGN_OR_RETURN(Value v, ctx.eval.Eval(*props, scope, row));
  if (v.is_null()) return graph::Map{};
  if (v.kind() != Value::Kind::kMap)
    return Status::TypeError("properties must be a map, got " + v.ToString()).WithPosition(props->line, props->column);
  return v.as_map();
}

// openCypher property values: no maps, no nested collections — unless the
// schema declares the property (then the schema's type decides).
Status CheckPropertyValue(const std::string& key, const Value& v, bool declared = false) {
  if (declared) return v.IsStorable() ? Status::OK() : Status::TypeError("property '" + key + "' cannot hold " + v.ToString());
  if (v.kind() == Value::Kind::kMap || !v.IsStorable())
    return Status::TypeError("property '" + key + "' cannot hold the value " + v.ToString());
  if (v.kind() == Value::Kind::kList)
    for (const Value& e : v.as_list())
      if (e.kind() == Value::Kind::kList || e.kind() == Value::Kind::kMap)
        return Status::TypeError("property '" + key + "' cannot hold a nested collection " + v.ToString());
  return Status::OK();
}

std::pair<std::string, std::string> RolesOf(const graph::Hypergraph& g, const std::string& type) {
  if (const graph::RelationTypeDef* def = g.schema().FindRelation(type)) {
    std::vector<std::string> roles;
    for (const auto& r : def->roles)
      if (r.takes_entity()) roles.push_back(r.name);
    if (roles.size() >= 2) return {roles[0], roles[1]};
  }
  return {"from", "to"};
}

bool IsDeclaredProperty(ExecContext& ctx, const Value& target, const std::string& key);

// The property write behind SET x.k = v / REMOVE x.k, with openCypher's counts.
Status WriteProperty(ExecContext& ctx, const Value& target, const std::string& key, const Value& value) {
  if (target.is_null()) return Status::OK();
  Value old;
  Id record;
  bool entity = false;
  if (target.kind() == Value::Kind::kNode) {
    record = target.as_node().id;
    entity = ctx.g.entity(record) != nullptr;
    old = ctx.view.NodeProperty(record, key);
  } else if (target.kind() == Value::Kind::kRelationship) {
    if (target.as_rel().role >= 0) return Status::TypeError("a role link has no properties of its own");
    record = target.as_rel().edge;
    old = ctx.view.RelProperty(target.as_rel(), key);
  } else {
    return Status::TypeError("cannot set a property on " + target.ToString());
  }
  if (ctx.deleted.ids.count(record)) return Status::NotFound("the element was deleted by this statement");
  if (!value.is_null()) MNEMO_RETURN_IF_ERROR(CheckPropertyValue(key, value, IsDeclaredProperty(ctx, target, key)));
  MNEMO_RETURN_IF_ERROR(entity ? ctx.g.SetEntityProperty(record, key, value)
                               : ctx.g.SetHyperedgeProperty(record, key, value));
  if (!value.is_null()) ++ctx.stats.properties_set;
  if (!old.is_null()) ++ctx.stats.properties_removed;
  return Status::OK();
}

// Whether a declared type of the element names `key` as a property.
bool IsDeclaredProperty(ExecContext& ctx, const Value& target, const std::string& key) {
  const graph::Schema& schema = ctx.g.schema();
  if (target.kind() == Value::Kind::kNode) {
    for (const auto& label : ctx.view.NodeLabels(target.as_node().id)) {
      if (const auto* e = schema.FindEntity(label); e && e->FindProperty(key)) return true;
      if (const auto* r = schema.FindRelation(label); r && r->FindProperty(key)) return true;
    }
    return false;
  }
  const auto* r = schema.FindRelation(ctx.view.RelType(target.as_rel()));
  return r && r->FindProperty(key);
}

graph::Map PropertiesOf(ExecContext& ctx, const Value& v) {
  if (v.kind() == Value::Kind::kNode) return ctx.view.NodeProperties(v.as_node().id);
  if (v.kind() == Value::Kind::kRelationship) return ctx.view.RelProperties(v.as_rel());
  return {};
}

}  // namespace

Status QueryRunner::CreatePart(const lang::PatternPart& part, const Scope& scope, Row& row, bool merging) {
  std::vector<Id> nodes;
  for (const auto& np : part.nodes) {
    const int slot = np.variable.empty() ? -1 : scope.Find(np.variable);
    if (slot >= 0 && !row[slot].is_null()) {
      if (row[slot].kind() != Value::Kind::kNode)
        return Status::TypeError("variable `" + np.variable + "` is not a node").WithPosition(np.line, np.column);
      nodes.push_back(row[slot].as_node().id);
      continue;
    }
    MNEMO_ASSIGN_OR_RETURN(graph::Map props, EvalProperties(*ctx_, np.properties.get(), scope, row));
    graph::EntitySpec spec;
    spec.types = np.labels;
    for (auto& [k, v] : props) {
      if (v.is_null()) continue;
      bool declared = false;
      for (const auto& l : np.labels)
        if (const auto* e = ctx_->g.schema().FindEntity(l); e && e->FindProperty(k)) declared = true;
      MNEMO_RETURN_IF_ERROR(CheckPropertyValue(k, v, declared).WithPosition(np.line, np.column));
      spec.properties.emplace_back(k, v);
    }
    auto id = ctx_->g.AddEntity(spec);
    if (!id.ok()) return Status(id.status()).WithPosition(np.line, np.column);
    ++ctx_->stats.nodes_created;
    ctx_->stats.labels_added += static_cast<int64_t>(ctx_->g.entity(*id)->types.size());
    ctx_->stats.properties_set += static_cast<int64_t>(spec.properties.size());
    if (slot >= 0) row[slot] = Value(graph::NodeRef{*id});
    nodes.push_back(*id);
  }
  graph::PathValue path;
  path.nodes.push_back({nodes[0]});
  for (size_t i = 0; i < part.rels.size(); ++i) {
    const lang::RelPattern& rp = part.rels[i];
    const int slot = rp.variable.empty() ? -1 : scope.Find(rp.variable);
    if (rp.types.size() != 1)
      return Status::BindError("a created relationship needs exactly one type", rp.line, rp.column);
    // MERGE of an undirected relationship creates it left to right.
    if (!merging && rp.direction != lang::RelDirection::kLeft && rp.direction != lang::RelDirection::kRight)
      return Status::BindError("a created relationship needs a direction", rp.line, rp.column);
    Id from = nodes[i], to = nodes[i + 1];
    if (rp.direction == lang::RelDirection::kLeft) std::swap(from, to);
    for (Id end : {from, to})
      if (!ctx_->g.entity(end))
        return Status::TypeError("a relationship can only join entities; node " + std::to_string(end) +
                                 " is a fact (use ASSERT for n-ary facts)")
            .WithPosition(rp.line, rp.column);
    MNEMO_ASSIGN_OR_RETURN(graph::Map props, EvalProperties(*ctx_, rp.properties.get(), scope, row));
    graph::HyperedgeSpec spec;
    spec.type = rp.types[0];
    const auto [from_role, to_role] = RolesOf(ctx_->g, spec.type);
    spec.roles = {{from_role, from, {}}, {to_role, to, {}}};
    for (auto& [k, v] : props) {
      if (v.is_null()) continue;
      MNEMO_RETURN_IF_ERROR(CheckPropertyValue(k, v).WithPosition(rp.line, rp.column));
      spec.properties.emplace_back(k, v);
    }
    auto id = ctx_->g.AddHyperedge(spec);
    if (!id.ok()) return Status(id.status()).WithPosition(rp.line, rp.column);
    ++ctx_->stats.relationships_created;
    ctx_->stats.properties_set += static_cast<int64_t>(spec.properties.size());
    if (slot >= 0) row[slot] = Value(RelRef{*id, -1});
    path.rels.push_back({*id, -1});
    path.nodes.push_back({nodes[i + 1]});
  }
  if (!part.path_variable.empty()) row[scope.Find(part.path_variable)] = Value(std::move(path));
  return Status::OK();
}

Status QueryRunner::Create(const lang::CreateClause& c, Pipeline& p) {
  std::vector<const lang::PatternPart*> parts;
  for (const auto& part : c.pattern.parts) parts.push_back(&part);
  PatternMatcher::DeclareVariables(parts, p.scope);
  for (Row& row : p.rows) {
    row.resize(p.scope.size());
    for (const auto* part : parts) MNEMO_RETURN_IF_ERROR(CreatePart(*part, p.scope, row));
  }
  return Status::OK();
}

Status QueryRunner::Merge(const lang::MergeClause& c, Pipeline& p) {
  PatternMatcher::DeclareVariables({&c.pattern}, p.scope);
  std::vector<Row> out;
  for (Row& row : p.rows) {
    std::vector<Row> matched;
    MNEMO_RETURN_IF_ERROR(PatternMatcher(*ctx_).Match({&c.pattern}, p.scope, row, matched));
    if (matched.empty()) {
      Row created = row;
      created.resize(p.scope.size());
      // Null property values cannot be merged on.
      for (const auto& np : c.pattern.nodes) {
        MNEMO_ASSIGN_OR_RETURN(graph::Map props, EvalProperties(*ctx_, np.properties.get(), p.scope, created));
        for (const auto& [k, v] : props)
          if (v.is_null())
            return Status::TypeError("cannot MERGE a node with the null property '" + k + "'")
                .WithPosition(np.line, np.column);
      }
      MNEMO_RETURN_IF_ERROR(CreatePart(c.pattern, p.scope, created, /*merging=*/true));
      MNEMO_RETURN_IF_ERROR(Set(c.on_create, p.scope, created));
      out.push_back(std::move(created));
    } else {
      for (Row& m : matched) {
        MNEMO_RETURN_IF_ERROR(Set(c.on_match, p.scope, m));
        out.push_back(std::move(m));
      }
    }
  }
  p.rows = std::move(out);
  return Status::OK();
}

Status QueryRunner::Set(const std::vector<lang::SetItem>& items, const Scope& scope, Row& row) {
  for (const lang::SetItem& item : items) {
    Status st;
    switch (item.kind) {
      case lang::SetItemKind::kProperty: {
        const lang::Expr& prop = *item.property;
        MNEMO_ASSIGN_OR_RETURN(Value target, ctx_->eval.Eval(*prop.children[0], scope, row));
        MNEMO_ASSIGN_OR_RETURN(Value value, ctx_->eval.Eval(*item.value, scope, row));
        st = WriteProperty(*ctx_, target, prop.text, value);
        break;
      }
      case lang::SetItemKind::kReplace:
      case lang::SetItemKind::kMerge: {
        const int slot = scope.Find(item.variable);
        if (slot < 0) return Status::BindError("variable `" + item.variable + "` is not defined", item.line, item.column);
        const Value target = row[slot];
        if (target.is_null()) break;
        MNEMO_ASSIGN_OR_RETURN(Value value, ctx_->eval.Eval(*item.value, scope, row));
        graph::Map props;
        if (value.kind() == Value::Kind::kMap) props = value.as_map();
        else if (value.kind() == Value::Kind::kNode || value.kind() == Value::Kind::kRelationship)
          props = PropertiesOf(*ctx_, value);
        else if (!value.is_null())
          return Status::TypeError("SET needs a map, got " + value.ToString()).WithPosition(item.line, item.column);
        if (item.kind == lang::SetItemKind::kReplace)
          for (const auto& [k, v] : PropertiesOf(*ctx_, target)) {
            const bool kept = std::any_of(props.begin(), props.end(), [&](const auto& kv) { return kv.first == k; });
            if (!kept) MNEMO_RETURN_IF_ERROR(WriteProperty(*ctx_, target, k, Value()));
          }
        for (const auto& [k, v] : props) {
          st = WriteProperty(*ctx_, target, k, v);
          if (!st.ok()) break;
        }
        break;
      }
      case lang::SetItemKind::kLabels: {
        const int slot = scope.Find(item.variable);
        if (slot < 0) return Status::BindError("variable `" + item.variable + "` is not defined", item.line, item.column);
        const Value& target = row[slot];
        if (target.is_null()) break;
        if (target.kind() != Value::Kind::kNode || !ctx_->g.entity(target.as_node().id))
          return Status::TypeError("labels can only be set on entities").WithPosition(item.line, item.column);
        for (const auto& label : item.labels) {
          const bool had = ctx_->view.NodeHasLabel(target.as_node().id, label);
          MNEMO_RETURN_IF_ERROR(ctx_->g.AddEntityType(target.as_node().id, label));
          if (!had) ++ctx_->stats.labels_added;
        }
        break;
      }
    }
    if (!st.ok()) return st.WithPosition(item.line, item.column);
  }
  return Status::OK();
}

Status QueryRunner::Remove(const lang::RemoveClause& c, Pipeline& p) {
  for (Row& row : p.rows)
    for (const lang::RemoveItem& item : c.items) {
      if (item.kind == lang::RemoveItemKind::kProperty) {
        MNEMO_ASSIGN_OR_RETURN(Value target, ctx_->eval.Eval(*item.property->children[0], p.scope, row));
        MNEMO_RETURN_IF_ERROR(WriteProperty(*ctx_, target, item.property->text, Value()).WithPosition(item.line, item.column));
        continue;
      }
      const int slot = p.scope.Find(item.variable);
      if (slot < 0) return Status::BindError("variable `" + item.variable + "` is not defined", item.line, item.column);
      const Value& target = row[slot];
      if (target.is_null() || target.kind() != Value::Kind::kNode || !ctx_->g.entity(target.as_node().id)) continue;
      for (const auto& label : item.labels) {
        if (!ctx_->view.NodeHasLabel(target.as_node().id, label)) continue;
        MNEMO_RETURN_IF_ERROR(ctx_->g.RemoveEntityType(target.as_node().id, label));
        ++ctx_->stats.labels_removed;
      }
    }
  return Status::OK();
}

Status QueryRunner::Delete(const lang::DeleteClause& c, Pipeline& p) {
  std::vector<Id> nodes;
  std::vector<RelRef> rels;
  for (const Row& row : p.rows)
    for (const auto& target : c.targets) {
      MNEMO_ASSIGN_OR_RETURN(Value v, ctx_->eval.Eval(*target, p.scope, row));
      std::vector<Value> todo{v};
      while (!todo.empty()) {
        Value x = std::move(todo.back());
        todo.pop_back();
        switch (x.kind()) {
          case Value::Kind::kNull: break;
          case Value::Kind::kNode: nodes.push_back(x.as_node().id); break;
          case Value::Kind::kRelationship: rels.push_back(x.as_rel()); break;
          case Value::Kind::kPath:
            for (auto n : x.as_path().nodes) nodes.push_back(n.id);
            for (auto r : x.as_path().rels) rels.push_back(r);
            break;
          case Value::Kind::kList:
            for (const auto& e : x.as_list()) todo.push_back(e);
            break;
          default:
            return Status::TypeError("DELETE needs a node, relationship or path, got " + x.ToString())
                .WithPosition(target->line, target->column);
        }
      }
    }
  auto count_props = [&](const graph::PropertyMap& props) { ctx_->stats.properties_removed += static_cast<int64_t>(props.size()); };
  for (const RelRef& r : rels) {
    if (ctx_->deleted.ids.count(r.edge)) continue;
    const graph::Hyperedge* h = ctx_->g.hyperedge(r.edge);
    if (!h) continue;
    if (r.role >= 0)
      return Status::Constraint("a role link of a fact cannot be deleted alone; delete the fact node instead");
    count_props(h->properties);
    ctx_->deleted.edge_types[r.edge] = std::string(ctx_->g.names().Text(h->type));
    MNEMO_RETURN_IF_ERROR(ctx_->g.RemoveHyperedge(r.edge));
    ctx_->deleted.ids.insert(r.edge);
    ++ctx_->stats.relationships_deleted;
  }
  for (Id id : nodes) {
    if (ctx_->deleted.ids.count(id)) continue;
    if (const graph::Hyperedge* h = ctx_->g.hyperedge(id)) {  // an n-ary fact shown as a node
      if (!c.detach)
        return Status::Constraint("cannot delete fact node " + std::to_string(id) +
                                  " while it has role relationships; use DETACH DELETE");
      ctx_->stats.relationships_deleted += static_cast<int64_t>(h->EntityArity());
      count_props(h->properties);
      MNEMO_RETURN_IF_ERROR(ctx_->g.RemoveHyperedge(id));
      ctx_->deleted.ids.insert(id);
      ++ctx_->stats.nodes_deleted;
      continue;
    }
    const graph::Entity* e = ctx_->g.entity(id);
    if (!e) continue;
    if (e->degree() > 0 && !c.detach)
      return Status::Constraint("cannot delete node " + std::to_string(id) +
                                " because it still has relationships; use DETACH DELETE");
    std::vector<Id> edges;
    for (const auto* lines : {&e->incidence, &e->past_incidence})
      for (const auto& inc : *lines)
        if (std::find(edges.begin(), edges.end(), inc.edge) == edges.end()) edges.push_back(inc.edge);
    for (Id edge : edges) {
      const graph::Hyperedge& h = *ctx_->g.hyperedge(edge);
      count_props(h.properties);
      if (GraphView::IsBinary(h)) {
        ++ctx_->stats.relationships_deleted;
      } else {
        ++ctx_->stats.nodes_deleted;
        ctx_->stats.relationships_deleted += static_cast<int64_t>(h.EntityArity());
      }
      if (GraphView::IsBinary(h)) ctx_->deleted.edge_types[edge] = std::string(ctx_->g.names().Text(h.type));
      ctx_->deleted.ids.insert(edge);
    }
    count_props(e->properties);
    MNEMO_RETURN_IF_ERROR(ctx_->g.RemoveEntity(id, /*detach=*/true));
    ctx_->deleted.ids.insert(id);
    ++ctx_->stats.nodes_deleted;
  }
  return Status::OK();
}

}  // namespace mnemo::engine
