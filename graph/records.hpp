// The three kinds of record in the hypergraph: Entity, Hyperedge, Episode.
//
// Every record carries the bitemporal fields (see temporal/time.hpp). Names
// (types, roles, property names) are interned Symbols.
#pragma once

#include <string>
#include <vector>

#include "graph/ids.hpp"
#include "graph/value.hpp"
#include "temporal/time.hpp"

namespace mnemo::graph {

// A small map from property name to value, kept in insertion order.
class PropertyMap {
 public:
  const Value* Get(Symbol key) const {
    for (const auto& [k, v] : entries_)
      if (k == key) return &v;
    return nullptr;
  }
  // Returns the previous value (null when there was none).
  Value Set(Symbol key, Value value) {
    for (auto& [k, v] : entries_)
      if (k == key) return std::exchange(v, std::move(value));
    entries_.emplace_back(key, std::move(value));
    return Value();
  }
  // Returns the removed value (null when there was none).
  Value Erase(Symbol key) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->first == key) {
        Value old = std::move(it->second);
        entries_.erase(it);
        return old;
      }
    return Value();
  }
  const std::vector<std::pair<Symbol, Value>>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<std::pair<Symbol, Value>> entries_;
};

// One line of an entity's incidence list: "hyperedge `edge` of type `type`
// binds me in role `role`". An entity bound in two roles of one hyperedge has
// two lines.
struct Incidence {
  Id edge = kNoId;
  Symbol type = kNoSymbol;
  Symbol role = kNoSymbol;
  friend bool operator==(const Incidence&, const Incidence&) = default;
};

// One value a property held over an interval of valid and transaction time.
// A null value means the property was absent then.
struct PropertyVersion {
  Symbol key = kNoSymbol;
  Value value;
  temporal::Bitemporal time;
};

struct Entity {
  Id id = kNoId;
  std::vector<Symbol> types;   // labels, in the order they were added
  Symbol key_type = kNoSymbol;  // the type whose KEY `key` is (kNoSymbol: no key)
  Value key;
  PropertyMap properties;  // the current values
  // Every value of each property changed since creation, oldest first (empty
  // for properties never changed: their current value holds for all time).
  std::vector<PropertyVersion> property_history;
  std::vector<std::string> aliases;
  temporal::Bitemporal time;
  bool forgotten = false;
  // Facts binding this entity, split by whether they can be current: lines of
  // superseded (and closed) or retracted facts move to `past_incidence`, so
  // that reading current facts costs the same however long the history.
  std::vector<Incidence> incidence;
  std::vector<Incidence> past_incidence;
  size_t degree() const { return incidence.size() + past_incidence.size(); }

  bool HasType(Symbol t) const {
    for (Symbol s : types)
      if (s == t) return true;
    return false;
  }
};

// A role of a hyperedge bound to an entity (entity != kNoId) or to a value.
struct RoleBinding {
  Symbol role = kNoSymbol;
  Id entity = kNoId;
  Value value;
  bool is_entity() const { return entity != kNoId; }
};

// A fact or event: any number of role bindings, its own type and properties.
struct Hyperedge {
  Id id = kNoId;
  Symbol type = kNoSymbol;
  bool is_event = false;
  std::vector<RoleBinding> roles;  // in declaration order; a MANY role may repeat
  PropertyMap properties;
  temporal::Bitemporal time;
  std::vector<Id> provenance;  // episode ids it was learned from
  double confidence = 1.0;
  Id superseded_by = kNoId;
  bool forgotten = false;
  // Closings before the latest one, oldest first: (closed_at, valid_to before
  // that closing). Rare: a version closed again by an out-of-order arrival.
  std::vector<std::pair<temporal::Timestamp, temporal::Timestamp>> earlier_closes;
  std::vector<float> embedding;  // given by the client; empty: the memory's embedder derives one

  // The valid interval as believed at transaction time t.
  temporal::Interval ValidKnownAt(temporal::Timestamp t) const {
    if (time.closed_at == temporal::kForever || t >= time.closed_at) return time.valid();
    temporal::Timestamp to = time.valid_to_before_close;
    for (auto it = earlier_closes.rbegin(); it != earlier_closes.rend() && t < it->first; ++it) to = it->second;
    return {time.valid_from, to};
  }
  bool VisibleAt(temporal::Timestamp v, temporal::Timestamp t) const {
    return time.transaction().Contains(t) && ValidKnownAt(t).Contains(v);
  }

  // Number of roles bound to entities.
  size_t EntityArity() const {
    size_t n = 0;
    for (const auto& r : roles) n += r.is_entity();
    return n;
  }
};

// Immutable raw experience.
struct Episode {
  Id id = kNoId;
  std::string text;
  temporal::Timestamp time = 0;
  Id speaker = kNoId;  // an entity, or none
  Symbol session = kNoSymbol;
  Symbol source = kNoSymbol;
  double trust = 1.0;
  std::vector<Id> about;  // entities the episode is about
  std::vector<float> embedding;
  temporal::Bitemporal timeline;
  bool forgotten = false;
};

}  // namespace mnemo::graph
