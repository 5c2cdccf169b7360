#include "engine/query_result.hpp"

namespace mnemo {

std::vector<std::pair<std::string, int64_t>> QueryStats::NonZero() const {
  const std::pair<const char*, int64_t> all[] = {
      {"nodes_created", nodes_created},
      {"nodes_deleted", nodes_deleted},
      {"relationships_created", relationships_created},
      {"relationships_deleted", relationships_deleted},
      {"properties_set", properties_set},
      {"properties_removed", properties_removed},
      {"labels_added", labels_added},
      {"labels_removed", labels_removed},
      {"episodes_created", episodes_created},
      {"facts_created", facts_created},
      {"facts_retracted", facts_retracted},
      {"records_forgotten", records_forgotten},
      {"records_purged", records_purged},
      {"schema_changes", schema_changes},
  };
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& [name, n] : all)
    if (n != 0) out.emplace_back(name, n);
  return out;
}

bool QueryStats::empty() const { return NonZero().empty(); }

namespace {
std::string RenderProperties(const graph::Map& props) {
  if (props.empty()) return "";
  std::string out = " {";
  for (size_t i = 0; i < props.size(); ++i)
    out += (i ? ", " : "") + props[i].first + ": " + props[i].second.ToString();
  return out + "}";
}
}  // namespace

std::string QueryResult::Render(const graph::Value& v) const {
  using K = graph::Value::Kind;
  switch (v.kind()) {
    case K::kNode: {
      auto it = nodes.find(v.as_node().id);
      if (it == nodes.end()) return "(#" + std::to_string(v.as_node().id) + ")";
      std::string out = "(";
      for (const auto& l : it->second.labels) out += ":" + l;
      return out + RenderProperties(it->second.properties) + ")";
    }
    case K::kRelationship: {
      auto it = relationships.find(v.as_rel());
      if (it == relationships.end()) return "[#" + std::to_string(v.as_rel().edge) + "]";
      return "[:" + it->second.type + RenderProperties(it->second.properties) + "]";
    }
    case K::kPath: {
      const auto& p = v.as_path();
      std::string out = "<" + Render(graph::Value(p.nodes.front()));
      for (size_t i = 0; i < p.rels.size(); ++i) {
        auto it = relationships.find(p.rels[i]);
        const bool forward = it == relationships.end() || it->second.start == p.nodes[i].id;
        out += (forward ? "-" : "<-") + Render(graph::Value(p.rels[i])) + (forward ? "->" : "-") +
               Render(graph::Value(p.nodes[i + 1]));
      }
      return out + ">";
    }
    case K::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.as_list().size(); ++i) out += (i ? ", " : "") + Render(v.as_list()[i]);
      return out + "]";
    }
    case K::kMap: {
      std::string out = "{";
      for (size_t i = 0; i < v.as_map().size(); ++i)
        out += (i ? ", " : "") + v.as_map()[i].first + ": " + Render(v.as_map()[i].second);
      return out + "}";
    }
    default: return v.ToString();
  }
}

}  // namespace mnemo
