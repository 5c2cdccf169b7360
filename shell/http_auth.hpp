// Bearer-token authentication of `mnemo serve` (RFC 6750).
//
// When the server has a token, a request must carry
// `Authorization: Bearer <token>`; otherwise it gets 401 with a
// WWW-Authenticate header. Without a token every request is accepted.
#pragma once

#include <string>
#include <string_view>

namespace mnemo::shell {

enum class AuthOutcome {
  kAccepted,    // no token is required, or the right one was sent
  kMissing,     // no Authorization header, or not a Bearer one
  kWrongToken,  // a Bearer token that is not the server's
};

// Checks an Authorization header value (empty when absent) against `token`
// (empty: no token required). The comparison takes the same time wherever
// the tokens first differ.
AuthOutcome CheckBearer(std::string_view authorization, std::string_view token);

// The WWW-Authenticate header value for a rejected request.
std::string AuthChallenge(AuthOutcome outcome);

// The message of the 401 body for a rejected request.
std::string AuthMessage(AuthOutcome outcome);

}  // namespace mnemo::shell
