// Small helpers for store tests: a hypergraph on a manual clock and terse
// constructors for specs.
#pragma once

#include <string>

#include "graph/hypergraph.hpp"
#include "temporal/clock.hpp"

namespace mnemo::testing {

struct StoreFixture {
  temporal::ManualClock clock{1'000'000};
  graph::Hypergraph g{&clock};

  graph::Id MakeEntity(const std::string& type, const std::string& name) {
    auto r = g.AddEntity({{type}, {{"name", graph::Value(name)}}, {}, {}, {}});
    return r.ok() ? *r : graph::kNoId;
  }
  Result<graph::Id> Fact(const std::string& type, std::vector<graph::RoleSpec> roles) {
    graph::HyperedgeSpec s;
    s.type = type;
    s.roles = std::move(roles);
    return g.AddHyperedge(s);
  }
  graph::Symbol Sym(const std::string& s) { return g.names().Intern(s); }
  size_t Degree(graph::Id e, const std::string& type = "", const std::string& role = "") {
    size_t n = 0;
    g.ForEachIncidence(e, type.empty() ? graph::kNoSymbol : Sym(type), role.empty() ? graph::kNoSymbol : Sym(role),
                       [&](const graph::Incidence&) { ++n; });
    return n;
  }
};

}  // namespace mnemo::testing
