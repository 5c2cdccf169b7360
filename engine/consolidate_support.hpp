// What the consolidation jobs (CONSOLIDATE ..., MERGE ENTITY, UNMERGE) share:
// the records they derive, which records they read, names for reports, and
// their option values.
//
// Derived records: `Topic` entities with their in_topic(member, topic) facts
// (COMMUNITIES), and merged_into(source, target) facts (MERGE ENTITY). The
// jobs leave derived records out of what they read, so that one job's
// output never feeds another job's input (and re-running a job sees the
// memory it saw the first time).
#pragma once

#include <string>
#include <string_view>

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine::consolidate {

inline constexpr std::string_view kTopicType = "Topic";
inline constexpr std::string_view kInTopic = "in_topic";        // in_topic(member: any entity, topic: Topic)
inline constexpr std::string_view kMergedInto = "merged_into";  // merged_into(source: entity, target: entity)
inline constexpr std::string_view kImportance = "importance";   // entity property written by IMPORTANCE

// The interned names of the derived records (kNoSymbol when never written).
struct DerivedNames {
  explicit DerivedNames(const graph::Hypergraph& g);
  graph::Symbol topic, in_topic, merged_into;

  bool IsDerived(const graph::Entity& e) const { return topic != graph::kNoSymbol && e.HasType(topic); }
  bool IsDerived(const graph::Hyperedge& h) const {
    return h.type != graph::kNoSymbol && (h.type == in_topic || h.type == merged_into);
  }
};

// What the jobs read: the entities and facts a read now sees (not
// forgotten, not retracted, facts valid now and binding only such entities),
// episodes that are not forgotten — derived records excluded.
class LiveMemory {
 public:
  explicit LiveMemory(const ExecContext& ctx) : ctx_(ctx), names_(ctx.g) {}
  bool Entity(const graph::Entity& e) const { return ctx_.view.EntityVisible(e) && !names_.IsDerived(e); }
  bool Fact(const graph::Hyperedge& h) const { return ctx_.view.HyperedgeVisible(h) && !names_.IsDerived(h); }
  bool Episode(const graph::Episode& ep) const { return !ep.forgotten; }
  const DerivedNames& names() const { return names_; }

 private:
  const ExecContext& ctx_;
  DerivedNames names_;
};

// An entity as people name it: its key (the value of its first type's key
// property) as text, else "#<id>".
std::string EntityName(const graph::Hypergraph& g, graph::Id id);

// Option values, with positioned errors. A number in [min, max].
Result<double> EvalNumberOption(ExecContext& ctx, const lang::Expr& e, const char* what, double min, double max);
// An integer in [min, max].
Result<int64_t> EvalIntOption(ExecContext& ctx, const lang::Expr& e, const char* what, int64_t min, int64_t max);
// A positive duration (30d; a parameter may give microseconds or text such as '30d').
Result<temporal::Duration> EvalDurationOption(ExecContext& ctx, const lang::Expr& e, const char* what);

}  // namespace mnemo::engine::consolidate
