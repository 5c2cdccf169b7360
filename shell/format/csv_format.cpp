// The CSV format (RFC 4180): a header row, then one record per row, CRLF line
// ends; a field is quoted when it holds a comma, a double quote, CR or LF
// (quotes doubled), or is the empty string. null is an empty unquoted field,
// so `""` (empty string) and `` (null) differ. The result sets of several
// statements are separated by an empty line; statements without columns
// print nothing. Errors go to `err` as in the table format.
#include <ostream>

#include "shell/format/cell_text.hpp"
#include "shell/format/csv_field.hpp"
#include "shell/format/error_report.hpp"
#include "shell/format/formats.hpp"

namespace mnemo::shell {

namespace {

class CsvFormatter final : public Formatter {
 public:
  CsvFormatter(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  void Write(const StatementOutcome& outcome, const StatementSource& source, const std::optional<Timing>&) override {
    if (!outcome.status.ok()) {
      out_.flush();
      err_ << ErrorReport(outcome, source);
      err_.flush();
      return;
    }
    const QueryResult& result = outcome.result;
    if (result.columns.empty()) return;
    if (wrote_before_) out_ << "\r\n";
    wrote_before_ = true;
    std::string record;
    for (size_t c = 0; c < result.columns.size(); ++c) record += (c ? "," : "") + CsvField(result.columns[c]);
    out_ << record << "\r\n";
    for (const auto& row : result.rows) {
      record.clear();
      for (size_t c = 0; c < row.size(); ++c) {
        if (c) record += ',';
        if (!row[c].is_null()) record += CsvField(CellText(result, row[c]));
      }
      out_ << record << "\r\n";
    }
  }

 private:
  std::ostream& out_;
  std::ostream& err_;
  bool wrote_before_ = false;
};

}  // namespace

std::unique_ptr<Formatter> MakeCsvFormatter(std::ostream& out, std::ostream& err) {
  return std::make_unique<CsvFormatter>(out, err);
}

}  // namespace mnemo::shell
