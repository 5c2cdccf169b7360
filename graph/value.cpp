#include "graph/value.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace mnemo::graph {

Value::Value(Map m) {
  std::stable_sort(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // Last write wins for duplicate keys.
  Map unique;
  for (auto& kv : m) {
    if (!unique.empty() && unique.back().first == kv.first) unique.back().second = std::move(kv.second);
    else unique.push_back(std::move(kv));
  }
  v_ = std::move(unique);
}

bool Value::IsStorable() const {
  switch (kind()) {
    case Kind::kNode: case Kind::kRelationship: case Kind::kPath: return false;
    case Kind::kList:
      return std::all_of(as_list().begin(), as_list().end(), [](const Value& v) { return v.IsStorable(); });
    case Kind::kMap:
      return std::all_of(as_map().begin(), as_map().end(), [](const auto& kv) { return kv.second.IsStorable(); });
    default: return true;
  }
}

const Value* Value::Find(std::string_view key) const {
  if (kind() != Kind::kMap) return nullptr;
  const Map& m = as_map();
  auto it = std::lower_bound(m.begin(), m.end(), key, [](const auto& kv, std::string_view k) { return kv.first < k; });
  return it != m.end() && it->first == key ? &it->second : nullptr;
}

std::optional<bool> Value::Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (a.kind() == Kind::kInt && b.kind() == Kind::kInt) return a.as_int() == b.as_int();
    return a.as_number() == b.as_number();
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kList: {
      const List &x = a.as_list(), &y = b.as_list();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (size_t i = 0; i < x.size(); ++i) {
        auto e = Equals(x[i], y[i]);
        if (!e) unknown = true;
        else if (!*e) return false;
      }
      return unknown ? std::nullopt : std::optional<bool>(true);
    }
    case Kind::kMap: {
      const Map &x = a.as_map(), &y = b.as_map();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (x[i].first != y[i].first) return false;
        auto e = Equals(x[i].second, y[i].second);
        if (!e) unknown = true;
        else if (!*e) return false;
      }
      return unknown ? std::nullopt : std::optional<bool>(true);
    }
    default: return a.v_ == b.v_;
  }
}

bool Value::Equivalent(const Value& a, const Value& b) { return Compare(a, b) == 0; }

namespace {
// openCypher orderability ranks (ascending).
int Rank(Value::Kind k) {
  switch (k) {
    case Value::Kind::kMap: return 0;
    case Value::Kind::kNode: return 1;
    case Value::Kind::kRelationship: return 2;
    case Value::Kind::kList: return 3;
    case Value::Kind::kPath: return 4;
    case Value::Kind::kDateTime: return 5;
    case Value::Kind::kDate: return 6;
    case Value::Kind::kString: return 7;
    case Value::Kind::kBool: return 8;
    case Value::Kind::kInt: case Value::Kind::kFloat: return 9;
    case Value::Kind::kNull: return 10;
  }
  return 11;
}
template <typename T>
int Cmp(const T& a, const T& b) { return a < b ? -1 : (b < a ? 1 : 0); }

int CompareNumbers(const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::kInt && b.kind() == Value::Kind::kInt) return Cmp(a.as_int(), b.as_int());
  const double x = a.as_number(), y = b.as_number();
  const bool nx = std::isnan(x), ny = std::isnan(y);
  if (nx || ny) return nx && ny ? 0 : (nx ? 1 : -1);  // NaN sorts above every number
  if (x != y) return Cmp(x, y);
  // Equal as doubles: break ties exactly when one side is a large int.
  if (a.kind() == Value::Kind::kInt && std::abs(y) < 9.2e18) return Cmp(a.as_int(), static_cast<int64_t>(y));
  if (b.kind() == Value::Kind::kInt && std::abs(x) < 9.2e18) return Cmp(static_cast<int64_t>(x), b.as_int());
  return 0;
}

int ComparePaths(const PathValue& a, const PathValue& b) {
  for (size_t i = 0; i < std::min(a.nodes.size(), b.nodes.size()); ++i) {
    if (int c = Cmp(a.nodes[i].id, b.nodes[i].id)) return c;
    if (i < a.rels.size() && i < b.rels.size()) {
      if (int c = Cmp(std::pair(a.rels[i].edge, a.rels[i].role), std::pair(b.rels[i].edge, b.rels[i].role))) return c;
    }
  }
  return Cmp(a.nodes.size(), b.nodes.size());
}
}  // namespace

int Value::Compare(const Value& a, const Value& b) {
  const int ra = Rank(a.kind()), rb = Rank(b.kind());
  if (ra != rb) return Cmp(ra, rb);
  switch (a.kind()) {
    case Kind::kNull: return 0;
    case Kind::kBool: return Cmp(a.as_bool(), b.as_bool());
    case Kind::kInt: case Kind::kFloat: return CompareNumbers(a, b);
    case Kind::kString: return a.as_string().compare(b.as_string()) < 0 ? -1 : (a.as_string() == b.as_string() ? 0 : 1);
    case Kind::kDate: return Cmp(a.as_date().micros, b.as_date().micros);
    case Kind::kDateTime: return Cmp(a.as_datetime().micros, b.as_datetime().micros);
    case Kind::kList: {
      const List &x = a.as_list(), &y = b.as_list();
      for (size_t i = 0; i < std::min(x.size(), y.size()); ++i)
        if (int c = Compare(x[i], y[i])) return c;
      return Cmp(x.size(), y.size());
    }
    case Kind::kMap: {
      const Map &x = a.as_map(), &y = b.as_map();
      for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
        if (int c = Cmp(x[i].first, y[i].first)) return c;
        if (int c = Compare(x[i].second, y[i].second)) return c;
      }
      return Cmp(x.size(), y.size());
    }
    case Kind::kNode: return Cmp(a.as_node().id, b.as_node().id);
    case Kind::kRelationship:
      return Cmp(std::pair(a.as_rel().edge, a.as_rel().role), std::pair(b.as_rel().edge, b.as_rel().role));
    case Kind::kPath: return ComparePaths(a.as_path(), b.as_path());
  }
  return 0;
}

