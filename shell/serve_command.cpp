// `mnemo serve [options]`: the memory over HTTP/JSON (see shell/README.md).
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "shell/command_line.hpp"
#include "shell/commands.hpp"
#include "shell/server.hpp"
#include "shell/server_signals.hpp"

namespace mnemo::shell {

namespace {

constexpr const char* kServeDescription =
    "Serve the memory over HTTP/JSON until SIGINT or SIGTERM.\n"
    "Endpoints: POST /query, GET /health, GET /stats, GET /scopes, DELETE /scopes/NAME.\n"
    "Each scope (the body's \"scope\" or the X-Mnemo-Scope header; default \"default\")\n"
    "is a separate memory.";

constexpr const char* kServeExamples = R"(Examples:
  mnemo serve --port 8765
  MNEMO_TOKEN=secret mnemo serve --host 0.0.0.0 --port 8765
  curl -s localhost:8765/query -H 'Content-Type: application/json' \
       -d '{"query": "RETURN $x AS x", "params": {"x": 1}}'

Exit status: 0 after a clean shutdown, 1 when the memory cannot be opened or
the address cannot be bound, 2 usage error.
)";

std::unique_ptr<CLI::App> MakeServeApp(ServerOptions& options) {
  auto app = std::make_unique<CLI::App>(kServeDescription, "mnemo serve");
  app->add_option("--db", options.db,
                  "A durable memory directory (created when missing): scope \"default\" lives\n"
                  "in DIR, scope S in DIR/scopes/S. Without it every scope lives in the process")
      ->type_name("DIR");
  app->add_option("--fsync", options.fsync,
                  "With --db, when a write reaches the disk: always (default; before it is\n"
                  "acknowledged), batch (within 50 ms), off (at checkpoints and exit)")
      ->type_name("POLICY")
      ->check(CLI::IsMember({"always", "batch", "off"}));
  app->add_option("--host", options.host, "Address to listen on (default: 127.0.0.1)")->type_name("ADDRESS");
  app->add_option("--port", options.port, "Port to listen on (default: 8765; 0 picks a free one)")
      ->type_name("N")
      ->check(CLI::Range(0, 65535));
  app->add_option("--token", options.token,
                  "Require 'Authorization: Bearer TOKEN' on every endpoint but /health\n"
                  "(prefer the environment variable, which other users cannot see)")
      ->type_name("TOKEN")
      ->envname("MNEMO_TOKEN");
  app->add_option("--max-body", options.max_body, "Largest request body, in bytes (default: 1048576)")
      ->type_name("BYTES")
      ->check(CLI::Range(size_t{1}, size_t{1} << 40));
  app->add_option("--max-rows", options.max_rows,
                  "Rows returned per statement; more are cut off and flagged \"truncated\"\n"
                  "(default: 10000; 0: no limit)")
      ->type_name("N");
  app->add_option("--threads", options.threads,
                  "Worker threads, i.e. connections served at once (default: " + std::to_string(kDefaultThreads) + ")")
      ->type_name("N")
      ->check(CLI::Range(1, 1024));
  app->footer(kServeExamples);
  return app;
}

bool IsLoopback(const std::string& host) { return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0; }

}  // namespace

int ServeCommand(int argc, char** argv) {
  ServerOptions options;
  auto app = MakeServeApp(options);
  if (auto exit = ParseCommandLine(*app, argc, argv)) return *exit;

  // A client that hangs up must not kill the server with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  Server server(options);
  // Before any thread starts: SIGINT/SIGTERM are then delivered to the watcher only.
  SignalWatcher watcher([&server](int) { server.Stop(); });

  const Status started = server.Start();
  if (!started.ok()) {
    std::cerr << "mnemo serve: " << started.message() << " (" << StatusCodeName(started.code()) << ")\n";
    return 1;
  }
  if (options.token.empty() && !IsLoopback(options.host))
    std::cerr << "mnemo serve: warning: listening on " << options.host
              << " without a token: whoever reaches it can read and change every scope (set MNEMO_TOKEN)\n";
  std::cout << "mnemo serve: listening on http://" << options.host << ":" << server.port() << " (scopes "
            << (options.db.empty() ? std::string("in memory") : "in " + options.db) << ")" << std::endl;

  server.Serve();
  watcher.Finish();
  const bool by_signal = watcher.signal() != 0;
  if (!by_signal) std::cerr << "mnemo serve: the listener stopped unexpectedly\n";
  // Requests are over: closing the scopes destroys their Databases, which is
  // where durable memories checkpoint.
  server.CloseScopes();
  std::cerr << "mnemo serve: stopped\n";
  return by_signal ? 0 : 1;
}

void PrintServeHelp() {
  ServerOptions options;
  std::cout << MakeServeApp(options)->help();
}

}  // namespace mnemo::shell
