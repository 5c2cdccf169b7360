#include "engine/functions.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numbers>
#include <random>
#include <unordered_map>

#include "lang/utf8.hpp"

namespace mnemo::engine {

using graph::Value;
using Kind = graph::Value::Kind;
using Args = std::vector<Value>;

// ------------------------------------------------------------------ helpers

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

int64_t RelationshipId(graph::RelRef r) {
  const int64_t edge = static_cast<int64_t>(r.edge);
  if (r.role < 0) return edge;
  return edge * kRoleLinkIdFactor + r.role + 1;
}

namespace {

// Length of the well-formed UTF-8 sequence starting at s[i], or 1 when malformed.
size_t SeqLength(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (n == 1 || i + n > s.size()) return 1;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
  return n;
}

// Decodes the sequence at s[i] of length n (as given by SeqLength).
uint32_t Decode(std::string_view s, size_t i, size_t n) {
  const auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i + k])); };
  switch (n) {
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    case 4: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    default: return b(0);
  }
}

}  // namespace

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += SeqLength(s, i)) ++n;
  return n;
}

std::vector<size_t> Utf8Offsets(std::string_view s) {
  std::vector<size_t> out;
  out.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size(); i += SeqLength(s, i)) out.push_back(i);
  out.push_back(s.size());
  return out;
}

Result<std::string> ScalarToString(const Value& v) {
  switch (v.kind()) {
    case Kind::kString: return v.as_string();
    case Kind::kBool: return std::string(v.as_bool() ? "true" : "false");
    case Kind::kInt: return std::to_string(v.as_int());
    case Kind::kFloat: return v.ToString();
    case Kind::kDate: return temporal::FormatDate(v.as_date().micros);
    case Kind::kDateTime: {
      std::string s = temporal::FormatTimestamp(v.as_datetime().micros);
      if (s.find('T') == std::string::npos && !s.empty() && s[0] != 'f' && s[0] != 'b') s += "T00:00:00Z";
      return s;
    }
    default:
      return Status::TypeError("cannot convert a " + std::string(Value::KindName(v.kind())) + " to a string");
  }
}

