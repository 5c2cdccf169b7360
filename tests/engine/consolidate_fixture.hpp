// A small memory for the consolidation tests: a manual clock, exact vector
// search, a connection, and helpers that run statements and read results.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/mnemo.hpp"

namespace mnemo::testing {

struct ConsolidateFixture {
  static constexpr temporal::Timestamp kStart = 1'700'000'000'000'000;  // 2023-11-14T22:13:20Z
  temporal::ManualClock clock{kStart};
  std::unique_ptr<Database> db;
  std::unique_ptr<Connection> conn;

  explicit ConsolidateFixture(const std::string& directory = "") { Open(directory); }
  void Open(const std::string& directory) {
    conn.reset();
    db.reset();
    Options o;
    o.clock = &clock;
    o.exact_vectors = true;
    o.directory = directory;
    auto opened = Database::Open(o);
    REQUIRE(opened.ok());
    db = std::move(opened).value();
    conn = std::make_unique<Connection>(db->Connect());
  }
  QueryResult Run(const std::string& q) {
    auto r = conn->Query(q);
    INFO(q << "\n" << (r.ok() ? std::string() : r.status().ToString()));
    REQUIRE(r.ok());
    return std::move(r).value();
  }
  Status Fails(const std::string& q) {
    auto r = conn->Query(q);
    INFO(q);
    REQUIRE_FALSE(r.ok());
    return r.status();
  }
  graph::Id Single(const std::string& q) { return static_cast<graph::Id>(Run(q).rows.at(0).at(0).as_int()); }
  // The first column of every row, as text.
  std::vector<std::string> Column(const std::string& q, size_t column = 0) {
    std::vector<std::string> out;
    const QueryResult r = Run(q);
    for (const auto& row : r.rows)
      out.push_back(row.at(column).kind() == graph::Value::Kind::kString ? row.at(column).as_string()
                                                                         : r.Render(row.at(column)));
    return out;
  }
  std::set<std::string> Set(const std::string& q, size_t column = 0) {
    auto v = Column(q, column);
    return {v.begin(), v.end()};
  }
  // Whether the last committed statement changed any record.
  bool LastChangedNothing() {
    return conn->Read([](const graph::Hypergraph& g) { return g.changes().empty(); });
  }
};

}  // namespace mnemo::testing
