// LineReader: where the interactive shell gets its input lines from.
//
// Two kinds: a terminal reader (GNU readline: line editing, persistent
// history, tab completion, Ctrl-C clears the line) and a stream reader (plain
// lines from a file or a pipe, no prompt, no history).
//
// Thread-safety: none; a reader belongs to the thread running the shell. At
// most one terminal reader may exist at a time (readline is process-global).
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mnemo::shell {

enum class ReadStatus {
  kLine,         // a line was read (without its line end)
  kEndOfInput,   // Ctrl-D on an empty line, or the end of the stream
  kInterrupted,  // Ctrl-C: the line being typed was dropped
};

class LineReader {
 public:
  virtual ~LineReader() = default;
  // Shows `prompt` (terminal only) and reads one line into `line`.
  virtual ReadStatus ReadLine(std::string_view prompt, std::string& line) = 0;
  // Remembers a whole entry (a statement, possibly of several lines, or a dot
  // command) for recall with the up arrow, and saves it to the history file.
  virtual void AddHistory(const std::string& entry) = 0;
};

// What a completion request sees: the line up to the cursor and where the
// word being completed starts in it.
struct CompletionRequest {
  std::string_view line;  // the current line, up to the cursor
  size_t word_start = 0;  // the word being completed is line.substr(word_start)
};

// What to offer for a completion request.
struct Completions {
  std::vector<std::string> words;  // whole replacement words, sorted, no duplicates
  bool file_names = false;         // complete a file name instead of `words`
};

// How the Tab key is answered.
struct Completer {
  std::function<Completions(const CompletionRequest&)> complete;
  // Whether the words of `line` (up to the cursor) are separated by blanks
  // only (file names) rather than also by the language's punctuation.
  std::function<bool(std::string_view line)> blank_separated;
};

// A reader of plain lines from `in` (which must outlive it). A final line
// without a line end is still a line; "\r\n" line ends lose their '\r'.
std::unique_ptr<LineReader> MakeStreamReader(std::istream& in);

// A GNU readline reader on the process's terminal. `history_file` is loaded at
// start and appended to with every entry (empty: history is not saved);
// `completer` answers the Tab key. When the history file cannot be written,
// one warning goes to `warnings`.
std::unique_ptr<LineReader> MakeTerminalReader(const std::string& history_file, Completer completer,
                                               std::ostream& warnings);

}  // namespace mnemo::shell
