#include "bench/locomo_loader.hpp"

#include <map>

namespace mnemo::bench::locomo {

namespace {

Status Failed(const Status& s, const std::string& what) { return Status(s.code(), what + ": " + s.message()); }

class Loader {
 public:
  Loader(Connection& conn, const LoadOptions& options) : conn_(conn), options_(options) {}

  Result<LoadedDialogue> Load(const Dialogue& d) {
    for (const Session& s : d.sessions) MNEMO_RETURN_IF_ERROR(LoadTurns(s));
    if (options_.mode == Mode::kStructured) {
      for (const Session& s : d.sessions) MNEMO_RETURN_IF_ERROR(LoadSession(s));
      for (const Observation& o : d.observations) MNEMO_RETURN_IF_ERROR(LoadObservation(o, d));
    }
    return std::move(out_);
  }

 private:
  Result<graph::Id> Person(const std::string& name) {
    if (const auto it = people_.find(name); it != people_.end()) return it->second;
    auto id = conn_.EnsureEntity("Person", graph::Value(name));
    if (!id.ok()) return Failed(id.status(), "speaker " + name);
    people_[name] = *id;
    return *id;
  }

  Status LoadTurns(const Session& s) {
    std::vector<graph::Id>& episodes = session_episodes_[s.number];
    for (size_t i = 0; i < s.turns.size(); ++i) {
      const Turn& t = s.turns[i];
      graph::EpisodeSpec spec;
      spec.text = t.caption.empty() ? t.text : t.text + " [image: " + t.caption + "]";
      spec.time = s.time + static_cast<temporal::Duration>(i) * kTurnSpacing;
      MNEMO_ASSIGN_OR_RETURN(spec.speaker, Person(t.speaker));
      spec.session = "session_" + std::to_string(s.number);
      spec.source = "locomo";
      auto id = conn_.Observe(spec);
      if (!id.ok()) return Failed(id.status(), "turn " + t.dia_id);
      out_.dia_id_of[*id] = t.dia_id;
      episode_of_[t.dia_id] = *id;
      episodes.push_back(*id);
      ++out_.episodes;
    }
    return Status::OK();
  }

  Status AssertFact(const graph::HyperedgeSpec& spec, const std::string& what) {
    auto id = conn_.Assert(spec);
    if (!id.ok()) return Failed(id.status(), what);
    ++out_.facts;
    return Status::OK();
  }

  Status LoadSession(const Session& s) {
    const std::string name = "session_" + std::to_string(s.number);
    graph::EntitySpec entity{
        {"Session"}, {{"name", graph::Value(name)}, {"date", graph::Value(graph::DateTime{s.time})}}, {}, {}, {}};
    auto session = conn_.AddEntity(entity);
    if (!session.ok()) return Failed(session.status(), name);
    const std::vector<graph::Id> provenance =
        options_.session_provenance ? session_episodes_[s.number] : std::vector<graph::Id>{};
    if (!s.summary.empty()) {
      graph::HyperedgeSpec spec;
      spec.type = "session_summary";
      spec.roles = {{"session", *session, {}}, {"text", graph::kNoId, graph::Value(s.summary)}};
      spec.valid_from = s.time;
      spec.provenance = provenance;
      MNEMO_RETURN_IF_ERROR(AssertFact(spec, name + "_summary"));
    }
    for (const SessionEvent& e : s.events) {
      graph::HyperedgeSpec spec;
      spec.type = "session_event";
      spec.is_event = true;
      MNEMO_ASSIGN_OR_RETURN(const graph::Id subject, Person(e.speaker));
      spec.roles = {{"subject", subject, {}}, {"session", *session, {}}, {"text", graph::kNoId, graph::Value(e.text)}};
      spec.valid_from = s.time;
      spec.provenance = provenance;
      MNEMO_RETURN_IF_ERROR(AssertFact(spec, "events_" + name));
    }
    return Status::OK();
  }

  Status LoadObservation(const Observation& o, const Dialogue& d) {
    graph::HyperedgeSpec spec;
    spec.type = "observation";
    MNEMO_ASSIGN_OR_RETURN(const graph::Id subject, Person(o.speaker));
    spec.roles = {{"subject", subject, {}}, {"text", graph::kNoId, graph::Value(o.text)}};
    for (const Session& s : d.sessions)
      if (s.number == o.session) spec.valid_from = s.time;
    for (const std::string& dia_id : o.evidence)
      if (const auto it = episode_of_.find(dia_id); it != episode_of_.end()) spec.provenance.push_back(it->second);
    return AssertFact(spec, "session_" + std::to_string(o.session) + "_observation of " + o.speaker);
  }

  Connection& conn_;
  const LoadOptions& options_;
  LoadedDialogue out_;
  std::unordered_map<std::string, graph::Id> people_;
  std::unordered_map<std::string, graph::Id> episode_of_;
  std::map<int, std::vector<graph::Id>> session_episodes_;
};

}  // namespace

Result<LoadedDialogue> LoadDialogue(Connection& conn, const Dialogue& dialogue, const LoadOptions& options) {
  return Loader(conn, options).Load(dialogue);
}

}  // namespace mnemo::bench::locomo