namespace {

std::string KindOf(const Value& v) { return std::string(Value::KindName(v.kind())); }

Status WrongType(std::string_view fn, size_t index, const Value& v, std::string_view expected) {
  return Status::TypeError("function " + std::string(fn) + "() expects " + std::string(expected) +
                           " as argument " + std::to_string(index + 1) + ", got " + KindOf(v));
}

Status BadValue(std::string_view fn, std::string_view why) {
  return Status::InvalidArgument("function " + std::string(fn) + "(): " + std::string(why));
}

bool IsInt(const Value& v) { return v.kind() == Kind::kInt; }
bool IsString(const Value& v) { return v.kind() == Kind::kString; }
bool IsList(const Value& v) { return v.kind() == Kind::kList; }

std::string_view Trim(std::string_view s, bool left, bool right) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  size_t b = 0, e = s.size();
  if (left)
    while (b < e && ws(s[b])) ++b;
  if (right)
    while (e > b && ws(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// --- conversions -------------------------------------------------------------

std::optional<int64_t> ParseInteger(std::string_view text) {
  text = Trim(text, true, true);
  if (text.empty()) return std::nullopt;
  std::string_view digits = text;
  if (digits.front() == '+') digits.remove_prefix(1);
  int64_t out = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
  if (ec == std::errc() && p == digits.data() + digits.size()) return out;
  if (ec == std::errc::result_out_of_range) return std::nullopt;
  // Not an integer literal: a float literal truncates ("3.7" -> 3).
  std::string buf(text);
  char* end = nullptr;
  const double d = std::strtod(buf.c_str(), &end);
  if (end != buf.c_str() + buf.size() || !std::isfinite(d)) return std::nullopt;
  if (d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) return std::nullopt;
  return static_cast<int64_t>(d);
}

std::optional<double> ParseFloat(std::string_view text) {
  text = Trim(text, true, true);
  if (text.empty()) return std::nullopt;
  std::string buf(text);
  char* end = nullptr;
  const double d = std::strtod(buf.c_str(), &end);
  if (end != buf.c_str() + buf.size()) return std::nullopt;
  // strtod accepts hex floats; Cypher does not.
  if (buf.find_first_of("xX") != std::string::npos) return std::nullopt;
  return d;
}

// The conversions return null for values they cannot convert when `or_null`,
// else a TypeError for unsupported types (and null for unparsable strings).
Result<Value> ToIntegerImpl(std::string_view fn, const Value& v, bool or_null) {
  switch (v.kind()) {
    case Kind::kNull: return Value();
    case Kind::kInt: return v;
    case Kind::kBool: return Value(int64_t{v.as_bool() ? 1 : 0});
    case Kind::kFloat: {
      const double d = v.as_float();
      if (!std::isfinite(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) return Value();
      return Value(static_cast<int64_t>(d));
    }
    case Kind::kString: {
      auto i = ParseInteger(v.as_string());
      return i ? Value(*i) : Value();
    }
    default:
      if (or_null) return Value();
      return WrongType(fn, 0, v, "a number, string or boolean");
  }
}

Result<Value> ToFloatImpl(std::string_view fn, const Value& v, bool or_null) {
  switch (v.kind()) {
    case Kind::kNull: return Value();
    case Kind::kFloat: return v;
    case Kind::kInt: return Value(static_cast<double>(v.as_int()));
    case Kind::kString: {
      auto d = ParseFloat(v.as_string());
      return d ? Value(*d) : Value();
    }
    default:
      if (or_null) return Value();
      return WrongType(fn, 0, v, "a number or string");
  }
}

Result<Value> ToBooleanImpl(std::string_view fn, const Value& v, bool or_null) {
  switch (v.kind()) {
    case Kind::kNull: return Value();
    case Kind::kBool: return v;
    case Kind::kInt: return Value(v.as_int() != 0);
    case Kind::kString: {
      const std::string s = AsciiLower(Trim(v.as_string(), true, true));
      if (s == "true") return Value(true);
      if (s == "false") return Value(false);
      return Value();
    }
    default:
      if (or_null) return Value();
      return WrongType(fn, 0, v, "a boolean, string or integer");
  }
}

// --- case mapping (ASCII, Latin-1, Greek, Cyrillic) ------------------------------

uint32_t UpperOf(uint32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
  if (c == 0x3C2) return 0x3A3;
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
    // Latin Extended-A: pairs (even upper, odd lower) except 0x139..0x148 and 0x179..0x17E (odd upper).
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c % 2 == 0) : (c % 2 == 1)) return c - 1;
  }
  return c;
}

uint32_t LowerOf(uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c == 0x178) return 0xFF;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
  }
  return c;
}

std::string MapCase(std::string_view s, bool upper) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = SeqLength(s, i);
    const auto c = static_cast<unsigned char>(s[i]);
    if (n == 1 && c >= 0x80) {  // malformed byte: copy as is
      out += s[i];
    } else {
      const uint32_t cp = Decode(s, i, n);
      const uint32_t m = upper ? UpperOf(cp) : LowerOf(cp);
      if (m == cp) out.append(s.substr(i, n));
      else lang::AppendUtf8(m, &out);
    }
    i += n;
  }
  return out;
}

// ------------------------------------------------------------ the functions

#define FN(name) Result<Value> name(const FunctionContext& ctx, Args& a)

// --- graph ---------------------------------------------------------------------

FN(FnId) {
  const Value& v = a[0];
  switch (v.kind()) {
    case Kind::kNull: return Value();
    case Kind::kNode: return Value(static_cast<int64_t>(v.as_node().id));
    case Kind::kRelationship: return Value(RelationshipId(v.as_rel()));
    default: return WrongType("id", 0, v, "a node or relationship");
  }
}

