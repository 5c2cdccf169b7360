// PEGTL grammar of the mnemo query language (LANGUAGE.md): rules only.
//
// Included by lang/parser.cpp and the grammar test only; nothing else may
// include PEGTL. Actions live in parser.cpp and only feed the AstBuilder.
//
// Conventions
//  - snake_case rule structs; `must<>` at commit points (each rule used in a
//    must<> has an error message in parse_errors.hpp — a missing one is a
//    compile error).
//  - Keywords are case-insensitive (istring) with a word-boundary check;
//    identifiers are case-sensitive; `backquoted` names may hold anything.
//  - Blanks and comments are explicit (`ws`) between tokens; no rule starts or
//    ends with ws, so a statement's match is exactly its text.
//  - `--` starts a comment, except right after a node pattern where `--`
//    followed by `(` or `>` is a relationship (the `ws_nd` rule).
//  - No rule re-parses an unbounded sub-tree on backtracking: alternatives are
//    chosen by short lookaheads (`at<>`), and the only long lookahead
//    (pattern_ahead) scans tokens without building anything.
//  - Expression nesting depth is bounded by the parser's control (rule
//    `expression`), so deeply nested input fails cleanly.
#pragma once

#include <string_view>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "lang/reserved_words.hpp"

namespace mnemo::lang::grammar {

using namespace tao::pegtl;  // NOLINT(google-build-using-namespace): rules read as a grammar

// =========================================================== blanks, comments

// Blanks and complete comments (`//`, `/* */`, and `--` when kDashComments),
// skipped in one loop. Stops before an unterminated `/*` so that
// block_comment reports it where it opens.
template <bool kDashComments>
struct blanks {
  using rule_t = blanks;
  using subs_t = empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* const begin = in.current();
    const char* const end = in.end();
    const char* p = begin;
    while (p < end) {
      const char c = *p;
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
        ++p;
      } else if (p + 1 < end && ((c == '/' && p[1] == '/') || (kDashComments && c == '-' && p[1] == '-'))) {
        while (p < end && *p != '\n') ++p;
      } else if (p + 1 < end && c == '/' && p[1] == '*') {
        const char* q = p + 2;
        while (q + 1 < end && !(q[0] == '*' && q[1] == '/')) ++q;
        if (q + 1 >= end) break;  // unterminated
        p = q + 2;
      } else {
        break;
      }
    }
    in.bump(static_cast<size_t>(p - begin));
    return true;
  }
};

struct block_comment_rest : until<string<'*', '/'>> {};
struct block_comment : seq<string<'/', '*'>, must<block_comment_rest>> {};
struct ws : seq<blanks<true>, opt<block_comment>> {};
// Blanks without `--` comments: used between a node pattern and a relationship.
struct ws_nd : seq<blanks<false>, opt<block_comment>> {};

// R (',' R)* with blanks around the commas; a dangling comma is an error.
template <typename R>
struct comma_list : seq<R, star<ws, one<','>, ws, must<R>>> {};

// ================================================================ identifiers

struct ident_first : sor<ranges<'a', 'z', 'A', 'Z', '_'>, range<char(0x80), char(0xff)>> {};
struct ident_other : sor<ranges<'a', 'z', 'A', 'Z', '0', '9', '_'>, range<char(0x80), char(0xff)>> {};
struct identifier_word : seq<ident_first, star<ident_other>> {};

// `name with spaces` — a doubled backquote stands for one backquote; the
// name may not be empty.
struct backquote_close : seq<one<'`'>, not_at<one<'`'>>> {};
struct backquoted_name : not_at<backquote_close> {};
struct backquoted_rest : until<backquote_close, sor<two<'`'>, any>> {};
struct backquoted : seq<one<'`'>, must<backquoted_name>, must<backquoted_rest>> {};

template <typename Word>
struct keyword : seq<Word, not_at<ident_other>> {};

#define MNEMO_KEYWORD(name, text) \
  struct kw_##name : keyword<TAO_PEGTL_ISTRING(text)> {}

// openCypher reserved words (plus OF) — not usable as unquoted variables.
MNEMO_KEYWORD(all, "ALL");
MNEMO_KEYWORD(and, "AND");
MNEMO_KEYWORD(as, "AS");
MNEMO_KEYWORD(asc, "ASC");
MNEMO_KEYWORD(ascending, "ASCENDING");
MNEMO_KEYWORD(by, "BY");
MNEMO_KEYWORD(case, "CASE");
MNEMO_KEYWORD(contains, "CONTAINS");
MNEMO_KEYWORD(create, "CREATE");
MNEMO_KEYWORD(delete, "DELETE");
MNEMO_KEYWORD(desc, "DESC");
MNEMO_KEYWORD(descending, "DESCENDING");
MNEMO_KEYWORD(detach, "DETACH");
MNEMO_KEYWORD(distinct, "DISTINCT");
MNEMO_KEYWORD(else, "ELSE");
MNEMO_KEYWORD(end, "END");
MNEMO_KEYWORD(ends, "ENDS");
MNEMO_KEYWORD(exists, "EXISTS");
MNEMO_KEYWORD(false, "FALSE");
MNEMO_KEYWORD(in, "IN");
MNEMO_KEYWORD(is, "IS");
MNEMO_KEYWORD(limit, "LIMIT");
MNEMO_KEYWORD(match, "MATCH");
MNEMO_KEYWORD(merge, "MERGE");
MNEMO_KEYWORD(not, "NOT");
MNEMO_KEYWORD(null, "NULL");
MNEMO_KEYWORD(of, "OF");
MNEMO_KEYWORD(on, "ON");
MNEMO_KEYWORD(optional, "OPTIONAL");
MNEMO_KEYWORD(or, "OR");
MNEMO_KEYWORD(order, "ORDER");
MNEMO_KEYWORD(remove, "REMOVE");
MNEMO_KEYWORD(return, "RETURN");
MNEMO_KEYWORD(set, "SET");
MNEMO_KEYWORD(skip, "SKIP");
MNEMO_KEYWORD(starts, "STARTS");
MNEMO_KEYWORD(then, "THEN");
MNEMO_KEYWORD(true, "TRUE");
MNEMO_KEYWORD(union, "UNION");
MNEMO_KEYWORD(unwind, "UNWIND");
MNEMO_KEYWORD(when, "WHEN");
MNEMO_KEYWORD(where, "WHERE");
MNEMO_KEYWORD(with, "WITH");
MNEMO_KEYWORD(xor, "XOR");

