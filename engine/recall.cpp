#include "engine/recall.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "engine/recall_channels.hpp"
#include "engine/recall_index.hpp"
#include "engine/statement_support.hpp"
#include "index/fusion.hpp"
#include "index/tokenizer.hpp"

namespace mnemo::engine {

using graph::Id;
using graph::Value;

namespace {

enum Channel { kVector, kKeyword, kGraph, kRecency, kChannels };
constexpr std::array<const char*, kChannels> kChannelNames{"vector", "keyword", "graph", "recency"};
constexpr std::array<float, kChannels> kDefaultWeights{1.0f, 1.0f, 0.7f, 0.25f};
constexpr float kFlow = 0.3f;   // share of a score passed along provenance
constexpr float kRrfK = 60.0f;  // reciprocal-rank constant
constexpr size_t kContentSeeds = 5;  // best hits of the vector and keyword channels that seed activation
constexpr float kImportancePrior = 0.2f;  // entity score *= 1 + kImportancePrior * importance (CONSOLIDATE IMPORTANCE)

struct RecallOptions {
  std::string text;
  std::vector<float> vector;
  size_t top = 10;
  bool kinds[3] = {true, true, true};  // episode, fact, entity
  std::array<bool, kChannels> use{false, true, true, false};
  std::array<float, kChannels> weight = kDefaultWeights;
  double min_trust = 0;
  std::vector<Id> about;
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int KindIndex(const graph::Hypergraph& g, Id id) {
  switch (g.KindOf(id)) {
    case graph::RecordKind::kEpisode: return 0;
    case graph::RecordKind::kHyperedge: return 1;
    case graph::RecordKind::kEntity: return 2;
    case graph::RecordKind::kNone: break;
  }
  return -1;
}

int ChannelIndex(const std::string& name) {
  for (int c = 0; c < kChannels; ++c)
    if (name == kChannelNames[c]) return c;
  return -1;
}

Result<RecallOptions> ReadOptions(ExecContext& ctx, const lang::Recall& r, bool client_embedder, int line, int column) {
  RecallOptions o;
  MNEMO_ASSIGN_OR_RETURN(Value text, EvalConstant(ctx, *r.text));
  if (text.kind() != Value::Kind::kString)
    return Status::TypeError("RECALL needs text, got " + text.ToString()).WithPosition(r.text->line, r.text->column);
  o.text = text.as_string();
  if (r.top) {
    MNEMO_ASSIGN_OR_RETURN(Value top, EvalConstant(ctx, *r.top));
    if (top.kind() != Value::Kind::kInt || top.as_int() < 1 || top.as_int() > 1000)
      return Status::InvalidArgument("TOP needs an integer from 1 to 1000, got " + top.ToString())
          .WithPosition(r.top->line, r.top->column);
    o.top = static_cast<size_t>(top.as_int());
  }
  if (!r.kinds.empty()) {
    std::fill(std::begin(o.kinds), std::end(o.kinds), false);
    for (const auto& k : r.kinds) {
      const std::string kind = Lower(k);
      if (kind == "episode" || kind == "episodes") o.kinds[0] = true;
      else if (kind == "fact" || kind == "facts" || kind == "event" || kind == "events") o.kinds[1] = true;
      else if (kind == "entity" || kind == "entities") o.kinds[2] = true;
      else return Status::InvalidArgument("unknown KINDS '" + k + "': expected episode, fact or entity").WithPosition(line, column);
    }
  }
  if (!r.channels.empty()) {
    o.use.fill(false);
    for (const auto& name : r.channels) {
      const int c = ChannelIndex(Lower(name));
      if (c < 0)
        return Status::InvalidArgument("unknown channel '" + name + "' in USING: expected vector, keyword, graph or recency")
            .WithPosition(line, column);
      o.use[c] = true;
    }
  }
  if (r.weights) {
    MNEMO_ASSIGN_OR_RETURN(Value w, EvalConstant(ctx, *r.weights));
    if (w.kind() != Value::Kind::kMap)
      return Status::TypeError("WEIGHTS needs a map such as {vector: 1, keyword: 2}, got " + w.ToString())
          .WithPosition(r.weights->line, r.weights->column);
    for (const auto& [name, v] : w.as_map()) {
      const int c = ChannelIndex(Lower(name));
      if (c < 0 || !v.is_number() || v.as_number() < 0)
        return Status::InvalidArgument("WEIGHTS: '" + name + ": " + v.ToString() +
                                       "' — expected vector, keyword, graph or recency with a number >= 0")
            .WithPosition(r.weights->line, r.weights->column);
      o.weight[c] = static_cast<float>(v.as_number());
    }
  }
  if (r.min_trust) { MNEMO_ASSIGN_OR_RETURN(o.min_trust, EvalUnit(ctx, *r.min_trust, "MIN TRUST")); }
  for (const auto& a : r.about) {
    MNEMO_ASSIGN_OR_RETURN(Value key, EvalConstant(ctx, *a->children[0]));
    bool found = false;
    for (Id id : ctx.g.FindByKey(a->text, key))
      if (ctx.view.NodeExists(id)) { o.about.push_back(id); found = true; }
    if (!found) return Status::NotFound(a->text + " " + key.ToString() + " is not in memory").WithPosition(a->line, a->column);
  }
  if (r.embedding) { MNEMO_ASSIGN_OR_RETURN(o.vector, EvalEmbedding(ctx, *r.embedding)); }
  if (r.channels.empty() && (!o.vector.empty() || client_embedder)) o.use[kVector] = true;
  return o;
}

// A record as text for a person: an episode's words, a fact as
// type(role: value, ...), an entity as its key.
std::string DisplayText(const graph::Hypergraph& g, Id id) {
  const graph::Hyperedge* h = g.hyperedge(id);
  if (!h) return RecallIndex::TextOf(g, id);
  std::string out = std::string(g.names().Text(h->type)) + "(";
  for (size_t i = 0; i < h->roles.size(); ++i) {
    const auto& r = h->roles[i];
    out += (i ? ", " : "") + std::string(g.names().Text(r.role)) + ": ";
    out += r.is_entity() ? RecallIndex::TextOf(g, r.entity).substr(0, RecallIndex::TextOf(g, r.entity).find(' '))
                         : (r.value.kind() == Value::Kind::kString ? r.value.as_string() : r.value.ToString());
  }
  return out + ")";
}

Value TimeOf(const graph::Hypergraph& g, Id id) {
  if (const graph::Episode* ep = g.episode(id)) return Value(graph::DateTime{ep->time});
  if (const graph::Hyperedge* h = g.hyperedge(id)) return Value(graph::DateTime{h->time.valid_from});
  if (const graph::Entity* e = g.entity(id)) return Value(graph::DateTime{e->time.recorded_at});
  return Value();
}

std::string PathText(const graph::Hypergraph& g, const std::vector<Id>& path) {
  std::string out;
  for (Id id : path) {
    if (!out.empty()) out += " -> ";
    switch (g.KindOf(id)) {
      case graph::RecordKind::kEntity: {
        const graph::Entity* e = g.entity(id);
        out += (e->types.empty() ? std::string("entity") : std::string(g.names().Text(e->types[0]))) + " '" +
               RecallIndex::TextOf(g, id).substr(0, RecallIndex::TextOf(g, id).find(' ')) + "'";
        break;
      }
      case graph::RecordKind::kHyperedge:
        out += std::string(g.names().Text(g.hyperedge(id)->type)) + " " + std::to_string(id);
        break;
      default: out += "episode " + std::to_string(id);
    }
  }
  return out;
}

// The query without the words most records contain (in more than 5% of
// them): the built-in embedder has no notion of how common a word is, and
// those words would dominate its vector.
std::string InformativeWords(const RecallIndex& index, const std::string& text) {
  const double n = static_cast<double>(index.keywords().size());
  std::string out;
  for (const auto& word : index::Tokenize(text))
    if (n < 20 || static_cast<double>(index.keywords().DocumentFrequency(word)) < 0.05 * n) out += word + ' ';
  return out.empty() ? text : out;
}

// The query without the names of the entities it mentions, for the keyword
// channel: the graph channel follows those entities, and a name that many
// records contain (a speaker addressed by name) would otherwise fill the
// keyword hits with records sharing nothing but the name. A query that is
// nothing but names is kept whole.
std::string WithoutNames(const graph::Hypergraph& g, const std::string& text, const std::vector<Id>& mentioned) {
  if (mentioned.empty()) return text;
  std::unordered_set<std::string> names;
  for (Id id : mentioned)
    for (const auto& word : index::Tokenize(RecallIndex::TextOf(g, id))) names.insert(word);
  std::string out;
  for (const auto& word : index::Tokenize(text))
    if (!names.count(word)) out += word + ' ';
  return out.empty() ? text : out;
}

struct Scored {
  float score = 0;
  std::array<float, kChannels> contribution{};
  float flow = 0;
};

}  // namespace

Status Recall(ExecContext& ctx, const lang::Recall& r, QueryResult& result) {
  if (!ctx.services) return Status::Unsupported("RECALL needs a Database (this store has no recall indexes)");
  RecallIndex& index = ctx.services->recall();
  const lang::Expr& at = *r.text;
  MNEMO_ASSIGN_OR_RETURN(RecallOptions o, ReadOptions(ctx, r, index.client_embedder(), at.line, at.column));
  const graph::Hypergraph& g = ctx.g;
  const RecallFilter accept(ctx, o.min_trust);
  const size_t depth = std::max<size_t>(50, 4 * o.top);  // candidates per channel

  std::vector<index::Channel> lists(kChannels);
  for (int c = 0; c < kChannels; ++c) lists[c] = {kChannelNames[c], o.weight[c], {}};
  if (o.use[kVector]) {
    const std::vector<float> query = o.vector.empty() ? index.embedder().Embed(InformativeWords(index, o.text)) : o.vector;
    lists[kVector].ranked = VectorChannel(index, query, depth, accept);
  }
  const std::vector<Id> mentioned = EntitiesMentioned(index, o.text, accept);
  if (o.use[kKeyword]) lists[kKeyword].ranked = KeywordChannel(index, WithoutNames(g, o.text, mentioned), depth, accept);
  index::SpreadResult spread;
  if (o.use[kGraph]) {
    std::vector<std::pair<Id, float>> seeds;
    for (Id id : o.about) seeds.emplace_back(id, 1.0f);
    for (Id id : mentioned) seeds.emplace_back(id, 1.0f);
    // The best few hits of the content channels seed too, more weakly.
    for (int c : {kVector, kKeyword})
      for (size_t i = 0; i < lists[c].ranked.size() && i < kContentSeeds; ++i)
        seeds.emplace_back(lists[c].ranked[i].first, 0.5f * o.weight[c]);
    spread = GraphChannel(ctx, index, seeds, accept);
    lists[kGraph].ranked = spread.Ranked(depth, /*include_seeds=*/true);
  }
  if (o.use[kRecency]) {
    std::vector<Id> candidates;
    for (int c : {kVector, kKeyword, kGraph})
      for (const auto& [id, s] : lists[c].ranked) candidates.push_back(id);
    if (!o.use[kVector] && !o.use[kKeyword] && !o.use[kGraph])  // recency alone: everything visible
      for (const auto* kind : {&g.episodes()})
        for (const auto& [id, ep] : *kind)
          if (accept(id)) candidates.push_back(id);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    lists[kRecency].ranked = RecencyChannel(index, candidates, ctx.statement_time);
    if (lists[kRecency].ranked.size() > depth) lists[kRecency].ranked.resize(depth);
  }

  std::unordered_map<Id, Scored> scored;
  for (const auto& hit : index::Fuse(lists, SIZE_MAX, index::FusionMethod::kReciprocalRank, kRrfK)) {
    Scored& s = scored[hit.id];
    s.score = hit.score;
    for (int c = 0; c < kChannels; ++c) s.contribution[c] = hit.contribution[c];
  }
  // One step of flow along provenance, from the fused scores.
  std::vector<std::pair<Id, float>> flows;
  for (const auto& [id, s] : scored) {
    if (const graph::Hyperedge* h = g.hyperedge(id))
      for (Id ep : h->provenance) flows.emplace_back(ep, kFlow * s.score);
    if (g.episode(id))
      for (Id f : index.FactsFrom(id)) flows.emplace_back(f, kFlow * s.score);
  }
  for (const auto& [id, amount] : flows)
    if (accept(id)) {
      Scored& s = scored[id];
      s.flow += amount;
      s.score += amount;
    }

  // The importance prior: an entity's `importance` (in [0, 1], written by
  // CONSOLIDATE IMPORTANCE) raises its score by up to kImportancePrior.
  if (const graph::Symbol importance = g.names().Find("importance"); importance != graph::kNoSymbol)
    for (auto& [id, s] : scored)
      if (const graph::Entity* e = g.entity(id))
        if (const Value* v = e->properties.Get(importance); v && v->is_number())
          s.score *= 1.0f + kImportancePrior * static_cast<float>(std::clamp(v->as_number(), 0.0, 1.0));

  std::vector<std::pair<Id, const Scored*>> ranked;
  for (const auto& [id, s] : scored) {
    const int kind = KindIndex(g, id);
    if (kind >= 0 && o.kinds[kind]) ranked.emplace_back(id, &s);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second->score != b.second->score ? a.second->score > b.second->score : a.first < b.first;
  });
  if (ranked.size() > o.top) ranked.resize(o.top);

  static constexpr const char* kKindNames[] = {"episode", "fact", "entity"};
  result.columns = {"kind", "id", "text", "time", "score"};
  if (r.explain) result.columns.insert(result.columns.end(), {"vector", "keyword", "graph", "recency", "flow", "path"});
  for (const auto& [id, s] : ranked) {
    std::vector<Value> row{Value(kKindNames[KindIndex(g, id)]), Value(static_cast<int64_t>(id)), Value(DisplayText(g, id)),
                           TimeOf(g, id), Value(static_cast<double>(s->score))};
    if (r.explain) {
      for (int c = 0; c < kChannels; ++c) row.emplace_back(static_cast<double>(s->contribution[c]));
      row.emplace_back(static_cast<double>(s->flow));
      const auto path = spread.PathTo(id);
      row.push_back(path.size() > 1 ? Value(PathText(g, path)) : Value());
    }
    result.rows.push_back(std::move(row));
    index.uses().Record(id, ctx.statement_time);
  }
  return Status::OK();
}

}  // namespace mnemo::engine
