// Evaluator: openCypher expression semantics over one row.
//
// Choices worth knowing (beyond engine/evaluator.hpp):
//  - AND / OR short-circuit when the left side decides; a literal right side
//    that cannot be boolean is still a TypeError.
//  - `+`: null if either side is null; list + list concatenates, list + x
//    appends, x + list prepends; string + number and number + string
//    concatenate (the number printed as toString() would).
//  - Errors: TypeError "integer overflow" (+ - * / unary -, abs, sum) and
//    "division by zero" (integer / and %); float division follows IEEE.
//  - =~ uses std::regex (ECMAScript) with a whole-string match; a leading
//    Java-style flag group (?i) (?m) (?s) is understood. Matching is bytewise
//    on UTF-8. An invalid pattern is a TypeError.
//  - Property access also reads components of dates and datetimes
//    (year, month, day, hour, minute, second, millisecond, microsecond,
//    quarter, dayOfWeek, ordinalDay, epochMillis, epochSeconds).
//  - A pattern predicate or comprehension whose pattern names a variable the
//    row binds to null is null, without asking the PatternSource.
//  - kEntityRef (Person 'Ann') evaluates to the first visible entity with
//    that key, or null.
#include "engine/evaluator.hpp"

#include <cmath>
#include <limits>
#include <regex>
#include <string>

#include "engine/functions.hpp"

