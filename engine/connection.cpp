#include "engine/connection.hpp"

#include <mutex>

#include "engine/database.hpp"
#include "engine/executor.hpp"
#include "engine/recall_index.hpp"
#include "lang/parser.hpp"

namespace mnemo {

const graph::Hypergraph& Connection::store() const { return db_->store_; }
std::shared_mutex& Connection::mutex() const { return db_->mutex_; }

template <typename T>
Result<T> Connection::Write(const std::function<Result<T>(graph::Hypergraph&)>& write) {
  std::unique_lock lock(db_->mutex_);
  graph::Hypergraph& g = db_->store_;
  g.Begin();
  Result<T> r = write(g);
  if (!r.ok()) {
    g.Rollback();
    return r;
  }
  MNEMO_RETURN_IF_ERROR(db_->services().CommitGroup());
  return r;
}

Status Connection::WriteStatus(const std::function<Status(graph::Hypergraph&)>& write) {
  auto r = Write<bool>([&](graph::Hypergraph& g) -> Result<bool> {
    MNEMO_RETURN_IF_ERROR(write(g));
    return true;
  });
  return r.status();
}

Status Connection::DefineEntity(graph::EntityTypeDef def) {
  return WriteStatus([&](graph::Hypergraph& g) { return g.DefineEntity(std::move(def)); });
}

Status Connection::DefineRelation(graph::RelationTypeDef def) {
  return WriteStatus([&](graph::Hypergraph& g) { return g.DefineRelation(std::move(def)); });
}

Result<graph::Id> Connection::AddEntity(const graph::EntitySpec& spec) {
  return Write<graph::Id>([&](graph::Hypergraph& g) { return g.AddEntity(spec); });
}

Result<graph::Id> Connection::EnsureEntity(const std::string& type, const graph::Value& key) {
  return Write<graph::Id>([&](graph::Hypergraph& g) -> Result<graph::Id> {
    auto found = g.FindByKey(type, key);
    if (!found.empty()) return found.front();
    graph::EntitySpec spec;
    spec.types = {type};
    spec.properties = {{std::string(g.KeyPropertyOf(type)), key}};
    return g.AddEntity(spec);
  });
}

Result<graph::Id> Connection::Observe(const graph::EpisodeSpec& spec) {
  MNEMO_RETURN_IF_ERROR(engine::CheckDimension(db_->services().recall(), spec.embedding));
  return Write<graph::Id>([&](graph::Hypergraph& g) { return g.AddEpisode(spec); });
}

Result<graph::Id> Connection::Assert(const graph::HyperedgeSpec& spec) {
  MNEMO_RETURN_IF_ERROR(engine::CheckDimension(db_->services().recall(), spec.embedding));
  return Write<graph::Id>([&](graph::Hypergraph& g) { return g.AddHyperedge(spec); });
}

Status Connection::SetProperty(graph::Id entity, const std::string& name, graph::Value value) {
  return WriteStatus([&](graph::Hypergraph& g) { return g.SetEntityProperty(entity, name, std::move(value)); });
}

Status Connection::Remove(graph::Id id, bool detach) {
  return WriteStatus([&](graph::Hypergraph& g) -> Status {
    switch (g.KindOf(id)) {
      case graph::RecordKind::kEntity: return g.RemoveEntity(id, detach);
      case graph::RecordKind::kHyperedge: return g.RemoveHyperedge(id);
      case graph::RecordKind::kEpisode: return g.RemoveEpisode(id);
      case graph::RecordKind::kNone: break;
    }
    return Status::NotFound("no record has id " + std::to_string(id));
  });
}

}  // namespace mnemo

// --- the language ---------------------------------------------------------------

namespace mnemo {

namespace {
// Runs one statement under the right lock.
Result<QueryResult> RunStatement(graph::Hypergraph& g, std::shared_mutex& mutex, engine::MemoryServices& services,
                                 const lang::Statement& s, const engine::Params& params) {
  engine::Executor executor(g, params, &services);
  if (engine::Executor::IsReadOnly(s)) {
    std::shared_lock lock(mutex);
    return executor.Execute(s);
  }
  std::unique_lock lock(mutex);
  return executor.Execute(s);
}
}  // namespace

Result<QueryResult> Connection::Query(std::string_view text, const engine::Params& params) {
  MNEMO_ASSIGN_OR_RETURN(lang::Script script, lang::Parse(text));
  if (script.statements.empty()) return QueryResult{};
  QueryResult last;
  for (const auto& s : script.statements) {
    MNEMO_ASSIGN_OR_RETURN(last, RunStatement(db_->store_, db_->mutex_, db_->services(), s, params));
  }
  return last;
}

std::vector<StatementOutcome> Connection::Run(std::string_view script_text, const engine::Params& params) {
  std::vector<StatementOutcome> outcomes;
  auto parsed = lang::Parse(script_text);
  if (!parsed.ok()) {
    StatementOutcome failed;
    failed.text = std::string(script_text);
    failed.status = parsed.status();
    failed.line = parsed.status().line();
    failed.column = parsed.status().column();
    outcomes.push_back(std::move(failed));
    return outcomes;
  }
  for (const auto& s : parsed->statements) {
    StatementOutcome out;
    out.text = std::string(script_text.substr(s.offset, s.length));
    out.line = s.line;
    out.column = s.column;
    auto r = RunStatement(db_->store_, db_->mutex_, db_->services(), s, params);
    if (r.ok()) out.result = std::move(r).value();
    else out.status = r.status();
    outcomes.push_back(std::move(out));
  }
  return outcomes;
}

}  // namespace mnemo
