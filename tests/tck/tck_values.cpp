#include "tests/tck/tck_values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace mnemo::tck {

using Entries = std::vector<std::pair<std::string, TckValue>>;

// --- construction ------------------------------------------------------------

TckValue TckValue::Bool(bool b) {
  TckValue v;
  v.kind = Kind::kBool;
  v.boolean = b;
  return v;
}
TckValue TckValue::Int(int64_t i) {
  TckValue v;
  v.kind = Kind::kInt;
  v.integer = i;
  return v;
}
TckValue TckValue::Float(double d) {
  TckValue v;
  v.kind = Kind::kFloat;
  v.number = d;
  return v;
}
TckValue TckValue::String(std::string s) {
  TckValue v;
  v.kind = Kind::kString;
  v.text = std::move(s);
  return v;
}
TckValue TckValue::List(std::vector<TckValue> items) {
  TckValue v;
  v.kind = Kind::kList;
  v.elements = std::move(items);
  return v;
}

namespace {
void SortEntries(Entries& e) {
  std::stable_sort(e.begin(), e.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}
}  // namespace

TckValue TckValue::Map(Entries entries) {
  TckValue v;
  v.kind = Kind::kMap;
  SortEntries(entries);
  v.entries = std::move(entries);
  return v;
}
TckValue TckValue::Node(std::vector<std::string> labels, Entries props) {
  TckValue v;
  v.kind = Kind::kNode;
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  v.labels = std::move(labels);
  SortEntries(props);
  v.entries = std::move(props);
  return v;
}
TckValue TckValue::Relationship(std::string type, Entries props) {
  TckValue v;
  v.kind = Kind::kRelationship;
  v.text = std::move(type);
  SortEntries(props);
  v.entries = std::move(props);
  return v;
}

// --- printing ------------------------------------------------------------------

namespace {

std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, res.ptr);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out + "'";
}

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

std::string Name(const std::string& s) {
  bool plain = !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0]));
  for (char c : s) plain = plain && IsIdentChar(c);
  if (plain) return s;
  std::string out = "`";
  for (char c : s) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string Props(const Entries& e, bool leading_space) {
  if (e.empty()) return "";
  std::string out = leading_space ? " {" : "{";
  for (size_t i = 0; i < e.size(); ++i) out += (i ? ", " : "") + Name(e[i].first) + ": " + e[i].second.ToString();
  return out + "}";
}

}  // namespace

std::string TckValue::ToString() const {
  switch (kind) {
    case Kind::kNull: return "null";
    case Kind::kBool: return boolean ? "true" : "false";
    case Kind::kInt: return std::to_string(integer);
    case Kind::kFloat: return FormatFloat(number);
    case Kind::kString: return Quote(text);
    case Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < elements.size(); ++i) out += (i ? ", " : "") + elements[i].ToString();
      return out + "]";
    }
    case Kind::kMap: return entries.empty() ? "{}" : Props(entries, false);
    case Kind::kNode: {
      std::string out = "(";
      for (const auto& l : labels) out += ":" + Name(l);
      return out + Props(entries, !labels.empty()) + ")";
    }
    case Kind::kRelationship: return "[:" + Name(text) + Props(entries, true) + "]";
    case Kind::kPath: {
      std::string out = "<";
      for (size_t i = 0; i < elements.size(); ++i) {
        if (i % 2 == 0) {
          out += elements[i].ToString();
        } else {
          const bool fwd = i / 2 < forward.size() ? forward[i / 2] : true;
          out += (fwd ? "-" : "<-") + elements[i].ToString() + (fwd ? "->" : "-");
        }
      }
      return out + ">";
    }
    case Kind::kOther: return text;
  }
  return "?";
}

// --- parsing -------------------------------------------------------------------

namespace {

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Result<TckValue> ParseAll() {
    auto v = Value();
    if (!v.ok()) return v;
    Skip();
    if (pos_ != s_.size()) return Error("unexpected text after the value");
    return v;
  }

