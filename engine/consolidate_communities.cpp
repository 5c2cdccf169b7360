#include "engine/consolidate_communities.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "engine/consolidate_support.hpp"
#include "graph/igraph_bridge.hpp"

namespace mnemo::engine::consolidate {

using graph::Id;
using graph::Value;
using graph::Vertex;

namespace {

constexpr size_t kMaxClique = 64;   // more entities than this in one record: a star around the first
constexpr size_t kNameMembers = 3;  // members named in a topic's name
constexpr size_t kTopMembers = 5;   // members listed in `top`
constexpr double kSameTopic = 0.5;  // Jaccard above which a community continues a topic

struct Cooccurrence {
  graph::IncidenceGraph graph;  // entity vertices, weighted edges
  // Episodes linking two or more entities, with those entities' vertices (ascending).
  std::vector<std::pair<Id, std::vector<Vertex>>> episodes;
};

Cooccurrence BuildCooccurrence(const graph::Hypergraph& g, const LiveMemory& live) {
  Cooccurrence out;
  graph::IncidenceGraph& cg = out.graph;
  for (const auto& [id, e] : g.entities())
    if (live.Entity(e)) {
      cg.vertex_of.emplace(id, static_cast<Vertex>(cg.ids.size()));
      cg.ids.push_back(id);
    }
  cg.num_entities = cg.ids.size();

  std::vector<std::tuple<Vertex, Vertex, double>> pairs;
  auto link = [&](std::vector<Vertex>& vs) {
    std::sort(vs.begin(), vs.end());
    vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
    if (vs.size() < 2) return;
    const double w = 1.0 / static_cast<double>(vs.size() - 1);
    if (vs.size() > kMaxClique) {
      for (size_t j = 1; j < vs.size(); ++j) pairs.emplace_back(vs[0], vs[j], w);
      return;
    }
    for (size_t i = 0; i < vs.size(); ++i)
      for (size_t j = i + 1; j < vs.size(); ++j) pairs.emplace_back(vs[i], vs[j], w);
  };
  auto vertex = [&](Id id, std::vector<Vertex>& into) {
    if (auto v = cg.VertexOf(id)) into.push_back(*v);
  };

  std::unordered_map<Id, std::vector<Vertex>> from_facts;  // episode -> entities of the facts learned from it
  std::vector<Vertex> vs;
  for (const auto& [id, h] : g.hyperedges()) {
    if (!live.Fact(h)) continue;
    vs.clear();
    for (const auto& r : h.roles)
      if (r.is_entity()) vertex(r.entity, vs);
    if (vs.empty()) continue;
    for (Id ep : h.provenance) {
      auto& list = from_facts[ep];
      list.insert(list.end(), vs.begin(), vs.end());
    }
    link(vs);
  }
  for (const auto& [id, ep] : g.episodes()) {
    if (!live.Episode(ep)) continue;
    vs.clear();
    vertex(ep.speaker, vs);
    for (Id a : ep.about) vertex(a, vs);
    if (auto it = from_facts.find(id); it != from_facts.end())
      vs.insert(vs.end(), it->second.begin(), it->second.end());
    link(vs);
    if (vs.size() >= 2) out.episodes.emplace_back(id, vs);
  }

  std::sort(pairs.begin(), pairs.end());
  for (const auto& [u, v, w] : pairs) {
    if (!cg.edges.empty() && cg.edges.back().u == u && cg.edges.back().v == v)
      cg.edges.back().weight += w;
    else
      cg.edges.push_back({u, v, w});
  }
  return out;
}

// One community of the new partition.
struct Community {
  std::vector<Id> members;   // ranked: most central first
  std::vector<Id> episodes;  // supporting, ascending
  std::vector<Id> sorted;    // members ascending
};

// A topic in memory before this run.
struct OldTopic {
  Id id = graph::kNoId;
  std::map<Id, Id> member_fact;  // member -> its visible in_topic fact
  std::vector<Id> duplicates;    // further visible in_topic facts of a member (retracted on reconciling)
};

// The graph Leiden sees: only the entities linked to another one (an
// entity alone cannot make a topic, and igraph's Leiden may not settle on
// vertices without edges).
graph::IncidenceGraph Linked(const graph::IncidenceGraph& cg) {
  std::vector<Vertex> renumber(cg.num_vertices(), 0);
  std::vector<bool> linked(cg.num_vertices(), false);
  for (const graph::GraphEdge& e : cg.edges) linked[e.u] = linked[e.v] = true;
  graph::IncidenceGraph out;
  for (Vertex v = 0; v < cg.num_vertices(); ++v)
    if (linked[v]) {
      renumber[v] = static_cast<Vertex>(out.ids.size());
      out.vertex_of.emplace(cg.ids[v], renumber[v]);
      out.ids.push_back(cg.ids[v]);
    }
  out.num_entities = out.ids.size();
  out.edges.reserve(cg.edges.size());
  for (const graph::GraphEdge& e : cg.edges) out.edges.push_back({renumber[e.u], renumber[e.v], e.weight});
  return out;
}

std::vector<Community> Partition(const Cooccurrence& co, const graph::Communities& found) {
  const graph::IncidenceGraph& cg = co.graph;
  constexpr int kAlone = -1;
  std::vector<int> label(cg.num_vertices(), kAlone);
  std::vector<Community> out;
  for (const auto& members : found) {
    if (members.size() < 2) continue;
    for (Id id : members) label[*cg.VertexOf(id)] = static_cast<int>(out.size());
    out.push_back({{}, {}, members});
  }
  std::vector<double> strength(cg.num_vertices(), 0.0);
  for (const graph::GraphEdge& e : cg.edges)
    if (label[e.u] != kAlone && label[e.u] == label[e.v]) {
      strength[e.u] += e.weight;
      strength[e.v] += e.weight;
    }
  for (Community& c : out) {
    c.members = c.sorted;
    std::stable_sort(c.members.begin(), c.members.end(),
                     [&](Id a, Id b) { return strength[*cg.VertexOf(a)] > strength[*cg.VertexOf(b)]; });
  }
  return out;
}

// Supporting episodes: per community, and per member (vertex).
void Support(const Cooccurrence& co, const std::vector<int>& label, std::vector<Community>& communities,
             std::vector<std::vector<Id>>& of_vertex) {
  std::vector<std::pair<int, int>> counts;  // (label, count) of one episode
  for (const auto& [episode, vs] : co.episodes) {
    counts.clear();
    for (Vertex v : vs) {
      if (label[v] < 0) continue;
      auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == label[v]; });
      if (it == counts.end())
        counts.emplace_back(label[v], 1);
      else
        ++it->second;
    }
    for (const auto& [l, n] : counts) {
      if (n < 2) continue;
      communities[l].episodes.push_back(episode);
      for (Vertex v : vs)
        if (label[v] == l) of_vertex[v].push_back(episode);
    }
  }
}

