#include "bench/locomo_conversation.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace mnemo::bench::locomo {

namespace {

using nlohmann::json;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Reads a non-negative decimal number at the front of `s`, consuming it.
std::optional<int> TakeNumber(std::string_view& s) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || v < 0) return std::nullopt;
  s.remove_prefix(static_cast<size_t>(end - s.data()));
  return v;
}

// The N of `<prefix>N<suffix>`, or nullopt.
std::optional<int> SessionNumberOf(std::string_view key, std::string_view prefix, std::string_view suffix) {
  if (key.size() <= prefix.size() + suffix.size() || !key.starts_with(prefix) || !key.ends_with(suffix))
    return std::nullopt;
  std::string_view digits = key.substr(prefix.size(), key.size() - prefix.size() - suffix.size());
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  return TakeNumber(digits);
}

// Errors name the file and the key being read.
struct Reader {
  const std::string& file;

  Status Bad(const std::string& where, const std::string& what) const {
    return Status::Corruption(file + ": " + where + ": " + what);
  }
  Result<std::string> String(const json& parent, const char* key, const std::string& where, bool required) const {
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) {
      if (required) return Bad(where, std::string("missing \"") + key + "\"");
      return std::string();
    }
    if (!it->is_string()) return Bad(where, std::string("\"") + key + "\" is not a string");
    return it->get<std::string>();
  }
};

