#include "lang/ast_printer.hpp"

#include <charconv>
#include <cstdio>
#include <string_view>

#include "lang/reserved_words.hpp"
#include "lang/time_literal.hpp"

namespace mnemo::lang {

namespace {

bool IsPlainIdentifier(const std::string& s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80 || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return s;
}

bool IsReserved(const std::string& s) { return IsReservedWord(s); }

// A function name as written: dotted plain identifiers as they are, anything
// else as one backquoted name (the AST keeps the parts joined by '.', so both
// re-parse to the same name).
std::string FunctionName(const std::string& name) {
  size_t start = 0;
  while (true) {
    const size_t dot = name.find('.', start);
    const std::string part = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    const std::string upper = Upper(part);
    const bool ok = IsPlainIdentifier(part) && (!IsReserved(part) || upper == "ALL" || upper == "EXISTS");
    if (!ok) return QuoteName(name);
    if (dot == std::string::npos) return name;
    start = dot + 1;
  }
}

std::string DoubleText(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, res.ptr);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";  // 'n': inf/nan never come from the parser
  return s;
}

std::string Labels(const std::vector<std::string>& labels) {
  std::string out;
  for (const auto& l : labels) {
    out.push_back(':');
    out += QuoteName(l);
  }
  return out;
}

std::string JoinNames(const std::vector<std::string>& names, const char* sep) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += sep;
    out += QuoteName(names[i]);
  }
  return out;
}

// Binding strength, loosest first, as in grammar.hpp.
enum Level : int {
  kLevelOr = 1,
  kLevelXor,
  kLevelAnd,
  kLevelNot,
  kLevelComparison,
  kLevelPredicate,  // STARTS WITH, ENDS WITH, CONTAINS, IN, =~, IS [NOT] NULL
  kLevelAdd,
  kLevelMul,
  kLevelPow,
  kLevelUnary,    // prefix + -, and label predicates (n:A)
  kLevelPostfix,  // .key [i] [a..b]
  kLevelAtom,
};

// Option values of memory statements are parsed at the additive level.
constexpr int kOptionLevel = kLevelAdd;

int BinaryLevel(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return kLevelOr;
    case BinaryOp::kXor:
      return kLevelXor;
    case BinaryOp::kAnd:
      return kLevelAnd;
    case BinaryOp::kEq:
    case BinaryOp::kNe:
    case BinaryOp::kLt:
    case BinaryOp::kLe:
    case BinaryOp::kGt:
    case BinaryOp::kGe:
      return kLevelComparison;
    case BinaryOp::kAdd:
    case BinaryOp::kSub:
      return kLevelAdd;
    case BinaryOp::kMul:
    case BinaryOp::kDiv:
    case BinaryOp::kMod:
      return kLevelMul;
    case BinaryOp::kPow:
      return kLevelPow;
    case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith:
    case BinaryOp::kContains:
    case BinaryOp::kIn:
    case BinaryOp::kRegexMatch:
      return kLevelPredicate;
  }
  return kLevelAtom;
}

int LevelOf(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kBinary:
      return BinaryLevel(e.binary_op);
    case ExprKind::kUnary:
      return e.unary_op == UnaryOp::kNot ? kLevelNot : kLevelUnary;
    case ExprKind::kIsNull:
    case ExprKind::kIsNotNull:
      return kLevelPredicate;
    case ExprKind::kLabelPredicate:
      return kLevelUnary;
    case ExprKind::kProperty:
    case ExprKind::kIndex:
    case ExprKind::kSlice:
      return kLevelPostfix;
    case ExprKind::kInt:
      return e.int_value < 0 ? kLevelUnary : kLevelAtom;
    case ExprKind::kDouble:
      return e.double_value < 0 ? kLevelUnary : kLevelAtom;
    default:
      return kLevelAtom;
  }
}