FN(FnElementId) {
  MNEMO_ASSIGN_OR_RETURN(Value id, FnId(ctx, a));
  if (id.is_null()) return id;
  return Value((a[0].kind() == Kind::kNode ? "n" : "r") + std::to_string(id.as_int()));
}

FN(FnLabels) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.kind() != Kind::kNode) return WrongType("labels", 0, v, "a node");
  if (ctx.view.IsDeleted(v.as_node().id))
    return Status::NotFound("DeletedEntityAccess: labels() of a node deleted by this statement");
  graph::List out;
  for (auto& l : ctx.view.NodeLabels(v.as_node().id)) out.emplace_back(std::move(l));
  return Value(std::move(out));
}

FN(FnType) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.kind() != Kind::kRelationship) return WrongType("type", 0, v, "a relationship");
  return Value(ctx.view.RelType(v.as_rel()));
}

Result<graph::Map> PropertiesOf(const FunctionContext& ctx, std::string_view fn, const Value& v) {
  if ((v.kind() == Kind::kNode && ctx.view.IsDeleted(v.as_node().id)) ||
      (v.kind() == Kind::kRelationship && ctx.view.IsDeleted(v.as_rel().edge)))
    return Status::NotFound("DeletedEntityAccess: " + std::string(fn) + "() of an element deleted by this statement");
  switch (v.kind()) {
    case Kind::kNode: return ctx.view.NodeProperties(v.as_node().id);
    case Kind::kRelationship: return ctx.view.RelProperties(v.as_rel());
    case Kind::kMap: return v.as_map();
    default: return WrongType(fn, 0, v, "a node, relationship or map");
  }
}

FN(FnKeys) {
  if (a[0].is_null()) return Value();
  MNEMO_ASSIGN_OR_RETURN(graph::Map m, PropertiesOf(ctx, "keys", a[0]));
  graph::List out;
  for (auto& [k, v] : m) out.emplace_back(k);
  return Value(std::move(out));
}

FN(FnProperties) {
  if (a[0].is_null()) return Value();
  MNEMO_ASSIGN_OR_RETURN(graph::Map m, PropertiesOf(ctx, "properties", a[0]));
  return Value(std::move(m));
}

FN(FnStartNode) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.kind() != Kind::kRelationship) return WrongType("startNode", 0, v, "a relationship");
  return Value(graph::NodeRef{ctx.view.RelStart(v.as_rel())});
}

FN(FnEndNode) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.kind() != Kind::kRelationship) return WrongType("endNode", 0, v, "a relationship");
  return Value(graph::NodeRef{ctx.view.RelEnd(v.as_rel())});
}

FN(FnNodes) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.kind() != Kind::kPath) return WrongType("nodes", 0, v, "a path");
  graph::List out;
  for (auto n : v.as_path().nodes) out.emplace_back(n);
  return Value(std::move(out));
}

FN(FnRelationships) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.kind() != Kind::kPath) return WrongType("relationships", 0, v, "a path");
  graph::List out;
  for (auto r : v.as_path().rels) out.emplace_back(r);
  return Value(std::move(out));
}

// --- lists and sizes -------------------------------------------------------------

FN(FnSize) {
  const Value& v = a[0];
  switch (v.kind()) {
    case Kind::kNull: return Value();
    case Kind::kList: return Value(static_cast<int64_t>(v.as_list().size()));
    case Kind::kString: return Value(static_cast<int64_t>(Utf8Length(v.as_string())));
    case Kind::kMap: return Value(static_cast<int64_t>(v.as_map().size()));
    default: return WrongType("size", 0, v, "a list or string");
  }
}

FN(FnLength) {
  const Value& v = a[0];
  switch (v.kind()) {
    case Kind::kNull: return Value();
    case Kind::kPath: return Value(static_cast<int64_t>(v.as_path().rels.size()));
    case Kind::kList: return Value(static_cast<int64_t>(v.as_list().size()));
    case Kind::kString: return Value(static_cast<int64_t>(Utf8Length(v.as_string())));
    default: return WrongType("length", 0, v, "a path, list or string");
  }
}

