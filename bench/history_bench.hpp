#pragma once

namespace mnemo::bench {
// Reading current facts of an entity with a long history (issue 4): MATCH of
// the one current lives_in fact of a person whose fact was superseded N times,
// against the same MATCH on a memory without history; plus one AS OF read in
// the middle of that history.
int RunHistoryBench(int argc, char** argv);
}  // namespace mnemo::bench
