// CompletionCatalog: the names of one memory that the Tab key offers — its
// entity types, relation and event types, roles and property names, from the
// declared schema and from the records themselves.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

struct CompletionCatalog {
  std::vector<std::string> entity_types;    // node labels of entities
  std::vector<std::string> relation_types;  // relations and events (relationship types, or labels of n-ary facts)
  std::vector<std::string> roles;           // role names (relationship types of n-ary facts' links)
  std::vector<std::string> properties;      // property names, value roles included
};

// The catalog of `store`: everything the schema declares, plus the names used
// by the first `max_records` entities and the first `max_records` hyperedges
// (a bound, so that Tab stays instant on a large memory). Each list is sorted
// and without duplicates.
CompletionCatalog ReadCompletionCatalog(const graph::Hypergraph& store, size_t max_records = 200000);

}  // namespace mnemo::shell
