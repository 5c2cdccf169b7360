#include "bench/synthetic_loader.hpp"

namespace mnemo::bench {

namespace {

Status Failed(const Status& s, const std::string& what) { return Status(s.code(), what + ": " + s.message()); }

Status DefineSchema(Connection& conn, const SyntheticMemory& m) {
  for (EntityKind kind : {EntityKind::kPerson, EntityKind::kPlace, EntityKind::kOrganisation}) {
    graph::EntityTypeDef def;
    def.name = EntityTypeName(kind);
    def.properties = {{"name", graph::PropertyType::kText, /*is_key=*/true}};
    if (Status s = conn.DefineEntity(def); !s.ok()) return Failed(s, "DEFINE ENTITY " + def.name);
  }
  for (const SyntheticRelation& r : m.relations) {
    graph::RelationTypeDef def;
    def.name = r.name;
    def.roles = {{r.subject_role, std::string(EntityTypeName(r.subject_kind)), {}, graph::Cardinality::kOne},
                 {r.object_role, std::string(EntityTypeName(r.object_kind)), {}, graph::Cardinality::kOne}};
    if (r.unique_subject) def.unique_roles = {r.subject_role};
    if (Status s = conn.DefineRelation(def); !s.ok()) return Failed(s, "DEFINE RELATION " + r.name);
  }
  return Status::OK();
}

}  // namespace

Result<SyntheticLoad> LoadSynthetic(Connection& conn, const SyntheticMemory& m) {
  SyntheticLoad out;
  const Stopwatch schema;
  MNEMO_RETURN_IF_ERROR(DefineSchema(conn, m));
  out.schema_time = schema.Elapsed();

  const Stopwatch entities;
  out.entities.reserve(m.entities.size());
  for (const SyntheticEntity& e : m.entities) {
    auto id = conn.EnsureEntity(std::string(EntityTypeName(e.kind)), graph::Value(e.name));
    if (!id.ok()) return Failed(id.status(), "entity " + e.name);
    out.entities.push_back(*id);
  }
  out.entities_time = entities.Elapsed();

  const Stopwatch episodes;
  out.episodes.reserve(m.episodes.size());
  graph::EpisodeSpec spec;
  spec.source = "synthetic";
  for (size_t i = 0; i < m.episodes.size(); ++i) {
    const SyntheticEpisode& ep = m.episodes[i];
    spec.text = ep.text;
    spec.time = ep.time;
    spec.speaker = out.entities[ep.speaker];
    spec.session = SyntheticMemory::SessionName(ep.session);
    spec.about.clear();
    for (uint32_t e : ep.mentions) spec.about.push_back(out.entities[e]);
    auto id = conn.Observe(spec);
    if (!id.ok()) return Failed(id.status(), "episode " + std::to_string(i));
    out.episodes.push_back(*id);
  }
  out.episodes_time = episodes.Elapsed();

  const Stopwatch facts;
  out.facts.reserve(m.facts.size());
  for (size_t i = 0; i < m.facts.size(); ++i) {
    const SyntheticFact& f = m.facts[i];
    const SyntheticRelation& r = m.relations[f.relation];
    graph::HyperedgeSpec fact;
    fact.type = r.name;
    fact.roles = {{r.subject_role, out.entities[f.subject], {}}, {r.object_role, out.entities[f.object], {}}};
    fact.valid_from = f.valid_from;
    if (f.provenance != kNoIndex) fact.provenance = {out.episodes[f.provenance]};
    auto id = conn.Assert(fact);
    if (!id.ok()) return Failed(id.status(), "fact " + std::to_string(i) + " (" + r.name + ")");
    out.facts.push_back(*id);
  }
  out.facts_time = facts.Elapsed();
  return out;
}

}  // namespace mnemo::bench
