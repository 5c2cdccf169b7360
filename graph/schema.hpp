// Schema: the optional, typed description of entity and relation/event types.
//
// Nothing needs declaring: undeclared labels, relation types and properties
// are accepted as they come. What is declared is enforced on every write:
//  - an entity of a declared type must carry its KEY property (when the type
//    has one), and declared properties must hold values of their type;
//  - a hyperedge of a declared relation/event binds only declared roles, each
//    to an entity of the role's type (or ANY) or, for value roles, to a value
//    of the role's value type; a ONE role takes exactly one binding, a MANY
//    role one or more; every declared role must be bound.
// UNIQUE role sets are recorded here; the temporal layer uses them to decide
// supersession.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "graph/value.hpp"

namespace mnemo::graph {

enum class PropertyType : uint8_t { kAny, kText, kInt, kFloat, kBool, kDate, kDateTime, kList, kMap };

std::string_view PropertyTypeName(PropertyType t);
// "TEXT" -> kText (case-insensitive); nullopt when not a property type name.
std::optional<PropertyType> ParsePropertyType(std::string_view name);
// Whether `v` may be stored in a property of type `t` (null always may;
// an INT is accepted where FLOAT is declared).
bool ValueFits(PropertyType t, const Value& v);

struct PropertyDef {
  std::string name;
  PropertyType type = PropertyType::kAny;
  bool is_key = false;
};

struct EntityTypeDef {
  std::string name;
  std::vector<PropertyDef> properties;
  const PropertyDef* key() const;
  const PropertyDef* FindProperty(std::string_view name) const;
};

enum class Cardinality : uint8_t { kOne, kMany };

struct RoleDef {
  std::string name;
  // An entity type name, "ANY" (any entity), or empty when the role takes a
  // value of `value_type`.
  std::string entity_type;
  std::optional<PropertyType> value_type;
  Cardinality cardinality = Cardinality::kOne;
  bool takes_entity() const { return !value_type.has_value(); }
};

struct RelationTypeDef {
  std::string name;
  bool is_event = false;
  std::vector<RoleDef> roles;
  std::vector<PropertyDef> properties;
  std::vector<std::string> unique_roles;  // empty: no UNIQUE constraint
  const RoleDef* FindRole(std::string_view name) const;
  const PropertyDef* FindProperty(std::string_view name) const;
};

class Schema {
 public:
  // Errors: a type already declared under that name (as entity or relation),
  // more than one KEY, duplicate property or role names, a UNIQUE role that is
  // not declared, a role whose entity type is not declared (ANY is fine).
  Status DefineEntity(EntityTypeDef def);
  Status DefineRelation(RelationTypeDef def);
  // Removes a definition (for statement rollback); no-op when absent.
  void Undefine(std::string_view name);

  const EntityTypeDef* FindEntity(std::string_view name) const;
  const RelationTypeDef* FindRelation(std::string_view name) const;
  const std::vector<EntityTypeDef>& entities() const { return entities_; }
  const std::vector<RelationTypeDef>& relations() const { return relations_; }
  bool empty() const { return entities_.empty() && relations_.empty(); }

  // Checks one entity property value against every declared type the entity has.
  Status CheckEntityProperty(const std::vector<std::string_view>& types, std::string_view property,
                             const Value& value) const;

 private:
  std::vector<EntityTypeDef> entities_;
  std::vector<RelationTypeDef> relations_;
};

}  // namespace mnemo::graph
