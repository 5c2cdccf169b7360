// AstBuilder: the stack machine that the grammar's actions feed.
//
// Internal to lang/ (used by parser.cpp only). It knows nothing about PEGTL:
// actions call it with the matched text and its position.
//
// Stack discipline: the parser's control wraps the match of every rule that
// is not a plain token in EnterRule() / LeaveRule(): a failed rule drops
// whatever its sub-rules pushed (so backtracking never leaves stray items).
// A rule's action runs before LeaveRule(), so `Mark()` is the stack size when
// that rule started: the items above it are the rule's children.
//
// Errors found while building (integer overflow, a bad date, a duplicate
// option, ...) are thrown as SyntaxException and turned into a Status by Parse.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.hpp"
#include "lang/ast.hpp"
#include "lang/stack_guard.hpp"

namespace mnemo::lang::internal {

struct SyntaxException {
  StatusCode code = StatusCode::kSyntaxError;
  std::string message;
  int line = 0;
  int column = 0;
};

// Where a matched piece of text starts.
struct Pos {
  int line = 1;
  int column = 1;
  size_t offset = 0;  // byte offset in the whole input
};

// What a name on the stack stands for.
enum class NameRole : uint8_t {
  kVariable,
  kPathVariable,
  kAlias,
  kLabel,
  kRelType,
  kPropertyKey,
  kMapKey,
  kFunction,
  kTypeName,
  kRoleName,
  kMemberName,
  kEntityType,
  kUniqueRole,
  kKind,
  kChannel,
};

// Markers pushed by keyword-like tokens.
enum class Flag : uint8_t {
  kOptional,
  kDistinct,
  kDetach,
  kDesc,
  kLeftHead,
  kRightHead,
  kDots,
  kStar,
  kUnionAll,
  kExplain,
  kOnCreate,
  kOnMatch,
  kKey,
  kMany,
  kOne,
  kIsNot,
  kMergeAssign,
  kPropertyType,
  kJobCommunities,
  kJobImportance,
  kJobDecay,
  kJobDedupe,
  kValidUntil,
};

// An expression wrapped with the part it plays in its parent.
enum class Part : uint8_t { kWhere, kListWhere, kListProjection, kCaseWhen, kCaseElse, kSkip, kLimit };

// Statement options (each may appear at most once in a statement).
enum class OptionKind : uint8_t {
  kAt,
  kBy,
  kIn,
  kAbout,
  kSource,
  kTrust,
  kEmbedding,
  kValidFrom,
  kValidUntil,
  kFromEpisode,
  kConfidence,
  kSupersedes,
  kFrom,
  kTo,
  kTop,
  kKinds,
  kUsing,
  kWeights,
  kMinTrust,
  kRecallExplain,
  kAsOf,
  kKnownAt,
  kBefore,
  kHalfLife,
  kDryRun,
  kApply,
  kThreshold,
  kSeed,
  kResolution,
};
std::string_view OptionKindName(OptionKind k);  // "AT", "VALID FROM", ...

enum class ItemTag : uint8_t {
  kExpr,
  kName,
  kFlag,
  kOp,
  kPart,
  kOption,
  kNode,
  kRel,
  kVarLength,
  kPatternPart,
  kPattern,
  kClause,
  kProjectionItem,
  kSortItem,
  kSetItem,
  kRemoveItem,
  kSingleQuery,
  kQuery,
  kRoleBinding,
  kFact,
  kPropertyDef,
  kRoleDef,
  kStatement,
};

struct Item {
  ItemTag tag = ItemTag::kExpr;
  int code = 0;                // kName: NameRole, kFlag: Flag, kOp: OpCode, kPart: Part, kOption: OptionKind,
                               // kExpr: 1 while it is a 2^63 literal waiting for a unary minus
  int value = 0;               // kFlag kPropertyType: the PropertyType
  bool parenthesized = false;  // kExpr written as (expr): [(x IN l)] is a list, not a comprehension
  Pos pos;
  std::string text;                // kName: the decoded name
  ExprPtr expr;                    // kExpr, kPart (kCaseWhen: when), kOption (single value)
  ExprPtr expr2;                   // kPart kCaseWhen: then
  std::vector<ExprPtr> exprs;      // kOption: list values (ABOUT, FROM EPISODE)
  std::vector<std::string> names;  // kOption: KINDS / USING names
  std::variant<std::monostate, NodePattern, RelPattern, VarLength, PatternPart, Pattern, Clause, ProjectionItem,
               SortItem, SetItem, RemoveItem, SingleQuery, Query, RoleBinding, FactPattern, PropertyDef, RoleDef,
               Statement>
      node;
};

// Operator codes pushed with ItemTag::kOp.
enum class OpCode : uint8_t {
  kNot,
  kNegate,
  kPlus,  // prefix
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
  kRegexMatch,  // binary
};

class AstBuilder {
 public:
  // Expression nesting limit: deeper input fails with ResourceLimit.
  static constexpr int kMaxExpressionDepth = 256;

  AstBuilder() { items_.reserve(64); }

