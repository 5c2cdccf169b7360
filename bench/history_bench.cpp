#include "bench/history_bench.hpp"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>

#include "bench/timing.hpp"
#include "engine/mnemo.hpp"

namespace mnemo::bench {

namespace {

constexpr size_t kOthers = 1000;  // people with one fact each, in both memories
constexpr size_t kCities = 50;
constexpr temporal::Timestamp kDay = temporal::kMicrosPerDay;

graph::Value City(size_t i) { return graph::Value("city-" + std::to_string(i % kCities)); }

// The schema, then `kOthers` people with one lives_in fact each. Returns false on error.
bool Populate(Connection& conn, temporal::Timestamp start) {
  if (!conn.Query("DEFINE ENTITY Person (name TEXT KEY); DEFINE ENTITY City (name TEXT KEY); "
                  "DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident)")
           .ok())
    return false;
  for (size_t i = 0; i < kOthers; ++i) {
    engine::Params params{{"name", graph::Value("person-" + std::to_string(i))},
                          {"city", City(i)},
                          {"from", graph::Value(graph::DateTime{start})}};
    if (!conn.Query("ASSERT lives_in(resident: Person $name, city: City $city) VALID FROM $from", params).ok())
      return false;
  }
  return true;
}

}  // namespace

int RunHistoryBench(int argc, char** argv) {
  size_t versions = 10000;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--versions") == 0) versions = std::strtoull(argv[i + 1], nullptr, 10);
  if (versions < 1) versions = 1;
  const temporal::Timestamp start = *temporal::ParseTimestamp("1990-01-01");
  const char* assert_text = "ASSERT lives_in(resident: Person $name, city: City $city) VALID FROM $from";

  // Memory A: "subject" moved `versions` times (each ASSERT supersedes the previous version).
  auto db_a = Database::Open();
  auto db_b = Database::Open();
  if (!db_a.ok() || !db_b.ok()) return 1;
  Connection a = (*db_a)->Connect();
  Connection b = (*db_b)->Connect();
  if (!Populate(a, start) || !Populate(b, start)) {
    std::fprintf(stderr, "history benchmark: populating failed\n");
    return 1;
  }
  const auto load0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < versions; ++i) {
    engine::Params params{{"name", graph::Value("subject")},
                          {"city", City(i)},
                          {"from", graph::Value(graph::DateTime{start + static_cast<temporal::Timestamp>(i) * kDay})}};
    auto r = a.Query(assert_text, params);
    if (!r.ok()) {
      std::fprintf(stderr, "history benchmark: ASSERT %zu failed: %s\n", i, r.status().ToString().c_str());
      return 1;
    }
  }
  const double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - load0).count();
  // Memory B: the same person with only the last version.
  {
    engine::Params params{{"name", graph::Value("subject")},
                          {"city", City(versions - 1)},
                          {"from", graph::Value(graph::DateTime{start + static_cast<temporal::Timestamp>(versions - 1) * kDay})}};
    if (!b.Query(assert_text, params).ok()) return 1;
  }

  const engine::Params subject{{"name", graph::Value("subject")}};
  const char* current = "MATCH (p:Person {name: $name})-[:lives_in]->(c) RETURN c.name";
  const char* as_of = "MATCH (p:Person {name: $name})-[:lives_in]->(c) RETURN c.name AS OF $v";
  const size_t middle = versions / 2;
  engine::Params middle_params = subject;
  middle_params["v"] = graph::Value(graph::DateTime{start + static_cast<temporal::Timestamp>(middle) * kDay + kDay / 2});

  // Check the answers before timing them.
  auto answer = [](Connection& conn, const char* text, const engine::Params& params) -> std::string {
    auto r = conn.Query(text, params);
    if (!r.ok() || r->rows.size() != 1) return "<" + std::to_string(r.ok() ? r->rows.size() : 0) + " rows>";
    return r->rows[0][0].as_string();
  };
  const std::string want_now = City(versions - 1).as_string(), want_middle = City(middle).as_string();
  if (answer(a, current, subject) != want_now || answer(b, current, subject) != want_now ||
      answer(a, as_of, middle_params) != want_middle) {
    std::fprintf(stderr, "history benchmark: wrong answer (A now %s, B now %s, A as of middle %s; want %s, %s)\n",
                 answer(a, current, subject).c_str(), answer(b, current, subject).c_str(),
                 answer(a, as_of, middle_params).c_str(), want_now.c_str(), want_middle.c_str());
    return 1;
  }

  const size_t reps = 5000;
  volatile size_t sink = 0;
  bool failed = false;
  auto query = [&](Connection& conn, const char* text, const engine::Params& params) {
    auto r = conn.Query(text, params);
    if (!r.ok()) failed = true;
    else sink = sink + r->rows.size();
  };
  // Warm up both, then measure alternately so that neither gets a warmer cache.
  for (size_t i = 0; i < 500; ++i) {
    query(a, current, subject);
    query(b, current, subject);
  }
  Latency with_history, without_history, as_of_history, as_of_plain;
  for (int round = 0; round < 2; ++round) {
    with_history = Measure(reps, [&](size_t) { query(a, current, subject); });
    without_history = Measure(reps, [&](size_t) { query(b, current, subject); });
  }
  as_of_history = Measure(reps, [&](size_t) { query(a, as_of, middle_params); });
  engine::Params b_as_of = subject;
  b_as_of["v"] = graph::Value(graph::DateTime{start + static_cast<temporal::Timestamp>(versions) * kDay});
  as_of_plain = Measure(reps, [&](size_t) { query(b, as_of, b_as_of); });
  if (failed) {
    std::fprintf(stderr, "history benchmark: a query failed\n");
    return 1;
  }

  std::printf("history benchmark: one person with %zu versions of lives_in (%zu superseded) among %zu people "
              "with one fact each; loaded in %.2f s (%.1f us per ASSERT)\n",
              versions, versions - 1, kOthers, load_s, load_s * 1e6 / static_cast<double>(versions));
  std::printf("%-28s %10s %10s %12s %11s\n", "query", "p50 us", "p99 us", "no-hist p50", "ratio");
  PrintRow("current MATCH", with_history, without_history);
  PrintRow("AS OF middle of history", as_of_history, as_of_plain);
  const double ratio = without_history.p50_us > 0 ? with_history.p50_us / without_history.p50_us : 0;
  const double ratio99 = without_history.p99_us > 0 ? with_history.p99_us / without_history.p99_us : 0;
  std::printf("current MATCH p99: %.3f us with history, %.3f us without (%.2fx)\n", with_history.p99_us,
              without_history.p99_us, ratio99);
  std::printf("target: current MATCH with history within 2x of no history (p50) -> %s (%.2fx)\n",
              ratio <= 2.0 ? "met" : "NOT met", ratio);
  return 0;
}

}  // namespace mnemo::bench
