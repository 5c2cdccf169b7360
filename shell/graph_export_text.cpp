#include "shell/graph_export_text.hpp"

namespace mnemo::shell {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at text[i], or 0 when it is not one.
size_t SequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) return 1;
  // The sequence length a lead byte announces, and the least code point it may encode.
  const size_t n = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
  if (n == 0) return 0;
  const unsigned min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  if (i + n > text.size()) return 0;
  unsigned cp = b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// "2023-05-08" stays; "2023-05-08T13:56:00.123Z" becomes "2023-05-08 13:56:00".
std::string ReadableTime(temporal::Timestamp t) {
  std::string text = temporal::FormatTimestamp(t);
  const size_t tee = text.find('T');
  if (tee == std::string::npos) return text;
  text[tee] = ' ';
  const size_t end = text.find_first_of(".Z", tee);
  return end == std::string::npos ? text : text.substr(0, end);
}

}  // namespace

std::string CleanText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t n = SequenceLength(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    const auto b = static_cast<unsigned char>(text[i]);
    const bool control = n == 1 && (b < 0x20 || b == 0x7F);
    const bool c1_control = n == 2 && b == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (control || c1_control)
      out += ' ';
    else
      out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string Shorten(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;              // continuation byte
    if (chars == max_chars) return std::string(text.substr(0, i)) + "\xE2\x80\xA6";  // …
    ++chars;
  }
  return std::string(text);
}

std::string ValidTimeCaption(temporal::Timestamp from, temporal::Timestamp to) {
  const bool has_from = from != temporal::kBeginningOfTime;
  const bool has_to = to != temporal::kForever;
  if (has_from && has_to) return ReadableTime(from) + " \xE2\x80\x93 " + ReadableTime(to);  // en dash
  if (has_from) return "from " + ReadableTime(from);
  if (has_to) return "until " + ReadableTime(to);
  return "";
}

std::string BoundText(temporal::Timestamp t) {
  if (t == temporal::kBeginningOfTime || t == temporal::kForever) return "";
  return temporal::FormatTimestamp(t);
}

}  // namespace mnemo::shell