std::map<Id, OldTopic> CurrentTopics(const ExecContext& ctx, const DerivedNames& names) {
  std::map<Id, OldTopic> out;
  const graph::Hypergraph& g = ctx.g;
  if (names.topic == graph::kNoSymbol) return out;
  const graph::Symbol member_role = g.names().Find("member");
  for (Id id : g.EntitiesOfType(kTopicType)) {
    if (!ctx.view.EntityVisible(*g.entity(id))) continue;
    OldTopic& t = out[id];
    t.id = id;
    g.ForEachIncidence(id, names.in_topic, graph::kNoSymbol, [&](const graph::Incidence& inc) {
      const graph::Hyperedge& h = *g.hyperedge(inc.edge);
      if (!ctx.view.HyperedgeVisible(h)) return;
      for (const auto& r : h.roles)
        if (r.role == member_role && r.is_entity() && !t.member_fact.emplace(r.entity, inc.edge).second)
          t.duplicates.push_back(inc.edge);
    });
  }
  return out;
}

Value Names(const graph::Hypergraph& g, const std::vector<Id>& ids, size_t n) {
  graph::List out;
  for (size_t i = 0; i < ids.size() && i < n; ++i) out.emplace_back(EntityName(g, ids[i]));
  return Value(std::move(out));
}

std::string TopicName(const graph::Hypergraph& g, const std::vector<Id>& ranked) {
  std::string name;
  for (size_t i = 0; i < ranked.size() && i < kNameMembers; ++i) name += (i ? ", " : "") + EntityName(g, ranked[i]);
  return name;
}

