// Error messages of the grammar: one per rule used in must<> (and in the
// other must-like helpers). Included only by parser.cpp.
//
// A message starting with "expected" is reported as
//   "unexpected '<token>': expected ..."
// where <token> is what the input holds at the error position; any other
// message is reported as is. The parser's control static_asserts that every
// rule it may raise for has a message here.
#pragma once

#include "lang/grammar.hpp"

namespace mnemo::lang::grammar {

template <typename Rule>
inline constexpr const char* kErrorMessage = nullptr;

#define MNEMO_ERROR(rule, message) \
  template <>                      \
  inline constexpr const char* kErrorMessage<rule> = message

// ---- lexical
MNEMO_ERROR(block_comment_rest, "unterminated /* comment: expected */");
MNEMO_ERROR(backquoted_name, "empty `` name: expected a name between the backquotes");
MNEMO_ERROR(backquoted_rest, "unterminated `quoted name`: expected a closing backquote");
MNEMO_ERROR(single_quoted_rest, "unterminated string literal: expected a closing '");
MNEMO_ERROR(double_quoted_rest, "unterminated string literal: expected a closing \"");
MNEMO_ERROR(escape_code,
            "invalid escape sequence: expected one of \\\\ \\' \\\" \\n \\t \\r \\b \\f \\/ \\uXXXX \\UXXXXXXXX");
MNEMO_ERROR(hex_digits, "expected hexadecimal digits after 0x");
MNEMO_ERROR(oct_digits, "expected octal digits after 0o");
MNEMO_ERROR(number_end, "expected a blank or an operator after the number (identifiers cannot start with a digit)");
MNEMO_ERROR(parameter_name, "expected a parameter name after '$'");
MNEMO_ERROR(iso_time_body, "expected a date/time: YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.ffffff]][Z|+hh:mm]");
MNEMO_ERROR(duration_body, "expected a duration: digits and a unit d, h, m, s, ms or us (e.g. 30d, 1h30m)");
MNEMO_ERROR(duration_value, "expected a duration such as 30d, 12h, 15m or a $parameter");
MNEMO_ERROR(time_value,
            "expected a time: 2023-05-08, 2023-05-08T13:56:00Z, $param or an expression like datetime('...')");

// ---- expressions
MNEMO_ERROR(expression, "expected an expression");
MNEMO_ERROR(option_expr, "expected a value");
MNEMO_ERROR(unary_expr, "expected an expression after the operator");
MNEMO_ERROR(power_expr, "expected an expression after the operator");
MNEMO_ERROR(mul_expr, "expected an expression after the operator");
MNEMO_ERROR(add_expr, "expected an expression after the operator");
MNEMO_ERROR(predicate_expr, "expected an expression after the comparison");
MNEMO_ERROR(not_expr, "expected an expression after AND");
MNEMO_ERROR(and_expr, "expected an expression after XOR");
MNEMO_ERROR(xor_expr, "expected an expression after OR");
MNEMO_ERROR(kw_with, "expected WITH (STARTS WITH / ENDS WITH)");
MNEMO_ERROR(kw_null, "expected NULL after IS / IS NOT");
MNEMO_ERROR(list_close, "expected ']' to close the list");
MNEMO_ERROR(map_colon, "expected ':' after the map key");
MNEMO_ERROR(map_entry, "expected a map entry 'key: value'");
MNEMO_ERROR(map_close, "expected '}' to close the map");
MNEMO_ERROR(case_when, "expected WHEN in CASE");
MNEMO_ERROR(kw_then, "expected THEN");
MNEMO_ERROR(kw_end, "expected END to close CASE");
MNEMO_ERROR(call_arguments, "expected an argument after DISTINCT");
MNEMO_ERROR(call_close, "expected ')' to close the function call");
MNEMO_ERROR(pattern_predicate_body, "expected a relationship pattern such as (a)-[:R]->(b)");
MNEMO_ERROR(paren_close, "expected ')' to close the parenthesis");
MNEMO_ERROR(property_key, "expected a property name after '.'");
MNEMO_ERROR(index_body, "expected an index or a slice such as [1..3]");
MNEMO_ERROR(index_close, "expected ']' to close the index");
MNEMO_ERROR(label_name, "expected a label name after ':'");

// ---- patterns
MNEMO_ERROR(node_pattern, "expected '(' to start a node pattern");
MNEMO_ERROR(node_close, "expected ')' to close the node pattern");
MNEMO_ERROR(rel_type_name, "expected a relationship type");
MNEMO_ERROR(rel_close, "expected ']' to close the relationship pattern");
MNEMO_ERROR(rel_dash, "expected '-' to finish the relationship pattern");
MNEMO_ERROR(rel_pattern, "expected a relationship pattern");
MNEMO_ERROR(pattern_element, "expected a pattern such as (n) or (a)-[:R]->(b)");
MNEMO_ERROR(pattern_part, "expected a pattern such as (n) or (a)-[:R]->(b)");
MNEMO_ERROR(pattern, "expected a pattern such as (n) or (a)-[:R]->(b)");

// ---- clauses
MNEMO_ERROR(kw_match, "expected MATCH after OPTIONAL");
MNEMO_ERROR(kw_as, "expected AS");
MNEMO_ERROR(variable, "expected a variable name");
MNEMO_ERROR(alias_name, "expected a name after AS (keywords need backquotes)");
MNEMO_ERROR(projection_item, "expected an expression to project");
MNEMO_ERROR(projection_items, "expected '*' or expressions to project");
MNEMO_ERROR(projection_body, "expected '*' or expressions to project");
MNEMO_ERROR(kw_by, "expected BY after ORDER");
MNEMO_ERROR(sort_item, "expected an expression to sort by");
MNEMO_ERROR(sort_items, "expected an expression to sort by");
MNEMO_ERROR(after_return,
            "expected ORDER BY, SKIP, LIMIT, UNION, AS OF, KNOWN AT or ';' after RETURN (RETURN ends a query)");
MNEMO_ERROR(set_assign, "expected '=' in the SET item");
MNEMO_ERROR(set_item, "expected a SET item: n.key = value, n = map, n += map or n:Label");
MNEMO_ERROR(set_items, "expected a SET item: n.key = value, n = map, n += map or n:Label");
MNEMO_ERROR(merge_trigger, "expected CREATE or MATCH after ON");
MNEMO_ERROR(kw_set, "expected SET");
MNEMO_ERROR(remove_item, "expected a REMOVE item: n.key or n:Label");
MNEMO_ERROR(remove_items, "expected a REMOVE item: n.key or n:Label");
MNEMO_ERROR(kw_delete, "expected DELETE after DETACH");
MNEMO_ERROR(delete_targets, "expected an expression to delete");
MNEMO_ERROR(single_query, "expected a query after UNION");
MNEMO_ERROR(kw_of, "expected OF after AS");
MNEMO_ERROR(kw_at, "expected AT");
MNEMO_ERROR(query_end, "expected a clause or ';'");

// ---- memory statements
MNEMO_ERROR(type_name, "expected a type name");
MNEMO_ERROR(entity_key, "expected the entity's key: a string, an integer or a $parameter");
MNEMO_ERROR(entity_ref, "expected an entity reference such as Person 'Caroline'");
MNEMO_ERROR(entity_refs, "expected an entity reference such as Person 'Caroline'");
MNEMO_ERROR(property_type_name, "expected a property type (TEXT, INT, FLOAT, BOOL, DATE, DATETIME, LIST, MAP, ANY)");
MNEMO_ERROR(role_entity_type, "expected the role's entity type (or ANY)");
MNEMO_ERROR(member_def, "expected a property 'name TYPE' or a role 'name: Type'");
MNEMO_ERROR(member_close, "expected ')' to close the definition list");
MNEMO_ERROR(unique_open, "expected '(' after UNIQUE");
MNEMO_ERROR(unique_role, "expected a role name");
MNEMO_ERROR(unique_roles, "expected a role name");
MNEMO_ERROR(unique_close, "expected ')' to close UNIQUE");
MNEMO_ERROR(define_body, "expected ENTITY, RELATION or EVENT after DEFINE");
MNEMO_ERROR(define_end, "expected UNIQUE (...) or ';' after the definition");
MNEMO_ERROR(kw_schema, "expected SCHEMA after SHOW");
MNEMO_ERROR(show_end, "expected ';' after SHOW SCHEMA");
MNEMO_ERROR(observe_end, "expected an OBSERVE option (AT, BY, IN, ABOUT, SOURCE, TRUST, EMBEDDING) or ';'");
MNEMO_ERROR(role_colon, "expected ':' after the role name");
MNEMO_ERROR(role_value, "expected a value or an entity reference such as Person 'Caroline'");
MNEMO_ERROR(role_binding, "expected 'role: value'");
MNEMO_ERROR(role_list_element, "expected a value or an entity reference such as Person 'Caroline'");
MNEMO_ERROR(fact_open, "expected '(' after the relation name");
MNEMO_ERROR(fact_close, "expected ')' to close the role list");
MNEMO_ERROR(fact_pattern, "expected a fact such as lives_in(resident: Person 'Caroline', city: City 'Berlin')");
MNEMO_ERROR(valid_bound, "expected FROM or UNTIL after VALID");
MNEMO_ERROR(episode_word, "expected EPISODE after FROM");
MNEMO_ERROR(episode_ids, "expected an episode id");
MNEMO_ERROR(assert_end,
            "expected an ASSERT option (VALID FROM, VALID UNTIL, AT, FROM EPISODE, CONFIDENCE, SUPERSEDES) or ';'");
MNEMO_ERROR(retract_target, "expected a fact such as lives_in(resident: ...) or an id");
MNEMO_ERROR(retract_end, "expected ';' after RETRACT");
MNEMO_ERROR(history_end, "expected ';' after HISTORY");
MNEMO_ERROR(timeline_end, "expected a TIMELINE option (FROM, TO, AS OF, KNOWN AT) or ';'");
MNEMO_ERROR(kind_name, "expected a kind (episode, fact, entity)");
MNEMO_ERROR(kind_names, "expected a kind (episode, fact, entity)");
MNEMO_ERROR(channel_name, "expected a channel (vector, keyword, graph, recency)");
MNEMO_ERROR(channel_names, "expected a channel (vector, keyword, graph, recency)");
MNEMO_ERROR(weights_value, "expected a map such as {vector: 0.5, keyword: 0.5} or a $parameter");
MNEMO_ERROR(kw_trust, "expected TRUST after MIN");
MNEMO_ERROR(recall_end,
            "expected a RECALL option (ABOUT, TOP, KINDS, USING, WEIGHTS, MIN TRUST, EXPLAIN, AS OF, KNOWN AT) or ';'");
MNEMO_ERROR(kw_before, "expected BEFORE after EPISODES");
MNEMO_ERROR(forget_target, "expected an id or EPISODES BEFORE <time>");
MNEMO_ERROR(forget_end, "expected ';' after FORGET");
MNEMO_ERROR(restore_end, "expected ';' after RESTORE");
MNEMO_ERROR(purge_end, "expected ';' after PURGE");
MNEMO_ERROR(kw_life, "expected LIFE after HALF");
MNEMO_ERROR(kw_run, "expected RUN after DRY");
MNEMO_ERROR(consolidate_job, "expected COMMUNITIES, IMPORTANCE, DECAY or DEDUPE after CONSOLIDATE");
MNEMO_ERROR(consolidate_end,
            "expected a CONSOLIDATE option (SEED, RESOLUTION for COMMUNITIES; HALF LIFE, THRESHOLD, DRY RUN for "
            "DECAY; THRESHOLD, APPLY for DEDUPE) or ';'");
MNEMO_ERROR(kw_into, "expected INTO");
MNEMO_ERROR(merge_entity_end, "expected ';' after MERGE ENTITY");
MNEMO_ERROR(unmerge_target, "expected a merge id or the merged entity, such as Person 'Caro'");
MNEMO_ERROR(unmerge_end, "expected ';' after UNMERGE");
MNEMO_ERROR(snapshot_end, "expected ';' after SNAPSHOT");

// ---- statements
MNEMO_ERROR(statement_body, "expected a statement after EXPLAIN");
MNEMO_ERROR(script_end, "expected a statement (MATCH, CREATE, RETURN, OBSERVE, ASSERT, RECALL, ...)");

#undef MNEMO_ERROR

}  // namespace mnemo::lang::grammar