FN(FnIsEmpty) {
  const Value& v = a[0];
  switch (v.kind()) {
    case Kind::kNull: return Value();
    case Kind::kList: return Value(v.as_list().empty());
    case Kind::kString: return Value(v.as_string().empty());
    case Kind::kMap: return Value(v.as_map().empty());
    default: return WrongType("isEmpty", 0, v, "a list, string or map");
  }
}

FN(FnCoalesce) {
  for (auto& v : a)
    if (!v.is_null()) return std::move(v);
  return Value();
}

FN(FnHead) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (!IsList(v)) return WrongType("head", 0, v, "a list");
  return v.as_list().empty() ? Value() : v.as_list().front();
}

FN(FnLast) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (!IsList(v)) return WrongType("last", 0, v, "a list");
  return v.as_list().empty() ? Value() : v.as_list().back();
}

FN(FnTail) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (!IsList(v)) return WrongType("tail", 0, v, "a list");
  const graph::List& l = v.as_list();
  return Value(l.empty() ? graph::List() : graph::List(l.begin() + 1, l.end()));
}

inline constexpr int64_t kMaxRangeLength = 10'000'000;

FN(FnRange) {
  for (size_t i = 0; i < a.size(); ++i)
    if (!IsInt(a[i])) return WrongType("range", i, a[i], "an integer");
  const int64_t start = a[0].as_int(), end = a[1].as_int();
  const int64_t step = a.size() > 2 ? a[2].as_int() : 1;
  if (step == 0) return BadValue("range", "step must not be zero");
  graph::List out;
  if ((step > 0 && start > end) || (step < 0 && start < end)) return Value(std::move(out));
  const __int128 count = (static_cast<__int128>(end) - start) / step + 1;
  if (count > kMaxRangeLength)
    return Status::ResourceLimit("function range(): more than " + std::to_string(kMaxRangeLength) + " elements");
  out.reserve(static_cast<size_t>(count));
  __int128 x = start;
  for (__int128 k = 0; k < count; ++k, x += step) out.emplace_back(static_cast<int64_t>(x));
  return Value(std::move(out));
}

FN(FnReverse) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (IsList(v)) {
    graph::List l = v.as_list();
    std::reverse(l.begin(), l.end());
    return Value(std::move(l));
  }
  if (IsString(v)) {
    const std::string& s = v.as_string();
    const auto off = Utf8Offsets(s);
    std::string out;
    out.reserve(s.size());
    for (size_t i = off.size() - 1; i > 0; --i) out.append(s, off[i - 1], off[i] - off[i - 1]);
    return Value(std::move(out));
  }
  return WrongType("reverse", 0, v, "a list or string");
}

// --- conversions -------------------------------------------------------------------

FN(FnToString) {
  if (a[0].is_null()) return Value();
  auto s = ScalarToString(a[0]);
  if (!s.ok()) return WrongType("toString", 0, a[0], "a number, string, boolean or temporal value");
  return Value(std::move(s).value());
}
FN(FnToStringOrNull) {
  auto s = ScalarToString(a[0]);
  return s.ok() ? Value(std::move(s).value()) : Value();
}
FN(FnToInteger) { return ToIntegerImpl("toInteger", a[0], false); }
FN(FnToIntegerOrNull) { return ToIntegerImpl("toIntegerOrNull", a[0], true); }
FN(FnToFloat) { return ToFloatImpl("toFloat", a[0], false); }
FN(FnToFloatOrNull) { return ToFloatImpl("toFloatOrNull", a[0], true); }
FN(FnToBoolean) { return ToBooleanImpl("toBoolean", a[0], false); }
FN(FnToBooleanOrNull) { return ToBooleanImpl("toBooleanOrNull", a[0], true); }

// --- numbers ------------------------------------------------------------------------

#define NUMBER_ARG(fn, i)                                                   \
  if (a[i].is_null()) return Value();                                       \
  if (!a[i].is_number()) return WrongType(fn, i, a[i], "a number");

