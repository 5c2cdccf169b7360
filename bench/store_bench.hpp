#pragma once

namespace mnemo::bench {
// Entity key lookup and 1-hop incidence scans on a synthetic store.
int RunStoreBench(int argc, char** argv);
}  // namespace mnemo::bench
