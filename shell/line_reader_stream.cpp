// The stream LineReader: lines from a file or a pipe, no prompt, no history.
#include <istream>

#include "shell/line_reader.hpp"

namespace mnemo::shell {

namespace {

class StreamReader final : public LineReader {
 public:
  explicit StreamReader(std::istream& in) : in_(in) {}

  ReadStatus ReadLine(std::string_view /*prompt*/, std::string& line) override {
    if (!std::getline(in_, line)) return ReadStatus::kEndOfInput;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return ReadStatus::kLine;
  }

  void AddHistory(const std::string& /*entry*/) override {}

 private:
  std::istream& in_;
};

}  // namespace

std::unique_ptr<LineReader> MakeStreamReader(std::istream& in) { return std::make_unique<StreamReader>(in); }

}  // namespace mnemo::shell
