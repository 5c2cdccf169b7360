// RecallVisibility: which indexed records a read at one instant `now` on
// both axes (valid time = transaction time = now, as every RECALL without
// AS OF / KNOWN AT is) may see, answered from a table indexed by id instead
// of the store's ordered maps. The graph channel asks this for every link it
// walks, thousands per RECALL; a store lookup is a tree descent, and a fact's
// visibility also depends on the entities it binds.
//
// Per record the table holds the interval [from, to) of instants at which
// the record is visible, as the committed store stands:
//   - an episode: once it happened and was recorded, until retracted;
//   - an entity: from when recorded until retracted;
//   - a fact: while recorded, valid, and every entity it binds visible.
// A fact whose valid time was closed (superseded, ended) is exact only from
// the closing on: before `from` its answer is kUnknown (ask the store).
// Trust and confidence are not in the table (callers with a minimum ask the
// store). Records that are not indexed answer kUnknown.
// Contract: Set(g, id) after every committed change of an indexed record,
// and of the facts that bind a changed entity; Clear(id) when unindexed.
// Thread-safety: Set/Clear need exclusive access; Lookup/Kind may run
// concurrently.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/hypergraph.hpp"
#include "temporal/time.hpp"

namespace mnemo::engine {

class RecallVisibility {
 public:
  enum class Answer { kVisible, kHidden, kUnknown };

  void Set(const graph::Hypergraph& g, graph::Id id);
  void Clear(graph::Id id);
  Answer Lookup(graph::Id id, temporal::Timestamp now) const;
  // The kind of an indexed record; kNone when not indexed.
  graph::RecordKind Kind(graph::Id id) const { return id < slots_.size() ? slots_[id].kind : graph::RecordKind::kNone; }

 private:
  struct Slot {
    temporal::Timestamp from = temporal::kForever, to = temporal::kForever;
    graph::RecordKind kind = graph::RecordKind::kNone;
    bool closed = false;  // exact only from `from` on
  };
  std::vector<Slot> slots_;
};

}  // namespace mnemo::engine