FN(FnAbs) {
  NUMBER_ARG("abs", 0);
  if (IsInt(a[0])) {
    const int64_t x = a[0].as_int();
    if (x == std::numeric_limits<int64_t>::min()) return Status::TypeError("integer overflow in abs()");
    return Value(x < 0 ? -x : x);
  }
  return Value(std::fabs(a[0].as_float()));
}

FN(FnCeil) {
  NUMBER_ARG("ceil", 0);
  return Value(std::ceil(a[0].as_number()));
}

FN(FnFloor) {
  NUMBER_ARG("floor", 0);
  return Value(std::floor(a[0].as_number()));
}

FN(FnRound) {
  NUMBER_ARG("round", 0);
  const double x = a[0].as_number();
  if (a.size() == 1) return Value(std::floor(x + 0.5));  // half-way values round up (Java Math.round)
  NUMBER_ARG("round", 1);
  if (!IsInt(a[1])) return WrongType("round", 1, a[1], "an integer precision");
  const int64_t p = a[1].as_int();
  if (p < 0 || p > 300) return BadValue("round", "precision must be between 0 and 300");
  // Half away from zero at `p` decimal places.
  const double scale = std::pow(10.0, static_cast<double>(p));
  const double scaled = x * scale;
  if (!std::isfinite(scaled)) return Value(x);
  return Value(std::round(scaled) / scale);
}

FN(FnSign) {
  NUMBER_ARG("sign", 0);
  if (IsInt(a[0])) return Value(int64_t{a[0].as_int() > 0 ? 1 : a[0].as_int() < 0 ? -1 : 0});
  const double d = a[0].as_float();
  return Value(int64_t{d > 0 ? 1 : d < 0 ? -1 : 0});
}

#define UNARY_MATH(Name, name, expr)          \
  FN(Name) {                                  \
    NUMBER_ARG(name, 0);                      \
    const double x = a[0].as_number();        \
    return Value(static_cast<double>(expr)); \
  }

UNARY_MATH(FnSqrt, "sqrt", std::sqrt(x))
UNARY_MATH(FnExp, "exp", std::exp(x))
UNARY_MATH(FnLog, "log", std::log(x))
UNARY_MATH(FnLog10, "log10", std::log10(x))
UNARY_MATH(FnSin, "sin", std::sin(x))
UNARY_MATH(FnCos, "cos", std::cos(x))
UNARY_MATH(FnTan, "tan", std::tan(x))
UNARY_MATH(FnCot, "cot", 1.0 / std::tan(x))
UNARY_MATH(FnAsin, "asin", std::asin(x))
UNARY_MATH(FnAcos, "acos", std::acos(x))
UNARY_MATH(FnAtan, "atan", std::atan(x))
UNARY_MATH(FnDegrees, "degrees", x * 180.0 / std::numbers::pi)
UNARY_MATH(FnRadians, "radians", x * std::numbers::pi / 180.0)
UNARY_MATH(FnHaversin, "haversin", (1.0 - std::cos(x)) / 2.0)

FN(FnAtan2) {
  NUMBER_ARG("atan2", 0);
  NUMBER_ARG("atan2", 1);
  return Value(std::atan2(a[0].as_number(), a[1].as_number()));
}

FN(FnPi) { return Value(std::numbers::pi); }
FN(FnE) { return Value(std::numbers::e); }

FN(FnRand) {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return Value(std::uniform_real_distribution<double>(0.0, 1.0)(gen));
}

// --- strings -------------------------------------------------------------------------

#define STRING_ARG(fn, i)                                                   \
  if (a[i].is_null()) return Value();                                       \
  if (!IsString(a[i])) return WrongType(fn, i, a[i], "a string");

FN(FnToUpper) {
  STRING_ARG("toUpper", 0);
  return Value(MapCase(a[0].as_string(), true));
}
FN(FnToLower) {
  STRING_ARG("toLower", 0);
  return Value(MapCase(a[0].as_string(), false));
}
FN(FnTrim) {
  STRING_ARG("trim", 0);
  return Value(std::string(Trim(a[0].as_string(), true, true)));
}
FN(FnLTrim) {
  STRING_ARG("ltrim", 0);
  return Value(std::string(Trim(a[0].as_string(), true, false)));
}
FN(FnRTrim) {
  STRING_ARG("rtrim", 0);
  return Value(std::string(Trim(a[0].as_string(), false, true)));
}

