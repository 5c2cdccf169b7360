// The request of `POST /query`, read from its JSON body:
//
//   {"query": "MATCH (p:Person) RETURN p.name", "params": {"name": "Ann"}, "scope": "agent-7"}
//
// "query" (a string) is required. "params" (an object; each value read as
// `mnemo query --param` reads JSON) and "scope" (a scope name) are optional.
// The scope may also come from the X-Mnemo-Scope header; when both are given
// they must agree. Without either the scope is "default".
#pragma once

#include <string>
#include <string_view>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

struct QueryRequest {
  std::string query;
  engine::Params params;
  std::string scope;
};

// Parses a body of POST /query; `scope_header` is the X-Mnemo-Scope header,
// empty when absent. Errors are InvalidArgument with a message for the
// client: the body is not JSON (with the parser's position), is not an
// object, lacks "query", has a field of the wrong type or an unknown field,
// nests "params" more than 64 levels deep, names an invalid scope, or the
// body and header scopes differ.
Result<QueryRequest> ParseQueryRequest(std::string_view body, std::string_view scope_header);

}  // namespace mnemo::shell
