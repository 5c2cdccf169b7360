// The request side of `mnemo serve` without a network: parsing POST /query
// bodies (shell/http_request.*), building replies (shell/http_reply.*),
// bearer tokens (shell/http_auth.*) and the endpoint handlers
// (shell/server_handlers.*).
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "shell/format/formatter.hpp"
#include "shell/http_auth.hpp"
#include "shell/http_reply.hpp"
#include "shell/http_request.hpp"
#include "shell/server_handlers.hpp"

using mnemo::StatementOutcome;
using mnemo::Status;
using mnemo::StatusCode;
using mnemo::graph::Value;
namespace shell = mnemo::shell;

namespace {

// The message of a rejected body (fails the test when it is accepted).
std::string Rejection(std::string_view body, std::string_view header = "") {
  auto request = shell::ParseQueryRequest(body, header);
  REQUIRE_FALSE(request.ok());
  CHECK(request.status().code() == StatusCode::kInvalidArgument);
  return request.status().message();
}

// What `mnemo query --format json` prints for `outcome`, without the newline.
std::string CliLine(const StatementOutcome& outcome) {
  std::ostringstream out;
  auto formatter = shell::MakeFormatter(shell::OutputFormat::kJson, {}, out, out);
  formatter->Write(outcome, {}, std::nullopt);
  std::string line = out.str();
  line.pop_back();
  return line;
}

StatementOutcome Rows(size_t count) {
  StatementOutcome outcome;
  outcome.result.columns = {"i"};
  for (size_t i = 0; i < count; ++i) outcome.result.rows.push_back({Value(static_cast<int64_t>(i))});
  return outcome;
}

StatementOutcome Failed(Status status) {
  StatementOutcome outcome;
  outcome.status = std::move(status);
  return outcome;
}

}  // namespace

TEST_CASE("a query request needs only \"query\"", "[serve]") {
  auto request = shell::ParseQueryRequest(R"({"query": "RETURN 1 AS x"})", "");
  REQUIRE(request.ok());
  CHECK(request->query == "RETURN 1 AS x");
  CHECK(request->params.empty());
  CHECK(request->scope == "default");
}

TEST_CASE("params are read as `--param` reads JSON", "[serve]") {
  auto request = shell::ParseQueryRequest(
      R"({"query": "RETURN $a", "params": {"a": 1, "$b": "text", "c": [1, 2.5, null], "d": {"k": true}}})", "");
  REQUIRE(request.ok());
  auto& params = request->params;
  REQUIRE(params.size() == 4);
  CHECK(params.at("a").as_int() == 1);
  CHECK(params.at("b").as_string() == "text");  // a leading '$' is dropped
  CHECK(params.at("c").as_list().size() == 3);
  CHECK(params.at("c").as_list()[1].as_float() == 2.5);
  CHECK(params.at("d").as_map().size() == 1);
  CHECK(shell::ParseQueryRequest(R"({"query": "RETURN 1", "params": null})", "").ok());
}

TEST_CASE("the scope comes from the body or the X-Mnemo-Scope header", "[serve]") {
  CHECK(shell::ParseQueryRequest(R"({"query": "", "scope": "a"})", "")->scope == "a");
  CHECK(shell::ParseQueryRequest(R"({"query": ""})", "b")->scope == "b");
  CHECK(shell::ParseQueryRequest(R"({"query": "", "scope": "c"})", "c")->scope == "c");
  CHECK_THAT(Rejection(R"({"query": "", "scope": "a"})", "b"), Catch::Contains("differ"));
  CHECK_THAT(Rejection(R"({"query": "", "scope": "a b"})"), Catch::Contains("[A-Za-z0-9_-]{1,64}"));
  CHECK_THAT(Rejection(R"({"query": ""})", "../etc"), Catch::Contains("[A-Za-z0-9_-]{1,64}"));
  CHECK_THAT(Rejection(R"({"query": "", "scope": ""})"), Catch::Contains("empty"));
}

