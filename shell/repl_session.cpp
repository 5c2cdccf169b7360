#include "shell/repl_session.hpp"

#include <chrono>
#include <ostream>

namespace mnemo::shell {

namespace {

// The statement's own run time when the engine reports one (a StatementOutcome
// with `elapsed_ms`); otherwise the session times the whole entry.
template <typename Outcome>
std::optional<Timing> StatementTiming(const Outcome& outcome) {
  if constexpr (requires { outcome.elapsed_ms; }) {
    return Timing{static_cast<double>(outcome.elapsed_ms), 1};
  } else {
    return std::nullopt;
  }
}

// Moves the positions of `outcome` down by `lines` lines.
void ShiftLines(StatementOutcome& outcome, int lines) {
  if (lines == 0) return;
  if (outcome.line > 0) outcome.line += lines;
  const Status& s = outcome.status;
  if (s.has_position()) outcome.status = Status(s.code(), s.message(), s.line() + lines, s.column());
}

}  // namespace

ReplSession::ReplSession(Connection& conn, ReplSettings settings, std::ostream& out, std::ostream& err)
    : conn_(conn), settings_(std::move(settings)), out_(out), err_(err) {}

ReplSession::~ReplSession() = default;

void ReplSession::SetFormat(OutputFormat format) {
  settings_.format = format;
  DropFormatter();
}

void ReplSession::SetTimer(bool on) {
  settings_.timer = on;
  DropFormatter();
}

void ReplSession::DropFormatter() {
  formatter_.reset();
  separate_next_ = printed_;
}

void ReplSession::BeforeResult() {
  if (settings_.interactive) return;
  if (separate_next_ && settings_.format == OutputFormat::kTable) out_ << '\n';
  separate_next_ = false;
  printed_ = true;
}

Formatter& ReplSession::formatter() {
  if (!formatter_) {
    FormatOptions options;
    options.timer = settings_.timer;
    formatter_ = MakeFormatter(settings_.format, options, out_, err_);
  }
  return *formatter_;
}

const CompletionCatalog& ReplSession::catalog() {
  if (catalog_stale_) {
    catalog_ = conn_.Read([](const graph::Hypergraph& store) { return ReadCompletionCatalog(store); });
    catalog_stale_ = false;
  }
  return catalog_;
}

bool ReplSession::RunScript(std::string_view script, const ScriptOrigin& origin) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<StatementOutcome> outcomes = conn_.Run(script, settings_.params);
  const double millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  catalog_stale_ = true;

  const bool in_whole = !origin.whole.empty();
  const StatementSource source{in_whole ? origin.whole : script, origin.name};
  const int shift = in_whole ? origin.first_line - 1 : 0;
  if (settings_.interactive) formatter_.reset();  // each entry starts afresh
  Formatter& out = formatter();

  // Without per-statement times, the last successful statement shows the entry's.
  size_t shows_entry_time = outcomes.size();
  for (size_t i = 0; i < outcomes.size(); ++i)
    if (outcomes[i].status.ok()) shows_entry_time = i;
  bool all_ok = true;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    ShiftLines(outcomes[i], shift);
    std::optional<Timing> timing = StatementTiming(outcomes[i]);
    if (!timing && i == shows_entry_time) timing = Timing{millis, outcomes.size()};
    if (outcomes[i].status.ok()) BeforeResult();
    out.Write(outcomes[i], source, timing);
    all_ok = all_ok && outcomes[i].status.ok();
  }
  if (settings_.interactive && settings_.format == OutputFormat::kTable && shows_entry_time < outcomes.size())
    out_ << '\n';
  out_.flush();
  return all_ok;
}

void ReplSession::Show(const QueryResult& result) {
  if (settings_.interactive) formatter_.reset();
  StatementOutcome outcome;
  outcome.result = result;
  BeforeResult();
  formatter().Write(outcome, StatementSource{}, std::nullopt);
  if (settings_.interactive && settings_.format == OutputFormat::kTable) out_ << '\n';
  out_.flush();
}

}  // namespace mnemo::shell
