#include "shell/server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <exception>
#include <string>
#include <string_view>

#include "shell/http_auth.hpp"
#include "shell/http_reply.hpp"
#include "shell/server_handlers.hpp"

namespace mnemo::shell {

namespace {

constexpr int kListenBacklog = 512;
constexpr size_t kKeepAliveRequests = 100;

constexpr const char* kEndpoints = "POST /query, GET /health, GET /stats, GET /scopes, DELETE /scopes/NAME";

void Send(httplib::Response& res, const HttpReply& reply) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name.c_str(), value);
  res.set_content(reply.body, "application/json");
}

HttpReply Unauthorized(AuthOutcome outcome) {
  HttpReply reply = ErrorReply(401, "Unauthorized", AuthMessage(outcome));
  reply.headers.emplace_back("WWW-Authenticate", AuthChallenge(outcome));
  return reply;
}

AuthOutcome Authenticate(const ServerState& state, const httplib::Request& req) {
  return CheckBearer(req.get_header_value("Authorization"), state.options.token);
}

// The methods a known path answers to ("" for an unknown path).
std::string_view AllowedMethods(std::string_view path) {
  if (path == "/query") return "POST";
  if (path == "/health" || path == "/stats" || path == "/scopes") return "GET, HEAD";
  if (path.starts_with("/scopes/") && path.size() > 8 && path.find('/', 8) == std::string_view::npos) return "DELETE";
  return "";
}

// The body of an error reply that no handler wrote: an unknown route, a
// body over the limit, an HTTP request httplib could not parse.
HttpReply DefaultErrorReply(const ServerState& state, const httplib::Request& req, int status) {
  if (status == 404) {
    if (req.path != "/health") {
      const AuthOutcome auth = Authenticate(state, req);
      if (auth != AuthOutcome::kAccepted) return Unauthorized(auth);
    }
    const std::string_view allowed = AllowedMethods(req.path);
    if (!allowed.empty()) {
      HttpReply reply =
          ErrorReply(405, "MethodNotAllowed",
                     req.method + " is not allowed on " + req.path + " (allowed: " + std::string(allowed) + ")");
      reply.headers.emplace_back("Allow", std::string(allowed));
      return reply;
    }
    return ErrorReply(404, "NotFound",
                      "no endpoint " + req.method + " " + req.path + " (endpoints: " + kEndpoints + ")");
  }
  if (status == 413) {
    std::string message = "the request body is larger than the limit of " + std::to_string(state.options.max_body) +
                          " bytes (--max-body)";
    if (req.get_header_value("Content-Type").find("application/x-www-form-urlencoded") != std::string::npos)
      message += "; form-encoded bodies are limited to 8192 bytes: send Content-Type: application/json";
    return ErrorReply(413, "ResourceLimit", message);
  }
  if (status == 400) return ErrorReply(400, "InvalidArgument", "malformed HTTP request");
  return ErrorReply(status, "HttpError", "HTTP status " + std::to_string(status));
}

}  // namespace

Server::Server(const ServerOptions& options)
    : state_(std::make_unique<ServerState>(options)), http_(std::make_unique<httplib::Server>()) {}

Server::~Server() = default;  // http_ goes first (declared last), then the scopes

void Server::AddRoutes() {
  ServerState& state = *state_;
  // Wraps a handler that needs the bearer token.
  auto guarded = [&state](std::function<HttpReply(const httplib::Request&)> handler) {
    return [&state, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
      const AuthOutcome auth = Authenticate(state, req);
      Send(res, auth == AuthOutcome::kAccepted ? handler(req) : Unauthorized(auth));
    };
  };

  http_->Post("/query", guarded([&state](const httplib::Request& req) {
                return HandleQuery(state, req.body, req.get_header_value("X-Mnemo-Scope"));
              }));
  http_->Get("/health", [](const httplib::Request&, httplib::Response& res) { Send(res, HandleHealth()); });
  http_->Get("/stats", guarded([&state](const httplib::Request&) { return HandleStats(state); }));
  http_->Get("/scopes", guarded([&state](const httplib::Request&) { return HandleListScopes(state); }));
  http_->Delete(R"(/scopes/([^/]+))", guarded([&state](const httplib::Request& req) {
                  return HandleDropScope(state, req.matches[1].str());
                }));

  // Fills the body of error replies no handler wrote (404, 405, 413, 400).
  http_->set_error_handler(
      httplib::Server::HandlerWithResponse([&state](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        Send(res, DefaultErrorReply(state, req, res.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  // A handler that throws (it should not: handlers report Status) gets a 500.
  http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, const std::exception_ptr& error) {
    std::string what = "unknown exception";
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    Send(res, ErrorReply(500, "Internal", "internal error: " + what));
  });
  http_->set_logger([&state](const httplib::Request&, const httplib::Response&) {
    state.requests_served.fetch_add(1, std::memory_order_relaxed);
  });
}

Status Server::Start() {
  const ServerOptions& options = state_->options;
  auto lease = state_->scopes.Acquire(kDefaultScope);
  if (!lease.ok()) {
    std::string where = options.db.empty() ? "" : " in '" + options.db + "'";
    return Status(lease.status().code(), "cannot open the memory" + where + ": " + lease.status().message());
  }

  const size_t threads = options.threads > 0 ? static_cast<size_t>(options.threads) : kDefaultThreads;
  // httplib takes ownership of the queue it gets from this factory.
  http_->new_task_queue = [threads] {
    return new httplib::ThreadPool(threads);  // NOLINT(cppcoreguidelines-owning-memory)
  };
  http_->set_payload_max_length(options.max_body);
  // Replies are written in two parts (headers, body): without TCP_NODELAY
  // the second waits for the client's delayed ACK, some 40 ms per request.
  http_->set_tcp_nodelay(true);
  // A busy client keeps its connection for this many requests (httplib: 5).
  http_->set_keep_alive_max_count(kKeepAliveRequests);
  // httplib's default socket options add SO_REUSEPORT, which would let a
  // second server bind the same port and take part of its connections.
  http_->set_socket_options([this](int socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listen_socket_ = socket;  // the last one offered is the one bound
  });
  AddRoutes();

  const std::string address = options.host + ":" + std::to_string(options.port);
  if (options.port == 0) {
    port_ = http_->bind_to_any_port(options.host);
    if (port_ <= 0) return Status::IOError("cannot listen on " + options.host + " (not an address of this machine?)");
  } else {
    if (!http_->bind_to_port(options.host, options.port))
      return Status::IOError("cannot listen on " + address + " (port in use, or not an address of this machine)");
    port_ = options.port;
  }
  // httplib listens with a backlog of 5: with many clients connecting at
  // once, the kernel drops the rest and they retry a second later. Listening
  // again on the bound socket raises the backlog.
  if (listen_socket_ >= 0) ::listen(listen_socket_, kListenBacklog);
  return Status::OK();
}

void Server::Serve() {
  if (stop_requested_.load()) return;
  http_->listen_after_bind();
}

void Server::Stop() {
  stop_requested_.store(true);
  http_->stop();  // a no-op until the listener runs; the signal watcher repeats it
}

void Server::CloseScopes() { state_->scopes.CloseAll(); }

}  // namespace mnemo::shell
