#include "shell/http_request.hpp"

#include <nlohmann/json.hpp>

#include "shell/format/json_value.hpp"
#include "shell/scopes.hpp"

namespace mnemo::shell {

namespace {

constexpr int kMaxParamDepth = 64;

// True when `json` nests arrays/objects at most `depth` levels deep. The
// recursion is bounded by `depth`, so hostile nesting cannot exhaust the stack.
bool WithinDepth(const Json& json, int depth) {
  if (!json.is_structured()) return true;
  if (depth == 0) return false;
  for (const auto& element : json)
    if (!WithinDepth(element, depth - 1)) return false;
  return true;
}

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string ParseErrorText(const nlohmann::json::exception& error) {
  std::string text = error.what();
  if (!text.empty() && text[0] == '[') {
    const size_t end = text.find("] ");
    if (end != std::string::npos) text.erase(0, end + 2);
  }
  return text;
}

// Reads "params" into `params`.
Status ReadParams(const Json& json, engine::Params& params) {
  if (!json.is_object())
    return Status::InvalidArgument(std::string("\"params\" must be an object, not ") + json.type_name());
  if (!WithinDepth(json, kMaxParamDepth + 1))
    return Status::InvalidArgument("\"params\" nests more than " + std::to_string(kMaxParamDepth) + " levels deep");
  for (const auto& [name, value] : json.items()) {
    std::string key = name;
    if (!key.empty() && key[0] == '$') key.erase(0, 1);  // as --param allows
    if (key.empty()) return Status::InvalidArgument("a parameter name cannot be empty");
    params[key] = ParseParamValue(DumpJson(value));
  }
  return Status::OK();
}

}  // namespace

Result<QueryRequest> ParseQueryRequest(std::string_view body, std::string_view scope_header) {
  Json json;
  try {
    json = Json::parse(body.begin(), body.end());
  } catch (const nlohmann::json::exception& error) {
    return Status::InvalidArgument("the request body is not valid JSON: " + ParseErrorText(error));
  }
  if (!json.is_object())
    return Status::InvalidArgument(std::string("the request body must be a JSON object, not ") + json.type_name() +
                                   " (e.g. {\"query\": \"RETURN 1 AS x\"})");

  QueryRequest request;
  bool has_query = false;
  std::string body_scope;
  for (const auto& [field, value] : json.items()) {
    if (field == "query") {
      if (!value.is_string())
        return Status::InvalidArgument(std::string("\"query\" must be a string, not ") + value.type_name());
      request.query = value.get<std::string>();
      has_query = true;
    } else if (field == "params") {
      if (value.is_null()) continue;
      MNEMO_RETURN_IF_ERROR(ReadParams(value, request.params));
    } else if (field == "scope") {
      if (!value.is_string())
        return Status::InvalidArgument(std::string("\"scope\" must be a string, not ") + value.type_name());
      body_scope = value.get<std::string>();
      if (body_scope.empty()) return Status::InvalidArgument("\"scope\" cannot be empty");
    } else {
      return Status::InvalidArgument("unknown field " + DumpJson(Json(field)) +
                                     " in the request body (expected \"query\", \"params\", \"scope\")");
    }
  }
  if (!has_query)
    return Status::InvalidArgument("the request body has no \"query\" (e.g. {\"query\": \"RETURN 1 AS x\"})");

  if (!body_scope.empty() && !scope_header.empty() && body_scope != scope_header)
    return Status::InvalidArgument("the body's \"scope\" ('" + body_scope + "') and the X-Mnemo-Scope header ('" +
                                   std::string(scope_header) + "') differ");
  request.scope = !body_scope.empty()     ? body_scope
                  : !scope_header.empty() ? std::string(scope_header)
                                          : std::string(kDefaultScope);
  Status valid = ScopeRegistry::ValidateName(request.scope);
  if (!valid.ok()) return valid;
  return request;
}

}  // namespace mnemo::shell
