// The abstract syntax tree of the mnemo query language (LANGUAGE.md).
//
// Contract for the layers that consume it (binder, planner, executor):
//  - Plain structs; every tree owns its children (std::unique_ptr or vectors of
//    values). Nodes are movable, not copyable; Clone() gives a deep copy of an Expr.
//  - Every Expr, pattern element, clause and statement carries the 1-based
//    `line` and `column` where it starts. Columns count bytes, not characters.
//  - The parser performs no semantic checks beyond the grammar: names are not
//    resolved, types are not checked, clause order inside a query is free except
//    that RETURN ends a single query. Those checks belong to the binder.
//  - No PEGTL types appear here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mnemo::lang {

struct Expr;
struct PatternPart;
using ExprPtr = std::unique_ptr<Expr>;

// ---------------------------------------------------------------- expressions

enum class ExprKind : uint8_t {
  kNull,                  // null
  kBool,                  // bool_value
  kInt,                   // int_value
  kDouble,                // double_value
  kString,                // text = the decoded string (UTF-8)
  kTime,                  // bare ISO-8601 literal in a time position: int_value = µs since epoch UTC
  kDuration,              // duration literal (30d, 12h, 1h30m) in a duration position: int_value = µs
  kParameter,             // $name or $0: text = name without '$'
  kVariable,              // text = variable name
  kProperty,              // children[0] = object; text = property key
  kList,                  // children = elements
  kMap,                   // names[i] = key of children[i]
  kIndex,                 // children[0] = list/map, children[1] = index
  kSlice,                 // children[0] = list, children[1] = from or null, children[2] = to or null
  kUnary,                 // unary_op; children[0] = operand
  kBinary,                // binary_op; children[0] = lhs, children[1] = rhs
  kIsNull,                // children[0] IS NULL
  kIsNotNull,             // children[0] IS NOT NULL
  kLabelPredicate,        // children[0] = operand; names = labels (all must hold): n:A:B
  kFunctionCall,          // text = name as written, namespaces joined by '.'; distinct; children = args
  kCountStar,             // count(*)
  kCase,                  // case_expr
  kListComprehension,     // comprehension: [x IN list WHERE p | e]
  kQuantifier,            // text = "all" | "any" | "none" | "single" (lower case); comprehension
                          // (projection always null): all(x IN list WHERE p)
  kPatternPredicate,      // pattern: (a)-[:R]->(b) used as a boolean (also inside exists(...))
  kPatternComprehension,  // pattern + comprehension.where/projection: [(a)-->(b) WHERE p | e]
  kEntityRef,             // memory statements only: text = type name, children[0] = key
                          // (kString, kInt or kParameter): Person 'Caroline'
};

enum class UnaryOp : uint8_t { kNot, kNegate, kPlus };

enum class BinaryOp : uint8_t {
  kOr,
  kXor,
  kAnd,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kPow,
  kStartsWith,
  kEndsWith,
  kContains,
  kIn,
  kRegexMatch,
};

// CASE: simple when `subject` is set (compare subject = when), searched otherwise.
struct CaseAlternative {
  ExprPtr when;
  ExprPtr then;
};
struct CaseExpr {
  ExprPtr subject;                            // null for a searched CASE
  std::vector<CaseAlternative> alternatives;  // at least one
  ExprPtr otherwise;                          // ELSE, or null (= null)
};

// [variable IN list WHERE where | projection]; also the body of quantifiers and
// (with variable/list empty) the WHERE/projection of a pattern comprehension.
struct Comprehension {
  std::string variable;
  ExprPtr list;
  ExprPtr where;       // null when absent
  ExprPtr projection;  // null when absent (the element itself)
};

// The parser never builds an expression taller than this (ResourceLimit
// instead), so consumers may recurse over expressions without a stack check.
inline constexpr int kMaxExprHeight = 1000;

struct Expr {
  ExprKind kind = ExprKind::kNull;
  int line = 0;
  int column = 0;
  int height = 1;  // 1 + height of the tallest sub-expression (set by the parser; 1 in hand-built trees)

  bool bool_value = false;
  int64_t int_value = 0;
  double double_value = 0.0;
  std::string text;  // see ExprKind for what it holds
  UnaryOp unary_op = UnaryOp::kNot;
  BinaryOp binary_op = BinaryOp::kOr;
  bool distinct = false;  // kFunctionCall: f(DISTINCT x)

  std::vector<ExprPtr> children;
  std::vector<std::string> names;  // kMap keys, kLabelPredicate labels

