#include "shell/server_handlers.hpp"

#include "shell/format/json_value.hpp"
#include "shell/http_request.hpp"
#include "shell/server_stats.hpp"

namespace mnemo::shell {

namespace {

HttpReply StatusReply(int status, const Status& error) {
  return ErrorReply(status, StatusCodeName(error.code()), error.message());
}

}  // namespace

HttpReply HandleHealth() { return HttpReply{200, R"({"status":"ok"})", {}}; }

HttpReply HandleQuery(ServerState& state, std::string_view body, std::string_view scope_header) {
  auto request = ParseQueryRequest(body, scope_header);
  if (!request.ok()) return StatusReply(400, request.status());
  auto lease = state.scopes.Acquire(request->scope);
  if (!lease.ok()) {
    const Status& error = lease.status();
    const int status = error.code() == StatusCode::kInvalidArgument ? 400 : 500;
    return StatusReply(status, Status(error.code(), "cannot open scope '" + request->scope + "': " + error.message()));
  }
  Connection connection = lease->database().Connect();
  return QueryReply(connection.Run(request->query, request->params), state.options.max_rows);
}

HttpReply HandleStats(ServerState& state) {
  const double uptime = std::chrono::duration<double>(std::chrono::steady_clock::now() - state.started).count();
  return HttpReply{200, StatsJson(state.scopes, uptime, state.requests_served.load()), {}};
}

HttpReply HandleListScopes(ServerState& state) {
  Json body = Json::object();
  body["scopes"] = state.scopes.List();
  return HttpReply{200, DumpJson(body), {}};
}

HttpReply HandleDropScope(ServerState& state, std::string_view name) {
  const Status dropped = state.scopes.Drop(name);
  if (!dropped.ok()) {
    switch (dropped.code()) {
      case StatusCode::kInvalidArgument:
        return StatusReply(400, dropped);
      case StatusCode::kNotFound:
        return StatusReply(404, dropped);
      default:
        return StatusReply(500, dropped);
    }
  }
  Json body = Json::object();
  body["dropped"] = std::string(name);
  return HttpReply{200, DumpJson(body), {}};
}

}  // namespace mnemo::shell
