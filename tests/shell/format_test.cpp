// The output formatters of the mnemo binary (shell/format): table, JSON, CSV,
// error reports with carets, and --param values.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <sstream>

#include "shell/format/cell_text.hpp"
#include "shell/format/csv_field.hpp"
#include "shell/format/error_report.hpp"
#include "shell/format/formatter.hpp"
#include "shell/format/json_value.hpp"
#include "shell/format/stats_text.hpp"

using mnemo::QueryResult;
using mnemo::StatementOutcome;
using mnemo::Status;
using mnemo::graph::Value;
namespace shell = mnemo::shell;

namespace {

struct Printed {
  std::string out, err;
};

// Runs one formatter over `outcomes` (all from `script`).
Printed Print(shell::OutputFormat format, const std::vector<StatementOutcome>& outcomes, std::string_view script = "",
              bool timer = false, std::optional<shell::Timing> timing = std::nullopt) {
  std::ostringstream out, err;
  shell::FormatOptions options;
  options.timer = timer;
  auto formatter = shell::MakeFormatter(format, options, out, err);
  for (const auto& o : outcomes) formatter->Write(o, shell::StatementSource{script, ""}, timing);
  return {out.str(), err.str()};
}

StatementOutcome Rows(std::vector<std::string> columns, std::vector<std::vector<Value>> rows) {
  StatementOutcome o;
  o.line = o.column = 1;
  o.result.columns = std::move(columns);
  o.result.rows = std::move(rows);
  return o;
}

StatementOutcome Failed(Status status) {
  StatementOutcome o;
  o.line = o.column = 1;
  o.status = std::move(status);
  return o;
}

// A result with a node (:Person {name: 'Ann'}) id 1, a node (:City) id 2, a
// binary relationship 10 from 1 to 2, and the role link 11.0 of an n-ary fact.
QueryResult GraphResult() {
  QueryResult r;
  r.nodes[1] = mnemo::NodeView{{"Person"}, {{"name", Value("Ann")}}};
  r.nodes[2] = mnemo::NodeView{{"City"}, {}};
  r.relationships[mnemo::graph::RelRef{10, -1}] = mnemo::RelationshipView{"lives_in", {{"since", Value(2020)}}, 1, 2};
  r.relationships[mnemo::graph::RelRef{11, 0}] = mnemo::RelationshipView{"traveler", {}, 11, 1};
  return r;
}

}  // namespace

TEST_CASE("json: one object per statement with columns, rows and non-zero stats", "[cli]") {
  auto created = Rows({}, {});
  created.result.stats.nodes_created = 1;
  created.result.stats.properties_set = 2;
  created.result.notices = {"nothing to delete"};
  auto explained = Rows({}, {});
  explained.result.plan = "Project\n  Scan";
  const auto printed = Print(shell::OutputFormat::kJson, {Rows({"x"}, {{Value(1)}}), created, explained});
  CHECK(printed.out ==
        "{\"columns\":[\"x\"],\"rows\":[[1]],\"stats\":{}}\n"
        "{\"columns\":[],\"rows\":[],\"stats\":{\"nodes_created\":1,\"properties_set\":2},"
        "\"notices\":[\"nothing to delete\"]}\n"
        "{\"columns\":[],\"rows\":[],\"stats\":{},\"plan\":\"Project\\n  Scan\"}\n");
  CHECK(printed.err.empty());
}

TEST_CASE("json: errors are objects with code, message and position when known", "[cli]") {
  const auto printed = Print(shell::OutputFormat::kJson,
                             {Failed(Status::SyntaxError("expected ')'", 2, 7)), Failed(Status::NotFound("no such"))});
  CHECK(printed.out ==
        "{\"error\":{\"code\":\"SyntaxError\",\"message\":\"expected ')'\",\"line\":2,\"column\":7}}\n"
        "{\"error\":{\"code\":\"NotFound\",\"message\":\"no such\"}}\n");
  CHECK(printed.err.empty());
}

TEST_CASE("json: scalar values", "[cli]") {
  const QueryResult r;
  auto dump = [&](const Value& v) { return shell::DumpJson(shell::ValueToJson(r, v)); };
  CHECK(dump(Value()) == "null");
  CHECK(dump(Value(true)) == "true");
  CHECK(dump(Value(int64_t{-7})) == "-7");
  CHECK(dump(Value(1.5)) == "1.5");
  CHECK(dump(Value(2.0)) == "2.0");
  CHECK(dump(Value(std::nan(""))) == "\"NaN\"");
  CHECK(dump(Value(std::numeric_limits<double>::infinity())) == "\"Infinity\"");
  CHECK(dump(Value(-std::numeric_limits<double>::infinity())) == "\"-Infinity\"");
  CHECK(dump(Value("say \"hi\"\n")) == "\"say \\\"hi\\\"\\n\"");
  CHECK(dump(Value(mnemo::graph::Date{mnemo::temporal::DaysFromCivil(2023, 5, 8) * mnemo::temporal::kMicrosPerDay})) ==
        "\"2023-05-08\"");
  const auto midnight = mnemo::temporal::DaysFromCivil(2023, 5, 8) * mnemo::temporal::kMicrosPerDay;
  CHECK(dump(Value(mnemo::graph::DateTime{midnight})) == "\"2023-05-08T00:00:00Z\"");
  CHECK(dump(Value(mnemo::graph::DateTime{midnight + 3600 * mnemo::temporal::kMicrosPerSecond})) ==
        "\"2023-05-08T01:00:00Z\"");
  CHECK(dump(Value(mnemo::graph::List{Value(1), Value("a"), Value()})) == "[1,\"a\",null]");
  CHECK(dump(Value(mnemo::graph::Map{{"b", Value(1)}, {"a", Value(2)}})) == "{\"a\":2,\"b\":1}");
  CHECK(dump(Value(std::string("bad \xff byte"))) == "\"bad \xEF\xBF\xBD byte\"");  // replaced, not thrown
}

