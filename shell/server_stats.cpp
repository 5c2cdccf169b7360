#include "shell/server_stats.hpp"

#include <unistd.h>

#include <fstream>

#include "shell/format/json_value.hpp"

namespace mnemo::shell {

std::optional<uint64_t> ResidentBytes() {
  // statm: total program size, then resident pages, in pages.
  std::ifstream statm("/proc/self/statm");
  uint64_t size_pages = 0, resident_pages = 0;
  if (!(statm >> size_pages >> resident_pages)) return std::nullopt;
  const long page = sysconf(_SC_PAGESIZE);
  if (page <= 0) return std::nullopt;
  return resident_pages * static_cast<uint64_t>(page);
}

std::string StatsJson(ScopeRegistry& scopes, double uptime_seconds, uint64_t requests_served) {
  Json out = Json::object();
  out["uptime_seconds"] = uptime_seconds;
  out["requests_served"] = requests_served;
  Json memory = Json::object();
  if (auto rss = ResidentBytes())
    memory["rss_bytes"] = *rss;
  else
    memory["rss_bytes"] = nullptr;
  out["memory"] = std::move(memory);
  Json per_scope = Json::object();
  scopes.ForEachOpen([&](const std::string& name, Database& database) {
    const graph::StoreCounts counts =
        database.Connect().Read([](const graph::Hypergraph& store) { return store.counts(); });
    Json scope = Json::object();
    scope["entities"] = counts.entities;
    scope["facts"] = counts.hyperedges;
    scope["episodes"] = counts.episodes;
    per_scope[name] = std::move(scope);
  });
  out["scopes"] = std::move(per_scope);
  return DumpJson(out);
}

}  // namespace mnemo::shell
