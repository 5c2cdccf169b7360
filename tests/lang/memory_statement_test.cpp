// Memory statements: every example of LANGUAGE.md parses into the expected
// tree; options in any order, at most once.
#include <catch2/catch.hpp>

#include "lang/time_literal.hpp"
#include "parse_helpers.hpp"

using namespace mnemo::lang;           // NOLINT
using namespace mnemo::lang::testing;  // NOLINT

namespace {

int64_t Micros(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0) {
  return DaysFromCivil(y, m, d) * kMicrosPerDay + ((hh * 60 + mm) * 60 + ss) * kMicrosPerSecond;
}

void CheckRef(const ExprPtr& e, const std::string& type, const std::string& key) {
  REQUIRE(e);
  REQUIRE(e->kind == ExprKind::kEntityRef);
  CHECK(e->text == type);
  CHECK(e->children[0]->text == key);
}

// The examples of LANGUAGE.md, with every optional part written out.
const char* const kLanguageExamples = R"(
DEFINE ENTITY Person (name TEXT KEY, born DATE);
DEFINE ENTITY City (name TEXT KEY);
DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident);
DEFINE EVENT Trip (traveler: Person MANY, destination: City, purpose TEXT);
SHOW SCHEMA;

OBSERVE 'Caroline: I moved to Berlin last month'
  AT 2023-05-08T13:56:00Z BY Person 'Caroline' IN 'session-1'
  ABOUT Person 'Melanie', City 'Berlin' SOURCE 'chat' TRUST 0.9 EMBEDDING [0.1, 0.2, 0.3];
OBSERVE 'Caroline: I moved to Berlin last month'
  AT 2023-05-08T13:56:00Z BY Person 'Caroline' IN 'session-1';

ASSERT lives_in(resident: Person 'Caroline', city: City 'Berlin')
  VALID FROM 2023-04-01 VALID UNTIL 2024-01-01 FROM EPISODE 17, 18 CONFIDENCE 0.8;
ASSERT lives_in(resident: Person 'Caroline', city: City 'Berlin');
ASSERT Trip(traveler: [Person 'Caroline', Person 'Melanie'], destination: City 'Paris') AT 2023-06-01;
RETRACT lives_in(resident: Person 'Caroline', city: City 'Berlin');

MATCH (p:Person)-[:lives_in]->(c:City) RETURN p.name, c.name AS OF 2023-06-01;
HISTORY lives_in(resident: Person 'Caroline');     -- every version: values, valid_from, valid_to,
                                                   -- recorded_at, retracted_at, superseded_by, provenance
TIMELINE Person 'Caroline' FROM 2023-01-01 TO 2023-12-31;   -- episodes and facts in time order
TIMELINE Person 'Caroline';

RECALL 'where does Caroline live now?'
  ABOUT Person 'Caroline' TOP 10 KINDS episode, fact, entity
  USING vector, keyword, graph, recency MIN TRUST 0.5 EXPLAIN
  AS OF 2023-06-01 KNOWN AT 2023-07-01;
RECALL 'where does Caroline live now?';

FORGET 17;                      -- archive: hidden from reads, kept in history, restorable
FORGET EPISODES BEFORE 2023-01-01;
PURGE 17;                       -- erase content for good (compliance); a tombstone stays
CONSOLIDATE COMMUNITIES;
CONSOLIDATE IMPORTANCE;
CONSOLIDATE DECAY HALF LIFE 30d;
CONSOLIDATE DEDUPE;
SNAPSHOT;                       -- write a snapshot of the memory directory now
)";

}  // namespace

TEST_CASE("every LANGUAGE.md example parses", "[lang][memory]") {
  Script script = MustParse(kLanguageExamples);
  CHECK(script.statements.size() == 25);
  // Printing and re-parsing is stable.
  for (const auto& st : script.statements) {
    const std::string printed = ToString(st);
    INFO(printed);
    CHECK(Minimal(printed) == printed);
  }
}

