#include "shell/http_reply.hpp"

#include <sstream>

#include "shell/format/formatter.hpp"
#include "shell/format/json_value.hpp"

namespace mnemo::shell {

int HttpStatusOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInternal:
    case StatusCode::kCorruption:
    case StatusCode::kIOError:
      return 500;
    default:
      return 422;
  }
}

HttpReply ErrorReply(int status, std::string_view code, std::string_view message) {
  Json error = Json::object();
  error["code"] = std::string(code);
  error["message"] = std::string(message);
  Json body = Json::object();
  body["error"] = std::move(error);
  return HttpReply{status, DumpJson(body), {}};
}

HttpReply QueryReply(std::vector<StatementOutcome> outcomes, size_t max_rows) {
  // The CLI's JSON formatter writes each object, so both print the same text.
  std::ostringstream text;
  auto formatter = MakeFormatter(OutputFormat::kJson, FormatOptions{}, text, text);
  std::vector<std::string> objects;
  HttpReply reply;
  for (StatementOutcome& outcome : outcomes) {
    const size_t total_rows = outcome.result.rows.size();
    const bool truncated = outcome.status.ok() && max_rows > 0 && total_rows > max_rows;
    if (truncated) outcome.result.rows.resize(max_rows);
    text.str("");
    formatter->Write(outcome, StatementSource{}, std::nullopt);
    std::string object = text.str();
    while (!object.empty() && object.back() == '\n') object.pop_back();
    // The formatter's object ends with its closing brace: add the flag inside it.
    if (truncated && !object.empty() && object.back() == '}')
      object.insert(object.size() - 1, ",\"truncated\":true,\"total_rows\":" + std::to_string(total_rows));
    objects.push_back(std::move(object));
    if (!outcome.status.ok() && reply.status == 200) reply.status = HttpStatusOf(outcome.status.code());
  }
  if (objects.size() == 1) {
    reply.body = std::move(objects.front());
    return reply;
  }
  reply.body = "{\"results\":[";
  for (size_t i = 0; i < objects.size(); ++i) {
    if (i > 0) reply.body += ',';
    reply.body += objects[i];
  }
  reply.body += "]}";
  return reply;
}

}  // namespace mnemo::shell
