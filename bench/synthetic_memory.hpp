// SyntheticMemory: a deterministic, generated memory of an agent — the
// people, places and organisations it knows of, the episodes of its
// conversations, the facts it learned, and queries to recall them by.
// Benchmarks load it into a mnemo Database (synthetic_loader.hpp) and into
// baselines; everything refers to entities and episodes by index, so the
// structs need nothing of mnemo but timestamps.
//
// Contract: GenerateSyntheticMemory is a pure function of its options — the
// same options give the same memory on every run, and across standard
// libraries (its own random number generator, no std:: distributions). Queries come from a
// separate stream: changing `queries` changes no entity, episode or fact.
//
// The shape:
//  - Entities: people ("Talora Vennick"), places ("Brindlecove") and
//    organisations ("Korvex Labs"), named from syllable combinations, all
//    names distinct (case-insensitively) and none a vocabulary word. Their
//    popularity — how often they are spoken by, spoken of or have facts — is
//    Zipf-distributed over their index (index 0 of each kind the most popular).
//    Person 0 is the agent's user and speaks in every session.
//  - Episodes: sessions of about `session_length` consecutive episodes
//    (75%-125% of it), each between the user and one other person who take
//    turns speaking. An episode's text has 15-30 words: words of the
//    vocabulary (synthetic_vocabulary.hpp) drawn with a Zipf distribution,
//    and the names of the 1-3 entities it mentions (`mentions`, distinct).
//    Times strictly increase: 20-120 s between turns, 2-12 h between
//    sessions, from 2020-01-01T00:00:00Z.
//  - Facts: instances of `relations` (lives_in, works_for, based_in with
//    UNIQUE on their subject role, so a later fact on the same subject
//    supersedes the earlier one; knows without). Some are stated by an
//    episode: its text names both entities with a cue ("moved to", ...) and
//    the fact has it as provenance; the others have no provenance. A fact
//    holds from the time of the episode after which it is learned; facts are
//    in that order. A UNIQUE fact never repeats its subject's current object.
//  - Queries: three distinct words of one episode (its content words — the
//    vocabulary past the function words — first, topped up with its other
//    words when it has fewer than three) and the name of one entity the
//    episode mentions, in a random order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "temporal/time.hpp"

namespace mnemo::bench {

struct SyntheticOptions {
  size_t episodes = 100000;
  size_t queries = 1000;
  uint64_t seed = 1;
  // Entities of each kind; 0 scales with the episodes: people
  // max(50, episodes / 40), places and organisations max(20, episodes / 100).
  size_t people = 0, places = 0, organisations = 0;
  size_t session_length = 20;
  // Per episode, the chance of a fact the episode states (with provenance)
  // and of a fact learned elsewhere (none).
  double stated_fact_rate = 0.2, background_fact_rate = 0.3;
  // Zipf exponents of word and entity popularity.
  double word_skew = 1.0, entity_skew = 0.9;
};

enum class EntityKind : uint8_t { kPerson, kPlace, kOrganisation };
// "Person", "Place", "Organisation": the entity type, whose KEY is `name`.
std::string_view EntityTypeName(EntityKind kind);

inline constexpr uint32_t kNoIndex = UINT32_MAX;

struct SyntheticEntity {
  EntityKind kind;
  std::string name;
};

struct SyntheticEpisode {
  std::string text;
  temporal::Timestamp time = 0;
  uint32_t speaker = kNoIndex;     // an entity (a person)
  uint32_t session = 0;            // its name: SessionName(session)
  std::vector<uint32_t> mentions;  // entities named in the text
};

// A relation type with two entity roles:
// DEFINE RELATION name (subject_role: subject kind, object_role: object kind) [UNIQUE (subject_role)].
struct SyntheticRelation {
  std::string name, subject_role, object_role;
  EntityKind subject_kind, object_kind;
  bool unique_subject;
};

struct SyntheticFact {
  uint32_t relation = 0;                           // into SyntheticMemory::relations
  uint32_t subject = kNoIndex, object = kNoIndex;  // entities
  temporal::Timestamp valid_from = 0;              // the time of episode `after_episode`
  uint32_t after_episode = 0;                      // learned right after this episode
  uint32_t provenance = kNoIndex;                  // the episode stating it, or kNoIndex
  bool supersedes = false;                         // ends a current fact of its UNIQUE subject
};

struct SyntheticQuery {
  std::string text;
  uint32_t episode = 0;  // the episode its words come from
  uint32_t entity = 0;   // the entity it names
};

struct SyntheticMemory {
  std::vector<SyntheticEntity> entities;  // people, then places, then organisations
  std::vector<SyntheticRelation> relations;
  std::vector<SyntheticEpisode> episodes;  // in time order
  std::vector<SyntheticFact> facts;        // in after_episode order
  std::vector<SyntheticQuery> queries;

  static std::string SessionName(uint32_t session) { return "session-" + std::to_string(session); }
};

SyntheticMemory GenerateSyntheticMemory(const SyntheticOptions& options);

}  // namespace mnemo::bench
