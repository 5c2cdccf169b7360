// Placing whole records (snapshot load, write-ahead log replay, import).
// See the "loading" section of hypergraph.hpp for the contract.
// Records are placed with a hint at the end of their map: loads come in id
// order, which makes each placement O(1).
#include "graph/hypergraph.hpp"

namespace mnemo::graph {

namespace {
void InsertSortedId(std::vector<Id>& v, Id id) {
  auto it = std::lower_bound(v.begin(), v.end(), id);
  if (it == v.end() || *it != id) v.insert(it, id);
}
void EraseSortedId(std::vector<Id>& v, Id id) {
  auto it = std::lower_bound(v.begin(), v.end(), id);
  if (it != v.end() && *it == id) v.erase(it);
}
// Whether a fact's incidence lines belong in the past lists: the rule the
// writers follow (RetractHyperedge, and CloseHyperedge when the fact ends no
// later than the closing).
bool IsPast(const Hyperedge& h) {
  if (h.time.retracted_at != temporal::kForever) return true;
  return h.time.closed_at != temporal::kForever && h.time.valid_to <= h.time.closed_at;
}
bool SameBindings(const Hyperedge& a, const Hyperedge& b) {
  if (a.type != b.type || a.roles.size() != b.roles.size()) return false;
  for (size_t i = 0; i < a.roles.size(); ++i)
    if (a.roles[i].role != b.roles[i].role || a.roles[i].entity != b.roles[i].entity) return false;
  return true;
}
}  // namespace

void Hypergraph::PutEntity(Entity e) {
  const Id id = e.id;
  std::vector<Incidence> incidence, past;
  if (auto it = entities_.find(id); it != entities_.end()) {
    for (Symbol t : it->second.types) {
      EraseSortedId(by_type_[t], id);
      if (const Value* v = it->second.properties.Get(KeySymbolOf(t))) UnindexKey(t, *v, id);
    }
    incidence = std::move(it->second.incidence);
    past = std::move(it->second.past_incidence);
  }
  e.incidence = std::move(incidence);
  e.past_incidence = std::move(past);
  for (Symbol t : e.types) {
    InsertSortedId(by_type_[t], id);
    if (const Value* v = e.properties.Get(KeySymbolOf(t))) IndexKey(t, *v, id);
  }
  auto placed = entities_.insert_or_assign(entities_.end(), id, std::move(e));
  if (bulk_entities_) (*bulk_entities_)[id] = &placed->second;
  PutNextId(id + 1);
}

Status Hypergraph::PutHyperedge(Hyperedge h) {
  // One lookup per binding; the lines are added through these (map nodes
  // do not move).
  std::vector<Entity*> bound;
  bound.reserve(h.roles.size());
  for (const auto& r : h.roles) {
    if (!r.is_entity()) continue;
    Entity* e = nullptr;
    if (bulk_entities_) {
      if (auto it = bulk_entities_->find(r.entity); it != bulk_entities_->end()) e = it->second;
    } else if (auto it = entities_.find(r.entity); it != entities_.end()) {
      e = &it->second;
    }
    if (!e)
      return Status::NotFound("fact " + std::to_string(h.id) + " binds entity " + std::to_string(r.entity) +
                              ", which does not exist");
    bound.push_back(e);
  }
  const Id id = h.id;
  const bool beyond_last = hyperedges_.empty() || id > hyperedges_.rbegin()->first;  // the common case of a load
  if (auto it = beyond_last ? hyperedges_.end() : hyperedges_.find(id); it != hyperedges_.end()) {
    // The same bindings on the same side (current or past): the lines stay
    // where they are, as they do in the store that wrote the new image.
    if (SameBindings(it->second, h) && IsPast(it->second) == IsPast(h)) {
      it->second = std::move(h);
      return Status::OK();
    }
    for (const auto& r : it->second.roles)
      if (r.is_entity()) EraseIncidence(r.entity, id);
    EraseSortedId(edges_by_type_[it->second.type], id);
  }
  const bool past = IsPast(h);
  size_t next_bound = 0;
  for (const auto& r : h.roles) {
    if (!r.is_entity()) continue;
    Entity& e = *bound[next_bound++];
    (past ? e.past_incidence : e.incidence).push_back({id, h.type, r.role});
  }
  InsertSortedId(edges_by_type_[h.type], id);
  hyperedges_.insert_or_assign(hyperedges_.end(), id, std::move(h));
  PutNextId(id + 1);
  return Status::OK();
}

void Hypergraph::PutEpisode(Episode ep) {
  const Id id = ep.id;
  episodes_.insert_or_assign(episodes_.end(), id, std::move(ep));
  PutNextId(id + 1);
}

void Hypergraph::EraseRecord(Id id) {
  if (auto h = hyperedges_.find(id); h != hyperedges_.end()) {
    for (const auto& r : h->second.roles)
      if (r.is_entity()) EraseIncidence(r.entity, id);
    EraseSortedId(edges_by_type_[h->second.type], id);
    hyperedges_.erase(h);
  } else if (auto e = entities_.find(id); e != entities_.end()) {
    if (bulk_entities_) bulk_entities_->erase(id);
    for (Symbol t : e->second.types) {
      EraseSortedId(by_type_[t], id);
      if (const Value* v = e->second.properties.Get(KeySymbolOf(t))) UnindexKey(t, *v, id);
    }
    entities_.erase(e);
  } else {
    episodes_.erase(id);
  }
}

void Hypergraph::BeginBulkLoad(size_t expected_entities) {
  bulk_entities_.emplace();
  bulk_entities_->reserve(std::max(expected_entities, entities_.size()));
  for (auto& [id, e] : entities_) bulk_entities_->emplace(id, &e);
}

void Hypergraph::EndBulkLoad() { bulk_entities_.reset(); }

void Hypergraph::PutSchema(Schema schema) {
  schema_ = std::move(schema);
  for (auto& [type, ids] : by_type_) Reindex(type);
}

}  // namespace mnemo::graph
