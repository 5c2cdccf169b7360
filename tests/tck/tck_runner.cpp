#include "tests/tck/tck_runner.hpp"

#include <exception>
#include <optional>
#include <regex>

#include "engine/mnemo.hpp"

namespace mnemo::tck {

namespace {

struct Executed {
  std::string query;
  std::optional<Result<QueryResult>> result;
  GraphSnapshot before, after;
  bool failure_checked = false;  // an error step looked at the failure
};

std::string Indent(const std::string& text, const std::string& prefix = "      ") {
  std::string out = prefix;
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

std::string ActualTable(const QueryResult& r) {
  std::string out = "|";
  for (const auto& c : r.columns) out += " " + c + " |";
  for (const auto& row : ResultRows(r)) out += "\n" + RowToString(row);
  return out;
}

std::string ExpectedTableText(const Table& t) {
  std::string out;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    out += i ? "\n|" : "|";
    for (const auto& c : t.rows[i]) out += " " + c + " |";
  }
  return out;
}

class ScenarioRun {
 public:
  ScenarioRun(const Feature& f, const Scenario& s, const RunOptions& o) : feature_(f), scenario_(s), options_(o) {}

  ScenarioOutcome Run() {
    auto db = Database::Open();
    if (!db.ok()) return Fail("cannot open a database: " + db.status().ToString());
    db_ = std::move(db).value();
    conn_.emplace(db_->Connect());

    std::vector<const Step*> steps;
    for (const auto& s : feature_.background) steps.push_back(&s);
    for (const auto& s : scenario_.steps) steps.push_back(&s);
    for (const Step* step : steps) {
      if (auto failure = Do(*step)) return Fail("line " + std::to_string(step->line) + ": " + *failure);
    }
    if (main_ && !main_->result->ok() && !main_->failure_checked)
      return Fail("query failed: " + main_->result->status().ToString());
    ScenarioOutcome ok;
    ok.passed = true;
    return ok;
  }

 private:
  ScenarioOutcome Fail(std::string reason) {
    ScenarioOutcome out;
    out.reason = std::move(reason);
    out.details = details_;
    return out;
  }

  GraphSnapshot Snapshot() { return conn_->Read([](const graph::Hypergraph& g) { return TakeSnapshot(g); }); }

  // The doc string of a step, or the text after "...:" on its line.
  static std::optional<std::string> Body(const Step& step, std::string_view prefix) {
    if (step.doc_string) return *step.doc_string;
    std::string rest = step.text.substr(prefix.size());
    const size_t b = rest.find_first_not_of(" \t");
    if (b == std::string::npos) return std::nullopt;
    return rest.substr(b);
  }

