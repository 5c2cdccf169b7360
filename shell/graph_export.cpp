#include "shell/graph_export.hpp"

#include <ostream>

#include "shell/graph_export_model.hpp"

namespace mnemo::shell {

std::optional<GraphFormat> ParseGraphFormat(std::string_view name) {
  if (name == "dot") return GraphFormat::kDot;
  if (name == "graphml") return GraphFormat::kGraphml;
  return std::nullopt;
}

Status WriteGraph(Connection& conn, const QueryResult& result, GraphFormat format, std::ostream& out) {
  return WriteGraph(conn, result, format, out, nullptr);
}

Status WriteGraph(Connection& conn, const QueryResult& result, GraphFormat format, std::ostream& out,
                  GraphCounts* counts) {
  const GraphPicture picture = BuildPicture(conn, result);
  if (format == GraphFormat::kGraphml)
    WriteGraphml(picture, out);
  else
    WriteDot(picture, out);
  out.flush();
  if (!out) return Status::IOError("cannot write the graph");
  if (counts) *counts = GraphCounts{picture.nodes.size(), picture.edges.size()};
  return Status::OK();
}

Result<QueryResult> WholeMemory(Connection& conn) {
  Result<QueryResult> nodes = conn.Query("MATCH (n) RETURN n");
  if (!nodes.ok()) return nodes.status();
  Result<QueryResult> relationships = conn.Query("MATCH ()-[r]->() RETURN r");
  if (!relationships.ok()) return relationships.status();
  QueryResult whole;
  whole.nodes = std::move(nodes->nodes);
  whole.nodes.merge(relationships->nodes);
  whole.relationships = std::move(relationships->relationships);
  return whole;
}

}  // namespace mnemo::shell
