#include "engine/recall_index.hpp"

#include <algorithm>

#include "index/hashing_embedder.hpp"

namespace mnemo::engine {

using graph::Id;
using graph::Value;

namespace {
const std::vector<Id> kNone;

std::string Normalise(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '_') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

size_t Words(const std::string& s) { return s.empty() ? 0 : 1 + std::count(s.begin(), s.end(), ' '); }

void EraseId(std::vector<Id>& v, Id id) { std::erase(v, id); }

// A value as words for the text of a fact.
void AppendValue(std::string& out, const Value& v) {
  out += ' ';
  out += v.kind() == Value::Kind::kString ? v.as_string() : v.ToString();
}

uint64_t Fingerprint(std::string_view text) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a: only to notice a changed text
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h;
}
}  // namespace

Status CheckDimension(const RecallIndex& index, const std::vector<float>& vector) {
  const size_t want = index.embedder().dimension();
  if (vector.empty() || vector.size() == want) return Status::OK();
  return Status::InvalidArgument("EMBEDDING has " + std::to_string(vector.size()) + " numbers; this memory's vectors have " +
                                 std::to_string(want) + " (embedder " + std::string(index.embedder().name()) + ")");
}

RecallIndex::RecallIndex(std::shared_ptr<const index::Embedder> embedder, bool exact)
    : client_embedder_(embedder != nullptr),
      embedder_(embedder ? std::move(embedder) : std::make_shared<index::HashingEmbedder>()),
      vectors_(std::make_unique<index::VectorIndex>(
          embedder_->dimension(), exact ? index::VectorIndex::Kind::kFlat : index::VectorIndex::Kind::kHnsw)) {}

RecallIndex::~RecallIndex() = default;

std::string RecallIndex::TextOf(const graph::Hypergraph& g, Id id) {
  if (const graph::Episode* ep = g.episode(id)) return ep->text;
  if (const graph::Hyperedge* h = g.hyperedge(id)) {
    std::string text = Normalise(g.names().Text(h->type));
    for (const auto& r : h->roles) {
      if (!r.is_entity()) AppendValue(text, r.value);
      else if (const graph::Entity* e = g.entity(r.entity); e && !e->key.is_null()) AppendValue(text, e->key);
      else if (e && !e->types.empty())
        if (const Value* name = g.EntityProperty(r.entity, g.KeyPropertyOf(g.names().Text(e->types[0]))))
          AppendValue(text, *name);
    }
    for (const auto& [k, v] : h->properties.entries())
      if (v.kind() == Value::Kind::kString) AppendValue(text, v);
    return text;
  }
  if (const graph::Entity* e = g.entity(id)) {
    std::string text;
    for (graph::Symbol t : e->types) {
      if (const Value* key = g.EntityProperty(id, g.KeyPropertyOf(g.names().Text(t))); key && text.empty())
        text = key->kind() == Value::Kind::kString ? key->as_string() : key->ToString();
    }
    for (const auto& a : e->aliases) text += ' ' + a;
    for (graph::Symbol t : e->types) text += ' ' + std::string(g.names().Text(t));
    return text;
  }
  return {};
}

void RecallIndex::Apply(const graph::Hypergraph& g, const graph::ChangeSet& changes) {
  for (Id id : changes.records) {
    const graph::RecordKind kind = g.KindOf(id);
    bool live = false;
    switch (kind) {
      case graph::RecordKind::kEpisode: live = !g.episode(id)->forgotten; break;
      case graph::RecordKind::kHyperedge: live = !g.hyperedge(id)->forgotten; break;
      case graph::RecordKind::kEntity: live = !g.entity(id)->forgotten; break;
      case graph::RecordKind::kNone: break;
    }
    if (!live) {
      Unindex(id);
      if (kind == graph::RecordKind::kNone) uses_.Forget(id);
      continue;
    }
    Index(g, id);
  }
  // A fact's visibility depends on the entities it binds.
  for (Id id : changes.records)
    if (const graph::Entity* e = g.entity(id)) {
      for (const graph::Incidence& inc : e->incidence)
        if (indexed_.count(inc.edge)) visibility_.Set(g, inc.edge);
      for (const graph::Incidence& inc : e->past_incidence)
        if (indexed_.count(inc.edge)) visibility_.Set(g, inc.edge);
    }
}

void RecallIndex::Rebuild(const graph::Hypergraph& g) {
  for (Id id : std::vector<Id>(indexed_.begin(), indexed_.end())) Unindex(id);
  keywords_.Compact();
  for (const auto& [id, e] : g.entities())
    if (!e.forgotten) Index(g, id);
  for (const auto& [id, ep] : g.episodes())
    if (!ep.forgotten) Index(g, id);
  for (const auto& [id, h] : g.hyperedges())
    if (!h.forgotten) Index(g, id);
}

void RecallIndex::Index(const graph::Hypergraph& g, Id id) {
  const std::string text = TextOf(g, id);
  const uint64_t fingerprint = Fingerprint(text);
  const bool fresh = !indexed_.count(id);
  if (!fresh && fingerprints_[id] == fingerprint) {
    visibility_.Set(g, id);
    UnlinkRecord(id);
    LinkRecord(g, id);
    return;
  }
  Unindex(id);
  indexed_.insert(id);
  visibility_.Set(g, id);
  fingerprints_[id] = fingerprint;
  keywords_.Add(id, text);
  std::vector<float> vector;
  if (const graph::Episode* ep = g.episode(id); ep && !ep->embedding.empty()) vector = ep->embedding;
  else if (const graph::Hyperedge* h = g.hyperedge(id); h && !h->embedding.empty()) vector = h->embedding;
  else vector = embedder_->Embed(text);
  // A client vector of another dimension was refused when written; a text
  // without features has no direction and stays out of the vector index.
  if (vector.size() == embedder_->dimension() && std::any_of(vector.begin(), vector.end(), [](float x) { return x != 0; }))
    pending_vectors_[id] = std::move(vector);
  LinkRecord(g, id);
  if (fresh) {
    temporal::Timestamp born = 0;
    if (const graph::Episode* ep = g.episode(id)) born = ep->time;
    else if (const graph::Hyperedge* h = g.hyperedge(id)) born = h->time.recorded_at;
    else if (const graph::Entity* e = g.entity(id)) born = e->time.recorded_at;
    if (uses_.Uses(id) == 0) uses_.Record(id, born);
  }
}

