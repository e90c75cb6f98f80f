#include "clock_text.hpp"

#include <cstdio>
#include <ctime>

#include "core/model/time_zone.hpp"

namespace liaison::app {

std::string clockUtc(core::TimeUtc t, bool with_date) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, with_date ? "%Y-%m-%d %H:%MZ" : "%H:%MZ", &tm);
  return buf;
}

std::string clockLocal(core::TimeUtc t, const std::string& zone, bool with_date) {
  return core::formatLocal(t, zone, with_date ? "%Y-%m-%d %H:%M %Z" : "%H:%M %Z");
}

std::string operationalClockText(const core::OperationalNow& now, const std::string& zone) {
  const std::time_t tt = static_cast<std::time_t>(now.time);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char utc[32];
  std::strftime(utc, sizeof utc, "%Y-%m-%d %H:%M:%SZ", &tm);
  std::string text = now.label();
  if (!text.empty()) text += "  ";
  text += utc;
  // The incident's own zone beside UTC (nothing to add when the incident runs on UTC).
  if (!zone.empty() && zone != "UTC" && zone != "Etc/UTC")
    text += "  " + core::formatLocal(now.time, zone, "%H:%M %Z");
  return text;
}

std::string spanText(core::TimeUtc s) {
  char buf[32];
  if (s < 3600)
    std::snprintf(buf, sizeof buf, "%lldm", static_cast<long long>(s / 60));
  else if (s < 86400)
    std::snprintf(buf, sizeof buf, "%lldh %02lldm", static_cast<long long>(s / 3600),
                  static_cast<long long>(s % 3600 / 60));
  else
    std::snprintf(buf, sizeof buf, "%lldd %lldh", static_cast<long long>(s / 86400),
                  static_cast<long long>(s % 86400 / 3600));
  return buf;
}

}  // namespace liaison::app
