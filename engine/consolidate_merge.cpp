#include "engine/consolidate_merge.hpp"

#include <algorithm>

#include "engine/consolidate_support.hpp"
#include "engine/statement_support.hpp"

namespace mnemo::engine::consolidate {

using graph::Id;
using graph::Value;

namespace {

const std::vector<Id> kNoEpisodes;

Value IdValue(Id id) { return Value(static_cast<int64_t>(id)); }

// The role of a merged_into fact bound to an entity (kNoId when absent).
Id RoleEntity(const graph::Hypergraph& g, const graph::Hyperedge& h, std::string_view role) {
  const graph::Symbol s = g.names().Find(role);
  for (const auto& r : h.roles)
    if (r.role == s && r.is_entity()) return r.entity;
  return graph::kNoId;
}

// The merged_into fact, not retracted, whose source is `entity`; kNoId when none.
Id MergeRecordOf(const graph::Hypergraph& g, Id entity) {
  const graph::Symbol type = g.names().Find(kMergedInto), source = g.names().Find("source");
  if (type == graph::kNoSymbol || source == graph::kNoSymbol) return graph::kNoId;
  Id found = graph::kNoId;
  g.ForEachIncidence(
      entity, type, source,
      [&](const graph::Incidence& inc) {
        if (g.hyperedge(inc.edge)->time.retracted_at == temporal::kForever) found = std::max(found, inc.edge);
      },
      /*with_past=*/true);
  return found;
}

// `Type 'key'` naming an entity visible now; never creates one.
Result<Id> FindVisible(ExecContext& ctx, const lang::Expr& ref) {
  MNEMO_ASSIGN_OR_RETURN(Value key, EvalConstant(ctx, *ref.children[0]));
  const auto ids = ctx.g.FindByKey(ref.text, key);
  for (Id id : ids)
    if (ctx.view.NodeExists(id)) return id;
  for (Id id : ids)
    if (const Id merge = MergeRecordOf(ctx.g, id); merge != graph::kNoId)
      return Status::InvalidArgument(ref.text + " " + key.ToString() + " was merged into " +
                                     EntityName(ctx.g, MergedInto(ctx.g, id)) + " (merge " + std::to_string(merge) +
                                     "; UNMERGE " + std::to_string(merge) + " undoes it)")
          .WithPosition(ref.line, ref.column);
  return Status::NotFound(ref.text + " " + key.ToString() + " is not in memory").WithPosition(ref.line, ref.column);
}

std::vector<Id> ScanEpisodes(const graph::Hypergraph& g, Id entity) {
  std::vector<Id> out;
  for (const auto& [id, ep] : g.episodes())
    if (ep.speaker == entity || std::find(ep.about.begin(), ep.about.end(), entity) != ep.about.end())
      out.push_back(id);
  return out;
}

const Value* Property(const graph::Hypergraph& g, const graph::Hyperedge& h, std::string_view name) {
  const graph::Symbol s = g.names().Find(name);
  return s == graph::kNoSymbol ? nullptr : h.properties.Get(s);
}

// The [a, b] pairs of a list property (malformed entries are skipped).
std::vector<std::pair<int64_t, int64_t>> Pairs(const Value* v) {
  std::vector<std::pair<int64_t, int64_t>> out;
  if (!v || v->kind() != Value::Kind::kList) return out;
  for (const Value& p : v->as_list())
    if (p.kind() == Value::Kind::kList && p.as_list().size() == 2 && p.as_list()[0].kind() == Value::Kind::kInt &&
        p.as_list()[1].kind() == Value::Kind::kInt)
      out.emplace_back(p.as_list()[0].as_int(), p.as_list()[1].as_int());
  return out;
}

std::vector<std::string> Strings(const Value* v) {
  std::vector<std::string> out;
  if (v && v->kind() == Value::Kind::kList)
    for (const Value& s : v->as_list())
      if (s.kind() == Value::Kind::kString) out.push_back(s.as_string());
  return out;
}

}  // namespace

EpisodeLinks::EpisodeLinks(const graph::Hypergraph& g) {
  for (const auto& [id, ep] : g.episodes()) {
    if (ep.speaker != graph::kNoId) of_[ep.speaker].push_back(id);
    for (Id a : ep.about)
      if (a != ep.speaker) {
        auto& list = of_[a];
        if (list.empty() || list.back() != id) list.push_back(id);
      }
  }
}

const std::vector<Id>& EpisodeLinks::Of(Id entity) const {
  auto it = of_.find(entity);
  return it == of_.end() ? kNoEpisodes : it->second;
}

void EpisodeLinks::Move(Id from, Id to, const std::vector<Id>& episodes) {
  if (episodes.empty()) return;
  auto& target = of_[to];
  target.insert(target.end(), episodes.begin(), episodes.end());
  std::sort(target.begin(), target.end());
  target.erase(std::unique(target.begin(), target.end()), target.end());
  of_.erase(from);
}

Id MergedInto(const graph::Hypergraph& g, Id id) {
  const Id merge = MergeRecordOf(g, id);
  return merge == graph::kNoId ? graph::kNoId : RoleEntity(g, *g.hyperedge(merge), "target");
}

Result<MergeReport> MergeEntities(ExecContext& ctx, Id source, Id target, EpisodeLinks* links) {
  graph::Hypergraph& g = ctx.g;
  if (source == target)
    return Status::InvalidArgument("cannot merge entity " + std::to_string(source) + " into itself");
  for (Id id : {source, target}) {
    const graph::Entity* e = g.entity(id);
    if (!e || !ctx.view.EntityVisible(*e))
      return Status::NotFound("entity " + std::to_string(id) + " is not in memory (or is forgotten)");
  }
  MergeReport report{graph::kNoId, source, target};
  graph::List moved_facts, moved_episodes, added_aliases, added_properties, added_types;

  // Types b lacks.
  for (graph::Symbol t : std::vector<graph::Symbol>(g.entity(source)->types))
    if (!g.entity(target)->HasType(t)) {
      MNEMO_RETURN_IF_ERROR(g.AddEntityType(target, g.names().Text(t)));
      added_types.emplace_back(std::string(g.names().Text(t)));
      ++ctx.stats.labels_added;
    }
  // Properties b lacks (a new version on b).
  for (const auto& [key, value] : std::vector(g.entity(source)->properties.entries())) {
    const std::string name(g.names().Text(key));
    if (name == kImportance || g.entity(target)->properties.Get(key)) continue;
    MNEMO_RETURN_IF_ERROR(g.SetEntityProperty(target, name, value));
    added_properties.emplace_back(name);
    ++ctx.stats.properties_set;
  }
  // a's key and aliases, as aliases of b.
  std::vector<std::string> names;
  if (const graph::Entity* s = g.entity(source); !s->types.empty())
    if (const Value* key = g.EntityProperty(source, g.KeyPropertyOf(g.names().Text(s->types[0]))))
      names.push_back(key->kind() == Value::Kind::kString ? key->as_string() : key->ToString());
  for (const auto& alias : g.entity(source)->aliases) names.push_back(alias);
  const std::string target_name = EntityName(g, target);
  for (const auto& name : names) {
    const auto& aliases = g.entity(target)->aliases;
    if (name == target_name || std::find(aliases.begin(), aliases.end(), name) != aliases.end()) continue;
    MNEMO_RETURN_IF_ERROR(g.AddAlias(target, name));
    added_aliases.emplace_back(name);
  }
  // Every role of every fact binding a, history included — but a's topic
  // memberships, derived data that the next COMMUNITIES recomputes.
  std::vector<Id> edges;
  const graph::Symbol in_topic = g.names().Find(kInTopic);
  g.ForEachIncidence(
      source, graph::kNoSymbol, graph::kNoSymbol,
      [&](const graph::Incidence& inc) {
        if (inc.type != in_topic || in_topic == graph::kNoSymbol) edges.push_back(inc.edge);
      },
      /*with_past=*/true);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  for (Id edge : edges) {
    const size_t roles = g.hyperedge(edge)->roles.size();
    for (size_t i = 0; i < roles; ++i) {
      if (g.hyperedge(edge)->roles[i].entity != source) continue;
      MNEMO_RETURN_IF_ERROR(g.RebindRole(edge, i, target));
      moved_facts.emplace_back(graph::List{IdValue(edge), Value(static_cast<int64_t>(i))});
    }
  }
  report.facts = moved_facts.size();
  // Episodes: speaker and about.
  const std::vector<Id> episodes = links ? links->Of(source) : ScanEpisodes(g, source);
  for (Id id : episodes) {
    const graph::Episode& ep = *g.episode(id);
    Id speaker = ep.speaker;
    std::vector<Id> about = ep.about;
    if (speaker == source) {
      speaker = target;
      moved_episodes.emplace_back(graph::List{IdValue(id), Value(int64_t{-1})});
    }
    for (size_t i = 0; i < about.size(); ++i)
      if (about[i] == source) {
        about[i] = target;
        moved_episodes.emplace_back(graph::List{IdValue(id), Value(static_cast<int64_t>(i))});
      }
    MNEMO_RETURN_IF_ERROR(g.SetEpisodeEntities(id, speaker, std::move(about)));
  }
  if (links) links->Move(source, target, episodes);
  report.episodes = episodes.size();
  report.aliases = added_aliases.size();
  report.properties = added_properties.size();
  report.types = added_types.size();

  MNEMO_RETURN_IF_ERROR(g.SetForgotten(source, true));
  ++ctx.stats.records_forgotten;
  graph::HyperedgeSpec record;
  record.type = std::string(kMergedInto);
  record.roles = {{"source", source, {}}, {"target", target, {}}};
  record.properties = {{"facts", Value(std::move(moved_facts))},
                       {"episodes", Value(std::move(moved_episodes))},
                       {"aliases", Value(std::move(added_aliases))},
                       {"properties", Value(std::move(added_properties))},
                       {"types", Value(std::move(added_types))}};
  MNEMO_ASSIGN_OR_RETURN(report.merge, g.AddHyperedge(record));
  ++ctx.stats.facts_created;
  return report;
}

Result<MergeReport> UnmergeEntities(ExecContext& ctx, Id merge) {
  graph::Hypergraph& g = ctx.g;
  const graph::Hyperedge* m = g.hyperedge(merge);
  if (!m || g.names().Text(m->type) != kMergedInto) return Status::NotFound("no merge has id " + std::to_string(merge));
  if (m->time.retracted_at != temporal::kForever)
    return Status::InvalidArgument("merge " + std::to_string(merge) + " was undone already");
  const Id source = RoleEntity(g, *m, "source");
  const Id target = RoleEntity(g, *m, "target");  // where the moved records are now
  if (source == graph::kNoId || target == graph::kNoId)
    return Status::Corruption("merge " + std::to_string(merge) + " does not bind a source and a target");
  MergeReport report{merge, source, target};
  const auto facts = Pairs(Property(g, *m, "facts"));
  const auto episodes = Pairs(Property(g, *m, "episodes"));
  const auto aliases = Strings(Property(g, *m, "aliases"));
  const auto properties = Strings(Property(g, *m, "properties"));
  const auto types = Strings(Property(g, *m, "types"));

  for (const auto& [edge, role] : facts) {
    const graph::Hyperedge* h = g.hyperedge(static_cast<Id>(edge));
    if (!h || role < 0 || static_cast<size_t>(role) >= h->roles.size() || h->roles[role].entity != target) continue;
    MNEMO_RETURN_IF_ERROR(g.RebindRole(static_cast<Id>(edge), static_cast<size_t>(role), source));
    ++report.facts;
  }
  for (const auto& [id, position] : episodes) {
    const graph::Episode* ep = g.episode(static_cast<Id>(id));
    if (!ep) continue;
    Id speaker = ep->speaker;
    std::vector<Id> about = ep->about;
    if (position == -1 && speaker == target)
      speaker = source;
    else if (position >= 0 && static_cast<size_t>(position) < about.size() && about[position] == target)
      about[position] = source;
    else
      continue;
    MNEMO_RETURN_IF_ERROR(g.SetEpisodeEntities(static_cast<Id>(id), speaker, std::move(about)));
    ++report.episodes;
  }
  for (const auto& alias : aliases) {
    const auto& list = g.entity(target)->aliases;
    if (std::find(list.begin(), list.end(), alias) == list.end()) continue;
    MNEMO_RETURN_IF_ERROR(g.RemoveAlias(target, alias));
    ++report.aliases;
  }
  for (const auto& name : properties) {
    const Value* mine = g.EntityProperty(source, name);
    const Value* theirs = g.EntityProperty(target, name);
    if (!mine || !theirs || !Value::Equivalent(*mine, *theirs)) continue;  // changed since: b keeps it
    MNEMO_RETURN_IF_ERROR(g.SetEntityProperty(target, name, Value()));
    ++report.properties;
    ++ctx.stats.properties_removed;
  }
  for (const auto& type : types) {
    MNEMO_RETURN_IF_ERROR(g.RemoveEntityType(target, type));
    ++report.types;
    ++ctx.stats.labels_removed;
  }
  MNEMO_RETURN_IF_ERROR(g.SetForgotten(source, false));
  MNEMO_RETURN_IF_ERROR(g.RetractHyperedge(merge, ctx.statement_time));
  ++ctx.stats.facts_retracted;
  return report;
}

Status RunMergeEntity(ExecContext& ctx, const lang::MergeEntity& m, QueryResult& result) {
  MergeReport report;
  if (m.unmerge) {
    Id id = graph::kNoId;
    if (m.unmerge->kind == lang::ExprKind::kEntityRef) {
      MNEMO_ASSIGN_OR_RETURN(Value key, EvalConstant(ctx, *m.unmerge->children[0]));
      for (Id found : ctx.g.FindByKey(m.unmerge->text, key))
        if (MergeRecordOf(ctx.g, found) != graph::kNoId) id = found;
      if (id == graph::kNoId)
        return Status::NotFound(m.unmerge->text + " " + key.ToString() + " is not merged into another entity")
            .WithPosition(m.unmerge->line, m.unmerge->column);
    } else {
      MNEMO_ASSIGN_OR_RETURN(id, EvalId(ctx, *m.unmerge));
    }
    Id merge = id;
    if (ctx.g.entity(id)) {
      merge = MergeRecordOf(ctx.g, id);
      if (merge == graph::kNoId)
        return Status::NotFound("entity " + std::to_string(id) + " is not merged into another")
            .WithPosition(m.unmerge->line, m.unmerge->column);
    }
    auto undone = UnmergeEntities(ctx, merge);
    if (!undone.ok()) return Status(undone.status()).WithPosition(m.unmerge->line, m.unmerge->column);
    report = *undone;
  } else {
    MNEMO_ASSIGN_OR_RETURN(Id source, FindVisible(ctx, *m.from));
    MNEMO_ASSIGN_OR_RETURN(Id target, FindVisible(ctx, *m.into));
    auto merged = MergeEntities(ctx, source, target, nullptr);
    if (!merged.ok()) return Status(merged.status()).WithPosition(m.from->line, m.from->column);
    report = *merged;
  }
  result.columns = {"merge", "source",   "source_name", "target",     "target_name",
                    "facts", "episodes", "aliases",     "properties", "types"};
  auto count = [](size_t n) { return Value(static_cast<int64_t>(n)); };
  result.rows.push_back({IdValue(report.merge), IdValue(report.source), Value(EntityName(ctx.g, report.source)),
                         IdValue(report.target), Value(EntityName(ctx.g, report.target)), count(report.facts),
                         count(report.episodes), count(report.aliases), count(report.properties), count(report.types)});
  return Status::OK();
}

}  // namespace mnemo::engine::consolidate