void RecallIndex::Unindex(Id id) {
  visibility_.Clear(id);
  if (!indexed_.erase(id)) return;
  fingerprints_.erase(id);
  keywords_.Remove(id);
  if (!pending_vectors_.erase(id)) (void)vectors_->Remove(id);
  UnlinkRecord(id);
}

void RecallIndex::LinkRecord(const graph::Hypergraph& g, Id id) {
  std::vector<Id>& links = links_of_[id];
  if (const graph::Episode* ep = g.episode(id)) {
    auto link = [&](Id entity) {
      if (entity == graph::kNoId || std::find(links.begin(), links.end(), entity) != links.end()) return;
      episodes_of_[entity].push_back(id);
      links.push_back(entity);
    };
    link(ep->speaker);
    for (Id a : ep->about) link(a);
    if (ep->session != graph::kNoSymbol) {
      auto& session = sessions_[ep->session];
      const std::pair<temporal::Timestamp, Id> key{ep->time, id};
      session.insert(std::lower_bound(session.begin(), session.end(), key), key);
      session_of_[id] = {ep->session, ep->time};
    }
  } else if (const graph::Hyperedge* h = g.hyperedge(id)) {
    for (Id ep : h->provenance) {
      if (std::find(links.begin(), links.end(), ep) != links.end()) continue;
      facts_from_[ep].push_back(id);
      links.push_back(ep);
    }
  } else if (g.entity(id)) {
    std::vector<std::string>& names = names_of_[id];
    auto add = [&](std::string name) {
      name = Normalise(name);
      if (name.empty() || std::find(names.begin(), names.end(), name) != names.end()) return;
      names_[name].push_back(id);
      longest_name_words_ = std::max(longest_name_words_, Words(name));
      names.push_back(std::move(name));
    };
    const graph::Entity* e = g.entity(id);
    for (graph::Symbol t : e->types)
      if (const Value* key = g.EntityProperty(id, g.KeyPropertyOf(g.names().Text(t))); key && key->kind() == Value::Kind::kString)
        add(key->as_string());
    for (const auto& a : e->aliases) add(a);
  }
}

void RecallIndex::UnlinkRecord(Id id) {
  if (auto it = links_of_.find(id); it != links_of_.end()) {
    for (Id target : it->second) {
      if (auto e = episodes_of_.find(target); e != episodes_of_.end()) EraseId(e->second, id);
      if (auto f = facts_from_.find(target); f != facts_from_.end()) EraseId(f->second, id);
    }
    links_of_.erase(it);
  }
  if (auto s = session_of_.find(id); s != session_of_.end()) {
    auto& session = sessions_[s->second.first];
    std::erase(session, std::pair<temporal::Timestamp, Id>{s->second.second, id});
    session_of_.erase(s);
  }
  if (auto n = names_of_.find(id); n != names_of_.end()) {
    for (const auto& name : n->second) EraseId(names_[name], id);
    names_of_.erase(n);
  }
}

Result<std::vector<index::VectorHit>> RecallIndex::SearchVectors(const std::vector<float>& query, size_t k) const {
  for (;;) {
    {
      std::shared_lock search(vectors_mutex_);
      if (pending_vectors_.empty()) return vectors_->Search(query, k);
    }
    std::unique_lock drain(vectors_mutex_);
    if (pending_vectors_.empty()) continue;
    // In id order, so that the graph Faiss builds does not depend on hashing.
    std::vector<std::pair<Id, const std::vector<float>*>> batch;
    batch.reserve(pending_vectors_.size());
    for (const auto& [id, v] : pending_vectors_) batch.emplace_back(id, &v);
    std::sort(batch.begin(), batch.end());
    (void)vectors_->AddBatch(batch);
    pending_vectors_.clear();
  }
}

const std::vector<Id>& RecallIndex::EpisodesOf(Id entity) const {
  auto it = episodes_of_.find(entity);
  return it == episodes_of_.end() ? kNone : it->second;
}

const std::vector<Id>& RecallIndex::FactsFrom(Id episode) const {
  auto it = facts_from_.find(episode);
  return it == facts_from_.end() ? kNone : it->second;
}

std::pair<Id, Id> RecallIndex::SessionNeighbours(Id episode) const {
  auto s = session_of_.find(episode);
  if (s == session_of_.end()) return {graph::kNoId, graph::kNoId};
  const auto& session = sessions_.at(s->second.first);
  const std::pair<temporal::Timestamp, Id> key{s->second.second, episode};
  auto it = std::lower_bound(session.begin(), session.end(), key);
  if (it == session.end() || *it != key) return {graph::kNoId, graph::kNoId};
  const Id before = it == session.begin() ? graph::kNoId : std::prev(it)->second;
  const Id after = std::next(it) == session.end() ? graph::kNoId : std::next(it)->second;
  return {before, after};
}

const std::vector<Id>& RecallIndex::EntitiesNamed(std::string_view name) const {
  auto it = names_.find(Normalise(name));
  return it == names_.end() ? kNone : it->second;
}

}  // namespace mnemo::engine
