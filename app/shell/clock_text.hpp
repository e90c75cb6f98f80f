// Times as every panel and the wall print them: "14:05Z" (UTC), "2026-05-14 14:05Z" (with the
// date), "16:05 CEST" (the station's local zone), and spans such as "2h 05m". No ImGui here.
#pragma once

#include <string>

#include "core/model/model.hpp"

namespace liaison::app {

std::string clockUtc(core::TimeUtc t, bool with_date = false);
std::string clockLocal(core::TimeUtc t, bool with_date = false);
std::string spanText(core::TimeUtc seconds);

}  // namespace liaison::app
