// Comparison of query outcomes with a TCK scenario's expectations: result
// tables, expected errors and side effects.
//
// Thread-safety: plain functions over values.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.hpp"
#include "engine/query_result.hpp"
#include "graph/hypergraph.hpp"
#include "tests/tck/gherkin.hpp"
#include "tests/tck/tck_values.hpp"

namespace mnemo::tck {

// --- result tables ------------------------------------------------------------------

struct ExpectedTable {
  std::vector<std::string> columns;
  std::vector<std::vector<TckValue>> rows;
  std::vector<int> lines;  // source line of each row
};

// The first row is the header; every other cell is a TCK value.
// Errors: InvalidArgument naming the line and cell.
Result<ExpectedTable> ParseExpectedTable(const Table& table);

struct TableOptions {
  bool ordered = false;  // "in order": rows compared as a sequence, else as a multiset
  CompareOptions values;
};

// nullopt when `actual` matches; otherwise the first difference, one line.
std::optional<std::string> CompareTable(const ExpectedTable& expected, const QueryResult& actual,
                                        const TableOptions& options);

// "| 1 | 'a' |": a row in TCK notation (normal form).
std::string RowToString(const std::vector<TckValue>& row);
// The actual result as TCK rows, normal form.
std::vector<std::vector<TckValue>> ResultRows(const QueryResult& result);

// --- expected errors ------------------------------------------------------------------

// Whether an engine error with `code` satisfies "a <type> should be raised at
// <phase>" (phase: "compile time", "runtime" or "any time"). The detail
// (e.g. VariableTypeConflict) is not compared. See tests/tck/README.md.
bool ErrorMatches(std::string_view type, std::string_view phase, StatusCode code);
// The accepted codes, for messages: "SyntaxError or BindError".
std::string AcceptedCodes(std::string_view type, std::string_view phase);

// --- side effects -------------------------------------------------------------------------

// What the TCK's observability queries would see (README.adoc, "Side
// effects"): nodes, relationships, property triples (entity, key, value) and
// the set of distinct labels, in the Cypher view of the store.
struct GraphSnapshot {
  std::set<uint64_t> nodes;
  std::set<std::pair<uint64_t, int32_t>> relationships;
  std::set<std::string> properties;  // "n12\x1fkey\x1fvalue" / "r7.-1\x1fkey\x1fvalue"
  std::set<std::string> labels;
  // Records outside the Cypher view (episodes) and raw store counts.
  size_t entities = 0, hyperedges = 0, episodes = 0;

  friend bool operator==(const GraphSnapshot&, const GraphSnapshot&) = default;
};

// The visible Cypher view of `g` now (valid time = transaction time = now).
GraphSnapshot TakeSnapshot(const graph::Hypergraph& g);

struct SideEffects {
  int64_t nodes_added = 0, nodes_deleted = 0;
  int64_t relationships_added = 0, relationships_deleted = 0;
  int64_t properties_added = 0, properties_deleted = 0;
  int64_t labels_added = 0, labels_deleted = 0;

  friend bool operator==(const SideEffects&, const SideEffects&) = default;
  // "+nodes 1, -properties 2" (non-zero entries only; "none" when all are zero).
  std::string ToString() const;
};

// The difference between two snapshots, counted as the TCK counts it.
SideEffects Diff(const GraphSnapshot& before, const GraphSnapshot& after);
// A side-effects table (| +nodes | 1 |); missing rows are 0.
// Errors: InvalidArgument for an unknown name or a non-integer count.
Result<SideEffects> ParseSideEffects(const Table& table);

enum class SideEffectMode {
  kGraph,  // compare with the observed difference of the graph (TCK definition)
  kStats,  // compare with the statement's QueryStats (mapping in README.md)
};

// nullopt when the side effects match.
std::optional<std::string> CompareSideEffects(const SideEffects& expected, const SideEffects& observed,
                                              const QueryStats& stats, SideEffectMode mode);

}  // namespace mnemo::tck