  std::unique_ptr<CaseExpr> case_expr;           // kCase
  std::unique_ptr<Comprehension> comprehension;  // kListComprehension, kQuantifier, kPatternComprehension
  std::unique_ptr<PatternPart> pattern;          // kPatternPredicate, kPatternComprehension

  Expr();
  Expr(ExprKind k, int l, int c);
  ~Expr();
  Expr(Expr&&) noexcept;
  Expr& operator=(Expr&&) noexcept;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;
};

// Deep copy of an expression tree (the parser uses it to expand a < b < c).
ExprPtr Clone(const Expr& e);

// Constructors used by the parser and handy in tests.
ExprPtr MakeNull(int line, int column);
ExprPtr MakeBool(bool v, int line, int column);
ExprPtr MakeInt(int64_t v, int line, int column);
ExprPtr MakeDouble(double v, int line, int column);
ExprPtr MakeString(std::string v, int line, int column);
ExprPtr MakeVariable(std::string name, int line, int column);
ExprPtr MakeUnary(UnaryOp op, ExprPtr operand, int line, int column);
ExprPtr MakeBinary(BinaryOp op, ExprPtr lhs, ExprPtr rhs);  // position of lhs

std::string_view ExprKindName(ExprKind k);
std::string_view UnaryOpName(UnaryOp op);    // "NOT", "-", "+"
std::string_view BinaryOpName(BinaryOp op);  // "OR", "=", "STARTS WITH", ...

// ------------------------------------------------------------------- patterns

// (variable:Label1:Label2 {key: value}) — every field optional.
struct NodePattern {
  int line = 0, column = 0;
  std::string variable;             // empty when anonymous
  std::vector<std::string> labels;  // all must hold
  ExprPtr properties;               // kMap or kParameter, or null
};

enum class RelDirection : uint8_t {
  kNone,   // (a)-[]-(b)   either direction
  kRight,  // (a)-[]->(b)
  kLeft,   // (a)<-[]-(b)
  kBoth,   // (a)<-[]->(b) written with both arrow heads (matches like kNone)
};

// *, *2, *1..3, *..3, *2..  — unset bounds are open (the binder picks defaults:
// openCypher uses min 1, max unbounded).
struct VarLength {
  std::optional<int64_t> min;
  std::optional<int64_t> max;
};

// -[variable:TYPE1|TYPE2 *1..3 {key: value}]->
struct RelPattern {
  int line = 0, column = 0;
  std::string variable;            // empty when anonymous
  std::vector<std::string> types;  // alternatives; empty = any type
  ExprPtr properties;              // kMap or kParameter, or null
  RelDirection direction = RelDirection::kNone;
  std::optional<VarLength> var_length;  // set when '*' was written
};

// [path_variable =] (n0)-[r0]-(n1)-[r1]-(n2)...
// Invariant: nodes.size() == rels.size() + 1; rels[i] links nodes[i] and nodes[i+1].
struct PatternPart {
  int line = 0, column = 0;
  std::string path_variable;  // empty when not named
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

// Comma separated parts of MATCH / CREATE.
struct Pattern {
  std::vector<PatternPart> parts;
};

// -------------------------------------------------------------------- clauses

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // empty when no AS
  std::string text;   // the expression exactly as written (column name when no alias)
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

// Body shared by WITH and RETURN.
struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN * / WITH * (items may follow: RETURN *, x)
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;   // null when absent
  ExprPtr limit;  // null when absent
};

struct MatchClause {
  bool optional = false;
  Pattern pattern;
  ExprPtr where;  // null when absent
};

struct UnwindClause {
  ExprPtr list;
  std::string variable;
};

struct WithClause {
  Projection projection;
  ExprPtr where;  // null when absent
};

struct ReturnClause {
  Projection projection;
};

struct CreateClause {
  Pattern pattern;
};

enum class SetItemKind : uint8_t {
  kProperty,  // target.key = value   (property = a kProperty Expr, e.g. n.name or (n).name)
  kReplace,   // variable = value     (replace all properties with a map)
  kMerge,     // variable += value    (add / overwrite properties from a map)
  kLabels,    // variable:Label:Other
};

struct SetItem {
  SetItemKind kind = SetItemKind::kProperty;
  int line = 0, column = 0;
  ExprPtr property;                 // kProperty only
  std::string variable;             // kReplace, kMerge, kLabels
  ExprPtr value;                    // kProperty, kReplace, kMerge
  std::vector<std::string> labels;  // kLabels
};

