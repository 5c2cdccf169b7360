#pragma once

namespace mnemo::bench {
// `mnemo-bench locomo`: loads each LoCoMo conversation into a fresh memory,
// runs RECALL for every question of category 1-4 that has evidence and
// prints evidence recall@k as one JSON object (see bench/README.md).
// Exit status: 0; 1 when a load or a retrieval fails, or recall@k is under
// --min-recall; 2 for bad options or a missing or malformed file; 77 when a
// file is missing and --skip-missing-data is given.
int RunLocomoBench(int argc, char** argv);
}  // namespace mnemo::bench
