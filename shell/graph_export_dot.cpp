// The Graphviz DOT writer: entities as ellipses, facts and events as small
// rounded boxes (filled yellow and blue), role links dashed, properties in
// tooltips (shown by SVG viewers).
#include <ostream>

#include "shell/graph_export_model.hpp"

namespace mnemo::shell {

namespace {

// `text` as a DOT double-quoted string; '\n' becomes a centred line break.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += {'\\', c};
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out + "\"";
}

std::string_view NodeStyle(PictureNodeKind kind) {
  switch (kind) {
    case PictureNodeKind::kEntity:
      return "";
    case PictureNodeKind::kFact:
      return ", shape=box, style=\"rounded,filled\", fillcolor=\"#fff2cc\", fontsize=9, margin=\"0.05,0.02\"";
    case PictureNodeKind::kEvent:
      return ", shape=box, style=\"rounded,filled\", fillcolor=\"#dae8fc\", fontsize=9, margin=\"0.05,0.02\"";
    case PictureNodeKind::kOther:
      return ", shape=box, style=dashed";
  }
  return "";
}

}  // namespace

void WriteDot(const GraphPicture& picture, std::ostream& out) {
  out << "digraph mnemo {\n"
         "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
         "  node [shape=ellipse, fontname=\"Helvetica\", fontsize=11];\n"
         "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const PictureNode& node : picture.nodes) {
    out << "  " << Quoted(node.id) << " [label=" << Quoted(node.label) << NodeStyle(node.kind);
    if (!node.properties.empty()) out << ", tooltip=" << Quoted(node.properties);
    out << "];\n";
  }
  for (const PictureEdge& edge : picture.edges) {
    out << "  " << Quoted(edge.source) << " -> " << Quoted(edge.target) << " [label=" << Quoted(edge.label);
    if (edge.kind == PictureEdgeKind::kRole) out << ", style=dashed, arrowsize=0.6";
    if (!edge.properties.empty()) out << ", tooltip=" << Quoted(edge.properties);
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace mnemo::shell