namespace mnemo::engine {

using graph::Value;
using lang::BinaryOp;
using lang::Expr;
using lang::ExprKind;
using lang::UnaryOp;
using Kind = graph::Value::Kind;

namespace {

std::string KindName(const Value& v) { return std::string(Value::KindName(v.kind())); }

Status Overflow() { return Status::TypeError("integer overflow"); }

// A boolean operand of AND/OR/XOR/NOT: nullopt for null.
Result<std::optional<bool>> Truth(const Value& v, std::string_view op) {
  if (v.is_null()) return std::optional<bool>();
  if (v.kind() != Kind::kBool)
    return Status::TypeError(std::string(op) + " expects boolean operands, got " + KindName(v));
  return std::optional<bool>(v.as_bool());
}

Value Tri(std::optional<bool> b) { return b ? Value(*b) : Value(); }

std::string NumberText(const Value& v) {
  return v.kind() == Kind::kInt ? std::to_string(v.as_int()) : v.ToString();
}

Status BadOperands(BinaryOp op, const Value& l, const Value& r) {
  return Status::TypeError("operator " + std::string(lang::BinaryOpName(op)) + " is not defined for " +
                           KindName(l) + " and " + KindName(r));
}

Result<Value> Add(const Value& l, const Value& r) {
  if (l.is_null() || r.is_null()) return Value();
  if (l.kind() == Kind::kList || r.kind() == Kind::kList) {
    graph::List out;
    if (l.kind() == Kind::kList) out = l.as_list();
    else out.push_back(l);
    if (r.kind() == Kind::kList) out.insert(out.end(), r.as_list().begin(), r.as_list().end());
    else out.push_back(r);
    return Value(std::move(out));
  }
  if (l.kind() == Kind::kInt && r.kind() == Kind::kInt) {
    int64_t out;
    if (__builtin_add_overflow(l.as_int(), r.as_int(), &out)) return Overflow();
    return Value(out);
  }
  if (l.is_number() && r.is_number()) return Value(l.as_number() + r.as_number());
  if (l.kind() == Kind::kString && r.kind() == Kind::kString) return Value(l.as_string() + r.as_string());
  if (l.kind() == Kind::kString && r.is_number()) return Value(l.as_string() + NumberText(r));
  if (l.is_number() && r.kind() == Kind::kString) return Value(NumberText(l) + r.as_string());
  return BadOperands(BinaryOp::kAdd, l, r);
}

Result<Value> Arithmetic(BinaryOp op, const Value& l, const Value& r) {
  if (op == BinaryOp::kAdd) return Add(l, r);
  if (l.is_null() || r.is_null()) return Value();
  if (!l.is_number() || !r.is_number()) return BadOperands(op, l, r);
  if (op == BinaryOp::kPow) return Value(std::pow(l.as_number(), r.as_number()));
  if (l.kind() == Kind::kInt && r.kind() == Kind::kInt) {
    const int64_t x = l.as_int(), y = r.as_int();
    int64_t out = 0;
    switch (op) {
      case BinaryOp::kSub:
        if (__builtin_sub_overflow(x, y, &out)) return Overflow();
        return Value(out);
      case BinaryOp::kMul:
        if (__builtin_mul_overflow(x, y, &out)) return Overflow();
        return Value(out);
      case BinaryOp::kDiv:
        if (y == 0) return Status::TypeError("division by zero");
        if (x == std::numeric_limits<int64_t>::min() && y == -1) return Overflow();
        return Value(x / y);
      case BinaryOp::kMod:
        if (y == 0) return Status::TypeError("division by zero");
        if (y == -1) return Value(int64_t{0});
        return Value(x % y);
      default: break;
    }
  } else {
    const double x = l.as_number(), y = r.as_number();
    switch (op) {
      case BinaryOp::kSub: return Value(x - y);
      case BinaryOp::kMul: return Value(x * y);
      case BinaryOp::kDiv: return Value(x / y);
      case BinaryOp::kMod: return Value(std::fmod(x, y));
      default: break;
    }
  }
  return Status::Internal("unexpected arithmetic operator");
}

Result<Value> Negate(const Value& v) {
  switch (v.kind()) {
    case Kind::kNull: return Value();
    case Kind::kInt:
      if (v.as_int() == std::numeric_limits<int64_t>::min()) return Overflow();
      return Value(-v.as_int());
    case Kind::kFloat: return Value(-v.as_float());
    default: return Status::TypeError("unary - expects a number, got " + KindName(v));
  }
}

// Components of temporal values: d.year, dt.hour, ...
Result<Value> TemporalField(const Value& v, std::string_view key) {
  const bool is_date = v.kind() == Kind::kDate;
  const temporal::Timestamp t = is_date ? v.as_date().micros : v.as_datetime().micros;
  const int64_t day = t / temporal::kMicrosPerDay - ((t % temporal::kMicrosPerDay) < 0 ? 1 : 0);
  const int64_t in_day = t - day * temporal::kMicrosPerDay;
  int64_t y;
  unsigned m, d;
  temporal::CivilFromDays(day, y, m, d);
  const std::string k = AsciiLower(key);
  if (k == "year") return Value(y);
  if (k == "quarter") return Value(static_cast<int64_t>((m - 1) / 3 + 1));
  if (k == "month") return Value(static_cast<int64_t>(m));
  if (k == "day") return Value(static_cast<int64_t>(d));
  if (k == "dayofweek" || k == "weekday") return Value((day % 7 + 7 + 3) % 7 + 1);  // ISO: Monday = 1
  if (k == "ordinalday") return Value(day - temporal::DaysFromCivil(y, 1, 1) + 1);
  if (k == "epochmillis") return Value(t / 1000 - ((t % 1000) < 0 ? 1 : 0));
  if (k == "epochseconds") return Value(day * 86400 + in_day / temporal::kMicrosPerSecond);
  if (!is_date) {
    if (k == "hour") return Value(in_day / (3600 * temporal::kMicrosPerSecond));
    if (k == "minute") return Value(in_day / (60 * temporal::kMicrosPerSecond) % 60);
    if (k == "second") return Value(in_day / temporal::kMicrosPerSecond % 60);
    if (k == "millisecond") return Value(in_day / 1000 % 1000);
    if (k == "microsecond") return Value(in_day % temporal::kMicrosPerSecond);
  }
  return Status::TypeError("a " + KindName(v) + " has no field '" + std::string(key) + "'");
}

// Cypher list index: negative from the end; nullopt when out of range.
std::optional<size_t> ListIndex(int64_t i, size_t size) {
  const int64_t n = static_cast<int64_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return std::nullopt;
  return static_cast<size_t>(i);
}

// Slice bound: negative from the end, clamped into [0, size].
size_t SliceBound(int64_t i, size_t size) {
  const int64_t n = static_cast<int64_t>(size);
  if (i < 0) i = std::max<int64_t>(0, i + n);
  return static_cast<size_t>(std::min(i, n));
}

bool StartsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0 && s.size() >= p.size(); }
bool EndsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// Whether a pattern names a variable that the row binds to null (then a
// pattern predicate or comprehension over it is null, as in openCypher).
bool PatternBindsNull(const lang::PatternPart& part, const Scope& scope, const Row& row) {
  auto is_null = [&](const std::string& name) {
    if (name.empty()) return false;
    const int slot = scope.Find(name);
    return slot >= 0 && static_cast<size_t>(slot) < row.size() && row[slot].is_null();
  };
  for (const auto& n : part.nodes)
    if (is_null(n.variable)) return true;
  for (const auto& r : part.rels)
    if (is_null(r.variable)) return true;
  return false;
}

// A literal that is not boolean or null (short-circuited operands are still checked).
bool IsNonBooleanLiteral(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kInt: case ExprKind::kDouble: case ExprKind::kString: case ExprKind::kList:
    case ExprKind::kMap: case ExprKind::kTime: case ExprKind::kDuration: return true;
    default: return false;
  }
}

