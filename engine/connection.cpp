#include "engine/connection.hpp"

#include <mutex>

namespace mnemo {

const graph::Hypergraph& Connection::store() const { return db_->store_; }
std::shared_mutex& Connection::mutex() const { return db_->mutex_; }

template <typename T>
Result<T> Connection::Write(const std::function<Result<T>(graph::Hypergraph&)>& write) {
  std::unique_lock lock(db_->mutex_);
  graph::Hypergraph& g = db_->store_;
  g.Begin();
  Result<T> r = write(g);
  if (r.ok()) g.Commit();
  else g.Rollback();
  return r;
}

Status Connection::WriteStatus(const std::function<Status(graph::Hypergraph&)>& write) {
  std::unique_lock lock(db_->mutex_);
  graph::Hypergraph& g = db_->store_;
  g.Begin();
  Status st = write(g);
  if (st.ok()) g.Commit();
  else g.Rollback();
  return st;
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
  return Write<graph::Id>([&](graph::Hypergraph& g) { return g.AddEpisode(spec); });
}

Result<graph::Id> Connection::Assert(const graph::HyperedgeSpec& spec) {
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
