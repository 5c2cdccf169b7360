// A LoCoMo conversation as plain data (format: ../shared/data/locomo/SOURCE.md).
//
// The parsed file is split in two: the Dialogue — what a memory may be given
// (sessions, turns, observations, summaries, events) — and the Questions, with
// their evidence, which only scoring reads. Loading takes a Dialogue and so
// never sees an answer or an evidence id.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "temporal/time.hpp"

namespace mnemo::bench::locomo {

struct Turn {
  std::string dia_id;  // normalised, "D<session>:<turn>"
  std::string speaker;
  std::string text;
  std::string caption;  // blip_caption of a shared image; empty when none
};

// What a speaker did in a session (events_session_N), as the dataset lists it.
struct SessionEvent {
  std::string speaker;
  std::string text;
};

struct Session {
  int number = 0;                // N of session_N
  std::string date_time;         // as written: "1:56 pm on 8 May, 2023"
  temporal::Timestamp time = 0;  // the same, as UTC
  std::vector<Turn> turns;
  std::string summary;  // session_N_summary; empty when absent
  std::vector<SessionEvent> events;
};

// One entry of session_N_observation: a fact about `speaker` citing turns.
struct Observation {
  int session = 0;
  std::string speaker;
  std::string text;
  std::vector<std::string> evidence;  // normalised dia_ids of existing turns
};

struct Dialogue {
  std::string speaker_a, speaker_b;
  std::vector<Session> sessions;  // ascending session number, only sessions with turns
  std::vector<Observation> observations;
};

struct Question {
  std::string question;
  int category = 0;                   // 1 multi-hop, 2 temporal, 3 open-domain, 4 single-hop, 5 adversarial
  std::vector<std::string> evidence;  // normalised dia_ids of existing turns, each once
};

// How many evidence ids (of questions and observations) had to be repaired
// ("D:11:26" -> "D11:26", "D30:05" -> "D30:5", "D8:6; D9:17" split in two)
// and how many were dropped because they name no turn of the conversation.
struct EvidenceRepairs {
  size_t normalised = 0;
  size_t dropped = 0;
  std::vector<std::string> dropped_ids;  // as written
};

struct Conversation {
  std::string file;
  Dialogue dialogue;
  std::vector<Question> questions;
  EvidenceRepairs repairs;
};

// Parses one conversation file. Errors: IOError when it cannot be read;
// Corruption (naming the file and the key) when it is not LoCoMo JSON.
// Malformed evidence ids are never an error: see EvidenceRepairs.
Result<Conversation> ParseConversation(const std::string& path);

// "1:56 pm on 8 May, 2023" -> UTC timestamp; nullopt when malformed.
std::optional<temporal::Timestamp> ParseDateTime(std::string_view text);

// The canonical form "D<s>:<t>" of a dia_id as written, or "" when it has no
// such reading. Sets *repaired when the text differed from the canonical form.
std::string NormaliseDiaId(std::string_view text, bool* repaired);

}  // namespace mnemo::bench::locomo