std::string ArityText(const FunctionDef& def) {
  auto args = [](int n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); };
  if (def.max_args < 0) return "at least " + args(def.min_args);
  if (def.min_args == def.max_args) return args(def.min_args);
  return std::to_string(def.min_args) + " to " + args(def.max_args);
}

// The scalar function a call names (nullptr for exists()), after checking
// the name, the argument count and DISTINCT. `name` is e.text lower-cased.
Result<const FunctionDef*> ResolveFunction(const Expr& e, const std::string& name) {
  const size_t argc = e.children.size();
  auto arity_error = [&](const std::string& expected) {
    return Status::BindError("function " + e.text + "() expects " + expected + ", got " + std::to_string(argc),
                             e.line, e.column);
  };
  if (IsAggregateFunction(name)) {
    const size_t want = name == "percentilecont" || name == "percentiledisc" ? 2 : 1;
    if (argc != want) return arity_error(want == 1 ? "1 argument" : "2 arguments");
    return static_cast<const FunctionDef*>(nullptr);
  }
  if (e.distinct)
    return Status::BindError("DISTINCT is only allowed in aggregate functions, not in " + e.text + "()", e.line,
                             e.column);
  if (name == "exists") {
    if (argc != 1) return arity_error("1 argument");
    return static_cast<const FunctionDef*>(nullptr);
  }
  const FunctionDef* def = FindScalarFunction(name);
  if (!def) return Status::BindError("unknown function '" + e.text + "'", e.line, e.column);
  if (static_cast<int>(argc) < def->min_args || (def->max_args >= 0 && static_cast<int>(argc) > def->max_args))
    return arity_error(ArityText(*def));
  return def;
}

}  // namespace

Status CheckFunctionCall(const lang::Expr& call) {
  if (call.kind != ExprKind::kFunctionCall) return Status::OK();
  auto r = ResolveFunction(call, AsciiLower(call.text));
  return r.ok() ? Status::OK() : r.status();
}

// ------------------------------------------------------------------- regex

struct Evaluator::RegexCache {
  std::unordered_map<std::string, std::shared_ptr<const std::regex>> compiled;

  // Compiles a Java-style pattern: a leading inline flag group such as (?i) or
  // (?is) is understood (i: ignore case, m: multi-line, s: dot matches newline).
  Result<std::shared_ptr<const std::regex>> Get(const std::string& pattern) {
    if (auto it = compiled.find(pattern); it != compiled.end()) return it->second;
    auto flags = std::regex::ECMAScript;
    std::string body = pattern;
    bool dot_all = false;
    if (body.size() >= 3 && body.compare(0, 2, "(?") == 0) {
      const size_t close = body.find(')');
      const std::string group = close == std::string::npos ? "" : body.substr(2, close - 2);
      if (!group.empty() && group.find_first_not_of("imsux") == std::string::npos) {
        for (char c : group) {
          if (c == 'i') flags |= std::regex::icase;
          if (c == 'm') flags |= std::regex::multiline;
          if (c == 's') dot_all = true;
        }
        body = body.substr(close + 1);
      }
    }
    if (dot_all) {  // '.' outside character classes -> [\s\S]
      std::string out;
      bool in_class = false;
      for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '\\' && i + 1 < body.size()) {
          out += c;
          out += body[++i];
          continue;
        }
        if (c == '[') in_class = true;
        else if (c == ']') in_class = false;
        if (c == '.' && !in_class) out += "[\\s\\S]";
        else out += c;
      }
      body = std::move(out);
    }
    try {
      auto re = std::make_shared<const std::regex>(body, flags);
      if (compiled.size() > 256) compiled.clear();
      compiled.emplace(pattern, re);
      return re;
    } catch (const std::exception& ex) {
      return Status::TypeError("invalid regular expression '" + pattern + "': " + ex.what());
    }
  }
};

// ----------------------------------------------------------------- walker

struct Evaluator::Walker {
  Evaluator& ev;
  const AggregateValues* aggregates;

  Result<Value> Eval(const Expr& e, const Scope& scope, const Row& row) {
    auto r = EvalInner(e, scope, row);
    if (!r.ok()) {
      Status st = r.status();
      st.WithPosition(e.line, e.column);
      return st;
    }
    return r;
  }

  // openCypher predicate value: true, false or null; other types are an error.
  Result<std::optional<bool>> Predicate(const Expr& e, const Scope& scope, const Row& row, std::string_view what) {
    MNEMO_ASSIGN_OR_RETURN(Value v, Eval(e, scope, row));
    if (v.is_null()) return std::optional<bool>();
    if (v.kind() != Kind::kBool) {
      Status st = Status::TypeError(std::string(what) + " expects a boolean, got " + KindName(v));
      st.WithPosition(e.line, e.column);
      return st;
    }
    return std::optional<bool>(v.as_bool());
  }

