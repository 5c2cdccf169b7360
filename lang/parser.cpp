// The parser: runs the PEGTL grammar with actions that feed the AstBuilder.
// The only translation unit of the project that includes PEGTL (besides the
// grammar test).
#include "lang/parser.hpp"

#include <algorithm>
#include <new>
#include <type_traits>
#include <utility>

#include <tao/pegtl.hpp>

#include "lang/ast_builder.hpp"
#include "lang/grammar.hpp"
#include "lang/parse_errors.hpp"
#include "lang/utf8.hpp"

namespace mnemo::lang {

namespace pegtl = tao::pegtl;
namespace g = grammar;
using internal::AstBuilder;
using internal::Flag;
using internal::NameRole;
using internal::OpCode;
using internal::OptionKind;
using internal::Part;
using internal::Pos;
using internal::SyntaxException;

namespace {

struct ParseState {
  AstBuilder b;
  Pos opening;  // where the last string / comment / backquoted name opened
};

template <typename Iterator>
Pos PosOf(const Iterator& it) {
  return Pos{static_cast<int>(it.line), static_cast<int>(it.column), it.byte};
}

// ============================================================ error reporting

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool IsIdentByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u >= 0x80;
}

// Advances p past blanks and comments (the error is about the next token).
void SkipBlanks(const char*& p, const char* end, Pos& pos) {
  auto step = [&] {
    if (*p == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
    ++pos.offset;
    ++p;
  };
  while (p < end) {
    if (IsBlank(*p)) {
      step();
    } else if (p + 1 < end && ((p[0] == '/' && p[1] == '/') || (p[0] == '-' && p[1] == '-'))) {
      while (p < end && *p != '\n') step();
    } else if (p + 1 < end && p[0] == '/' && p[1] == '*') {
      const char* q = p + 2;
      while (q + 1 < end && !(q[0] == '*' && q[1] == '/')) ++q;
      if (q + 1 >= end) return;  // unterminated: report at the comment
      while (p < q + 2) step();
    } else {
      return;
    }
  }
}

// "'RETRN'", "end of input", ... : what the input holds at p.
std::string DescribeToken(const char* p, const char* end) {
  if (p >= end) return "end of input";
  size_t n = 1;
  if (IsIdentByte(*p)) {
    while (p + n < end && IsIdentByte(p[n]) && n < 40) ++n;
    while (p + n < end && (static_cast<unsigned char>(p[n]) & 0xC0) == 0x80) ++n;  // whole code point
  } else if (*p == '\'' || *p == '"') {
    return "string literal";
  } else if (static_cast<unsigned char>(*p) < 0x20 || *p == 0x7f) {
    static const char* kHex = "0123456789ABCDEF";
    const auto u = static_cast<unsigned char>(*p);
    return std::string("character 0x") + kHex[u >> 4] + kHex[u & 15];
  }
  return "'" + std::string(p, n) + "'";
}

template <typename Rule>
inline constexpr bool kReportAtOpening =
    std::is_same_v<Rule, g::single_quoted_rest> || std::is_same_v<Rule, g::double_quoted_rest> ||
    std::is_same_v<Rule, g::block_comment_rest> || std::is_same_v<Rule, g::backquoted_rest>;

template <typename Rule>
inline constexpr bool kIsOpening = std::is_same_v<Rule, g::single_quoted> || std::is_same_v<Rule, g::double_quoted> ||
                                   std::is_same_v<Rule, g::block_comment> || std::is_same_v<Rule, g::backquoted>;

// ---- token rules: nothing below them pushes onto the builder's stack, so
// they need no stack mark. This keeps the bookkeeping off the hot lexical
// paths. A token's own action may push but must not consume (see MNEMO_LEAF).

template <typename Rule>
struct IsTokenTemplate : std::false_type {};
template <char... Cs>
struct IsTokenTemplate<pegtl::one<Cs...>> : std::true_type {};
template <char... Cs>
struct IsTokenTemplate<pegtl::not_one<Cs...>> : std::true_type {};
template <char... Cs>
struct IsTokenTemplate<pegtl::string<Cs...>> : std::true_type {};
template <char C>
struct IsTokenTemplate<pegtl::two<C>> : std::true_type {};
template <char... Cs>
struct IsTokenTemplate<pegtl::ranges<Cs...>> : std::true_type {};
template <char Lo, char Hi>
struct IsTokenTemplate<pegtl::range<Lo, Hi>> : std::true_type {};
template <typename... Rules>
struct IsTokenTemplate<pegtl::at<Rules...>> : std::true_type {};  // actions are off inside lookaheads
template <typename... Rules>
struct IsTokenTemplate<pegtl::not_at<Rules...>> : std::true_type {};
template <bool kDash>
struct IsTokenTemplate<g::blanks<kDash>> : std::true_type {};

template <typename Word>
constexpr bool DerivesFromKeyword(const g::keyword<Word>* /*rule*/) {
  return true;
}
constexpr bool DerivesFromKeyword(...) { return false; }

template <typename Rule>
inline constexpr bool kIsToken =
    IsTokenTemplate<Rule>::value ||
    DerivesFromKeyword(static_cast<const Rule*>(nullptr)) || std::is_base_of_v<g::symbolic_name, Rule> ||
    std::is_base_of_v<g::variable_name, Rule> || std::is_same_v<Rule, g::ws> || std::is_same_v<Rule, g::ws_nd> ||
    std::is_same_v<Rule, g::identifier_word> || std::is_same_v<Rule, g::ident_first> ||
    std::is_same_v<Rule, g::ident_other> || std::is_same_v<Rule, g::reserved_word> ||
    std::is_same_v<Rule, g::backquoted> || std::is_same_v<Rule, g::function_name_part> ||
    std::is_same_v<Rule, g::number_end> || std::is_same_v<Rule, g::block_comment> ||
    std::is_same_v<Rule, g::rel_start> || std::is_same_v<Rule, g::pattern_ahead> ||
    std::is_same_v<Rule, g::slice_dots> || std::is_same_v<Rule, g::range_dots> || std::is_same_v<Rule, g::two_digits>;

template <typename Rule>
struct action;

// =================================================================== control

// Keeps the builder's stack consistent with backtracking (EnterRule /
// LeaveRule around every non-token rule), bounds expression nesting, and
// turns must<> failures into SyntaxException.
template <typename Rule>
struct control : pegtl::normal<Rule> {
  static constexpr bool kIsExpression = std::is_same_v<Rule, g::expression>;
  static constexpr bool kMarks = !kIsToken<Rule>;
  static constexpr bool kHasAction = !std::is_base_of_v<pegtl::nothing<Rule>, action<Rule>>;
  // PEGTL calls start/success/failure/apply only when enabled.
  static constexpr bool enable = kHasAction || kIsOpening<Rule> || kIsExpression;

  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in, ParseState& s) {
    if constexpr (kMarks) {
      const size_t enclosing = s.b.EnterRule();
      const bool matched = pegtl::normal<Rule>::template match<A, M, Action, Control>(in, s);
      s.b.LeaveRule(enclosing, matched);
      return matched;
    } else {
      return pegtl::normal<Rule>::template match<A, M, Action, Control>(in, s);
    }
  }

  template <typename ParseInput>
  static void start(const ParseInput& in, ParseState& s) {
    if constexpr (kIsExpression) s.b.EnterExpression(PosOf(in.iterator()));
    if constexpr (kIsOpening<Rule>) s.opening = PosOf(in.iterator());
  }

  template <typename ParseInput>
  static void success(const ParseInput& /*in*/, ParseState& s) {
    if constexpr (kIsExpression) s.b.LeaveExpression();
  }

  template <typename ParseInput>
  static void failure(const ParseInput& /*in*/, ParseState& s) {
    if constexpr (kIsExpression) s.b.LeaveExpression();
  }

  template <typename ParseInput>
  [[noreturn]] static void raise(const ParseInput& in, ParseState& s) {
    constexpr const char* kMessage = g::kErrorMessage<Rule>;
    static_assert(kMessage != nullptr, "add an error message for this rule to lang/parse_errors.hpp");
    if constexpr (kReportAtOpening<Rule>) {
      throw SyntaxException{StatusCode::kSyntaxError, kMessage, s.opening.line, s.opening.column};
    } else if constexpr (std::is_same_v<Rule, g::escape_code>) {
      // Report at the backslash, naming the bad escape.
      Pos p = PosOf(in.iterator());
      const char* c = in.current();
      std::string seq = c < in.end() && static_cast<unsigned char>(*c) >= 0x20 ? std::string(1, *c) : "";
      throw SyntaxException{StatusCode::kSyntaxError,
                            "invalid escape sequence '\\" + seq +
                                "': expected one of \\\\ \\' \\\" \\n \\t \\r \\b "
                                "\\f \\/ \\uXXXX \\UXXXXXXXX",
                            p.line, p.column - 1};
    } else {
      Pos p = PosOf(in.iterator());
      const char* c = in.current();
      SkipBlanks(c, in.end(), p);
      std::string message = kMessage;
      if (message.rfind("expected", 0) == 0) message = "unexpected " + DescribeToken(c, in.end()) + ": " + message;
      throw SyntaxException{StatusCode::kSyntaxError, std::move(message), p.line, p.column};
    }
  }
};

// =================================================================== actions

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

// Actions are one builder call with the rule's start position `p`.
// MNEMO_LEAF: the call only pushes (a name, flag, operator, literal), so the
// rule may be a token. MNEMO_ACTION: the call consumes the items its rule's
// sub-rules pushed (AstBuilder::Mark()), so the rule must not be a token.
#define MNEMO_LEAF(rule, call)                                \
  template <>                                                 \
  struct action<g::rule> {                                    \
    template <typename ActionInput>                           \
    static void apply(const ActionInput& in, ParseState& s) { \
      [[maybe_unused]] const Pos p = PosOf(in.iterator());    \
      s.b.call;                                               \
    }                                                         \
  }

#define MNEMO_ACTION(rule, call)                                                           \
  static_assert(!kIsToken<g::rule>, #rule " consumes its children: it cannot be a token"); \
  MNEMO_LEAF(rule, call)

#define MNEMO_NAME(rule, role) MNEMO_LEAF(rule, PushName(NameRole::role, in.string_view(), p))
#define MNEMO_FLAG(rule, flag) MNEMO_LEAF(rule, PushFlag(Flag::flag, p))
#define MNEMO_OP(rule, op) MNEMO_LEAF(rule, PushOp(OpCode::op, p))
#define MNEMO_OPTION(rule, kind) MNEMO_ACTION(rule, Option(OptionKind::kind, p))

// ---- names
MNEMO_NAME(variable, kVariable);
MNEMO_NAME(path_variable, kPathVariable);
MNEMO_NAME(alias_name, kAlias);
MNEMO_NAME(label_name, kLabel);
MNEMO_NAME(rel_type_name, kRelType);
MNEMO_NAME(property_key, kPropertyKey);
MNEMO_NAME(map_key, kMapKey);
MNEMO_NAME(type_name, kTypeName);
MNEMO_NAME(role_name, kRoleName);
MNEMO_NAME(member_name, kMemberName);
MNEMO_NAME(role_entity_type, kEntityType);
MNEMO_NAME(unique_role, kUniqueRole);
MNEMO_NAME(kind_name, kKind);
MNEMO_NAME(channel_name, kChannel);
MNEMO_LEAF(function_name, PushDottedName(NameRole::kFunction, in.string_view(), p));

// ---- literals
MNEMO_LEAF(dec_int, IntLiteral(in.string_view(), 10, p));
MNEMO_LEAF(hex_int, IntLiteral(in.string_view().substr(2), 16, p));
MNEMO_LEAF(oct_int, IntLiteral(in.string_view().substr(2), 8, p));
MNEMO_LEAF(double_lit, DoubleLiteral(in.string_view(), p));
MNEMO_LEAF(string_literal, StringLiteral(in.string_view(), p));
MNEMO_LEAF(true_literal, PushExpr(MakeBool(true, p.line, p.column)));
MNEMO_LEAF(false_literal, PushExpr(MakeBool(false, p.line, p.column)));
MNEMO_LEAF(null_literal, PushExpr(MakeNull(p.line, p.column)));
MNEMO_LEAF(parameter, Parameter(in.string_view().substr(1), p));
MNEMO_LEAF(count_star, PushExpr(std::make_unique<Expr>(ExprKind::kCountStar, p.line, p.column)));
MNEMO_LEAF(iso_time_body, TimeLiteral(in.string_view(), p));
MNEMO_LEAF(duration_body, DurationLiteral(in.string_view(), p));
MNEMO_LEAF(range_int, RangeInt(in.string_view(), p));

// ---- expressions
MNEMO_ACTION(list_where, Wrap(Part::kListWhere, p));
MNEMO_ACTION(list_projection, Wrap(Part::kListProjection, p));
MNEMO_ACTION(list_atom, ListAtom(p));
MNEMO_ACTION(role_list, ListAtom(p));
MNEMO_ACTION(map_literal, MapLiteral(p));
MNEMO_ACTION(case_when, CaseWhen(p));
MNEMO_ACTION(case_else, Wrap(Part::kCaseElse, p));
MNEMO_ACTION(case_expr, Case(p));
MNEMO_FLAG(call_distinct, kDistinct);
MNEMO_ACTION(function_call, FunctionCall(p));
MNEMO_ACTION(pattern_predicate, PatternPredicate(p));
MNEMO_LEAF(variable_ref, VariableRef(in.string_view(), p));
MNEMO_ACTION(paren_expr, MarkParenthesized());
MNEMO_ACTION(property_lookup, PropertyLookup());
MNEMO_FLAG(slice_dots, kDots);
MNEMO_ACTION(index_or_slice, IndexOrSlice());
MNEMO_ACTION(expr_labels, LabelPredicate());
MNEMO_OP(prefix_minus, kNegate);
MNEMO_OP(prefix_plus, kPlus);
MNEMO_ACTION(unary_expr, ApplyPrefixOps());
MNEMO_OP(op_pow, kPow);
MNEMO_OP(op_mul, kMul);
MNEMO_OP(op_div, kDiv);
MNEMO_OP(op_mod, kMod);
MNEMO_OP(op_add, kAdd);
MNEMO_OP(op_sub, kSub);
MNEMO_OP(op_starts_with, kStartsWith);
MNEMO_OP(op_ends_with, kEndsWith);
MNEMO_OP(op_contains, kContains);
MNEMO_OP(op_in, kIn);
MNEMO_OP(op_regex, kRegexMatch);
MNEMO_OP(op_ne, kNe);
MNEMO_OP(op_le, kLe);
MNEMO_OP(op_ge, kGe);
MNEMO_OP(op_lt, kLt);
MNEMO_OP(op_gt, kGt);
MNEMO_OP(op_eq, kEq);
MNEMO_OP(op_not, kNot);
MNEMO_OP(op_and, kAnd);
MNEMO_OP(op_xor, kXor);
MNEMO_OP(op_or, kOr);
MNEMO_ACTION(power_tail, BinaryTail());
MNEMO_ACTION(mul_tail, BinaryTail());
MNEMO_ACTION(add_tail, BinaryTail());
MNEMO_ACTION(predicate_tail, BinaryTail());
MNEMO_FLAG(is_not, kIsNot);
MNEMO_ACTION(is_null_tail, IsNullTail());
MNEMO_ACTION(comparison_expr, Comparison());
MNEMO_ACTION(not_expr, ApplyPrefixOps());
MNEMO_ACTION(and_tail, BinaryTail());
MNEMO_ACTION(xor_tail, BinaryTail());
MNEMO_ACTION(or_tail, BinaryTail());
MNEMO_ACTION(entity_ref, EntityRef(p));

// ---- patterns
MNEMO_ACTION(node_pattern, NodePattern(p));
MNEMO_FLAG(range_dots, kDots);
MNEMO_ACTION(var_length, VarLength());
MNEMO_FLAG(rel_left_head, kLeftHead);
MNEMO_FLAG(rel_right_head, kRightHead);
MNEMO_ACTION(rel_pattern, RelPattern(p));
MNEMO_ACTION(pattern_part, PatternPart(p));
MNEMO_ACTION(pattern, Pattern());

// ---- clauses
MNEMO_ACTION(where_part, Wrap(Part::kWhere, p));
MNEMO_FLAG(optional_flag, kOptional);
MNEMO_ACTION(match_clause, MatchClause(p));
MNEMO_ACTION(unwind_clause, UnwindClause(p));
MNEMO_FLAG(projection_star, kStar);
MNEMO_FLAG(projection_distinct, kDistinct);
MNEMO_ACTION(projection_expr, ProjectionExpr(in.string_view()));
MNEMO_ACTION(projection_item, ProjectionItem());
MNEMO_FLAG(sort_desc, kDesc);
MNEMO_ACTION(sort_item, SortItem());
MNEMO_ACTION(skip_part, Wrap(Part::kSkip, p));
MNEMO_ACTION(limit_part, Wrap(Part::kLimit, p));
MNEMO_ACTION(with_clause, WithClause(p));
MNEMO_ACTION(return_clause, ReturnClause(p));
MNEMO_ACTION(create_clause, CreateClause(p));
MNEMO_FLAG(set_merge_assign, kMergeAssign);
MNEMO_ACTION(set_labels_item, SetLabelsItem(p));
MNEMO_ACTION(set_variable_item, SetVariableItem(p));
MNEMO_ACTION(set_property_item, SetPropertyItem(p));
MNEMO_ACTION(set_clause, SetClause(p));
MNEMO_FLAG(on_create, kOnCreate);
MNEMO_FLAG(on_match, kOnMatch);
MNEMO_ACTION(merge_clause, MergeClause(p));
MNEMO_ACTION(remove_labels_item, RemoveLabelsItem(p));
MNEMO_ACTION(remove_target, RemovePropertyItem(p));
MNEMO_ACTION(remove_clause, RemoveClause(p));
MNEMO_FLAG(detach_flag, kDetach);
MNEMO_ACTION(delete_clause, DeleteClause(p));
MNEMO_ACTION(single_query, SingleQuery());
MNEMO_FLAG(union_all, kUnionAll);
MNEMO_ACTION(query, Query());
MNEMO_OPTION(as_of_option, kAsOf);
MNEMO_OPTION(known_at_option, kKnownAt);
MNEMO_ACTION(cypher_statement, CypherStatement());

// ---- memory statements
template <>
struct action<g::property_type_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ParseState& s) {
    std::string word(in.string_view());
    for (char& c : word) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    PropertyType t = PropertyType::kAny;
    if (word == "TEXT" || word == "STRING") t = PropertyType::kText;
    if (word == "INT" || word == "INTEGER") t = PropertyType::kInt;
    if (word == "FLOAT") t = PropertyType::kFloat;
    if (word == "BOOL" || word == "BOOLEAN") t = PropertyType::kBool;
    if (word == "DATE") t = PropertyType::kDate;
    if (word == "DATETIME") t = PropertyType::kDateTime;
    if (word == "LIST") t = PropertyType::kList;
    if (word == "MAP") t = PropertyType::kMap;
    s.b.PushFlag(Flag::kPropertyType, PosOf(in.iterator()), static_cast<int>(t));
  }
};
MNEMO_FLAG(key_flag, kKey);
MNEMO_FLAG(many_flag, kMany);
MNEMO_FLAG(one_flag, kOne);
MNEMO_ACTION(property_def, PropertyDef(p));
MNEMO_ACTION(role_def, RoleDef(p));
MNEMO_ACTION(define_entity, DefineEntity());
MNEMO_ACTION(define_relation, DefineRelation(false));
MNEMO_ACTION(define_event, DefineRelation(true));
MNEMO_ACTION(show_stmt, ShowSchema());
MNEMO_OPTION(at_option, kAt);
MNEMO_OPTION(by_option, kBy);
MNEMO_OPTION(in_option, kIn);
MNEMO_OPTION(about_option, kAbout);
MNEMO_OPTION(source_option, kSource);
MNEMO_OPTION(trust_option, kTrust);
MNEMO_OPTION(embedding_option, kEmbedding);
MNEMO_ACTION(observe_stmt, Observe());
MNEMO_ACTION(role_binding, RoleBinding(p));
MNEMO_ACTION(fact_pattern, FactPattern(p));
MNEMO_FLAG(kw_until, kValidUntil);
MNEMO_ACTION(valid_option, ValidOption(p));
MNEMO_OPTION(from_episode_option, kFromEpisode);
MNEMO_OPTION(confidence_option, kConfidence);
MNEMO_OPTION(supersedes_option, kSupersedes);
MNEMO_ACTION(assert_stmt, Assert());
MNEMO_ACTION(retract_stmt, Retract());
MNEMO_ACTION(history_stmt, History());
MNEMO_OPTION(from_option, kFrom);
MNEMO_OPTION(to_option, kTo);
MNEMO_ACTION(timeline_stmt, Timeline());
MNEMO_OPTION(top_option, kTop);
MNEMO_OPTION(kinds_option, kKinds);
MNEMO_OPTION(using_option, kUsing);
MNEMO_OPTION(weights_option, kWeights);
MNEMO_OPTION(min_trust_option, kMinTrust);
MNEMO_OPTION(recall_explain_option, kRecallExplain);
MNEMO_ACTION(recall_stmt, Recall());
MNEMO_OPTION(forget_before_option, kBefore);
MNEMO_ACTION(forget_stmt, Forget());
MNEMO_ACTION(restore_stmt, Restore());
MNEMO_ACTION(purge_stmt, Purge());
MNEMO_OPTION(half_life_option, kHalfLife);
MNEMO_OPTION(dry_run_option, kDryRun);
MNEMO_OPTION(apply_option, kApply);
MNEMO_OPTION(threshold_option, kThreshold);
MNEMO_OPTION(seed_option, kSeed);
MNEMO_OPTION(resolution_option, kResolution);
MNEMO_FLAG(job_communities, kJobCommunities);
MNEMO_FLAG(job_importance, kJobImportance);
MNEMO_FLAG(job_decay, kJobDecay);
MNEMO_FLAG(job_dedupe, kJobDedupe);
MNEMO_ACTION(consolidate_stmt, Consolidate());
MNEMO_ACTION(merge_entity_stmt, MergeEntity());
MNEMO_ACTION(unmerge_stmt, Unmerge());
MNEMO_ACTION(snapshot_stmt, Snapshot());

