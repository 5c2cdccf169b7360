#pragma once

namespace mnemo::bench {
// Parse + bind + execute latency of a key lookup and a 2-hop MATCH through
// the language, against the same work done with the C++ store API.
int RunQueryBench(int argc, char** argv);
}  // namespace mnemo::bench
