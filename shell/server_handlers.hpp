// The endpoints of `mnemo serve`, as functions from a request's parts to a
// reply. They know nothing of sockets or HTTP parsing (server.cpp feeds
// them), so tests call them directly.
//
// Thread-safety: every handler may run on many threads at once.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string_view>

#include "shell/http_reply.hpp"
#include "shell/scopes.hpp"
#include "shell/server_options.hpp"

namespace mnemo::shell {

// What the handlers share for the lifetime of a server.
struct ServerState {
  explicit ServerState(const ServerOptions& server_options)
      : options(server_options),
        scopes(server_options.db, ScopeOptionsOf(server_options)),
        started(std::chrono::steady_clock::now()) {}

  const ServerOptions options;
  ScopeRegistry scopes;
  const std::chrono::steady_clock::time_point started;
  std::atomic<uint64_t> requests_served{0};  // responses written, of any status
};

// GET /health: 200 {"status":"ok"}.
HttpReply HandleHealth();

// POST /query: runs the body's statements in its scope (QueryReply()).
// 400 when the body is not a valid request (ParseQueryRequest()), 500 when
// the scope cannot be opened.
HttpReply HandleQuery(ServerState& state, std::string_view body, std::string_view scope_header);

// GET /stats: 200 with StatsJson().
HttpReply HandleStats(ServerState& state);

// GET /scopes: 200 {"scopes":["default", ...]} (ScopeRegistry::List()).
HttpReply HandleListScopes(ServerState& state);

// DELETE /scopes/NAME: 200 {"dropped":"NAME"}; 400 for an invalid name or
// "default", 404 for an unknown scope, 500 when its directory stays.
HttpReply HandleDropScope(ServerState& state, std::string_view name);

}  // namespace mnemo::shell