bool IsOperatorApplication(const Expr& e) {
  return e.kind == ExprKind::kBinary || e.kind == ExprKind::kUnary || e.kind == ExprKind::kIsNull ||
         e.kind == ExprKind::kIsNotNull || e.kind == ExprKind::kLabelPredicate;
}

// `x IN list` with a variable on the left: as a lone list element or
// quantifier argument it must keep its parentheses (else: a comprehension).
bool IsInWithVariable(const Expr& e) {
  return e.kind == ExprKind::kBinary && e.binary_op == BinaryOp::kIn && e.children[0] &&
         e.children[0]->kind == ExprKind::kVariable;
}

bool IsQuantifierName(const std::string& name) {
  const std::string upper = Upper(name);
  return upper == "ALL" || upper == "ANY" || upper == "NONE" || upper == "SINGLE";
}

class Printer {
 public:
  explicit Printer(PrintStyle style) : style_(style) {}

  // `e` where the grammar expects at least `min_level`.
  std::string Expr(const lang::Expr& e, int min_level = kLevelOr) const {
    std::string text = Bare(e);
    const bool wrap = LevelOf(e) < min_level || (style_ == PrintStyle::kParenthesized && IsOperatorApplication(e));
    return wrap ? "(" + text + ")" : text;
  }

  // An operand of an operator or postfix: a pattern predicate gets
  // parentheses so that what follows cannot continue its pattern.
  std::string Operand(const lang::Expr& e, int min_level) const {
    if (e.kind == ExprKind::kPatternPredicate) return "(" + Bare(e) + ")";
    return Expr(e, min_level);
  }

  std::string Opt(const char* keyword, const ExprPtr& e, int min_level = kOptionLevel) const {
    return e ? std::string(" ") + keyword + " " + Expr(*e, min_level) : "";
  }

  std::string Join(const std::vector<ExprPtr>& exprs, int min_level = kLevelOr) const {
    std::string out;
    for (size_t i = 0; i < exprs.size(); ++i) {
      if (i) out += ", ";
      out += exprs[i] ? Expr(*exprs[i], min_level) : "null";
    }
    return out;
  }

  std::string Part(const PatternPart& part) const {
    std::string out = part.path_variable.empty() ? "" : QuoteName(part.path_variable) + " = ";
    for (size_t i = 0; i < part.nodes.size(); ++i) {
      if (i) out += Rel(part.rels[i - 1]);
      out += Node(part.nodes[i]);
    }
    return out;
  }

  std::string ClauseText(const Clause& clause) const {
    return std::visit([this](const auto& c) { return ClauseBody(c); }, clause.body);
  }

  std::string StatementText(const Statement& st) const {
    std::string out = st.explain ? "EXPLAIN " : "";
    out += std::visit([this](const auto& b) { return Body(b); }, st.body);
    return out + Opt("AS OF", st.as_of) + Opt("KNOWN AT", st.known_at);
  }

