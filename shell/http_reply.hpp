// HTTP replies of `mnemo serve`: a status, a JSON body and extra headers.
// Building them needs no network, so they are tested without a server.
//
// Every error body has one shape, the one `mnemo query --format json` prints:
//   {"error":{"code":"SyntaxError","message":"...","line":1,"column":8}}
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

struct HttpReply {
  int status = 200;
  std::string body;  // JSON text
  std::vector<std::pair<std::string, std::string>> headers;
};

// The HTTP status of a failure: 500 when the server is at fault (Internal,
// Corruption, IOError), 422 for every other code (the request's statement
// is at fault: SyntaxError, BindError, TypeError, Unsupported, ...).
int HttpStatusOf(StatusCode code);

// {"error":{"code": code, "message": message}} with `status`.
HttpReply ErrorReply(int status, std::string_view code, std::string_view message);

// The reply of POST /query for the outcomes of one script:
//  - one statement: its object exactly as `mnemo query --format json` prints it;
//  - none or several: {"results":[object, ...]}, one object per statement.
// A result with more than `max_rows` rows (0: no limit) keeps its first
// `max_rows` rows and gains "truncated":true and "total_rows":N.
// Status: 200 when every statement succeeded, else HttpStatusOf() the first
// failed statement's code (the body still holds every statement's object).
HttpReply QueryReply(std::vector<StatementOutcome> outcomes, size_t max_rows);

}  // namespace mnemo::shell