std::optional<int> Value::CompareComparable(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if ((a.kind() == Kind::kFloat && std::isnan(a.as_float())) ||
        (b.kind() == Kind::kFloat && std::isnan(b.as_float())))
      return std::nullopt;
    return CompareNumbers(a, b);
  }
  if (a.kind() != b.kind()) return std::nullopt;
  switch (a.kind()) {
    case Kind::kBool: case Kind::kString: case Kind::kDate: case Kind::kDateTime: return Compare(a, b);
    case Kind::kList: {
      const List &x = a.as_list(), &y = b.as_list();
      for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
        auto c = CompareComparable(x[i], y[i]);
        if (!c) return std::nullopt;
        if (*c) return c;
      }
      return Cmp(x.size(), y.size());
    }
    default: return std::nullopt;
  }
}

size_t Value::Hash() const {
  auto mix = [](size_t h, size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); };
  const size_t k = static_cast<size_t>(Rank(kind()));
  switch (kind()) {
    case Kind::kNull: return k;
    case Kind::kBool: return mix(k, as_bool());
    case Kind::kInt: return mix(k, std::hash<int64_t>{}(as_int()));
    case Kind::kFloat: {
      const double d = as_float();
      if (std::trunc(d) == d && std::abs(d) < 9.2e18) return mix(k, std::hash<int64_t>{}(static_cast<int64_t>(d)));
      return mix(k, std::hash<double>{}(d));
    }
    case Kind::kString: return mix(k, std::hash<std::string>{}(as_string()));
    case Kind::kDate: return mix(k, std::hash<int64_t>{}(as_date().micros));
    case Kind::kDateTime: return mix(k, std::hash<int64_t>{}(as_datetime().micros));
    case Kind::kList: {
      size_t h = k;
      for (const auto& v : as_list()) h = mix(h, v.Hash());
      return h;
    }
    case Kind::kMap: {
      size_t h = k;
      for (const auto& [key, v] : as_map()) h = mix(mix(h, std::hash<std::string>{}(key)), v.Hash());
      return h;
    }
    case Kind::kNode: return mix(k, as_node().id);
    case Kind::kRelationship: return mix(mix(k, as_rel().edge), static_cast<size_t>(as_rel().role));
    case Kind::kPath: {
      size_t h = k;
      for (auto n : as_path().nodes) h = mix(h, n.id);
      return h;
    }
  }
  return k;
}

namespace {
std::string QuoteString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}
std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  std::string s = buf;
  if (std::strtod(buf, nullptr) != d) {
    std::snprintf(buf, sizeof buf, "%.17g", d);
    s = buf;
  }
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}
}  // namespace

std::string Value::ToString() const {
  switch (kind()) {
    case Kind::kNull: return "null";
    case Kind::kBool: return as_bool() ? "true" : "false";
    case Kind::kInt: return std::to_string(as_int());
    case Kind::kFloat: return FormatFloat(as_float());
    case Kind::kString: return QuoteString(as_string());
    case Kind::kDate: return temporal::FormatDate(as_date().micros);
    case Kind::kDateTime: return temporal::FormatDateTime(as_datetime().micros);
    case Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < as_list().size(); ++i) out += (i ? ", " : "") + as_list()[i].ToString();
      return out + "]";
    }
    case Kind::kMap: {
      std::string out = "{";
      bool first = true;
      for (const auto& [key, v] : as_map()) {
        out += (first ? "" : ", ") + key + ": " + v.ToString();
        first = false;
      }
      return out + "}";
    }
    case Kind::kNode: return "node(" + std::to_string(as_node().id) + ")";
    case Kind::kRelationship:
      return "rel(" + std::to_string(as_rel().edge) + (as_rel().role >= 0 ? "." + std::to_string(as_rel().role) : "") + ")";
    case Kind::kPath: return "path(" + std::to_string(as_path().rels.size()) + " hops)";
  }
  return "?";
}

std::string_view Value::KindName(Kind k) {
  switch (k) {
    case Kind::kNull: return "NULL";
    case Kind::kBool: return "BOOL";
    case Kind::kInt: return "INT";
    case Kind::kFloat: return "FLOAT";
    case Kind::kString: return "TEXT";
    case Kind::kDate: return "DATE";
    case Kind::kDateTime: return "DATETIME";
    case Kind::kList: return "LIST";
    case Kind::kMap: return "MAP";
    case Kind::kNode: return "NODE";
    case Kind::kRelationship: return "RELATIONSHIP";
    case Kind::kPath: return "PATH";
  }
  return "?";
}

}  // namespace mnemo::graph
