// CONSOLIDATE COMMUNITIES [SEED n] [RESOLUTION r]: groups related entities
// into topics.
//
// The co-occurrence graph: a vertex per entity visible now (derived records
// excluded, consolidate_support.hpp); entities are linked by each fact that
// is current now and by each episode that is not forgotten. An episode links
// its speaker, its `about` entities and the entities of the current facts
// learned from it (provenance). A fact or episode linking k >= 2 entities adds
// 1/(k-1) to each pair among them (so each takes part with weight 1 whatever
// k); the weight of a pair is the sum.
// Leiden (igraph, modularity with resolution r, default 1; its RNG seeded
// with n, default 42 — equal memories and options give equal topics) splits
// the graph into communities; each of two or more entities is a topic.
//
// A topic is an entity of type `Topic` with properties name (its three
// most central members' names joined by ", "; central = largest weight of
// links inside the community, then lowest id), members (count), episodes
// (count of supporting episodes) and top (its five most central members'
// names); and one fact in_topic(member: entity, topic: Topic) per member,
// whose property `episodes` lists (ascending ids) the member's supporting
// episodes — the episodes that link it to another member of the community.
// (A property, not provenance: RECALL passes a fact's score to every
// episode of its provenance, and a topic's hundreds of episodes would all
// be lifted together — measured on LoCoMo, recall@10 fell from 0.722 to
// 0.719 with provenance, none with the property.)
//
// Re-running reconciles instead of duplicating: a community that shares more
// than half of the union of their members with a current topic (the best
// such, each topic used once, larger communities first) updates that topic —
// departed members' in_topic facts are retracted, new members' added, a
// member's changed `episodes` list rewritten, the topic's changed
// properties written as new versions; a community matching no topic becomes a new one; a topic
// matching no community is superseded: its in_topic facts and the Topic
// entity itself are retracted (gone from reads now, still seen KNOWN AT an
// earlier time, listed by HISTORY in_topic(...)). Running it twice on an
// unchanged memory changes nothing the second time.
//
// Rows: one per topic — topic (id), name, status ('new', 'changed', 'kept'
// or 'superseded'), members, episodes, top — current topics by members
// (descending), then superseded ones. Side effects are counted in the
// statement's stats; a notice summarises the counts.
#pragma once

#include "engine/exec_context.hpp"
#include "lang/ast.hpp"

namespace mnemo::engine::consolidate {

Status RunCommunities(ExecContext& ctx, const lang::Consolidate& c, QueryResult& result);

}  // namespace mnemo::engine::consolidate
