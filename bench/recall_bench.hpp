#pragma once

namespace mnemo::bench {
// `mnemo-bench recall [--episodes N] [--queries Q] [--seed S] [--json]`:
// ingest of a synthetic memory (synthetic_memory.hpp) through the typed
// API, then RECALL latency in four channel configurations, beside raw BM25
// (index::KeywordIndex) and raw Faiss HNSW (index::VectorIndex) searches over
// the same texts and vectors, single thread. Returns 0, 1 when loading or a
// RECALL fails, 2 for bad options.
int RunRecallBench(int argc, char** argv);
}  // namespace mnemo::bench