TEST_CASE("malformed bodies are rejected with a message", "[serve]") {
  CHECK_THAT(Rejection(""), Catch::Contains("not valid JSON"));
  CHECK_THAT(Rejection(R"({"query": )"), Catch::Contains("not valid JSON") && Catch::Contains("line 1, column"));
  CHECK_THAT(Rejection("[1, 2]"), Catch::Contains("must be a JSON object, not array"));
  CHECK_THAT(Rejection("{}"), Catch::Contains("no \"query\""));
  CHECK_THAT(Rejection(R"({"query": 42})"), Catch::Contains("\"query\" must be a string, not number"));
  CHECK_THAT(Rejection(R"({"query": "", "params": [1]})"), Catch::Contains("\"params\" must be an object"));
  CHECK_THAT(Rejection(R"({"query": "", "scope": 7})"), Catch::Contains("\"scope\" must be a string"));
  CHECK_THAT(Rejection(R"({"query": "", "parms": {}})"), Catch::Contains("unknown field \"parms\""));
  CHECK_THAT(Rejection(R"({"query": "", "params": {"": 1}})"), Catch::Contains("empty"));
  CHECK_THAT(Rejection("{\"query\": \"\xff\"}"), Catch::Contains("not valid JSON"));
}

TEST_CASE("deeply nested params are refused, not recursed into", "[serve]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK_THAT(Rejection(R"({"query": "", "params": {"x": )" + deep + "}}"), Catch::Contains("levels deep"));
  const std::string ok = std::string(60, '[') + std::string(60, ']');
  CHECK(shell::ParseQueryRequest(R"({"query": "", "params": {"x": )" + ok + "}}", "").ok());
  // Deep JSON elsewhere in the body is only parsed, never converted.
  CHECK_THAT(Rejection(R"({"query": )" + deep + "}"), Catch::Contains("must be a string"));
}

TEST_CASE("one statement replies exactly what the CLI's JSON format prints", "[serve]") {
  StatementOutcome outcome = Rows(2);
  auto reply = shell::QueryReply({outcome}, 100);
  CHECK(reply.status == 200);
  CHECK(reply.body == CliLine(outcome));
  CHECK(reply.body == R"({"columns":["i"],"rows":[[0],[1]],"stats":{}})");
}

TEST_CASE("several statements reply {\"results\":[...]}", "[serve]") {
  auto reply = shell::QueryReply({Rows(1), Rows(0)}, 100);
  CHECK(reply.status == 200);
  CHECK(reply.body ==
        R"({"results":[{"columns":["i"],"rows":[[0]],"stats":{}},{"columns":["i"],"rows":[],"stats":{}}]})");
  CHECK(shell::QueryReply({}, 100).body == R"({"results":[]})");
}

TEST_CASE("a failed statement sets the HTTP status; the body keeps every outcome", "[serve]") {
  auto single = shell::QueryReply({Failed(Status::SyntaxError("expected ')'", 1, 8))}, 100);
  CHECK(single.status == 422);
  CHECK(single.body == R"({"error":{"code":"SyntaxError","message":"expected ')'","line":1,"column":8}})");
  auto several = shell::QueryReply({Rows(1), Failed(Status::TypeError("division by zero")), Rows(1)}, 100);
  CHECK(several.status == 422);
  CHECK(nlohmann::json::parse(several.body)["results"].size() == 3);
  CHECK(shell::QueryReply({Failed(Status::Internal("bug"))}, 100).status == 500);
  CHECK(shell::QueryReply({Failed(Status::Unsupported("later"))}, 100).status == 422);
  CHECK(shell::HttpStatusOf(StatusCode::kIOError) == 500);
  CHECK(shell::HttpStatusOf(StatusCode::kResourceLimit) == 422);
}

TEST_CASE("results over --max-rows are cut and flagged", "[serve]") {
  auto reply = shell::QueryReply({Rows(5)}, 3);
  CHECK(reply.status == 200);
  CHECK(reply.body == R"({"columns":["i"],"rows":[[0],[1],[2]],"stats":{},"truncated":true,"total_rows":5})");
  CHECK(shell::QueryReply({Rows(3)}, 3).body.find("truncated") == std::string::npos);
  CHECK(shell::QueryReply({Rows(5)}, 0).body.find("truncated") == std::string::npos);  // 0: no limit
}

