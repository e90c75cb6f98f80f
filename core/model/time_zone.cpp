#include "core/model/time_zone.hpp"

#include <date/tz.h>

#include <cstdio>
#include <mutex>
#include <unordered_map>

#include "core/model/snapshot.hpp"

namespace liaison::core {

namespace {

// locate_zone reads the database once; zones are looked up often (every label on the wall),
// so keep what was found. nullptr for unknown names.
const date::time_zone* zoneOf(const std::string& name) {
  if (name.empty()) return nullptr;
  static std::mutex mutex;
  static std::unordered_map<std::string, const date::time_zone*> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  const date::time_zone* z = nullptr;
  try {
    z = date::locate_zone(name);
  } catch (const std::exception&) {
    z = nullptr;
  }
  cache.emplace(name, z);
  return z;
}

}  // namespace

bool isTimeZone(const std::string& name) {
  return name.empty() || name == "UTC" || zoneOf(name) != nullptr;
}

LocalTime toLocal(TimeUtc t, const std::string& zone) {
  LocalTime out;
  const date::sys_seconds sys{std::chrono::seconds{t}};
  std::chrono::seconds offset{0};
  out.abbrev = "UTC";
  if (const date::time_zone* z = zoneOf(zone)) {
    const date::sys_info info = z->get_info(sys);
    offset = info.offset;
    out.abbrev = info.abbrev;
  }
  out.offsetSeconds = static_cast<int>(offset.count());
  const auto local = sys + offset;
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> hms{local - day};
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.hour = static_cast<int>(hms.hours().count());
  out.minute = static_cast<int>(hms.minutes().count());
  out.second = static_cast<int>(hms.seconds().count());
  return out;
}

std::string formatLocal(TimeUtc t, const std::string& zone, const char* format) {
  const LocalTime l = toLocal(t, zone);
  std::string out;
  char buf[16];
  for (const char* p = format; *p; ++p) {
    if (*p != '%' || !p[1]) {
      out += *p;
      continue;
    }
    switch (*++p) {
      case 'Y': std::snprintf(buf, sizeof buf, "%04d", l.year); out += buf; break;
      case 'm': std::snprintf(buf, sizeof buf, "%02d", l.month); out += buf; break;
      case 'd': std::snprintf(buf, sizeof buf, "%02d", l.day); out += buf; break;
      case 'H': std::snprintf(buf, sizeof buf, "%02d", l.hour); out += buf; break;
      case 'M': std::snprintf(buf, sizeof buf, "%02d", l.minute); out += buf; break;
      case 'S': std::snprintf(buf, sizeof buf, "%02d", l.second); out += buf; break;
      case 'Z': out += l.abbrev; break;
      case 'z': {
        const int m = std::abs(l.offsetSeconds) / 60;
        std::snprintf(buf, sizeof buf, "%c%02d%02d", l.offsetSeconds < 0 ? '-' : '+', m / 60,
                      m % 60);
        out += buf;
        break;
      }
      case '%': out += '%'; break;
      default: out += '%'; out += *p;
    }
  }
  return out;
}

std::string incidentZone(const Snapshot& s) {
  const Incident* i = s.mainIncident();
  return i ? i->time_zone : std::string();
}

}  // namespace liaison::core