// Writes a property when its value differs; returns whether it wrote.
Result<bool> SetIfChanged(ExecContext& ctx, Id id, const char* name, const Value& value) {
  const Value* now = ctx.g.EntityProperty(id, name);
  if (now && Value::Equivalent(*now, value)) return false;
  MNEMO_RETURN_IF_ERROR(ctx.g.SetEntityProperty(id, name, value));
  ++ctx.stats.properties_set;
  return true;
}

Value IdList(const std::vector<Id>& ids) {
  graph::List out;
  out.reserve(ids.size());
  for (Id id : ids) out.emplace_back(static_cast<int64_t>(id));
  return Value(std::move(out));
}

Status AddMember(ExecContext& ctx, Id topic, Id member, const std::vector<Id>& support) {
  graph::HyperedgeSpec spec;
  spec.type = std::string(kInTopic);
  spec.roles = {{"member", member, {}}, {"topic", topic, {}}};
  spec.properties = {{"episodes", IdList(support)}};
  MNEMO_ASSIGN_OR_RETURN(Id id, ctx.g.AddHyperedge(spec));
  (void)id;
  ++ctx.stats.facts_created;
  return Status::OK();
}

struct Row {
  Id topic;
  std::string status;
  int64_t members, episodes;
};

}  // namespace

