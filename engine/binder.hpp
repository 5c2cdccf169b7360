// Binder: the checks made before a statement runs, so that a statement that
// cannot be right fails on an empty memory too, and with a position.
//
// Checked: variables are defined before use and keep one kind (node,
// relationship, path, value) throughout a query; CREATE/MERGE do not rebind
// variables and create relationships with one type and a direction, never
// variable-length; SKIP/LIMIT are non-negative constants; aggregates do not
// nest; parameters are not used as whole property maps in MATCH;
// DELETE takes elements, not label predicates.
#pragma once

#include "base/status.hpp"
#include "graph/hypergraph.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine {

Status Bind(const graph::Hypergraph& g, const lang::Statement& statement);

}  // namespace mnemo::engine