TEST_CASE("DEFINE ENTITY / RELATION / EVENT and SHOW SCHEMA", "[lang][memory]") {
  Statement person = MustParseOne("DEFINE ENTITY Person (name TEXT KEY, born DATE)");
  REQUIRE(person.kind() == StatementKind::kDefineEntity);
  const auto& pe = std::get<DefineEntity>(person.body);
  CHECK(pe.name == "Person");
  REQUIRE(pe.properties.size() == 2);
  CHECK(pe.properties[0].name == "name");
  CHECK(pe.properties[0].type == PropertyType::kText);
  CHECK(pe.properties[0].key);
  CHECK(pe.properties[1].type == PropertyType::kDate);
  CHECK_FALSE(pe.properties[1].key);
  CHECK(pe.properties[1].column == 38);

  Statement rel =
      MustParseOne("DEFINE RELATION lives_in (resident: Person, city: City ONE, since DATETIME) UNIQUE (resident)");
  const auto& lr = std::get<DefineRelation>(rel.body);
  CHECK_FALSE(lr.is_event);
  REQUIRE(lr.roles.size() == 2);
  CHECK(lr.roles[0].name == "resident");
  CHECK(lr.roles[0].entity_type == "Person");
  CHECK(lr.roles[0].cardinality == Cardinality::kDefault);
  CHECK(lr.roles[1].cardinality == Cardinality::kOne);
  REQUIRE(lr.properties.size() == 1);
  CHECK(lr.properties[0].type == PropertyType::kDateTime);
  CHECK(lr.unique_roles == std::vector<std::string>{"resident"});

  Statement ev = MustParseOne("define event Trip (traveler: Person MANY, destination: ANY, purpose text)");
  const auto& trip = std::get<DefineRelation>(ev.body);
  CHECK(trip.is_event);
  CHECK(trip.roles[0].cardinality == Cardinality::kMany);
  CHECK(trip.roles[1].entity_type == "ANY");
  CHECK(trip.properties[0].type == PropertyType::kText);

  for (const char* type :
       {"TEXT", "STRING", "INT", "INTEGER", "FLOAT", "BOOL", "BOOLEAN", "DATE", "DATETIME", "LIST", "MAP", "ANY"}) {
    CHECK(Parse(std::string("DEFINE ENTITY X (p ") + type + ")").ok());
  }
  CHECK(MustParseOne("SHOW SCHEMA").kind() == StatementKind::kShowSchema);
}

TEST_CASE("OBSERVE with all options in any order", "[lang][memory]") {
  Statement st = MustParseOne(
      "OBSERVE 'Caroline: I moved to Berlin last month' EMBEDDING [0.1, 0.2] TRUST 0.9 SOURCE 'chat' "
      "ABOUT Person 'Melanie', City 'Berlin' IN 'session-1' BY Person 'Caroline' AT 2023-05-08T13:56:00Z");
  REQUIRE(st.kind() == StatementKind::kObserve);
  const auto& o = std::get<Observe>(st.body);
  CHECK(o.text->text == "Caroline: I moved to Berlin last month");
  REQUIRE(o.at);
  CHECK(o.at->kind == ExprKind::kTime);
  CHECK(o.at->int_value == Micros(2023, 5, 8, 13, 56));
  CheckRef(o.by, "Person", "Caroline");
  CHECK(o.session->text == "session-1");
  REQUIRE(o.about.size() == 2);
  CheckRef(o.about[1], "City", "Berlin");
  CHECK(o.source->text == "chat");
  CHECK(o.trust->double_value == 0.9);
  CHECK(o.embedding->children.size() == 2);

  Statement params = MustParseOne("OBSERVE $text AT $t BY Person $who IN $session");
  const auto& op = std::get<Observe>(params.body);
  CHECK(op.at->kind == ExprKind::kParameter);
  CHECK(op.by->children[0]->kind == ExprKind::kParameter);
  CHECK(op.session->kind == ExprKind::kParameter);

  Statement concat = MustParseOne("OBSERVE 'a' + $b AT now() IN 's' + '1'");
  CHECK(std::get<Observe>(concat.body).text->kind == ExprKind::kBinary);
  CHECK(std::get<Observe>(concat.body).at->kind == ExprKind::kFunctionCall);
}