// Contextual keywords: recognised only where the grammar expects them.
MNEMO_KEYWORD(count, "COUNT");
MNEMO_KEYWORD(define, "DEFINE");
MNEMO_KEYWORD(entity, "ENTITY");
MNEMO_KEYWORD(relation, "RELATION");
MNEMO_KEYWORD(event, "EVENT");
MNEMO_KEYWORD(unique, "UNIQUE");
MNEMO_KEYWORD(key, "KEY");
MNEMO_KEYWORD(many, "MANY");
MNEMO_KEYWORD(one, "ONE");
MNEMO_KEYWORD(show, "SHOW");
MNEMO_KEYWORD(schema, "SCHEMA");
MNEMO_KEYWORD(observe, "OBSERVE");
MNEMO_KEYWORD(at, "AT");
MNEMO_KEYWORD(about, "ABOUT");
MNEMO_KEYWORD(source, "SOURCE");
MNEMO_KEYWORD(trust, "TRUST");
MNEMO_KEYWORD(embedding, "EMBEDDING");
MNEMO_KEYWORD(assert, "ASSERT");
MNEMO_KEYWORD(valid, "VALID");
MNEMO_KEYWORD(from, "FROM");
MNEMO_KEYWORD(until, "UNTIL");
MNEMO_KEYWORD(episode, "EPISODE");
MNEMO_KEYWORD(episodes, "EPISODES");
MNEMO_KEYWORD(confidence, "CONFIDENCE");
MNEMO_KEYWORD(supersedes, "SUPERSEDES");
MNEMO_KEYWORD(retract, "RETRACT");
MNEMO_KEYWORD(history, "HISTORY");
MNEMO_KEYWORD(timeline, "TIMELINE");
MNEMO_KEYWORD(to, "TO");
MNEMO_KEYWORD(recall, "RECALL");
MNEMO_KEYWORD(top, "TOP");
MNEMO_KEYWORD(kinds, "KINDS");
MNEMO_KEYWORD(using, "USING");
MNEMO_KEYWORD(weights, "WEIGHTS");
MNEMO_KEYWORD(min, "MIN");
MNEMO_KEYWORD(explain, "EXPLAIN");
MNEMO_KEYWORD(forget, "FORGET");
MNEMO_KEYWORD(before, "BEFORE");
MNEMO_KEYWORD(restore, "RESTORE");
MNEMO_KEYWORD(purge, "PURGE");
MNEMO_KEYWORD(consolidate, "CONSOLIDATE");
MNEMO_KEYWORD(communities, "COMMUNITIES");
MNEMO_KEYWORD(importance, "IMPORTANCE");
MNEMO_KEYWORD(decay, "DECAY");
MNEMO_KEYWORD(half, "HALF");
MNEMO_KEYWORD(life, "LIFE");
MNEMO_KEYWORD(dry, "DRY");
MNEMO_KEYWORD(run, "RUN");
MNEMO_KEYWORD(dedupe, "DEDUPE");
MNEMO_KEYWORD(apply, "APPLY");
MNEMO_KEYWORD(into, "INTO");
MNEMO_KEYWORD(seed, "SEED");
MNEMO_KEYWORD(resolution, "RESOLUTION");
MNEMO_KEYWORD(threshold, "THRESHOLD");
MNEMO_KEYWORD(unmerge, "UNMERGE");
MNEMO_KEYWORD(snapshot, "SNAPSHOT");
MNEMO_KEYWORD(known, "KNOWN");
// Property types.
MNEMO_KEYWORD(text, "TEXT");
MNEMO_KEYWORD(string, "STRING");
MNEMO_KEYWORD(int, "INT");
MNEMO_KEYWORD(integer, "INTEGER");
MNEMO_KEYWORD(float, "FLOAT");
MNEMO_KEYWORD(bool, "BOOL");
MNEMO_KEYWORD(boolean, "BOOLEAN");
MNEMO_KEYWORD(date, "DATE");
MNEMO_KEYWORD(datetime, "DATETIME");
MNEMO_KEYWORD(list, "LIST");
MNEMO_KEYWORD(map, "MAP");
MNEMO_KEYWORD(any, "ANY");

#undef MNEMO_KEYWORD

// An unquoted reserved word (reserved_words.hpp), checked in one step.
struct reserved_word {
  using rule_t = reserved_word;
  using subs_t = empty_list;

