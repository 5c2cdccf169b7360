#include "graph/hypergraph.hpp"

#include <algorithm>

namespace mnemo::graph {

namespace {
const std::vector<Id> kNoIds;

void InsertSorted(std::vector<Id>& v, Id id) {
  if (v.empty() || v.back() < id) v.push_back(id);
  else v.insert(std::lower_bound(v.begin(), v.end(), id), id);
}
void EraseSorted(std::vector<Id>& v, Id id) {
  auto it = std::lower_bound(v.begin(), v.end(), id);
  if (it != v.end() && *it == id) v.erase(it);
}
}  // namespace

Hypergraph::Hypergraph(temporal::Clock* clock) : clock_(clock) {
  if (!clock_) {
    owned_clock_ = std::make_unique<temporal::SystemClock>();
    clock_ = owned_clock_.get();
  }
}

Hypergraph::~Hypergraph() = default;

// --- groups ------------------------------------------------------------------

void Hypergraph::Begin(std::optional<temporal::Timestamp> at) {
  journaling_ = true;
  group_time_ = at;
  undo_.clear();
  changes_ = {};
  changes_.tombstones_before = tombstones_.size();
  touched_.clear();
  const Id saved = next_id_;
  undo_.push_back([this, saved] { next_id_ = saved; });
}

void Hypergraph::Commit() {
  journaling_ = false;
  group_time_.reset();
  undo_.clear();
}

void Hypergraph::Rollback() {
  for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) (*it)();
  undo_.clear();
  changes_ = {};
  changes_.tombstones_before = tombstones_.size();
  touched_.clear();
  journaling_ = false;
  group_time_.reset();
}

void Hypergraph::Journal(std::function<void()> undo) {
  if (journaling_) undo_.push_back(std::move(undo));
}

void Hypergraph::Touch(Id id) {
  if (journaling_ && touched_.insert(id).second) changes_.records.push_back(id);
}

Id Hypergraph::NewId() { return next_id_++; }

temporal::Timestamp Hypergraph::StampTime() { return group_time_ ? *group_time_ : clock_->Now(); }

// --- schema ------------------------------------------------------------------

Status Hypergraph::DefineEntity(EntityTypeDef def) {
  const std::string name = def.name;
  MNEMO_RETURN_IF_ERROR(schema_.DefineEntity(std::move(def)));
  // Existing entities of the type must satisfy the new declaration.
  const Symbol type = names_.Intern(name);
  Status st;
  for (Id id : EntitiesOfType(name)) {
    const Entity& e = entities_.at(id);
    std::vector<std::pair<std::string, Value>> props;
    for (const auto& [k, v] : e.properties.entries()) props.emplace_back(std::string(names_.Text(k)), v);
    std::vector<std::string> types;
    for (Symbol t : e.types) types.emplace_back(names_.Text(t));
    st = CheckEntity(types, props);
    if (!st.ok()) break;
  }
  if (st.ok()) {
    Reindex(type);
    // A declared KEY must be unique among the existing entities too.
    for (const auto& [key, ids] : keys_[type])
      if (ids.size() > 1) {
        st = Status::Constraint("cannot declare KEY of " + name + ": " + std::to_string(ids.size()) +
                                " entities share the key " + key.ToString());
        break;
      }
  }
  if (!st.ok()) {
    schema_.Undefine(name);
    Reindex(type);
    return st;
  }
  Journal([this, name, type] {
    schema_.Undefine(name);
    Reindex(type);
  });
  changes_.schema = journaling_;
  return Status::OK();
}

Status Hypergraph::DefineRelation(RelationTypeDef def) {
  const std::string name = def.name;
  for (Id id : HyperedgesOfType(name)) {
    (void)id;
    return Status::SchemaViolation("relation '" + name + "' already has facts; define it before the first one");
  }
  MNEMO_RETURN_IF_ERROR(schema_.DefineRelation(std::move(def)));
  Journal([this, name] { schema_.Undefine(name); });
  changes_.schema = journaling_;
  return Status::OK();
}

// --- keys ----------------------------------------------------------------------

std::string_view Hypergraph::KeyPropertyOf(std::string_view type) const {
  const EntityTypeDef* def = schema_.FindEntity(type);
  if (def && def->key()) return def->key()->name;
  return "name";
}

Symbol Hypergraph::KeySymbolOf(Symbol type) const { return names_.Find(KeyPropertyOf(names_.Text(type))); }

bool Hypergraph::IsDeclaredKey(Symbol type, Symbol property) const {
  const EntityTypeDef* def = schema_.FindEntity(names_.Text(type));
  return def && def->key() && names_.Text(property) == def->key()->name;
}

void Hypergraph::IndexKey(Symbol type, const Value& key, Id id) {
  if (key.is_null()) return;
  InsertSorted(keys_[type][key], id);
}

void Hypergraph::UnindexKey(Symbol type, const Value& key, Id id) {
  if (key.is_null()) return;
  auto t = keys_.find(type);
  if (t == keys_.end()) return;
  auto k = t->second.find(key);
  if (k == t->second.end()) return;
  EraseSorted(k->second, id);
  if (k->second.empty()) t->second.erase(k);
}

