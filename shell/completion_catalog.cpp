#include "shell/completion_catalog.hpp"

#include <set>

namespace mnemo::shell {

namespace {

std::vector<std::string> Sorted(std::set<std::string>&& names) {
  names.erase("");
  return std::vector<std::string>(std::make_move_iterator(names.begin()), std::make_move_iterator(names.end()));
}

}  // namespace

CompletionCatalog ReadCompletionCatalog(const graph::Hypergraph& store, size_t max_records) {
  std::set<std::string> entity_types, relation_types, roles, properties;
  const graph::Schema& schema = store.schema();
  for (const graph::EntityTypeDef& def : schema.entities()) {
    entity_types.insert(def.name);
    for (const graph::PropertyDef& p : def.properties) properties.insert(p.name);
  }
  for (const graph::RelationTypeDef& def : schema.relations()) {
    relation_types.insert(def.name);
    for (const graph::RoleDef& role : def.roles) {
      roles.insert(role.name);
      if (!role.takes_entity()) properties.insert(role.name);
    }
    for (const graph::PropertyDef& p : def.properties) properties.insert(p.name);
  }

  const graph::Interner& names = store.names();
  auto text = [&](graph::Symbol s) { return std::string(names.Text(s)); };
  size_t seen = 0;
  for (const auto& [id, entity] : store.entities()) {
    if (++seen > max_records) break;
    for (graph::Symbol t : entity.types) entity_types.insert(text(t));
    for (const auto& [key, value] : entity.properties.entries()) properties.insert(text(key));
  }
  seen = 0;
  for (const auto& [id, edge] : store.hyperedges()) {
    if (++seen > max_records) break;
    relation_types.insert(text(edge.type));
    for (const graph::RoleBinding& role : edge.roles) {
      roles.insert(text(role.role));
      if (!role.is_entity()) properties.insert(text(role.role));
    }
    for (const auto& [key, value] : edge.properties.entries()) properties.insert(text(key));
  }
  return CompletionCatalog{Sorted(std::move(entity_types)), Sorted(std::move(relation_types)), Sorted(std::move(roles)),
                           Sorted(std::move(properties))};
}

}  // namespace mnemo::shell
