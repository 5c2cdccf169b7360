// The JSON format: exactly one JSON object per statement, each on its own line.
//
//   {"columns":["x"],"rows":[[1]],"stats":{}}
//   {"columns":[],"rows":[],"stats":{"nodes_created":1},"notices":["..."]}
//   {"columns":[],"rows":[],"stats":{},"plan":"..."}                  (EXPLAIN)
//   {"error":{"code":"SyntaxError","message":"...","line":1,"column":8}}
//
// "stats" holds the non-zero counters only; "plan" and "notices" appear when
// set; an error's "line"/"column" when known. Errors go to `out` as well.
#include <ostream>

#include "shell/format/formats.hpp"
#include "shell/format/json_value.hpp"

namespace mnemo::shell {

namespace {

Json ResultToJson(const QueryResult& result) {
  Json out = Json::object();
  out["columns"] = result.columns;
  Json rows = Json::array();
  for (const auto& row : result.rows) {
    Json cells = Json::array();
    for (const auto& value : row) cells.push_back(ValueToJson(result, value));
    rows.push_back(std::move(cells));
  }
  out["rows"] = std::move(rows);
  Json stats = Json::object();
  for (const auto& [name, count] : result.stats.NonZero()) stats[name] = count;
  out["stats"] = std::move(stats);
  if (!result.plan.empty()) out["plan"] = result.plan;
  if (!result.notices.empty()) out["notices"] = result.notices;
  return out;
}

Json ErrorToJson(const Status& status) {
  Json error = Json::object();
  error["code"] = std::string(StatusCodeName(status.code()));
  error["message"] = status.message();
  if (status.line() > 0) error["line"] = status.line();
  if (status.column() > 0) error["column"] = status.column();
  Json out = Json::object();
  out["error"] = std::move(error);
  return out;
}

class JsonFormatter final : public Formatter {
 public:
  explicit JsonFormatter(std::ostream& out) : out_(out) {}

  void Write(const StatementOutcome& outcome, const StatementSource&, const std::optional<Timing>&) override {
    out_ << DumpJson(outcome.status.ok() ? ResultToJson(outcome.result) : ErrorToJson(outcome.status)) << '\n';
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Formatter> MakeJsonFormatter(std::ostream& out) { return std::make_unique<JsonFormatter>(out); }

}  // namespace mnemo::shell
