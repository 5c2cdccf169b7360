// The scalar function table of the expression evaluator (openCypher functions
// plus the temporal ones of LANGUAGE.md), and the UTF-8 string helpers they use.
//
// Contract
//  - Names are looked up lower-cased (Cypher function names are case-insensitive).
//  - The evaluator checks the argument count against [min_args, max_args]
//    (max_args < 0: unbounded) before calling, evaluates the arguments, and
//    adds the call's position to any error.
//  - A function returns TypeError naming itself for arguments of the wrong
//    type; null arguments give null unless the function says otherwise
//    (coalesce, toString(null) = null, ...).
//  - exists() and the aggregates are not in this table: the evaluator handles
//    exists() itself (it looks at the argument expression) and aggregates come
//    precomputed from the projection.
//  - id() of a relationship: a binary hyperedge's id is the hyperedge id; the
//    role link `role` of an n-ary hyperedge `edge` gets
//    edge * 1000003 + role + 1 (kRoleLinkIdFactor), so that link ids differ
//    from each other and from their hyperedge's id.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "engine/graph_view.hpp"
#include "graph/value.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

struct FunctionContext {
  const GraphView& view;
  temporal::Timestamp statement_time;
};

using ScalarFunction = Result<graph::Value> (*)(const FunctionContext& ctx, std::vector<graph::Value>& args);

struct FunctionDef {
  std::string_view name;  // lower case
  int min_args;
  int max_args;  // -1: unbounded
  ScalarFunction fn;
};

inline constexpr int64_t kRoleLinkIdFactor = 1000003;

// The definition of the scalar function `lower_name`, or nullptr.
const FunctionDef* FindScalarFunction(std::string_view lower_name);

// Checks a kFunctionCall the way the evaluator does before running it: the
// name is a known scalar function, exists() or an aggregate, the argument
// count fits, and DISTINCT appears only in aggregates. BindError at the
// call's position otherwise. For a binder that wants these errors before
// execution; the evaluator checks again at run time.
Status CheckFunctionCall(const lang::Expr& call);

// ASCII lower-casing (for function names and keywords).
std::string AsciiLower(std::string_view s);

// The Cypher id of a relationship (see the contract above).
int64_t RelationshipId(graph::RelRef r);

// UTF-8 helpers: strings are sequences of code points. Malformed bytes count
// as one character each.
size_t Utf8Length(std::string_view s);
// Byte offsets of the start of every code point, plus s.size() at the end.
std::vector<size_t> Utf8Offsets(std::string_view s);

// Cypher toString() of a scalar: 1, 1.0, 'text' unquoted, true, 2023-05-08,
// 2023-05-08T13:56:00Z. Lists, maps and graph elements are not convertible.
Result<std::string> ScalarToString(const graph::Value& v);

}  // namespace mnemo::engine
