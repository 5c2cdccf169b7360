// Loads a SyntheticMemory into a Database through the typed Connection API
// (no statements are parsed), in four timed phases:
//  1. schema: DEFINE ENTITY <EntityTypeName> (name TEXT KEY) for each kind,
//     and each relation as (subject_role: type, object_role: type) with
//     UNIQUE (subject_role) when unique_subject;
//  2. entities: EnsureEntity(type, name);
//  3. episodes, in order: Observe with text, time, speaker, session
//     (SessionName), source "synthetic" and about = mentions;
//  4. facts, in order: Assert with both roles, valid_from and provenance.
// Observe and Assert embed and index for RECALL, so the phases time that
// too — except adding the vectors to HNSW, which waits for the next vector
// search (engine/recall_index.hpp).
#pragma once

#include <vector>

#include "bench/stopwatch.hpp"
#include "bench/synthetic_memory.hpp"
#include "engine/mnemo.hpp"

namespace mnemo::bench {

struct SyntheticLoad {
  // Ids by index into the memory's entities, episodes and facts (a fact
  // re-asserted unchanged, which only adds provenance, has its first id).
  std::vector<graph::Id> entities, episodes, facts;
  // Each phase's elapsed and CPU time.
  PhaseTime schema_time, entities_time, episodes_time, facts_time;
};

// Errors: the first failed write, naming what it was loading.
Result<SyntheticLoad> LoadSynthetic(Connection& conn, const SyntheticMemory& memory);

}  // namespace mnemo::bench
