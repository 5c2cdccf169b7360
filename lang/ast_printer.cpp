#include "lang/ast_printer.hpp"

#include <charconv>
#include <cstdio>
#include <string_view>

#include "lang/time_literal.hpp"

namespace mnemo::lang {

namespace {

constexpr std::string_view kReserved[] = {
    "ALL",    "AND",      "AS",         "ASC",    "ASCENDING", "BY",     "CASE",  "CONTAINS", "CREATE",
    "DELETE", "DESC",     "DESCENDING", "DETACH", "DISTINCT",  "ELSE",   "END",   "ENDS",     "EXISTS",
    "FALSE",  "IN",       "IS",         "LIMIT",  "MATCH",     "MERGE",  "NOT",   "NULL",     "OF",
    "ON",     "OPTIONAL", "OR",         "ORDER",  "REMOVE",    "RETURN", "SET",   "SKIP",     "STARTS",
    "THEN",   "TRUE",     "UNION",      "UNWIND", "WHEN",      "WITH",   "WHERE", "XOR"};

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

bool IsReserved(const std::string& s) {
  for (auto w : kReserved) {
    if (w.size() != s.size()) continue;
    bool eq = true;
    for (size_t i = 0; i < w.size() && eq; ++i) {
      char c = s[i];
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
      eq = c == w[i];
    }
    if (eq) return true;
  }
  return false;
}

// A function name as written: dotted plain identifiers as they are, anything
// else as one backquoted name (the AST keeps the parts joined by '.', so both
// re-parse to the same name).
std::string FunctionName(const std::string& name) {
  size_t start = 0;
  while (true) {
    const size_t dot = name.find('.', start);
    const std::string part = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    std::string upper = part;
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    const bool ok = IsPlainIdentifier(part) && (!IsReserved(part) || upper == "ALL" || upper == "EXISTS");
    if (!ok) return QuoteName(name);
    if (dot == std::string::npos) return name;
    start = dot + 1;
  }
}

std::string Join(const std::vector<ExprPtr>& exprs, const char* sep = ", ") {
  std::string out;
  for (size_t i = 0; i < exprs.size(); ++i) {
    if (i) out += sep;
    out += exprs[i] ? ToString(*exprs[i]) : "null";
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

std::string Labels(const std::vector<std::string>& labels) {
  std::string out;
  for (const auto& l : labels) {
    out.push_back(':');
    out += QuoteName(l);
  }
  return out;
}

std::string DoubleText(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, res.ptr);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

// Expressions that need no parentheses as the object of .key / [i] / :Label.
bool IsAtomic(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kUnary:
    case ExprKind::kBinary:
    case ExprKind::kIsNull:
    case ExprKind::kIsNotNull:
    case ExprKind::kLabelPredicate:
    case ExprKind::kDouble:  // 1.5.x would not re-parse
    case ExprKind::kInt:
      return false;
    default:
      return true;
  }
}

std::string Atomic(const Expr& e) { return IsAtomic(e) ? ToString(e) : "(" + ToString(e) + ")"; }

std::string ComprehensionTail(const Comprehension& c) {
  std::string out;
  if (c.where) out += " WHERE " + ToString(*c.where);
  if (c.projection) out += " | " + ToString(*c.projection);
  return out;
}

std::string Properties(const ExprPtr& props) { return props ? " " + ToString(*props) : ""; }

std::string Node(const NodePattern& n) {
  std::string inner = (n.variable.empty() ? "" : QuoteName(n.variable)) + Labels(n.labels) + Properties(n.properties);
  if (!inner.empty() && inner[0] == ' ') inner.erase(0, 1);
  return "(" + inner + ")";
}

std::string Rel(const RelPattern& r) {
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

std::string SetItems(const std::vector<SetItem>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    const SetItem& it = items[i];
    if (i) out += ", ";
    switch (it.kind) {
      case SetItemKind::kProperty:
        out += ToString(*it.property) + " = " + ToString(*it.value);
        break;
      case SetItemKind::kReplace:
        out += QuoteName(it.variable) + " = " + ToString(*it.value);
        break;
      case SetItemKind::kMerge:
        out += QuoteName(it.variable) + " += " + ToString(*it.value);
        break;
      case SetItemKind::kLabels:
        out += QuoteName(it.variable) + Labels(it.labels);
        break;
    }
  }
  return out;
}

std::string PatternText(const Pattern& p) {
  std::string out;
  for (size_t i = 0; i < p.parts.size(); ++i) {
    if (i) out += ", ";
    out += ToString(p.parts[i]);
  }
  return out;
}

std::string ProjectionText(const Projection& p) {
  std::string out = p.distinct ? "DISTINCT " : "";
  std::string items = p.star ? "*" : "";
  for (const auto& it : p.items) {
    if (!items.empty()) items += ", ";
    items += ToString(*it.expr);
    if (!it.alias.empty()) items += " AS " + QuoteName(it.alias);
  }
  out += items;
  for (size_t i = 0; i < p.order_by.size(); ++i) {
    out += i ? ", " : " ORDER BY ";
    out += ToString(*p.order_by[i].expr) + (p.order_by[i].descending ? " DESC" : "");
  }
  if (p.skip) out += " SKIP " + ToString(*p.skip);
  if (p.limit) out += " LIMIT " + ToString(*p.limit);
  return out;
}

std::string Fact(const FactPattern& f) {
  std::string out = QuoteName(f.relation) + "(";
  for (size_t i = 0; i < f.roles.size(); ++i) {
    if (i) out += ", ";
    out += QuoteName(f.roles[i].role) + ": " + ToString(*f.roles[i].value);
  }
  return out + ")";
}

std::string Opt(const char* keyword, const ExprPtr& e) {
  return e ? std::string(" ") + keyword + " " + ToString(*e) : "";
}

std::string Property(const PropertyDef& d) {
  return QuoteName(d.name) + " " + std::string(PropertyTypeName(d.type)) + (d.key ? " KEY" : "");
}

std::string Role(const RoleDef& r) {
  std::string out = QuoteName(r.name) + ": " + QuoteName(r.entity_type);
  if (r.cardinality == Cardinality::kMany) out += " MANY";
  if (r.cardinality == Cardinality::kOne) out += " ONE";
  return out;
}

template <typename Defs>
void AppendDefs(const Defs& defs, std::string* members, std::string (*fn)(const typename Defs::value_type&)) {
  for (const auto& d : defs) {
    if (!members->empty()) *members += ", ";
    *members += fn(d);
  }
}

struct BodyPrinter {
  std::string operator()(const Query& q) const {
    std::string out;
    for (size_t i = 0; i < q.parts.size(); ++i) {
      if (i) out += q.union_all[i - 1] ? " UNION ALL " : " UNION ";
      for (size_t k = 0; k < q.parts[i].clauses.size(); ++k) {
        if (k) out += " ";
        out += ToString(q.parts[i].clauses[k]);
      }
    }
    return out;
  }
  std::string operator()(const DefineEntity& d) const {
    std::string members;
    AppendDefs(d.roles, &members, &Role);
    AppendDefs(d.properties, &members, &Property);
    return "DEFINE ENTITY " + QuoteName(d.name) + " (" + members + ")";
  }
  std::string operator()(const DefineRelation& d) const {
    std::string members;
    AppendDefs(d.roles, &members, &Role);
    AppendDefs(d.properties, &members, &Property);
    std::string out =
        std::string(d.is_event ? "DEFINE EVENT " : "DEFINE RELATION ") + QuoteName(d.name) + " (" + members + ")";
    if (!d.unique_roles.empty()) out += " UNIQUE (" + JoinNames(d.unique_roles, ", ") + ")";
    return out;
  }
  std::string operator()(const ShowSchema&) const { return "SHOW SCHEMA"; }
  std::string operator()(const Observe& o) const {
    std::string out = "OBSERVE " + ToString(*o.text) + Opt("AT", o.at) + Opt("BY", o.by) + Opt("IN", o.session);
    if (!o.about.empty()) out += " ABOUT " + Join(o.about);
    return out + Opt("SOURCE", o.source) + Opt("TRUST", o.trust) + Opt("EMBEDDING", o.embedding);
  }
  std::string operator()(const Assert& a) const {
    std::string out = "ASSERT " + Fact(a.fact) + Opt("VALID FROM", a.valid_from) + Opt("VALID UNTIL", a.valid_until) +
                      Opt("AT", a.at);
    if (!a.from_episodes.empty()) out += " FROM EPISODE " + Join(a.from_episodes);
    return out + Opt("CONFIDENCE", a.confidence) + Opt("SUPERSEDES", a.supersedes);
  }
  std::string operator()(const Retract& r) const { return "RETRACT " + (r.fact ? Fact(*r.fact) : ToString(*r.id)); }
  std::string operator()(const History& h) const { return "HISTORY " + Fact(h.fact); }
  std::string operator()(const Timeline& t) const {
    return "TIMELINE " + ToString(*t.entity) + Opt("FROM", t.from) + Opt("TO", t.to);
  }
  std::string operator()(const Recall& r) const {
    std::string out = "RECALL " + ToString(*r.text);
    if (!r.about.empty()) out += " ABOUT " + Join(r.about);
    out += Opt("TOP", r.top);
    if (!r.kinds.empty()) out += " KINDS " + JoinNames(r.kinds, ", ");
    if (!r.channels.empty()) out += " USING " + JoinNames(r.channels, ", ");
    out += Opt("WEIGHTS", r.weights) + Opt("MIN TRUST", r.min_trust);
    if (r.explain) out += " EXPLAIN";
    return out;
  }
  std::string operator()(const Forget& f) const {
    return f.id ? "FORGET " + ToString(*f.id) : "FORGET EPISODES BEFORE " + ToString(*f.episodes_before);
  }
  std::string operator()(const Restore& r) const { return "RESTORE " + ToString(*r.id); }
  std::string operator()(const Purge& p) const { return "PURGE " + ToString(*p.id); }
  std::string operator()(const Consolidate& c) const {
    switch (c.job) {
      case ConsolidateJob::kCommunities:
        return "CONSOLIDATE COMMUNITIES";
      case ConsolidateJob::kImportance:
        return "CONSOLIDATE IMPORTANCE";
      case ConsolidateJob::kDecay:
        return "CONSOLIDATE DECAY" + Opt("HALF LIFE", c.half_life) + (c.dry_run ? " DRY RUN" : "");
      case ConsolidateJob::kDedupe:
        return std::string("CONSOLIDATE DEDUPE") + (c.apply ? " APPLY" : "");
    }
    return "CONSOLIDATE";
  }
  std::string operator()(const MergeEntity& m) const {
    return "MERGE ENTITY " + ToString(*m.from) + " INTO " + ToString(*m.into);
  }
  std::string operator()(const Snapshot&) const { return "SNAPSHOT"; }
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

std::string ToString(const Expr& e) {
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
      return Atomic(*e.children[0]) + "." + QuoteName(e.text);
    case ExprKind::kList:
      return "[" + Join(e.children) + "]";
    case ExprKind::kMap: {
      std::string out = "{";
      for (size_t i = 0; i < e.children.size(); ++i) {
        if (i) out += ", ";
        out += QuoteName(e.names[i]) + ": " + ToString(*e.children[i]);
      }
      return out + "}";
    }
    case ExprKind::kIndex:
      return Atomic(*e.children[0]) + "[" + ToString(*e.children[1]) + "]";
    case ExprKind::kSlice:
      return Atomic(*e.children[0]) + "[" + (e.children[1] ? ToString(*e.children[1]) : "") + ".." +
             (e.children[2] ? ToString(*e.children[2]) : "") + "]";
    case ExprKind::kUnary:
      return "(" + std::string(UnaryOpName(e.unary_op)) + " " + ToString(*e.children[0]) + ")";
    case ExprKind::kBinary:
      return "(" + ToString(*e.children[0]) + " " + std::string(BinaryOpName(e.binary_op)) + " " +
             ToString(*e.children[1]) + ")";
    case ExprKind::kIsNull:
      return "(" + ToString(*e.children[0]) + " IS NULL)";
    case ExprKind::kIsNotNull:
      return "(" + ToString(*e.children[0]) + " IS NOT NULL)";
    case ExprKind::kLabelPredicate:
      return "(" + Atomic(*e.children[0]) + Labels(e.names) + ")";
    case ExprKind::kFunctionCall:
      return FunctionName(e.text) + "(" + (e.distinct ? "DISTINCT " : "") + Join(e.children) + ")";
    case ExprKind::kCountStar:
      return "count(*)";
    case ExprKind::kCase: {
      std::string out = "CASE";
      if (e.case_expr->subject) out += " " + ToString(*e.case_expr->subject);
      for (const auto& alt : e.case_expr->alternatives) {
        out += " WHEN " + ToString(*alt.when) + " THEN " + ToString(*alt.then);
      }
      if (e.case_expr->otherwise) out += " ELSE " + ToString(*e.case_expr->otherwise);
      return out + " END";
    }
    case ExprKind::kListComprehension:
      return "[" + QuoteName(e.comprehension->variable) + " IN " + ToString(*e.comprehension->list) +
             ComprehensionTail(*e.comprehension) + "]";
    case ExprKind::kQuantifier:
      return e.text + "(" + QuoteName(e.comprehension->variable) + " IN " + ToString(*e.comprehension->list) +
             ComprehensionTail(*e.comprehension) + ")";
    case ExprKind::kPatternPredicate:
      return ToString(*e.pattern);
    case ExprKind::kPatternComprehension:
      return "[" + ToString(*e.pattern) + ComprehensionTail(*e.comprehension) + "]";
    case ExprKind::kEntityRef:
      return QuoteName(e.text) + " " + ToString(*e.children[0]);
  }
  return "?";
}

std::string ToString(const PatternPart& part) {
  std::string out = part.path_variable.empty() ? "" : QuoteName(part.path_variable) + " = ";
  for (size_t i = 0; i < part.nodes.size(); ++i) {
    if (i) out += Rel(part.rels[i - 1]);
    out += Node(part.nodes[i]);
  }
  return out;
}

std::string ToString(const Clause& clause) {
  struct Printer {
    std::string operator()(const MatchClause& m) const {
      return std::string(m.optional ? "OPTIONAL MATCH " : "MATCH ") + PatternText(m.pattern) + Opt("WHERE", m.where);
    }
    std::string operator()(const UnwindClause& u) const {
      return "UNWIND " + ToString(*u.list) + " AS " + QuoteName(u.variable);
    }
    std::string operator()(const WithClause& w) const {
      return "WITH " + ProjectionText(w.projection) + Opt("WHERE", w.where);
    }
    std::string operator()(const ReturnClause& r) const { return "RETURN " + ProjectionText(r.projection); }
    std::string operator()(const CreateClause& c) const { return "CREATE " + PatternText(c.pattern); }
    std::string operator()(const MergeClause& m) const {
      std::string out = "MERGE " + ToString(m.pattern);
      if (!m.on_create.empty()) out += " ON CREATE SET " + SetItems(m.on_create);
      if (!m.on_match.empty()) out += " ON MATCH SET " + SetItems(m.on_match);
      return out;
    }
    std::string operator()(const SetClause& s) const { return "SET " + SetItems(s.items); }
    std::string operator()(const RemoveClause& r) const {
      std::string out = "REMOVE ";
      for (size_t i = 0; i < r.items.size(); ++i) {
        if (i) out += ", ";
        out += r.items[i].kind == RemoveItemKind::kProperty
                   ? ToString(*r.items[i].property)
                   : QuoteName(r.items[i].variable) + Labels(r.items[i].labels);
      }
      return out;
    }
    std::string operator()(const DeleteClause& d) const {
      return std::string(d.detach ? "DETACH DELETE " : "DELETE ") + Join(d.targets);
    }
  };
  return std::visit(Printer{}, clause.body);
}

std::string ToString(const Statement& statement) {
  std::string out = statement.explain ? "EXPLAIN " : "";
  out += std::visit(BodyPrinter{}, statement.body);
  out += Opt("AS OF", statement.as_of) + Opt("KNOWN AT", statement.known_at);
  return out;
}

}  // namespace mnemo::lang
