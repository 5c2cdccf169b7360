#include "shell/format/json_value.hpp"

#include <cmath>
#include <limits>

namespace mnemo::shell {

namespace {

using K = graph::Value::Kind;

Json PropertiesToJson(const QueryResult& result, const graph::Map& properties) {
  Json out = Json::object();
  for (const auto& [key, value] : properties) out[key] = ValueToJson(result, value);
  return out;
}

Json NodeToJson(const QueryResult& result, graph::NodeRef node) {
  Json out = Json::object();
  out["id"] = node.id;
  auto it = result.nodes.find(node.id);
  if (it == result.nodes.end()) return out;
  out["labels"] = it->second.labels;
  out["properties"] = PropertiesToJson(result, it->second.properties);
  return out;
}

Json RelationshipToJson(const QueryResult& result, graph::RelRef rel) {
  Json out = Json::object();
  out["id"] = rel.edge;
  if (rel.role >= 0) out["role"] = rel.role;
  auto it = result.relationships.find(rel);
  if (it == result.relationships.end()) return out;
  out["type"] = it->second.type;
  out["start"] = it->second.start;
  out["end"] = it->second.end;
  out["properties"] = PropertiesToJson(result, it->second.properties);
  return out;
}

Json FloatToJson(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  return d;
}

// Datetimes always carry their time of day, even at midnight (FormatTimestamp
// abbreviates midnight to the date).
std::string DateTimeText(temporal::Timestamp t) {
  std::string text = temporal::FormatTimestamp(t);
  if (t != temporal::kForever && text.find('T') == std::string::npos) text += "T00:00:00Z";
  return text;
}

graph::Value JsonToValue(const nlohmann::json& json) {
  switch (json.type()) {
    case nlohmann::json::value_t::boolean:
      return json.get<bool>();
    case nlohmann::json::value_t::number_integer:
      return json.get<int64_t>();
    case nlohmann::json::value_t::number_unsigned: {
      const auto u = json.get<uint64_t>();
      if (u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return static_cast<int64_t>(u);
      return static_cast<double>(u);
    }
    case nlohmann::json::value_t::number_float:
      return json.get<double>();
    case nlohmann::json::value_t::string:
      return json.get<std::string>();
    case nlohmann::json::value_t::array: {
      graph::List list;
      for (const auto& element : json) list.push_back(JsonToValue(element));
      return list;
    }
    case nlohmann::json::value_t::object: {
      graph::Map map;
      for (const auto& [key, element] : json.items()) map.emplace_back(key, JsonToValue(element));
      return map;
    }
    default:
      return nullptr;
  }
}

}  // namespace

Json ValueToJson(const QueryResult& result, const graph::Value& value) {
  switch (value.kind()) {
    case K::kNull:
      return nullptr;
    case K::kBool:
      return value.as_bool();
    case K::kInt:
      return value.as_int();
    case K::kFloat:
      return FloatToJson(value.as_float());
    case K::kString:
      return value.as_string();
    case K::kDate:
      return temporal::FormatDate(value.as_date().micros);
    case K::kDateTime:
      return DateTimeText(value.as_datetime().micros);
    case K::kList: {
      Json out = Json::array();
      for (const auto& element : value.as_list()) out.push_back(ValueToJson(result, element));
      return out;
    }
    case K::kMap:
      return PropertiesToJson(result, value.as_map());
    case K::kNode:
      return NodeToJson(result, value.as_node());
    case K::kRelationship:
      return RelationshipToJson(result, value.as_rel());
    case K::kPath: {
      Json nodes = Json::array(), rels = Json::array();
      for (auto node : value.as_path().nodes) nodes.push_back(NodeToJson(result, node));
      for (auto rel : value.as_path().rels) rels.push_back(RelationshipToJson(result, rel));
      Json out = Json::object();
      out["nodes"] = std::move(nodes);
      out["relationships"] = std::move(rels);
      return out;
    }
  }
  return nullptr;
}

graph::Value ParseParamValue(std::string_view text) {
  // No exceptions: an invalid document comes back as `discarded`.
  nlohmann::json json = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return std::string(text);
  return JsonToValue(json);
}

std::string DumpJson(const Json& json) {
  return json.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

}  // namespace mnemo::shell
