#pragma once

namespace mnemo::bench {
// `mnemo-bench snapshot [--facts N] [--log-writes L] [--writes W] [--runs R] [--dir DIR] [--recall]`:
// durability costs on a synthetic memory of N facts (default 1,000,000) and
// the entities they bind. Snapshot write time and size, against a raw write
// of the same bytes with the same syncs; open time (verify, decode, place;
// then L log records replayed), against reading the file's bytes, with the
// Cap'n Proto traversal alone shown beside it; the median of R runs
// (default 3). Then W single-fact writes (default 2000) under each fsync
// policy, against the same writes to an in-memory store, as writes/s.
// `--recall` also times the recall index rebuild that Database::Open adds
// (flat vectors), once. Returns 0, 1 when a step fails, 2 for bad options.
int RunSnapshotBench(int argc, char** argv);
}  // namespace mnemo::bench
