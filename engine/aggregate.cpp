// Aggregator: count, sum, avg, min, max, collect, stDev, stDevP,
// percentileCont, percentileDisc, each optionally DISTINCT (openCypher
// semantics: nulls are skipped; count(*) counts rows).
//
// Results over no (non-null) values: count 0, sum 0, collect [], stDev and
// stDevP 0.0; avg, min, max and the percentiles null.
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "engine/evaluator.hpp"
#include "engine/functions.hpp"

namespace mnemo::engine {

using graph::Value;
using Kind = graph::Value::Kind;

namespace {
enum class Fn : uint8_t {
  kCount, kCountStar, kSum, kAvg, kMin, kMax, kCollect, kStDev, kStDevP, kPercentileCont, kPercentileDisc,
};
}  // namespace

struct Aggregator::State {
  Fn fn = Fn::kCount;
  std::string name;  // as written, for messages
  bool distinct = false;
  int line = 0, column = 0;
  Status invalid;  // set when the call itself is malformed

  std::unordered_set<Value, graph::ValueHash, graph::ValueEquivalent> seen;
  int64_t count = 0;
  // sum
  bool sum_is_float = false;
  int64_t int_sum = 0;
  double float_sum = 0;
  // avg
  long double avg_sum = 0;
  // stDev: Welford's running mean and sum of squared deviations
  double mean = 0, m2 = 0;
  // min / max
  Value best;
  // collect / percentiles
  graph::List values;
  double percentile = 0;

