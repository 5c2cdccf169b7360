#include "engine/fact_statements.hpp"

#include <algorithm>
#include <tuple>

#include "engine/statement_support.hpp"
#include "temporal/supersession.hpp"

namespace mnemo::engine {

using graph::Id;
using graph::Value;

namespace {

Value IdValue(Id id) { return Value(static_cast<int64_t>(id)); }

// Facts of `spec`'s relation that may share its key: those binding its first
// entity participant (O(degree)), or every fact of the relation when it binds
// no entity.
std::vector<Id> CandidateFacts(ExecContext& ctx, const graph::HyperedgeSpec& spec) {
  std::vector<Id> out;
  const graph::Symbol type = ctx.g.names().Find(spec.type);
  if (type == graph::kNoSymbol) return out;  // a relation never used has no facts
  // Prefer a participant of a UNIQUE role: every version of the key binds it.
  std::vector<const graph::RoleSpec*> order;
  const graph::RelationTypeDef* def = ctx.g.schema().FindRelation(spec.type);
  for (const auto& r : spec.roles)
    if (def && std::find(def->unique_roles.begin(), def->unique_roles.end(), r.role) != def->unique_roles.end())
      order.push_back(&r);
  for (const auto& r : spec.roles) order.push_back(&r);
  for (const graph::RoleSpec* rp : order) {
    const graph::RoleSpec& r = *rp;
    if (r.entity == graph::kNoId) continue;
    ctx.g.ForEachIncidence(r.entity, type, graph::kNoSymbol, [&](const graph::Incidence& inc) {
      if (out.empty() || out.back() != inc.edge) out.push_back(inc.edge);
    }, /*with_past=*/true);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  return ctx.g.HyperedgesOfType(spec.type);
}

// Believed now: recorded and not retracted. A forgotten fact is still
// believed (only hidden), so it keeps its place among the versions of its key
// and RESTORE brings it back consistent.
bool Believed(const ExecContext& ctx, const graph::Hyperedge& h) {
  return h.time.transaction().Contains(ctx.statement_time);
}

// Same values in the UNIQUE roles (as multisets per role).
bool SameKey(const graph::Hypergraph& g, const graph::Hyperedge& h, const graph::HyperedgeSpec& spec,
             const std::vector<std::string>& unique_roles) {
  for (const auto& role : unique_roles) {
    std::vector<std::pair<Id, Value>> a, b;
    for (const auto& r : h.roles)
      if (g.names().Text(r.role) == role) a.emplace_back(r.entity, r.value);
    for (const auto& r : spec.roles)
      if (r.role == role) b.emplace_back(r.entity, r.value);
    if (a.size() != b.size()) return false;
    for (const auto& x : b) {
      auto it = std::find_if(a.begin(), a.end(), [&](const auto& y) {
        return y.first == x.first && Value::Equivalent(y.second, x.second);
      });
      if (it == a.end()) return false;
      a.erase(it);
    }
  }
  return true;
}

Status Add(ExecContext& ctx, const graph::HyperedgeSpec& spec, const lang::Assert& a, Id& id) {
  auto added = ctx.g.AddHyperedge(spec);
  if (!added.ok()) return Status(added.status()).WithPosition(a.fact.line, a.fact.column);
  id = *added;
  ++ctx.stats.facts_created;
  if (GraphView::IsBinary(*ctx.g.hyperedge(id))) ++ctx.stats.relationships_created;
  else ++ctx.stats.nodes_created;
  return Status::OK();
}

}  // namespace

Status Assert(ExecContext& ctx, const lang::Assert& a, QueryResult& result) {
  graph::HyperedgeSpec spec;
  MNEMO_RETURN_IF_ERROR(BuildFact(ctx, a.fact, true, spec));
  if (a.at && a.valid_from)
    return Status::BindError("give AT (an event's time) or VALID FROM, not both", a.at->line, a.at->column);
  if (a.valid_from) { MNEMO_ASSIGN_OR_RETURN(spec.valid_from, EvalTimeValue(ctx, *a.valid_from, "VALID FROM")); }
  if (a.at) {
    MNEMO_ASSIGN_OR_RETURN(spec.valid_from, EvalTimeValue(ctx, *a.at, "AT"));
    spec.is_event = true;
  }
  if (a.valid_until) { MNEMO_ASSIGN_OR_RETURN(spec.valid_to, EvalTimeValue(ctx, *a.valid_until, "VALID UNTIL")); }
  const temporal::Timestamp from = spec.valid_from.value_or(ctx.statement_time);
  const temporal::Timestamp to = spec.valid_to.value_or(temporal::kForever);
  if (to <= from)
    return Status::InvalidArgument("VALID UNTIL must come after VALID FROM").WithPosition(a.fact.line, a.fact.column);
  spec.valid_from = from;
  for (const auto& e : a.from_episodes) {
    MNEMO_ASSIGN_OR_RETURN(Id ep, EvalId(ctx, *e));
    if (!ctx.g.episode(ep)) return Status::NotFound("episode " + std::to_string(ep) + " does not exist").WithPosition(e->line, e->column);
    spec.provenance.push_back(ep);
  }
  if (a.confidence) { MNEMO_ASSIGN_OR_RETURN(spec.confidence, EvalUnit(ctx, *a.confidence, "CONFIDENCE")); }
  if (a.embedding) { MNEMO_ASSIGN_OR_RETURN(spec.embedding, EvalEmbedding(ctx, *a.embedding)); }
  result.columns = {"fact"};

  const std::vector<Id> candidates = CandidateFacts(ctx, spec);
  // Re-asserting an identical believed fact valid at `from` adds provenance, not a duplicate.
  for (Id id : candidates) {
    const graph::Hyperedge& h = *ctx.g.hyperedge(id);
    if (h.forgotten || !Believed(ctx, h) || !h.time.valid().Contains(from) || !SameBindings(ctx.g, h, spec)) continue;
    MNEMO_RETURN_IF_ERROR(ctx.g.AddProvenance(id, spec.provenance));
    ctx.notices.push_back("fact " + std::to_string(id) + " was already known; provenance added");
    result.rows.push_back({IdValue(id)});
    return Status::OK();
  }

  if (a.supersedes) {  // explicit: close the named fact where the new one starts
    MNEMO_ASSIGN_OR_RETURN(Id old, EvalId(ctx, *a.supersedes));
    const graph::Hyperedge* h = ctx.g.hyperedge(old);
    if (!h || !Believed(ctx, *h) || ctx.g.names().Text(h->type) != spec.type)
      return Status::NotFound("no believed " + spec.type + " fact has id " + std::to_string(old))
          .WithPosition(a.supersedes->line, a.supersedes->column);
    if (from <= h->time.valid_from || from >= h->time.valid_to)
      return Status::InvalidArgument("a fact must start within the fact it supersedes ([" +
                                     temporal::FormatTimestamp(h->time.valid_from) + ", " +
                                     temporal::FormatTimestamp(h->time.valid_to) + "))")
          .WithPosition(a.supersedes->line, a.supersedes->column);
    spec.valid_to = std::min(to, h->time.valid_to);
    Id id;
    MNEMO_RETURN_IF_ERROR(Add(ctx, spec, a, id));
    MNEMO_RETURN_IF_ERROR(ctx.g.CloseHyperedge(old, from, id, ctx.statement_time));
    result.rows.push_back({IdValue(id)});
    return Status::OK();
  }

  const graph::RelationTypeDef* def = ctx.g.schema().FindRelation(spec.type);
  if (!def || def->unique_roles.empty()) {
    Id id;
    MNEMO_RETURN_IF_ERROR(Add(ctx, spec, a, id));
    result.rows.push_back({IdValue(id)});
    return Status::OK();
  }
  // UNIQUE: place the new version among the believed versions of its key.
  std::vector<temporal::VersionInterval> versions;
  for (Id id : candidates) {
    const graph::Hyperedge& h = *ctx.g.hyperedge(id);
    if (Believed(ctx, h) && SameKey(ctx.g, h, spec, def->unique_roles))
      versions.push_back({id, h.time.valid_from, h.time.valid_to});
  }
  const temporal::SupersessionPlan plan = temporal::PlanSupersession(versions, from, to);
  spec.valid_to = plan.to;
  Id id;
  MNEMO_RETURN_IF_ERROR(Add(ctx, spec, a, id));
  if (plan.close) MNEMO_RETURN_IF_ERROR(ctx.g.CloseHyperedge(plan.close, from, id, ctx.statement_time));
  if (plan.correct) {
    MNEMO_RETURN_IF_ERROR(ctx.g.RetractHyperedge(plan.correct, ctx.statement_time));
    MNEMO_RETURN_IF_ERROR(ctx.g.BoundHyperedge(plan.correct, ctx.g.hyperedge(plan.correct)->time.valid_to, id));
    for (const auto& v : versions)  // whoever led to the corrected version now leads to the new one
      if (ctx.g.hyperedge(v.id)->superseded_by == plan.correct)
        MNEMO_RETURN_IF_ERROR(ctx.g.BoundHyperedge(v.id, v.to, id));
  }
  if (plan.next) MNEMO_RETURN_IF_ERROR(ctx.g.BoundHyperedge(id, plan.to, plan.next));
  result.rows.push_back({IdValue(id)});
  return Status::OK();
}

Status Retract(ExecContext& ctx, const lang::Retract& r, QueryResult& result) {
  std::vector<Id> targets;
  if (r.id) {
    MNEMO_ASSIGN_OR_RETURN(Id id, EvalId(ctx, *r.id));
    // Any believed version may be retracted by id, history included.
    const graph::Hyperedge* h = ctx.g.hyperedge(id);
    if (!h || h->forgotten || !Believed(ctx, *h))
      return Status::NotFound("no believed fact has id " + std::to_string(id)).WithPosition(r.id->line, r.id->column);
    targets.push_back(id);
  } else {
    graph::HyperedgeSpec spec;
    MNEMO_RETURN_IF_ERROR(BuildFact(ctx, *r.fact, false, spec));
    for (Id id : ctx.g.HyperedgesOfType(spec.type)) {
      const graph::Hyperedge& h = *ctx.g.hyperedge(id);
      if (ctx.view.HyperedgeVisible(h) && Covers(ctx.g, h, spec)) targets.push_back(id);
    }
    if (targets.empty())
      return Status::NotFound("no current " + spec.type + " fact matches").WithPosition(r.fact->line, r.fact->column);
  }
  result.columns = {"fact"};
  for (Id id : targets) {
    MNEMO_RETURN_IF_ERROR(ctx.g.RetractHyperedge(id, ctx.statement_time));
    ++ctx.stats.facts_retracted;
    result.rows.push_back({Value(static_cast<int64_t>(id))});
  }
  return Status::OK();
}

namespace {

Value TimeValue(temporal::Timestamp t) {
  return t == temporal::kForever || t == temporal::kBeginningOfTime ? Value() : Value(graph::DateTime{t});
}

// `lives_in(resident: Caroline, city: Berlin)`: entities by their key.
std::string FactText(const graph::Hypergraph& g, const graph::Hyperedge& h) {
  std::string out = std::string(g.names().Text(h.type)) + "(";
  for (size_t i = 0; i < h.roles.size(); ++i) {
    const auto& r = h.roles[i];
    out += (i ? ", " : "") + std::string(g.names().Text(r.role)) + ": ";
    if (!r.is_entity()) {
      out += r.value.ToString();
      continue;
    }
    const graph::Entity* e = g.entity(r.entity);
    const Value* key = e && !e->types.empty() ? g.EntityProperty(r.entity, g.KeyPropertyOf(g.names().Text(e->types[0])))
                                              : nullptr;
    out += key && key->kind() == Value::Kind::kString ? key->as_string()
           : key                                      ? key->ToString()
                                                      : "#" + std::to_string(r.entity);
  }
  return out + ")";
}

std::string FactStatus(const graph::Hyperedge& h) {
  if (h.forgotten) return "forgotten";
  if (h.time.retracted_at != temporal::kForever) return "retracted";
  if (h.superseded_by != graph::kNoId) return "superseded";
  return h.time.valid_to == temporal::kForever ? "current" : "ended";
}

}  // namespace

Status History(ExecContext& ctx, const lang::History& hs, QueryResult& result) {
  graph::HyperedgeSpec spec;
  MNEMO_RETURN_IF_ERROR(BuildFact(ctx, hs.fact, false, spec));
  std::vector<const graph::Hyperedge*> versions;
  for (Id id : CandidateFacts(ctx, spec)) {
    const graph::Hyperedge& h = *ctx.g.hyperedge(id);
    if (Covers(ctx.g, h, spec)) versions.push_back(&h);
  }
  std::sort(versions.begin(), versions.end(), [](const auto* a, const auto* b) {
    return std::tie(a->time.valid_from, a->time.recorded_at, a->id) < std::tie(b->time.valid_from, b->time.recorded_at, b->id);
  });
  result.columns = {"id", "fact", "valid_from", "valid_to", "recorded_at", "retracted_at", "superseded_by",
                    "provenance", "status"};
  for (const auto* h : versions) {
    graph::List provenance;
    for (Id ep : h->provenance) provenance.push_back(IdValue(ep));
    result.rows.push_back({IdValue(h->id), Value(FactText(ctx.g, *h)), TimeValue(h->time.valid_from),
                           TimeValue(h->time.valid_to), TimeValue(h->time.recorded_at), TimeValue(h->time.retracted_at),
                           h->superseded_by ? IdValue(h->superseded_by) : Value(), Value(std::move(provenance)),
                           Value(FactStatus(*h))});
  }
  return Status::OK();
}

Status Timeline(ExecContext& ctx, const lang::Timeline& t, QueryResult& result) {
  MNEMO_ASSIGN_OR_RETURN(Value key, EvalConstant(ctx, *t.entity->children[0]));
  Id entity = graph::kNoId;
  for (Id id : ctx.g.FindByKey(t.entity->text, key))
    if (ctx.view.NodeExists(id)) entity = id;
  if (entity == graph::kNoId)
    return Status::NotFound(t.entity->text + " " + key.ToString() + " is not in memory")
        .WithPosition(t.entity->line, t.entity->column);
  temporal::Timestamp from = temporal::kBeginningOfTime, to = temporal::kForever;
  if (t.from) { MNEMO_ASSIGN_OR_RETURN(from, EvalTimeValue(ctx, *t.from, "FROM")); }
  if (t.to) { MNEMO_ASSIGN_OR_RETURN(to, EvalTimeValue(ctx, *t.to, "TO")); }
  // TO is inclusive of its whole instant: a date means up to the end of that day.
  const temporal::Timestamp until = !t.to ? temporal::kForever
                                    : to % temporal::kMicrosPerDay == 0 ? to + temporal::kMicrosPerDay
                                                                        : to + 1;

  struct Entry {
    temporal::Timestamp time;
    Id id;
    std::string kind, text;
  };
  std::vector<Entry> entries;
  for (const auto& [id, ep] : ctx.g.episodes()) {
    if (ep.forgotten || !ep.timeline.transaction().Contains(ctx.view.known_at())) continue;
    const bool involved = ep.speaker == entity || std::find(ep.about.begin(), ep.about.end(), entity) != ep.about.end();
    if (involved && ep.time >= from && ep.time < until) entries.push_back({ep.time, id, "episode", ep.text});
  }
  std::vector<Id> facts;
  ctx.g.ForEachIncidence(entity, graph::kNoSymbol, graph::kNoSymbol,
                         [&](const graph::Incidence& inc) { facts.push_back(inc.edge); }, /*with_past=*/true);
  std::sort(facts.begin(), facts.end());
  facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
  for (Id id : facts) {
    const graph::Hyperedge& h = *ctx.g.hyperedge(id);
    if (h.forgotten || !h.time.transaction().Contains(ctx.view.known_at())) continue;
    if (ctx.view.as_of() != ctx.statement_time && !h.time.valid().Contains(ctx.view.as_of())) continue;
    if (h.time.valid_from >= from && h.time.valid_from < until)
      entries.push_back({h.time.valid_from, id, h.is_event ? "event" : "fact", FactText(ctx.g, h)});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return std::tie(a.time, a.id) < std::tie(b.time, b.id); });
  result.columns = {"time", "kind", "id", "text"};
  for (auto& e : entries)
    result.rows.push_back({TimeValue(e.time), Value(e.kind), IdValue(e.id), Value(std::move(e.text))});
  return Status::OK();
}

}  // namespace mnemo::engine