  Result<Value> EvalInner(const Expr& e, const Scope& scope, const Row& row) {
    switch (e.kind) {
      case ExprKind::kNull: return Value();
      case ExprKind::kBool: return Value(e.bool_value);
      case ExprKind::kInt: return Value(e.int_value);
      case ExprKind::kDouble: return Value(e.double_value);
      case ExprKind::kString: return Value(e.text);
      case ExprKind::kTime: return Value(graph::DateTime{e.int_value});
      case ExprKind::kDuration: return Value(e.int_value);
      case ExprKind::kParameter: {
        auto it = ev.params_.find(e.text);
        if (it == ev.params_.end()) return Status::BindError("parameter $" + e.text + " is not given", e.line, e.column);
        return it->second;
      }
      case ExprKind::kVariable: {
        const int slot = scope.Find(e.text);
        if (slot < 0) return Status::BindError("variable `" + e.text + "` is not defined", e.line, e.column);
        if (static_cast<size_t>(slot) >= row.size())
          return Status::Internal("variable `" + e.text + "` has no value in the row");
        return row[slot];
      }
      case ExprKind::kProperty: {
        MNEMO_ASSIGN_OR_RETURN(Value obj, Eval(*e.children[0], scope, row));
        return Property(obj, e.text);
      }
      case ExprKind::kList: {
        graph::List out;
        out.reserve(e.children.size());
        for (const auto& c : e.children) {
          MNEMO_ASSIGN_OR_RETURN(Value v, Eval(*c, scope, row));
          out.push_back(std::move(v));
        }
        return Value(std::move(out));
      }
      case ExprKind::kMap: {
        graph::Map out;
        out.reserve(e.children.size());
        for (size_t i = 0; i < e.children.size(); ++i) {
          MNEMO_ASSIGN_OR_RETURN(Value v, Eval(*e.children[i], scope, row));
          out.emplace_back(i < e.names.size() ? e.names[i] : std::string(), std::move(v));
        }
        return Value(std::move(out));
      }
      case ExprKind::kIndex: return Index(e, scope, row);
      case ExprKind::kSlice: return Slice(e, scope, row);
      case ExprKind::kUnary: {
        MNEMO_ASSIGN_OR_RETURN(Value v, Eval(*e.children[0], scope, row));
        switch (e.unary_op) {
          case UnaryOp::kNot: {
            MNEMO_ASSIGN_OR_RETURN(auto b, Truth(v, "NOT"));
            return b ? Value(!*b) : Value();
          }
          case UnaryOp::kNegate: return Negate(v);
          case UnaryOp::kPlus:
            if (v.is_null() || v.is_number()) return v;
            return Status::TypeError("unary + expects a number, got " + KindName(v));
        }
        return Status::Internal("unexpected unary operator");
      }
      case ExprKind::kBinary: return Binary(e, scope, row);
      case ExprKind::kIsNull:
      case ExprKind::kIsNotNull: {
        MNEMO_ASSIGN_OR_RETURN(Value v, Eval(*e.children[0], scope, row));
        return Value(v.is_null() == (e.kind == ExprKind::kIsNull));
      }
      case ExprKind::kLabelPredicate: {
        MNEMO_ASSIGN_OR_RETURN(Value v, Eval(*e.children[0], scope, row));
        if (v.is_null()) return Value();
        if (v.kind() == Kind::kNode) {
          for (const auto& l : e.names)
            if (!ev.view_.NodeHasLabel(v.as_node().id, l)) return Value(false);
          return Value(true);
        }
        if (v.kind() == Kind::kRelationship) {
          const std::string type = ev.view_.RelType(v.as_rel());
          for (const auto& l : e.names)
            if (l != type) return Value(false);
          return Value(true);
        }
        return Status::TypeError("a label test expects a node, got " + KindName(v));
      }
      case ExprKind::kFunctionCall: return Call(e, scope, row);
      case ExprKind::kCountStar: return Aggregate(e);
      case ExprKind::kCase: return Case(e, scope, row);
      case ExprKind::kListComprehension: return ListComprehension(e, scope, row);
      case ExprKind::kQuantifier: return Quantifier(e, scope, row);
      case ExprKind::kPatternPredicate: return PatternPredicate(e, scope, row);
      case ExprKind::kPatternComprehension: return PatternComprehension(e, scope, row);
      case ExprKind::kEntityRef: return EntityRef(e, scope, row);
    }
    return Status::Internal("unexpected expression kind");
  }

