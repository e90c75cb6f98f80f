// Times as the incident's people read them: in the incident's own time zone (an IANA name such
// as "America/Chicago", Incident::time_zone), not the machine's. Times are stored in UTC; only
// their display is local. Uses the system's time-zone database (tzdata) through Howard
// Hinnant's date library (libhowardhinnant-date-dev), so daylight-saving changes are right.
#pragma once

#include <optional>
#include <string>

#include "core/model/model.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

// Whether `name` is a zone of the system's database ("" counts as UTC and is valid).
bool isTimeZone(const std::string& name);

struct LocalTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int offsetSeconds = 0;   // local = UTC + offset
  std::string abbrev;      // "EDT", "CET", "UTC"
};

// The local time of `t` in `zone` ("" or an unknown name: UTC).
LocalTime toLocal(TimeUtc t, const std::string& zone);

// strftime-like formatting of the local time: %Y %m %d %H %M %S %Z (abbreviation) %z (+hhmm)
// and %%; e.g. formatLocal(t, "America/New_York", "%H:%M %Z") == "08:30 EDT".
std::string formatLocal(TimeUtc t, const std::string& zone, const char* format);

// The zone of the snapshot's main incident ("" when none).
std::string incidentZone(const Snapshot& snapshot);

}  // namespace liaison::core