  // ---- stack discipline (called by the parser's control)
  // Starts a rule: returns the enclosing rule's mark, to give back to LeaveRule.
  size_t EnterRule() {
    const size_t enclosing = mark_;
    mark_ = items_.size();
    return enclosing;
  }
  // Ends a rule: on failure drops what it pushed; restores the enclosing mark.
  void LeaveRule(size_t enclosing, bool matched) {
    if (!matched && items_.size() > mark_) items_.resize(mark_);
    mark_ = enclosing;
  }
  // Stack size when the current rule started.
  size_t Mark() const { return mark_; }
  // Depth of nested `expression` rules; throws ResourceLimit past the limit or
  // when the thread's stack is nearly exhausted.
  void EnterExpression(Pos p);
  void LeaveExpression() { --depth_; }

  // ---- leaves
  void PushName(NameRole role, std::string_view raw, Pos p);        // raw may be `backquoted`
  void PushDottedName(NameRole role, std::string_view raw, Pos p);  // a.b.`c`
  void PushFlag(Flag f, Pos p, int value = 0);
  void PushOp(OpCode op, Pos p);
  // Pushes an expression; fails (ResourceLimit, at `blame` or e's position)
  // when it is taller than kMaxExprHeight.
  void PushExpr(ExprPtr e);
  void PushExpr(ExprPtr e, Pos blame);
  void IntLiteral(std::string_view digits, int base, Pos p);
  void DoubleLiteral(std::string_view text, Pos p);
  void StringLiteral(std::string_view quoted, Pos p);
  void Parameter(std::string_view raw_name, Pos p);
  void VariableRef(std::string_view raw_name, Pos p);  // a variable used as an expression
  void TimeLiteral(std::string_view text, Pos p);
  void DurationLiteral(std::string_view text, Pos p);
  void RangeInt(std::string_view digits, Pos p);  // bound of *min..max

  // ---- expressions (each consumes the items above Mark(), some also the one below)
  void MarkParenthesized() { items_.back().parenthesized = true; }
  void Wrap(Part part, Pos p);  // top expr -> part
  void CaseWhen(Pos p);         // when, then -> part
  void Case(Pos p);
  void ListAtom(Pos p);
  void MapLiteral(Pos p);
  void FunctionCall(Pos p);
  void PatternPredicate(Pos p);
  void PropertyLookup();  // object below mark
  void IndexOrSlice();    // object below mark
  void LabelPredicate();  // operand below mark
  void ApplyPrefixOps();  // ops..., operand
  void BinaryTail();      // lhs (below mark), op, rhs
  void IsNullTail();      // operand below mark
  void Comparison();      // e0 (op e)*
  void EntityRef(Pos p);

  // ---- patterns
  void NodePattern(Pos p);
  void VarLength();
  void RelPattern(Pos p);
  void PatternPart(Pos p);
  void Pattern();

  // ---- clauses (ast_builder_clauses.cpp)
  void MatchClause(Pos p);
  void UnwindClause(Pos p);
  void ProjectionExpr(std::string_view text);
  void ProjectionItem();
  void SortItem();
  void WithClause(Pos p);
  void ReturnClause(Pos p);
  void CreateClause(Pos p);
  void SetLabelsItem(Pos p);
  void SetVariableItem(Pos p);
  void SetPropertyItem(Pos p);
  void SetClause(Pos p);
  void MergeClause(Pos p);
  void RemoveLabelsItem(Pos p);
  void RemovePropertyItem(Pos p);
  void RemoveClause(Pos p);
  void DeleteClause(Pos p);
  void SingleQuery();
  void Query();
  void CypherStatement();

  // ---- memory statements (ast_builder_memory.cpp)
  void Option(OptionKind kind, Pos p);
  void ValidOption(Pos p);  // VALID FROM t / VALID UNTIL t (flag kValidUntil)
  void PropertyDef(Pos p);
  void RoleDef(Pos p);
  void DefineEntity();
  void DefineRelation(bool is_event);
  void ShowSchema();
  void Observe();
  void RoleBinding(Pos p);
  void FactPattern(Pos p);
  void Assert();
  void Retract();
  void History();
  void Timeline();
  void Recall();
  void Forget();
  void Restore();
  void Purge();
  void Consolidate();
  void MergeEntity();
  void Unmerge();
  void Snapshot();

  // ---- statements
  void Statement(Pos p, size_t length);  // appends to the script
  Script TakeScript() { return std::move(script_); }

  // Throws SyntaxException at p.
  [[noreturn]] static void Fail(std::string message, Pos p);
  // Fails when the option item's kind is already in *seen (options may be
  // written in any order, each at most once); records it otherwise.
  static void CheckOnce(uint64_t* seen, const Item& option);

 private:
  std::vector<Item> TakeSinceMark();
  Item PopItem();
  ExprPtr PopExpr();
  // Moves the expression out of an kExpr item (rejects a pending 2^63 literal).
  ExprPtr TakeExpr(Item& item);
  Item& Top() { return items_.back(); }
  void Push(Item item) { items_.push_back(std::move(item)); }
  void PushNode(ItemTag tag, Pos p, decltype(Item::node) node);
  void PushStatementBody(decltype(lang::Statement::body) body, ExprPtr as_of = nullptr, ExprPtr known_at = nullptr);

  std::vector<Item> items_;
  size_t mark_ = 0;
  int depth_ = 0;
  StackGuard stack_guard_;
  Script script_;
};

}  // namespace mnemo::lang::internal
