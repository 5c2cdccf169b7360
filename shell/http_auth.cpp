#include "shell/http_auth.hpp"

#include <cctype>

namespace mnemo::shell {

namespace {

// Equal contents, in time that depends on the lengths only.
bool SameToken(std::string_view a, std::string_view b) {
  unsigned char differ = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) differ |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : ~a[i]));
  return differ == 0;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

}  // namespace

AuthOutcome CheckBearer(std::string_view authorization, std::string_view token) {
  if (token.empty()) return AuthOutcome::kAccepted;
  constexpr std::string_view kScheme = "Bearer ";
  if (!StartsWithNoCase(authorization, kScheme)) return AuthOutcome::kMissing;
  std::string_view sent = authorization.substr(kScheme.size());
  while (!sent.empty() && sent.front() == ' ') sent.remove_prefix(1);
  while (!sent.empty() && sent.back() == ' ') sent.remove_suffix(1);
  return SameToken(sent, token) ? AuthOutcome::kAccepted : AuthOutcome::kWrongToken;
}

std::string AuthChallenge(AuthOutcome outcome) {
  if (outcome == AuthOutcome::kWrongToken) return R"(Bearer realm="mnemo", error="invalid_token")";
  return R"(Bearer realm="mnemo")";
}

std::string AuthMessage(AuthOutcome outcome) {
  if (outcome == AuthOutcome::kWrongToken) return "the bearer token is wrong";
  return "this server needs a bearer token: send 'Authorization: Bearer <token>'";
}

}  // namespace mnemo::shell
