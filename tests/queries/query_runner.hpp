// Runs the blocks of one query test file against a fresh in-memory Database.
//
// Thread-safety: each call opens its own Database.
#pragma once

#include <ostream>
#include <string>

namespace mnemo::querytest {

struct FileOutcome {
  int blocks = 0;
  int failed = 0;
  bool unreadable = false;  // the file could not be read or parsed (reported on `out`)
};

// Reports each failing block on `out` as "<path>:<line>: <reason>", followed
// by the statement and, for queries, the expected and actual rows.
FileOutcome RunQueryFile(const std::string& path, std::ostream& out);

}  // namespace mnemo::querytest