  static bool IsWordByte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u >= 0x80;
  }

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* const p = in.current();
    const size_t available = static_cast<size_t>(in.end() - p);
    size_t n = 0;
    while (n < available && IsWordByte(p[n])) {
      if (++n > kMaxReservedWordLength) return false;
    }
    if (!IsReservedWord(std::string_view(p, n))) return false;
    in.bump(n);
    return true;
  }
};

// Any name: labels, relationship types, property keys, function names, schema names.
struct symbolic_name : sor<backquoted, identifier_word> {};
// A variable cannot be an unquoted reserved word.
struct variable_name : sor<backquoted, seq<not_at<reserved_word>, identifier_word>> {};

// Name rules: each has an action that pushes the decoded name with its role.
struct variable : variable_name {};
struct path_variable : variable_name {};
struct alias_name : variable_name {};
struct label_name : symbolic_name {};
struct rel_type_name : symbolic_name {};
struct property_key : symbolic_name {};
struct map_key : symbolic_name {};
struct type_name : symbolic_name {};         // entity / relation / event type (memory statements)
struct role_name : symbolic_name {};         // role in rel(role: value)
struct member_name : symbolic_name {};       // property or role in DEFINE
struct role_entity_type : symbolic_name {};  // `role: Person`
struct unique_role : symbolic_name {};
struct kind_name : symbolic_name {};
struct channel_name : symbolic_name {};

// ================================================================== literals

struct hex_digits : plus<xdigit> {};
struct hex_int : seq<one<'0'>, one<'x', 'X'>, must<hex_digits>> {};
struct oct_digits : plus<range<'0', '7'>> {};
struct oct_int : seq<one<'0'>, one<'o', 'O'>, must<oct_digits>> {};
struct exponent : seq<one<'e', 'E'>, opt<one<'+', '-'>>, plus<digit>> {};
struct double_lit : sor<seq<star<digit>, one<'.'>, plus<digit>, opt<exponent>>, seq<plus<digit>, exponent>> {};
struct dec_int : plus<digit> {};
struct number_end : not_at<ident_other> {};
struct number : seq<sor<hex_int, oct_int, double_lit, dec_int>, must<number_end>> {};

struct escape_code : sor<one<'\\', '\'', '"', 'n', 't', 'r', 'b', 'f', '/'>, seq<one<'u'>, rep<4, xdigit>>,
                         seq<one<'U'>, rep<8, xdigit>>> {};
struct escape : seq<one<'\\'>, must<escape_code>> {};
struct single_quoted_rest : until<one<'\''>, sor<escape, any>> {};
struct double_quoted_rest : until<one<'"'>, sor<escape, any>> {};
struct single_quoted : seq<one<'\''>, must<single_quoted_rest>> {};
struct double_quoted : seq<one<'"'>, must<double_quoted_rest>> {};
struct string_literal : sor<single_quoted, double_quoted> {};

struct true_literal : kw_true {};
struct false_literal : kw_false {};
struct null_literal : kw_null {};

struct parameter_name : sor<symbolic_name, plus<digit>> {};
struct parameter : seq<one<'$'>, must<parameter_name>> {};

// ---- times and durations (only where a clause expects them)

struct two_digits : rep<2, digit> {};
struct zone : sor<one<'Z', 'z'>, seq<one<'+', '-'>, two_digits, opt<opt<one<':'>>, two_digits>>> {};
struct clock_time : seq<one<'T', 't'>, two_digits, one<':'>, two_digits,
                        opt<one<':'>, two_digits, opt<one<'.'>, plus<digit>>>, opt<zone>> {};
struct iso_time_body
    : seq<rep<4, digit>, one<'-'>, two_digits, one<'-'>, two_digits, opt<clock_time>, not_at<ident_other>> {};
// Digits '-' digits '-' commits to a date/time literal: `2023-5-8` is an error, not 2010.
struct iso_time : seq<at<plus<digit>, one<'-'>, plus<digit>, one<'-'>>, must<iso_time_body>> {};

struct duration_unit : sor<string<'m', 's'>, string<'u', 's'>, one<'d', 'h', 'm', 's'>> {};
struct duration_body : seq<plus<plus<digit>, duration_unit>, not_at<ident_other>> {};
struct duration_literal : seq<at<digit>, must<duration_body>> {};

// ================================================================ expressions

struct expression;
struct pattern_element_tail;
struct node_pattern;
struct map_literal;

// ---- lists, comprehensions

struct list_close : one<']'> {};
struct list_where : seq<kw_where, ws, must<expression>> {};
struct list_projection : seq<one<'|'>, ws, must<expression>> {};
// `[a, b]`, `[x IN l WHERE p | e]`, `[(a)-->(b) | b.name]`: the elements are
// parsed once as expressions; the builder turns `[x IN l ...]` into a comprehension.
struct list_atom : seq<one<'['>, ws, opt<comma_list<expression>, ws>, opt<list_where, ws>, opt<list_projection, ws>,
                       must<list_close>> {};

// ---- maps

struct map_colon : one<':'> {};
struct map_entry : seq<map_key, ws, must<map_colon>, ws, must<expression>> {};
struct map_close : one<'}'> {};
struct map_literal : seq<one<'{'>, ws, opt<comma_list<map_entry>, ws>, must<map_close>> {};

// ---- CASE

struct case_when : seq<kw_when, ws, must<expression>, ws, must<kw_then>, ws, must<expression>> {};
struct case_else : seq<kw_else, ws, must<expression>> {};
struct case_expr : seq<kw_case, ws, opt<expression, ws>, must<case_when>, star<ws, case_when>, opt<ws, case_else>, ws,
                       must<kw_end>> {};