struct MergeClause {
  PatternPart pattern;
  std::vector<SetItem> on_create;  // all ON CREATE SET items, in order
  std::vector<SetItem> on_match;   // all ON MATCH SET items, in order
};

struct SetClause {
  std::vector<SetItem> items;
};

enum class RemoveItemKind : uint8_t { kProperty, kLabels };

struct RemoveItem {
  RemoveItemKind kind = RemoveItemKind::kProperty;
  int line = 0, column = 0;
  ExprPtr property;                 // kProperty: a kProperty Expr
  std::string variable;             // kLabels
  std::vector<std::string> labels;  // kLabels
};

struct RemoveClause {
  std::vector<RemoveItem> items;
};

struct DeleteClause {
  bool detach = false;
  std::vector<ExprPtr> targets;
};

// The alternatives are in ClauseKind order (Clause::kind() relies on it).
enum class ClauseKind : uint8_t { kMatch, kUnwind, kWith, kReturn, kCreate, kMerge, kSet, kRemove, kDelete };

struct Clause {
  int line = 0, column = 0;  // of the clause's first keyword
  std::variant<MatchClause, UnwindClause, WithClause, ReturnClause, CreateClause, MergeClause, SetClause, RemoveClause,
               DeleteClause>
      body;
  ClauseKind kind() const { return static_cast<ClauseKind>(body.index()); }
};

std::string_view ClauseKindName(ClauseKind k);  // "MATCH", "UNWIND", ...

// A sequence of clauses; when RETURN is present it is the last one.
struct SingleQuery {
  std::vector<Clause> clauses;
};

// parts[0] UNION [ALL] parts[1] ...; union_all[i] joins parts[i] and parts[i+1].
struct Query {
  std::vector<SingleQuery> parts;
  std::vector<bool> union_all;
};

// ---------------------------------------------------------- memory statements

enum class PropertyType : uint8_t { kText, kInt, kFloat, kBool, kDate, kDateTime, kList, kMap, kAny };
std::string_view PropertyTypeName(PropertyType t);  // "TEXT", ...

// `name TYPE [KEY]`
struct PropertyDef {
  int line = 0, column = 0;
  std::string name;
  PropertyType type = PropertyType::kAny;
  bool key = false;
};

enum class Cardinality : uint8_t { kDefault, kOne, kMany };

// `role: EntityType [MANY|ONE]` (entity_type may be "ANY")
struct RoleDef {
  int line = 0, column = 0;
  std::string name;
  std::string entity_type;
  Cardinality cardinality = Cardinality::kDefault;
};

// DEFINE ENTITY Name (prop TYPE [KEY], ...)
struct DefineEntity {
  std::string name;
  std::vector<PropertyDef> properties;
  std::vector<RoleDef> roles;  // always empty unless written (the binder rejects roles here)
};

// DEFINE RELATION name (role: Type [MANY|ONE], ..., prop TYPE, ...) [UNIQUE (role, ...)]
// DEFINE EVENT Name (...)  — same shape, is_event = true.
struct DefineRelation {
  bool is_event = false;
  std::string name;
  std::vector<RoleDef> roles;
  std::vector<PropertyDef> properties;  // in the order written
  std::vector<std::string> unique_roles;
};

struct ShowSchema {};

// OBSERVE text [AT t] [BY ref] [IN session] [ABOUT ref, ...] [SOURCE s] [TRUST x] [EMBEDDING list]
// Optional parts are null / empty when absent.
struct Observe {
  ExprPtr text;
  ExprPtr at;  // kTime or an expression
  ExprPtr by;  // kEntityRef
  ExprPtr session;
  std::vector<ExprPtr> about;  // kEntityRef each
  ExprPtr source;
  ExprPtr trust;
  ExprPtr embedding;
};

// `role: value` inside rel(...). The value is an expression, a kEntityRef, or a
// kList whose elements are kEntityRef / expressions. Roles and relation
// properties share this syntax; the schema tells them apart.
struct RoleBinding {
  int line = 0, column = 0;
  std::string role;
  ExprPtr value;
};

// rel(role: value, ...)
struct FactPattern {
  int line = 0, column = 0;
  std::string relation;
  std::vector<RoleBinding> roles;
};

// ASSERT fact [VALID FROM t] [VALID UNTIL t] [AT t] [FROM EPISODE id, ...]
//             [CONFIDENCE x] [SUPERSEDES id]
struct Assert {
  FactPattern fact;
  ExprPtr valid_from;
  ExprPtr valid_until;
  ExprPtr at;
  std::vector<ExprPtr> from_episodes;
  ExprPtr confidence;
  ExprPtr supersedes;
  ExprPtr embedding;  // a list of numbers, or null: the built-in embedder's
};

