// AstBuilder: Cypher clauses, queries and the statement wrapper.
#include <utility>

#include "lang/ast_builder.hpp"

namespace mnemo::lang::internal {

namespace {

bool IsFlag(const Item& it, Flag f) { return it.tag == ItemTag::kFlag && it.code == static_cast<int>(f); }
bool IsPart(const Item& it, Part p) { return it.tag == ItemTag::kPart && it.code == static_cast<int>(p); }

}  // namespace

void AstBuilder::MatchClause(Pos p) {
  auto items = TakeSinceMark();
  lang::MatchClause match;
  for (auto& it : items) {
    if (IsFlag(it, Flag::kOptional)) {
      match.optional = true;
    } else if (it.tag == ItemTag::kPattern) {
      match.pattern = std::move(std::get<lang::Pattern>(it.node));
    } else if (IsPart(it, Part::kWhere)) {
      match.where = std::move(it.expr);
    }
  }
  PushNode(ItemTag::kClause, p, Clause{p.line, p.column, std::move(match)});
}

void AstBuilder::UnwindClause(Pos p) {
  auto items = TakeSinceMark();
  lang::UnwindClause unwind;
  unwind.list = TakeExpr(items.at(0));
  unwind.variable = std::move(items.at(1).text);
  PushNode(ItemTag::kClause, p, Clause{p.line, p.column, std::move(unwind)});
}

void AstBuilder::ProjectionExpr(std::string_view text) {
  Item item = PopItem();
  lang::ProjectionItem pi;
  pi.expr = TakeExpr(item);
  pi.text = std::string(text);
  PushNode(ItemTag::kProjectionItem, item.pos, std::move(pi));
}

void AstBuilder::ProjectionItem() {
  auto items = TakeSinceMark();
  auto& pi = std::get<lang::ProjectionItem>(items.at(0).node);
  if (items.size() > 1) pi.alias = std::move(items[1].text);
  Push(std::move(items[0]));
}

void AstBuilder::SortItem() {
  auto items = TakeSinceMark();
  lang::SortItem sort;
  sort.expr = TakeExpr(items.at(0));
  sort.descending = items.size() > 1 && IsFlag(items[1], Flag::kDesc);
  PushNode(ItemTag::kSortItem, items[0].pos, std::move(sort));
}

namespace {

// Fills a projection from the items of WITH / RETURN; returns the WHERE, if any.
ExprPtr FillProjection(std::vector<Item>& items, Projection* proj) {
  ExprPtr where;
  for (auto& it : items) {
    if (IsFlag(it, Flag::kDistinct)) {
      proj->distinct = true;
    } else if (IsFlag(it, Flag::kStar)) {
      proj->star = true;
    } else if (it.tag == ItemTag::kProjectionItem) {
      proj->items.push_back(std::move(std::get<ProjectionItem>(it.node)));
    } else if (it.tag == ItemTag::kSortItem) {
      proj->order_by.push_back(std::move(std::get<SortItem>(it.node)));
    } else if (IsPart(it, Part::kSkip)) {
      proj->skip = std::move(it.expr);
    } else if (IsPart(it, Part::kLimit)) {
      proj->limit = std::move(it.expr);
    } else if (IsPart(it, Part::kWhere)) {
      where = std::move(it.expr);
    }
  }
  return where;
}

}  // namespace

void AstBuilder::WithClause(Pos p) {
  auto items = TakeSinceMark();
  lang::WithClause with;
  with.where = FillProjection(items, &with.projection);
  PushNode(ItemTag::kClause, p, Clause{p.line, p.column, std::move(with)});
}

void AstBuilder::ReturnClause(Pos p) {
  auto items = TakeSinceMark();
  lang::ReturnClause ret;
  FillProjection(items, &ret.projection);
  PushNode(ItemTag::kClause, p, Clause{p.line, p.column, std::move(ret)});
}

void AstBuilder::CreateClause(Pos p) {
  auto items = TakeSinceMark();
  lang::CreateClause create;
  create.pattern = std::move(std::get<lang::Pattern>(items.at(0).node));
  PushNode(ItemTag::kClause, p, Clause{p.line, p.column, std::move(create)});
}

void AstBuilder::SetLabelsItem(Pos p) {
  auto items = TakeSinceMark();
  SetItem item;
  item.kind = SetItemKind::kLabels;
  item.line = p.line;
  item.column = p.column;
  item.variable = std::move(items.at(0).text);
  for (size_t i = 1; i < items.size(); ++i) item.labels.push_back(std::move(items[i].text));
  PushNode(ItemTag::kSetItem, p, std::move(item));
}

void AstBuilder::SetVariableItem(Pos p) {
  auto items = TakeSinceMark();
  SetItem item;
  item.kind = SetItemKind::kReplace;
  item.line = p.line;
  item.column = p.column;
  item.variable = std::move(items.at(0).text);
  for (size_t i = 1; i < items.size(); ++i) {
    if (IsFlag(items[i], Flag::kMergeAssign)) {
      item.kind = SetItemKind::kMerge;
    } else {
      item.value = TakeExpr(items[i]);
    }
  }
  PushNode(ItemTag::kSetItem, p, std::move(item));
}

void AstBuilder::SetPropertyItem(Pos p) {
  auto items = TakeSinceMark();
  SetItem item;
  item.kind = SetItemKind::kProperty;
  item.line = p.line;
  item.column = p.column;
  item.property = TakeExpr(items.at(0));
  if (item.property->kind != ExprKind::kProperty) {
    Fail("expected a property such as n.key on the left of '=' in SET", p);
  }
  item.value = TakeExpr(items.at(1));
  PushNode(ItemTag::kSetItem, p, std::move(item));
}

void AstBuilder::SetClause(Pos p) {
  auto items = TakeSinceMark();
  lang::SetClause set;
  for (auto& it : items) set.items.push_back(std::move(std::get<lang::SetItem>(it.node)));
  PushNode(ItemTag::kClause, p, Clause{p.line, p.column, std::move(set)});
}

void AstBuilder::MergeClause(Pos p) {
  auto items = TakeSinceMark();
  lang::MergeClause merge;
  merge.pattern = std::move(std::get<lang::PatternPart>(items.at(0).node));
  bool on_create = true;
  for (size_t i = 1; i < items.size(); ++i) {
    if (IsFlag(items[i], Flag::kOnCreate)) {
      on_create = true;
    } else if (IsFlag(items[i], Flag::kOnMatch)) {
      on_create = false;
    } else {
      auto& target = on_create ? merge.on_create : merge.on_match;
      target.push_back(std::move(std::get<lang::SetItem>(items[i].node)));
    }
  }
  PushNode(ItemTag::kClause, p, Clause{p.line, p.column, std::move(merge)});
}

void AstBuilder::RemoveLabelsItem(Pos p) {
  auto items = TakeSinceMark();
  RemoveItem item;
  item.kind = RemoveItemKind::kLabels;
  item.line = p.line;
  item.column = p.column;
  item.variable = std::move(items.at(0).text);
  for (size_t i = 1; i < items.size(); ++i) item.labels.push_back(std::move(items[i].text));
  PushNode(ItemTag::kRemoveItem, p, std::move(item));
}

void AstBuilder::RemovePropertyItem(Pos p) {
  auto items = TakeSinceMark();
  RemoveItem item;
  item.kind = RemoveItemKind::kProperty;
  item.line = p.line;
  item.column = p.column;
  item.property = TakeExpr(items.at(0));
  if (item.property->kind != ExprKind::kProperty) {
    Fail("expected a property such as n.key or labels such as n:Label to REMOVE", p);
  }
  PushNode(ItemTag::kRemoveItem, p, std::move(item));
}

void AstBuilder::RemoveClause(Pos p) {
  auto items = TakeSinceMark();
  lang::RemoveClause remove;
  for (auto& it : items) remove.items.push_back(std::move(std::get<lang::RemoveItem>(it.node)));
  PushNode(ItemTag::kClause, p, Clause{p.line, p.column, std::move(remove)});
}

void AstBuilder::DeleteClause(Pos p) {
  auto items = TakeSinceMark();
  lang::DeleteClause del;
  for (auto& it : items) {
    if (IsFlag(it, Flag::kDetach)) {
      del.detach = true;
    } else {
      del.targets.push_back(TakeExpr(it));
    }
  }
  PushNode(ItemTag::kClause, p, Clause{p.line, p.column, std::move(del)});
}

void AstBuilder::SingleQuery() {
  auto items = TakeSinceMark();
  lang::SingleQuery single;
  Pos p = items.empty() ? Pos{} : items.front().pos;
  for (auto& it : items) single.clauses.push_back(std::move(std::get<Clause>(it.node)));
  PushNode(ItemTag::kSingleQuery, p, std::move(single));
}

void AstBuilder::Query() {
  auto items = TakeSinceMark();
  lang::Query query;
  Pos p = items.empty() ? Pos{} : items.front().pos;
  bool all = false;
  for (auto& it : items) {
    if (IsFlag(it, Flag::kUnionAll)) {
      all = true;
      continue;
    }
    if (!query.parts.empty()) query.union_all.push_back(all);
    all = false;
    query.parts.push_back(std::move(std::get<lang::SingleQuery>(it.node)));
  }
  PushNode(ItemTag::kQuery, p, std::move(query));
}

void AstBuilder::CypherStatement() {
  auto items = TakeSinceMark();
  ExprPtr as_of, known_at;
  uint64_t seen = 0;
  for (size_t i = 1; i < items.size(); ++i) {
    Item& o = items[i];
    CheckOnce(&seen, o);
    (static_cast<OptionKind>(o.code) == OptionKind::kAsOf ? as_of : known_at) = std::move(o.expr);
  }
  PushStatementBody(std::move(std::get<lang::Query>(items.at(0).node)), std::move(as_of), std::move(known_at));
}

void AstBuilder::PushStatementBody(decltype(lang::Statement::body) body, ExprPtr as_of, ExprPtr known_at) {
  lang::Statement st;
  st.body = std::move(body);
  st.as_of = std::move(as_of);
  st.known_at = std::move(known_at);
  PushNode(ItemTag::kStatement, Pos{}, std::move(st));
}

void AstBuilder::Statement(Pos p, size_t length) {
  auto items = TakeSinceMark();
  lang::Statement st = std::move(std::get<lang::Statement>(items.back().node));
  st.explain = items.size() > 1 && IsFlag(items[0], Flag::kExplain);
  st.line = p.line;
  st.column = p.column;
  st.offset = p.offset;
  st.length = length;
  script_.statements.push_back(std::move(st));
}

}  // namespace mnemo::lang::internal