  static Status DeletedAccess() {
    return Status::NotFound("DeletedEntityAccess: the element was deleted by this statement");
  }

  Result<Value> Property(const Value& obj, const std::string& key) {
    switch (obj.kind()) {
      case Kind::kNull: return Value();
      case Kind::kNode:
        if (ev.view_.IsDeleted(obj.as_node().id)) return DeletedAccess();
        return ev.view_.NodeProperty(obj.as_node().id, key);
      case Kind::kRelationship:
        if (ev.view_.IsDeleted(obj.as_rel().edge)) return DeletedAccess();
        return ev.view_.RelProperty(obj.as_rel(), key);
      case Kind::kMap: {
        const Value* v = obj.Find(key);
        return v ? *v : Value();
      }
      case Kind::kDate:
      case Kind::kDateTime: return TemporalField(obj, key);
      default:
        return Status::TypeError("cannot read property '" + key + "' of a " + KindName(obj) +
                                 " (expected a node, relationship or map)");
    }
  }

  Result<Value> Index(const Expr& e, const Scope& scope, const Row& row) {
    MNEMO_ASSIGN_OR_RETURN(Value c, Eval(*e.children[0], scope, row));
    MNEMO_ASSIGN_OR_RETURN(Value i, Eval(*e.children[1], scope, row));
    if (c.is_null() || i.is_null()) return Value();
    switch (c.kind()) {
      case Kind::kList: {
        if (i.kind() != Kind::kInt) return Status::TypeError("a list index must be an integer, got " + KindName(i));
        auto pos = ListIndex(i.as_int(), c.as_list().size());
        return pos ? c.as_list()[*pos] : Value();
      }
      case Kind::kMap:
      case Kind::kNode:
      case Kind::kRelationship:
        if (i.kind() != Kind::kString) return Status::TypeError("a map key must be a string, got " + KindName(i));
        return Property(c, i.as_string());
      default: return Status::TypeError("cannot index a " + KindName(c));
    }
  }

  Result<Value> Slice(const Expr& e, const Scope& scope, const Row& row) {
    MNEMO_ASSIGN_OR_RETURN(Value c, Eval(*e.children[0], scope, row));
    std::optional<int64_t> bounds[2];
    bool null_bound = false;
    for (size_t k = 0; k < 2; ++k) {
      const Expr* b = k + 1 < e.children.size() ? e.children[k + 1].get() : nullptr;
      if (!b) continue;
      MNEMO_ASSIGN_OR_RETURN(Value v, Eval(*b, scope, row));
      if (v.is_null()) null_bound = true;
      else if (v.kind() != Kind::kInt) return Status::TypeError("a slice bound must be an integer, got " + KindName(v));
      else bounds[k] = v.as_int();
    }
    if (c.is_null() || null_bound) return Value();
    if (c.kind() != Kind::kList) return Status::TypeError("cannot slice a " + KindName(c));
    const graph::List& l = c.as_list();
    const size_t from = bounds[0] ? SliceBound(*bounds[0], l.size()) : 0;
    const size_t to = bounds[1] ? SliceBound(*bounds[1], l.size()) : l.size();
    if (from >= to) return Value(graph::List());
    return Value(graph::List(l.begin() + static_cast<ptrdiff_t>(from), l.begin() + static_cast<ptrdiff_t>(to)));
  }

