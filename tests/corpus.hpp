// Reads a test corpus: one input per line, `#` comments and blank lines
// skipped, `\xHH` standing for the byte HH (binary input, newlines).
#pragma once

#include <fstream>
#include <string>
#include <vector>

namespace mnemo::testing {

inline int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Replaces \xHH by the byte HH; everything else is kept as written.
inline std::string Unescape(const std::string& line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 3 < line.size() && line[i + 1] == 'x' && HexDigit(line[i + 2]) >= 0 &&
        HexDigit(line[i + 3]) >= 0) {
      out.push_back(static_cast<char>(HexDigit(line[i + 2]) * 16 + HexDigit(line[i + 3])));
      i += 3;
    } else {
      out.push_back(line[i]);
    }
  }
  return out;
}

inline std::vector<std::string> ReadCorpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') out.push_back(Unescape(line));
  }
  return out;
}

}  // namespace mnemo::testing
