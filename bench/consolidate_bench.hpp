// `mnemo-bench consolidate [--episodes N] [--facts M] [--seed S] [--exact-vectors]`:
// the time of each consolidation job on a synthetic memory, with the same
// job re-run (idempotent: it changes nothing) and an in-process baseline per job.
#pragma once

namespace mnemo::bench {

int RunConsolidateBench(int argc, char** argv);

}  // namespace mnemo::bench