 private:
  std::string Bare(const lang::Expr& e) const {
    switch (e.kind) {
      case ExprKind::kNull:
        return "null";
      case ExprKind::kBool:
        return e.bool_value ? "true" : "false";
      case ExprKind::kInt:
        return std::to_string(e.int_value);
      case ExprKind::kDouble:
        return DoubleText(e.double_value);
      case ExprKind::kString:
        return QuoteString(e.text);
      case ExprKind::kTime:
        return FormatIsoDateTime(e.int_value);
      case ExprKind::kDuration:
        return FormatDuration(e.int_value);
      case ExprKind::kParameter: {
        bool digits = !e.text.empty();
        for (char c : e.text) digits = digits && c >= '0' && c <= '9';
        return "$" + (digits || IsPlainIdentifier(e.text) ? e.text : QuoteName(e.text));
      }
      case ExprKind::kVariable:
        return QuoteName(e.text);
      case ExprKind::kProperty:
        return Object(*e.children[0]) + "." + QuoteName(e.text);
      case ExprKind::kList:
        if (e.children.size() == 1 && e.children[0] && IsInWithVariable(*e.children[0])) {
          return "[(" + Bare(*e.children[0]) + ")]";
        }
        return "[" + Join(e.children) + "]";
      case ExprKind::kMap: {
        std::string out = "{";
        for (size_t i = 0; i < e.children.size(); ++i) {
          if (i) out += ", ";
          out += QuoteName(e.names[i]) + ": " + Expr(*e.children[i]);
        }
        return out + "}";
      }
      case ExprKind::kIndex:
        return Object(*e.children[0]) + "[" + Expr(*e.children[1]) + "]";
      case ExprKind::kSlice:
        return Object(*e.children[0]) + "[" + (e.children[1] ? Expr(*e.children[1]) : "") + ".." +
               (e.children[2] ? Expr(*e.children[2]) : "") + "]";
      case ExprKind::kUnary: {
        if (e.unary_op == UnaryOp::kNot) return "NOT " + Operand(*e.children[0], kLevelNot);
        std::string operand = Operand(*e.children[0], kLevelUnary);
        // "- -x", never "--x" (a comment).
        const bool space = !operand.empty() && (operand[0] == '-' || operand[0] == '+');
        return std::string(e.unary_op == UnaryOp::kNegate ? "-" : "+") + (space ? " " : "") + operand;
      }
      case ExprKind::kBinary: {
        const int level = BinaryLevel(e.binary_op);
        int lhs_min = level, rhs_min = level + 1;                            // left-associative
        if (level == kLevelComparison) lhs_min = rhs_min = kLevelPredicate;  // a < b < c means something else
        if (level == kLevelPredicate) rhs_min = kLevelAdd;
        return Operand(*e.children[0], lhs_min) + " " + std::string(BinaryOpName(e.binary_op)) + " " +
               Operand(*e.children[1], rhs_min);
      }
      case ExprKind::kIsNull:
        return Operand(*e.children[0], kLevelPredicate) + " IS NULL";
      case ExprKind::kIsNotNull:
        return Operand(*e.children[0], kLevelPredicate) + " IS NOT NULL";
      case ExprKind::kLabelPredicate:
        return Object(*e.children[0]) + Labels(e.names);
      case ExprKind::kFunctionCall: {
        std::string args = Join(e.children);
        if (IsQuantifierName(e.text) && e.children.size() == 1 && !e.distinct && IsInWithVariable(*e.children[0])) {
          args = "(" + Bare(*e.children[0]) + ")";
        }
        return FunctionName(e.text) + "(" + (e.distinct ? "DISTINCT " : "") + args + ")";
      }
      case ExprKind::kCountStar:
        return "count(*)";
      case ExprKind::kCase: {
        std::string out = "CASE";
        if (e.case_expr->subject) out += " " + Expr(*e.case_expr->subject);
        for (const auto& alt : e.case_expr->alternatives) {
          out += " WHEN " + Expr(*alt.when) + " THEN " + Expr(*alt.then);
        }
        if (e.case_expr->otherwise) out += " ELSE " + Expr(*e.case_expr->otherwise);
        return out + " END";
      }
      case ExprKind::kListComprehension:
        return "[" + ComprehensionHead(*e.comprehension) + "]";
      case ExprKind::kQuantifier:
        return e.text + "(" + ComprehensionHead(*e.comprehension) + ")";
      case ExprKind::kPatternPredicate:
        return Part(*e.pattern);
      case ExprKind::kPatternComprehension:
        return "[" + Part(*e.pattern) + ComprehensionTail(*e.comprehension) + "]";
      case ExprKind::kEntityRef:
        return QuoteName(e.text) + " " + Expr(*e.children[0]);
    }
    return "?";
  }

  // The object of .key, [i], [a..b], :Label.
  std::string Object(const lang::Expr& e) const {
    if (e.kind == ExprKind::kInt || e.kind == ExprKind::kDouble) return "(" + Bare(e) + ")";
    return Operand(e, kLevelPostfix);
  }

