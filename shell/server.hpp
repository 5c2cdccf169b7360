// Server: the HTTP front of `mnemo serve` (cpp-httplib), over the handlers
// of server_handlers.hpp.
//
// Routes: POST /query, GET /health, GET /stats, GET /scopes,
// DELETE /scopes/NAME. With a token every route but /health needs
// `Authorization: Bearer <token>`. Replies are JSON; see shell/README.md.
//
// Thread-safety: Start() and Serve() belong to one thread; Stop() may be
// called from any thread at any time, any number of times.
#pragma once

#include <atomic>
#include <memory>

#include "base/status.hpp"
#include "shell/server_options.hpp"

namespace httplib {
class Server;
}

namespace mnemo::shell {

struct ServerState;

class Server {
 public:
  explicit Server(const ServerOptions& options);
  // Closes the scopes if CloseScopes() was not called.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Opens the default scope and binds the listening socket. Errors: what
  // opening the default scope fails with (Database::Open: e.g. IOError when
  // another process has the directory open), IOError when host:port cannot
  // be bound.
  Status Start();
  // The bound port (the one picked when options.port was 0), after Start().
  int port() const { return port_; }

  // Serves requests on the worker threads until Stop(); returns once the
  // listener is closed and the requests being handled have been answered.
  // Returns at once when Stop() came first.
  void Serve();

  // Stops accepting requests; Serve() then returns. Connections still
  // waiting for a worker are closed unanswered; idle keep-alive connections
  // are closed within the keep-alive timeout (5 s).
  void Stop();

  // Closes every scope's Database, after Serve() has returned.
  void CloseScopes();

 private:
  void AddRoutes();

  std::unique_ptr<ServerState> state_;
  std::unique_ptr<httplib::Server> http_;
  std::atomic<bool> stop_requested_{false};
  int port_ = 0;
  int listen_socket_ = -1;  // the listening socket, owned by http_
};

}  // namespace mnemo::shell