// ---- statements
MNEMO_FLAG(explain_flag, kExplain);
MNEMO_ACTION(statement, Statement(p, in.size()));

#undef MNEMO_OPTION
#undef MNEMO_OP
#undef MNEMO_FLAG
#undef MNEMO_NAME
#undef MNEMO_ACTION
#undef MNEMO_LEAF

// Line and column (1-based, bytes) of byte `offset` in text.
Pos PositionOfOffset(std::string_view text, size_t offset) {
  Pos p;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  p.offset = offset;
  return p;
}

}  // namespace

Result<Script> Parse(std::string_view text) {
  const size_t bad = FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    const Pos p = PositionOfOffset(text, bad);
    static const char* kHex = "0123456789ABCDEF";
    const auto u = static_cast<unsigned char>(text[bad]);
    return Status::SyntaxError(std::string("invalid UTF-8: unexpected byte 0x") + kHex[u >> 4] + kHex[u & 15], p.line,
                               p.column);
  }
  ParseState state;
  try {
    pegtl::memory_input<pegtl::tracking_mode::eager, pegtl::eol::lf_crlf> in(text.data(), text.size(), "");
    pegtl::parse<g::script, action, control>(in, state);
  } catch (const SyntaxException& e) {
    return Status(e.code, e.message, e.line, e.column);
  } catch (const pegtl::parse_error& e) {
    const auto& positions = e.positions();
    const int line = positions.empty() ? 1 : static_cast<int>(positions.front().line);
    const int column = positions.empty() ? 1 : static_cast<int>(positions.front().column);
    return Status::SyntaxError(std::string(e.message()), line, column);
  } catch (const std::bad_alloc&) {
    return Status::ResourceLimit("out of memory while parsing");
  }
  return state.b.TakeScript();
}

