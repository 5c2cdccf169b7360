#include "tests/tck/tck_compare.hpp"

#include <algorithm>
#include <charconv>

#include "engine/graph_view.hpp"

namespace mnemo::tck {

// --- result tables ------------------------------------------------------------------

Result<ExpectedTable> ParseExpectedTable(const Table& table) {
  ExpectedTable out;
  if (table.rows.empty()) return Status::InvalidArgument("a result table needs a header row");
  out.columns = table.rows.front();
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const int line = r < table.lines.size() ? table.lines[r] : 0;
    std::vector<TckValue> row;
    for (const auto& cell : table.rows[r]) {
      auto v = ParseTckValue(cell);
      if (!v.ok())
        return Status::InvalidArgument("line " + std::to_string(line) + ": " + v.status().message());
      row.push_back(std::move(v).value());
    }
    if (row.size() != out.columns.size())
      return Status::InvalidArgument("line " + std::to_string(line) + ": row width differs from the header");
    out.rows.push_back(std::move(row));
    out.lines.push_back(line);
  }
  return out;
}

std::string RowToString(const std::vector<TckValue>& row) {
  std::string out = "|";
  for (const auto& v : row) out += " " + v.ToString() + " |";
  return out;
}

std::vector<std::vector<TckValue>> ResultRows(const QueryResult& result) {
  std::vector<std::vector<TckValue>> rows;
  rows.reserve(result.rows.size());
  for (const auto& row : result.rows) {
    std::vector<TckValue> r;
    r.reserve(row.size());
    for (const auto& v : row) r.push_back(FromResult(v, result));
    rows.push_back(std::move(r));
  }
  return rows;
}

namespace {

std::string Columns(const std::vector<std::string>& c) {
  std::string out = "[";
  for (size_t i = 0; i < c.size(); ++i) out += (i ? ", " : "") + c[i];
  return out + "]";
}

bool RowsEqual(const std::vector<TckValue>& a, const std::vector<TckValue>& b, const CompareOptions& o) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!Equal(a[i], b[i], o)) return false;
  return true;
}

std::string Some(const std::vector<const std::vector<TckValue>*>& rows) {
  std::string out = RowToString(*rows.front());
  if (rows.size() > 1) out += " (and " + std::to_string(rows.size() - 1) + " more)";
  return out;
}

}  // namespace

std::optional<std::string> CompareTable(const ExpectedTable& expected, const QueryResult& actual,
                                        const TableOptions& options) {
  if (expected.columns != actual.columns)
    return "columns differ: expected " + Columns(expected.columns) + ", got " + Columns(actual.columns);
  const auto rows = ResultRows(actual);
  for (const auto& row : rows)
    if (row.size() != actual.columns.size())
      return "a result row has " + std::to_string(row.size()) + " values for " +
             std::to_string(actual.columns.size()) + " columns";
  const std::string counts =
      "expected " + std::to_string(expected.rows.size()) + " rows, got " + std::to_string(rows.size());

  if (options.ordered) {
    const size_t n = std::min(expected.rows.size(), rows.size());
    for (size_t i = 0; i < n; ++i)
      if (!RowsEqual(expected.rows[i], rows[i], options.values))
        return "row " + std::to_string(i + 1) + " differs: expected " + RowToString(expected.rows[i]) + ", got " +
               RowToString(rows[i]) + (expected.rows.size() != rows.size() ? " (" + counts + ")" : "");
    if (expected.rows.size() > rows.size()) return counts + "; first missing: " + RowToString(expected.rows[n]);
    if (rows.size() > expected.rows.size()) return counts + "; first extra: " + RowToString(rows[n]);
    return std::nullopt;
  }

  // Multiset comparison: match each expected row with one unused actual row.
  std::vector<bool> used(rows.size(), false);
  std::vector<const std::vector<TckValue>*> missing, unexpected;
  for (const auto& e : expected.rows) {
    bool found = false;
    for (size_t j = 0; j < rows.size() && !found; ++j)
      if (!used[j] && RowsEqual(e, rows[j], options.values)) used[j] = found = true;
    if (!found) missing.push_back(&e);
  }
  for (size_t j = 0; j < rows.size(); ++j)
    if (!used[j]) unexpected.push_back(&rows[j]);
  if (missing.empty() && unexpected.empty()) return std::nullopt;
  std::string out = counts;
  if (!missing.empty()) out += "; missing " + Some(missing);
  if (!unexpected.empty()) out += "; unexpected " + Some(unexpected);
  return out;
}

