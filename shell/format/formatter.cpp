#include "shell/format/formatter.hpp"

#include "shell/format/formats.hpp"

namespace mnemo::shell {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  return std::nullopt;
}

std::unique_ptr<Formatter> MakeFormatter(OutputFormat format, const FormatOptions& options, std::ostream& out,
                                         std::ostream& err) {
  switch (format) {
    case OutputFormat::kJson:
      return MakeJsonFormatter(out);
    case OutputFormat::kCsv:
      return MakeCsvFormatter(out, err);
    case OutputFormat::kTable:
      break;
  }
  return MakeTableFormatter(options, out, err);
}

}  // namespace mnemo::shell
