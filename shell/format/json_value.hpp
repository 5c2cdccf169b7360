// Conversions between graph::Value and JSON: result values to JSON for
// `--format json`, and JSON text to parameter values for `--param`.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

using Json = nlohmann::ordered_json;

// The JSON form of a result value:
//   null, bool, int, float (NaN/Infinity/-Infinity as strings), string, list,
//   map -> object, date -> "2023-05-08", datetime -> "2023-05-08T13:56:00Z",
//   node -> {"id", "labels", "properties"},
//   relationship -> {"id", "type", "start", "end", "properties"} (+ "role"
//     for the link of an n-ary fact to one participant),
//   path -> {"nodes": [...], "relationships": [...]}.
// Graph elements are described from `result.nodes` / `result.relationships`;
// one missing there is given by id only.
Json ValueToJson(const QueryResult& result, const graph::Value& value);

// The value of `--param name=TEXT`: TEXT read as JSON (number, string, bool,
// null, list, object) when it is valid JSON, otherwise TEXT itself as a string.
graph::Value ParseParamValue(std::string_view text);

// The dump used for output: compact, invalid UTF-8 replaced rather than thrown on.
std::string DumpJson(const Json& json);

}  // namespace mnemo::shell