Status RunCommunities(ExecContext& ctx, const lang::Consolidate& c, QueryResult& result) {
  int64_t seed = 42;
  double resolution = 1.0;
  if (c.seed) {
    MNEMO_ASSIGN_OR_RETURN(seed, EvalIntOption(ctx, *c.seed, "SEED", 0, INT32_MAX));
  }
  if (c.resolution) {
    MNEMO_ASSIGN_OR_RETURN(resolution, EvalNumberOption(ctx, *c.resolution, "RESOLUTION", 0.0, 1e6));
  }
  graph::Hypergraph& g = ctx.g;
  const LiveMemory live(ctx);
  const Cooccurrence co = BuildCooccurrence(g, live);
  graph::Communities found;
  if (const graph::IncidenceGraph linked = Linked(co.graph); !linked.edges.empty()) {
    MNEMO_ASSIGN_OR_RETURN(found, graph::LeidenCommunities(linked, resolution, static_cast<int>(seed)));
  }
  std::vector<Community> communities = Partition(co, found);
  std::vector<int> label(co.graph.num_vertices(), -1);
  for (size_t i = 0; i < communities.size(); ++i)
    for (Id id : communities[i].sorted) label[*co.graph.VertexOf(id)] = static_cast<int>(i);
  std::vector<std::vector<Id>> support(co.graph.num_vertices());
  Support(co, label, communities, support);

  // Larger communities choose their topic first.
  std::vector<size_t> order(communities.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return communities[a].sorted.size() > communities[b].sorted.size(); });

  std::map<Id, OldTopic> old = CurrentTopics(ctx, live.names());
  std::unordered_map<Id, std::vector<Id>> topics_of;  // member -> old topics listing it
  for (const auto& [id, t] : old)
    for (const auto& [member, fact] : t.member_fact) topics_of[member].push_back(id);

  std::vector<Row> rows;
  size_t created = 0, changed = 0, kept = 0, superseded = 0;
  for (size_t index : order) {
    const Community& com = communities[index];
    // The old topic sharing the most, by Jaccard similarity.
    std::map<Id, size_t> shared;
    for (Id m : com.sorted)
      if (auto it = topics_of.find(m); it != topics_of.end())
        for (Id t : it->second) ++shared[t];
    Id match = graph::kNoId;
    double best = kSameTopic;
    for (const auto& [t, n] : shared) {
      if (!old.count(t)) continue;  // already continued by another community
      const double jaccard =
          static_cast<double>(n) / static_cast<double>(com.sorted.size() + old.at(t).member_fact.size() - n);
      if (jaccard > best) {
        best = jaccard;
        match = t;
      }
    }
    const int64_t n_members = static_cast<int64_t>(com.sorted.size());
    const int64_t n_episodes = static_cast<int64_t>(com.episodes.size());
    const Value name(TopicName(g, com.members));
    const Value top = Names(g, com.members, kTopMembers);
    auto member_support = [&](Id m) -> const std::vector<Id>& { return support[*co.graph.VertexOf(m)]; };

    if (match == graph::kNoId) {
      graph::EntitySpec spec;
      spec.types = {std::string(kTopicType)};
      spec.properties = {{"name", name}, {"members", Value(n_members)}, {"episodes", Value(n_episodes)}, {"top", top}};
      MNEMO_ASSIGN_OR_RETURN(Id topic, g.AddEntity(spec));
      ++ctx.stats.nodes_created;
      ctx.stats.properties_set += 4;
      for (Id m : com.members) MNEMO_RETURN_IF_ERROR(AddMember(ctx, topic, m, member_support(m)));
      rows.push_back({topic, "new", n_members, n_episodes});
      ++created;
      continue;
    }
    OldTopic was = std::move(old.at(match));
    old.erase(match);
    bool any = !was.duplicates.empty();
    for (Id fact : was.duplicates) {
      MNEMO_RETURN_IF_ERROR(g.RetractHyperedge(fact, ctx.statement_time));
      ++ctx.stats.facts_retracted;
    }
    for (const auto& [member, fact] : was.member_fact)
      if (!std::binary_search(com.sorted.begin(), com.sorted.end(), member)) {
        MNEMO_RETURN_IF_ERROR(g.RetractHyperedge(fact, ctx.statement_time));
        ++ctx.stats.facts_retracted;
        any = true;
      }
    for (Id m : com.members) {
      auto it = was.member_fact.find(m);
      if (it == was.member_fact.end()) {
        MNEMO_RETURN_IF_ERROR(AddMember(ctx, match, m, member_support(m)));
        any = true;
        continue;
      }
      const Value episodes = IdList(member_support(m));
      const graph::Symbol key = g.names().Find("episodes");
      const Value* have = key == graph::kNoSymbol ? nullptr : g.hyperedge(it->second)->properties.Get(key);
      if (have && Value::Equivalent(*have, episodes)) continue;
      MNEMO_RETURN_IF_ERROR(g.SetHyperedgeProperty(it->second, "episodes", episodes));
      ++ctx.stats.properties_set;
      any = true;
    }
    for (const auto& [prop, value] : {std::pair<const char*, Value>{"name", name},
                                      {"members", Value(n_members)},
                                      {"episodes", Value(n_episodes)},
                                      {"top", top}}) {
      MNEMO_ASSIGN_OR_RETURN(bool wrote, SetIfChanged(ctx, match, prop, value));
      any = any || wrote;
    }
    rows.push_back({match, any ? "changed" : "kept", n_members, n_episodes});
    ++(any ? changed : kept);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.members > b.members; });

  // Topics no community continues.
  for (const auto& [id, t] : old) {
    std::vector<Id> facts;
    g.ForEachIncidence(
        id, live.names().in_topic, graph::kNoSymbol,
        [&](const graph::Incidence& inc) {
          if (g.hyperedge(inc.edge)->time.retracted_at == temporal::kForever) facts.push_back(inc.edge);
        },
        /*with_past=*/true);
    std::sort(facts.begin(), facts.end());
    facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
    for (Id fact : facts) {
      MNEMO_RETURN_IF_ERROR(g.RetractHyperedge(fact, ctx.statement_time));
      ++ctx.stats.facts_retracted;
    }
    MNEMO_RETURN_IF_ERROR(g.RetractEntity(id, ctx.statement_time));
    rows.push_back({id, "superseded", static_cast<int64_t>(t.member_fact.size()), 0});
    ++superseded;
  }

  result.columns = {"topic", "name", "status", "members", "episodes", "top"};
  for (const Row& r : rows) {
    const Value* name = g.EntityProperty(r.topic, "name");
    const Value* top = g.EntityProperty(r.topic, "top");
    const Value* episodes = g.EntityProperty(r.topic, "episodes");
    result.rows.push_back({Value(static_cast<int64_t>(r.topic)), name ? *name : Value(), Value(r.status),
                           Value(r.members), episodes ? *episodes : Value(r.episodes), top ? *top : Value()});
  }
  ctx.notices.push_back("COMMUNITIES: " + std::to_string(communities.size()) + " topics over " +
                        std::to_string(co.graph.num_vertices()) + " entities (" + std::to_string(created) + " new, " +
                        std::to_string(changed) + " changed, " + std::to_string(kept) + " kept, " +
                        std::to_string(superseded) + " superseded); seed " + std::to_string(seed) + ", resolution " +
                        Value(resolution).ToString());
  return Status::OK();
}

}  // namespace mnemo::engine::consolidate