  Result<Value> Binary(const Expr& e, const Scope& scope, const Row& row) {
    const BinaryOp op = e.binary_op;
    const std::string_view name = lang::BinaryOpName(op);
    MNEMO_ASSIGN_OR_RETURN(Value l, Eval(*e.children[0], scope, row));
    // Boolean operators short-circuit when the left side decides.
    if (op == BinaryOp::kAnd || op == BinaryOp::kOr || op == BinaryOp::kXor) {
      MNEMO_ASSIGN_OR_RETURN(auto a, Truth(l, name));
      const bool decided = (op == BinaryOp::kAnd && a == std::optional<bool>(false)) ||
                           (op == BinaryOp::kOr && a == std::optional<bool>(true));
      if (decided) {
        // A right side that can never be boolean is still a type error.
        const Expr& rhs = *e.children[1];
        if (IsNonBooleanLiteral(rhs)) {
          Status st = Status::TypeError(std::string(name) + " expects boolean operands, got a non-boolean literal");
          st.WithPosition(rhs.line, rhs.column);
          return st;
        }
        return Value(op == BinaryOp::kOr);
      }
      MNEMO_ASSIGN_OR_RETURN(Value r, Eval(*e.children[1], scope, row));
      MNEMO_ASSIGN_OR_RETURN(auto b, Truth(r, name));
      if (op == BinaryOp::kAnd) {
        if (b == std::optional<bool>(false)) return Value(false);
        return a && b ? Value(true) : Value();
      }
      if (op == BinaryOp::kOr) {
        if (b == std::optional<bool>(true)) return Value(true);
        return a && b ? Value(false) : Value();
      }
      return a && b ? Value(*a != *b) : Value();
    }
    MNEMO_ASSIGN_OR_RETURN(Value r, Eval(*e.children[1], scope, row));
    switch (op) {
      case BinaryOp::kEq: return Tri(Value::Equals(l, r));
      case BinaryOp::kNe: {
        auto eq = Value::Equals(l, r);
        return eq ? Value(!*eq) : Value();
      }
      case BinaryOp::kLt:
      case BinaryOp::kLe:
      case BinaryOp::kGt:
      case BinaryOp::kGe: {
        auto c = Value::CompareComparable(l, r);
        if (!c) return Value();
        switch (op) {
          case BinaryOp::kLt: return Value(*c < 0);
          case BinaryOp::kLe: return Value(*c <= 0);
          case BinaryOp::kGt: return Value(*c > 0);
          default: return Value(*c >= 0);
        }
      }
      case BinaryOp::kAdd:
      case BinaryOp::kSub:
      case BinaryOp::kMul:
      case BinaryOp::kDiv:
      case BinaryOp::kMod:
      case BinaryOp::kPow: return Arithmetic(op, l, r);
      case BinaryOp::kStartsWith:
      case BinaryOp::kEndsWith:
      case BinaryOp::kContains: {
        if (l.kind() != Kind::kString || r.kind() != Kind::kString) return Value();
        const std::string &s = l.as_string(), &p = r.as_string();
        if (op == BinaryOp::kStartsWith) return Value(StartsWith(s, p));
        if (op == BinaryOp::kEndsWith) return Value(EndsWith(s, p));
        return Value(s.find(p) != std::string::npos);
      }
      case BinaryOp::kIn: return In(l, r);
      case BinaryOp::kRegexMatch: {
        if (l.kind() != Kind::kString || r.kind() != Kind::kString) return Value();
        if (!ev.regex_cache_) ev.regex_cache_ = std::make_shared<RegexCache>();
        MNEMO_ASSIGN_OR_RETURN(auto re, ev.regex_cache_->Get(r.as_string()));
        try {
          return Value(std::regex_match(l.as_string(), *re));
        } catch (const std::exception& ex) {
          return Status::ResourceLimit(std::string("regular expression match failed: ") + ex.what());
        }
      }
      default: break;
    }
    return Status::Internal("unexpected binary operator");
  }

  static Result<Value> In(const Value& x, const Value& list) {
    if (list.is_null()) return Value();
    if (list.kind() != Kind::kList) return Status::TypeError("IN expects a list on its right, got " + KindName(list));
    bool unknown = false;
    for (const Value& v : list.as_list()) {
      auto eq = Value::Equals(x, v);
      if (!eq) unknown = true;
      else if (*eq) return Value(true);
    }
    return unknown ? Value() : Value(false);
  }

  Result<Value> Aggregate(const Expr& e) {
    if (aggregates) {
      auto it = aggregates->find(&e);
      if (it != aggregates->end()) return it->second;
    }
    const std::string name = e.kind == ExprKind::kCountStar ? "count(*)" : e.text + "()";
    return Status::BindError("aggregate not allowed here: " + name, e.line, e.column);
  }

  Result<Value> Call(const Expr& e, const Scope& scope, const Row& row) {
    const std::string name = AsciiLower(e.text);
    if (IsAggregateFunction(name)) return Aggregate(e);
    MNEMO_ASSIGN_OR_RETURN(const FunctionDef* def, ResolveFunction(e, name));
    if (!def) {  // exists()
      const Expr& arg = *e.children[0];
      MNEMO_ASSIGN_OR_RETURN(Value v, Eval(arg, scope, row));
      if (arg.kind == ExprKind::kPatternPredicate) return v;
      return Value(!v.is_null());
    }
    std::vector<Value> args;
    args.reserve(e.children.size());
    for (const auto& c : e.children) {
      MNEMO_ASSIGN_OR_RETURN(Value v, Eval(*c, scope, row));
      // coalesce() stops at its first non-null argument.
      if (name == "coalesce" && !v.is_null()) return v;
      args.push_back(std::move(v));
    }
    const FunctionContext ctx{ev.view_, ev.statement_time_};
    return def->fn(ctx, args);
  }