// ---- count(*) and function calls

struct count_star : seq<kw_count, ws, one<'('>, ws, one<'*'>, ws, one<')'>> {};

// A function name may be ALL/EXISTS (quantifier, exists()) but no other reserved word.
struct function_name_part
    : sor<backquoted, seq<sor<at<kw_all>, at<kw_exists>, not_at<reserved_word>>, identifier_word>> {};
struct function_name : seq<function_name_part, star<one<'.'>, function_name_part>> {};
struct call_distinct : kw_distinct {};
struct call_arguments : comma_list<expression> {};
struct call_close : one<')'> {};
// f(args), ns.f(DISTINCT x), all(x IN l WHERE p)
struct function_call : seq<at<function_name, ws, one<'('>>, function_name, ws, one<'('>, ws,
                           opt<sor<seq<call_distinct, ws, must<call_arguments>>, call_arguments>, ws>,
                           opt<list_where, ws>, must<call_close>> {};

// ---- pattern predicates: (a)-[:R]->(b) inside an expression

// Scans a `{...}` block (strings, backquotes and comments inside are
// honoured) without building anything; used only inside pattern_ahead.
struct brace_scan {
  // Braces nested deeper than the parser's expression depth limit cannot
  // parse either way; the scan stops there instead of rescanning the rest of
  // the input at every nesting level.
  static constexpr size_t kMaxBraceDepth = 300;

  enum class Outcome { kBalanced, kTooDeep, kUnbalanced };

  // `--` followed by `(` or `>` is a relationship (as in rel_start), not a comment.
  static bool IsRelationshipDashes(const char* p, const char* end) {
    if (*p != '-') return false;
    for (p += 2; p < end && (*p == ' ' || *p == '\t'); ++p) {
    }
    return p < end && (*p == '(' || *p == '>');
  }

  // Scans from `begin` (a '{'); on kBalanced, *stop is just past the matching '}'.
  static Outcome Scan(const char* const begin, const char* const end, const char** stop) {
    if (begin == end || *begin != '{') return Outcome::kUnbalanced;
    size_t depth = 0;
    for (const char* p = begin; p < end; ++p) {
      const char c = *p;
      if (c == '\'' || c == '"' || c == '`') {
        for (++p; p < end && *p != c; ++p) {
          if (*p == '\\' && c != '`') ++p;
        }
        if (p >= end) return Outcome::kUnbalanced;
      } else if (c == '/' && p + 1 < end && p[1] == '*') {
        for (p += 2; p + 1 < end && !(p[0] == '*' && p[1] == '/'); ++p) {
        }
        if (p + 1 >= end) return Outcome::kUnbalanced;
        ++p;
      } else if ((c == '/' || c == '-') && p + 1 < end && p[1] == c && !IsRelationshipDashes(p, end)) {
        while (p < end && *p != '\n') ++p;
        if (p >= end) return Outcome::kUnbalanced;
      } else if (c == '{') {
        if (++depth > kMaxBraceDepth) return Outcome::kTooDeep;
      } else if (c == '}') {
        if (--depth == 0) {
          *stop = p + 1;
          return Outcome::kBalanced;
        }
      }
    }
    return Outcome::kUnbalanced;
  }
};

// Skips a balanced `{...}`.
struct balanced_braces {
  using rule_t = balanced_braces;
  using subs_t = empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* stop = nullptr;
    if (brace_scan::Scan(in.current(), in.end(), &stop) != brace_scan::Outcome::kBalanced) return false;
    in.bump(static_cast<size_t>(stop - in.current()));
    return true;
  }
};

// Succeeds, consuming nothing, on a `{` whose braces nest too deeply to parse:
// pattern_ahead then says "pattern" and the parse fails with the depth error.
struct braces_too_deep {
  using rule_t = braces_too_deep;
  using subs_t = empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* stop = nullptr;
    return brace_scan::Scan(in.current(), in.end(), &stop) == brace_scan::Outcome::kTooDeep;
  }
};

// The start of a relationship after a node: `<-`, `-[`, `-->`, `--(`.
struct rel_start : sor<seq<one<'<'>, ws_nd, one<'-'>>, seq<one<'-'>, ws_nd, one<'['>>,
                       seq<one<'-'>, ws_nd, one<'-'>, ws_nd, one<'>', '('>>> {};

// Lookahead: a node-shaped parenthesis followed by a relationship start.
// Decides between a pattern predicate and a parenthesized expression without
// parsing either (so nothing is parsed twice).
struct lookahead_labels : plus<ws_nd, one<':'>, ws_nd, symbolic_name> {};
struct pattern_ahead
    : seq<one<'('>, ws_nd, opt<variable_name>, opt<lookahead_labels>, ws_nd,
          sor<braces_too_deep,
              seq<opt<sor<balanced_braces, seq<one<'$'>, parameter_name>>>, ws_nd, one<')'>, ws_nd, rel_start>>> {};
struct pattern_predicate_body : seq<node_pattern, pattern_element_tail> {};
struct pattern_predicate : seq<at<pattern_ahead>, must<pattern_predicate_body>> {};

// ---- atoms

struct paren_close : one<')'> {};
struct paren_expr : seq<one<'('>, ws, must<expression>, ws, must<paren_close>> {};
struct variable_ref : variable {};

