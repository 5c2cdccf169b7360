// mnemo-querytest: runs query test files (tests/queries/**/*.test).
//
//   mnemo-querytest FILE...
//
// Each file runs against its own fresh in-memory database. Failing blocks are
// printed as "<file>:<line>: <reason>" with the statement and the expected
// and actual rows; then one summary line per file. Exit status: 0 when every
// block passes, 1 when one fails, 2 on usage errors or an unreadable file.
#include <iostream>
#include <string>

#include "tests/queries/query_runner.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::cerr << "usage: mnemo-querytest FILE...\n"
                 "  Runs the statement/query blocks of each .test file (format: tests/queries/README.md).\n";
    return 2;
  }
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    const auto outcome = mnemo::querytest::RunQueryFile(path, std::cout);
    if (outcome.unreadable) {
      status = 2;
      continue;
    }
    std::cout << path << ": " << (outcome.blocks - outcome.failed) << "/" << outcome.blocks << " blocks passed"
              << std::endl;
    if (outcome.failed > 0 && status == 0) status = 1;
  }
  return status;
}