void Hypergraph::Reindex(Symbol type) {
  auto& index = keys_[type];
  index.clear();
  const Symbol key = KeySymbolOf(type);
  if (key == kNoSymbol) return;
  for (Id id : EntitiesOfType(names_.Text(type)))
    if (const Value* v = entities_.at(id).properties.Get(key)) IndexKey(type, *v, id);
}

Status Hypergraph::CheckKeyFree(Symbol type, const Value& key, Id self) const {
  if (key.is_null()) return Status::OK();
  auto t = keys_.find(type);
  if (t == keys_.end()) return Status::OK();
  auto k = t->second.find(key);
  if (k == t->second.end()) return Status::OK();
  for (Id other : k->second)
    if (other != self)
      return Status::Constraint(std::string(names_.Text(type)) + " with key " + key.ToString() +
                                " already exists (id " + std::to_string(other) + ")");
  return Status::OK();
}

std::vector<Id> Hypergraph::FindByKey(std::string_view type, const Value& key) const {
  const Symbol t = names_.Find(type);
  auto it = keys_.find(t);
  if (t == kNoSymbol || it == keys_.end()) return {};
  auto k = it->second.find(key);
  return k == it->second.end() ? std::vector<Id>{} : k->second;
}

// --- entities ------------------------------------------------------------------

Status Hypergraph::CheckEntity(const std::vector<std::string>& types,
                               const std::vector<std::pair<std::string, Value>>& props) const {
  std::vector<std::string_view> type_views(types.begin(), types.end());
  for (const auto& [name, value] : props)
    MNEMO_RETURN_IF_ERROR(schema_.CheckEntityProperty(type_views, name, value));
  for (const auto& t : types) {
    const EntityTypeDef* def = schema_.FindEntity(t);
    if (!def || !def->key()) continue;
    const auto has = std::any_of(props.begin(), props.end(),
                                 [&](const auto& kv) { return kv.first == def->key()->name && !kv.second.is_null(); });
    if (!has)
      return Status::SchemaViolation(t + " needs its KEY property '" + def->key()->name + "'");
  }
  return Status::OK();
}

Result<Id> Hypergraph::AddEntity(const EntitySpec& spec) {
  MNEMO_RETURN_IF_ERROR(CheckEntity(spec.types, spec.properties));
  std::vector<Symbol> types;
  for (const auto& t : spec.types) {
    const Symbol s = names_.Intern(t);
    if (std::find(types.begin(), types.end(), s) == types.end()) types.push_back(s);
  }
  PropertyMap props;
  for (const auto& [k, v] : spec.properties)
    if (!v.is_null()) props.Set(names_.Intern(k), v);
  for (Symbol t : types) {
    const Symbol key = KeySymbolOf(t);
    if (const Value* v = props.Get(key); v && IsDeclaredKey(t, key)) MNEMO_RETURN_IF_ERROR(CheckKeyFree(t, *v, kNoId));
  }
  const Id id = NewId();
  Entity& e = entities_[id];
  e.id = id;
  e.types = std::move(types);
  e.properties = std::move(props);
  e.aliases = spec.aliases;
  e.time.recorded_at = StampTime();
  e.time.valid_from = spec.valid_from.value_or(e.time.recorded_at);
  e.time.Bound(spec.valid_to.value_or(temporal::kForever));
  for (Symbol t : e.types) {
    InsertSorted(by_type_[t], id);
    if (const Value* v = e.properties.Get(KeySymbolOf(t))) IndexKey(t, *v, id);
  }
  Journal([this, id] {
    Entity& gone = entities_.at(id);
    for (Symbol t : gone.types) {
      EraseSorted(by_type_[t], id);
      if (const Value* v = gone.properties.Get(KeySymbolOf(t))) UnindexKey(t, *v, id);
    }
    entities_.erase(id);
  });
  Touch(id);
  return id;
}

const Value* Hypergraph::EntityProperty(Id id, std::string_view name) const {
  const Entity* e = entity(id);
  const Symbol s = names_.Find(name);
  return e && s != kNoSymbol ? e->properties.Get(s) : nullptr;
}