// Splits an evidence entry as written ("D8:6; D9:17") into its ids and
// normalises each against the turns of the conversation.
void AddEvidence(std::string_view written, const std::unordered_set<std::string>& turns, std::vector<std::string>& out,
                 EvidenceRepairs& repairs) {
  const bool split = written.find_first_of(";,") != std::string_view::npos;
  size_t pos = 0;
  while (pos <= written.size()) {
    const size_t end = std::min(written.find_first_of(";,", pos), written.size());
    const std::string_view part = Trim(written.substr(pos, end - pos));
    pos = end + 1;
    if (part.empty()) continue;
    bool repaired = split;
    const std::string id = NormaliseDiaId(part, &repaired);
    if (id.empty() || !turns.count(id)) {
      ++repairs.dropped;
      repairs.dropped_ids.emplace_back(part);
      continue;
    }
    if (repaired) ++repairs.normalised;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
}

Status ParseTurns(const Reader& r, const json& list, Session& session) {
  const std::string where = "session_" + std::to_string(session.number);
  for (size_t i = 0; i < list.size(); ++i) {
    const json& t = list[i];
    const std::string at = where + "[" + std::to_string(i) + "]";
    if (!t.is_object()) return r.Bad(at, "a turn is not an object");
    Turn turn;
    MNEMO_ASSIGN_OR_RETURN(const std::string dia_id, r.String(t, "dia_id", at, true));
    MNEMO_ASSIGN_OR_RETURN(turn.speaker, r.String(t, "speaker", at, true));
    MNEMO_ASSIGN_OR_RETURN(turn.text, r.String(t, "text", at, true));
    MNEMO_ASSIGN_OR_RETURN(turn.caption, r.String(t, "blip_caption", at, false));
    bool repaired = false;
    turn.dia_id = NormaliseDiaId(dia_id, &repaired);
    if (turn.dia_id.empty()) return r.Bad(at, "dia_id \"" + dia_id + "\" is not of the form D<session>:<turn>");
    session.turns.push_back(std::move(turn));
  }
  return Status::OK();
}

Status ParseEvents(const Reader& r, const json& events, Session& session) {
  const std::string where = "events_session_" + std::to_string(session.number);
  if (!events.is_object()) return r.Bad(where, "not an object");
  for (const auto& [speaker, list] : events.items()) {
    if (speaker == "date") continue;
    if (!list.is_array()) return r.Bad(where, "\"" + speaker + "\" is not a list");
    for (const json& e : list) {
      if (!e.is_string()) return r.Bad(where, "an event of \"" + speaker + "\" is not a string");
      session.events.push_back({speaker, e.get<std::string>()});
    }
  }
  return Status::OK();
}

Status ParseObservations(const Reader& r, int number, const json& obs, const std::unordered_set<std::string>& turns,
                         Conversation& c) {
  const std::string where = "session_" + std::to_string(number) + "_observation";
  if (!obs.is_object()) return r.Bad(where, "not an object");
  for (const auto& [speaker, list] : obs.items()) {
    if (!list.is_array()) return r.Bad(where, "\"" + speaker + "\" is not a list");
    for (const json& item : list) {
      if (!item.is_array() || item.empty() || !item[0].is_string())
        return r.Bad(where, "an observation of \"" + speaker + "\" is not [text, evidence]");
      Observation o{number, speaker, item[0].get<std::string>(), {}};
      if (item.size() > 1) {
        const json& ev = item[1];
        if (ev.is_string())
          AddEvidence(ev.get<std::string>(), turns, o.evidence, c.repairs);
        else if (ev.is_array())
          for (const json& e : ev)
            if (e.is_string()) AddEvidence(e.get<std::string>(), turns, o.evidence, c.repairs);
      }
      c.dialogue.observations.push_back(std::move(o));
    }
  }
  return Status::OK();
}

Status ParseQuestions(const Reader& r, const json& qa, const std::unordered_set<std::string>& turns, Conversation& c) {
  if (!qa.is_array()) return r.Bad("qa", "not a list");
  for (size_t i = 0; i < qa.size(); ++i) {
    const json& q = qa[i];
    const std::string at = "qa[" + std::to_string(i) + "]";
    if (!q.is_object()) return r.Bad(at, "not an object");
    Question question;
    MNEMO_ASSIGN_OR_RETURN(question.question, r.String(q, "question", at, true));
    const auto cat = q.find("category");
    if (cat == q.end() || !cat->is_number_integer()) return r.Bad(at, "\"category\" is missing or not an integer");
    question.category = cat->get<int>();
    const auto ev = q.find("evidence");
    if (ev != q.end() && ev->is_array())
      for (const json& e : *ev)
        if (e.is_string()) AddEvidence(e.get<std::string>(), turns, question.evidence, c.repairs);
    c.questions.push_back(std::move(question));
  }
  return Status::OK();
}

Status Parse(const Reader& r, const json& doc, Conversation& c) {
  if (!doc.is_object()) return r.Bad("top level", "not an object");
  MNEMO_ASSIGN_OR_RETURN(c.dialogue.speaker_a, r.String(doc, "speaker_a", "top level", true));
  MNEMO_ASSIGN_OR_RETURN(c.dialogue.speaker_b, r.String(doc, "speaker_b", "top level", true));

  // Sessions first (they define the turns evidence may cite), then the rest.
  std::map<int, Session> sessions;
  for (const auto& [key, value] : doc.items()) {
    const auto n = SessionNumberOf(key, "session_", "");
    if (!n) continue;
    if (!value.is_array()) return r.Bad(key, "not a list of turns");
    Session& s = sessions[*n];
    s.number = *n;
    MNEMO_RETURN_IF_ERROR(ParseTurns(r, value, s));
  }
  std::unordered_set<std::string> turns;
  for (auto& [n, s] : sessions) {
    const std::string key = "session_" + std::to_string(n) + "_date_time";
    MNEMO_ASSIGN_OR_RETURN(s.date_time, r.String(doc, key.c_str(), key, true));
    const auto t = ParseDateTime(s.date_time);
    if (!t) return r.Bad(key, "\"" + s.date_time + "\" is not a time like \"1:56 pm on 8 May, 2023\"");
    s.time = *t;
    for (const Turn& turn : s.turns)
      if (!turns.insert(turn.dia_id).second)
        return r.Bad("session_" + std::to_string(n), "turn " + turn.dia_id + " appears twice");
  }
  for (const auto& [key, value] : doc.items()) {
    if (const auto n = SessionNumberOf(key, "session_", "_summary"); n && sessions.count(*n)) {
      if (!value.is_string()) return r.Bad(key, "not a string");
      sessions[*n].summary = value.get<std::string>();
    } else if (const auto n = SessionNumberOf(key, "events_session_", ""); n && sessions.count(*n)) {
      MNEMO_RETURN_IF_ERROR(ParseEvents(r, value, sessions[*n]));
    } else if (const auto n = SessionNumberOf(key, "session_", "_observation"); n && sessions.count(*n)) {
      MNEMO_RETURN_IF_ERROR(ParseObservations(r, *n, value, turns, c));
    }
  }
  for (auto& [n, s] : sessions)
    if (!s.turns.empty()) c.dialogue.sessions.push_back(std::move(s));
  const auto qa = doc.find("qa");
  if (qa == doc.end()) return r.Bad("top level", "missing \"qa\"");
  return ParseQuestions(r, *qa, turns, c);
}

constexpr const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};

}  // namespace

