// Quickstart: builds a small memory of people, places, episodes and facts
// through the C++ API and prints it. Run by `make demo`.
#include <cstdio>
#include <string>

#include "engine/mnemo.hpp"

using mnemo::graph::Id;
using mnemo::graph::Value;

namespace {

Id Must(const mnemo::Result<Id>& r) {
  if (!r.ok()) {
    std::fprintf(stderr, "quickstart: %s\n", r.status().ToString().c_str());
    std::exit(1);
  }
  return *r;
}

void Check(const mnemo::Status& st) {
  if (!st.ok()) {
    std::fprintf(stderr, "quickstart: %s\n", st.ToString().c_str());
    std::exit(1);
  }
}

std::string NameOf(const mnemo::graph::Hypergraph& g, Id id) {
  const Value* name = g.EntityProperty(id, "name");
  if (name) return name->as_string();
  std::string ref = "#";
  ref += std::to_string(id);
  return ref;
}

}  // namespace

int main() {
  auto opened = mnemo::Database::Open();
  if (!opened.ok()) {
    std::fprintf(stderr, "quickstart: %s\n", opened.status().ToString().c_str());
    return 1;
  }
  mnemo::Connection conn = opened.value()->Connect();

  // Schema: people and cities have a KEY; lives_in holds one city per resident.
  using namespace mnemo::graph;
  Check(conn.DefineEntity({"Person", {{"name", PropertyType::kText, true}, {"born", PropertyType::kDate, false}}}));
  Check(conn.DefineEntity({"City", {{"name", PropertyType::kText, true}}}));
  Check(conn.DefineRelation({"lives_in", false,
                             {{"resident", "Person", std::nullopt, Cardinality::kOne},
                              {"city", "City", std::nullopt, Cardinality::kOne}},
                             {}, {"resident"}}));
  Check(conn.DefineRelation({"Trip", true,
                             {{"traveler", "Person", std::nullopt, Cardinality::kMany},
                              {"destination", "City", std::nullopt, Cardinality::kOne}},
                             {{"purpose", PropertyType::kText, false}}, {}}));

  const Id caroline = Must(conn.EnsureEntity("Person", "Caroline"));
  const Id melanie = Must(conn.EnsureEntity("Person", "Melanie"));
  const Id berlin = Must(conn.EnsureEntity("City", "Berlin"));
  const Id paris = Must(conn.EnsureEntity("City", "Paris"));
  Check(conn.SetProperty(caroline, "born", Date{*mnemo::temporal::ParseTimestamp("1994-03-02")}));

  EpisodeSpec moved;
  moved.text = "Caroline: I moved to Berlin last month";
  moved.time = mnemo::temporal::ParseTimestamp("2023-05-08T13:56:00Z");
  moved.speaker = caroline;
  moved.session = "session-1";
  moved.about = {berlin};
  const Id ep1 = Must(conn.Observe(moved));

  EpisodeSpec trip;
  trip.text = "Melanie: Caroline and I are off to Paris for the art fair in June";
  trip.time = mnemo::temporal::ParseTimestamp("2023-05-09T09:12:00Z");
  trip.speaker = melanie;
  trip.session = "session-2";
  trip.trust = 0.9;
  const Id ep2 = Must(conn.Observe(trip));

  HyperedgeSpec lives;
  lives.type = "lives_in";
  lives.roles = {{"resident", caroline, {}}, {"city", berlin, {}}};
  lives.valid_from = mnemo::temporal::ParseTimestamp("2023-04-01");
  lives.provenance = {ep1};
  Must(conn.Assert(lives));

  HyperedgeSpec paris_trip;
  paris_trip.type = "Trip";
  paris_trip.is_event = true;
  paris_trip.roles = {{"traveler", caroline, {}}, {"traveler", melanie, {}}, {"destination", paris, {}}};
  paris_trip.properties = {{"purpose", "art fair"}};
  paris_trip.valid_from = mnemo::temporal::ParseTimestamp("2023-06-01");
  paris_trip.provenance = {ep2};
  Must(conn.Assert(paris_trip));

  // A schema violation is refused with a clear error and changes nothing.
  HyperedgeSpec wrong;
  wrong.type = "lives_in";
  wrong.roles = {{"resident", berlin, {}}, {"city", paris, {}}};
  const auto refused = conn.Assert(wrong);
  std::printf("refused as expected: %s\n\n", refused.status().ToString().c_str());

  conn.Read([&](const Hypergraph& g) {
    const auto counts = g.counts();
    std::printf("memory: %zu entities, %zu facts, %zu episodes\n\n", counts.entities, counts.hyperedges,
                counts.episodes);
    std::printf("entities\n");
    for (const auto& [id, e] : g.entities()) {
      std::string props;
      for (const auto& [k, v] : e.properties.entries())
        props.append(props.empty() ? "" : ", ").append(g.names().Text(k)).append(": ").append(v.ToString());
      std::printf("  #%-3llu :%-7s {%s}\n", static_cast<unsigned long long>(id),
                  std::string(g.names().Text(e.types.front())).c_str(), props.c_str());
    }
    std::printf("\nepisodes\n");
    for (const auto& [id, ep] : g.episodes())
      std::printf("  #%-3llu %s  %-9s by %-8s trust %.1f  \"%s\"\n", static_cast<unsigned long long>(id),
                  mnemo::temporal::FormatTimestamp(ep.time).c_str(),
                  std::string(g.names().Text(ep.session)).c_str(), NameOf(g, ep.speaker).c_str(), ep.trust,
                  ep.text.c_str());
    std::printf("\nfacts\n");
    for (const auto& [id, h] : g.hyperedges()) {
      std::string roles;
      for (const auto& r : h.roles)
        roles.append(roles.empty() ? "" : ", ").append(g.names().Text(r.role)).append(": ") +=
                 (r.is_entity() ? NameOf(g, r.entity) : r.value.ToString());
      std::printf("  #%-3llu %s(%s) valid from %s, learned from episode #%llu\n",
                  static_cast<unsigned long long>(id), std::string(g.names().Text(h.type)).c_str(), roles.c_str(),
                  mnemo::temporal::FormatTimestamp(h.time.valid_from).c_str(),
                  static_cast<unsigned long long>(h.provenance.front()));
    }
    std::printf("\nwhat Caroline takes part in (incidence)\n");
    g.ForEachIncidence(caroline, kNoSymbol, kNoSymbol, [&](const Incidence& inc) {
      std::printf("  %s as %s (fact #%llu)\n", std::string(g.names().Text(inc.type)).c_str(),
                  std::string(g.names().Text(inc.role)).c_str(), static_cast<unsigned long long>(inc.edge));
    });
    return 0;
  });
  return 0;
}
