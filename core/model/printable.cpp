#include "core/model/printable.hpp"

namespace liaison::core {

std::string printable(std::string_view s, bool keepLineBreaks) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      const bool control = c < 0x20 || c == 0x7F;
      const bool allowed = keepLineBreaks && (c == '\n' || c == '\t');
      out += control && !allowed ? '?' : static_cast<char>(c);
      ++i;
      continue;
    }
    // A well-formed UTF-8 sequence is kept, except the C1 controls (U+0080..U+009F).
    const int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= s.size();
    for (int k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) ok = false;
    if (ok && len == 2 && c < 0xC2) ok = false;  // overlong
    if (!ok) {
      out += '?';
      ++i;
      continue;
    }
    out.append(s.substr(i, static_cast<std::size_t>(len)));
    i += static_cast<std::size_t>(len);
  }
  return out;
}

}  // namespace liaison::core