// An integer argument that must be present and non-negative.
Result<int64_t> Count(std::string_view fn, const Args& a, size_t i, std::string_view what) {
  if (!IsInt(a[i])) return WrongType(fn, i, a[i], "an integer");
  if (a[i].as_int() < 0) return BadValue(fn, std::string(what) + " must not be negative");
  return a[i].as_int();
}

FN(FnSubstring) {
  STRING_ARG("substring", 0);
  MNEMO_ASSIGN_OR_RETURN(int64_t start, Count("substring", a, 1, "start"));
  int64_t len = std::numeric_limits<int64_t>::max();
  if (a.size() > 2) {
    MNEMO_ASSIGN_OR_RETURN(len, Count("substring", a, 2, "length"));
  }
  const std::string& s = a[0].as_string();
  const auto off = Utf8Offsets(s);
  const int64_t chars = static_cast<int64_t>(off.size()) - 1;
  if (start >= chars) return Value("");
  const int64_t end = len >= chars - start ? chars : start + len;
  return Value(s.substr(off[start], off[end] - off[start]));
}

FN(FnLeft) {
  STRING_ARG("left", 0);
  MNEMO_ASSIGN_OR_RETURN(int64_t n, Count("left", a, 1, "length"));
  const std::string& s = a[0].as_string();
  const auto off = Utf8Offsets(s);
  const int64_t chars = static_cast<int64_t>(off.size()) - 1;
  return Value(s.substr(0, off[std::min(n, chars)]));
}

FN(FnRight) {
  STRING_ARG("right", 0);
  MNEMO_ASSIGN_OR_RETURN(int64_t n, Count("right", a, 1, "length"));
  const std::string& s = a[0].as_string();
  const auto off = Utf8Offsets(s);
  const int64_t chars = static_cast<int64_t>(off.size()) - 1;
  return Value(s.substr(off[chars - std::min(n, chars)]));
}

FN(FnReplace) {
  for (size_t i = 0; i < 3; ++i) {
    STRING_ARG("replace", i);
  }
  const std::string &s = a[0].as_string(), &from = a[1].as_string(), &to = a[2].as_string();
  std::string out;
  if (from.empty()) {  // Java semantics: insert `to` around every character
    const auto off = Utf8Offsets(s);
    for (size_t i = 0; i + 1 < off.size(); ++i) out += to + s.substr(off[i], off[i + 1] - off[i]);
    return Value(out + to);
  }
  size_t pos = 0;
  for (size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size())
    out.append(s, pos, hit - pos).append(to);
  out.append(s, pos, std::string::npos);
  return Value(std::move(out));
}

FN(FnSplit) {
  STRING_ARG("split", 0);
  STRING_ARG("split", 1);
  const std::string &s = a[0].as_string(), &d = a[1].as_string();
  graph::List out;
  if (d.empty()) {
    const auto off = Utf8Offsets(s);
    for (size_t i = 0; i + 1 < off.size(); ++i) out.emplace_back(s.substr(off[i], off[i + 1] - off[i]));
    return Value(std::move(out));
  }
  size_t pos = 0;
  for (size_t hit; (hit = s.find(d, pos)) != std::string::npos; pos = hit + d.size())
    out.emplace_back(s.substr(pos, hit - pos));
  out.emplace_back(s.substr(pos));
  return Value(std::move(out));
}

// --- temporal ---------------------------------------------------------------------------

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

temporal::Timestamp StartOfDay(temporal::Timestamp t) {
  return FloorDiv(t, temporal::kMicrosPerDay) * temporal::kMicrosPerDay;
}

