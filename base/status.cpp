#include "base/status.hpp"

namespace mnemo {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kSyntaxError: return "SyntaxError";
    case StatusCode::kBindError: return "BindError";
    case StatusCode::kSchemaViolation: return "SchemaViolation";
    case StatusCode::kConstraint: return "ConstraintViolation";
    case StatusCode::kTypeError: return "TypeError";
    case StatusCode::kNotFound: return "NotFound";
    case StatusCode::kInvalidArgument: return "InvalidArgument";
    case StatusCode::kUnsupported: return "Unsupported";
    case StatusCode::kCorruption: return "Corruption";
    case StatusCode::kIOError: return "IOError";
    case StatusCode::kResourceLimit: return "ResourceLimit";
    case StatusCode::kInternal: return "Internal";
  }
  return "Unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(StatusCodeName(code_));
  if (has_position()) out += " at " + std::to_string(line_) + ":" + std::to_string(column_);
  out += ": ";
  out += message_;
  return out;
}

}  // namespace mnemo