TEST_CASE("json: nodes, relationships, role links and paths", "[cli]") {
  const QueryResult r = GraphResult();
  auto dump = [&](const Value& v) { return shell::DumpJson(shell::ValueToJson(r, v)); };
  CHECK(dump(Value(mnemo::graph::NodeRef{1})) == R"({"id":1,"labels":["Person"],"properties":{"name":"Ann"}})");
  CHECK(dump(Value(mnemo::graph::NodeRef{99})) == R"({"id":99})");
  CHECK(dump(Value(mnemo::graph::RelRef{10, -1})) ==
        R"({"id":10,"type":"lives_in","start":1,"end":2,"properties":{"since":2020}})");
  CHECK(dump(Value(mnemo::graph::RelRef{11, 0})) ==
        R"({"id":11,"role":0,"type":"traveler","start":11,"end":1,"properties":{}})");
  const mnemo::graph::PathValue path{{{1}, {2}}, {{10, -1}}};
  CHECK(
      dump(Value(path)) ==
      R"({"nodes":[{"id":1,"labels":["Person"],"properties":{"name":"Ann"}},{"id":2,"labels":["City"],"properties":{}}],)"
      R"("relationships":[{"id":10,"type":"lives_in","start":1,"end":2,"properties":{"since":2020}}]})");
}

TEST_CASE("param values are JSON, else strings", "[cli]") {
  CHECK(shell::ParseParamValue("42").kind() == Value::Kind::kInt);
  CHECK(shell::ParseParamValue("42").as_int() == 42);
  CHECK(shell::ParseParamValue("-1.5e3").as_float() == -1500.0);
  CHECK(shell::ParseParamValue("true").as_bool());
  CHECK(shell::ParseParamValue("null").is_null());
  CHECK(shell::ParseParamValue("\"quoted\"").as_string() == "quoted");
  CHECK(shell::ParseParamValue("Caroline").as_string() == "Caroline");
  CHECK(shell::ParseParamValue("").as_string().empty());
  CHECK(shell::ParseParamValue("2023-05-08").as_string() == "2023-05-08");
  CHECK(shell::ParseParamValue("[1, \"a\", [true]]") ==
        Value(mnemo::graph::List{Value(1), Value("a"), Value(mnemo::graph::List{Value(true)})}));
  const Value map = shell::ParseParamValue(R"({"name": "Ann", "age": 3})");
  REQUIRE(map.kind() == Value::Kind::kMap);
  CHECK(map.Find("name")->as_string() == "Ann");
  CHECK(map.Find("age")->as_int() == 3);
  CHECK(shell::ParseParamValue("18446744073709551615").kind() == Value::Kind::kFloat);  // beyond int64
}

TEST_CASE("table: aligned columns, unquoted strings, explicit null, row count", "[cli]") {
  const auto printed =
      Print(shell::OutputFormat::kTable,
            {Rows({"name", "n", "x"}, {{Value("Caroline"), Value(7), Value()},
                                       {Value("Ann"), Value(1234), Value(mnemo::graph::List{Value("a")})}})});
  CHECK(printed.out ==
        " name     | n    | x\n"
        "----------+------+-------\n"
        " Caroline |    7 | null\n"
        " Ann      | 1234 | ['a']\n"
        "(2 rows)\n");
}

TEST_CASE("table: effects, OK, timing, blank line between statements", "[cli]") {
  auto created = Rows({}, {});
  created.result.stats.nodes_created = 2;
  created.result.stats.properties_set = 4;
  const auto printed = Print(shell::OutputFormat::kTable, {Rows({"x"}, {{Value(1)}}), created, Rows({}, {})}, "",
                             /*timer=*/true, shell::Timing{0.414, 1});
  CHECK(printed.out ==
        " x\n---\n 1\n(1 row)\nTime: 0.41 ms\n"
        "\nNodes created: 2, Properties set: 4\nTime: 0.41 ms\n"
        "\nOK\nTime: 0.41 ms\n");
  const auto untimed = Print(shell::OutputFormat::kTable, {Rows({"x"}, {})}, "", /*timer=*/false, shell::Timing{1, 1});
  CHECK(untimed.out == " x\n---\n(0 rows)\n");
  const auto script = Print(shell::OutputFormat::kTable, {Rows({}, {})}, "", true, shell::Timing{2.5, 3});
  CHECK(script.out == "OK\nTime: 2.50 ms (3 statements)\n");
}