struct atom : sor<number, string_literal, true_literal, false_literal, null_literal, parameter, case_expr, count_star,
                  list_atom, map_literal, pattern_predicate, paren_expr, function_call, variable_ref> {};

// ---- postfix: property lookup, index/slice, label predicate

struct property_lookup : seq<one<'.'>, not_at<one<'.'>>, ws, must<property_key>> {};
struct slice_dots : two<'.'> {};
struct index_body
    : sor<seq<slice_dots, ws, opt<expression>>, seq<expression, opt<ws, slice_dots, ws, opt<expression>>>> {};
struct index_close : one<']'> {};
struct index_or_slice : seq<one<'['>, ws, must<index_body>, ws, must<index_close>> {};
struct label_part : seq<one<':'>, ws, must<label_name>> {};
struct node_label_list : seq<label_part, star<ws, label_part>> {};
struct expr_labels : node_label_list {};
struct postfix_expr : seq<atom, star<ws, sor<property_lookup, index_or_slice>>, opt<ws, expr_labels>> {};

// ---- operators, loosest last. Each *_tail folds with the operand before it.

struct prefix_minus : one<'-'> {};
struct prefix_plus : one<'+'> {};
struct unary_expr : seq<star<sor<prefix_minus, prefix_plus>, ws>, postfix_expr> {};

struct op_pow : one<'^'> {};
struct power_tail : seq<op_pow, ws, must<unary_expr>> {};
struct power_expr : seq<unary_expr, star<ws, power_tail>> {};

struct op_mul : one<'*'> {};
struct op_div : one<'/'> {};
struct op_mod : one<'%'> {};
struct mul_tail : seq<sor<op_mul, op_div, op_mod>, ws, must<power_expr>> {};
struct mul_expr : seq<power_expr, star<ws, mul_tail>> {};

struct op_add : seq<one<'+'>, not_at<one<'='>>> {};
struct op_sub : one<'-'> {};
struct add_tail : seq<sor<op_add, op_sub>, ws, must<mul_expr>> {};
struct add_expr : seq<mul_expr, star<ws, add_tail>> {};

struct op_starts_with : seq<kw_starts, ws, must<kw_with>> {};
struct op_ends_with : seq<kw_ends, ws, must<kw_with>> {};
struct op_contains : kw_contains {};
struct op_in : kw_in {};
struct op_regex : string<'=', '~'> {};
struct predicate_tail : seq<sor<op_starts_with, op_ends_with, op_contains, op_in, op_regex>, ws, must<add_expr>> {};
struct is_not : kw_not {};
struct is_null_tail : seq<kw_is, ws, opt<is_not, ws>, must<kw_null>> {};
struct predicate_expr : seq<add_expr, star<ws, sor<predicate_tail, is_null_tail>>> {};

struct op_ne : string<'<', '>'> {};
struct op_le : string<'<', '='> {};
struct op_ge : string<'>', '='> {};
struct op_lt : one<'<'> {};
struct op_gt : one<'>'> {};
struct op_eq : seq<one<'='>, not_at<one<'~'>>> {};
struct comparison_tail : seq<sor<op_ne, op_le, op_ge, op_lt, op_gt, op_eq>, ws, must<predicate_expr>> {};
// a < b < c means a < b AND b < c (openCypher chained comparison).
struct comparison_expr : seq<predicate_expr, star<ws, comparison_tail>> {};

struct op_not : kw_not {};
struct not_expr : seq<star<op_not, ws>, comparison_expr> {};

struct op_and : kw_and {};
struct and_tail : seq<op_and, ws, must<not_expr>> {};
struct and_expr : seq<not_expr, star<ws, and_tail>> {};

struct op_xor : kw_xor {};
struct xor_tail : seq<op_xor, ws, must<and_expr>> {};
struct xor_expr : seq<and_expr, star<ws, xor_tail>> {};

struct op_or : kw_or {};
struct or_tail : seq<op_or, ws, must<xor_expr>> {};
struct or_expr : seq<xor_expr, star<ws, or_tail>> {};

// Every nested expression goes through this rule (the depth limit counts it).
struct expression : seq<or_expr> {};

// Values of memory-statement options: arithmetic only, so that the keywords
// that follow (IN, AT, ...) are not read as operators. Parenthesize for more.
struct option_expr : seq<add_expr> {};

// =================================================================== patterns

struct properties : sor<map_literal, parameter> {};

struct node_close : one<')'> {};
struct node_pattern
    : seq<one<'('>, ws, opt<variable, ws>, opt<node_label_list, ws>, opt<properties, ws>, must<node_close>> {};

struct range_int : plus<digit> {};
struct range_dots : two<'.'> {};
struct var_length : seq<one<'*'>, ws, opt<range_int, ws>, opt<range_dots, ws, opt<range_int, ws>>> {};
struct rel_types
    : seq<one<':'>, ws, must<rel_type_name>, star<ws, one<'|'>, ws, opt<one<':'>, ws>, must<rel_type_name>>> {};
struct rel_close : one<']'> {};
struct rel_detail
    : seq<one<'['>, ws, opt<variable, ws>, opt<rel_types, ws>, opt<var_length>, opt<properties, ws>, must<rel_close>> {
};
struct rel_left_head : one<'<'> {};
struct rel_right_head : one<'>'> {};
struct rel_dash : one<'-'> {};
struct rel_pattern : seq<opt<rel_left_head, ws_nd>, one<'-'>, ws_nd, opt<rel_detail, ws_nd>, must<rel_dash>,
                         opt<ws_nd, rel_right_head>> {};
