// TckValue: a value in the TCK's result notation, normalised for comparison.
//
// Notation (README.adoc of the TCK, "Format of the expected results"):
//   null  true  false  42  -7  1.5  -0.0  1e10  NaN  Inf  -Inf  Infinity  -Infinity
//   'text' (backslash escapes: \' \" \\ \n \t \r \b \f \uXXXX)
//   [1, 'a', [2]]   {k: 1, `odd key`: 'x'}
//   (:L1:L2 {p: 0})   [:T {p: 0}]   <(:A)-[:T]->(:B)<-[:U]-()>
// Normal form: node labels are a sorted set, map and property keys are
// sorted, a path is a list of alternating nodes and relationships plus one
// direction per relationship. Integers and floats are different kinds
// (1 is not 1.0), as in the TCK.
//
// Thread-safety: plain values and functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.hpp"
#include "engine/query_result.hpp"
#include "graph/value.hpp"

namespace mnemo::tck {

struct TckValue {
  enum class Kind : uint8_t { kNull, kBool, kInt, kFloat, kString, kList, kMap, kNode, kRelationship, kPath,
                              kOther };

  Kind kind = Kind::kNull;
  bool boolean = false;
  int64_t integer = 0;
  double number = 0;
  // kString: the string; kRelationship: the type; kOther: the engine's text
  // of a value the notation has no form for (dates, unresolved references).
  std::string text;
  // kList: the elements; kPath: node, rel, node, ..., node.
  std::vector<TckValue> elements;
  // kMap: the entries; kNode/kRelationship: the properties. Sorted by key.
  std::vector<std::pair<std::string, TckValue>> entries;
  std::vector<std::string> labels;  // kNode: sorted, unique
  std::vector<bool> forward;        // kPath: per relationship, true for -[]->

  static TckValue Null() { return {}; }
  static TckValue Bool(bool b);
  static TckValue Int(int64_t i);
  static TckValue Float(double d);
  static TckValue String(std::string s);
  static TckValue List(std::vector<TckValue> items);
  static TckValue Map(std::vector<std::pair<std::string, TckValue>> entries);  // sorts
  static TckValue Node(std::vector<std::string> labels, std::vector<std::pair<std::string, TckValue>> props);
  static TckValue Relationship(std::string type, std::vector<std::pair<std::string, TckValue>> props);

  // TCK notation of the normal form: labels and keys sorted.
  std::string ToString() const;
};

// Parses one cell. Errors: InvalidArgument ("at 5: expected ']'").
Result<TckValue> ParseTckValue(std::string_view text);

struct CompareOptions {
  bool ignore_list_order = false;  // lists compared as multisets (at every depth)
  double float_tolerance = 1e-9;   // relative; NaN equals NaN here
};

// Equality of normal forms: same kind, labels as sets, maps by key, lists in
// order (or as multisets), floats within the relative tolerance.
bool Equal(const TckValue& a, const TckValue& b, const CompareOptions& options = {});

// The normal form of a result value; nodes and relationships are described
// from result.nodes / result.relationships (kOther when a description is missing).
TckValue FromResult(const graph::Value& v, const QueryResult& result);
// A parameter value. Errors: InvalidArgument for nodes, relationships and paths.
Result<graph::Value> ToGraphValue(const TckValue& v);

}  // namespace mnemo::tck