TEST_CASE("table: EXPLAIN prints the plan, notices are shown", "[cli]") {
  auto explained = Rows({}, {});
  explained.result.plan = "Project\n  Scan(p:Person)";
  explained.result.notices = {"a notice"};
  explained.result.columns = {"plan"};  // the rows repeat the plan: not printed twice
  explained.result.rows = {{Value("Project")}, {Value("  Scan(p:Person)")}};
  CHECK(Print(shell::OutputFormat::kTable, {explained}).out == "Project\n  Scan(p:Person)\nNotice: a notice\n");
}

TEST_CASE("table: errors go to stderr with a caret under the column", "[cli]") {
  const std::string script = "RETURN 1;\nMATCH (n RETURN n;\n";
  const auto printed = Print(shell::OutputFormat::kTable,
                             {Rows({"x"}, {{Value(1)}}), Failed(Status::SyntaxError("expected ')'", 2, 10))}, script);
  CHECK(printed.out == " x\n---\n 1\n(1 row)\n");
  CHECK(printed.err ==
        "Error (SyntaxError) at line 2, column 10: expected ')'\n"
        "  MATCH (n RETURN n;\n"
        "           ^\n");
}

TEST_CASE("error report: files, statements without a position", "[cli]") {
  StatementOutcome failed = Failed(Status::Constraint("duplicate key 'Ann'"));
  failed.line = 2;
  const std::string script = "RETURN 1;\nCREATE (:P {k: 'Ann'});\n";
  const std::string code(mnemo::StatusCodeName(mnemo::StatusCode::kConstraint));
  CHECK(shell::ErrorReport(failed, {script, "q.mq"}) == "Error (" + code +
                                                            ") in q.mq, statement at line 2: duplicate key 'Ann'\n"
                                                            "  CREATE (:P {k: 'Ann'});\n");
  CHECK(shell::ErrorReport(failed, {script, ""}) == "Error (" + code +
                                                        ") in the statement at line 2: duplicate key 'Ann'\n"
                                                        "  CREATE (:P {k: 'Ann'});\n");
  StatementOutcome bare = Failed(Status::Unsupported("not yet"));
  bare.line = 0;
  CHECK(shell::ErrorReport(bare, {"", ""}) == "Error (Unsupported): not yet\n");
}

TEST_CASE("caret lines: tabs, UTF-8, past the end, missing lines", "[cli]") {
  CHECK(shell::CaretLines("\tRETURN x", 1, 9) == "  \tRETURN x\n  \t       ^\n");
  CHECK(shell::CaretLines("RETURN 'é' +", 1, 13) == "  RETURN 'é' +\n             ^\n");  // é is 2 bytes
  CHECK(shell::CaretLines("RETURN", 1, 20) == "  RETURN\n        ^\n");
  CHECK(shell::CaretLines("RETURN", 3, 1).empty());
}

TEST_CASE("csv: RFC 4180 quoting, CRLF, null vs empty string", "[cli]") {
  CHECK(shell::CsvField("plain") == "plain");
  CHECK(shell::CsvField("a,b") == "\"a,b\"");
  CHECK(shell::CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(shell::CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(shell::CsvField("") == "\"\"");
  const auto printed =
      Print(shell::OutputFormat::kCsv, {Rows({"x", "y,z"}, {{Value("a,b"), Value()}, {Value(""), Value(1.5)}}),
                                        Rows({}, {}), Rows({"n"}, {{Value(1)}}), Failed(Status::TypeError("bad"))});
  CHECK(printed.out == "x,\"y,z\"\r\n\"a,b\",\r\n\"\",1.5\r\n\r\nn\r\n1\r\n");
  CHECK(printed.err == "Error (TypeError) in the statement at line 1: bad\n");
}

TEST_CASE("cells and stats text", "[cli]") {
  const QueryResult r = GraphResult();
  CHECK(shell::CellText(r, Value("Ann")) == "Ann");
  CHECK(shell::CellText(r, Value()) == "null");
  CHECK(shell::CellText(r, Value(mnemo::graph::NodeRef{1})) == "(:Person {name: 'Ann'})");
  CHECK(shell::EscapeControls("a\nb\tc\x01") == "a\\nb\\tc\\x01");
  CHECK(shell::DisplayWidth("Zoë") == 3);
  mnemo::QueryStats stats;
  CHECK(shell::StatsText(stats).empty());
  stats.nodes_created = 2;
  stats.schema_changes = 1;
  CHECK(shell::StatsText(stats) == "Nodes created: 2, Schema changes: 1");
  CHECK(shell::ParseOutputFormat("csv") == shell::OutputFormat::kCsv);
  CHECK_FALSE(shell::ParseOutputFormat("xml"));
}
