// Times as reports print them for people: local in the incident's time zone with its
// abbreviation ("2026-05-14 08:30 EDT"), UTC when the incident has no zone. CSV columns keep
// ISO 8601 UTC for machines; HTML pages use these.
#pragma once

#include <string>

#include "core/model/snapshot.hpp"
#include "core/model/time_zone.hpp"

namespace liaison::core {

inline std::string reportTime(TimeUtc t, const std::string& zone) {
  return formatLocal(t, zone, "%Y-%m-%d %H:%M %Z");
}
inline std::string reportDate(TimeUtc t, const std::string& zone) {
  return formatLocal(t, zone, "%Y-%m-%d");
}
inline std::string reportClock(TimeUtc t, const std::string& zone) {
  return formatLocal(t, zone, "%H:%M %Z");
}
// "America/New_York" or "UTC": what a column header says the times are in.
inline std::string zoneName(const std::string& zone) {
  return zone.empty() ? "UTC" : zone;
}

}  // namespace liaison::core
