#include "engine/recall_visibility.hpp"

#include <algorithm>

namespace mnemo::engine {

using graph::Id;
using temporal::Timestamp;

void RecallVisibility::Set(const graph::Hypergraph& g, Id id) {
  if (id >= slots_.size()) slots_.resize(std::max<size_t>(id + 1, slots_.size() + slots_.size() / 2));
  Slot s;
  if (const graph::Episode* ep = g.episode(id)) {
    s.kind = graph::RecordKind::kEpisode;
    s.from = std::max(ep->time, ep->timeline.transaction().from);
    s.to = ep->forgotten ? s.from : ep->timeline.transaction().to;
  } else if (const graph::Entity* e = g.entity(id)) {
    s.kind = graph::RecordKind::kEntity;
    s.from = e->time.recorded_at;
    s.to = e->forgotten ? s.from : e->time.retracted_at;
  } else if (const graph::Hyperedge* h = g.hyperedge(id)) {
    s.kind = graph::RecordKind::kHyperedge;
    // From the closing on, the valid interval believed is the closed one.
    s.closed = h->time.closed_at != temporal::kForever;
    s.from = std::max({h->time.recorded_at, h->time.valid_from, s.closed ? h->time.closed_at : temporal::kBeginningOfTime});
    s.to = h->forgotten ? s.from : std::min(h->time.retracted_at, h->time.valid_to);
    for (const auto& r : h->roles) {
      if (!r.is_entity()) continue;
      const graph::Entity* e = g.entity(r.entity);
      if (!e || e->forgotten) {
        s.to = s.from;
        break;
      }
      s.from = std::max(s.from, e->time.recorded_at);
      s.to = std::min(s.to, e->time.retracted_at);
    }
  } else {
    slots_[id] = Slot{};
    return;
  }
  slots_[id] = s;
}

void RecallVisibility::Clear(Id id) {
  if (id < slots_.size()) slots_[id] = Slot{};
}

RecallVisibility::Answer RecallVisibility::Lookup(Id id, Timestamp now) const {
  if (id >= slots_.size() || slots_[id].kind == graph::RecordKind::kNone) return Answer::kUnknown;
  const Slot& s = slots_[id];
  if (now >= s.from) return now < s.to ? Answer::kVisible : Answer::kHidden;
  return s.closed ? Answer::kUnknown : Answer::kHidden;
}

}  // namespace mnemo::engine
