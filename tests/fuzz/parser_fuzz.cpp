// libFuzzer target for the parser (build with clang -fsanitize=fuzzer,address).
//
// Properties checked on every input:
//  - Parse never crashes, hangs or overflows the stack;
//  - a failure is a SyntaxError or ResourceLimit with a position (line and
//    column >= 1), and FormatErrorWithCaret copes with it;
//  - a success prints (ast_printer) to text that parses to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lang/ast_printer.hpp"
#include "lang/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = mnemo::lang::Parse(text);
  if (!result.ok()) {
    const mnemo::Status& st = result.status();
    const bool expected_code =
        st.code() == mnemo::StatusCode::kSyntaxError || st.code() == mnemo::StatusCode::kResourceLimit;
    if (!expected_code || st.line() < 1 || st.column() < 1) std::abort();
    (void)mnemo::lang::FormatErrorWithCaret(text, st);
    return 0;
  }
  for (const auto& statement : result->statements) {
    if (statement.offset + statement.length > size) std::abort();
    const std::string printed = mnemo::lang::ToString(statement);
    auto again = mnemo::lang::Parse(printed);
    if (!again.ok() || again->statements.size() != 1) std::abort();
    if (mnemo::lang::ToString(again->statements[0]) != printed) std::abort();
  }
  return 0;
}
