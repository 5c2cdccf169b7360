#include "engine/graph_view.hpp"

#include <algorithm>

namespace mnemo::engine {

using graph::Id;
using graph::RelRef;
using graph::Value;

bool GraphView::EntityVisible(const graph::Entity& e) const {
  return !e.forgotten && e.time.transaction().Contains(known_at_);
}

bool GraphView::HyperedgeVisible(const graph::Hyperedge& h) const {
  if (h.forgotten || !h.VisibleAt(as_of_, known_at_)) return false;
  for (const auto& r : h.roles)
    if (r.is_entity()) {
      const graph::Entity* e = g_->entity(r.entity);
      if (!e || !EntityVisible(*e)) return false;
    }
  return true;
}

bool GraphView::IsBinary(const graph::Hyperedge& h) { return !h.is_event && h.EntityArity() == 2; }

bool GraphView::NodeExists(Id id) const {
  if (const graph::Entity* e = g_->entity(id)) return EntityVisible(*e);
  if (const graph::Hyperedge* h = g_->hyperedge(id)) return !IsBinary(*h) && HyperedgeVisible(*h);
  return false;
}

std::vector<std::string> GraphView::NodeLabels(Id id) const {
  std::vector<std::string> out;
  if (const graph::Entity* e = g_->entity(id)) {
    for (graph::Symbol t : e->types) out.emplace_back(g_->names().Text(t));
  } else if (const graph::Hyperedge* h = g_->hyperedge(id)) {
    out.emplace_back(g_->names().Text(h->type));
  }
  return out;
}

bool GraphView::NodeHasLabel(Id id, std::string_view label) const {
  const graph::Symbol s = g_->names().Find(label);
  if (s == graph::kNoSymbol) return false;
  if (const graph::Entity* e = g_->entity(id)) return e->HasType(s);
  if (const graph::Hyperedge* h = g_->hyperedge(id)) return h->type == s;
  return false;
}

namespace {
Value HyperedgeProperty(const graph::Hypergraph& g, const graph::Hyperedge& h, std::string_view key) {
  const graph::Symbol s = g.names().Find(key);
  if (s == graph::kNoSymbol) return Value();
  if (const Value* v = h.properties.Get(s)) return *v;
  for (const auto& r : h.roles)
    if (!r.is_entity() && r.role == s) return r.value;
  return Value();
}

graph::Map HyperedgeProperties(const graph::Hypergraph& g, const graph::Hyperedge& h) {
  graph::Map m;
  for (const auto& r : h.roles)
    if (!r.is_entity()) m.emplace_back(std::string(g.names().Text(r.role)), r.value);
  for (const auto& [k, v] : h.properties.entries()) m.emplace_back(std::string(g.names().Text(k)), v);
  return Value(std::move(m)).as_map();  // sorted, last wins
}
}  // namespace

namespace {
// The version of a property visible at (as_of, known_at), or nullptr when the
// property never changed (its current value then holds for all time).
const graph::PropertyVersion* VisibleVersion(const graph::Entity& e, graph::Symbol key, temporal::Timestamp as_of,
                                             temporal::Timestamp known_at, bool& changed) {
  changed = false;
  for (const auto& v : e.property_history) {
    if (v.key != key) continue;
    changed = true;
    if (v.time.VisibleAt(as_of, known_at)) return &v;
  }
  return nullptr;
}
}  // namespace

Value GraphView::NodeProperty(Id id, std::string_view key) const {
  if (const graph::Entity* e = g_->entity(id)) {
    if (!current_ && !e->property_history.empty()) {
      bool changed;
      const graph::PropertyVersion* v = VisibleVersion(*e, g_->names().Find(key), as_of_, known_at_, changed);
      if (changed) return v ? v->value : Value();
    }
    const Value* v = g_->EntityProperty(id, key);
    return v ? *v : Value();
  }
  if (const graph::Hyperedge* h = g_->hyperedge(id)) return HyperedgeProperty(*g_, *h, key);
  return Value();
}

graph::Map GraphView::NodeProperties(Id id) const {
  if (const graph::Entity* e = g_->entity(id)) {
    graph::Map m;
    for (const auto& [k, v] : e->properties.entries()) m.emplace_back(std::string(g_->names().Text(k)), v);
    if (!current_)
      for (const auto& hv : e->property_history) {  // changed properties: their value then
        const std::string key(g_->names().Text(hv.key));
        std::erase_if(m, [&](const auto& kv) { return kv.first == key; });
        const Value then = NodeProperty(id, key);
        if (!then.is_null()) m.emplace_back(key, then);
      }
    return Value(std::move(m)).as_map();
  }
  if (const graph::Hyperedge* h = g_->hyperedge(id)) return HyperedgeProperties(*g_, *h);
  return {};
}

std::vector<Id> GraphView::AllNodes() const {
  std::vector<Id> out;
  for (const auto& [id, e] : g_->entities())
    if (EntityVisible(e)) out.push_back(id);
  for (const auto& [id, h] : g_->hyperedges())
    if (!IsBinary(h) && HyperedgeVisible(h)) out.push_back(id);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Id> GraphView::NodesWithLabel(std::string_view label) const {
  std::vector<Id> out;
  for (Id id : g_->EntitiesOfType(label))
    if (EntityVisible(*g_->entity(id))) out.push_back(id);
  for (Id id : g_->HyperedgesOfType(label)) {
    const graph::Hyperedge& h = *g_->hyperedge(id);
    if (!IsBinary(h) && HyperedgeVisible(h)) out.push_back(id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool GraphView::RelExists(RelRef r) const {
  const graph::Hyperedge* h = g_->hyperedge(r.edge);
  if (!h || !HyperedgeVisible(*h)) return false;
  if (r.role < 0) return IsBinary(*h);
  return !IsBinary(*h) && static_cast<size_t>(r.role) < h->roles.size() && h->roles[r.role].is_entity();
}

std::string GraphView::RelType(RelRef r) const {
  const graph::Hyperedge* h = g_->hyperedge(r.edge);
  if (!h) {
    if (deleted_ && r.role < 0)
      if (auto it = deleted_->edge_types.find(r.edge); it != deleted_->edge_types.end()) return it->second;
    return "";
  }
  if (r.role < 0) return std::string(g_->names().Text(h->type));
  return std::string(g_->names().Text(h->roles[r.role].role));
}

Value GraphView::RelProperty(RelRef r, std::string_view key) const {
  const graph::Hyperedge* h = g_->hyperedge(r.edge);
  if (!h || r.role >= 0) return Value();
  return HyperedgeProperty(*g_, *h, key);
}

graph::Map GraphView::RelProperties(RelRef r) const {
  const graph::Hyperedge* h = g_->hyperedge(r.edge);
  if (!h || r.role >= 0) return {};
  return HyperedgeProperties(*g_, *h);
}

namespace {
// The entity ids of the first and second entity roles of a binary hyperedge.
std::pair<Id, Id> BinaryEnds(const graph::Hyperedge& h) {
  Id ends[2] = {graph::kNoId, graph::kNoId};
  int n = 0;
  for (const auto& r : h.roles)
    if (r.is_entity() && n < 2) ends[n++] = r.entity;
  return {ends[0], ends[1]};
}
}  // namespace

Id GraphView::RelStart(RelRef r) const {
  const graph::Hyperedge* h = g_->hyperedge(r.edge);
  if (!h) return graph::kNoId;
  return r.role < 0 ? BinaryEnds(*h).first : h->id;
}

Id GraphView::RelEnd(RelRef r) const {
  const graph::Hyperedge* h = g_->hyperedge(r.edge);
  if (!h) return graph::kNoId;
  return r.role < 0 ? BinaryEnds(*h).second : h->roles[r.role].entity;
}

bool GraphView::TypeMatches(std::string_view type, const std::vector<std::string>& types) const {
  return types.empty() || std::find(types.begin(), types.end(), type) != types.end();
}

void GraphView::CollectRels(Id node, Direction dir, const std::vector<std::string>& types,
                            std::vector<std::pair<RelRef, Id>>& out) const {
  const bool want_out = dir != Direction::kIncoming, want_in = dir != Direction::kOutgoing;
  if (const graph::Entity* e = g_->entity(node)) {
    if (!EntityVisible(*e)) return;
    Id last_edge = graph::kNoId;
    auto lines = [&](const graph::Incidence& inc) {
      if (inc.edge == last_edge) return;  // one pass per hyperedge (self-loops have two lines)
      last_edge = inc.edge;
      const graph::Hyperedge& h = *g_->hyperedge(inc.edge);
      if (!HyperedgeVisible(h)) return;
      if (IsBinary(h)) {
        if (!TypeMatches(g_->names().Text(h.type), types)) return;
        const auto [start, end] = BinaryEnds(h);
        const RelRef r{h.id, -1};
        if (start == node && want_out) out.emplace_back(r, end);
        if (end == node && want_in && !(start == node && want_out && dir == Direction::kBoth))
          out.emplace_back(r, start);
      } else if (want_in) {
        // Role links point from the hyperedge's node to this participant.
        for (size_t i = 0; i < h.roles.size(); ++i)
          if (h.roles[i].entity == node && TypeMatches(g_->names().Text(h.roles[i].role), types))
            out.emplace_back(RelRef{h.id, static_cast<int32_t>(i)}, h.id);
      }
    };
    for (const graph::Incidence& inc : e->incidence) lines(inc);
    if (!current_)
      for (const graph::Incidence& inc : e->past_incidence) lines(inc);
    return;
  }
  const graph::Hyperedge* h = g_->hyperedge(node);
  if (!h || IsBinary(*h) || !HyperedgeVisible(*h) || !want_out) return;
  for (size_t i = 0; i < h->roles.size(); ++i)
    if (h->roles[i].is_entity() && TypeMatches(g_->names().Text(h->roles[i].role), types))
      out.emplace_back(RelRef{h->id, static_cast<int32_t>(i)}, h->roles[i].entity);
}

}  // namespace mnemo::engine