 private:
  Status Error(const std::string& what) const {
    return Status::InvalidArgument("at " + std::to_string(pos_ + 1) + ": " + what + " in `" + std::string(s_) + "`");
  }
  void Skip() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool Eat(char c) {
    Skip();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool EatWord(std::string_view w) {
    if (s_.substr(pos_, w.size()) != w) return false;
    const size_t end = pos_ + w.size();
    if (end < s_.size() && IsIdentChar(s_[end])) return false;
    pos_ = end;
    return true;
  }
  char Peek() {
    Skip();
    return pos_ < s_.size() ? s_[pos_] : '\0';
  }

  Result<TckValue> Value() {
    const char c = Peek();
    if (c == '\0') return Error("expected a value");
    if (c == '\'' || c == '"') {
      auto s = QuotedString();
      if (!s.ok()) return s.status();
      return TckValue::String(std::move(s).value());
    }
    if (c == '[') return ListOrRelationship();
    if (c == '{') {
      auto m = MapBody();
      if (!m.ok()) return m.status();
      return TckValue::Map(std::move(m).value());
    }
    if (c == '(') return NodeValue();
    if (c == '<') return PathValue();
    if (EatWord("null") || EatWord("NULL")) return TckValue::Null();
    if (EatWord("true") || EatWord("TRUE")) return TckValue::Bool(true);
    if (EatWord("false") || EatWord("FALSE")) return TckValue::Bool(false);
    return Number();
  }

  Result<TckValue> Number() {
    const size_t start = pos_;
    bool negative = false;
    if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+')) {
      negative = s_[pos_] == '-';
      ++pos_;
    }
    if (EatWord("NaN")) return TckValue::Float(std::numeric_limits<double>::quiet_NaN());
    if (EatWord("Infinity") || EatWord("Inf"))
      return TckValue::Float(negative ? -std::numeric_limits<double>::infinity()
                                      : std::numeric_limits<double>::infinity());
    // Hexadecimal and octal integers, as Cypher literals allow.
    if (s_.substr(pos_, 2) == "0x" || s_.substr(pos_, 2) == "0o") {
      const int base = s_[pos_ + 1] == 'x' ? 16 : 8;
      pos_ += 2;
      const size_t digits = pos_;
      while (pos_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      uint64_t u = 0;
      auto [p, ec] = std::from_chars(s_.data() + digits, s_.data() + pos_, u, base);
      if (ec != std::errc() || p != s_.data() + pos_ || digits == pos_) return Error("bad integer");
      if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + (negative ? 1 : 0))
        return Error("integer out of range");
      return TckValue::Int(negative ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u));
    }
    bool is_float = false, any_digit = false;
    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_, any_digit = true;
    if (pos_ < s_.size() && s_[pos_] == '.' && pos_ + 1 < s_.size() &&
        std::isdigit(static_cast<unsigned char>(s_[pos_ + 1]))) {
      is_float = true;
      ++pos_;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_, any_digit = true;
    }
    if (any_digit && pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      size_t p = pos_ + 1;
      if (p < s_.size() && (s_[p] == '-' || s_[p] == '+')) ++p;
      if (p < s_.size() && std::isdigit(static_cast<unsigned char>(s_[p]))) {
        is_float = true;
        pos_ = p;
        while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      }
    }
    if (!any_digit) {
      pos_ = start;
      return Error("expected a value");
    }
    if (pos_ < s_.size() && IsIdentChar(s_[pos_])) return Error("bad number");
    std::string token(s_.substr(start, pos_ - start));
    if (!token.empty() && token[0] == '+') token.erase(0, 1);
    if (is_float) {
      double d = 0;
      auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), d);
      if (ec == std::errc::result_out_of_range) {
        d = std::strtod(token.c_str(), nullptr);  // overflow to inf, underflow to 0
      } else if (ec != std::errc() || p != token.data() + token.size()) {
        return Error("bad float");
      }
      return TckValue::Float(d);
    }
    int64_t i = 0;
    auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), i);
    if (ec != std::errc() || p != token.data() + token.size()) return Error("integer out of range");
    return TckValue::Int(i);
  }

  static void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  Result<std::string> QuotedString() {
    Skip();
    const char quote = s_[pos_++];
    std::string out;
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == quote) return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) break;
      const char e = s_[pos_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case '0': out += '\0'; break;
        case 'u': case 'U': {
          const size_t n = e == 'u' ? 4 : 8;
          if (pos_ + n > s_.size()) return Error("short \\u escape");
          uint32_t cp = 0;
          auto [p, ec] = std::from_chars(s_.data() + pos_, s_.data() + pos_ + n, cp, 16);
          if (ec != std::errc() || p != s_.data() + pos_ + n) return Error("bad \\u escape");
          pos_ += n;
          AppendUtf8(out, cp);
          break;
        }
        default: out += e;  // \' \" \\ and anything else: the character itself
      }
    }
    return Error("unterminated string");
  }

  // An identifier, a `quoted name`, or (for map keys) a quoted string.
  Result<std::string> Name(bool allow_string) {
    const char c = Peek();
    if (c == '`') {
      ++pos_;
      std::string out;
      while (pos_ < s_.size()) {
        if (s_[pos_] == '`') {
          if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '`') {
            out += '`';
            pos_ += 2;
            continue;
          }
          ++pos_;
          return out;
        }
        out += s_[pos_++];
      }
      return Error("unterminated `name`");
    }
    if (allow_string && (c == '\'' || c == '"')) return QuotedString();
    const size_t start = pos_;
    while (pos_ < s_.size() && (IsIdentChar(s_[pos_]) || s_[pos_] == '$')) ++pos_;
    if (start == pos_) return Error("expected a name");
    return std::string(s_.substr(start, pos_ - start));
  }

  Result<Entries> MapBody() {
    if (!Eat('{')) return Error("expected '{'");
    Entries out;
    if (Eat('}')) return out;
    while (true) {
      auto key = Name(true);
      if (!key.ok()) return key.status();
      if (!Eat(':')) return Error("expected ':' after a map key");
      auto v = Value();
      if (!v.ok()) return v.status();
      for (const auto& [k, unused] : out)
        if (k == *key) return Error("duplicate key '" + *key + "'");
      out.emplace_back(std::move(key).value(), std::move(v).value());
      if (Eat(',')) continue;
      if (Eat('}')) return out;
      return Error("expected ',' or '}'");
    }
  }

  Result<TckValue> ListOrRelationship() {
    Eat('[');
    if (Peek() == ':') return RelationshipRest();
    std::vector<TckValue> items;
    if (Eat(']')) return TckValue::List(std::move(items));
    while (true) {
      auto v = Value();
      if (!v.ok()) return v;
      items.push_back(std::move(v).value());
      if (Eat(',')) continue;
      if (Eat(']')) return TckValue::List(std::move(items));
      return Error("expected ',' or ']'");
    }
  }

  // After "[": ":TYPE {props}]".
  Result<TckValue> RelationshipRest() {
    if (!Eat(':')) return Error("expected ':' before a relationship type");
    auto type = Name(false);
    if (!type.ok()) return type.status();
    Entries props;
    if (Peek() == '{') {
      auto m = MapBody();
      if (!m.ok()) return m.status();
      props = std::move(m).value();
    }
    if (!Eat(']')) return Error("expected ']' after a relationship");
    return TckValue::Relationship(std::move(type).value(), std::move(props));
  }

  Result<TckValue> NodeValue() {
    if (!Eat('(')) return Error("expected '('");
    // An optional variable name is allowed and ignored: (n:L).
    if (Peek() != ':' && Peek() != '{' && Peek() != ')') {
      auto var = Name(false);
      if (!var.ok()) return var.status();
    }
    std::vector<std::string> labels;
    while (Eat(':')) {
      auto l = Name(false);
      if (!l.ok()) return l.status();
      labels.push_back(std::move(l).value());
    }
    Entries props;
    if (Peek() == '{') {
      auto m = MapBody();
      if (!m.ok()) return m.status();
      props = std::move(m).value();
    }
    if (!Eat(')')) return Error("expected ')' after a node");
    return TckValue::Node(std::move(labels), std::move(props));
  }

  Result<TckValue> PathValue() {
    Eat('<');
    TckValue path;
    path.kind = TckValue::Kind::kPath;
    auto first = NodeValue();
    if (!first.ok()) return first;
    path.elements.push_back(std::move(first).value());
    while (!Eat('>')) {
      bool fwd;
      if (Eat('<')) {
        if (!Eat('-')) return Error("expected '<-'");
        fwd = false;
      } else if (Eat('-')) {
        fwd = true;
      } else {
        return Error("expected '-', '<-' or '>' in a path");
      }
      if (!Eat('[')) return Error("expected '[' in a path");
      auto rel = RelationshipRest();
      if (!rel.ok()) return rel;
      if (!Eat('-')) return Error("expected '-' after a relationship in a path");
      if (fwd && !Eat('>')) return Error("expected '->' (a path relationship needs a direction)");
      auto node = NodeValue();
      if (!node.ok()) return node;
      path.elements.push_back(std::move(rel).value());
      path.elements.push_back(std::move(node).value());
      path.forward.push_back(fwd);
    }
    return path;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

Result<TckValue> ParseTckValue(std::string_view text) { return Parser(text).ParseAll(); }

// --- comparison ------------------------------------------------------------------

namespace {

bool FloatsEqual(double a, double b, double tol) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (a == b) return true;  // also equal infinities, 0.0 == -0.0
  if (std::isinf(a) || std::isinf(b)) return false;
  return std::fabs(a - b) <= tol * std::max(std::fabs(a), std::fabs(b));
}

bool EntriesEqual(const Entries& a, const Entries& b, const CompareOptions& o) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].first != b[i].first || !Equal(a[i].second, b[i].second, o)) return false;
  return true;
}