struct pattern_link : seq<at<rel_start>, must<rel_pattern>, ws, must<node_pattern>> {};
struct pattern_element_tail : plus<ws_nd, pattern_link> {};
struct pattern_element : seq<node_pattern, star<ws_nd, pattern_link>> {};
struct path_assign : seq<path_variable, ws, one<'='>> {};
struct pattern_part : seq<opt<path_assign, ws>, must<pattern_element>> {};
struct pattern : comma_list<pattern_part> {};

// ==================================================================== clauses

struct where_part : seq<kw_where, ws, must<expression>> {};

struct optional_flag : kw_optional {};
struct match_clause
    : seq<sor<seq<optional_flag, ws, must<kw_match>>, kw_match>, ws, must<pattern>, opt<ws, where_part>> {};

struct unwind_clause : seq<kw_unwind, ws, must<expression>, ws, must<kw_as>, ws, must<variable>> {};

struct projection_star : one<'*'> {};
struct projection_expr : seq<expression> {};
struct projection_alias : seq<kw_as, ws, not_at<kw_of>, must<alias_name>> {};
struct projection_item : seq<projection_expr, opt<ws, projection_alias>> {};
struct projection_items
    : sor<seq<projection_star, star<ws, one<','>, ws, must<projection_item>>>, comma_list<projection_item>> {};
struct projection_distinct : kw_distinct {};
struct sort_desc : sor<kw_descending, kw_desc> {};
struct sort_asc : sor<kw_ascending, kw_asc> {};
struct sort_item : seq<expression, opt<ws, sor<sort_desc, sort_asc>>> {};
struct sort_items : comma_list<sort_item> {};
struct order_by : seq<kw_order, ws, must<kw_by>, ws, must<sort_items>> {};
struct skip_part : seq<kw_skip, ws, must<expression>> {};
struct limit_part : seq<kw_limit, ws, must<expression>> {};
struct projection_body : seq<opt<projection_distinct, ws>, must<projection_items>, opt<ws, order_by>,
                             opt<ws, skip_part>, opt<ws, limit_part>> {};

struct with_clause : seq<kw_with, ws, must<projection_body>, opt<ws, where_part>> {};

struct statement_terminator : sor<one<';'>, eof> {};
// What may follow RETURN (it ends a single query).
struct after_return : at<ws, sor<statement_terminator, kw_union, seq<kw_as, ws, kw_of>, kw_known>> {};
struct return_clause : seq<kw_return, ws, must<projection_body>, must<after_return>> {};

struct create_clause : seq<kw_create, ws, must<pattern>> {};

struct set_assign : one<'='> {};
struct set_merge_assign : string<'+', '='> {};
struct set_labels_item : seq<variable, ws, node_label_list> {};
struct set_variable_item
    : seq<variable, ws, sor<set_merge_assign, seq<set_assign, not_at<one<'~'>>>>, ws, must<expression>> {};
struct set_target : postfix_expr {};
struct set_property_item : seq<set_target, ws, must<set_assign>, ws, must<expression>> {};
struct set_item : sor<set_labels_item, set_variable_item, set_property_item> {};
struct set_items : comma_list<set_item> {};
struct set_clause : seq<kw_set, ws, must<set_items>> {};

struct on_create : kw_create {};
struct on_match : kw_match {};
struct merge_trigger : sor<on_create, on_match> {};
struct merge_action : seq<kw_on, ws, must<merge_trigger>, ws, must<kw_set>, ws, must<set_items>> {};
struct merge_clause : seq<kw_merge, ws, must<pattern_part>, star<ws, merge_action>> {};

struct remove_labels_item : seq<variable, ws, node_label_list> {};
struct remove_target : postfix_expr {};
struct remove_item : sor<remove_labels_item, remove_target> {};
struct remove_items : comma_list<remove_item> {};
struct remove_clause : seq<kw_remove, ws, must<remove_items>> {};

struct detach_flag : kw_detach {};
struct delete_targets : comma_list<expression> {};
struct delete_clause : seq<sor<seq<detach_flag, ws, must<kw_delete>>, kw_delete>, ws, must<delete_targets>> {};

struct clause : sor<match_clause, unwind_clause, with_clause, create_clause, merge_clause, set_clause, remove_clause,
                    delete_clause> {};
// RETURN, if present, is the last clause of a single query.
struct single_query : sor<return_clause, seq<clause, star<ws, clause>, opt<ws, return_clause>>> {};
struct union_all : kw_all {};
struct union_part : seq<kw_union, opt<ws, union_all>, ws, must<single_query>> {};
struct query : seq<single_query, star<ws, union_part>> {};

// ===================================================== times on reading statements

struct time_value : sor<iso_time, option_expr> {};
struct duration_value : sor<duration_literal, parameter> {};

struct as_of_option : seq<kw_as, ws, must<kw_of>, ws, must<time_value>> {};
struct known_at_option : seq<kw_known, ws, must<kw_at>, ws, must<time_value>> {};
struct reading_option : sor<as_of_option, known_at_option> {};

struct query_end : at<ws, statement_terminator> {};
struct cypher_statement : seq<query, star<ws, reading_option>, must<query_end>> {};

// ========================================================= memory statements

// ---- entity references: Person 'Caroline', Person $who, Room 101

struct entity_key : sor<string_literal, parameter, dec_int> {};
struct entity_ref : seq<type_name, ws, must<entity_key>> {};
struct entity_ref_ahead
    : seq<symbolic_name, ws, one<'\'', '"', '$', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'>> {};