std::optional<temporal::Timestamp> ParseDateTime(std::string_view text) {
  std::string_view s = Trim(text);
  const auto hour = TakeNumber(s);
  if (!hour || s.empty() || s.front() != ':') return std::nullopt;
  s.remove_prefix(1);
  const auto minute = TakeNumber(s);
  s = Trim(s);
  if (!minute || *hour < 1 || *hour > 12 || *minute > 59 || s.size() < 2) return std::nullopt;
  const std::string half = Lower(s.substr(0, 2));
  if (half != "am" && half != "pm") return std::nullopt;
  s = Trim(s.substr(2));
  if (!s.starts_with("on ")) return std::nullopt;
  s = Trim(s.substr(3));
  const auto day = TakeNumber(s);
  s = Trim(s);
  const size_t comma = s.find(',');
  if (!day || comma == std::string_view::npos) return std::nullopt;
  const std::string month_name = Lower(Trim(s.substr(0, comma)));
  s = Trim(s.substr(comma + 1));
  const auto year = TakeNumber(s);
  if (!year || !s.empty()) return std::nullopt;
  unsigned month = 0;
  for (unsigned m = 0; m < 12; ++m)
    if (month_name == kMonths[m] || (month_name.size() == 3 && std::string_view(kMonths[m]).starts_with(month_name)))
      month = m + 1;
  if (month == 0 || *day < 1 || *day > 31) return std::nullopt;
  const int h24 = (*hour % 12) + (half == "pm" ? 12 : 0);
  const int64_t days = temporal::DaysFromCivil(*year, month, static_cast<unsigned>(*day));
  return days * temporal::kMicrosPerDay + (int64_t{h24} * 3600 + int64_t{*minute} * 60) * temporal::kMicrosPerSecond;
}

std::string NormaliseDiaId(std::string_view text, bool* repaired) {
  std::string_view s = Trim(text);
  if (s.empty() || (s.front() != 'D' && s.front() != 'd')) return "";
  s.remove_prefix(1);
  while (!s.empty() && (s.front() == ':' || s.front() == ' ')) s.remove_prefix(1);
  const auto session = TakeNumber(s);
  if (!session || s.empty() || s.front() != ':') return "";
  s.remove_prefix(1);
  const auto turn = TakeNumber(s);
  if (!turn || !s.empty()) return "";
  std::string id = "D" + std::to_string(*session) + ":" + std::to_string(*turn);
  if (repaired && id != text) *repaired = true;
  return id;
}

Result<Conversation> ParseConversation(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot be read");
  const json doc = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::Corruption(path + ": not valid JSON");
  Conversation c;
  c.file = path;
  const Reader reader{path};
  try {
    MNEMO_RETURN_IF_ERROR(Parse(reader, doc, c));
  } catch (const json::exception& e) {
    return Status::Corruption(path + ": " + e.what());
  }
  return c;
}

}  // namespace mnemo::bench::locomo
