#include <algorithm>
#include <map>

#include "shell/graph_export_model.hpp"
#include "shell/graph_export_text.hpp"

namespace mnemo::shell {

namespace {

constexpr size_t kMaxLabelChars = 60;         // per label line
constexpr size_t kMaxPropertiesChars = 1000;  // tooltips and attributes

std::string NodeId(graph::Id id) { return "n" + std::to_string(id); }

// Strings as they are, other values in their literal form.
std::string ValueText(const graph::Value& v) {
  return v.kind() == graph::Value::Kind::kString ? v.as_string() : v.ToString();
}

std::string PropertiesText(const graph::Map& properties) {
  if (properties.empty()) return "";
  return Shorten(CleanText(graph::Value(properties).ToString()), kMaxPropertiesChars);
}

std::string Joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : std::string(separator)) + part;
  return out;
}

class PictureBuilder {
 public:
  explicit PictureBuilder(const graph::Hypergraph& store) : store_(store) {}

  GraphPicture Build(const QueryResult& result) {
    std::map<graph::Id, const NodeView*> nodes;
    for (const auto& [id, view] : result.nodes) nodes[id] = &view;

    std::vector<std::pair<graph::RelRef, const RelationshipView*>> rels;
    for (const auto& [ref, view] : result.relationships)
      if (view.start != graph::kNoId && view.end != graph::kNoId) rels.emplace_back(ref, &view);
    std::sort(rels.begin(), rels.end(), [](const auto& a, const auto& b) {
      return a.first.edge != b.first.edge ? a.first.edge < b.first.edge : a.first.role < b.first.role;
    });

    GraphPicture picture;
    for (const auto& [ref, view] : rels) {
      nodes.try_emplace(view->start, nullptr);  // ends the result does not describe
      nodes.try_emplace(view->end, nullptr);
      picture.edges.push_back(Edge(ref, *view));
    }
    for (const auto& [id, view] : nodes) picture.nodes.push_back(Node(id, view));
    return picture;
  }

 private:
  std::string Name(graph::Symbol s) const { return std::string(store_.names().Text(s)); }

  graph::Map Properties(const graph::PropertyMap& map) const {
    graph::Map out;
    for (const auto& [key, value] : map.entries()) out.emplace_back(Name(key), value);
    return out;
  }

  PictureNode Node(graph::Id id, const NodeView* view) const {
    PictureNode node;
    if (const graph::Entity* entity = store_.entity(id))
      node = EntityNode(*entity, view);
    else if (const graph::Hyperedge* fact = store_.hyperedge(id))
      node = FactNode(*fact, view);
    else
      node = OtherNode(id, view ? view->labels : std::vector<std::string>{}, view ? view->properties : graph::Map{});
    node.id = NodeId(id);
    return node;
  }

  // "Person\nCaroline": the types, then the key (or the name, or the id).
  PictureNode EntityNode(const graph::Entity& entity, const NodeView* view) const {
    std::vector<std::string> labels;
    graph::Map properties;
    if (view) {
      labels = view->labels;
      properties = view->properties;
    } else {
      for (graph::Symbol t : entity.types) labels.push_back(Name(t));
      properties = Properties(entity.properties);
    }
    PictureNode node;
    node.kind = PictureNodeKind::kEntity;
    if (!entity.key.is_null()) {
      node.key = CleanText(ValueText(entity.key));
    } else {
      for (const auto& [name, value] : properties)
        if (name == "name" && !value.is_null()) node.key = CleanText(ValueText(value));
    }
    node.type = CleanText(Joined(labels, ":"));
    const std::string key_line = node.key.empty() ? "#" + std::to_string(entity.id) : Shorten(node.key, kMaxLabelChars);
    node.label = node.type.empty() ? key_line : Shorten(node.type, kMaxLabelChars) + "\n" + key_line;
    node.properties = PropertiesText(properties);
    return node;
  }

  // "Trip\nfrom 2023-06-01": the relation or event name, then the valid time.
  PictureNode FactNode(const graph::Hyperedge& fact, const NodeView* view) const {
    graph::Map properties;
    if (view) {
      properties = view->properties;
    } else {
      properties = Properties(fact.properties);
      for (const graph::RoleBinding& role : fact.roles)
        if (!role.is_entity()) properties.emplace_back(Name(role.role), role.value);
    }
    PictureNode node;
    node.kind = fact.is_event ? PictureNodeKind::kEvent : PictureNodeKind::kFact;
    node.type = CleanText(Name(fact.type));
    node.valid_from = BoundText(fact.time.valid_from);
    node.valid_to = BoundText(fact.time.valid_to);
    const std::string caption = ValidTimeCaption(fact.time.valid_from, fact.time.valid_to);
    node.label = Shorten(node.type, kMaxLabelChars) + (caption.empty() ? "" : "\n" + caption);
    node.properties = PropertiesText(properties);
    return node;
  }

  // A node the store no longer holds: what the result says of it.
  static PictureNode OtherNode(graph::Id id, const std::vector<std::string>& labels, const graph::Map& properties) {
    PictureNode node;
    node.kind = PictureNodeKind::kOther;
    node.type = CleanText(Joined(labels, ":"));
    const std::string number = "#" + std::to_string(id);
    node.label = node.type.empty() ? number : Shorten(node.type, kMaxLabelChars) + "\n" + number;
    node.properties = PropertiesText(properties);
    return node;
  }

  PictureEdge Edge(graph::RelRef ref, const RelationshipView& view) const {
    PictureEdge edge;
    edge.id = "e" + std::to_string(ref.edge) + (ref.role < 0 ? "" : "_" + std::to_string(ref.role));
    edge.source = NodeId(view.start);
    edge.target = NodeId(view.end);
    edge.kind = ref.role < 0 ? PictureEdgeKind::kFact : PictureEdgeKind::kRole;
    edge.type = CleanText(view.type);
    std::string caption;
    if (const graph::Hyperedge* fact = store_.hyperedge(ref.edge)) {
      edge.valid_from = BoundText(fact->time.valid_from);
      edge.valid_to = BoundText(fact->time.valid_to);
      caption = ValidTimeCaption(fact->time.valid_from, fact->time.valid_to);
    }
    edge.label = Shorten(edge.type, kMaxLabelChars);
    if (edge.kind == PictureEdgeKind::kFact && !caption.empty()) edge.label += "\n" + caption;
    edge.properties = PropertiesText(view.properties);
    return edge;
  }

  const graph::Hypergraph& store_;
};

}  // namespace

GraphPicture BuildPicture(Connection& conn, const QueryResult& result) {
  return conn.Read([&](const graph::Hypergraph& store) { return PictureBuilder(store).Build(result); });
}

}  // namespace mnemo::shell
