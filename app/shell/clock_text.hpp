// Times as every panel and the wall print them: "14:05Z" (UTC), "2026-05-14 14:05Z" (with the
// date), "16:05 CDT" (the incident's own time zone, never the machine's), and spans such as "2h 05m". No ImGui here.
#pragma once

#include <string>

#include "core/exercise/operational_clock.hpp"
#include "core/model/model.hpp"

namespace liaison::app {

std::string clockUtc(core::TimeUtc t, bool with_date = false);
// zone: the incident's IANA zone (core::incidentZone); "" prints UTC with its abbreviation.
std::string clockLocal(core::TimeUtc t, const std::string& zone, bool with_date = false);
std::string spanText(core::TimeUtc seconds);

// The header's clock: the one operational time, its mode and the incident's local time, e.g.
// "EXERCISE TIME  2026-05-14 14:05:09Z  09:05 CDT" or "2026-12-02 15:40:12Z  09:40 CST" (live).
std::string operationalClockText(const core::OperationalNow& now, const std::string& zone);

}  // namespace liaison::app
