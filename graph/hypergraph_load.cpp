// Placing whole records (snapshot load, write-ahead log replay, import).
// See the "loading" section of hypergraph.hpp for the contract.
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
  entities_[id] = std::move(e);
  PutNextId(id + 1);
}

Status Hypergraph::PutHyperedge(Hyperedge h) {
  for (const auto& r : h.roles)
    if (r.is_entity() && !entity(r.entity))
      return Status::NotFound("fact " + std::to_string(h.id) + " binds entity " + std::to_string(r.entity) +
                              ", which does not exist");
  const Id id = h.id;
  if (auto it = hyperedges_.find(id); it != hyperedges_.end()) {
    for (const auto& r : it->second.roles)
      if (r.is_entity()) EraseIncidence(r.entity, id);
    EraseSortedId(edges_by_type_[it->second.type], id);
  }
  const bool past = IsPast(h);
  for (const auto& r : h.roles) {
    if (!r.is_entity()) continue;
    Entity& e = entities_.at(r.entity);
    (past ? e.past_incidence : e.incidence).push_back({id, h.type, r.role});
  }
  InsertSortedId(edges_by_type_[h.type], id);
  hyperedges_[id] = std::move(h);
  PutNextId(id + 1);
  return Status::OK();
}

void Hypergraph::PutEpisode(Episode ep) {
  const Id id = ep.id;
  episodes_[id] = std::move(ep);
  PutNextId(id + 1);
}

void Hypergraph::EraseRecord(Id id) {
  if (auto h = hyperedges_.find(id); h != hyperedges_.end()) {
    for (const auto& r : h->second.roles)
      if (r.is_entity()) EraseIncidence(r.entity, id);
    EraseSortedId(edges_by_type_[h->second.type], id);
    hyperedges_.erase(h);
  } else if (auto e = entities_.find(id); e != entities_.end()) {
    for (Symbol t : e->second.types) {
      EraseSortedId(by_type_[t], id);
      if (const Value* v = e->second.properties.Get(KeySymbolOf(t))) UnindexKey(t, *v, id);
    }
    entities_.erase(e);
  } else {
    episodes_.erase(id);
  }
}

void Hypergraph::PutSchema(Schema schema) {
  schema_ = std::move(schema);
  for (auto& [type, ids] : by_type_) Reindex(type);
}

}  // namespace mnemo::graph
