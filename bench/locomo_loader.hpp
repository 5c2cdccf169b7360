// Loading a LoCoMo Dialogue into a memory through the typed Connection API.
//
// What is written (see bench/README.md, "locomo"):
//  - a Person entity (key `name`) per speaker;
//  - one episode per turn: text = the turn's text, plus " [image: <caption>]"
//    when the turn shares an image; time = its session's date and time plus
//    kTurnSpacing per turn index (episodes keep the dialogue's order); speaker
//    = the Person; session = "session_N"; source = "locomo";
//  - structured mode only:
//    - a Session entity per session (key `name` = "session_N", `date`);
//    - each observation as a fact observation(subject: Person, text) valid
//      from its session's time, with provenance = the episodes of the turns it
//      cites;
//    - each session summary as session_summary(session: Session, text) and
//      each event as session_event(subject: Person, session: Session, text)
//      (an event), valid from the session's time; their provenance is every
//      turn of the session (a summary is learned from the whole session)
//      unless `session_provenance` is off, then none.
// The loader is given a Dialogue only: it cannot see questions or evidence.
#pragma once

#include <string>
#include <unordered_map>

#include "bench/locomo_conversation.hpp"
#include "engine/mnemo.hpp"

namespace mnemo::bench::locomo {

enum class Mode { kTurns, kStructured };

inline constexpr temporal::Duration kTurnSpacing = 10 * temporal::kMicrosPerSecond;

struct LoadOptions {
  Mode mode = Mode::kTurns;
  bool session_provenance = true;  // structured: summaries/events cite their session's turns
};

struct LoadedDialogue {
  std::unordered_map<graph::Id, std::string> dia_id_of;  // episode id -> dia_id
  size_t episodes = 0, facts = 0;
};

// Writes `dialogue` into the (normally empty) memory behind `conn`. Returns
// the first write that failed, with the turn or observation it was for.
Result<LoadedDialogue> LoadDialogue(Connection& conn, const Dialogue& dialogue, const LoadOptions& options);

}  // namespace mnemo::bench::locomo