struct entity_refs : comma_list<entity_ref> {};

// ---- DEFINE

struct property_type_name : sor<kw_text, kw_string, kw_integer, kw_int, kw_float, kw_boolean, kw_bool, kw_datetime,
                                kw_date, kw_list, kw_map, kw_any> {};
struct key_flag : kw_key {};
struct property_def : seq<member_name, ws, must<property_type_name>, opt<ws, key_flag>> {};
struct many_flag : kw_many {};
struct one_flag : kw_one {};
struct role_def : seq<member_name, ws, one<':'>, ws, must<role_entity_type>, opt<ws, sor<many_flag, one_flag>>> {};
struct member_def : sor<role_def, property_def> {};
struct member_close : one<')'> {};
struct member_list : seq<one<'('>, ws, opt<comma_list<member_def>, ws>, must<member_close>> {};
struct unique_open : one<'('> {};
struct unique_close : one<')'> {};
struct unique_roles : comma_list<unique_role> {};
struct unique_spec : seq<kw_unique, ws, must<unique_open>, ws, must<unique_roles>, ws, must<unique_close>> {};
struct define_entity : seq<kw_entity, ws, must<type_name>, opt<ws, member_list>> {};
struct define_relation : seq<kw_relation, ws, must<type_name>, opt<ws, member_list>, opt<ws, unique_spec>> {};
struct define_event : seq<kw_event, ws, must<type_name>, opt<ws, member_list>, opt<ws, unique_spec>> {};
struct define_body : sor<define_entity, define_relation, define_event> {};
struct define_end : at<ws, statement_terminator> {};
struct define_stmt : seq<kw_define, ws, must<define_body>, must<define_end>> {};

struct show_end : at<ws, statement_terminator> {};
struct show_stmt : seq<kw_show, ws, must<kw_schema>, must<show_end>> {};

// ---- options shared by several statements (each at most once: the builder checks)

struct at_option : seq<kw_at, ws, must<time_value>> {};
struct by_option : seq<kw_by, ws, must<entity_ref>> {};
struct in_option : seq<kw_in, ws, must<option_expr>> {};
struct about_option : seq<kw_about, ws, must<entity_refs>> {};
struct source_option : seq<kw_source, ws, must<option_expr>> {};
struct trust_option : seq<kw_trust, ws, must<option_expr>> {};
struct embedding_option : seq<kw_embedding, ws, must<option_expr>> {};

// ---- OBSERVE

struct observe_option
    : sor<at_option, by_option, in_option, about_option, source_option, trust_option, embedding_option> {};
struct observe_end : at<ws, statement_terminator> {};
struct observe_stmt : seq<kw_observe, ws, must<option_expr>, star<ws, observe_option>, must<observe_end>> {};

// ---- facts: rel(role: value, ...)

struct role_list_element : sor<seq<at<entity_ref_ahead>, entity_ref>, expression> {};
struct role_list : seq<one<'['>, ws, at<entity_ref_ahead>, comma_list<role_list_element>, ws, must<list_close>> {};
struct role_value : sor<seq<at<entity_ref_ahead>, entity_ref>, role_list, expression> {};
struct role_colon : one<':'> {};
struct role_binding : seq<role_name, ws, must<role_colon>, ws, must<role_value>> {};
struct fact_open : one<'('> {};
struct fact_close : one<')'> {};
struct fact_pattern : seq<type_name, ws, must<fact_open>, ws, opt<comma_list<role_binding>, ws>, must<fact_close>> {};
struct fact_head : seq<symbolic_name, ws, one<'('>, ws, sor<one<')'>, seq<symbolic_name, ws, one<':'>>>> {};

// ---- ASSERT

struct valid_from_option : seq<kw_from, ws, must<time_value>> {};
struct valid_until_option : seq<kw_until, ws, must<time_value>> {};
struct valid_bound : sor<valid_from_option, valid_until_option> {};
struct valid_option : seq<kw_valid, ws, must<valid_bound>> {};
struct episode_word : sor<kw_episodes, kw_episode> {};
struct episode_ids : comma_list<option_expr> {};
struct from_episode_option : seq<kw_from, ws, must<episode_word>, ws, must<episode_ids>> {};
struct confidence_option : seq<kw_confidence, ws, must<option_expr>> {};
struct supersedes_option : seq<kw_supersedes, ws, must<option_expr>> {};
struct assert_option
    : sor<valid_option, at_option, from_episode_option, confidence_option, supersedes_option, embedding_option> {};
struct assert_end : at<ws, statement_terminator> {};
struct assert_stmt : seq<kw_assert, ws, must<fact_pattern>, star<ws, assert_option>, must<assert_end>> {};

// ---- RETRACT, HISTORY

struct retract_target : sor<seq<at<fact_head>, fact_pattern>, option_expr> {};
struct retract_end : at<ws, statement_terminator> {};
struct retract_stmt : seq<kw_retract, ws, must<retract_target>, must<retract_end>> {};

struct history_end : at<ws, statement_terminator> {};
struct history_stmt : seq<kw_history, ws, must<fact_pattern>, must<history_end>> {};

// ---- TIMELINE

struct from_option : seq<kw_from, ws, must<time_value>> {};
struct to_option : seq<kw_to, ws, must<time_value>> {};
struct timeline_option : sor<from_option, to_option, as_of_option, known_at_option> {};
struct timeline_end : at<ws, statement_terminator> {};
struct timeline_stmt : seq<kw_timeline, ws, must<entity_ref>, star<ws, timeline_option>, must<timeline_end>> {};

