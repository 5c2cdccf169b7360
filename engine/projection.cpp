// WITH / RETURN: see query_runner.hpp.
#include <algorithm>
#include <unordered_map>

#include "engine/expr_equality.hpp"
#include "engine/query_runner.hpp"

namespace mnemo::engine {

using graph::Value;

namespace {

struct RowHash {
  size_t operator()(const Row& r) const {
    size_t h = 0;
    for (const auto& v : r) h = h * 1000003 ^ v.Hash();
    return h;
  }
};
struct RowEq {
  bool operator()(const Row& a, const Row& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (!Value::Equivalent(a[i], b[i])) return false;
    return true;
  }
};

struct Item {
  const lang::Expr* expr;  // null for a `*` variable (then `slot` is its input slot)
  int slot = -1;
  std::string name;
  bool aggregate = false;
};

Result<int64_t> EvalCount(ExecContext& ctx, const lang::Expr& e, const char* what) {
  MNEMO_ASSIGN_OR_RETURN(Value v, EvalConstant(ctx, e));
  if (v.kind() == Value::Kind::kFloat && v.as_float() == static_cast<double>(static_cast<int64_t>(v.as_float())))
    v = Value(static_cast<int64_t>(v.as_float()));
  if (v.kind() != Value::Kind::kInt)
    return Status::TypeError(std::string(what) + " needs an integer, got " + v.ToString()).WithPosition(e.line, e.column);
  if (v.as_int() < 0)
    return Status::BindError(std::string(what) + " cannot be negative, got " + v.ToString(), e.line, e.column);
  return v.as_int();
}

}  // namespace

Status Project(ExecContext& ctx, const lang::Projection& proj, Scope& scope, std::vector<Row>& rows,
               std::vector<std::string>* column_names) {
  std::vector<Item> items;
  if (proj.star) {
    std::vector<std::string> names = scope.names();
    std::sort(names.begin(), names.end());
    for (const auto& n : names)
      if (!n.empty() && n[0] != ' ') items.push_back({nullptr, scope.Find(n), n, false});
  }
  bool aggregating = false;
  for (const auto& it : proj.items) {
    Item item{it.expr.get(), -1, it.alias.empty() ? it.text : it.alias, ContainsAggregate(*it.expr)};
    aggregating |= item.aggregate;
    items.push_back(item);
  }

  Scope out_scope;
  for (const auto& item : items) out_scope.Add(item.name);
  // Columns with the same name: later ones win the slot; keep positions stable.
  std::vector<int> out_slot;
  for (const auto& item : items) out_slot.push_back(out_scope.Find(item.name));

  std::vector<Row> projected;   // one per output row, sized out_scope
  std::vector<Row> originals;   // the input row each projected row came from (for ORDER BY)
  std::vector<const lang::Expr*> calls;           // aggregate calls of the items
  std::vector<std::vector<Value>> group_values;   // per output row: the value of each call
  if (!aggregating) {
    for (const Row& row : rows) {
      Row out(out_scope.size());
      for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].expr) {
          out[out_slot[i]] = row[items[i].slot];
          continue;
        }
        MNEMO_ASSIGN_OR_RETURN(out[out_slot[i]], ctx.eval.Eval(*items[i].expr, scope, row));
      }
      projected.push_back(std::move(out));
      originals.push_back(row);
    }
  } else {
    // Group by the values of the non-aggregate items.
    for (const auto& item : items)
      if (item.aggregate) CollectAggregates(*item.expr, calls);
    struct Group {
      Row representative;
      std::vector<Aggregator> aggs;
    };
    std::unordered_map<Row, size_t, RowHash, RowEq> index;
    std::vector<Group> groups;
    for (const Row& row : rows) {
      Row key;
      for (const auto& item : items) {
        if (item.aggregate) continue;
        if (!item.expr) { key.push_back(row[item.slot]); continue; }
        MNEMO_ASSIGN_OR_RETURN(Value v, ctx.eval.Eval(*item.expr, scope, row));
        key.push_back(std::move(v));
      }
      auto [it, fresh] = index.emplace(std::move(key), groups.size());
      if (fresh) {
        Group g{row, {}};
        for (const auto* call : calls) g.aggs.emplace_back(*call);
        groups.push_back(std::move(g));
      }
      Group& g = groups[it->second];
      for (size_t c = 0; c < calls.size(); ++c) {
        const lang::Expr& call = *calls[c];
        Value arg, extra;
        if (call.kind != lang::ExprKind::kCountStar && !call.children.empty()) {
          MNEMO_ASSIGN_OR_RETURN(arg, ctx.eval.Eval(*call.children[0], scope, row));
          if (call.children.size() > 1) {
            MNEMO_ASSIGN_OR_RETURN(extra, ctx.eval.Eval(*call.children[1], scope, row));
          }
        }
        MNEMO_RETURN_IF_ERROR(g.aggs[c].Add(arg, extra).WithPosition(call.line, call.column));
      }
    }
    const bool has_keys = std::any_of(items.begin(), items.end(), [](const Item& i) { return !i.aggregate; });
    if (groups.empty() && !has_keys) {
      Group g{Row(scope.size()), {}};
      for (const auto* call : calls) g.aggs.emplace_back(*call);
      groups.push_back(std::move(g));
    }
    for (const Group& g : groups) {
      AggregateValues values;
      std::vector<Value> finished;
      for (size_t c = 0; c < calls.size(); ++c) {
        MNEMO_ASSIGN_OR_RETURN(values[calls[c]], g.aggs[c].Finish());
        finished.push_back(values[calls[c]]);
      }
      group_values.push_back(std::move(finished));
      Row out(out_scope.size());
      for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].expr) { out[out_slot[i]] = g.representative[items[i].slot]; continue; }
        MNEMO_ASSIGN_OR_RETURN(out[out_slot[i]], ctx.eval.Eval(*items[i].expr, scope, g.representative, &values));
      }
      projected.push_back(std::move(out));
      originals.push_back(g.representative);
    }
  }

  if (proj.distinct) {
    std::unordered_map<Row, bool, RowHash, RowEq> seen;
    std::vector<Row> kept, kept_orig;
    std::vector<std::vector<Value>> kept_values;
    for (size_t i = 0; i < projected.size(); ++i)
      if (seen.emplace(projected[i], true).second) {
        kept.push_back(std::move(projected[i]));
        kept_orig.push_back(std::move(originals[i]));
        if (aggregating) kept_values.push_back(std::move(group_values[i]));
      }
    projected = std::move(kept);
    originals = std::move(kept_orig);
    group_values = std::move(kept_values);
  }

  if (!proj.order_by.empty()) {
    // Sort keys see the projected columns first, then (without DISTINCT)
    // the variables of the input — with aggregation, those of the group's
    // first row, and aggregate calls that repeat one of the items' calls.
    Scope sort_scope = out_scope;
    const bool see_inputs = !proj.distinct;
    std::vector<std::pair<const lang::Expr*, size_t>> sort_calls;  // (call in ORDER BY, index in `calls`)
    if (aggregating)
      for (const auto& sort : proj.order_by) {
        std::vector<const lang::Expr*> in_sort;
        CollectAggregates(*sort.expr, in_sort);
        for (const auto* call : in_sort) {
          size_t match = calls.size();
          for (size_t c = 0; c < calls.size() && match == calls.size(); ++c)
            if (SameExpr(*call, *calls[c])) match = c;
          if (match == calls.size())
            return Status::BindError("ORDER BY may only repeat aggregates of the projection", call->line, call->column);
          sort_calls.emplace_back(call, match);
        }
      }
    if (see_inputs)
      for (const auto& n : scope.names()) sort_scope.Add(n);
    std::vector<std::pair<std::vector<Value>, size_t>> keyed;
    for (size_t r = 0; r < projected.size(); ++r) {
      Row env = projected[r];
      env.resize(sort_scope.size());
      if (see_inputs)
        for (size_t i = 0; i < scope.size(); ++i) {
          const int s = sort_scope.Find(scope.names()[i]);
          if (static_cast<size_t>(s) >= out_scope.size()) env[s] = originals[r][i];
        }
      AggregateValues values;
      for (const auto& [call, c] : sort_calls) values[call] = group_values[r][c];
      std::vector<Value> keys;
      for (const auto& sort : proj.order_by) {
        MNEMO_ASSIGN_OR_RETURN(Value k, ctx.eval.Eval(*sort.expr, sort_scope, env, aggregating ? &values : nullptr));
        keys.push_back(std::move(k));
      }
      keyed.emplace_back(std::move(keys), r);
    }
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
      for (size_t i = 0; i < proj.order_by.size(); ++i) {
        int c = Value::Compare(a.first[i], b.first[i]);
        if (proj.order_by[i].descending) c = -c;
        if (c != 0) return c < 0;
      }
      return false;
    });
    std::vector<Row> sorted;
    for (auto& [k, r] : keyed) sorted.push_back(std::move(projected[r]));
    projected = std::move(sorted);
  }

  size_t skip = 0, limit = projected.size();
  if (proj.skip) {
    MNEMO_ASSIGN_OR_RETURN(int64_t s, EvalCount(ctx, *proj.skip, "SKIP"));
    skip = static_cast<size_t>(s);
  }
  if (proj.limit) {
    MNEMO_ASSIGN_OR_RETURN(int64_t l, EvalCount(ctx, *proj.limit, "LIMIT"));
    limit = static_cast<size_t>(l);
  }
  std::vector<Row> page;
  for (size_t i = skip; i < projected.size() && page.size() < limit; ++i) page.push_back(std::move(projected[i]));

  if (column_names) {
    column_names->clear();
    for (const auto& item : items) column_names->push_back(item.name);
    // Output rows in column order (duplicated names repeat the winning slot).
    for (Row& r : page) {
      Row ordered;
      for (size_t i = 0; i < items.size(); ++i) ordered.push_back(r[out_slot[i]]);
      r = std::move(ordered);
    }
  }
  scope = std::move(out_scope);
  rows = std::move(page);
  return Status::OK();
}

}  // namespace mnemo::engine