// --- expected errors ------------------------------------------------------------------

namespace {

std::vector<StatusCode> Accepted(std::string_view type, std::string_view phase) {
  using C = StatusCode;
  if (type == "SyntaxError") {
    if (phase == "compile time") return {C::kSyntaxError, C::kBindError};
    // Runtime "syntax" errors of the TCK are bad arguments seen at run time
    // (a negative SKIP parameter): the engine reports them by value.
    return {C::kSyntaxError, C::kBindError, C::kInvalidArgument, C::kTypeError};
  }
  if (type == "SemanticError") return {C::kBindError, C::kSyntaxError};
  if (type == "TypeError") return {C::kTypeError};
  if (type == "ArgumentError") return {C::kInvalidArgument, C::kTypeError};
  if (type == "ArithmeticError") return {C::kInvalidArgument, C::kTypeError};
  if (type == "EntityNotFound") return {C::kNotFound, C::kConstraint};
  if (type == "ConstraintVerificationFailed") return {C::kConstraint};
  if (type == "ConstraintValidationFailed") return {C::kConstraint, C::kSchemaViolation};
  if (type == "ParameterMissing") return {C::kBindError, C::kInvalidArgument};
  if (type == "PropertyNotFound" || type == "LabelNotFound") return {C::kNotFound, C::kBindError};
  return {};
}

}  // namespace

