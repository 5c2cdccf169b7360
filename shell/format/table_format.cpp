// The table format (the default): psql-like aligned tables for people.
//
//    name     | city
//   ----------+--------
//    Caroline | Berlin
//   (1 row)
//   Nodes created: 2, Properties set: 4
//   Time: 0.41 ms
//
// Strings are shown without quotes, null as `null`, numbers right-aligned.
// EXPLAIN prints its plan text instead of the rows that repeat it.
// Statements are separated by a blank line; errors go to `err`.
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "shell/format/cell_text.hpp"
#include "shell/format/error_report.hpp"
#include "shell/format/formats.hpp"
#include "shell/format/stats_text.hpp"

namespace mnemo::shell {

namespace {

class TableFormatter final : public Formatter {
 public:
  TableFormatter(const FormatOptions& options, std::ostream& out, std::ostream& err)
      : options_(options), out_(out), err_(err) {}

  void Write(const StatementOutcome& outcome, const StatementSource& source,
             const std::optional<Timing>& timing) override {
    if (!outcome.status.ok()) {
      out_.flush();  // keep stdout and stderr in statement order on a terminal
      err_ << ErrorReport(outcome, source);
      err_.flush();
      return;
    }
    if (wrote_before_) out_ << '\n';
    wrote_before_ = true;

    const QueryResult& result = outcome.result;
    if (!result.plan.empty()) {  // EXPLAIN: the plan text stands for its rows
      out_ << result.plan;
      if (result.plan.back() != '\n') out_ << '\n';
    } else if (!result.columns.empty()) {
      WriteTable(result);
    }
    for (const auto& notice : result.notices) out_ << "Notice: " << notice << '\n';
    const std::string effects = StatsText(result.stats);
    if (!effects.empty())
      out_ << effects << '\n';
    else if (result.columns.empty() && result.plan.empty())
      out_ << "OK\n";
    if (options_.timer && timing) out_ << TimingText(*timing) << '\n';
  }

 private:
  static bool IsNumber(const graph::Value& v) { return v.is_number(); }

  void WriteTable(const QueryResult& result) {
    const size_t n = result.columns.size();
    std::vector<std::vector<std::string>> cells(result.rows.size());
    std::vector<size_t> widths(n);
    for (size_t c = 0; c < n; ++c) widths[c] = DisplayWidth(EscapeControls(result.columns[c]));
    for (size_t r = 0; r < result.rows.size(); ++r) {
      const auto& row = result.rows[r];
      for (size_t c = 0; c < n; ++c) {
        cells[r].push_back(c < row.size() ? EscapeControls(CellText(result, row[c])) : "");
        widths[c] = std::max(widths[c], DisplayWidth(cells[r].back()));
      }
    }

    std::string line;
    for (size_t c = 0; c < n; ++c) AppendCell(line, EscapeControls(result.columns[c]), widths[c], false, c + 1 == n);
    out_ << line << '\n';
    line.clear();
    for (size_t c = 0; c < n; ++c) line += (c ? "+" : "") + std::string(widths[c] + 2, '-');
    out_ << line << '\n';
    for (size_t r = 0; r < cells.size(); ++r) {
      line.clear();
      for (size_t c = 0; c < n; ++c) {
        const bool right = c < result.rows[r].size() && IsNumber(result.rows[r][c]);
        AppendCell(line, cells[r][c], widths[c], right, c + 1 == n);
      }
      out_ << line << '\n';
    }
    out_ << '(' << result.rows.size() << (result.rows.size() == 1 ? " row)\n" : " rows)\n");
  }

  // " text    |" — no trailing blanks after the last column.
  static void AppendCell(std::string& line, const std::string& text, size_t width, bool right, bool last) {
    const std::string pad(width - DisplayWidth(text), ' ');
    line += ' ';
    if (right)
      line += pad + text;
    else
      line += last ? text : text + pad;
    if (!last) line += " |";
  }

  static std::string TimingText(const Timing& timing) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "Time: %.2f ms", timing.millis);
    std::string text = buf;
    if (timing.statements > 1) text += " (" + std::to_string(timing.statements) + " statements)";
    return text;
  }

  FormatOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  bool wrote_before_ = false;
};

}  // namespace

std::unique_ptr<Formatter> MakeTableFormatter(const FormatOptions& options, std::ostream& out, std::ostream& err) {
  return std::make_unique<TableFormatter>(options, out, err);
}

}  // namespace mnemo::shell