Status Hypergraph::SetEntityProperty(Id id, std::string_view name, Value value) {
  auto it = entities_.find(id);
  if (it == entities_.end()) return Status::NotFound("entity " + std::to_string(id) + " does not exist");
  Entity& e = it->second;
  std::vector<std::string_view> types;
  for (Symbol t : e.types) types.push_back(names_.Text(t));
  MNEMO_RETURN_IF_ERROR(schema_.CheckEntityProperty(types, name, value));
  const Symbol prop = names_.Intern(name);
  for (Symbol t : e.types)
    if (KeySymbolOf(t) == prop && IsDeclaredKey(t, prop)) MNEMO_RETURN_IF_ERROR(CheckKeyFree(t, value, id));
  Value old = value.is_null() ? e.properties.Erase(prop) : e.properties.Set(prop, value);
  for (Symbol t : e.types)
    if (KeySymbolOf(t) == prop) {
      UnindexKey(t, old, id);
      IndexKey(t, value, id);
    }
  // Versions: the value held so far ends now; the new one starts now.
  const temporal::Timestamp now = StampTime();
  const size_t history_size = e.property_history.size();
  PropertyVersion* open = nullptr;
  for (auto& v : e.property_history)
    if (v.key == prop && v.time.valid_to == temporal::kForever) open = &v;
  std::optional<std::pair<size_t, temporal::Bitemporal>> closed;
  if (open) {
    closed.emplace(static_cast<size_t>(open - e.property_history.data()), open->time);
    open->time.Close(now, now);
  } else {
    PropertyVersion first{prop, old, {}};
    first.time.recorded_at = e.time.recorded_at;
    first.time.Close(now, now);
    e.property_history.push_back(std::move(first));
  }
  PropertyVersion next{prop, value, {}};
  next.time.valid_from = now;
  next.time.recorded_at = now;
  e.property_history.push_back(std::move(next));
  Journal([this, id, history_size, closed] {
    Entity& en = entities_.at(id);
    en.property_history.resize(history_size);
    if (closed) en.property_history[closed->first].time = closed->second;
  });
  Journal([this, id, prop, old = std::move(old), value = std::move(value)] {
    Entity& en = entities_.at(id);
    if (old.is_null()) en.properties.Erase(prop);
    else en.properties.Set(prop, old);
    for (Symbol t : en.types)
      if (KeySymbolOf(t) == prop) {
        UnindexKey(t, value, id);
        IndexKey(t, old, id);
      }
  });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::AddEntityType(Id id, std::string_view type) {
  auto it = entities_.find(id);
  if (it == entities_.end()) return Status::NotFound("entity " + std::to_string(id) + " does not exist");
  Entity& e = it->second;
  const Symbol t = names_.Intern(type);
  if (e.HasType(t)) return Status::OK();
  std::vector<std::string> types{std::string(type)};
  std::vector<std::pair<std::string, Value>> props;
  for (const auto& [k, v] : e.properties.entries()) props.emplace_back(std::string(names_.Text(k)), v);
  MNEMO_RETURN_IF_ERROR(CheckEntity(types, props));
  const Value* key = e.properties.Get(KeySymbolOf(t));
  if (key && IsDeclaredKey(t, KeySymbolOf(t))) MNEMO_RETURN_IF_ERROR(CheckKeyFree(t, *key, id));
  e.types.push_back(t);
  InsertSorted(by_type_[t], id);
  if (key) IndexKey(t, *key, id);
  Journal([this, id, t] {
    Entity& en = entities_.at(id);
    std::erase(en.types, t);
    EraseSorted(by_type_[t], id);
    if (const Value* k = en.properties.Get(KeySymbolOf(t))) UnindexKey(t, *k, id);
  });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::RemoveEntityType(Id id, std::string_view type) {
  auto it = entities_.find(id);
  if (it == entities_.end()) return Status::NotFound("entity " + std::to_string(id) + " does not exist");
  Entity& e = it->second;
  const Symbol t = names_.Find(type);
  if (t == kNoSymbol || !e.HasType(t)) return Status::OK();
  const size_t pos = static_cast<size_t>(std::find(e.types.begin(), e.types.end(), t) - e.types.begin());
  e.types.erase(e.types.begin() + static_cast<std::ptrdiff_t>(pos));
  EraseSorted(by_type_[t], id);
  if (const Value* k = e.properties.Get(KeySymbolOf(t))) UnindexKey(t, *k, id);
  Journal([this, id, t, pos] {
    Entity& en = entities_.at(id);
    en.types.insert(en.types.begin() + static_cast<std::ptrdiff_t>(pos), t);
    InsertSorted(by_type_[t], id);
    if (const Value* k = en.properties.Get(KeySymbolOf(t))) IndexKey(t, *k, id);
  });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::AddAlias(Id id, std::string alias) {
  auto it = entities_.find(id);
  if (it == entities_.end()) return Status::NotFound("entity " + std::to_string(id) + " does not exist");
  auto& aliases = it->second.aliases;
  if (std::find(aliases.begin(), aliases.end(), alias) != aliases.end()) return Status::OK();
  aliases.push_back(std::move(alias));
  Journal([this, id] { entities_.at(id).aliases.pop_back(); });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::RemoveAlias(Id id, std::string_view alias) {
  auto it = entities_.find(id);
  if (it == entities_.end()) return Status::NotFound("entity " + std::to_string(id) + " does not exist");
  auto& aliases = it->second.aliases;
  const auto pos = std::find(aliases.begin(), aliases.end(), alias);
  if (pos == aliases.end()) return Status::OK();
  const auto index = pos - aliases.begin();
  std::string gone = std::move(*pos);
  aliases.erase(pos);
  Journal([this, id, index, gone = std::move(gone)]() mutable {
    auto& list = entities_.at(id).aliases;
    list.insert(list.begin() + index, std::move(gone));
  });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::RetractEntity(Id id, temporal::Timestamp when) {
  auto it = entities_.find(id);
  if (it == entities_.end()) return Status::NotFound("entity " + std::to_string(id) + " does not exist");
  if (it->second.time.retracted_at != temporal::kForever)
    return Status::InvalidArgument("entity " + std::to_string(id) + " is already retracted");
  it->second.time.retracted_at = when;
  Journal([this, id] { entities_.at(id).time.retracted_at = temporal::kForever; });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::RemoveEntity(Id id, bool detach) {
  auto it = entities_.find(id);
  if (it == entities_.end()) return Status::NotFound("entity " + std::to_string(id) + " does not exist");
  if (it->second.degree() > 0) {
    if (!detach)
      return Status::Constraint("entity " + std::to_string(id) + " still takes part in " +
                                std::to_string(it->second.degree()) +
                                " fact(s); use DETACH DELETE to remove them too");
    while (!it->second.incidence.empty()) RemoveHyperedgeUnchecked(it->second.incidence.back().edge);
    while (!it->second.past_incidence.empty()) RemoveHyperedgeUnchecked(it->second.past_incidence.back().edge);
  }
  Entity gone = std::move(it->second);
  entities_.erase(it);
  for (Symbol t : gone.types) {
    EraseSorted(by_type_[t], id);
    if (const Value* v = gone.properties.Get(KeySymbolOf(t))) UnindexKey(t, *v, id);
  }
  Journal([this, gone = std::move(gone)]() mutable {
    const Id gid = gone.id;
    for (Symbol t : gone.types) {
      InsertSorted(by_type_[t], gid);
      if (const Value* v = gone.properties.Get(KeySymbolOf(t))) IndexKey(t, *v, gid);
    }
    entities_.emplace(gid, std::move(gone));
  });
  Touch(id);
  return Status::OK();
}

// --- hyperedges --------------------------------------------------------------------

Status Hypergraph::CheckHyperedge(const HyperedgeSpec& spec) const {
  if (spec.type.empty()) return Status::InvalidArgument("a fact needs a type");
  if (spec.roles.empty()) return Status::SchemaViolation("fact '" + spec.type + "' binds no role");
  for (const auto& r : spec.roles) {
    if (r.role.empty()) return Status::SchemaViolation("fact '" + spec.type + "' has a role without a name");
    if (r.entity != kNoId && !entity(r.entity))
      return Status::NotFound("role '" + r.role + "' of '" + spec.type + "' names entity " +
                              std::to_string(r.entity) + ", which does not exist");
    if (r.entity == kNoId && !r.value.IsStorable())
      return Status::TypeError("role '" + r.role + "' of '" + spec.type + "' cannot hold a " +
                               std::string(Value::KindName(r.value.kind())));
  }
  for (const auto& [name, v] : spec.properties)
    if (!v.IsStorable())
      return Status::TypeError("property '" + name + "' cannot hold a " + std::string(Value::KindName(v.kind())));
  const RelationTypeDef* def = schema_.FindRelation(spec.type);
  if (!def) return Status::OK();
  if (def->is_event != spec.is_event && spec.is_event)
    return Status::SchemaViolation("'" + spec.type + "' is a RELATION, not an EVENT");
  for (const auto& r : spec.roles) {
    const RoleDef* role = def->FindRole(r.role);
    if (!role)
      return Status::SchemaViolation("'" + spec.type + "' has no role '" + r.role + "'");
    if (role->takes_entity()) {
      if (r.entity == kNoId)
        return Status::SchemaViolation("role '" + r.role + "' of '" + spec.type + "' takes a " + role->entity_type +
                                       " entity, got the value " + r.value.ToString());
      if (role->entity_type != "ANY") {
        const Entity* e = entity(r.entity);
        const Symbol want = names_.Find(role->entity_type);
        if (want == kNoSymbol || !e->HasType(want))
          return Status::SchemaViolation("role '" + r.role + "' of '" + spec.type + "' takes a " + role->entity_type +
                                         ", entity " + std::to_string(r.entity) + " is not one");
      }
    } else {
      if (r.entity != kNoId)
        return Status::SchemaViolation("role '" + r.role + "' of '" + spec.type + "' takes a " +
                                       std::string(PropertyTypeName(*role->value_type)) + " value, not an entity");
      if (!ValueFits(*role->value_type, r.value))
        return Status::SchemaViolation("role '" + r.role + "' of '" + spec.type + "' takes a " +
                                       std::string(PropertyTypeName(*role->value_type)) + ", got " + r.value.ToString());
    }
  }
  for (const auto& role : def->roles) {
    const auto n = std::count_if(spec.roles.begin(), spec.roles.end(), [&](auto& r) { return r.role == role.name; });
    if (n == 0) return Status::SchemaViolation("'" + spec.type + "' needs role '" + role.name + "'");
    if (n > 1 && role.cardinality == Cardinality::kOne)
      return Status::SchemaViolation("role '" + role.name + "' of '" + spec.type + "' takes one participant, got " +
                                     std::to_string(n) + " (declare it MANY to allow more)");
  }
  for (const auto& [name, v] : spec.properties) {
    const PropertyDef* p = def->FindProperty(name);
    if (p && !ValueFits(p->type, v))
      return Status::SchemaViolation("property '" + name + "' of '" + spec.type + "' is " +
                                     std::string(PropertyTypeName(p->type)) + ", got " + v.ToString());
  }
  return Status::OK();
}

Result<Id> Hypergraph::AddHyperedge(const HyperedgeSpec& spec) {
  MNEMO_RETURN_IF_ERROR(CheckHyperedge(spec));
  if (spec.confidence < 0 || spec.confidence > 1)
    return Status::InvalidArgument("confidence must be between 0 and 1, got " + std::to_string(spec.confidence));
  for (Id ep : spec.provenance)
    if (!episode(ep)) return Status::NotFound("episode " + std::to_string(ep) + " does not exist");
  const Id id = NewId();
  Hyperedge& h = hyperedges_[id];
  h.id = id;
  h.type = names_.Intern(spec.type);
  h.is_event = spec.is_event;
  for (const auto& r : spec.roles) h.roles.push_back({names_.Intern(r.role), r.entity, r.value});
  for (const auto& [k, v] : spec.properties)
    if (!v.is_null()) h.properties.Set(names_.Intern(k), v);
  h.time.recorded_at = StampTime();
  h.time.valid_from = spec.valid_from.value_or(h.time.recorded_at);
  h.time.Bound(spec.valid_to.value_or(temporal::kForever));
  h.provenance = spec.provenance;
  h.confidence = spec.confidence;
  h.embedding = spec.embedding;
  for (const auto& r : h.roles)
    if (r.is_entity()) entities_.at(r.entity).incidence.push_back({id, h.type, r.role});
  InsertSorted(edges_by_type_[h.type], id);
  Journal([this, id] {
    const Hyperedge& gone = hyperedges_.at(id);
    for (const auto& r : gone.roles)
      if (r.is_entity()) EraseIncidence(r.entity, id);
    EraseSorted(edges_by_type_[gone.type], id);
    hyperedges_.erase(id);
  });
  Touch(id);
  return id;
}

void Hypergraph::EraseIncidence(Id entity_id, Id edge) {
  auto it = entities_.find(entity_id);
  if (it == entities_.end()) return;
  std::erase_if(it->second.incidence, [edge](const Incidence& inc) { return inc.edge == edge; });
  std::erase_if(it->second.past_incidence, [edge](const Incidence& inc) { return inc.edge == edge; });
}

std::optional<std::pair<bool, size_t>> Hypergraph::MoveIncidenceLine(Id from, Id to, Id edge, Symbol role) {
  Entity& f = entities_.at(from);
  Entity& t = entities_.at(to);
  for (bool past : {false, true}) {
    auto& lines = past ? f.past_incidence : f.incidence;
    for (size_t i = 0; i < lines.size(); ++i)
      if (lines[i].edge == edge && lines[i].role == role) {
        (past ? t.past_incidence : t.incidence).push_back(lines[i]);
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
        return std::make_pair(past, i);
      }
  }
  return std::nullopt;
}

// Moves the fact's lines from the current to the past lists (idempotent).
void Hypergraph::ArchiveIncidence(const Hyperedge& h) {
  for (const auto& r : h.roles) {
    if (!r.is_entity()) continue;
    Entity& e = entities_.at(r.entity);
    for (auto it = e.incidence.begin(); it != e.incidence.end();) {
      if (it->edge == h.id) {
        e.past_incidence.push_back(*it);
        it = e.incidence.erase(it);
      } else {
        ++it;
      }
    }
  }
}

void Hypergraph::UnarchiveIncidence(const Hyperedge& h) {
  for (const auto& r : h.roles) {
    if (!r.is_entity()) continue;
    Entity& e = entities_.at(r.entity);
    for (auto it = e.past_incidence.begin(); it != e.past_incidence.end();) {
      if (it->edge == h.id) {
        e.incidence.push_back(*it);
        it = e.past_incidence.erase(it);
      } else {
        ++it;
      }
    }
  }
}

void Hypergraph::RemoveHyperedgeUnchecked(Id id) {
  auto it = hyperedges_.find(id);
  // Versions superseded by this fact bind the same participants: unlink them.
  for (const auto& r : it->second.roles) {
    if (!r.is_entity()) continue;
    const Entity& ent = entities_.at(r.entity);
    for (const auto* lines : {&ent.incidence, &ent.past_incidence})
      for (const Incidence& inc : *lines) {
        Hyperedge& other = hyperedges_.at(inc.edge);
        if (other.superseded_by != id) continue;
        other.superseded_by = kNoId;
        Journal([this, other_id = other.id, id] { hyperedges_.at(other_id).superseded_by = id; });
        Touch(other.id);
      }
  }
  Hyperedge gone = std::move(it->second);
  hyperedges_.erase(it);
  // Remember where each incidence line stood, to put it back in place on undo.
  std::vector<std::pair<Id, std::vector<std::pair<size_t, Incidence>>>> positions;
  for (const auto& r : gone.roles) {
    if (!r.is_entity()) continue;
    if (std::any_of(positions.begin(), positions.end(), [&](auto& p) { return p.first == r.entity; })) continue;
    const Entity& ent = entities_.at(r.entity);
    std::vector<std::pair<size_t, Incidence>> lines;  // position; SIZE_MAX marks a past line
    for (size_t i = 0; i < ent.incidence.size(); ++i)
      if (ent.incidence[i].edge == id) lines.emplace_back(i, ent.incidence[i]);
    for (const auto& line : ent.past_incidence)
      if (line.edge == id) lines.emplace_back(SIZE_MAX, line);
    positions.emplace_back(r.entity, std::move(lines));
    EraseIncidence(r.entity, id);
  }
  EraseSorted(edges_by_type_[gone.type], id);
  Journal([this, gone = std::move(gone), positions = std::move(positions)]() mutable {
    for (auto& [ent, lines] : positions) {
      Entity& e = entities_.at(ent);
      for (auto& [pos, line] : lines) {
        if (pos == SIZE_MAX) e.past_incidence.push_back(line);
        else e.incidence.insert(e.incidence.begin() + static_cast<std::ptrdiff_t>(pos), line);
      }
    }
    InsertSorted(edges_by_type_[gone.type], gone.id);
    hyperedges_.emplace(gone.id, std::move(gone));
  });
  Touch(id);
}

Status Hypergraph::RemoveHyperedge(Id id) {
  if (!hyperedge(id)) return Status::NotFound("fact " + std::to_string(id) + " does not exist");
  RemoveHyperedgeUnchecked(id);
  return Status::OK();
}

Status Hypergraph::SetHyperedgeProperty(Id id, std::string_view name, Value value) {
  auto it = hyperedges_.find(id);
  if (it == hyperedges_.end()) return Status::NotFound("fact " + std::to_string(id) + " does not exist");
  if (!value.IsStorable())
    return Status::TypeError("property '" + std::string(name) + "' cannot hold a " +
                             std::string(Value::KindName(value.kind())));
  if (const RelationTypeDef* def = schema_.FindRelation(names_.Text(it->second.type))) {
    const PropertyDef* p = def->FindProperty(name);
    if (p && !ValueFits(p->type, value))
      return Status::SchemaViolation("property '" + std::string(name) + "' of '" + def->name + "' is " +
                                     std::string(PropertyTypeName(p->type)) + ", got " + value.ToString());
  }
  const Symbol prop = names_.Intern(name);
  Value old = value.is_null() ? it->second.properties.Erase(prop) : it->second.properties.Set(prop, value);
  Journal([this, id, prop, old = std::move(old)] {
    auto& props = hyperedges_.at(id).properties;
    if (old.is_null()) props.Erase(prop);
    else props.Set(prop, old);
  });
  Touch(id);
  return Status::OK();
}

// --- episodes ------------------------------------------------------------------------

Result<Id> Hypergraph::AddEpisode(const EpisodeSpec& spec) {
  if (spec.trust < 0 || spec.trust > 1)
    return Status::InvalidArgument("trust must be between 0 and 1, got " + std::to_string(spec.trust));
  if (spec.speaker != kNoId && !entity(spec.speaker))
    return Status::NotFound("speaker entity " + std::to_string(spec.speaker) + " does not exist");
  for (Id a : spec.about)
    if (!entity(a)) return Status::NotFound("entity " + std::to_string(a) + " does not exist");
  const Id id = NewId();
  Episode& ep = episodes_[id];
  ep.id = id;
  ep.text = spec.text;
  ep.timeline.recorded_at = StampTime();
  ep.time = spec.time.value_or(ep.timeline.recorded_at);
  ep.timeline.valid_from = ep.time;
  ep.speaker = spec.speaker;
  ep.session = spec.session.empty() ? kNoSymbol : names_.Intern(spec.session);
  ep.source = spec.source.empty() ? kNoSymbol : names_.Intern(spec.source);
  ep.trust = spec.trust;
  ep.about = spec.about;
  ep.embedding = spec.embedding;
  Journal([this, id] { episodes_.erase(id); });
  Touch(id);
  return id;
}

Status Hypergraph::SetEpisodeEntities(Id id, Id speaker, std::vector<Id> about) {
  auto it = episodes_.find(id);
  if (it == episodes_.end()) return Status::NotFound("episode " + std::to_string(id) + " does not exist");
  if (speaker != kNoId && !entity(speaker))
    return Status::NotFound("speaker entity " + std::to_string(speaker) + " does not exist");
  for (Id a : about)
    if (!entity(a)) return Status::NotFound("entity " + std::to_string(a) + " does not exist");
  Episode& ep = it->second;
  Journal([this, id, old_speaker = ep.speaker, old_about = ep.about] {
    Episode& e = episodes_.at(id);
    e.speaker = old_speaker;
    e.about = old_about;
  });
  ep.speaker = speaker;
  ep.about = std::move(about);
  Touch(id);
  return Status::OK();
}

Status Hypergraph::RemoveEpisode(Id id) {
  auto it = episodes_.find(id);
  if (it == episodes_.end()) return Status::NotFound("episode " + std::to_string(id) + " does not exist");
  Episode gone = std::move(it->second);
  episodes_.erase(it);
  Journal([this, gone = std::move(gone)]() mutable { episodes_.emplace(gone.id, std::move(gone)); });
  Touch(id);
  return Status::OK();
}

// --- lifecycle ------------------------------------------------------------------------

Status Hypergraph::RetractHyperedge(Id id, temporal::Timestamp when) {
  auto it = hyperedges_.find(id);
  if (it == hyperedges_.end()) return Status::NotFound("fact " + std::to_string(id) + " does not exist");
  if (it->second.time.retracted_at != temporal::kForever)
    return Status::InvalidArgument("fact " + std::to_string(id) + " is already retracted");
  it->second.time.retracted_at = when;
  // Lines already in the past stay there on undo; the rest come back.
  std::vector<Id> was_current;
  for (const auto& r : it->second.roles)
    if (r.is_entity())
      for (const auto& inc : entities_.at(r.entity).incidence)
        if (inc.edge == id) was_current.push_back(r.entity);
  ArchiveIncidence(it->second);
  Journal([this, id, was_current] {
    Hyperedge& h = hyperedges_.at(id);
    h.time.retracted_at = temporal::kForever;
    if (!was_current.empty()) UnarchiveIncidence(h);
  });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::CloseHyperedge(Id id, temporal::Timestamp valid_to, Id superseded_by, temporal::Timestamp now) {
  auto it = hyperedges_.find(id);
  if (it == hyperedges_.end()) return Status::NotFound("fact " + std::to_string(id) + " does not exist");
  Hyperedge& h = it->second;
  const temporal::Bitemporal old_time = h.time;
  const Id old_next = h.superseded_by;
  const bool reclosed = h.time.closed_at != temporal::kForever && h.time.closed_at < now;
  if (reclosed) {
    h.earlier_closes.emplace_back(h.time.closed_at, h.time.valid_to_before_close);
    h.time.valid_to_before_close = h.time.valid_to;
  }
  h.time.Close(valid_to, now);
  h.superseded_by = superseded_by;
  bool archived = false;
  if (valid_to <= now) {
    for (const auto& r : h.roles)
      if (r.is_entity())
        for (const auto& inc : entities_.at(r.entity).incidence)
          if (inc.edge == id) archived = true;
    ArchiveIncidence(h);
  }
  Journal([this, id, old_time, old_next, archived, reclosed] {
    Hyperedge& e = hyperedges_.at(id);
    e.time = old_time;
    if (reclosed) e.earlier_closes.pop_back();
    e.superseded_by = old_next;
    if (archived) UnarchiveIncidence(e);
  });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::BoundHyperedge(Id id, temporal::Timestamp valid_to, Id superseded_by) {
  auto it = hyperedges_.find(id);
  if (it == hyperedges_.end()) return Status::NotFound("fact " + std::to_string(id) + " does not exist");
  Hyperedge& h = it->second;
  const temporal::Bitemporal old_time = h.time;
  const Id old_next = h.superseded_by;
  if (h.time.valid_to != valid_to) h.time.Bound(valid_to);
  h.superseded_by = superseded_by;
  Journal([this, id, old_time, old_next] {
    hyperedges_.at(id).time = old_time;
    hyperedges_.at(id).superseded_by = old_next;
  });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::AddProvenance(Id id, const std::vector<Id>& episodes) {
  auto it = hyperedges_.find(id);
  if (it == hyperedges_.end()) return Status::NotFound("fact " + std::to_string(id) + " does not exist");
  for (Id ep : episodes)
    if (!episode(ep)) return Status::NotFound("episode " + std::to_string(ep) + " does not exist");
  const std::vector<Id> before = it->second.provenance;
  for (Id ep : episodes)
    if (std::find(it->second.provenance.begin(), it->second.provenance.end(), ep) == it->second.provenance.end())
      it->second.provenance.push_back(ep);
  Journal([this, id, before] { hyperedges_.at(id).provenance = before; });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::RebindRole(Id id, size_t role_index, Id entity_id) {
  auto it = hyperedges_.find(id);
  if (it == hyperedges_.end()) return Status::NotFound("fact " + std::to_string(id) + " does not exist");
  Hyperedge& h = it->second;
  if (role_index >= h.roles.size() || !h.roles[role_index].is_entity())
    return Status::InvalidArgument("role " + std::to_string(role_index) + " of fact " + std::to_string(id) +
                                   " does not bind an entity");
  auto target = entities_.find(entity_id);
  if (target == entities_.end()) return Status::NotFound("entity " + std::to_string(entity_id) + " does not exist");
  const Id from = h.roles[role_index].entity;
  const Symbol role = h.roles[role_index].role;
  if (from == entity_id) return Status::OK();
  if (const RelationTypeDef* def = schema_.FindRelation(names_.Text(h.type)))
    if (const RoleDef* r = def->FindRole(names_.Text(role)); r && r->takes_entity() && r->entity_type != "ANY") {
      const Symbol want = names_.Find(r->entity_type);
      if (want == kNoSymbol || !target->second.HasType(want))
        return Status::SchemaViolation("role '" + r->name + "' of '" + def->name + "' takes a " + r->entity_type +
                                       ", entity " + std::to_string(entity_id) + " is not one");
    }
  const auto where = MoveIncidenceLine(from, entity_id, id, role);
  h.roles[role_index].entity = entity_id;
  Journal([this, id, role_index, from, to = entity_id, role, where] {
    hyperedges_.at(id).roles[role_index].entity = from;
    if (!where) return;
    // Take back the line appended to `to`, and put it where it stood in `from`.
    Entity& t = entities_.at(to);
    auto& lines = where->first ? t.past_incidence : t.incidence;
    for (size_t i = lines.size(); i-- > 0;)
      if (lines[i].edge == id && lines[i].role == role) {
        const Incidence line = lines[i];
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
        Entity& f = entities_.at(from);
        auto& back = where->first ? f.past_incidence : f.incidence;
        back.insert(back.begin() + static_cast<std::ptrdiff_t>(std::min(where->second, back.size())), line);
        break;
      }
  });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::SetForgotten(Id id, bool archived) {
  bool* flag = nullptr;
  if (auto e = entities_.find(id); e != entities_.end()) flag = &e->second.forgotten;
  else if (auto h = hyperedges_.find(id); h != hyperedges_.end()) flag = &h->second.forgotten;
  else if (auto ep = episodes_.find(id); ep != episodes_.end()) flag = &ep->second.forgotten;
  if (!flag) return Status::NotFound("no record has id " + std::to_string(id));
  const bool before = *flag;
  *flag = archived;
  Journal([this, id, before] {
    if (auto e = entities_.find(id); e != entities_.end()) e->second.forgotten = before;
    else if (auto h = hyperedges_.find(id); h != hyperedges_.end()) h->second.forgotten = before;
    else episodes_.at(id).forgotten = before;
  });
  Touch(id);
  return Status::OK();
}

Status Hypergraph::Purge(Id id, temporal::Timestamp when) {
  const RecordKind kind = KindOf(id);
  switch (kind) {
    case RecordKind::kEntity:
      // Episodes keep their text but lose every link to the purged entity.
      for (auto& [eid, ep] : episodes_) {
        if (ep.speaker != id && std::find(ep.about.begin(), ep.about.end(), id) == ep.about.end()) continue;
        const Id speaker = ep.speaker;
        const std::vector<Id> about = ep.about;
        if (ep.speaker == id) ep.speaker = kNoId;
        std::erase(ep.about, id);
        Journal([this, eid = eid, speaker, about] {
          episodes_.at(eid).speaker = speaker;
          episodes_.at(eid).about = about;
        });
        Touch(eid);
      }
      MNEMO_RETURN_IF_ERROR(RemoveEntity(id, /*detach=*/true));
      break;
    case RecordKind::kHyperedge: MNEMO_RETURN_IF_ERROR(RemoveHyperedge(id)); break;
    case RecordKind::kEpisode:
      for (auto& [hid, h] : hyperedges_) {
        if (std::find(h.provenance.begin(), h.provenance.end(), id) == h.provenance.end()) continue;
        const std::vector<Id> before = h.provenance;
        std::erase(h.provenance, id);
        Journal([this, hid = hid, before] { hyperedges_.at(hid).provenance = before; });
        Touch(hid);
      }
      MNEMO_RETURN_IF_ERROR(RemoveEpisode(id));
      break;
    case RecordKind::kNone: return Status::NotFound("no record has id " + std::to_string(id));
  }
  tombstones_.push_back({id, kind, when});
  Journal([this] { tombstones_.pop_back(); });
  return Status::OK();
}

// --- reads ---------------------------------------------------------------------------

RecordKind Hypergraph::KindOf(Id id) const {
  if (entities_.count(id)) return RecordKind::kEntity;
  if (hyperedges_.count(id)) return RecordKind::kHyperedge;
  if (episodes_.count(id)) return RecordKind::kEpisode;
  return RecordKind::kNone;
}

const Entity* Hypergraph::entity(Id id) const {
  auto it = entities_.find(id);
  return it == entities_.end() ? nullptr : &it->second;
}
const Hyperedge* Hypergraph::hyperedge(Id id) const {
  auto it = hyperedges_.find(id);
  return it == hyperedges_.end() ? nullptr : &it->second;
}
const Episode* Hypergraph::episode(Id id) const {
  auto it = episodes_.find(id);
  return it == episodes_.end() ? nullptr : &it->second;
}

const std::vector<Id>& Hypergraph::EntitiesOfType(std::string_view type) const {
  const Symbol t = names_.Find(type);
  auto it = by_type_.find(t);
  return t == kNoSymbol || it == by_type_.end() ? kNoIds : it->second;
}

const std::vector<Id>& Hypergraph::HyperedgesOfType(std::string_view type) const {
  const Symbol t = names_.Find(type);
  auto it = edges_by_type_.find(t);
  return t == kNoSymbol || it == edges_by_type_.end() ? kNoIds : it->second;
}

StoreCounts Hypergraph::counts() const {
  return {entities_.size(), hyperedges_.size(), episodes_.size(), names_.size()};
}

}  // namespace mnemo::graph
