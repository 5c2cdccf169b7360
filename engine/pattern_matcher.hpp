// PatternMatcher: finds every way a MATCH pattern binds in the graph view,
// extending an input row.
//
// Contract
//  - Variables already bound in the row constrain the match; new variables
//    get slots appended to the scope (in pattern order) before matching.
//  - Relationship isomorphism: within one call, a relationship is bound at
//    most once (openCypher MATCH semantics), across all parts.
//  - Each part starts at its cheapest anchor: a bound node, else a key
//    lookup (label + key property given), else a label scan, else all nodes.
//  - Variable-length relationships enumerate paths of min..max hops (default
//    1..unbounded; relationship uniqueness bounds the search).
#pragma once

#include <string>
#include <vector>

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

// How a part of a pattern is entered; shared by the matcher and EXPLAIN.
struct Anchor {
  enum class Kind { kBound, kKeyLookup, kLabelScan, kAllNodes } kind = Kind::kAllNodes;
  size_t node = 0;          // index of the anchor node in the part
  std::string label;        // kKeyLookup / kLabelScan
  std::string key_property; // kKeyLookup
};
Anchor ChooseAnchor(const graph::Hypergraph& g, const lang::PatternPart& part, const Scope& scope);

class PatternMatcher {
 public:
  explicit PatternMatcher(ExecContext& ctx) : ctx_(ctx) {}

  // Adds the pattern's new variables to `scope` (idempotent).
  static void DeclareVariables(const std::vector<const lang::PatternPart*>& parts, Scope& scope);
  // Appends to `out` every extension of `row` (sized to scope) that matches all parts.
  Status Match(const std::vector<const lang::PatternPart*>& parts, const Scope& scope, const Row& row,
               std::vector<Row>& out);

 private:
  struct State;
  Status MatchPart(State& st, size_t part_index);
  Status ExtendFrom(State& st, size_t part_index, size_t step);
  Status CheckNode(State& st, const lang::NodePattern& np, graph::Id id, bool& ok);
  Status CheckRel(State& st, const lang::RelPattern& rp, graph::RelRef r, bool& ok);
  Status Finish(State& st, size_t part_index);

  ExecContext& ctx_;
};

}  // namespace mnemo::engine