bool ErrorMatches(std::string_view type, std::string_view phase, StatusCode code) {
  const auto codes = Accepted(type, phase);
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string AcceptedCodes(std::string_view type, std::string_view phase) {
  const auto codes = Accepted(type, phase);
  if (codes.empty()) return "(unknown TCK error type)";
  std::string out;
  for (size_t i = 0; i < codes.size(); ++i) {
    if (i) out += i + 1 == codes.size() ? " or " : ", ";
    out += StatusCodeName(codes[i]);
  }
  return out;
}

// --- side effects -------------------------------------------------------------------------

GraphSnapshot TakeSnapshot(const graph::Hypergraph& g) {
  GraphSnapshot s;
  const auto counts = g.counts();
  s.entities = counts.entities;
  s.hyperedges = counts.hyperedges;
  s.episodes = counts.episodes;

  // Everything recorded and not retracted, at the end of valid time: what
  // "now" shows for the open-ended records Cypher statements write.
  const temporal::Timestamp t = temporal::kForever - 1;
  engine::GraphView view(g, t, t);
  constexpr char kSep = '\x1f';
  for (graph::Id id : view.AllNodes()) {
    s.nodes.insert(id);
    for (auto& l : view.NodeLabels(id)) s.labels.insert(std::move(l));
    for (const auto& [k, v] : view.NodeProperties(id))
      s.properties.insert("n" + std::to_string(id) + kSep + k + kSep + v.ToString());
    view.ForEachRel(id, engine::Direction::kOutgoing, {}, [&](graph::RelRef r, graph::Id) {
      if (!s.relationships.emplace(r.edge, r.role).second) return;
      const std::string key = "r" + std::to_string(r.edge) + "." + std::to_string(r.role);
      for (const auto& [k, v] : view.RelProperties(r)) s.properties.insert(key + kSep + k + kSep + v.ToString());
    });
  }
  return s;
}

namespace {
template <typename T>
std::pair<int64_t, int64_t> SetDiff(const std::set<T>& before, const std::set<T>& after) {
  int64_t added = 0, deleted = 0;
  for (const auto& x : after) added += before.count(x) ? 0 : 1;
  for (const auto& x : before) deleted += after.count(x) ? 0 : 1;
  return {added, deleted};
}
}  // namespace

SideEffects Diff(const GraphSnapshot& before, const GraphSnapshot& after) {
  SideEffects e;
  std::tie(e.nodes_added, e.nodes_deleted) = SetDiff(before.nodes, after.nodes);
  std::tie(e.relationships_added, e.relationships_deleted) = SetDiff(before.relationships, after.relationships);
  std::tie(e.properties_added, e.properties_deleted) = SetDiff(before.properties, after.properties);
  std::tie(e.labels_added, e.labels_deleted) = SetDiff(before.labels, after.labels);
  return e;
}

std::string SideEffects::ToString() const {
  const std::pair<const char*, int64_t> all[] = {
      {"+nodes", nodes_added},         {"-nodes", nodes_deleted},
      {"+relationships", relationships_added}, {"-relationships", relationships_deleted},
      {"+properties", properties_added},       {"-properties", properties_deleted},
      {"+labels", labels_added},       {"-labels", labels_deleted},
  };
  std::string out;
  for (const auto& [name, n] : all)
    if (n != 0) out += (out.empty() ? "" : ", ") + std::string(name) + " " + std::to_string(n);
  return out.empty() ? "none" : out;
}

Result<SideEffects> ParseSideEffects(const Table& table) {
  SideEffects e;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    const std::string where = "line " + std::to_string(r < table.lines.size() ? table.lines[r] : 0) + ": ";
    if (row.size() != 2) return Status::InvalidArgument(where + "a side effect row has two cells");
    int64_t n = 0;
    auto [p, ec] = std::from_chars(row[1].data(), row[1].data() + row[1].size(), n);
    if (ec != std::errc() || p != row[1].data() + row[1].size() || n < 0)
      return Status::InvalidArgument(where + "bad count '" + row[1] + "'");
    const std::string& name = row[0];
    int64_t* slot = name == "+nodes"           ? &e.nodes_added
                    : name == "-nodes"         ? &e.nodes_deleted
                    : name == "+relationships" ? &e.relationships_added
                    : name == "-relationships" ? &e.relationships_deleted
                    : name == "+properties"    ? &e.properties_added
                    : name == "-properties"    ? &e.properties_deleted
                    : name == "+labels"        ? &e.labels_added
                    : name == "-labels"        ? &e.labels_deleted
                                               : nullptr;
    if (!slot) return Status::InvalidArgument(where + "unknown side effect '" + name + "'");
    *slot = n;
  }
  return e;
}

std::optional<std::string> CompareSideEffects(const SideEffects& expected, const SideEffects& observed,
                                              const QueryStats& stats, SideEffectMode mode) {
  if (mode == SideEffectMode::kGraph) {
    if (expected == observed) return std::nullopt;
    return "side effects: expected " + expected.ToString() + ", observed " + observed.ToString();
  }
  SideEffects reported;
  reported.nodes_added = stats.nodes_created;
  reported.nodes_deleted = stats.nodes_deleted;
  reported.relationships_added = stats.relationships_created;
  reported.relationships_deleted = stats.relationships_deleted;
  reported.labels_added = stats.labels_added;
  reported.labels_deleted = stats.labels_removed;
  reported.properties_added = stats.properties_set;
  reported.properties_deleted = stats.properties_removed;
  if (reported == expected) return std::nullopt;
  std::string out = "side effects: expected " + expected.ToString() + ", statement reported";
  const auto nonzero = stats.NonZero();
  if (nonzero.empty()) out += " none";
  for (size_t i = 0; i < nonzero.size(); ++i)
    out += (i ? ", " : " ") + nonzero[i].first + " " + std::to_string(nonzero[i].second);
  return out;
}

}  // namespace mnemo::tck
