// DescribePlan: the operators a statement runs, as EXPLAIN prints them.
#include <string>

#include "engine/executor.hpp"
#include "engine/pattern_matcher.hpp"

namespace mnemo::engine {

namespace {

std::string NodeText(const lang::NodePattern& n) {
  std::string s = "(" + n.variable;
  for (const auto& l : n.labels) s += ":" + l;
  return s + (n.properties ? " {…}" : "") + ")";
}

std::string RelText(const lang::RelPattern& r) {
  std::string s = r.direction == lang::RelDirection::kLeft ? "<-[" : "-[";
  s += r.variable;
  for (size_t i = 0; i < r.types.size(); ++i) s += (i ? "|" : ":") + r.types[i];
  if (r.var_length)
    s += "*" + (r.var_length->min ? std::to_string(*r.var_length->min) : "") + ".." +
         (r.var_length->max ? std::to_string(*r.var_length->max) : "");
  return s + (r.direction == lang::RelDirection::kRight ? "]->" : "]-");
}

void DescribeMatch(const graph::Hypergraph& g, const lang::MatchClause& m, Scope& scope, std::string& out) {
  const std::string indent = m.optional ? "  Optional " : "  ";
  for (const auto& part : m.pattern.parts) {
    const Anchor a = ChooseAnchor(g, part, scope);
    const auto& np = part.nodes[a.node];
    switch (a.kind) {
      case Anchor::Kind::kBound: out += indent + "Argument " + NodeText(np) + "\n"; break;
      case Anchor::Kind::kKeyLookup:
        out += indent + "NodeByKeyLookup " + NodeText(np) + " on " + a.label + "." + a.key_property + "\n";
        break;
      case Anchor::Kind::kLabelScan: out += indent + "NodeByLabelScan " + NodeText(np) + "\n"; break;
      case Anchor::Kind::kAllNodes: out += indent + "AllNodesScan " + NodeText(np) + "\n"; break;
    }
    for (size_t i = a.node; i + 1 < part.nodes.size(); ++i)
      out += indent + (part.rels[i].var_length ? "VarLengthExpand " : "Expand ") + NodeText(part.nodes[i]) +
             RelText(part.rels[i]) + NodeText(part.nodes[i + 1]) + "\n";
    for (size_t i = a.node; i > 0; --i)
      out += indent + (part.rels[i - 1].var_length ? "VarLengthExpand " : "Expand ") + NodeText(part.nodes[i - 1]) +
             RelText(part.rels[i - 1]) + NodeText(part.nodes[i]) + " (from the right)\n";
  }
  PatternMatcher::DeclareVariables([&] {
    std::vector<const lang::PatternPart*> parts;
    for (const auto& p : m.pattern.parts) parts.push_back(&p);
    return parts;
  }(), scope);
  if (m.where) out += indent + "Filter (WHERE)\n";
}

void DescribeProjection(const lang::Projection& p, const char* what, Scope& scope, std::string& out) {
  bool aggregating = false;
  for (const auto& item : p.items) aggregating |= ContainsAggregate(*item.expr);
  out += std::string("  ") + (aggregating ? "Aggregate" : "Project") + " (" + what + ")";
  for (size_t i = 0; i < p.items.size(); ++i) out += (i ? ", " : " ") + p.items[i].text;
  out += "\n";
  if (p.distinct) out += "  Distinct\n";
  if (!p.order_by.empty()) out += "  Sort\n";
  if (p.skip) out += "  Skip\n";
  if (p.limit) out += "  Limit\n";
  Scope next;
  if (p.star) next = scope;
  for (const auto& item : p.items) next.Add(item.alias.empty() ? item.text : item.alias);
  scope = next;
}

}  // namespace

std::string DescribePlan(const graph::Hypergraph& g, const lang::Statement& s) {
  if (s.kind() != lang::StatementKind::kQuery)
    return std::string(lang::StatementKindName(s.kind())) + "\n";
  std::string out;
  const auto& q = std::get<lang::Query>(s.body);
  for (size_t pi = 0; pi < q.parts.size(); ++pi) {
    if (pi > 0) out += q.union_all[pi - 1] ? "UnionAll\n" : "Union\n";
    Scope scope;
    for (const auto& c : q.parts[pi].clauses) {
      switch (c.kind()) {
        case lang::ClauseKind::kMatch: DescribeMatch(g, std::get<lang::MatchClause>(c.body), scope, out); break;
        case lang::ClauseKind::kUnwind:
          out += "  Unwind " + std::get<lang::UnwindClause>(c.body).variable + "\n";
          scope.Add(std::get<lang::UnwindClause>(c.body).variable);
          break;
        case lang::ClauseKind::kWith:
          DescribeProjection(std::get<lang::WithClause>(c.body).projection, "WITH", scope, out);
          if (std::get<lang::WithClause>(c.body).where) out += "  Filter (WHERE)\n";
          break;
        case lang::ClauseKind::kReturn:
          DescribeProjection(std::get<lang::ReturnClause>(c.body).projection, "RETURN", scope, out);
          break;
        case lang::ClauseKind::kCreate: out += "  Create\n"; break;
        case lang::ClauseKind::kMerge: out += "  Merge\n"; break;
        case lang::ClauseKind::kSet: out += "  SetProperties\n"; break;
        case lang::ClauseKind::kRemove: out += "  Remove\n"; break;
        case lang::ClauseKind::kDelete:
          out += std::get<lang::DeleteClause>(c.body).detach ? "  DetachDelete\n" : "  Delete\n";
          break;
      }
    }
  }
  return out;
}

}  // namespace mnemo::engine
