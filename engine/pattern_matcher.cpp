#include "engine/pattern_matcher.hpp"

#include <algorithm>
#include <functional>
#include <limits>

namespace mnemo::engine {

using graph::Id;
using graph::RelRef;
using graph::Value;

namespace {

bool IsBoundNode(const Scope& scope, const lang::NodePattern& np) {
  return !np.variable.empty() && scope.Find(np.variable) >= 0;
}

// The key property given as a literal or parameter in a node's map, if any.
const lang::Expr* KeyValueExpr(const graph::Hypergraph& g, const lang::NodePattern& np, std::string& label,
                               std::string& key) {
  if (!np.properties || np.properties->kind != lang::ExprKind::kMap) return nullptr;
  for (const auto& l : np.labels) {
    const std::string_view k = g.KeyPropertyOf(l);
    for (size_t i = 0; i < np.properties->names.size(); ++i)
      if (np.properties->names[i] == k) {
        label = l;
        key = std::string(k);
        return np.properties->children[i].get();
      }
  }
  return nullptr;
}

Direction StepDirection(lang::RelDirection d, bool backward) {
  switch (d) {
    case lang::RelDirection::kRight: return backward ? Direction::kIncoming : Direction::kOutgoing;
    case lang::RelDirection::kLeft: return backward ? Direction::kOutgoing : Direction::kIncoming;
    default: return Direction::kBoth;
  }
}

}  // namespace

Anchor ChooseAnchor(const graph::Hypergraph& g, const lang::PatternPart& part, const Scope& scope) {
  Anchor best;
  int best_rank = 4;
  for (size_t i = 0; i < part.nodes.size(); ++i) {
    const auto& np = part.nodes[i];
    Anchor a;
    a.node = i;
    int rank;
    std::string label, key;
    if (IsBoundNode(scope, np)) {
      a.kind = Anchor::Kind::kBound;
      rank = 0;
    } else if (KeyValueExpr(g, np, label, key)) {
      a.kind = Anchor::Kind::kKeyLookup;
      a.label = label;
      a.key_property = key;
      rank = 1;
    } else if (!np.labels.empty()) {
      a.kind = Anchor::Kind::kLabelScan;
      a.label = np.labels.front();
      rank = 2;
    } else {
      a.kind = Anchor::Kind::kAllNodes;
      rank = 3;
    }
    if (rank < best_rank) {
      best = a;
      best_rank = rank;
    }
  }
  return best;
}

// One step walks from one node of the part to its neighbour over one relationship pattern.
struct Step {
  size_t from, rel, to;
  bool backward;
};

struct PartPlan {
  const lang::PatternPart* part;
  Anchor anchor;
  std::vector<Step> steps;
};

struct PatternMatcher::State {
  const Scope* scope;
  Row row;
  std::vector<bool> assigned;  // slot holds a value bound by the input or this match
  std::vector<PartPlan> plans;
  std::vector<RelRef> used;  // relationships bound so far (isomorphism)
  // Per part: node id at each position, and the relationships (with the
  // intermediate nodes) of each relationship pattern, for path values.
  std::vector<std::vector<Id>> nodes;
  std::vector<std::vector<std::vector<RelRef>>> rels;
  std::vector<std::vector<std::vector<Id>>> between;
  std::vector<Row>* out;
};

void PatternMatcher::DeclareVariables(const std::vector<const lang::PatternPart*>& parts, Scope& scope) {
  for (const auto* part : parts) {
    for (size_t i = 0; i < part->nodes.size(); ++i) {
      if (!part->nodes[i].variable.empty()) scope.Add(part->nodes[i].variable);
      if (i < part->rels.size() && !part->rels[i].variable.empty()) scope.Add(part->rels[i].variable);
    }
    if (!part->path_variable.empty()) scope.Add(part->path_variable);
  }
}

Status PatternMatcher::Match(const std::vector<const lang::PatternPart*>& parts, const Scope& scope, const Row& row,
                             std::vector<Row>& out) {
  State st;
  st.scope = &scope;
  st.row = row;
  st.row.resize(scope.size());
  st.assigned.assign(scope.size(), false);
  for (size_t i = 0; i < row.size(); ++i) st.assigned[i] = true;
  st.out = &out;
  for (const auto* part : parts) {
    PartPlan plan{part, {}, {}};
    // Anchor choice sees the variables bound by the input only.
    Scope input_scope;
    for (size_t i = 0; i < row.size(); ++i) input_scope.Add(scope.names()[i]);
    plan.anchor = ChooseAnchor(ctx_.g, *part, input_scope);
    const size_t a = plan.anchor.node;
    for (size_t i = a; i + 1 < part->nodes.size(); ++i) plan.steps.push_back({i, i, i + 1, false});
    for (size_t i = a; i > 0; --i) plan.steps.push_back({i, i - 1, i - 1, true});
    st.plans.push_back(std::move(plan));
    st.nodes.emplace_back(part->nodes.size(), graph::kNoId);
    st.rels.emplace_back(part->rels.size());
    st.between.emplace_back(part->rels.size());
  }
  return MatchPart(st, 0);
}

Status PatternMatcher::CheckNode(State& st, const lang::NodePattern& np, Id id, bool& ok) {
  ok = false;
  if (!ctx_.view.NodeExists(id)) return Status::OK();
  for (const auto& l : np.labels)
    if (!ctx_.view.NodeHasLabel(id, l)) return Status::OK();
  if (np.properties) {
    MNEMO_ASSIGN_OR_RETURN(Value props, ctx_.eval.Eval(*np.properties, *st.scope, st.row));
    if (!props.is_null()) {
      if (props.kind() != Value::Kind::kMap)
        return Status::TypeError("a node pattern's properties must be a map").WithPosition(np.line, np.column);
      for (const auto& [k, v] : props.as_map())
        if (Value::Equals(ctx_.view.NodeProperty(id, k), v) != std::optional<bool>(true)) return Status::OK();
    }
  }
  ok = true;
  return Status::OK();
}

Status PatternMatcher::CheckRel(State& st, const lang::RelPattern& rp, RelRef r, bool& ok) {
  ok = false;
  if (std::find(st.used.begin(), st.used.end(), r) != st.used.end()) return Status::OK();
  if (rp.properties) {
    MNEMO_ASSIGN_OR_RETURN(Value props, ctx_.eval.Eval(*rp.properties, *st.scope, st.row));
    if (!props.is_null()) {
      if (props.kind() != Value::Kind::kMap)
        return Status::TypeError("a relationship pattern's properties must be a map").WithPosition(rp.line, rp.column);
      for (const auto& [k, v] : props.as_map())
        if (Value::Equals(ctx_.view.RelProperty(r, k), v) != std::optional<bool>(true)) return Status::OK();
    }
  }
  ok = true;
  return Status::OK();
}

Status PatternMatcher::MatchPart(State& st, size_t part_index) {
  if (part_index == st.plans.size()) {
    st.out->push_back(st.row);
    return Status::OK();
  }
  const PartPlan& plan = st.plans[part_index];
  const lang::NodePattern& np = plan.part->nodes[plan.anchor.node];
  const int slot = np.variable.empty() ? -1 : st.scope->Find(np.variable);

  std::vector<Id> candidates;
  if (slot >= 0 && st.assigned[slot]) {
    const Value& v = st.row[slot];
    if (v.is_null()) return Status::OK();  // bound to null (OPTIONAL MATCH): nothing matches
    if (v.kind() != Value::Kind::kNode)
      return Status::TypeError("variable `" + np.variable + "` is not a node").WithPosition(np.line, np.column);
    candidates.push_back(v.as_node().id);
  } else if (plan.anchor.kind == Anchor::Kind::kKeyLookup) {
    std::string label, key;
    const lang::Expr* key_expr = KeyValueExpr(ctx_.g, np, label, key);
    MNEMO_ASSIGN_OR_RETURN(Value kv, ctx_.eval.Eval(*key_expr, *st.scope, st.row));
    if (kv.is_null()) return Status::OK();
    candidates = ctx_.g.FindByKey(label, kv);
    // Integer and float keys are the same key to Cypher's `=`.
    if (kv.is_number() && candidates.empty()) candidates = ctx_.view.NodesWithLabel(label);
  } else if (plan.anchor.kind == Anchor::Kind::kLabelScan) {
    candidates = ctx_.view.NodesWithLabel(plan.anchor.label);
  } else {
    candidates = ctx_.view.AllNodes();
  }

  for (Id id : candidates) {
    bool ok;
    MNEMO_RETURN_IF_ERROR(CheckNode(st, np, id, ok));
    if (!ok) continue;
    const bool newly = slot >= 0 && !st.assigned[slot];
    if (newly) {
      st.row[slot] = Value(graph::NodeRef{id});
      st.assigned[slot] = true;
    }
    st.nodes[part_index][plan.anchor.node] = id;
    MNEMO_RETURN_IF_ERROR(ExtendFrom(st, part_index, 0));
    if (newly) {
      st.assigned[slot] = false;
      st.row[slot] = Value();
    }
  }
  return Status::OK();
}

Status PatternMatcher::ExtendFrom(State& st, size_t part_index, size_t step_index) {
  const PartPlan& plan = st.plans[part_index];
  if (step_index == plan.steps.size()) return Finish(st, part_index);
  const Step& step = plan.steps[step_index];
  const lang::RelPattern& rp = plan.part->rels[step.rel];
  const lang::NodePattern& to = plan.part->nodes[step.to];
  const Id from = st.nodes[part_index][step.from];
  const Direction dir = StepDirection(rp.direction, step.backward);
  const int rel_slot = rp.variable.empty() ? -1 : st.scope->Find(rp.variable);
  const int to_slot = to.variable.empty() ? -1 : st.scope->Find(to.variable);

  // Binds the far node and goes on with the next step.
  auto arrive = [&](Id other) -> Status {
    if (to_slot >= 0 && st.assigned[to_slot]) {
      const Value& v = st.row[to_slot];
      if (v.kind() != Value::Kind::kNode || v.as_node().id != other) return Status::OK();
    }
    bool ok;
    MNEMO_RETURN_IF_ERROR(CheckNode(st, to, other, ok));
    if (!ok) return Status::OK();
    const bool newly = to_slot >= 0 && !st.assigned[to_slot];
    if (newly) {
      st.row[to_slot] = Value(graph::NodeRef{other});
      st.assigned[to_slot] = true;
    }
    const Id saved = st.nodes[part_index][step.to];
    st.nodes[part_index][step.to] = other;
    Status s = ExtendFrom(st, part_index, step_index + 1);
    st.nodes[part_index][step.to] = saved;
    if (newly) {
      st.assigned[to_slot] = false;
      st.row[to_slot] = Value();
    }
    return s;
  };

  if (!rp.var_length) {
    std::vector<std::pair<RelRef, Id>> rels;
    ctx_.view.ForEachRel(from, dir, rp.types, [&](RelRef r, Id other) { rels.emplace_back(r, other); });
    for (const auto& [r, other] : rels) {
      if (rel_slot >= 0 && st.assigned[rel_slot]) {
        const Value& v = st.row[rel_slot];
        if (v.kind() != Value::Kind::kRelationship || !(v.as_rel() == r)) continue;
      }
      bool ok;
      MNEMO_RETURN_IF_ERROR(CheckRel(st, rp, r, ok));
      if (!ok) continue;
      const bool newly = rel_slot >= 0 && !st.assigned[rel_slot];
      if (newly) {
        st.row[rel_slot] = Value(r);
        st.assigned[rel_slot] = true;
      }
      st.used.push_back(r);
      st.rels[part_index][step.rel] = {r};
      st.between[part_index][step.rel].clear();
      Status s = arrive(other);
      st.used.pop_back();
      if (newly) {
        st.assigned[rel_slot] = false;
        st.row[rel_slot] = Value();
      }
      MNEMO_RETURN_IF_ERROR(s);
    }
    return Status::OK();
  }

  // Variable length: depth-first over paths of min..max relationships.
  const int64_t min_hops = rp.var_length->min.value_or(1);
  const int64_t max_hops = rp.var_length->max.value_or(std::numeric_limits<int64_t>::max());
  std::vector<RelRef> path;
  std::vector<Id> path_nodes;  // nodes after each relationship
  std::function<Status(Id, int64_t)> walk = [&](Id at, int64_t depth) -> Status {
    if (depth >= min_hops) {
      const bool newly = rel_slot >= 0 && !st.assigned[rel_slot];
      if (rel_slot >= 0 && !newly) {
        // A bound list of relationships must be exactly this path.
        const Value& v = st.row[rel_slot];
        bool same = v.kind() == Value::Kind::kList && v.as_list().size() == path.size();
        for (size_t i = 0; same && i < path.size(); ++i)
          same = v.as_list()[i].kind() == Value::Kind::kRelationship && v.as_list()[i].as_rel() == path[i];
        if (!same) goto deeper;
      }
      {
        if (newly) {
          graph::List list;
          std::vector<RelRef> ordered = path;
          if (step.backward) std::reverse(ordered.begin(), ordered.end());
          for (const auto& r : ordered) list.emplace_back(r);
          st.row[rel_slot] = Value(std::move(list));
          st.assigned[rel_slot] = true;
        }
        st.rels[part_index][step.rel] = path;
        st.between[part_index][step.rel] = path_nodes;
        Status s = arrive(at);
        if (newly) {
          st.assigned[rel_slot] = false;
          st.row[rel_slot] = Value();
        }
        MNEMO_RETURN_IF_ERROR(s);
      }
    }
  deeper:
    if (depth >= max_hops) return Status::OK();
    std::vector<std::pair<RelRef, Id>> rels;
    ctx_.view.ForEachRel(at, dir, rp.types, [&](RelRef r, Id other) { rels.emplace_back(r, other); });
    for (const auto& [r, other] : rels) {
      bool ok;
      MNEMO_RETURN_IF_ERROR(CheckRel(st, rp, r, ok));
      if (!ok) continue;
      st.used.push_back(r);
      path.push_back(r);
      path_nodes.push_back(other);
      Status s = walk(other, depth + 1);
      path_nodes.pop_back();
      path.pop_back();
      st.used.pop_back();
      MNEMO_RETURN_IF_ERROR(s);
    }
    return Status::OK();
  };
  return walk(from, 0);
}

Status PatternMatcher::Finish(State& st, size_t part_index) {
  const PartPlan& plan = st.plans[part_index];
  const lang::PatternPart& part = *plan.part;
  int path_slot = -1;
  if (!part.path_variable.empty()) {
    path_slot = st.scope->Find(part.path_variable);
    graph::PathValue p;
    p.nodes.push_back({st.nodes[part_index][0]});
    for (size_t i = 0; i < part.rels.size(); ++i) {
      const auto& rels = st.rels[part_index][i];
      const auto& mids = st.between[part_index][i];
      // Walked backward: the recorded order runs from node i+1 to node i.
      const bool backward = std::any_of(plan.steps.begin(), plan.steps.end(),
                                        [&](const Step& s) { return s.rel == i && s.backward; });
      std::vector<RelRef> ordered = rels;
      std::vector<Id> hops;  // nodes after each relationship, in part order
      if (!part.rels[i].var_length) {
        hops.push_back(st.nodes[part_index][i + 1]);
      } else if (!backward) {
        hops = mids;
      } else {
        std::reverse(ordered.begin(), ordered.end());
        for (size_t k = 1; k < mids.size(); ++k) hops.push_back(mids[mids.size() - 1 - k]);
        if (!mids.empty()) hops.push_back(st.nodes[part_index][i + 1]);
      }
      for (size_t k = 0; k < ordered.size(); ++k) {
        p.rels.push_back(ordered[k]);
        p.nodes.push_back({hops[k]});
      }
    }
    st.row[path_slot] = Value(std::move(p));
    st.assigned[path_slot] = true;
  }
  Status s = MatchPart(st, part_index + 1);
  if (path_slot >= 0) st.assigned[path_slot] = false;
  return s;
}

}  // namespace mnemo::engine
