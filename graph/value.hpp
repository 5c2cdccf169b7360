// Value: the typed values of properties, role bindings and query results.
//
// Stored values are null, bool, int, float, text, date, datetime, list and
// map. Query results may also hold references to graph elements (node,
// relationship, path); the store refuses those as property values.
//
// Ordering and equality follow openCypher: Equals() is ternary (null when
// either side is or contains null), Compare() is the total "orderability"
// order used by ORDER BY, DISTINCT and grouping use Equivalent()/Hash().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "graph/ids.hpp"
#include "temporal/time.hpp"

namespace mnemo::graph {

class Value;
using List = std::vector<Value>;
// Maps keep insertion-independent order: sorted by key.
using Map = std::vector<std::pair<std::string, Value>>;

// A node of the Cypher view: an entity, or an n-ary hyperedge shown as a node.
struct NodeRef {
  Id id = kNoId;
  friend bool operator==(const NodeRef&, const NodeRef&) = default;
};
// A relationship of the Cypher view: a binary hyperedge (role == -1), or the
// link from an n-ary hyperedge's node to the participant of role `role`.
struct RelRef {
  Id edge = kNoId;
  int32_t role = -1;
  friend bool operator==(const RelRef&, const RelRef&) = default;
};
struct PathValue {
  std::vector<NodeRef> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelRef> rels;
  friend bool operator==(const PathValue&, const PathValue&) = default;
};

struct Date {
  temporal::Timestamp micros = 0;  // midnight UTC
  friend bool operator==(const Date&, const Date&) = default;
};
struct DateTime {
  temporal::Timestamp micros = 0;
  friend bool operator==(const DateTime&, const DateTime&) = default;
};

class Value {
 public:
  enum class Kind : uint8_t { kNull, kBool, kInt, kFloat, kString, kDate, kDateTime, kList, kMap,
                              kNode, kRelationship, kPath };

  Value() = default;
  Value(std::nullptr_t) {}                                   // NOLINT
  Value(bool b) : v_(b) {}                                   // NOLINT
  Value(int v) : v_(static_cast<int64_t>(v)) {}              // NOLINT
  Value(int64_t v) : v_(v) {}                                // NOLINT
  Value(double v) : v_(v) {}                                 // NOLINT
  Value(std::string s) : v_(std::move(s)) {}                 // NOLINT
  Value(const char* s) : v_(std::string(s)) {}               // NOLINT
  Value(Date d) : v_(d) {}                                   // NOLINT
  Value(DateTime d) : v_(d) {}                               // NOLINT
  Value(List l) : v_(std::move(l)) {}                        // NOLINT
  Value(Map m);                                              // NOLINT (sorts by key)
  Value(NodeRef n) : v_(n) {}                                // NOLINT
  Value(RelRef r) : v_(r) {}                                 // NOLINT
  Value(PathValue p) : v_(std::move(p)) {}                   // NOLINT

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_number() const { return kind() == Kind::kInt || kind() == Kind::kFloat; }
  // True for values the store accepts as properties (no graph references inside).
  bool IsStorable() const;

  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  double as_number() const { return kind() == Kind::kInt ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  Date as_date() const { return std::get<Date>(v_); }
  DateTime as_datetime() const { return std::get<DateTime>(v_); }
  const List& as_list() const { return std::get<List>(v_); }
  List& as_list() { return std::get<List>(v_); }
  const Map& as_map() const { return std::get<Map>(v_); }
  NodeRef as_node() const { return std::get<NodeRef>(v_); }
  RelRef as_rel() const { return std::get<RelRef>(v_); }
  const PathValue& as_path() const { return std::get<PathValue>(v_); }

  // Lookup in a map value; nullptr when absent (or not a map).
  const Value* Find(std::string_view key) const;

  // Cypher `=`: nullopt when the answer is null.
  static std::optional<bool> Equals(const Value& a, const Value& b);
  // Same-ness for DISTINCT / grouping: null equals null, 1 equals 1.0.
  static bool Equivalent(const Value& a, const Value& b);
  // Total order for ORDER BY (openCypher orderability; null sorts last).
  static int Compare(const Value& a, const Value& b);
  // Cypher `<` etc.: nullopt when incomparable (different types or null).
  static std::optional<int> CompareComparable(const Value& a, const Value& b);
  size_t Hash() const;

  // Literal-like text: 'text', [1, 2], {a: 1}, 2023-05-08, null.
  std::string ToString() const;
  static std::string_view KindName(Kind k);

  friend bool operator==(const Value& a, const Value& b) { return Equivalent(a, b); }

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Date, DateTime, List, Map, NodeRef,
               RelRef, PathValue>
      v_;
};

struct ValueHash {
  size_t operator()(const Value& v) const { return v.Hash(); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return Value::Equivalent(a, b); }
};

}  // namespace mnemo::graph