// ---- RECALL

struct top_option : seq<kw_top, ws, must<option_expr>> {};
struct kind_names : comma_list<kind_name> {};
struct kinds_option : seq<kw_kinds, ws, must<kind_names>> {};
struct channel_names : comma_list<channel_name> {};
struct using_option : seq<kw_using, ws, must<channel_names>> {};
struct weights_value : sor<map_literal, parameter> {};
struct weights_option : seq<kw_weights, ws, must<weights_value>> {};
struct min_trust_option : seq<kw_min, ws, must<kw_trust>, ws, must<option_expr>> {};
struct recall_explain_option : seq<kw_explain> {};
struct recall_option : sor<about_option, top_option, kinds_option, using_option, weights_option, min_trust_option,
                           recall_explain_option, embedding_option, as_of_option, known_at_option> {};
struct recall_end : at<ws, statement_terminator> {};
struct recall_stmt : seq<kw_recall, ws, must<option_expr>, star<ws, recall_option>, must<recall_end>> {};

// ---- lifecycle

struct forget_before_option : seq<kw_episodes, ws, must<kw_before>, ws, must<time_value>> {};
struct forget_target : sor<forget_before_option, option_expr> {};
struct forget_end : at<ws, statement_terminator> {};
struct forget_stmt : seq<kw_forget, ws, must<forget_target>, must<forget_end>> {};

struct restore_end : at<ws, statement_terminator> {};
struct restore_stmt : seq<kw_restore, ws, must<option_expr>, must<restore_end>> {};

struct purge_end : at<ws, statement_terminator> {};
struct purge_stmt : seq<kw_purge, ws, must<option_expr>, must<purge_end>> {};

struct half_life_option : seq<kw_half, ws, must<kw_life>, ws, must<duration_value>> {};
struct dry_run_option : seq<kw_dry, ws, must<kw_run>> {};
struct threshold_option : seq<kw_threshold, ws, must<option_expr>> {};
struct seed_option : seq<kw_seed, ws, must<option_expr>> {};
struct resolution_option : seq<kw_resolution, ws, must<option_expr>> {};
struct decay_option : sor<half_life_option, threshold_option, dry_run_option> {};
struct apply_option : seq<kw_apply> {};
struct dedupe_option : sor<threshold_option, apply_option> {};
struct communities_option : sor<seed_option, resolution_option> {};
struct job_communities : seq<kw_communities, star<ws, communities_option>> {};
struct job_importance : kw_importance {};
struct job_decay : seq<kw_decay, star<ws, decay_option>> {};
struct job_dedupe : seq<kw_dedupe, star<ws, dedupe_option>> {};
struct consolidate_job : sor<job_communities, job_importance, job_decay, job_dedupe> {};
struct consolidate_end : at<ws, statement_terminator> {};
struct consolidate_stmt : seq<kw_consolidate, ws, must<consolidate_job>, must<consolidate_end>> {};

struct merge_entity_end : at<ws, statement_terminator> {};
struct merge_entity_stmt : seq<kw_merge, ws, kw_entity, ws, not_at<one<'='>>, must<entity_ref>, ws, must<kw_into>, ws,
                               must<entity_ref>, must<merge_entity_end>> {};

struct unmerge_end : at<ws, statement_terminator> {};
struct unmerge_target : sor<seq<at<entity_ref_ahead>, entity_ref>, option_expr> {};
struct unmerge_stmt : seq<kw_unmerge, ws, must<unmerge_target>, must<unmerge_end>> {};

struct snapshot_end : at<ws, statement_terminator> {};
struct snapshot_stmt : seq<kw_snapshot, must<snapshot_end>> {};

// ================================================================ statements

struct statement_body
    : sor<define_stmt, show_stmt, observe_stmt, assert_stmt, retract_stmt, history_stmt, timeline_stmt, recall_stmt,
          forget_stmt, restore_stmt, purge_stmt, consolidate_stmt, merge_entity_stmt, unmerge_stmt, snapshot_stmt,
          cypher_statement> {
};
struct explain_flag : kw_explain {};
struct statement : sor<seq<explain_flag, ws, must<statement_body>>, statement_body> {};

// A script: statements separated by ';' (optional after the last one),
// optionally preceded by a UTF-8 byte order mark.
struct byte_order_mark : string<char(0xEF), char(0xBB), char(0xBF)> {};
struct script_end : eof {};
struct script : seq<opt<byte_order_mark>, ws, star<sor<one<';'>, statement>, ws>, must<script_end>> {};

}  // namespace mnemo::lang::grammar

namespace tao::pegtl {
// Custom rules: balanced_braces and reserved_word consume when they succeed;
// braces_too_deep never consumes; blanks may consume nothing.
template <typename Name>
struct analyze_traits<Name, mnemo::lang::grammar::balanced_braces> : analyze_any_traits<> {};
template <typename Name>
struct analyze_traits<Name, mnemo::lang::grammar::braces_too_deep> : analyze_opt_traits<> {};
template <typename Name>
struct analyze_traits<Name, mnemo::lang::grammar::reserved_word> : analyze_any_traits<> {};
template <typename Name, bool kDashComments>
struct analyze_traits<Name, mnemo::lang::grammar::blanks<kDashComments>> : analyze_opt_traits<> {};
}  // namespace tao::pegtl