TEST_CASE("options may be given at most once", "[lang][memory]") {
  auto st = MustFail("OBSERVE 'x' TRUST 0.5 AT 2023-01-01 TRUST 0.7");
  CHECK(st.code() == mnemo::StatusCode::kSyntaxError);
  CHECK(st.line() == 1);
  CHECK(st.column() == 37);
  CHECK(st.message() == "duplicate TRUST option: each option may be given once");
  CHECK(MustFail("ASSERT r(a: 1) VALID FROM 2023-01-01 VALID FROM 2024-01-01").column() == 38);
  CHECK(MustFail("RECALL 'x' TOP 1 TOP 2").column() == 18);
  CHECK(MustFail("RECALL 'x' EXPLAIN EXPLAIN").column() == 20);
  CHECK(MustFail("TIMELINE Person 'a' FROM 2023-01-01 FROM 2023-02-01").column() == 37);
  CHECK(MustFail("CONSOLIDATE DECAY DRY RUN DRY RUN").column() == 27);
}

TEST_CASE("ASSERT, RETRACT, HISTORY", "[lang][memory]") {
  Statement st = MustParseOne(
      "ASSERT lives_in(resident: Person 'Caroline', city: City 'Berlin')\n"
      "  VALID FROM 2023-04-01 VALID UNTIL 2024-01-01 FROM EPISODE 17, 18 CONFIDENCE 0.8 SUPERSEDES 12");
  const auto& a = std::get<Assert>(st.body);
  CHECK(a.fact.relation == "lives_in");
  REQUIRE(a.fact.roles.size() == 2);
  CHECK(a.fact.roles[0].role == "resident");
  CheckRef(a.fact.roles[0].value, "Person", "Caroline");
  CHECK(a.fact.roles[1].column == 46);
  CHECK(a.valid_from->int_value == Micros(2023, 4, 1));
  CHECK(a.valid_until->int_value == Micros(2024, 1, 1));
  REQUIRE(a.from_episodes.size() == 2);
  CHECK(a.from_episodes[1]->int_value == 18);
  CHECK(a.confidence->double_value == 0.8);
  CHECK(a.supersedes->int_value == 12);

  Statement trip = MustParseOne(
      "ASSERT Trip(traveler: [Person 'Caroline', Person 'Melanie'], destination: City 'Paris', purpose: 'fun', "
      "days: 3 + 1) AT 2023-06-01");
  const auto& t = std::get<Assert>(trip.body);
  REQUIRE(t.fact.roles.size() == 4);
  const Expr& travelers = *t.fact.roles[0].value;
  REQUIRE(travelers.kind == ExprKind::kList);
  CheckRef(travelers.children[1], "Person", "Melanie");
  CHECK(t.fact.roles[2].value->kind == ExprKind::kString);
  CHECK(t.fact.roles[3].value->kind == ExprKind::kBinary);
  CHECK(t.at->int_value == Micros(2023, 6, 1));
  CHECK(MustParseOne("ASSERT room(number: Room 101, tags: ['a', 'b'])").kind() == StatementKind::kAssert);

  Statement r1 = MustParseOne("RETRACT lives_in(resident: Person 'Caroline', city: City 'Berlin')");
  const auto& retract = std::get<Retract>(r1.body);
  REQUIRE(retract.fact);
  CHECK(retract.fact->roles.size() == 2);
  CHECK_FALSE(retract.id);
  Statement r2 = MustParseOne("RETRACT 42");
  CHECK(std::get<Retract>(r2.body).id->int_value == 42);
  CHECK_FALSE(std::get<Retract>(r2.body).fact);
  CHECK(std::get<Retract>(MustParseOne("RETRACT $fact_id").body).id->kind == ExprKind::kParameter);
  CHECK(std::get<Retract>(MustParseOne("RETRACT r()").body).fact);

  Statement h = MustParseOne("HISTORY lives_in(resident: Person 'Caroline')");
  CHECK(std::get<History>(h.body).fact.roles.size() == 1);
}

