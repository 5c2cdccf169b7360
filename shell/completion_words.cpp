#include "shell/completion_words.hpp"

namespace mnemo::shell {

namespace {

// The keywords of lang/grammar.hpp: openCypher's reserved words, then the
// contextual keywords of memory statements, then property types.
constexpr std::string_view kKeywords[] = {
    "ABOUT",      "ALL",         "AND",      "ANY",        "APPLY",    "AS",       "ASC",      "ASCENDING",
    "ASSERT",     "AT",          "BEFORE",   "BOOL",       "BOOLEAN",  "BY",       "CASE",     "COMMUNITIES",
    "CONFIDENCE", "CONSOLIDATE", "CONTAINS", "CREATE",     "DATE",     "DATETIME", "DECAY",    "DEDUPE",
    "DEFINE",     "DELETE",      "DESC",     "DESCENDING", "DETACH",   "DISTINCT", "DRY",      "ELSE",
    "EMBEDDING",  "END",         "ENDS",     "ENTITY",     "EPISODE",  "EPISODES", "EVENT",    "EXISTS",
    "EXPLAIN",    "FALSE",       "FLOAT",    "FORGET",     "FROM",     "HALF",     "HISTORY",  "IMPORTANCE",
    "IN",         "INT",         "INTEGER",  "INTO",       "IS",       "KEY",      "KINDS",    "KNOWN",
    "LIFE",       "LIMIT",       "LIST",     "MANY",       "MAP",      "MATCH",    "MERGE",    "MIN",
    "NOT",        "NULL",        "OBSERVE",  "OF",         "ON",       "ONE",      "OPTIONAL", "OR",
    "ORDER",      "PURGE",       "RECALL",   "RELATION",   "REMOVE",   "RESTORE",  "RETRACT",  "RETURN",
    "RUN",        "SCHEMA",      "SET",      "SHOW",       "SKIP",     "SNAPSHOT", "SOURCE",   "STARTS",
    "STRING",     "SUPERSEDES",  "TEXT",     "THEN",       "TIMELINE", "TO",       "TOP",      "TRUE",
    "TRUST",      "UNION",       "UNIQUE",   "UNTIL",      "UNWIND",   "USING",    "VALID",    "WEIGHTS",
    "WHEN",       "WHERE",       "WITH",     "XOR",
};

// The functions of engine/functions.cpp and the aggregates of engine/aggregate.cpp.
constexpr std::string_view kFunctions[] = {
    "abs",
    "acos",
    "asin",
    "atan",
    "atan2",
    "avg",
    "ceil",
    "char_length",
    "character_length",
    "coalesce",
    "collect",
    "cos",
    "cot",
    "count",
    "date",
    "datetime",
    "degrees",
    "e",
    "elementId",
    "endNode",
    "exp",
    "floor",
    "haversin",
    "head",
    "id",
    "isEmpty",
    "keys",
    "labels",
    "last",
    "left",
    "length",
    "log",
    "log10",
    "lower",
    "ltrim",
    "max",
    "min",
    "nodes",
    "now",
    "percentileCont",
    "percentileDisc",
    "pi",
    "properties",
    "radians",
    "rand",
    "range",
    "relationships",
    "replace",
    "reverse",
    "right",
    "round",
    "rtrim",
    "sign",
    "sin",
    "size",
    "split",
    "sqrt",
    "startNode",
    "stDev",
    "stDevP",
    "substring",
    "sum",
    "tail",
    "tan",
    "timestamp",
    "toBoolean",
    "toBooleanOrNull",
    "toFloat",
    "toFloatOrNull",
    "toInteger",
    "toIntegerOrNull",
    "toLower",
    "toString",
    "toStringOrNull",
    "toUpper",
    "trim",
    "type",
    "upper",
};

}  // namespace

std::span<const std::string_view> LanguageKeywords() { return kKeywords; }

std::span<const std::string_view> FunctionNames() { return kFunctions; }

}  // namespace mnemo::shell
