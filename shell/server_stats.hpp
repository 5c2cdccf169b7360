// What GET /stats reports: per-scope record counts, the process's memory,
// uptime and the number of requests served.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "shell/scopes.hpp"

namespace mnemo::shell {

// The process's resident set size in bytes, from /proc/self/statm; nullopt
// where that file cannot be read (not Linux).
std::optional<uint64_t> ResidentBytes();

// The body of GET /stats:
//   {"uptime_seconds":12.5,"requests_served":42,"memory":{"rss_bytes":12345678},
//    "scopes":{"default":{"entities":3,"facts":2,"episodes":1},...}}
// `scopes` lists the open scopes; "rss_bytes" is null when unknown.
std::string StatsJson(ScopeRegistry& scopes, double uptime_seconds, uint64_t requests_served);

}  // namespace mnemo::shell
