#include "engine/consolidate_decay.hpp"

#include <algorithm>
#include <cmath>

#include "engine/consolidate_support.hpp"
#include "engine/recall_index.hpp"
#include "lang/time_literal.hpp"

namespace mnemo::engine::consolidate {

using graph::Id;
using graph::Value;

namespace {

constexpr temporal::Duration kDefaultHalfLife = 30 * temporal::kMicrosPerDay;
constexpr double kDefaultThreshold = 1.0 / 16;
constexpr size_t kTextLength = 80;  // characters of text shown per row

// A fact as type(role: name, ...).
std::string FactText(const graph::Hypergraph& g, const graph::Hyperedge& h) {
  std::string out = std::string(g.names().Text(h.type)) + "(";
  for (size_t i = 0; i < h.roles.size(); ++i) {
    const auto& r = h.roles[i];
    out += (i ? ", " : "") + std::string(g.names().Text(r.role)) + ": ";
    out += r.is_entity()                            ? EntityName(g, r.entity)
           : r.value.kind() == Value::Kind::kString ? r.value.as_string()
                                                    : r.value.ToString();
  }
  return out + ")";
}

std::string Shortened(std::string text) {
  if (text.size() <= kTextLength) return text;
  size_t cut = kTextLength;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  return text.substr(0, cut) + "...";
}

struct Memory {
  Id id;
  bool episode;
  temporal::Timestamp born;
};

}  // namespace

Status RunDecay(ExecContext& ctx, const lang::Consolidate& c, QueryResult& result) {
  temporal::Duration half_life = kDefaultHalfLife;
  double threshold = kDefaultThreshold;
  if (c.half_life) {
    MNEMO_ASSIGN_OR_RETURN(half_life, EvalDurationOption(ctx, *c.half_life, "HALF LIFE"));
  }
  if (c.threshold) {
    MNEMO_ASSIGN_OR_RETURN(threshold, EvalNumberOption(ctx, *c.threshold, "THRESHOLD", 0.0, 1e9));
  }
  graph::Hypergraph& g = ctx.g;
  const LiveMemory live(ctx);
  const temporal::Timestamp now = ctx.statement_time;

  std::vector<Memory> memories;
  for (const auto& [id, ep] : g.episodes())
    if (live.Episode(ep)) memories.push_back({id, true, ep.time});
  for (const auto& [id, h] : g.hyperedges())
    if (!h.forgotten && h.time.retracted_at == temporal::kForever && !live.names().IsDerived(h))
      memories.push_back({id, false, h.time.recorded_at});
  std::sort(memories.begin(), memories.end(), [](const Memory& a, const Memory& b) { return a.id < b.id; });

  const index::UseLog* uses = ctx.services ? &ctx.services->recall().uses() : nullptr;
  const double rate = std::log(2.0) / static_cast<double>(half_life);
  result.columns = {"kind", "id", "text", "last_used", "strength"};
  size_t archived = 0;
  for (const Memory& m : memories) {
    if (m.born > now) continue;  // an episode yet to happen has not begun to fade
    double strength = 0;
    temporal::Timestamp last = m.born;
    if (uses && uses->Uses(m.id) > 0) {
      strength = uses->DecayedUses(m.id, now, half_life);
      last = std::max(m.born, std::min(now, uses->LastUse(m.id)));
    } else {  // not in the use log: creation is the only use
      strength = std::exp(-rate * static_cast<double>(now - m.born));
    }
    if (strength >= threshold) continue;
    if (!c.dry_run) {
      MNEMO_RETURN_IF_ERROR(g.SetForgotten(m.id, true));
      ++ctx.stats.records_forgotten;
    }
    ++archived;
    const std::string text = m.episode ? g.episode(m.id)->text : FactText(g, *g.hyperedge(m.id));
    result.rows.push_back({Value(m.episode ? "episode" : "fact"), Value(static_cast<int64_t>(m.id)),
                           Value(Shortened(text)), Value(graph::DateTime{last}), Value(strength)});
  }
  ctx.notices.push_back("DECAY: " + std::to_string(archived) + " of " + std::to_string(memories.size()) +
                        " memories below strength " + Value(threshold).ToString() + " (half life " +
                        lang::FormatDuration(half_life) + ") " +
                        (c.dry_run ? "would be archived (DRY RUN: nothing changed)" : "archived"));
  return Status::OK();
}

}  // namespace mnemo::engine::consolidate
