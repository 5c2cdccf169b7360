// The terminal LineReader, on GNU readline's callback interface.
//
// The callback interface lets the shell wait for input with pselect(), so
// that Ctrl-C (SIGINT) drops the line being typed and shows a fresh prompt
// instead of ending the process, and a resized window is noticed. Readline's
// own signal handlers are off (rl_catch_signals = 0): SIGINT and SIGWINCH only
// set flags, handled between keystrokes. Ctrl-C while a statement runs does
// nothing (statements cannot be cancelled).
//
// History entries may span several lines; the file stores them with "#<time>"
// lines between entries, so that multi-line statements come back whole.
#include <fcntl.h>
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ostream>

// readline.h needs <cstdio> first.
#include <readline/history.h>
#include <readline/readline.h>

#include "shell/line_reader.hpp"

namespace mnemo::shell {

namespace {

constexpr int kHistoryEntries = 2000;

volatile sig_atomic_t g_interrupted = 0;
volatile sig_atomic_t g_resized = 0;

extern "C" void OnInterrupt(int) { g_interrupted = 1; }
extern "C" void OnResize(int) { g_resized = 1; }

// The line handed over by readline's line handler.
struct PendingLine {
  bool done = false;
  bool end_of_input = false;
  std::string text;
};
PendingLine g_pending;

extern "C" void OnLine(char* text) {
  g_pending.done = true;
  if (text == nullptr) {
    g_pending.end_of_input = true;
  } else {
    g_pending.text = text;
    std::free(text);
  }
  rl_callback_handler_remove();  // restores the terminal while the statement runs
}

class TerminalReader;
TerminalReader* g_reader = nullptr;  // the live terminal reader: readline is process-global

// Word separators for completion: blanks only where the completer says so
// (file names), the language's punctuation elsewhere.
char kBlanks[] = " \t\n";
char kStatementBreaks[] = " \t\n\"'`@$><=;|&{}()[],:.+-*/%!^~";

class TerminalReader final : public LineReader {
 public:
  TerminalReader(const std::string& history_file, Completer completer, std::ostream& warnings)
      : history_file_(history_file), completer_(std::move(completer)), warnings_(warnings) {
    g_reader = this;
    rl_readline_name = "mnemo";
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_attempted_completion_function = &TerminalReader::AttemptCompletion;
    rl_completion_word_break_hook = &TerminalReader::WordBreaks;
    rl_basic_word_break_characters = kStatementBreaks;

    using_history();
    stifle_history(kHistoryEntries);
    history_write_timestamps = 1;
    history_multiline_entries = 1;
    history_comment_char = '#';
    if (!history_file_.empty()) {
      const int fd = ::open(history_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (fd < 0) {
        Warn(std::strerror(errno));
        history_file_.clear();  // history lives in this session only
      } else {
        ::close(fd);
        read_history(history_file_.c_str());
      }
    }

    struct sigaction action {};
    sigemptyset(&action.sa_mask);
    action.sa_handler = &OnInterrupt;  // no SA_RESTART: pselect must see EINTR
    sigaction(SIGINT, &action, &old_interrupt_);
    action.sa_handler = &OnResize;
    sigaction(SIGWINCH, &action, &old_resize_);
  }

  ~TerminalReader() override {
    if (!history_file_.empty()) history_truncate_file(history_file_.c_str(), kHistoryEntries);
    sigaction(SIGINT, &old_interrupt_, nullptr);
    sigaction(SIGWINCH, &old_resize_, nullptr);
    rl_attempted_completion_function = nullptr;
    rl_completion_word_break_hook = nullptr;
    g_reader = nullptr;
  }

  TerminalReader(const TerminalReader&) = delete;
  TerminalReader& operator=(const TerminalReader&) = delete;

  ReadStatus ReadLine(std::string_view prompt, std::string& line) override {
    g_pending = PendingLine{};
    g_interrupted = 0;  // a Ctrl-C pressed while a statement ran is dropped
    prompt_ = std::string(prompt);

    sigset_t handled, outside;
    sigemptyset(&handled);
    sigaddset(&handled, SIGINT);
    sigaddset(&handled, SIGWINCH);
    sigprocmask(SIG_BLOCK, &handled, &outside);
    sigset_t waiting = outside;  // the signals are only delivered inside pselect
    sigdelset(&waiting, SIGINT);
    sigdelset(&waiting, SIGWINCH);

    rl_callback_handler_install(prompt_.c_str(), &OnLine);
    ReadStatus status = ReadStatus::kLine;
    while (!g_pending.done) {
      if (g_interrupted) {  // show "^C" after the dropped line, then leave it
        g_interrupted = 0;
        FILE* out = rl_outstream ? rl_outstream : stdout;
        rl_point = rl_end;
        rl_redisplay();
        std::fputs("^C\n", out);
        std::fflush(out);
        rl_replace_line("", 0);
        rl_free_line_state();
        rl_callback_sigcleanup();
        rl_callback_handler_remove();
        status = ReadStatus::kInterrupted;
        break;
      }
      if (g_resized) {
        g_resized = 0;
        rl_resize_terminal();
      }
      const int fd = fileno(rl_instream ? rl_instream : stdin);
      fd_set readable;
      FD_ZERO(&readable);
      FD_SET(fd, &readable);
      const int ready = pselect(fd + 1, &readable, nullptr, nullptr, nullptr, &waiting);
      if (ready < 0) {
        if (errno == EINTR) continue;
        rl_callback_handler_remove();
        status = ReadStatus::kEndOfInput;
        break;
      }
      rl_callback_read_char();
    }
    sigprocmask(SIG_SETMASK, &outside, nullptr);

    if (status != ReadStatus::kLine) return status;
    if (g_pending.end_of_input) return ReadStatus::kEndOfInput;
    line = std::move(g_pending.text);
    return ReadStatus::kLine;
  }

  void AddHistory(const std::string& entry) override {
    if (entry.find_first_not_of(" \t\r\n") == std::string::npos) return;
    if (history_length > 0) {
      const HIST_ENTRY* last = history_get(history_base + history_length - 1);
      if (last && last->line && entry == last->line) return;  // no repeated entries
    }
    add_history(entry.c_str());
    if (history_file_.empty()) return;
    const int error = append_history(1, history_file_.c_str());
    if (error != 0) Warn(std::strerror(error));
  }

 private:
  void Warn(const char* why) {
    if (warned_) return;
    warned_ = true;
    warnings_ << "mnemo: history will not be saved to '" << history_file_ << "': " << why << '\n';
  }

  // Readline calls these through C function pointers: no exception may leave them.
  static char** AttemptCompletion(const char* text, int start, int end) {
    rl_attempted_completion_over = 1;  // no fallback to file names unless asked
    if (g_reader == nullptr || !g_reader->completer_.complete || start < 0 || end < start) return nullptr;
    try {
      const CompletionRequest request{std::string_view(rl_line_buffer, static_cast<size_t>(end)),
                                      static_cast<size_t>(start)};
      Completions completions = g_reader->completer_.complete(request);
      if (completions.file_names) return rl_completion_matches(text, rl_filename_completion_function);
      g_reader->matches_ = std::move(completions.words);
      if (g_reader->matches_.empty()) return nullptr;
      return rl_completion_matches(text, &TerminalReader::NextMatch);
    } catch (...) {
      return nullptr;
    }
  }

  static char* NextMatch(const char* /*text*/, int state) {
    static size_t next = 0;
    if (state == 0) next = 0;
    if (g_reader == nullptr || next >= g_reader->matches_.size()) return nullptr;
    return strdup(g_reader->matches_[next++].c_str());
  }

  static char* WordBreaks() {
    if (g_reader == nullptr || !g_reader->completer_.blank_separated || rl_point < 0) return kStatementBreaks;
    try {
      const bool blanks =
          g_reader->completer_.blank_separated(std::string_view(rl_line_buffer, static_cast<size_t>(rl_point)));
      return blanks ? kBlanks : kStatementBreaks;
    } catch (...) {
      return kStatementBreaks;
    }
  }

  std::string history_file_;
  Completer completer_;
  std::ostream& warnings_;
  bool warned_ = false;
  std::string prompt_;
  std::vector<std::string> matches_;
  struct sigaction old_interrupt_ {};
  struct sigaction old_resize_ {};
};

}  // namespace

std::unique_ptr<LineReader> MakeTerminalReader(const std::string& history_file, Completer completer,
                                               std::ostream& warnings) {
  return std::make_unique<TerminalReader>(history_file, std::move(completer), warnings);
}

}  // namespace mnemo::shell