  std::string ComprehensionHead(const Comprehension& c) const {
    // The list is the right operand of IN: additive level.
    return QuoteName(c.variable) + " IN " + Operand(*c.list, kLevelAdd) + ComprehensionTail(c);
  }

  std::string ComprehensionTail(const Comprehension& c) const {
    std::string out;
    if (c.where) out += " WHERE " + Expr(*c.where);
    if (c.projection) out += " | " + Expr(*c.projection);
    return out;
  }

  std::string Properties(const ExprPtr& props) const { return props ? " " + Expr(*props) : ""; }

  std::string Node(const NodePattern& n) const {
    std::string inner = (n.variable.empty() ? "" : QuoteName(n.variable)) + Labels(n.labels) + Properties(n.properties);
    if (!inner.empty() && inner[0] == ' ') inner.erase(0, 1);
    return "(" + inner + ")";
  }

  std::string Rel(const RelPattern& r) const {
    std::string detail = r.variable.empty() ? "" : QuoteName(r.variable);
    if (!r.types.empty()) detail += ":" + JoinNames(r.types, "|");
    if (r.var_length) {
      detail += "*";
      if (r.var_length->min) detail += std::to_string(*r.var_length->min);
      if (r.var_length->min || r.var_length->max) detail += "..";
      if (r.var_length->max) detail += std::to_string(*r.var_length->max);
    }
    detail += Properties(r.properties);
    if (!detail.empty() && detail[0] == ' ') detail.erase(0, 1);
    const bool left = r.direction == RelDirection::kLeft || r.direction == RelDirection::kBoth;
    const bool right = r.direction == RelDirection::kRight || r.direction == RelDirection::kBoth;
    return std::string(left ? "<-" : "-") + "[" + detail + "]" + (right ? "->" : "-");
  }

  std::string PatternText(const Pattern& p) const {
    std::string out;
    for (size_t i = 0; i < p.parts.size(); ++i) {
      if (i) out += ", ";
      out += Part(p.parts[i]);
    }
    return out;
  }