  Result<Value> Case(const Expr& e, const Scope& scope, const Row& row) {
    const lang::CaseExpr& c = *e.case_expr;
    if (c.subject) {
      MNEMO_ASSIGN_OR_RETURN(Value subject, Eval(*c.subject, scope, row));
      for (const auto& alt : c.alternatives) {
        MNEMO_ASSIGN_OR_RETURN(Value w, Eval(*alt.when, scope, row));
        if (Value::Equals(subject, w) == std::optional<bool>(true)) return Eval(*alt.then, scope, row);
      }
    } else {
      for (const auto& alt : c.alternatives) {
        MNEMO_ASSIGN_OR_RETURN(auto b, Predicate(*alt.when, scope, row, "WHEN"));
        if (b == std::optional<bool>(true)) return Eval(*alt.then, scope, row);
      }
    }
    if (c.otherwise) return Eval(*c.otherwise, scope, row);
    return Value();
  }

  // Evaluates the comprehension's list and prepares an inner scope and row in
  // which `slot` holds the current element. Returns false (with `out` null) when
  // the list is null.
  Result<bool> OpenComprehension(const Expr& e, const Scope& scope, const Row& row, Value& list, Scope& inner,
                                 Row& inner_row, int& slot) {
    const lang::Comprehension& c = *e.comprehension;
    MNEMO_ASSIGN_OR_RETURN(list, Eval(*c.list, scope, row));
    if (list.is_null()) return false;
    if (list.kind() != Kind::kList) {
      Status st = Status::TypeError("IN expects a list, got " + KindName(list));
      st.WithPosition(c.list->line, c.list->column);
      return st;
    }
    inner = scope;
    slot = inner.Add(c.variable);
    inner_row = row;
    inner_row.resize(inner.size());
    return true;
  }

  Result<Value> ListComprehension(const Expr& e, const Scope& scope, const Row& row) {
    const lang::Comprehension& c = *e.comprehension;
    Value list;
    Scope inner;
    Row r;
    int slot = 0;
    MNEMO_ASSIGN_OR_RETURN(bool open, OpenComprehension(e, scope, row, list, inner, r, slot));
    if (!open) return Value();
    graph::List out;
    for (const Value& x : list.as_list()) {
      r[slot] = x;
      if (c.where) {
        MNEMO_ASSIGN_OR_RETURN(auto keep, Predicate(*c.where, inner, r, "WHERE"));
        if (keep != std::optional<bool>(true)) continue;
      }
      if (c.projection) {
        MNEMO_ASSIGN_OR_RETURN(Value v, Eval(*c.projection, inner, r));
        out.push_back(std::move(v));
      } else {
        out.push_back(x);
      }
    }
    return Value(std::move(out));
  }

  Result<Value> Quantifier(const Expr& e, const Scope& scope, const Row& row) {
    const lang::Comprehension& c = *e.comprehension;
    const std::string q = AsciiLower(e.text);
    if (q != "all" && q != "any" && q != "none" && q != "single")
      return Status::BindError("unknown quantifier '" + e.text + "'", e.line, e.column);
    Value list;
    Scope inner;
    Row r;
    int slot = 0;
    MNEMO_ASSIGN_OR_RETURN(bool open, OpenComprehension(e, scope, row, list, inner, r, slot));
    if (!open) return Value();
    size_t trues = 0, falses = 0, nulls = 0;
    for (const Value& x : list.as_list()) {
      r[slot] = x;
      std::optional<bool> b;
      if (c.where) {
        MNEMO_ASSIGN_OR_RETURN(b, Predicate(*c.where, inner, r, q));
      } else if (x.kind() == Kind::kBool) {
        b = x.as_bool();
      } else if (!x.is_null()) {
        return Status::TypeError(q + "() expects a list of booleans without WHERE, got " + KindName(x));
      }
      if (!b) ++nulls;
      else if (*b) ++trues;
      else ++falses;
      // Decided early?
      if ((q == "all" && falses) || (q == "any" && trues) || (q == "none" && trues) || (q == "single" && trues > 1))
        break;
    }
    if (q == "all") return falses ? Value(false) : nulls ? Value() : Value(true);
    if (q == "any") return trues ? Value(true) : nulls ? Value() : Value(false);
    if (q == "none") return trues ? Value(false) : nulls ? Value() : Value(true);
    // single
    if (trues > 1) return Value(false);
    if (nulls) return Value();
    return Value(trues == 1);
  }

  Result<std::vector<Row>> Match(const Expr& e, const Scope& scope, const Row& row, Scope& inner) {
    if (!ev.patterns_)
      return Status::Unsupported("pattern expressions are not available here");
    inner = scope;
    std::vector<Row> rows;
    MNEMO_RETURN_IF_ERROR(ev.patterns_->MatchPattern(*e.pattern, inner, row, rows));
    return rows;
  }