bool MultisetEqual(const std::vector<TckValue>& a, const std::vector<TckValue>& b, const CompareOptions& o) {
  if (a.size() != b.size()) return false;
  std::vector<bool> used(b.size(), false);
  for (const auto& x : a) {
    bool found = false;
    for (size_t j = 0; j < b.size() && !found; ++j)
      if (!used[j] && Equal(x, b[j], o)) used[j] = found = true;
    if (!found) return false;
  }
  return true;
}

}  // namespace

bool Equal(const TckValue& a, const TckValue& b, const CompareOptions& o) {
  using K = TckValue::Kind;
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case K::kNull: return true;
    case K::kBool: return a.boolean == b.boolean;
    case K::kInt: return a.integer == b.integer;
    case K::kFloat: return FloatsEqual(a.number, b.number, o.float_tolerance);
    case K::kString: return a.text == b.text;
    case K::kList:
      if (o.ignore_list_order) return MultisetEqual(a.elements, b.elements, o);
      [[fallthrough]];
    case K::kPath:
      if (a.elements.size() != b.elements.size() || a.forward != b.forward) return false;
      for (size_t i = 0; i < a.elements.size(); ++i)
        if (!Equal(a.elements[i], b.elements[i], o)) return false;
      return true;
    case K::kMap: return EntriesEqual(a.entries, b.entries, o);
    case K::kNode: return a.labels == b.labels && EntriesEqual(a.entries, b.entries, o);
    case K::kRelationship: return a.text == b.text && EntriesEqual(a.entries, b.entries, o);
    case K::kOther: return false;  // no expected value is written this way
  }
  return false;
}

