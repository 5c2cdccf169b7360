// AstBuilder: stack mechanics, literals, expressions and patterns.
#include "lang/ast_builder.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

#include "lang/time_literal.hpp"
#include "lang/utf8.hpp"

namespace mnemo::lang::internal {

namespace {

// An Expr item whose int literal is 2^63: valid only right under a unary minus.
constexpr int kPendingMinInt = 1;

// Position of byte `offset` inside `text`, which starts at `base`.
Pos PosAt(Pos base, std::string_view text, size_t offset) {
  Pos p = base;
  p.offset += offset;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

std::string DecodeName(std::string_view raw) {
  if (raw.size() >= 2 && raw.front() == '`') {
    std::string out;
    raw = raw.substr(1, raw.size() - 2);
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
      out.push_back(raw[i]);
      if (raw[i] == '`' && i + 1 < raw.size() && raw[i + 1] == '`') ++i;
    }
    return out;
  }
  return std::string(raw);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsQuantifierName(std::string_view name) {
  auto eq = [&](std::string_view w) {
    if (name.size() != w.size()) return false;
    for (size_t i = 0; i < w.size(); ++i) {
      if ((name[i] | 0x20) != w[i]) return false;
    }
    return true;
  };
  return eq("all") || eq("any") || eq("none") || eq("single");
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// `x IN list` with a plain variable on the left: the head of a comprehension.
bool IsInWithVariable(const Expr& e) {
  return e.kind == ExprKind::kBinary && e.binary_op == BinaryOp::kIn && e.children[0]->kind == ExprKind::kVariable;
}

std::unique_ptr<Comprehension> ComprehensionFromIn(Expr& in_expr) {
  auto c = std::make_unique<Comprehension>();
  c->variable = std::move(in_expr.children[0]->text);
  c->list = std::move(in_expr.children[1]);
  return c;
}

BinaryOp ToBinaryOp(OpCode op) {
  switch (op) {
    case OpCode::kOr:
      return BinaryOp::kOr;
    case OpCode::kXor:
      return BinaryOp::kXor;
    case OpCode::kAnd:
      return BinaryOp::kAnd;
    case OpCode::kEq:
      return BinaryOp::kEq;
    case OpCode::kNe:
      return BinaryOp::kNe;
    case OpCode::kLt:
      return BinaryOp::kLt;
    case OpCode::kLe:
      return BinaryOp::kLe;
    case OpCode::kGt:
      return BinaryOp::kGt;
    case OpCode::kGe:
      return BinaryOp::kGe;
    case OpCode::kAdd:
      return BinaryOp::kAdd;
    case OpCode::kSub:
      return BinaryOp::kSub;
    case OpCode::kMul:
      return BinaryOp::kMul;
    case OpCode::kDiv:
      return BinaryOp::kDiv;
    case OpCode::kMod:
      return BinaryOp::kMod;
    case OpCode::kPow:
      return BinaryOp::kPow;
    case OpCode::kStartsWith:
      return BinaryOp::kStartsWith;
    case OpCode::kEndsWith:
      return BinaryOp::kEndsWith;
    case OpCode::kContains:
      return BinaryOp::kContains;
    case OpCode::kIn:
      return BinaryOp::kIn;
    case OpCode::kRegexMatch:
      return BinaryOp::kRegexMatch;
    default:
      break;
  }
  return BinaryOp::kOr;
}

}  // namespace

// ------------------------------------------------------------------ mechanics

void AstBuilder::Fail(std::string message, Pos p) {
  throw SyntaxException{StatusCode::kSyntaxError, std::move(message), p.line, p.column};
}

void AstBuilder::EnterExpression(Pos p) {
  if (++depth_ > kMaxExpressionDepth) {
    throw SyntaxException{StatusCode::kResourceLimit,
                          "expression nested too deeply (more than " + std::to_string(kMaxExpressionDepth) + " levels)",
                          p.line, p.column};
  }
  if (stack_guard_.NearlyExhausted()) {
    throw SyntaxException{StatusCode::kResourceLimit,
                          "expression nested too deeply for the parser's stack (" + std::to_string(depth_) + " levels)",
                          p.line, p.column};
  }
}

std::vector<Item> AstBuilder::TakeSinceMark() {
  const size_t mark = Mark();
  std::vector<Item> out;
  out.reserve(items_.size() - mark);
  for (size_t i = mark; i < items_.size(); ++i) out.push_back(std::move(items_[i]));
  items_.resize(mark);
  return out;
}

Item AstBuilder::PopItem() {
  // May take an item below the current rule's mark (the left operand of a
  // binary tail, the object of a property lookup): the caller pushes the
  // combined item right away, so the marks are consistent again before any
  // rule can fail.
  Item item = std::move(items_.back());
  items_.pop_back();
  return item;
}

ExprPtr AstBuilder::TakeExpr(Item& item) {
  if (item.tag != ItemTag::kExpr || !item.expr) Fail("internal parser error: expected an expression", item.pos);
  if (item.code == kPendingMinInt) {
    Fail("integer literal is too large for a 64-bit integer", item.pos);
  }
  return std::move(item.expr);
}

ExprPtr AstBuilder::PopExpr() {
  Item item = PopItem();
  return TakeExpr(item);
}

void AstBuilder::PushNode(ItemTag tag, Pos p, decltype(Item::node) node) {
  Item item;
  item.tag = tag;
  item.pos = p;
  item.node = std::move(node);
  Push(std::move(item));
}

// --------------------------------------------------------------------- leaves

void AstBuilder::PushName(NameRole role, std::string_view raw, Pos p) {
  Item item;
  item.tag = ItemTag::kName;
  item.code = static_cast<int>(role);
  item.pos = p;
  item.text = DecodeName(raw);
  Push(std::move(item));
}

void AstBuilder::PushDottedName(NameRole role, std::string_view raw, Pos p) {
  std::string joined;
  size_t start = 0;
  bool quoted = false;
  for (size_t i = 0; i <= raw.size(); ++i) {
    if (i < raw.size() && raw[i] == '`') quoted = !quoted;
    if (i == raw.size() || (!quoted && raw[i] == '.')) {
      if (!joined.empty()) joined.push_back('.');
      joined += DecodeName(raw.substr(start, i - start));
      start = i + 1;
    }
  }
  Item item;
  item.tag = ItemTag::kName;
  item.code = static_cast<int>(role);
  item.pos = p;
  item.text = std::move(joined);
  Push(std::move(item));
}

void AstBuilder::PushFlag(Flag f, Pos p, int value) {
  Item item;
  item.tag = ItemTag::kFlag;
  item.code = static_cast<int>(f);
  item.pos = p;
  item.value = value;
  Push(std::move(item));
}

void AstBuilder::PushOp(OpCode op, Pos p) {
  Item item;
  item.tag = ItemTag::kOp;
  item.code = static_cast<int>(op);
  item.pos = p;
  Push(std::move(item));
}

namespace {

// 1 + the height of e's tallest direct sub-expression (their heights are set).
int ComputeHeight(const Expr& e) {
  int h = 0;
  auto see = [&h](const ExprPtr& sub) {
    if (sub && sub->height > h) h = sub->height;
  };
  for (const auto& c : e.children) see(c);
  if (e.case_expr) {
    see(e.case_expr->subject);
    for (const auto& alt : e.case_expr->alternatives) {
      see(alt.when);
      see(alt.then);
    }
    see(e.case_expr->otherwise);
  }
  if (e.comprehension) {
    see(e.comprehension->list);
    see(e.comprehension->where);
    see(e.comprehension->projection);
  }
  if (e.pattern) {
    for (const auto& n : e.pattern->nodes) see(n.properties);
    for (const auto& r : e.pattern->rels) see(r.properties);
  }
  return h + 1;
}

[[noreturn]] void FailTooTall(int line, int column) {
  throw SyntaxException{StatusCode::kResourceLimit,
                        "expression too deep: more than " + std::to_string(kMaxExprHeight) +
                            " nested operations (split it or use a list with IN)",
                        line, column};
}

}  // namespace

void AstBuilder::PushExpr(ExprPtr e) {
  const Pos at{e->line, e->column, 0};
  PushExpr(std::move(e), at);
}

void AstBuilder::PushExpr(ExprPtr e, Pos blame) {
  e->height = ComputeHeight(*e);
  if (e->height > kMaxExprHeight) FailTooTall(blame.line, blame.column);
  Item item;
  item.tag = ItemTag::kExpr;
  item.pos = Pos{e->line, e->column, 0};
  item.expr = std::move(e);
  Push(std::move(item));
}

void AstBuilder::IntLiteral(std::string_view digits, int base, Pos p) {
  constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  uint64_t value = 0;
  for (char c : digits) {
    const int d = HexValue(c);
    if (value > (std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      Fail("integer literal is too large for a 64-bit integer", p);
    }
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  if (value <= kMax) {
    PushExpr(MakeInt(static_cast<int64_t>(value), p.line, p.column));
    return;
  }
  if (value != kMax + 1) Fail("integer literal is too large for a 64-bit integer", p);
  // 2^63 is only valid as the operand of a unary minus (ApplyPrefixOps folds it).
  PushExpr(MakeInt(std::numeric_limits<int64_t>::min(), p.line, p.column));
  Top().code = kPendingMinInt;
  Top().pos = p;
}

void AstBuilder::DoubleLiteral(std::string_view text, Pos p) {
  double v = 0;
  const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
  if (res.ec != std::errc() || !std::isfinite(v)) Fail("float literal is out of range", p);
  PushExpr(MakeDouble(v, p.line, p.column));
}

void AstBuilder::StringLiteral(std::string_view quoted, Pos p) {
  std::string out;
  out.reserve(quoted.size());
  const size_t end = quoted.size() - 1;  // closing quote
  for (size_t i = 1; i < end; ++i) {
    const char c = quoted[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    const size_t esc_at = i;
    const char e = quoted[++i];
    switch (e) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'u':
      case 'U': {
        const int n = e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (int k = 0; k < n; ++k) cp = cp * 16 + static_cast<uint32_t>(HexValue(quoted[i + 1 + k]));
        i += n;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < end && quoted[i + 1] == '\\' && quoted[i + 2] == 'u') {
          uint32_t lo = 0;
          bool hex = true;
          for (int k = 0; k < 4; ++k) {
            const int h = HexValue(quoted[i + 3 + k]);
            hex = hex && h >= 0;
            lo = lo * 16 + static_cast<uint32_t>(h < 0 ? 0 : h);
          }
          if (hex && lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
          Fail("invalid unicode escape: not a Unicode scalar value", PosAt(p, quoted, esc_at));
        }
        AppendUtf8(cp, &out);
        break;
      }
      default:
        out.push_back(e);
        break;  // \\ \' \" \/
    }
  }
  PushExpr(MakeString(std::move(out), p.line, p.column));
}

void AstBuilder::Parameter(std::string_view raw_name, Pos p) {
  auto e = std::make_unique<Expr>(ExprKind::kParameter, p.line, p.column);
  e->text = DecodeName(raw_name);
  PushExpr(std::move(e));
}

void AstBuilder::VariableRef(std::string_view raw_name, Pos p) {
  PushExpr(MakeVariable(DecodeName(raw_name), p.line, p.column));
}

void AstBuilder::TimeLiteral(std::string_view text, Pos p) {
  LiteralError err;
  const auto micros = ParseIsoDateTime(text, &err);
  if (!micros) Fail("invalid date/time: " + err.message, PosAt(p, text, err.offset));
  auto e = std::make_unique<Expr>(ExprKind::kTime, p.line, p.column);
  e->int_value = *micros;
  PushExpr(std::move(e));
}

void AstBuilder::DurationLiteral(std::string_view text, Pos p) {
  LiteralError err;
  const auto micros = ParseDurationLiteral(text, &err);
  if (!micros) Fail("invalid duration: " + err.message, PosAt(p, text, err.offset));
  auto e = std::make_unique<Expr>(ExprKind::kDuration, p.line, p.column);
  e->int_value = *micros;
  PushExpr(std::move(e));
}

void AstBuilder::RangeInt(std::string_view digits, Pos p) {
  int64_t v = 0;
  const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (res.ec != std::errc()) Fail("path length bound is too large", p);
  PushExpr(MakeInt(v, p.line, p.column));
}

// ---------------------------------------------------------------- expressions

void AstBuilder::Wrap(Part part, Pos p) {
  ExprPtr e = PopExpr();
  Item item;
  item.tag = ItemTag::kPart;
  item.code = static_cast<int>(part);
  item.pos = p;
  item.expr = std::move(e);
  Push(std::move(item));
}

void AstBuilder::CaseWhen(Pos p) {
  ExprPtr then = PopExpr();
  ExprPtr when = PopExpr();
  Item item;
  item.tag = ItemTag::kPart;
  item.code = static_cast<int>(Part::kCaseWhen);
  item.pos = p;
  item.expr = std::move(when);
  item.expr2 = std::move(then);
  Push(std::move(item));
}

void AstBuilder::Case(Pos p) {
  auto items = TakeSinceMark();
  auto e = std::make_unique<Expr>(ExprKind::kCase, p.line, p.column);
  e->case_expr = std::make_unique<CaseExpr>();
  for (auto& it : items) {
    if (it.tag == ItemTag::kExpr) {
      e->case_expr->subject = TakeExpr(it);
    } else if (it.code == static_cast<int>(Part::kCaseWhen)) {
      e->case_expr->alternatives.push_back({std::move(it.expr), std::move(it.expr2)});
    } else {
      e->case_expr->otherwise = std::move(it.expr);
    }
  }
  PushExpr(std::move(e));
}

void AstBuilder::ListAtom(Pos p) {
  auto items = TakeSinceMark();
  std::vector<ExprPtr> elements;
  ExprPtr where, projection;
  bool has_where = false, has_projection = false, first_parenthesized = false;
  for (auto& it : items) {
    if (it.tag == ItemTag::kExpr) {
      if (elements.empty()) first_parenthesized = it.parenthesized;
      elements.push_back(TakeExpr(it));
    } else if (it.code == static_cast<int>(Part::kListWhere)) {
      where = std::move(it.expr);
      has_where = true;
    } else {
      projection = std::move(it.expr);
      has_projection = true;
    }
  }
  if (!has_where && !has_projection) {
    if (elements.size() == 1 && !first_parenthesized && IsInWithVariable(*elements[0])) {
      // [x IN list] is a comprehension (as in Neo4j), not a list of one boolean.
      auto e = std::make_unique<Expr>(ExprKind::kListComprehension, p.line, p.column);
      e->comprehension = ComprehensionFromIn(*elements[0]);
      PushExpr(std::move(e));
      return;
    }
    auto e = std::make_unique<Expr>(ExprKind::kList, p.line, p.column);
    e->children = std::move(elements);
    PushExpr(std::move(e));
    return;
  }
  if (elements.size() != 1) {
    Fail("a list comprehension needs exactly one 'variable IN list' before WHERE or '|'", p);
  }
  Expr& head = *elements[0];
  if (!first_parenthesized && IsInWithVariable(head)) {
    auto e = std::make_unique<Expr>(ExprKind::kListComprehension, p.line, p.column);
    e->comprehension = ComprehensionFromIn(head);
    e->comprehension->where = std::move(where);
    e->comprehension->projection = std::move(projection);
    PushExpr(std::move(e));
    return;
  }
  if (head.kind == ExprKind::kPatternPredicate) {
    if (!has_projection) Fail("a pattern comprehension needs '| expression'", p);
    auto e = std::make_unique<Expr>(ExprKind::kPatternComprehension, p.line, p.column);
    e->pattern = std::move(head.pattern);
    e->comprehension = std::make_unique<Comprehension>();
    e->comprehension->where = std::move(where);
    e->comprehension->projection = std::move(projection);
    PushExpr(std::move(e));
    return;
  }
  Fail("expected 'variable IN list' (or a pattern) before WHERE or '|' in a list comprehension",
       Pos{head.line, head.column, 0});
}

void AstBuilder::MapLiteral(Pos p) {
  auto items = TakeSinceMark();
  auto e = std::make_unique<Expr>(ExprKind::kMap, p.line, p.column);
  for (auto& it : items) {
    if (it.tag == ItemTag::kName) {
      e->names.push_back(std::move(it.text));
    } else {
      e->children.push_back(TakeExpr(it));
    }
  }
  PushExpr(std::move(e));
}

void AstBuilder::FunctionCall(Pos p) {
  auto items = TakeSinceMark();
  auto e = std::make_unique<Expr>(ExprKind::kFunctionCall, p.line, p.column);
  ExprPtr where;
  bool has_where = false, first_parenthesized = false;
  for (auto& it : items) {
    switch (it.tag) {
      case ItemTag::kName:
        e->text = std::move(it.text);
        break;
      case ItemTag::kFlag:
        e->distinct = true;
        break;
      case ItemTag::kPart:
        where = std::move(it.expr);
        has_where = true;
        break;
      default:
        if (e->children.empty()) first_parenthesized = it.parenthesized;
        e->children.push_back(TakeExpr(it));
        break;
    }
  }
  const bool quantifier_shape = IsQuantifierName(e->text) && e->children.size() == 1 && !e->distinct &&
                                !first_parenthesized && IsInWithVariable(*e->children[0]);
  if (quantifier_shape) {
    auto q = std::make_unique<Expr>(ExprKind::kQuantifier, p.line, p.column);
    q->text = Lower(e->text);
    q->comprehension = ComprehensionFromIn(*e->children[0]);
    q->comprehension->where = std::move(where);
    PushExpr(std::move(q));
    return;
  }
  if (has_where) Fail("WHERE inside a call is only allowed in all/any/none/single(x IN list WHERE ...)", p);
  PushExpr(std::move(e));
}

void AstBuilder::PatternPredicate(Pos p) {
  PatternPart(p);
  Item part = PopItem();
  auto e = std::make_unique<Expr>(ExprKind::kPatternPredicate, p.line, p.column);
  e->pattern = std::make_unique<lang::PatternPart>(std::move(std::get<lang::PatternPart>(part.node)));
  PushExpr(std::move(e));
}

void AstBuilder::PropertyLookup() {
  auto items = TakeSinceMark();
  ExprPtr object = PopExpr();
  auto e = std::make_unique<Expr>(ExprKind::kProperty, object->line, object->column);
  const Pos key_at = items.at(0).pos;
  e->text = std::move(items.at(0).text);
  e->children.push_back(std::move(object));
  PushExpr(std::move(e), key_at);
}

void AstBuilder::IndexOrSlice() {
  auto items = TakeSinceMark();
  ExprPtr object = PopExpr();
  ExprPtr from, to;
  bool dots = false;
  for (auto& it : items) {
    if (it.tag == ItemTag::kFlag) {
      dots = true;
    } else if (dots) {
      to = TakeExpr(it);
    } else {
      from = TakeExpr(it);
    }
  }
  auto e = std::make_unique<Expr>(dots ? ExprKind::kSlice : ExprKind::kIndex, object->line, object->column);
  e->children.push_back(std::move(object));
  e->children.push_back(std::move(from));
  if (dots) e->children.push_back(std::move(to));
  PushExpr(std::move(e));
}

void AstBuilder::LabelPredicate() {
  auto items = TakeSinceMark();
  ExprPtr operand = PopExpr();
  auto e = std::make_unique<Expr>(ExprKind::kLabelPredicate, operand->line, operand->column);
  for (auto& it : items) e->names.push_back(std::move(it.text));
  e->children.push_back(std::move(operand));
  PushExpr(std::move(e));
}

void AstBuilder::ApplyPrefixOps() {
  if (items_.size() - Mark() <= 1) return;  // no prefix operator
  auto items = TakeSinceMark();
  Item operand_item = std::move(items.back());
  items.pop_back();
  size_t n = items.size();
  if (operand_item.code == kPendingMinInt && items[n - 1].code == static_cast<int>(OpCode::kNegate)) {
    // -9223372036854775808: fold into the literal.
    operand_item.code = 0;
    operand_item.expr->line = items[n - 1].pos.line;
    operand_item.expr->column = items[n - 1].pos.column;
    --n;
  }
  ExprPtr e = TakeExpr(operand_item);
  if (static_cast<size_t>(e->height) + n > static_cast<size_t>(kMaxExprHeight)) {
    FailTooTall(items[0].pos.line, items[0].pos.column);
  }
  for (size_t i = n; i-- > 0;) {
    const auto op = static_cast<OpCode>(items[i].code);
    const UnaryOp uop = op == OpCode::kNot ? UnaryOp::kNot : op == OpCode::kNegate ? UnaryOp::kNegate : UnaryOp::kPlus;
    e = MakeUnary(uop, std::move(e), items[i].pos.line, items[i].pos.column);
    e->height = ComputeHeight(*e);
  }
  PushExpr(std::move(e));
}

void AstBuilder::BinaryTail() {
  ExprPtr rhs = PopExpr();
  Item op = PopItem();
  ExprPtr lhs = PopExpr();
  PushExpr(MakeBinary(ToBinaryOp(static_cast<OpCode>(op.code)), std::move(lhs), std::move(rhs)), op.pos);
}

void AstBuilder::IsNullTail() {
  const bool negated = items_.size() > Mark();
  items_.resize(Mark());
  ExprPtr operand = PopExpr();
  auto e = std::make_unique<Expr>(negated ? ExprKind::kIsNotNull : ExprKind::kIsNull, operand->line, operand->column);
  e->children.push_back(std::move(operand));
  PushExpr(std::move(e));
}

void AstBuilder::Comparison() {
  if (items_.size() - Mark() <= 1) return;  // no comparison operator
  auto items = TakeSinceMark();
  std::vector<ExprPtr> operands;
  std::vector<BinaryOp> ops;
  for (auto& it : items) {
    if (it.tag == ItemTag::kOp) {
      ops.push_back(ToBinaryOp(static_cast<OpCode>(it.code)));
    } else {
      operands.push_back(TakeExpr(it));
    }
  }
  if (ops.size() > static_cast<size_t>(kMaxExprHeight)) FailTooTall(items[0].pos.line, items[0].pos.column);
  // a < b < c  ==>  (a < b) AND (b < c): an operand shared by two
  // comparisons is cloned for the first one and moved into the second.
  ExprPtr result;
  for (size_t i = 0; i < ops.size(); ++i) {
    ExprPtr lhs = std::move(operands[i]);
    ExprPtr rhs = i + 1 < ops.size() ? Clone(*operands[i + 1]) : std::move(operands[i + 1]);
    ExprPtr cmp = MakeBinary(ops[i], std::move(lhs), std::move(rhs));
    cmp->height = ComputeHeight(*cmp);
    result = result ? MakeBinary(BinaryOp::kAnd, std::move(result), std::move(cmp)) : std::move(cmp);
    result->height = ComputeHeight(*result);
  }
  PushExpr(std::move(result));
}

void AstBuilder::EntityRef(Pos p) {
  auto items = TakeSinceMark();
  auto e = std::make_unique<Expr>(ExprKind::kEntityRef, p.line, p.column);
  e->text = std::move(items.at(0).text);
  e->children.push_back(TakeExpr(items.at(1)));
  PushExpr(std::move(e));
}

// ------------------------------------------------------------------- patterns

void AstBuilder::NodePattern(Pos p) {
  auto items = TakeSinceMark();
  lang::NodePattern node;
  node.line = p.line;
  node.column = p.column;
  for (auto& it : items) {
    if (it.tag == ItemTag::kName) {
      if (it.code == static_cast<int>(NameRole::kVariable)) {
        node.variable = std::move(it.text);
      } else {
        node.labels.push_back(std::move(it.text));
      }
    } else {
      node.properties = TakeExpr(it);
    }
  }
  PushNode(ItemTag::kNode, p, std::move(node));
}

void AstBuilder::VarLength() {
  Pos p = items_.size() > Mark() ? items_[Mark()].pos : Pos{};
  auto items = TakeSinceMark();
  lang::VarLength range;
  bool dots = false;
  for (auto& it : items) {
    if (it.tag == ItemTag::kFlag) {
      dots = true;
    } else if (dots) {
      range.max = it.expr->int_value;
    } else {
      range.min = it.expr->int_value;
    }
  }
  if (!dots && range.min) range.max = range.min;  // *2 means exactly 2
  PushNode(ItemTag::kVarLength, p, range);
}

void AstBuilder::RelPattern(Pos p) {
  auto items = TakeSinceMark();
  lang::RelPattern rel;
  rel.line = p.line;
  rel.column = p.column;
  bool left = false, right = false;
  for (auto& it : items) {
    switch (it.tag) {
      case ItemTag::kFlag:
        if (it.code == static_cast<int>(Flag::kLeftHead)) left = true;
        if (it.code == static_cast<int>(Flag::kRightHead)) right = true;
        break;
      case ItemTag::kName:
        if (it.code == static_cast<int>(NameRole::kVariable)) {
          rel.variable = std::move(it.text);
        } else {
          rel.types.push_back(std::move(it.text));
        }
        break;
      case ItemTag::kVarLength:
        rel.var_length = std::get<lang::VarLength>(it.node);
        break;
      default:
        rel.properties = TakeExpr(it);
        break;
    }
  }
  rel.direction = left && right ? RelDirection::kBoth
                  : left        ? RelDirection::kLeft
                  : right       ? RelDirection::kRight
                                : RelDirection::kNone;
  PushNode(ItemTag::kRel, p, std::move(rel));
}

void AstBuilder::PatternPart(Pos p) {
  auto items = TakeSinceMark();
  lang::PatternPart part;
  part.line = p.line;
  part.column = p.column;
  for (auto& it : items) {
    if (it.tag == ItemTag::kName) {
      part.path_variable = std::move(it.text);
    } else if (it.tag == ItemTag::kNode) {
      part.nodes.push_back(std::move(std::get<lang::NodePattern>(it.node)));
    } else {
      part.rels.push_back(std::move(std::get<lang::RelPattern>(it.node)));
    }
  }
  PushNode(ItemTag::kPatternPart, p, std::move(part));
}

void AstBuilder::Pattern() {
  auto items = TakeSinceMark();
  lang::Pattern pattern;
  Pos p = items.empty() ? Pos{} : items.front().pos;
  for (auto& it : items) pattern.parts.push_back(std::move(std::get<lang::PatternPart>(it.node)));
  PushNode(ItemTag::kPattern, p, std::move(pattern));
}

}  // namespace mnemo::lang::internal