Result<Statement> ParseStatement(std::string_view text) {
  auto script = Parse(text);
  if (!script.ok()) return script.status();
  auto& statements = script->statements;
  if (statements.size() == 1) return std::move(statements.front());
  if (statements.empty()) {
    const Pos p = PositionOfOffset(text, text.size());
    return Status::SyntaxError("unexpected end of input: expected a statement", p.line, p.column);
  }
  const Statement& second = statements[1];
  return Status::SyntaxError("expected a single statement, found more than one", second.line, second.column);
}

std::string FormatErrorWithCaret(std::string_view text, const Status& status) {
  std::string out = status.ToString();
  if (!status.has_position()) return out;
  // Find the line.
  size_t begin = 0;
  for (int line = 1; line < status.line(); ++line) {
    const size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos) return out;
    begin = nl + 1;
  }
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  const size_t col = std::min(static_cast<size_t>(status.column() - 1), end - begin);  // bytes before the caret
  // Keep at most ~60 bytes on each side of the column, cut at code point boundaries.
  constexpr size_t kSide = 60;
  size_t from = begin + (col > kSide ? col - kSide : 0);
  size_t to = std::min(end, begin + col + kSide);
  auto is_cont = [&](size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  while (from > begin && is_cont(from)) --from;
  while (to < end && is_cont(to)) ++to;
  const std::string prefix = from > begin ? "..." : "";
  const std::string suffix = to < end ? "..." : "";
  out += "\n  " + prefix + std::string(text.substr(from, to - from)) + suffix + "\n  ";
  // Caret padding: one space per code point, tabs kept so terminals align.
  std::string pad(prefix.size(), ' ');
  for (size_t i = from; i < begin + col; ++i) {
    if (is_cont(i)) continue;
    pad.push_back(text[i] == '\t' ? '\t' : ' ');
  }
  out += pad + "^";
  return out;
}

}  // namespace mnemo::lang