  Result<Value> PatternPredicate(const Expr& e, const Scope& scope, const Row& row) {
    if (PatternBindsNull(*e.pattern, scope, row)) return Value();
    Scope inner;
    MNEMO_ASSIGN_OR_RETURN(auto rows, Match(e, scope, row, inner));
    return Value(!rows.empty());
  }

  Result<Value> PatternComprehension(const Expr& e, const Scope& scope, const Row& row) {
    if (PatternBindsNull(*e.pattern, scope, row)) return Value();
    Scope inner;
    MNEMO_ASSIGN_OR_RETURN(auto rows, Match(e, scope, row, inner));
    const lang::Comprehension* c = e.comprehension.get();
    graph::List out;
    for (Row& r : rows) {
      r.resize(inner.size());
      if (c && c->where) {
        MNEMO_ASSIGN_OR_RETURN(auto keep, Predicate(*c->where, inner, r, "WHERE"));
        if (keep != std::optional<bool>(true)) continue;
      }
      if (!c || !c->projection)
        return Status::BindError("a pattern comprehension needs a projection (| expr)", e.line, e.column);
      MNEMO_ASSIGN_OR_RETURN(Value v, Eval(*c->projection, inner, r));
      out.push_back(std::move(v));
    }
    return Value(std::move(out));
  }

  Result<Value> EntityRef(const Expr& e, const Scope& scope, const Row& row) {
    if (e.children.empty()) return Status::Internal("entity reference without a key");
    MNEMO_ASSIGN_OR_RETURN(Value key, Eval(*e.children[0], scope, row));
    if (key.is_null()) return Value();
    for (graph::Id id : ev.view_.store().FindByKey(e.text, key))
      if (ev.view_.NodeExists(id)) return Value(graph::NodeRef{id});
    return Value();
  }
};

// -------------------------------------------------------------- Evaluator

Evaluator::Evaluator(const GraphView& view, const Params& params, temporal::Timestamp statement_time,
                     PatternSource* patterns)
    : view_(view), params_(params), statement_time_(statement_time), patterns_(patterns) {}

Result<graph::Value> Evaluator::Eval(const lang::Expr& e, const Scope& scope, const Row& row,
                                     const AggregateValues* aggregates) {
  Walker w{*this, aggregates};
  return w.Eval(e, scope, row);
}

Result<bool> Evaluator::Test(const lang::Expr& e, const Scope& scope, const Row& row) {
  MNEMO_ASSIGN_OR_RETURN(Value v, Eval(e, scope, row));
  if (v.is_null()) return false;
  if (v.kind() != Kind::kBool)
    return Status(StatusCode::kTypeError, "WHERE expects a boolean, got " + KindName(v), e.line, e.column);
  return v.as_bool();
}

// ------------------------------------------------------------ aggregates

bool IsAggregateFunction(std::string_view name) {
  const std::string n = AsciiLower(name);
  return n == "count" || n == "sum" || n == "avg" || n == "min" || n == "max" || n == "collect" || n == "stdev" ||
         n == "stdevp" || n == "percentilecont" || n == "percentiledisc";
}

namespace {

bool IsAggregateCall(const Expr& e) {
  return e.kind == ExprKind::kCountStar || (e.kind == ExprKind::kFunctionCall && IsAggregateFunction(e.text));
}

// Visits the sub-expressions of `e` evaluated in the scope of `e` itself:
// children, CASE parts and the list of a comprehension or quantifier (not the
// WHERE / projection, which see the comprehension's own variable, and nothing
// of a pattern comprehension).
template <typename F>
void ForEachOuterChild(const Expr& e, F&& f) {
  for (const auto& c : e.children)
    if (c) f(*c);
  if (e.case_expr) {
    if (e.case_expr->subject) f(*e.case_expr->subject);
    for (const auto& alt : e.case_expr->alternatives) {
      if (alt.when) f(*alt.when);
      if (alt.then) f(*alt.then);
    }
    if (e.case_expr->otherwise) f(*e.case_expr->otherwise);
  }
  if (e.comprehension && e.kind != ExprKind::kPatternComprehension && e.comprehension->list)
    f(*e.comprehension->list);
}

}  // namespace

bool ContainsAggregate(const lang::Expr& e) {
  if (IsAggregateCall(e)) return true;
  bool found = false;
  ForEachOuterChild(e, [&](const Expr& c) { found = found || ContainsAggregate(c); });
  return found;
}

void CollectAggregates(const lang::Expr& e, std::vector<const lang::Expr*>& out) {
  if (IsAggregateCall(e)) {
    out.push_back(&e);
    return;
  }
  ForEachOuterChild(e, [&](const Expr& c) { CollectAggregates(c, out); });
}

}  // namespace mnemo::engine
