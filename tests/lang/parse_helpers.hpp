// Helpers shared by the lang tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "lang/ast_printer.hpp"
#include "lang/parser.hpp"

namespace mnemo::lang::testing {

// Parses a script that must be valid.
inline Script MustParse(const std::string& text) {
  auto result = Parse(text);
  INFO(text);
  INFO(result.status().ToString());
  REQUIRE(result.ok());
  return std::move(result).value();
}

// Parses one statement that must be valid.
inline Statement MustParseOne(const std::string& text) {
  auto result = ParseStatement(text);
  INFO(text);
  INFO(result.status().ToString());
  REQUIRE(result.ok());
  return std::move(result).value();
}

// The text of a single valid statement with every operator application
// parenthesized (shows the grouping).
inline std::string Canon(const std::string& text) { return ToString(MustParseOne(text), PrintStyle::kParenthesized); }

// The minimal canonical text of a single valid statement (re-parseable).
inline std::string Minimal(const std::string& text) { return ToString(MustParseOne(text)); }

// The error of an invalid script.
inline Status MustFail(const std::string& text) {
  auto result = Parse(text);
  INFO(text);
  REQUIRE_FALSE(result.ok());
  return result.status();
}

// The only expression projected by `RETURN <expr>`.
inline const Expr& ReturnedExpr(const Statement& st) {
  const auto& query = std::get<Query>(st.body);
  const auto& ret = std::get<ReturnClause>(query.parts.back().clauses.back().body);
  return *ret.projection.items.at(0).expr;
}

}  // namespace mnemo::lang::testing