  std::string SetItems(const std::vector<SetItem>& items) const {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
      const SetItem& it = items[i];
      if (i) out += ", ";
      switch (it.kind) {
        case SetItemKind::kProperty:
          out += Expr(*it.property) + " = " + Expr(*it.value);
          break;
        case SetItemKind::kReplace:
          out += QuoteName(it.variable) + " = " + Expr(*it.value);
          break;
        case SetItemKind::kMerge:
          out += QuoteName(it.variable) + " += " + Expr(*it.value);
          break;
        case SetItemKind::kLabels:
          out += QuoteName(it.variable) + Labels(it.labels);
          break;
      }
    }
    return out;
  }

  std::string ProjectionText(const Projection& p) const {
    std::string out = p.distinct ? "DISTINCT " : "";
    std::string items = p.star ? "*" : "";
    for (const auto& it : p.items) {
      if (!items.empty()) items += ", ";
      items += Expr(*it.expr);
      if (!it.alias.empty()) items += " AS " + QuoteName(it.alias);
    }
    out += items;
    for (size_t i = 0; i < p.order_by.size(); ++i) {
      out += i ? ", " : " ORDER BY ";
      out += Expr(*p.order_by[i].expr) + (p.order_by[i].descending ? " DESC" : "");
    }
    return out + Opt("SKIP", p.skip, kLevelOr) + Opt("LIMIT", p.limit, kLevelOr);
  }

  std::string Fact(const FactPattern& f) const {
    std::string out = QuoteName(f.relation) + "(";
    for (size_t i = 0; i < f.roles.size(); ++i) {
      if (i) out += ", ";
      out += QuoteName(f.roles[i].role) + ": " + Expr(*f.roles[i].value);
    }
    return out + ")";
  }

  static std::string Property(const PropertyDef& d) {
    return QuoteName(d.name) + " " + std::string(PropertyTypeName(d.type)) + (d.key ? " KEY" : "");
  }

  static std::string Role(const RoleDef& r) {
    std::string out = QuoteName(r.name) + ": " + QuoteName(r.entity_type);
    if (r.cardinality == Cardinality::kMany) out += " MANY";
    if (r.cardinality == Cardinality::kOne) out += " ONE";
    return out;
  }

  template <typename Roles, typename Properties>
  static std::string Members(const Roles& roles, const Properties& properties) {
    std::string out;
    auto add = [&out](const std::string& member) {
      if (!out.empty()) out += ", ";
      out += member;
    };
    for (const auto& r : roles) add(Role(r));
    for (const auto& p : properties) add(Property(p));
    return out;
  }

  // ---- clauses
  std::string ClauseBody(const MatchClause& m) const {
    return std::string(m.optional ? "OPTIONAL MATCH " : "MATCH ") + PatternText(m.pattern) +
           Opt("WHERE", m.where, kLevelOr);
  }
  std::string ClauseBody(const UnwindClause& u) const {
    return "UNWIND " + Expr(*u.list) + " AS " + QuoteName(u.variable);
  }
  std::string ClauseBody(const WithClause& w) const {
    return "WITH " + ProjectionText(w.projection) + Opt("WHERE", w.where, kLevelOr);
  }
  std::string ClauseBody(const ReturnClause& r) const { return "RETURN " + ProjectionText(r.projection); }
  std::string ClauseBody(const CreateClause& c) const { return "CREATE " + PatternText(c.pattern); }
  std::string ClauseBody(const MergeClause& m) const {
    std::string out = "MERGE " + Part(m.pattern);
    if (!m.on_create.empty()) out += " ON CREATE SET " + SetItems(m.on_create);
    if (!m.on_match.empty()) out += " ON MATCH SET " + SetItems(m.on_match);
    return out;
  }
  std::string ClauseBody(const SetClause& s) const { return "SET " + SetItems(s.items); }
  std::string ClauseBody(const RemoveClause& r) const {
    std::string out = "REMOVE ";
    for (size_t i = 0; i < r.items.size(); ++i) {
      if (i) out += ", ";
      out += r.items[i].kind == RemoveItemKind::kProperty ? Expr(*r.items[i].property)
                                                          : QuoteName(r.items[i].variable) + Labels(r.items[i].labels);
    }
    return out;
  }
  std::string ClauseBody(const DeleteClause& d) const {
    return std::string(d.detach ? "DETACH DELETE " : "DELETE ") + Join(d.targets);
  }

  // ---- statement bodies
  std::string Body(const Query& q) const {
    std::string out;
    for (size_t i = 0; i < q.parts.size(); ++i) {
      if (i) out += q.union_all[i - 1] ? " UNION ALL " : " UNION ";
      for (size_t k = 0; k < q.parts[i].clauses.size(); ++k) {
        if (k) out += " ";
        out += ClauseText(q.parts[i].clauses[k]);
      }
    }
    return out;
  }
  std::string Body(const DefineEntity& d) const {
    return "DEFINE ENTITY " + QuoteName(d.name) + " (" + Members(d.roles, d.properties) + ")";
  }
  std::string Body(const DefineRelation& d) const {
    std::string out = std::string(d.is_event ? "DEFINE EVENT " : "DEFINE RELATION ") + QuoteName(d.name) + " (" +
                      Members(d.roles, d.properties) + ")";
    if (!d.unique_roles.empty()) out += " UNIQUE (" + JoinNames(d.unique_roles, ", ") + ")";
    return out;
  }
  std::string Body(const ShowSchema&) const { return "SHOW SCHEMA"; }
  std::string Body(const Observe& o) const {
    std::string out =
        "OBSERVE " + Expr(*o.text, kOptionLevel) + Opt("AT", o.at) + Opt("BY", o.by) + Opt("IN", o.session);
    if (!o.about.empty()) out += " ABOUT " + Join(o.about);
    return out + Opt("SOURCE", o.source) + Opt("TRUST", o.trust) + Opt("EMBEDDING", o.embedding);
  }
  std::string Body(const Assert& a) const {
    std::string out = "ASSERT " + Fact(a.fact) + Opt("VALID FROM", a.valid_from) + Opt("VALID UNTIL", a.valid_until) +
                      Opt("AT", a.at);
    if (!a.from_episodes.empty()) out += " FROM EPISODE " + Join(a.from_episodes, kOptionLevel);
    return out + Opt("CONFIDENCE", a.confidence) + Opt("SUPERSEDES", a.supersedes) + Opt("EMBEDDING", a.embedding);
  }
  std::string Body(const Retract& r) const { return "RETRACT " + (r.fact ? Fact(*r.fact) : Expr(*r.id, kOptionLevel)); }
  std::string Body(const History& h) const { return "HISTORY " + Fact(h.fact); }
  std::string Body(const Timeline& t) const {
    return "TIMELINE " + Expr(*t.entity) + Opt("FROM", t.from) + Opt("TO", t.to);
  }
  std::string Body(const Recall& r) const {
    std::string out = "RECALL " + Expr(*r.text, kOptionLevel);
    if (!r.about.empty()) out += " ABOUT " + Join(r.about);
    out += Opt("TOP", r.top);
    if (!r.kinds.empty()) out += " KINDS " + JoinNames(r.kinds, ", ");
    if (!r.channels.empty()) out += " USING " + JoinNames(r.channels, ", ");
    out += Opt("WEIGHTS", r.weights) + Opt("MIN TRUST", r.min_trust);
    if (r.explain) out += " EXPLAIN";
    return out + Opt("EMBEDDING", r.embedding);
  }
  std::string Body(const Forget& f) const {
    return f.id ? "FORGET " + Expr(*f.id, kOptionLevel)
                : "FORGET EPISODES BEFORE " + Expr(*f.episodes_before, kOptionLevel);
  }
  std::string Body(const Restore& r) const { return "RESTORE " + Expr(*r.id, kOptionLevel); }
  std::string Body(const Purge& p) const { return "PURGE " + Expr(*p.id, kOptionLevel); }
  std::string Body(const Consolidate& c) const {
    switch (c.job) {
      case ConsolidateJob::kCommunities:
        return "CONSOLIDATE COMMUNITIES" + Opt("SEED", c.seed) + Opt("RESOLUTION", c.resolution);
      case ConsolidateJob::kImportance:
        return "CONSOLIDATE IMPORTANCE";
      case ConsolidateJob::kDecay:
        return "CONSOLIDATE DECAY" + Opt("HALF LIFE", c.half_life) + Opt("THRESHOLD", c.threshold) +
               (c.dry_run ? " DRY RUN" : "");
      case ConsolidateJob::kDedupe:
        return "CONSOLIDATE DEDUPE" + Opt("THRESHOLD", c.threshold) + (c.apply ? " APPLY" : "");
    }
    return "CONSOLIDATE";
  }
  std::string Body(const MergeEntity& m) const {
    if (m.unmerge) return "UNMERGE " + Expr(*m.unmerge, kOptionLevel);
    return "MERGE ENTITY " + Expr(*m.from) + " INTO " + Expr(*m.into);
  }
  std::string Body(const Snapshot&) const { return "SNAPSHOT"; }

  PrintStyle style_;
};

}  // namespace

std::string QuoteName(const std::string& name) {
  if (IsPlainIdentifier(name) && !IsReserved(name)) return name;
  std::string out = "`";
  for (char c : name) {
    out.push_back(c);
    if (c == '`') out.push_back('`');
  }
  return out + "`";
}

std::string QuoteString(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "'";
}

std::string ToString(const Expr& e, PrintStyle style) { return Printer(style).Expr(e); }
std::string ToString(const PatternPart& part, PrintStyle style) { return Printer(style).Part(part); }
std::string ToString(const Clause& clause, PrintStyle style) { return Printer(style).ClauseText(clause); }
std::string ToString(const Statement& statement, PrintStyle style) { return Printer(style).StatementText(statement); }

}  // namespace mnemo::lang
