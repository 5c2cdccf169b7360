// The GraphML writer: every attribute is declared with a <key> (Gephi, yEd
// and NetworkX read them as node and edge columns); `label` is the caption
// on one line, `kind` is entity|fact|event|other for nodes and fact|role for
// edges, valid_from/valid_to are ISO-8601 (empty: unbounded).
#include <ostream>

#include "shell/graph_export_model.hpp"

namespace mnemo::shell {

namespace {

// `text` with XML's special characters escaped; line breaks become blanks.
std::string Escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view KindName(PictureNodeKind kind) {
  switch (kind) {
    case PictureNodeKind::kEntity:
      return "entity";
    case PictureNodeKind::kFact:
      return "fact";
    case PictureNodeKind::kEvent:
      return "event";
    case PictureNodeKind::kOther:
      return "other";
  }
  return "other";
}

// The attributes: (key id, element, attribute name).
struct KeySpec {
  std::string_view id, element, name;
};
constexpr KeySpec kKeys[] = {
    {"n_label", "node", "label"},
    {"n_kind", "node", "kind"},
    {"n_type", "node", "type"},
    {"n_key", "node", "key"},
    {"n_valid_from", "node", "valid_from"},
    {"n_valid_to", "node", "valid_to"},
    {"n_properties", "node", "properties"},
    {"e_label", "edge", "label"},
    {"e_kind", "edge", "kind"},
    {"e_type", "edge", "type"},
    {"e_valid_from", "edge", "valid_from"},
    {"e_valid_to", "edge", "valid_to"},
    {"e_properties", "edge", "properties"},
};

void Data(std::ostream& out, std::string_view key, std::string_view value) {
  if (!value.empty()) out << "      <data key=\"" << key << "\">" << Escaped(value) << "</data>\n";
}

}  // namespace

void WriteGraphml(const GraphPicture& picture, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const KeySpec& key : kKeys)
    out << "  <key id=\"" << key.id << "\" for=\"" << key.element << "\" attr.name=\"" << key.name
        << "\" attr.type=\"string\"/>\n";
  out << "  <graph id=\"mnemo\" edgedefault=\"directed\">\n";
  for (const PictureNode& node : picture.nodes) {
    out << "    <node id=\"" << Escaped(node.id) << "\">\n";
    Data(out, "n_label", node.label);
    Data(out, "n_kind", KindName(node.kind));
    Data(out, "n_type", node.type);
    Data(out, "n_key", node.key);
    Data(out, "n_valid_from", node.valid_from);
    Data(out, "n_valid_to", node.valid_to);
    Data(out, "n_properties", node.properties);
    out << "    </node>\n";
  }
  for (const PictureEdge& edge : picture.edges) {
    out << "    <edge id=\"" << Escaped(edge.id) << "\" source=\"" << Escaped(edge.source) << "\" target=\""
        << Escaped(edge.target) << "\">\n";
    Data(out, "e_label", edge.label);
    Data(out, "e_kind", edge.kind == PictureEdgeKind::kRole ? "role" : "fact");
    Data(out, "e_type", edge.type);
    Data(out, "e_valid_from", edge.valid_from);
    Data(out, "e_valid_to", edge.valid_to);
    Data(out, "e_properties", edge.properties);
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace mnemo::shell
