#include "graph/schema.hpp"

#include <algorithm>
#include <cctype>

namespace mnemo::graph {

namespace {
constexpr std::pair<std::string_view, PropertyType> kTypeNames[] = {
    {"ANY", PropertyType::kAny},   {"TEXT", PropertyType::kText},         {"INT", PropertyType::kInt},
    {"FLOAT", PropertyType::kFloat}, {"BOOL", PropertyType::kBool},       {"DATE", PropertyType::kDate},
    {"DATETIME", PropertyType::kDateTime}, {"LIST", PropertyType::kList}, {"MAP", PropertyType::kMap},
};

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
         });
}

template <typename Defs>
Status CheckUniqueNames(const Defs& defs, std::string_view what, std::string_view owner) {
  for (size_t i = 0; i < defs.size(); ++i)
    for (size_t j = i + 1; j < defs.size(); ++j)
      if (defs[i].name == defs[j].name)
        return Status::SchemaViolation(std::string(what) + " '" + defs[i].name + "' is declared twice in " +
                                       std::string(owner));
  return Status::OK();
}
}  // namespace

std::string_view PropertyTypeName(PropertyType t) {
  for (const auto& [name, type] : kTypeNames)
    if (type == t) return name;
  return "ANY";
}

std::optional<PropertyType> ParsePropertyType(std::string_view name) {
  for (const auto& [n, type] : kTypeNames)
    if (IEquals(n, name)) return type;
  return std::nullopt;
}

bool ValueFits(PropertyType t, const Value& v) {
  using K = Value::Kind;
  if (v.is_null() || t == PropertyType::kAny) return v.IsStorable();
  switch (t) {
    case PropertyType::kText: return v.kind() == K::kString;
    case PropertyType::kInt: return v.kind() == K::kInt;
    case PropertyType::kFloat: return v.is_number();
    case PropertyType::kBool: return v.kind() == K::kBool;
    case PropertyType::kDate: return v.kind() == K::kDate;
    case PropertyType::kDateTime: return v.kind() == K::kDateTime || v.kind() == K::kDate;
    case PropertyType::kList: return v.kind() == K::kList && v.IsStorable();
    case PropertyType::kMap: return v.kind() == K::kMap && v.IsStorable();
    case PropertyType::kAny: return true;
  }
  return false;
}

const PropertyDef* EntityTypeDef::key() const {
  for (const auto& p : properties)
    if (p.is_key) return &p;
  return nullptr;
}

const PropertyDef* EntityTypeDef::FindProperty(std::string_view n) const {
  for (const auto& p : properties)
    if (p.name == n) return &p;
  return nullptr;
}

const RoleDef* RelationTypeDef::FindRole(std::string_view n) const {
  for (const auto& r : roles)
    if (r.name == n) return &r;
  return nullptr;
}

const PropertyDef* RelationTypeDef::FindProperty(std::string_view n) const {
  for (const auto& p : properties)
    if (p.name == n) return &p;
  return nullptr;
}

Status Schema::DefineEntity(EntityTypeDef def) {
  if (FindEntity(def.name) || FindRelation(def.name))
    return Status::SchemaViolation("type '" + def.name + "' is already defined");
  MNEMO_RETURN_IF_ERROR(CheckUniqueNames(def.properties, "property", def.name));
  if (std::count_if(def.properties.begin(), def.properties.end(), [](auto& p) { return p.is_key; }) > 1)
    return Status::SchemaViolation("entity type '" + def.name + "' declares more than one KEY");
  entities_.push_back(std::move(def));
  return Status::OK();
}

Status Schema::DefineRelation(RelationTypeDef def) {
  if (FindEntity(def.name) || FindRelation(def.name))
    return Status::SchemaViolation("type '" + def.name + "' is already defined");
  if (def.roles.empty())
    return Status::SchemaViolation("relation '" + def.name + "' declares no role");
  MNEMO_RETURN_IF_ERROR(CheckUniqueNames(def.roles, "role", def.name));
  MNEMO_RETURN_IF_ERROR(CheckUniqueNames(def.properties, "property", def.name));
  for (const auto& r : def.roles) {
    if (def.FindProperty(r.name))
      return Status::SchemaViolation("'" + r.name + "' is both a role and a property of '" + def.name + "'");
    if (r.takes_entity() && r.entity_type != "ANY" && !FindEntity(r.entity_type))
      return Status::SchemaViolation("role '" + r.name + "' of '" + def.name + "' names entity type '" +
                                     r.entity_type + "', which is not defined");
  }
  for (const auto& u : def.unique_roles)
    if (!def.FindRole(u))
      return Status::SchemaViolation("UNIQUE names '" + u + "', which is not a role of '" + def.name + "'");
  relations_.push_back(std::move(def));
  return Status::OK();
}

void Schema::Undefine(std::string_view name) {
  std::erase_if(entities_, [&](const auto& d) { return d.name == name; });
  std::erase_if(relations_, [&](const auto& d) { return d.name == name; });
}

const EntityTypeDef* Schema::FindEntity(std::string_view name) const {
  for (const auto& d : entities_)
    if (d.name == name) return &d;
  return nullptr;
}

const RelationTypeDef* Schema::FindRelation(std::string_view name) const {
  for (const auto& d : relations_)
    if (d.name == name) return &d;
  return nullptr;
}

Status Schema::CheckEntityProperty(const std::vector<std::string_view>& types, std::string_view property,
                                   const Value& value) const {
  if (!value.IsStorable())
    return Status::TypeError("property '" + std::string(property) + "' cannot hold a " +
                             std::string(Value::KindName(value.kind())));
  for (auto t : types) {
    const EntityTypeDef* def = FindEntity(t);
    if (!def) continue;
    const PropertyDef* p = def->FindProperty(property);
    if (!p) continue;
    if (!ValueFits(p->type, value))
      return Status::SchemaViolation("property '" + std::string(property) + "' of " + def->name + " is " +
                                     std::string(PropertyTypeName(p->type)) + ", got " +
                                     std::string(Value::KindName(value.kind())) + " " + value.ToString());
    if (p->is_key && value.is_null())
      return Status::SchemaViolation("KEY property '" + p->name + "' of " + def->name + " cannot be null");
  }
  return Status::OK();
}

}  // namespace mnemo::graph
