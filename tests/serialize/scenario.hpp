// A scenario that writes every kind of record, value and history the store
// has, shared by the round-trip tests and the golden-file generator.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "engine/mnemo.hpp"

namespace mnemo::testing {

inline constexpr temporal::Timestamp kScenarioStart = 1'700'000'000'000'000;  // 2023-11-14T22:13:20Z

inline graph::Id IdOf(Connection& conn, const std::string& statement) {
  auto r = conn.Query(statement);
  INFO(statement << " -> " << (r.ok() ? std::string("ok") : r.status().ToString()));
  REQUIRE(r.ok());
  REQUIRE(!r->rows.empty());
  return static_cast<graph::Id>(r->rows[0][0].as_int());
}

inline void Ok(Connection& conn, const std::string& statement) {
  auto r = conn.Query(statement);
  INFO(statement << " -> " << (r.ok() ? std::string("ok") : r.status().ToString()));
  REQUIRE(r.ok());
}

// Writes every kind of record, value and history the store has.
inline void WriteEverything(Database& db) {
  Connection conn = db.Connect();
  Ok(conn,
     "DEFINE ENTITY Person (name TEXT KEY, born DATE, age INT, height FLOAT, alive BOOL, seen DATETIME, tags LIST, "
     "meta MAP, extra ANY);"
     "DEFINE ENTITY City (name TEXT KEY);"
     "DEFINE ENTITY Org (name TEXT KEY);"
     "DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident);"
     "DEFINE RELATION holds_title (person: Person, org: Org, title TEXT) UNIQUE (person, org);"
     "DEFINE EVENT Trip (traveler: Person MANY, destination: City, purpose TEXT);"
     "DEFINE RELATION prefers (person: Person, city: City)");
  // Every stored value type, nested, with edge cases.
  Ok(conn,
     "CREATE (:Person {name: 'Ann', born: date('1990-02-03'), age: 33, height: 1.72, alive: true, "
     "seen: datetime('2023-05-08T13:56:00.000123Z'), tags: ['a', 1, [2.5, null], []], "
     "meta: {k: 'v', n: {deep: [true, false]}, e: {}}, extra: 'Caf\xC3\xA9 \xE2\x9C\x88 \\'quoted\\''})");
  Ok(conn, "CREATE (:Person {name: 'Bob', age: -9223372036854775807, height: -0.0, extra: 1.0e308})");
  Ok(conn, "CREATE (:Thing:Gadget {name: 'widget', weight: 0.1, blob: '\\u0000nul'})");
  // Property history, labels added and removed.
  Ok(conn, "MATCH (p:Person {name: 'Bob'}) SET p.age = 41");
  Ok(conn, "MATCH (p:Person {name: 'Bob'}) SET p.age = 42, p.nick = 'B'");
  Ok(conn, "MATCH (p:Person {name: 'Bob'}) REMOVE p.nick");
  Ok(conn, "MATCH (t:Thing) SET t:Tool");
  Ok(conn, "MATCH (t:Thing) REMOVE t:Gadget");
  // An entity with aliases and a valid time, through the C++ API.
  graph::EntitySpec eve;
  eve.types = {"Person"};
  eve.properties = {{"name", graph::Value("Eve")}};
  eve.aliases = {"Evie", "E."};
  eve.valid_from = kScenarioStart - 1000;
  REQUIRE(conn.AddEntity(eve).ok());
  // Episodes: all options, a client embedding, none.
  const graph::Id said = IdOf(conn,
                              "OBSERVE 'Ann: I moved to Berlin' AT 2023-05-08T13:56:00Z BY Person 'Ann' IN 'session-1' "
                              "ABOUT City 'Berlin', Person 'Bob' SOURCE 'chat' TRUST 0.9");
  graph::EpisodeSpec hello;
  hello.text = "Bob: hello";
  hello.session = "session-1";
  hello.embedding.assign(256, 0.0f);
  hello.embedding[3] = 0.6f;
  hello.embedding[100] = -0.8f;
  auto hello_id = conn.Observe(hello);
  REQUIRE(hello_id.ok());
  const graph::Id lonely = IdOf(conn, "OBSERVE 'no session at all'");
  // Facts: provenance and confidence, supersession (in order and out of
  // order), n-ary events, value roles, explicit SUPERSEDES, retraction.
  Ok(conn, "ASSERT lives_in(resident: Person 'Ann', city: City 'Berlin') VALID FROM 2020-01-01 FROM EPISODE " +
               std::to_string(said) + " CONFIDENCE 0.8");
  Ok(conn, "ASSERT lives_in(resident: Person 'Ann', city: City 'Paris') VALID FROM 2022-01-01");
  Ok(conn, "ASSERT lives_in(resident: Person 'Ann', city: City 'Rome') VALID FROM 2021-01-01");
  Ok(conn, "ASSERT lives_in(resident: Person 'Ann', city: City 'Paris') VALID FROM 2022-01-01 FROM EPISODE " +
               std::to_string(lonely));
  Ok(conn, "ASSERT holds_title(person: Person 'Ann', org: Org 'Acme', title: 'engineer') VALID FROM 2020-01-01");
  Ok(conn,
     "ASSERT holds_title(person: Person 'Ann', org: Org 'Acme', title: 'lead') VALID FROM 2022-01-01 "
     "VALID UNTIL 2030-01-01");
  Ok(conn,
     "ASSERT Trip(traveler: [Person 'Ann', Person 'Bob'], destination: City 'Paris', purpose: 'work') "
     "AT 2023-06-01");
  const graph::Id rome = IdOf(conn, "ASSERT prefers(person: Person 'Bob', city: City 'Rome')");
  Ok(conn, "ASSERT prefers(person: Person 'Bob', city: City 'Oslo') SUPERSEDES " + std::to_string(rome));
  Ok(conn, "ASSERT lives_in(resident: Person 'Bob', city: City 'Oslo')");
  Ok(conn, "RETRACT lives_in(resident: Person 'Bob', city: City 'Oslo')");
  // A fact with a value role and a client embedding, through the C++ API.
  graph::HyperedgeSpec likes;
  likes.type = "likes";
  likes.roles = {{"fan", IdOf(conn, "MATCH (p:Person {name: 'Bob'}) RETURN id(p)"), {}},
                 {"thing", graph::kNoId, graph::Value("jazz")}};
  likes.embedding.assign(256, 0.0f);
  likes.embedding[7] = 1.0f;
  likes.confidence = 0.25;
  REQUIRE(conn.Assert(likes).ok());
  Ok(conn, "CREATE (:Person {name: 'Cat'})-[:knows {since: 2001}]->(:Person {name: 'Dan'})");
  Ok(conn, "CREATE (:Person {name: 'Fay'})-[:knows]->(:Person {name: 'Gus'})");
  // Lifecycle: forgotten, restored, purged, deleted.
  Ok(conn, "FORGET " + std::to_string(*hello_id));
  Ok(conn, "FORGET " + std::to_string(rome));
  Ok(conn, "RESTORE " + std::to_string(rome));
  Ok(conn, "FORGET " + std::to_string(IdOf(conn, "MATCH (p:Person {name: 'Eve'}) RETURN id(p)")));
  Ok(conn, "FORGET EPISODES BEFORE 2023-06-01");
  Ok(conn, "PURGE " + std::to_string(IdOf(conn, "MATCH (p:Person {name: 'Dan'}) RETURN id(p)")));
  Ok(conn, "PURGE " + std::to_string(lonely));
  Ok(conn, "MATCH (p:Person {name: 'Gus'}) DETACH DELETE p");
}

}  // namespace mnemo::testing