  static bool Starts(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

  Executed Execute(const std::string& query) {
    Executed e;
    e.query = query;
    e.before = Snapshot();
    e.result.emplace(conn_->Query(query, params_));
    e.after = Snapshot();
    return e;
  }

  // nullopt when the step passes.
  std::optional<std::string> Do(const Step& step) {
    const std::string& t = step.text;
    if (t == "an empty graph" || t == "any graph") return std::nullopt;  // every scenario starts empty
    static const std::regex kNamedGraph("^the (\\S+) graph$");
    std::smatch m;
    if (std::regex_match(t, m, kNamedGraph)) return "named graph '" + m[1].str() + "' is not supported";

    for (std::string_view p : {"having executed:", "after having executed:"}) {
      if (!Starts(t, p)) continue;
      auto q = Body(step, p);
      if (!q) return "no query text";
      auto r = conn_->Query(*q);
      if (!r.ok()) {
        details_ += "    setup query:\n" + Indent(*q) + "\n";
        return "setup query failed: " + r.status().ToString();
      }
      return std::nullopt;
    }

    if (t == "parameters are:" || t == "parameter values are:") {
      if (!step.table) return "no parameter table";
      for (size_t i = 0; i < step.table->rows.size(); ++i) {
        const auto& row = step.table->rows[i];
        if (row.size() != 2) return "a parameter row needs two cells";
        auto v = ParseTckValue(row[1]);
        if (!v.ok()) return "bad parameter value: " + v.status().message();
        auto g = ToGraphValue(*v);
        if (!g.ok()) return g.status().message();
        params_[row[0]] = std::move(g).value();
      }
      return std::nullopt;
    }

    for (std::string_view p : {"executing query:", "executing control query:"}) {
      if (!Starts(t, p)) continue;
      auto q = Body(step, p);
      if (!q) return "no query text";
      const bool control = p != "executing query:";
      details_ += std::string(control ? "    control query:\n" : "    query:\n") + Indent(*q) + "\n";
      Executed e = Execute(*q);
      if (!e.result->ok()) details_ += "    error: " + e.result->status().ToString() + "\n";
      if (control) {
        control_ = std::move(e);
        last_ = &*control_;
      } else {
        main_ = std::move(e);
        last_ = &*main_;
      }
      return std::nullopt;
    }

    if (Starts(t, "the result should be")) return CheckResult(step);
    if (t == "the side effects should be:" || t == "no side effects") return CheckSideEffects(step);

    static const std::regex kError("^an? (\\w+) should be raised at (compile time|runtime|any time)(?::\\s*(.*))?$");
    if (std::regex_match(t, m, kError)) return CheckError(m[1].str(), m[2].str(), m[3].str());

    return "unsupported step: " + step.keyword + " " + t;
  }

  std::optional<std::string> CheckResult(const Step& step) {
    if (!last_) return "no query was executed before this step";
    const auto& r = *last_->result;
    if (!r.ok()) {
      last_->failure_checked = true;
      return "query failed: " + r.status().ToString();
    }
    const QueryResult& actual = r.value();
    const std::string& t = step.text;
    if (t == "the result should be empty") {
      if (actual.rows.empty()) return std::nullopt;
      details_ += "    actual:\n" + Indent(ActualTable(actual)) + "\n";
      return "expected no rows, got " + std::to_string(actual.rows.size()) + ", first " +
             RowToString(ResultRows(actual).front());
    }
    TableOptions options;
    const std::string rest = t.substr(std::string_view("the result should be").size());
    if (rest == ", in any order:") {
    } else if (rest == ", in order:") {
      options.ordered = true;
    } else if (rest == " (ignoring element order for lists):" ||
               rest == ", in any order (ignoring element order for lists):") {
      options.values.ignore_list_order = true;
    } else if (rest == ", in order (ignoring element order for lists):") {
      options.ordered = true;
      options.values.ignore_list_order = true;
    } else {
      return "unsupported step: " + step.keyword + " " + t;
    }
    if (!step.table) return "no result table";
    auto expected = ParseExpectedTable(*step.table);
    if (!expected.ok()) return "bad expected table: " + expected.status().message();
    auto diff = CompareTable(*expected, actual, options);
    if (!diff) return std::nullopt;
    details_ += "    expected:\n" + Indent(ExpectedTableText(*step.table)) + "\n";
    details_ += "    actual:\n" + Indent(ActualTable(actual)) + "\n";
    return diff;
  }

  std::optional<std::string> CheckSideEffects(const Step& step) {
    if (!main_) return "no query was executed before this step";
    const auto& r = *main_->result;
    SideEffects expected;
    if (step.text == "the side effects should be:") {
      if (!step.table) return "no side effects table";
      auto parsed = ParseSideEffects(*step.table);
      if (!parsed.ok()) return "bad side effects table: " + parsed.status().message();
      expected = *parsed;
    }
    const SideEffects observed = Diff(main_->before, main_->after);
    if (!r.ok()) {
      if (!main_->failure_checked) return "query failed: " + r.status().ToString();
      // A failed query: only the graph can be looked at.
      if (expected == observed) return std::nullopt;
      return "side effects: expected " + expected.ToString() + ", observed " + observed.ToString();
    }
    return CompareSideEffects(expected, observed, r->stats, options_.side_effects);
  }

  std::optional<std::string> CheckError(const std::string& type, const std::string& phase,
                                         const std::string& detail) {
    if (!main_) return "no query was executed before this step";
    const auto& r = *main_->result;
    const std::string wanted = type + " at " + phase + (detail.empty() ? "" : " (" + detail + ")");
    if (r.ok()) {
      details_ += "    actual:\n" + Indent(ActualTable(*r)) + "\n";
      return "expected " + wanted + ", but the query succeeded with " + std::to_string(r->rows.size()) + " rows";
    }
    main_->failure_checked = true;
    if (!ErrorMatches(type, phase, r.status().code()))
      return "expected " + wanted + " (" + AcceptedCodes(type, phase) + "), got " + r.status().ToString();
    if (!(main_->before == main_->after)) {
      const SideEffects e = Diff(main_->before, main_->after);
      return "the failed query changed the graph: " + e.ToString() + " (store records " +
             std::to_string(main_->before.entities + main_->before.hyperedges + main_->before.episodes) + " -> " +
             std::to_string(main_->after.entities + main_->after.hyperedges + main_->after.episodes) + ")";
    }
    return std::nullopt;
  }

  const Feature& feature_;
  const Scenario& scenario_;
  const RunOptions& options_;
  std::unique_ptr<Database> db_;
  std::optional<Connection> conn_;
  engine::Params params_;
  std::optional<Executed> main_, control_;
  Executed* last_ = nullptr;
  std::string details_;
};

}  // namespace

ScenarioOutcome RunScenario(const Feature& feature, const Scenario& scenario, const RunOptions& options) {
  try {
    return ScenarioRun(feature, scenario, options).Run();
  } catch (const std::exception& e) {
    ScenarioOutcome out;
    out.reason = std::string("exception: ") + e.what();
    return out;
  } catch (...) {
    ScenarioOutcome out;
    out.reason = "unknown exception";
    return out;
  }
}

}  // namespace mnemo::tck
