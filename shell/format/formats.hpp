// The three concrete formatters, made through MakeFormatter (formatter.hpp).
#pragma once

#include <iosfwd>
#include <memory>

#include "shell/format/formatter.hpp"

namespace mnemo::shell {

std::unique_ptr<Formatter> MakeTableFormatter(const FormatOptions& options, std::ostream& out, std::ostream& err);
std::unique_ptr<Formatter> MakeJsonFormatter(std::ostream& out);
std::unique_ptr<Formatter> MakeCsvFormatter(std::ostream& out, std::ostream& err);

}  // namespace mnemo::shell
