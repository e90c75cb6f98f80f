// UTF-8 checks shared by the readers: where a text stops being valid UTF-8 (or holds a NUL
// byte), and where an offset is as line and column for messages.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace liaison::core {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is invalid (overlongs,
// surrogates and code points above U+10FFFF count as invalid).
std::size_t utf8SequenceLength(std::string_view text, std::size_t i);

// The byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
// Runs of ASCII are checked eight bytes at a time.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

// As findInvalidUtf8, and a NUL byte counts as invalid too (XML forbids it).
std::optional<std::size_t> findInvalidUtf8OrNul(std::string_view text);

// 1-based line and column (in code points) of a byte offset.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn lineColumnAt(std::string_view text, std::size_t offset);

// The column (1-based, in code points) of `offset` on its line.
int columnAt(std::string_view text, std::size_t offset);

}  // namespace liaison::core