TEST_CASE("error replies have the CLI's error shape", "[serve]") {
  auto reply = shell::ErrorReply(413, "ResourceLimit", "too \"big\"");
  CHECK(reply.status == 413);
  CHECK(reply.body == R"({"error":{"code":"ResourceLimit","message":"too \"big\""}})");
}

TEST_CASE("bearer tokens", "[serve]") {
  using shell::AuthOutcome;
  CHECK(shell::CheckBearer("", "") == AuthOutcome::kAccepted);
  CHECK(shell::CheckBearer("Bearer anything", "") == AuthOutcome::kAccepted);
  CHECK(shell::CheckBearer("Bearer s3cret", "s3cret") == AuthOutcome::kAccepted);
  CHECK(shell::CheckBearer("bearer  s3cret ", "s3cret") == AuthOutcome::kAccepted);
  CHECK(shell::CheckBearer("", "s3cret") == AuthOutcome::kMissing);
  CHECK(shell::CheckBearer("Basic czNjcmV0", "s3cret") == AuthOutcome::kMissing);
  CHECK(shell::CheckBearer("Bearer s3cre", "s3cret") == AuthOutcome::kWrongToken);
  CHECK(shell::CheckBearer("Bearer s3cretX", "s3cret") == AuthOutcome::kWrongToken);
  CHECK(shell::CheckBearer("Bearer ", "s3cret") == AuthOutcome::kWrongToken);
  CHECK_THAT(shell::AuthChallenge(AuthOutcome::kMissing), Catch::StartsWith("Bearer realm=\"mnemo\""));
  CHECK_THAT(shell::AuthChallenge(AuthOutcome::kWrongToken), Catch::Contains("invalid_token"));
}

TEST_CASE("handlers: query, scopes, stats", "[serve]") {
  shell::ServerOptions options;
  options.max_rows = 2;
  shell::ServerState state(options);

  auto created = shell::HandleQuery(state, R"J({"query": "CREATE (:Person {name: $n})", "params": {"n": "Ann"}})J", "");
  CHECK(created.status == 200);
  auto in_b = shell::HandleQuery(state, R"({"query": "MATCH (p:Person) RETURN p.name AS name"})", "b");
  CHECK(in_b.body == R"({"columns":["name"],"rows":[],"stats":{}})");
  auto in_default = shell::HandleQuery(state, R"({"query": "MATCH (p:Person) RETURN p.name AS name"})", "");
  CHECK(in_default.body == R"({"columns":["name"],"rows":[["Ann"]],"stats":{}})");
  CHECK(shell::HandleQuery(state, R"({"query": "UNWIND [1,2,3] AS i RETURN i"})", "").body.find("\"truncated\":true") !=
        std::string::npos);
  CHECK(shell::HandleQuery(state, "not json", "").status == 400);
  CHECK(shell::HandleQuery(state, R"({"query": "RETURN 1/0 AS x"})", "").status == 422);

  CHECK(shell::HandleListScopes(state).body == R"({"scopes":["b","default"]})");
  auto stats = nlohmann::json::parse(shell::HandleStats(state).body);
  CHECK(stats["scopes"]["default"]["entities"] == 1);
  CHECK(stats["scopes"]["b"]["entities"] == 0);
  CHECK(stats.contains("uptime_seconds"));
  CHECK(stats["memory"].contains("rss_bytes"));

  CHECK(shell::HandleDropScope(state, "b").status == 200);
  CHECK(shell::HandleDropScope(state, "b").status == 404);
  CHECK(shell::HandleDropScope(state, "default").status == 400);
  CHECK(shell::HandleDropScope(state, "a.b").status == 400);
  CHECK(shell::HandleHealth().body == R"({"status":"ok"})");
}