// Builds a time from a map {year, month, day, hour, minute, second, millisecond,
// microsecond} or {epochMillis} / {epochSeconds}.
Result<temporal::Timestamp> TimeFromMap(std::string_view fn, const Value& m) {
  auto field = [&](std::string_view key, int64_t def, int64_t lo, int64_t hi) -> Result<int64_t> {
    const Value* v = m.Find(key);
    if (!v || v->is_null()) return def;
    if (!IsInt(*v)) return Status::TypeError("function " + std::string(fn) + "(): " + std::string(key) + " must be an integer");
    if (v->as_int() < lo || v->as_int() > hi)
      return BadValue(fn, std::string(key) + " " + std::to_string(v->as_int()) + " is out of range");
    return v->as_int();
  };
  if (m.Find("epochMillis") || m.Find("epochSeconds")) {
    MNEMO_ASSIGN_OR_RETURN(int64_t ms, field("epochMillis", 0, -9'000'000'000'000'000, 9'000'000'000'000'000));
    MNEMO_ASSIGN_OR_RETURN(int64_t s, field("epochSeconds", 0, -9'000'000'000'000, 9'000'000'000'000));
    return ms * 1000 + s * temporal::kMicrosPerSecond;
  }
  if (!m.Find("year")) return BadValue(fn, "a map argument needs a year");
  MNEMO_ASSIGN_OR_RETURN(int64_t y, field("year", 1970, -999999, 999999));
  MNEMO_ASSIGN_OR_RETURN(int64_t mo, field("month", 1, 1, 12));
  MNEMO_ASSIGN_OR_RETURN(int64_t d, field("day", 1, 1, 31));
  MNEMO_ASSIGN_OR_RETURN(int64_t h, field("hour", 0, 0, 23));
  MNEMO_ASSIGN_OR_RETURN(int64_t mi, field("minute", 0, 0, 59));
  MNEMO_ASSIGN_OR_RETURN(int64_t s, field("second", 0, 0, 59));
  MNEMO_ASSIGN_OR_RETURN(int64_t ms, field("millisecond", 0, 0, 999));
  MNEMO_ASSIGN_OR_RETURN(int64_t us, field("microsecond", 0, 0, 999999));
  int64_t cy;
  unsigned cm, cd;
  const int64_t days = temporal::DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  temporal::CivilFromDays(days, cy, cm, cd);
  if (cd != d) return BadValue(fn, "day " + std::to_string(d) + " is out of range for the month");
  return days * temporal::kMicrosPerDay + ((h * 60 + mi) * 60 + s) * temporal::kMicrosPerSecond + ms * 1000 + us;
}

Result<temporal::Timestamp> TimeArg(std::string_view fn, const FunctionContext& ctx, const Args& a) {
  if (a.empty()) return ctx.statement_time;
  const Value& v = a[0];
  switch (v.kind()) {
    case Kind::kString: {
      auto t = temporal::ParseTimestamp(v.as_string());
      if (!t) return Status::TypeError("function " + std::string(fn) + "() cannot parse '" + v.as_string() + "' as a time");
      return *t;
    }
    case Kind::kDate: return v.as_date().micros;
    case Kind::kDateTime: return v.as_datetime().micros;
    case Kind::kMap: return TimeFromMap(fn, v);
    default: return WrongType(fn, 0, v, "a string, map or temporal value");
  }
}

FN(FnDate) {
  if (!a.empty() && a[0].is_null()) return Value();
  MNEMO_ASSIGN_OR_RETURN(temporal::Timestamp t, TimeArg("date", ctx, a));
  return Value(graph::Date{StartOfDay(t)});
}

FN(FnDateTime) {
  if (!a.empty() && a[0].is_null()) return Value();
  MNEMO_ASSIGN_OR_RETURN(temporal::Timestamp t, TimeArg("datetime", ctx, a));
  return Value(graph::DateTime{t});
}

FN(FnNow) { return Value(graph::DateTime{ctx.statement_time}); }

FN(FnTimestamp) { return Value(FloorDiv(ctx.statement_time, 1000)); }

#undef FN

