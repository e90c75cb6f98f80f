// Scenario offsets and the network-effect syntax of injects; see exercise.hpp.
#include "core/model/exercise.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/model/values.hpp"

namespace liaison::core {


const Inject* ExerciseState::inject(std::string_view number) const {
  for (const Inject& i : injects)
    if (i.number == number) return &i;
  return nullptr;
}

const InjectStatus* ExerciseState::status(Id inject) const {
  for (const InjectStatus& s : statuses)
    if (s.inject == inject) return &s;
  return nullptr;
}

std::string formatOffset(ScenarioSeconds s) {
  s = std::max<ScenarioSeconds>(0, s);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  return buf;
}

namespace {
std::optional<int> twoDigits(std::string_view t) {
  if (t.size() != 2 || t[0] < '0' || t[0] > '5' || t[1] < '0' || t[1] > '9') return std::nullopt;
  return (t[0] - '0') * 10 + (t[1] - '0');
}
}  // namespace

std::optional<ScenarioSeconds> parseOffset(std::string_view text) {
  const auto c1 = text.find(':');
  if (c1 == std::string_view::npos) return std::nullopt;
  const std::string_view hours = text.substr(0, c1);
  std::string_view rest = text.substr(c1 + 1);
  if (hours.empty() || hours.size() > 4 ||
      hours.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  int h = 0;
  std::from_chars(hours.data(), hours.data() + hours.size(), h);
  const auto c2 = rest.find(':');
  auto m = twoDigits(rest.substr(0, c2));
  if (!m) return std::nullopt;
  int sec = 0;
  if (c2 != std::string_view::npos) {
    auto s = twoDigits(rest.substr(c2 + 1));
    if (!s) return std::nullopt;
    sec = *s;
  }
  return ScenarioSeconds(h) * 3600 + *m * 60 + sec;
}

std::optional<NetworkEffect> parseNetworkEffect(std::string_view text) {
  NetworkEffect e;
  if (text.empty()) return e;
  const auto space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view change = text.substr(0, space), rest = text.substr(space + 1);
  if (change == "up")
    e.change = NetworkEffect::Change::Up;
  else if (change == "down")
    e.change = NetworkEffect::Change::Down;
  else if (change == "degraded")
    e.change = NetworkEffect::Change::Degraded;
  else
    return std::nullopt;
  const auto colon = rest.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view target = rest.substr(0, colon);
  if (target == "channel")
    e.target = NetworkEffect::Target::Channel;
  else if (target == "rep")
    e.target = NetworkEffect::Target::Representative;
  else if (target == "infra")
    e.target = NetworkEffect::Target::Infrastructure;
  else if (target == "agency")
    e.target = NetworkEffect::Target::Agency;
  else
    return std::nullopt;
  if ((e.target == NetworkEffect::Target::Representative ||
       e.target == NetworkEffect::Target::Agency) &&
      e.change == NetworkEffect::Change::Degraded)
    return std::nullopt;
  auto id = parseId(rest.substr(colon + 1));
  if (!id) return std::nullopt;
  e.id = *id;
  return e;
}

std::string formatNetworkEffect(const NetworkEffect& e) {
  if (e.empty()) return "";
  std::string out = e.change == NetworkEffect::Change::Up     ? "up "
                    : e.change == NetworkEffect::Change::Down ? "down "
                                                              : "degraded ";
  switch (e.target) {
    case NetworkEffect::Target::Channel: out += "channel:"; break;
    case NetworkEffect::Target::Representative: out += "rep:"; break;
    case NetworkEffect::Target::Infrastructure: out += "infra:"; break;
    case NetworkEffect::Target::Agency: out += "agency:"; break;
    case NetworkEffect::Target::None: return "";
  }
  return out + std::to_string(e.id);
}

EntityKind effectTargetKind(const NetworkEffect& e) {
  switch (e.target) {
    case NetworkEffect::Target::Representative: return EntityKind::Representative;
    case NetworkEffect::Target::Infrastructure: return EntityKind::Infrastructure;
    case NetworkEffect::Target::Agency: return EntityKind::Agency;
    default: return EntityKind::Channel;
  }
}

}  // namespace liaison::core