  Status Error(Status st) const {
    st.WithPosition(line, column);
    return st;
  }
  Status NotNumber(const Value& v) const {
    return Error(Status::TypeError("function " + name + "() expects numbers, got " +
                                   std::string(Value::KindName(v.kind()))));
  }
};

Aggregator::Aggregator(const lang::Expr& call) : state_(std::make_shared<State>()) {
  State& s = *state_;
  s.line = call.line;
  s.column = call.column;
  if (call.kind == lang::ExprKind::kCountStar) {
    s.fn = Fn::kCountStar;
    s.name = "count";
    return;
  }
  s.name = call.text;
  s.distinct = call.distinct;
  const std::string n = AsciiLower(call.text);
  size_t want = 1;
  if (n == "count") s.fn = Fn::kCount;
  else if (n == "sum") s.fn = Fn::kSum;
  else if (n == "avg") s.fn = Fn::kAvg;
  else if (n == "min") s.fn = Fn::kMin;
  else if (n == "max") s.fn = Fn::kMax;
  else if (n == "collect") s.fn = Fn::kCollect;
  else if (n == "stdev") s.fn = Fn::kStDev;
  else if (n == "stdevp") s.fn = Fn::kStDevP;
  else if (n == "percentilecont") s.fn = Fn::kPercentileCont, want = 2;
  else if (n == "percentiledisc") s.fn = Fn::kPercentileDisc, want = 2;
  else {
    s.invalid = Status::BindError("'" + call.text + "' is not an aggregate function", call.line, call.column);
    return;
  }
  if (call.kind != lang::ExprKind::kFunctionCall || call.children.size() != want)
    s.invalid = Status::BindError("function " + call.text + "() expects " + std::to_string(want) +
                                      (want == 1 ? " argument" : " arguments") + ", got " +
                                      std::to_string(call.children.size()),
                                  call.line, call.column);
}

Status Aggregator::Add(const graph::Value& v, const graph::Value& extra) {
  State& s = *state_;
  if (!s.invalid.ok()) return s.invalid;
  if (s.fn == Fn::kCountStar) {
    ++s.count;
    return Status::OK();
  }
  if (s.fn == Fn::kPercentileCont || s.fn == Fn::kPercentileDisc) {
    if (!extra.is_number())
      return s.Error(Status::TypeError("function " + s.name + "() expects a number between 0.0 and 1.0 as percentile, got " +
                                       std::string(Value::KindName(extra.kind()))));
    const double p = extra.as_number();
    if (!(p >= 0.0 && p <= 1.0))
      return s.Error(Status::InvalidArgument("function " + s.name + "(): percentile " + extra.ToString() +
                                             " is not between 0.0 and 1.0"));
    s.percentile = p;
  }
  if (v.is_null()) return Status::OK();
  if (s.distinct && !s.seen.insert(v).second) return Status::OK();
  switch (s.fn) {
    case Fn::kCountStar:
    case Fn::kCount: ++s.count; break;
    case Fn::kSum:
      if (!v.is_number()) return s.NotNumber(v);
      if (!s.sum_is_float && v.kind() == Kind::kInt) {
        if (__builtin_add_overflow(s.int_sum, v.as_int(), &s.int_sum))
          return s.Error(Status::TypeError("integer overflow in " + s.name + "()"));
      } else {
        if (!s.sum_is_float) s.float_sum = static_cast<double>(s.int_sum);
        s.sum_is_float = true;
        s.float_sum += v.as_number();
      }
      break;
    case Fn::kAvg:
      if (!v.is_number()) return s.NotNumber(v);
      ++s.count;
      s.avg_sum += v.kind() == Kind::kInt ? static_cast<long double>(v.as_int()) : v.as_float();
      break;
    case Fn::kMin:
      if (s.best.is_null() || Value::Compare(v, s.best) < 0) s.best = v;
      break;
    case Fn::kMax:
      if (s.best.is_null() || Value::Compare(v, s.best) > 0) s.best = v;
      break;
    case Fn::kCollect: s.values.push_back(v); break;
    case Fn::kStDev:
    case Fn::kStDevP: {
      if (!v.is_number()) return s.NotNumber(v);
      ++s.count;
      const double x = v.as_number();
      const double delta = x - s.mean;
      s.mean += delta / static_cast<double>(s.count);
      s.m2 += delta * (x - s.mean);
      break;
    }
    case Fn::kPercentileCont:
    case Fn::kPercentileDisc:
      if (!v.is_number()) return s.NotNumber(v);
      s.values.push_back(v);
      break;
  }
  return Status::OK();
}

Result<graph::Value> Aggregator::Finish() const {
  const State& s = *state_;
  if (!s.invalid.ok()) return s.invalid;
  switch (s.fn) {
    case Fn::kCount:
    case Fn::kCountStar: return Value(s.count);
    case Fn::kSum: return s.sum_is_float ? Value(s.float_sum) : Value(s.int_sum);
    case Fn::kAvg:
      if (s.count == 0) return Value();
      return Value(static_cast<double>(s.avg_sum / static_cast<long double>(s.count)));
    case Fn::kMin:
    case Fn::kMax: return s.best;
    case Fn::kCollect: return Value(s.values);
    case Fn::kStDev:
      if (s.count < 2) return Value(0.0);
      return Value(std::sqrt(s.m2 / static_cast<double>(s.count - 1)));
    case Fn::kStDevP:
      if (s.count == 0) return Value(0.0);
      return Value(std::sqrt(s.m2 / static_cast<double>(s.count)));
    case Fn::kPercentileCont:
    case Fn::kPercentileDisc: {
      if (s.values.empty()) return Value();
      graph::List sorted = s.values;
      std::sort(sorted.begin(), sorted.end(), [](const Value& a, const Value& b) { return Value::Compare(a, b) < 0; });
      const size_t n = sorted.size();
      if (s.fn == Fn::kPercentileDisc) {
        const double pos = s.percentile * static_cast<double>(n);
        size_t idx = static_cast<size_t>(std::ceil(pos));
        idx = idx == 0 ? 0 : idx - 1;
        return sorted[std::min(idx, n - 1)];
      }
      const double pos = s.percentile * static_cast<double>(n - 1);
      const size_t lo = static_cast<size_t>(std::floor(pos)), hi = static_cast<size_t>(std::ceil(pos));
      const double a = sorted[lo].as_number();
      if (lo == hi || hi >= n) return Value(a);
      const double b = sorted[hi].as_number();
      return Value(a + (b - a) * (pos - static_cast<double>(lo)));
    }
  }
  return Status::Internal("unexpected aggregate");
}

}  // namespace mnemo::engine