// --- conversion --------------------------------------------------------------------

namespace {
Entries FromMap(const graph::Map& m, const QueryResult& r) {
  Entries out;
  for (const auto& [k, v] : m) out.emplace_back(k, FromResult(v, r));
  return out;
}
TckValue Other(std::string text) {
  TckValue v;
  v.kind = TckValue::Kind::kOther;
  v.text = std::move(text);
  return v;
}
}  // namespace

TckValue FromResult(const graph::Value& v, const QueryResult& r) {
  using K = graph::Value::Kind;
  switch (v.kind()) {
    case K::kNull: return TckValue::Null();
    case K::kBool: return TckValue::Bool(v.as_bool());
    case K::kInt: return TckValue::Int(v.as_int());
    case K::kFloat: return TckValue::Float(v.as_float());
    case K::kString: return TckValue::String(v.as_string());
    case K::kDate: case K::kDateTime: return Other(v.ToString());
    case K::kList: {
      std::vector<TckValue> items;
      for (const auto& x : v.as_list()) items.push_back(FromResult(x, r));
      return TckValue::List(std::move(items));
    }
    case K::kMap: return TckValue::Map(FromMap(v.as_map(), r));
    case K::kNode: {
      auto it = r.nodes.find(v.as_node().id);
      if (it == r.nodes.end()) return Other("(#" + std::to_string(v.as_node().id) + " undescribed)");
      return TckValue::Node(it->second.labels, FromMap(it->second.properties, r));
    }
    case K::kRelationship: {
      auto it = r.relationships.find(v.as_rel());
      if (it == r.relationships.end()) return Other("[#" + std::to_string(v.as_rel().edge) + " undescribed]");
      return TckValue::Relationship(it->second.type, FromMap(it->second.properties, r));
    }
    case K::kPath: {
      const graph::PathValue& p = v.as_path();
      TckValue path;
      path.kind = TckValue::Kind::kPath;
      if (p.nodes.size() != p.rels.size() + 1) return Other("<malformed path>");
      path.elements.push_back(FromResult(graph::Value(p.nodes[0]), r));
      for (size_t i = 0; i < p.rels.size(); ++i) {
        auto it = r.relationships.find(p.rels[i]);
        path.forward.push_back(it == r.relationships.end() || it->second.start == p.nodes[i].id);
        path.elements.push_back(FromResult(graph::Value(p.rels[i]), r));
        path.elements.push_back(FromResult(graph::Value(p.nodes[i + 1]), r));
      }
      return path;
    }
  }
  return Other("?");
}

Result<graph::Value> ToGraphValue(const TckValue& v) {
  using K = TckValue::Kind;
  switch (v.kind) {
    case K::kNull: return graph::Value();
    case K::kBool: return graph::Value(v.boolean);
    case K::kInt: return graph::Value(v.integer);
    case K::kFloat: return graph::Value(v.number);
    case K::kString: return graph::Value(v.text);
    case K::kList: {
      graph::List items;
      for (const auto& x : v.elements) {
        auto g = ToGraphValue(x);
        if (!g.ok()) return g;
        items.push_back(std::move(g).value());
      }
      return graph::Value(std::move(items));
    }
    case K::kMap: {
      graph::Map m;
      for (const auto& [k, x] : v.entries) {
        auto g = ToGraphValue(x);
        if (!g.ok()) return g;
        m.emplace_back(k, std::move(g).value());
      }
      return graph::Value(std::move(m));
    }
    default: return Status::InvalidArgument("a parameter cannot be a graph element: " + v.ToString());
  }
}

}  // namespace mnemo::tck
