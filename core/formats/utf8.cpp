// UTF-8 checks; see utf8.hpp.
#include "core/formats/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace liaison::core {

std::size_t utf8SequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return len;
}

namespace {

constexpr std::uint64_t kHigh = 0x8080808080808080ull;
constexpr std::uint64_t kLow = 0x0101010101010101ull;

template <bool kNul>
std::optional<std::size_t> scan(std::string_view text) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes (and, when asked, no zero byte among them) at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & kHigh) break;
      if (kNul && ((w - kLow) & ~w & kHigh)) break;
      i += 8;
    }
    if (i >= n) break;
    const auto b = static_cast<unsigned char>(p[i]);
    if (b < 0x80) {
      if (kNul && b == 0) return i;
      ++i;
      continue;
    }
    const std::size_t len = utf8SequenceLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> findInvalidUtf8(std::string_view text) { return scan<false>(text); }

std::optional<std::size_t> findInvalidUtf8OrNul(std::string_view text) {
  return scan<true>(text);
}

int columnAt(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t begin = offset;
  while (begin > 0 && text[begin - 1] != '\n') --begin;
  int column = 1;
  for (std::size_t i = begin; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

LineColumn lineColumnAt(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  LineColumn at;
  at.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  at.column = columnAt(text, offset);
  return at;
}

}  // namespace liaison::core
