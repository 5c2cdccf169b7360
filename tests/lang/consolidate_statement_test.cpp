// CONSOLIDATE options, MERGE ENTITY and UNMERGE: parsing, errors and printing.
#include "tests/lang/parse_helpers.hpp"

using namespace mnemo::lang;
using namespace mnemo::lang::testing;

TEST_CASE("CONSOLIDATE job options", "[lang][memory][consolidate]") {
  const auto com = std::get<Consolidate>(MustParseOne("CONSOLIDATE COMMUNITIES RESOLUTION 0.5 SEED 7").body);
  CHECK(com.job == ConsolidateJob::kCommunities);
  REQUIRE(com.seed);
  CHECK(com.seed->int_value == 7);
  REQUIRE(com.resolution);
  const auto decay = std::get<Consolidate>(MustParseOne("consolidate decay threshold 0.1 half life 7d dry run").body);
  CHECK(decay.job == ConsolidateJob::kDecay);
  CHECK(decay.dry_run);
  REQUIRE(decay.threshold);
  REQUIRE(decay.half_life);
  const auto dedupe = std::get<Consolidate>(MustParseOne("CONSOLIDATE DEDUPE THRESHOLD $t APPLY").body);
  CHECK(dedupe.apply);
  REQUIRE(dedupe.threshold);
  CHECK(dedupe.threshold->kind == ExprKind::kParameter);
}

TEST_CASE("UNMERGE parses as the undoing of a merge", "[lang][memory][consolidate]") {
  const Statement s = MustParseOne("UNMERGE 42");
  REQUIRE(s.kind() == StatementKind::kMergeEntity);
  const auto& m = std::get<MergeEntity>(s.body);
  REQUIRE(m.unmerge);
  CHECK(m.unmerge->int_value == 42);
  CHECK_FALSE(m.from);
  CHECK(MustParseOne("UNMERGE $merge").kind() == StatementKind::kMergeEntity);
  const auto by_name = std::get<MergeEntity>(MustParseOne("UNMERGE City 'NYC'").body);
  REQUIRE(by_name.unmerge);
  CHECK(by_name.unmerge->kind == ExprKind::kEntityRef);
  // Still a name in Cypher.
  CHECK(MustParseOne("WITH 1 AS unmerge, 2 AS threshold RETURN unmerge + threshold").kind() == StatementKind::kQuery);
}

TEST_CASE("consolidation statements print and re-parse to the same text", "[lang][memory][consolidate]") {
  for (const char* text :
       {"CONSOLIDATE COMMUNITIES", "CONSOLIDATE COMMUNITIES SEED 7 RESOLUTION 0.5", "CONSOLIDATE IMPORTANCE",
        "CONSOLIDATE DECAY HALF LIFE 30d THRESHOLD 0.1 DRY RUN", "CONSOLIDATE DECAY", "CONSOLIDATE DEDUPE",
        "CONSOLIDATE DEDUPE THRESHOLD 0.95 APPLY", "MERGE ENTITY City 'NYC' INTO City 'New York City'", "UNMERGE 42",
        "UNMERGE $m", "UNMERGE City 'NYC'"}) {
    INFO(text);
    const std::string printed = Minimal(text);
    CHECK(printed == text);
    CHECK(Minimal(printed) == printed);
  }
}

TEST_CASE("consolidation statement errors name what was expected", "[lang][memory][consolidate]") {
  CHECK(MustFail("CONSOLIDATE DECAY SEED 1").message().find("CONSOLIDATE option") != std::string::npos);
  CHECK(MustFail("CONSOLIDATE COMMUNITIES SEED").message().find("expected a value") != std::string::npos);
  CHECK(MustFail("CONSOLIDATE DEDUPE APPLY APPLY").message().find("duplicate APPLY") != std::string::npos);
  CHECK(MustFail("UNMERGE").code() == mnemo::StatusCode::kSyntaxError);
  CHECK(MustFail("UNMERGE 1 2").message().find("after UNMERGE") != std::string::npos);
}
