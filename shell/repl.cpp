#include "shell/repl.hpp"

#include <algorithm>
#include <ostream>
#include <string>

#include "shell/dot_commands.hpp"
#include "shell/repl_scanner.hpp"

namespace mnemo::shell {

namespace {

// The text that error positions count lines in, outside a terminal: a '\n'
// for each line before the pending entry (their text is no longer needed),
// then the lines read since. One byte per line read, plus the pending entry.
class Transcript {
 public:
  void Add(std::string_view line) { text_.append(line).push_back('\n'); }
  // Keeps only the count of the lines added so far.
  void Settle() {
    const auto lines = static_cast<size_t>(std::count(text_.begin() + settled_, text_.end(), '\n'));
    text_.resize(settled_);
    text_.append(lines, '\n');
    settled_ = text_.size();
  }
  std::string_view text() const { return text_; }

 private:
  std::string text_;
  size_t settled_ = 0;  // text_[0, settled_) is all '\n'
};

}  // namespace

int RunRepl(ReplSession& session, LineReader& reader) {
  const bool interactive = session.settings().interactive;
  std::string entry;         // the lines of the statement being typed
  StatementScanner scanner;  // over `entry`
  int line_number = 0;       // lines read so far
  int entry_line = 0;        // the line where `entry` starts
  Transcript transcript;     // not interactive only
  bool failed = false;

  auto drop_entry = [&] {
    entry.clear();
    scanner.Reset();
    if (!interactive) transcript.Settle();
  };
  auto run_entry = [&] {
    reader.AddHistory(entry);
    ScriptOrigin origin;
    if (!interactive) origin = ScriptOrigin{"<stdin>", transcript.text(), entry_line};
    failed = !session.RunScript(entry, origin) || failed;
    drop_entry();
  };

  while (true) {
    std::string line;
    const ReadStatus status = reader.ReadLine(entry.empty() ? kPrompt : kContinuationPrompt, line);
    if (status == ReadStatus::kInterrupted) {
      drop_entry();
      continue;
    }
    if (status == ReadStatus::kEndOfInput) {
      if (!entry.empty()) run_entry();
      if (interactive) session.out() << '\n';
      break;
    }
    const int first_line = line_number + 1;
    line_number += 1 + static_cast<int>(std::count(line.begin(), line.end(), '\n'));  // a pasted line may hold several
    if (!interactive) transcript.Add(line);

    if (entry.empty() && IsDotCommand(line)) {
      reader.AddHistory(line);
      const DotOutcome outcome = RunDotCommand(session, line);
      if (outcome == DotOutcome::kQuit) break;
      failed = failed || outcome == DotOutcome::kFailed;
      drop_entry();
      continue;
    }
    if (entry.empty()) entry_line = first_line;
    if (!entry.empty()) entry.push_back('\n');
    entry += line;
    scanner.Feed(line);
    scanner.Feed("\n");
    if (scanner.blank()) {  // blanks and comments only: nothing to run
      drop_entry();
    } else if (EndsStatement(entry, scanner)) {
      run_entry();
    }
  }
  session.out().flush();
  return !interactive && failed ? 1 : 0;
}

}  // namespace mnemo::shell
