// GraphPicture: what a picture of a query result shows, whatever the file
// format (see graph_export.hpp for the rules). Built once, written by the DOT
// and GraphML writers.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

enum class PictureNodeKind { kEntity, kFact, kEvent, kOther };
enum class PictureEdgeKind { kFact, kRole };

// Every text field is clean one-line UTF-8 (graph_export_text.hpp); `label`
// alone may hold '\n' between its lines.
struct PictureNode {
  std::string id;  // "n17": unique among nodes
  PictureNodeKind kind = PictureNodeKind::kOther;
  std::string type;                  // entity types joined by ':', or the fact's relation/event name
  std::string key;                   // an entity's key (or name); empty otherwise
  std::string label;                 // "Person\nCaroline", "Trip\nfrom 2023-06-01"
  std::string valid_from, valid_to;  // facts and events: BoundText of the valid interval
  std::string properties;            // "{name: 'Ann'}", or empty
};

struct PictureEdge {
  std::string id;              // "e5" (binary fact 5), "e7_0" (role 0 of fact 7)
  std::string source, target;  // node ids
  PictureEdgeKind kind = PictureEdgeKind::kFact;
  std::string type;                  // the relation name, or the role name
  std::string label;                 // "lives_in\n2023-04-01 – 2024-01-01", "traveler"
  std::string valid_from, valid_to;  // of the fact the edge belongs to
  std::string properties;
};

struct GraphPicture {
  std::vector<PictureNode> nodes;  // in id order
  std::vector<PictureEdge> edges;  // in (fact id, role) order
};

// The picture of `result`, reading kinds, keys and valid times from the store.
GraphPicture BuildPicture(Connection& conn, const QueryResult& result);

void WriteDot(const GraphPicture& picture, std::ostream& out);
void WriteGraphml(const GraphPicture& picture, std::ostream& out);

}  // namespace mnemo::shell
