// The value syntax of scenario files (docs/scenario-format.md): ids, id lists, ISO 8601 times,
// booleans and numbers. Pure functions; the importer turns a nullopt into a located error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::core {

// A positive decimal integer, 1 to 2^63-1.
std::optional<Id> parseId(std::string_view text);
// Ids separated by ';' (spaces around an id allowed); "" is the empty list.
std::optional<std::vector<Id>> parseIdList(std::string_view text);
std::string formatIdList(const std::vector<Id>& ids);

// YYYY-MM-DDTHH:MM[:SS] followed by Z or +hh:mm / -hh:mm; years 0000 to 9999.
std::optional<TimeUtc> parseTime(std::string_view text);
// YYYY-MM-DDTHH:MM:SSZ.
std::string formatTime(TimeUtc time);

// true, false, yes, no in any case (TRUE, True, Yes, ...), 1 or 0. Written as "true"/"false".
std::optional<bool> parseBool(std::string_view text);
inline std::string_view formatBool(bool b) {
  return b ? "true" : "false";
}

// A finite decimal number with a dot ("0.5", "-77.19", "1e3"); no '+', spaces, inf or nan.
std::optional<double> parseNumber(std::string_view text);
// A whole number; nullopt when it is not one or does not fit in 64 bits.
std::optional<long long> parseInteger(std::string_view text);
// Shortest text that reads back as exactly the same double (std::to_chars); never "-0".
std::string formatNumber(double value);

}  // namespace liaison::core