const std::unordered_map<std::string_view, FunctionDef>& Table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, FunctionDef>;
    auto add = [&](std::string_view name, int min, int max, ScalarFunction fn) { (*t)[name] = {name, min, max, fn}; };
    // graph
    add("id", 1, 1, FnId);
    add("elementid", 1, 1, FnElementId);
    add("labels", 1, 1, FnLabels);
    add("type", 1, 1, FnType);
    add("keys", 1, 1, FnKeys);
    add("properties", 1, 1, FnProperties);
    add("startnode", 1, 1, FnStartNode);
    add("endnode", 1, 1, FnEndNode);
    add("nodes", 1, 1, FnNodes);
    add("relationships", 1, 1, FnRelationships);
    // lists and sizes
    add("size", 1, 1, FnSize);
    add("length", 1, 1, FnLength);
    add("char_length", 1, 1, FnSize);
    add("character_length", 1, 1, FnSize);
    add("isempty", 1, 1, FnIsEmpty);
    add("coalesce", 1, -1, FnCoalesce);
    add("head", 1, 1, FnHead);
    add("last", 1, 1, FnLast);
    add("tail", 1, 1, FnTail);
    add("range", 2, 3, FnRange);
    add("reverse", 1, 1, FnReverse);
    // conversions
    add("tostring", 1, 1, FnToString);
    add("tostringornull", 1, 1, FnToStringOrNull);
    add("tointeger", 1, 1, FnToInteger);
    add("tointegerornull", 1, 1, FnToIntegerOrNull);
    add("tofloat", 1, 1, FnToFloat);
    add("tofloatornull", 1, 1, FnToFloatOrNull);
    add("toboolean", 1, 1, FnToBoolean);
    add("tobooleanornull", 1, 1, FnToBooleanOrNull);
    // numbers
    add("abs", 1, 1, FnAbs);
    add("ceil", 1, 1, FnCeil);
    add("floor", 1, 1, FnFloor);
    add("round", 1, 2, FnRound);
    add("sign", 1, 1, FnSign);
    add("sqrt", 1, 1, FnSqrt);
    add("exp", 1, 1, FnExp);
    add("log", 1, 1, FnLog);
    add("log10", 1, 1, FnLog10);
    add("sin", 1, 1, FnSin);
    add("cos", 1, 1, FnCos);
    add("tan", 1, 1, FnTan);
    add("cot", 1, 1, FnCot);
    add("asin", 1, 1, FnAsin);
    add("acos", 1, 1, FnAcos);
    add("atan", 1, 1, FnAtan);
    add("atan2", 2, 2, FnAtan2);
    add("degrees", 1, 1, FnDegrees);
    add("radians", 1, 1, FnRadians);
    add("haversin", 1, 1, FnHaversin);
    add("pi", 0, 0, FnPi);
    add("e", 0, 0, FnE);
    add("rand", 0, 0, FnRand);
    // strings
    add("toupper", 1, 1, FnToUpper);
    add("upper", 1, 1, FnToUpper);
    add("tolower", 1, 1, FnToLower);
    add("lower", 1, 1, FnToLower);
    add("trim", 1, 1, FnTrim);
    add("ltrim", 1, 1, FnLTrim);
    add("rtrim", 1, 1, FnRTrim);
    add("substring", 2, 3, FnSubstring);
    add("left", 2, 2, FnLeft);
    add("right", 2, 2, FnRight);
    add("replace", 3, 3, FnReplace);
    add("split", 2, 2, FnSplit);
    // temporal
    add("date", 0, 1, FnDate);
    add("datetime", 0, 1, FnDateTime);
    add("now", 0, 0, FnNow);
    add("timestamp", 0, 0, FnTimestamp);
    return t;
  }();
  return *table;
}

}  // namespace

const FunctionDef* FindScalarFunction(std::string_view lower_name) {
  const auto& t = Table();
  auto it = t.find(lower_name);
  return it == t.end() ? nullptr : &it->second;
}

}  // namespace mnemo::engine