TEST_CASE("TIMELINE and RECALL", "[lang][memory]") {
  Statement t = MustParseOne("TIMELINE Person 'Caroline' TO 2023-12-31 FROM 2023-01-01 KNOWN AT $k");
  const auto& tl = std::get<Timeline>(t.body);
  CheckRef(tl.entity, "Person", "Caroline");
  CHECK(tl.from->int_value == Micros(2023, 1, 1));
  CHECK(tl.to->int_value == Micros(2023, 12, 31));
  CHECK(t.known_at->kind == ExprKind::kParameter);
  CHECK_FALSE(t.as_of);

  Statement r = MustParseOne(
      "RECALL 'where does Caroline live now?' ABOUT Person 'Caroline' TOP 10 KINDS episode, fact, entity "
      "USING vector, keyword, graph, recency WEIGHTS {vector: 0.5, keyword: 0.5} MIN TRUST 0.5 EXPLAIN "
      "AS OF 2023-06-01 KNOWN AT 2023-07-01T12:00:00+02:00");
  REQUIRE(r.kind() == StatementKind::kRecall);
  const auto& rc = std::get<Recall>(r.body);
  CHECK(rc.text->text == "where does Caroline live now?");
  REQUIRE(rc.about.size() == 1);
  CHECK(rc.top->int_value == 10);
  CHECK(rc.kinds == std::vector<std::string>{"episode", "fact", "entity"});
  CHECK(rc.channels == std::vector<std::string>{"vector", "keyword", "graph", "recency"});
  CHECK(rc.weights->kind == ExprKind::kMap);
  CHECK(rc.min_trust->double_value == 0.5);
  CHECK(rc.explain);
  CHECK_FALSE(r.explain);
  CHECK(r.as_of->int_value == Micros(2023, 6, 1));
  CHECK(r.known_at->int_value == Micros(2023, 7, 1, 10, 0));

  Statement both = MustParseOne("EXPLAIN RECALL $q TOP $k EXPLAIN");
  CHECK(both.explain);
  CHECK(std::get<Recall>(both.body).explain);
}

TEST_CASE("lifecycle statements", "[lang][memory]") {
  CHECK(std::get<Forget>(MustParseOne("FORGET 17").body).id->int_value == 17);
  Statement fe = MustParseOne("FORGET EPISODES BEFORE 2023-01-01");
  CHECK(std::get<Forget>(fe.body).episodes_before->int_value == Micros(2023, 1, 1));
  CHECK_FALSE(std::get<Forget>(fe.body).id);
  CHECK(std::get<Restore>(MustParseOne("RESTORE 17").body).id->int_value == 17);
  CHECK(std::get<Purge>(MustParseOne("PURGE $id").body).id->kind == ExprKind::kParameter);

  CHECK(std::get<Consolidate>(MustParseOne("CONSOLIDATE COMMUNITIES").body).job == ConsolidateJob::kCommunities);
  CHECK(std::get<Consolidate>(MustParseOne("CONSOLIDATE IMPORTANCE").body).job == ConsolidateJob::kImportance);
  const auto decay = std::get<Consolidate>(MustParseOne("CONSOLIDATE DECAY DRY RUN HALF LIFE 30d").body);
  CHECK(decay.job == ConsolidateJob::kDecay);
  CHECK(decay.dry_run);
  REQUIRE(decay.half_life);
  CHECK(decay.half_life->kind == ExprKind::kDuration);
  CHECK(decay.half_life->int_value == 30 * kMicrosPerDay);
  CHECK(std::get<Consolidate>(MustParseOne("CONSOLIDATE DECAY HALF LIFE $h").body).half_life->kind ==
        ExprKind::kParameter);
  CHECK(std::get<Consolidate>(MustParseOne("CONSOLIDATE DECAY HALF LIFE 1h30m").body).half_life->int_value ==
        90LL * 60 * kMicrosPerSecond);
  const auto dedupe = std::get<Consolidate>(MustParseOne("CONSOLIDATE DEDUPE APPLY").body);
  CHECK(dedupe.job == ConsolidateJob::kDedupe);
  CHECK(dedupe.apply);
  CHECK_FALSE(std::get<Consolidate>(MustParseOne("CONSOLIDATE DEDUPE").body).apply);

  Statement m = MustParseOne("MERGE ENTITY Person 'Caro' INTO Person 'Caroline'");
  const auto& me = std::get<MergeEntity>(m.body);
  CheckRef(me.from, "Person", "Caro");
  CheckRef(me.into, "Person", "Caroline");
  // `MERGE entity = ...` is still a Cypher MERGE with a path variable.
  CHECK(MustParseOne("MERGE entity = (a)-[:R]->(b)").kind() == StatementKind::kQuery);
  CHECK(MustParseOne("SNAPSHOT").kind() == StatementKind::kSnapshot);
}

TEST_CASE("memory keywords stay usable as names in Cypher", "[lang][memory]") {
  CHECK(Parse("MATCH (source:Episode {trust: 1}) RETURN source.at AS at, min(source.top) AS top").ok());
  CHECK(Parse("WITH 1 AS recall, 2 AS observe RETURN recall + observe").ok());
}