// RETRACT fact | RETRACT id   (exactly one of fact / id is set)
struct Retract {
  std::optional<FactPattern> fact;
  ExprPtr id;
};

// HISTORY fact   (roles may be partial: every matching fact's versions)
struct History {
  FactPattern fact;
};

// TIMELINE ref [FROM t] [TO t]   (+ AS OF / KNOWN AT on the Statement)
struct Timeline {
  ExprPtr entity;  // kEntityRef
  ExprPtr from;
  ExprPtr to;
};

// RECALL text [ABOUT ref, ...] [TOP k] [KINDS k, ...] [USING channel, ...]
//             [WEIGHTS {channel: w, ...}] [MIN TRUST x] [EXPLAIN]   (+ AS OF / KNOWN AT)
struct Recall {
  ExprPtr text;
  std::vector<ExprPtr> about;  // kEntityRef each
  ExprPtr top;
  std::vector<std::string> kinds;     // as written (episode, fact, entity, ...)
  std::vector<std::string> channels;  // as written (vector, keyword, graph, recency, ...)
  ExprPtr weights;                    // kMap or kParameter
  ExprPtr min_trust;
  bool explain = false;  // the trailing EXPLAIN option (per-channel contributions)
  ExprPtr embedding;     // the query vector, or null: the text embedded by the memory's embedder
};

// FORGET id | FORGET EPISODES BEFORE t   (exactly one of id / episodes_before is set)
struct Forget {
  ExprPtr id;
  ExprPtr episodes_before;
};

struct Restore {
  ExprPtr id;
};

struct Purge {
  ExprPtr id;
};

enum class ConsolidateJob : uint8_t { kCommunities, kImportance, kDecay, kDedupe };

// CONSOLIDATE COMMUNITIES [SEED n] [RESOLUTION r]
//           | IMPORTANCE
//           | DECAY [HALF LIFE d] [THRESHOLD x] [DRY RUN]
//           | DEDUPE [THRESHOLD x] [APPLY]
// (options in any order, each at most once)
struct Consolidate {
  ConsolidateJob job = ConsolidateJob::kCommunities;
  ExprPtr half_life;   // DECAY: kDuration or kParameter, or null
  ExprPtr threshold;   // DECAY, DEDUPE, or null
  ExprPtr seed;        // COMMUNITIES, or null
  ExprPtr resolution;  // COMMUNITIES, or null
  bool dry_run = false;
  bool apply = false;  // DEDUPE APPLY
};

// MERGE ENTITY ref INTO ref, or UNMERGE id | ref (undoes a merge: `unmerge`
// is set and from/into are null).
struct MergeEntity {
  ExprPtr from;     // kEntityRef
  ExprPtr into;     // kEntityRef
  ExprPtr unmerge;  // UNMERGE: the merge's id, the merged entity's id, or the merged entity (kEntityRef)
};

struct Snapshot {};

// The alternatives are in StatementKind order (Statement::kind() relies on it).
enum class StatementKind : uint8_t {
  kQuery,
  kDefineEntity,
  kDefineRelation,
  kShowSchema,
  kObserve,
  kAssert,
  kRetract,
  kHistory,
  kTimeline,
  kRecall,
  kForget,
  kRestore,
  kPurge,
  kConsolidate,
  kMergeEntity,
  kSnapshot,
};

struct Statement {
  int line = 0, column = 0;  // where the statement starts (at EXPLAIN when present)
  size_t offset = 0;         // byte offset of the statement text in the parsed input
  size_t length = 0;         // byte length (without the terminating ';' and trailing blanks)
  bool explain = false;      // EXPLAIN <statement>
  ExprPtr as_of;             // AS OF <time> (reading statements), or null
  ExprPtr known_at;          // KNOWN AT <time> (reading statements), or null
  std::variant<Query, DefineEntity, DefineRelation, ShowSchema, Observe, Assert, Retract, History, Timeline, Recall,
               Forget, Restore, Purge, Consolidate, MergeEntity, Snapshot>
      body;
  StatementKind kind() const { return static_cast<StatementKind>(body.index()); }
};

std::string_view StatementKindName(StatementKind k);  // "QUERY", "OBSERVE", ...

struct Script {
  std::vector<Statement> statements;
};

}  // namespace mnemo::lang
