// Scenario value syntax; see scenario_values.hpp.
#include "core/model/values.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace liaison::core {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

bool isLeap(std::int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(std::int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at text[pos].
bool digits(std::string_view text, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > text.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

std::string_view trimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<long long> parseInteger(std::string_view text) {
  long long v = 0;
  const auto* end = text.data() + text.size();
  const auto res = std::from_chars(text.data(), end, v);
  if (text.empty() || res.ec != std::errc() || res.ptr != end) return std::nullopt;
  return v;
}

std::optional<Id> parseId(std::string_view text) {
  if (text.empty() || text.front() == '-') return std::nullopt;
  auto v = parseInteger(text);
  if (!v || *v <= 0) return std::nullopt;
  return static_cast<Id>(*v);
}

std::optional<std::vector<Id>> parseIdList(std::string_view text) {
  std::vector<Id> ids;
  if (trimSpaces(text).empty()) return ids;
  for (;;) {
    const auto semi = text.find(';');
    const auto id = parseId(trimSpaces(text.substr(0, semi)));
    if (!id) return std::nullopt;
    ids.push_back(*id);
    if (semi == std::string_view::npos) break;
    text.remove_prefix(semi + 1);
  }
  return ids;
}

std::string formatIdList(const std::vector<Id>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ';';
    out += std::to_string(ids[i]);
  }
  return out;
}

std::optional<TimeUtc> parseTime(std::string_view t) {
  int year, month, day, hour, minute, second = 0;
  if (!digits(t, 0, 4, year) || t.size() < 16 || t[4] != '-' || !digits(t, 5, 2, month) ||
      t[7] != '-' || !digits(t, 8, 2, day) || t[10] != 'T' || !digits(t, 11, 2, hour) ||
      t[13] != ':' || !digits(t, 14, 2, minute))
    return std::nullopt;
  std::size_t pos = 16;
  if (pos < t.size() && t[pos] == ':') {
    if (!digits(t, pos + 1, 2, second)) return std::nullopt;
    pos += 3;
  }
  int offset = 0;
  if (pos < t.size() && t[pos] == 'Z') {
    ++pos;
  } else if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) {
    int oh, om;
    if (!digits(t, pos + 1, 2, oh) || pos + 3 >= t.size() || t[pos + 3] != ':' ||
        !digits(t, pos + 4, 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    offset = (oh * 60 + om) * 60 * (t[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;  // a zone is required
  }
  if (pos != t.size()) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > daysInMonth(year, static_cast<unsigned>(month)) || hour > 23 ||
      minute > 59 || second > 59)
    return std::nullopt;
  const std::int64_t days =
      daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * 86400 + hour * 3600 + minute * 60 + second - offset;
}

std::string formatTime(TimeUtc time) {
  std::int64_t days = time / 86400, secs = time % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  std::int64_t y;
  unsigned m, d;
  civilFromDays(days, y, m, d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m,
                d, static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

std::optional<bool> parseBool(std::string_view text) {
  // As spreadsheets re-save them: LibreOffice and Excel turn true into TRUE, others write
  // True, yes or 1. Case does not matter; nothing else (no "y", no "on") is taken.
  const auto is = [&](std::string_view word) {
    if (text.size() != word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != word[i]) return false;
    }
    return true;
  };
  if (is("true") || is("yes") || text == "1") return true;
  if (is("false") || is("no") || text == "0") return false;
  return std::nullopt;
}

std::optional<double> parseNumber(std::string_view text) {
  if (text.empty()) return std::nullopt;
  for (char c : text)  // from_chars would also take "inf", "nan" and hex digits
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+'))
      return std::nullopt;
  if (text.front() == '+') return std::nullopt;
  double v = 0;
  const auto* end = text.data() + text.size();
  const auto res = std::from_chars(text.data(), end, v);
  if (res.ec != std::errc() || res.ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string formatNumber(double value) {
  if (value == 0.0) value = 0.0;  // no "-0"
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, res.ptr);
}

}  // namespace liaison::core
