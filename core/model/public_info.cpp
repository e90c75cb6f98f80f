#include "core/model/public_info.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

#include "core/model/enums.hpp"
#include "core/model/errors.hpp"
#include "core/model/time_zone.hpp"

namespace liaison::core {

const std::vector<Placeholder>& publicPlaceholders() {
  static const std::vector<Placeholder> all = {
      {"incident", "the incident's name"},
      {"incident_number", "the incident's number"},
      {"location", "the incident's location"},
      {"period", "the operational period in progress, as its number"},
      {"period_start", "its start, in the incident's time zone"},
      {"period_end", "its end, in the incident's time zone"},
      {"time", "the operational time, in the incident's time zone"},
      {"shelters_open", "the labels of the shelters on the map, or \"none\""},
      {"road_closures", "the labels of the roads on the map (closures), or \"none\""},
      {"objectives", "the objectives of the operational period in progress"},
  };
  return all;
}

namespace {

bool known(std::string_view name) {
  const auto& all = publicPlaceholders();
  return std::any_of(all.begin(), all.end(),
                     [&](const Placeholder& p) { return p.name == name; });
}

std::string knownList() {
  std::string out;
  for (const Placeholder& p : publicPlaceholders()) {
    if (!out.empty()) out += ", ";
    out += "{" + std::string(p.name) + "}";
  }
  return out;
}

// Walks text calling onName(name, offset) for each placeholder; returns a problem or nothing.
using Sink = std::function<void(std::string_view)>;

std::optional<std::string> scan(std::string_view text, const Sink& onText, const Sink& onName) {
  int line = 1, column = 1;
  auto where = [&] { return std::to_string(line) + ":" + std::to_string(column); };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      onText(std::string_view(&text[i], 1));
      i += 2;
      column += 2;
      continue;
    }
    if (c == '}') return where() + ": a lone '}'; write }} for a literal brace";
    if (c == '{') {
      const std::size_t end = text.find('}', i);
      const std::size_t nl = text.find('\n', i);
      if (end == std::string_view::npos || (nl != std::string_view::npos && nl < end))
        return where() + ": placeholder not closed with '}'; write {{ for a literal brace";
      const std::string_view name = text.substr(i + 1, end - i - 1);
      if (!known(name)) {
        std::string shown(name.substr(0, 40));
        for (char& ch : shown)
          if (static_cast<unsigned char>(ch) < 0x20) ch = '?';
        return where() + ": unknown placeholder {" + shown + "}; known: " + knownList();
      }
      onName(name);
      column += static_cast<int>(end - i + 1);
      i = end + 1;
      continue;
    }
    onText(std::string_view(&text[i], 1));
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    ++i;
  }
  return std::nullopt;
}

const OperationalPeriod* periodAt(const Snapshot& s, TimeUtc now) {
  const OperationalPeriod* best = nullptr;
  for (const OperationalPeriod& p : s.periods) {
    if (p.start <= now && now < p.end) return &p;
    if (p.start <= now && (!best || p.start > best->start)) best = &p;
  }
  return best;
}

std::string labels(const Snapshot& s, FeatureKind kind) {
  std::string out;
  for (const MapFeature& f : s.features) {
    if (f.kind != kind || f.label.empty()) continue;
    if (!out.empty()) out += ", ";
    out += f.label;
  }
  return out.empty() ? "none" : out;
}

std::string localTime(const Snapshot& s, TimeUtc t) {
  return formatLocal(t, incidentZone(s), "%Y-%m-%d %H:%M %Z");
}

std::string value(std::string_view name, const Snapshot& s, TimeUtc now) {
  const Incident* inc = s.mainIncident();
  const OperationalPeriod* p = periodAt(s, now);
  if (name == "incident") return inc ? inc->name : "";
  if (name == "incident_number") return inc ? inc->number : "";
  if (name == "location") return inc ? inc->location : "";
  if (name == "period") return p ? std::to_string(p->number) : "";
  if (name == "period_start") return p ? localTime(s, p->start) : "";
  if (name == "period_end") return p ? localTime(s, p->end) : "";
  if (name == "time") return localTime(s, now);
  if (name == "shelters_open") return labels(s, FeatureKind::Shelter);
  if (name == "road_closures") return labels(s, FeatureKind::Road);
  if (name == "objectives") return p ? p->objectives : "";
  return "";
}

int rank(PublicStatus s) { return static_cast<int>(s); }

std::string label(const PublicItem& x) {
  return "public item " + std::to_string(x.id) + " (" + x.title + ")";
}

// Everything but the workflow's own fields.
PublicItem content(PublicItem x) {
  x.status = PublicStatus::Draft;
  x.checked_by = x.approved_by = 0;
  x.approved_at.reset();
  x.released_at.reset();
  x.channel.clear();
  x.released_title.clear();
  x.released_body.clear();
  return x;
}

std::string capital(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

std::optional<std::string> placeholderProblem(std::string_view text) {
  const Sink ignore = [](std::string_view) {};
  return scan(text, ignore, ignore);
}

std::string fillPlaceholders(std::string_view text, const Snapshot& snapshot, TimeUtc now) {
  std::string out;
  const Sink addText = [&](std::string_view t) { out += t; };
  const Sink addName = [&](std::string_view n) { out += value(n, snapshot, now); };
  if (auto problem = scan(text, addText, addName)) throw ValidationError(*problem);
  return out;
}

std::string exerciseFramed(const std::string& text, bool exercise) {
  if (!exercise) return text;
  return std::string(kExerciseBanner) + "\n" + text + "\n" + std::string(kExerciseBanner);
}

std::string publicChangeProblem(const PublicItem* before, const PublicItem& after) {
  if (!before) return "";
  const PublicStatus from = before->status, to = after.status;
  const std::string steps =
      " (draft -> checked -> approved -> released -> superseded or cancelled)";
  if (from == PublicStatus::Superseded || from == PublicStatus::Cancelled) {
    if (!(after == *before))
      return label(*before) + " is " + std::string(toString(from)) +
             "; it can no longer change";
    return "";
  }
  if (from == PublicStatus::Released) {
    PublicItem same = after;
    same.status = from;
    if (!(same == *before))
      return label(*before) +
             " is released and frozen; to change it, make a new version that supersedes it "
             "(liaison public WS supersede " +
             std::to_string(before->id) + ")";
    if (to != from && to != PublicStatus::Superseded && to != PublicStatus::Cancelled)
      return label(*before) + " cannot go from released to " + std::string(toString(to)) +
             "; a released item is only superseded or cancelled" + steps;
    return "";
  }
  // draft, checked, approved
  if (to == PublicStatus::Superseded)
    return label(*before) + " cannot be superseded while " + std::string(toString(from)) +
           "; only a released item is superseded" + steps;
  const bool forward = rank(to) == rank(from) + 1;
  const bool allowed = to == from || forward || to == PublicStatus::Draft ||
                       to == PublicStatus::Cancelled;
  if (!allowed)
    return label(*before) + " cannot go from " + std::string(toString(from)) + " to " +
           std::string(toString(to)) + "; one step at a time" + steps;
  if (to != PublicStatus::Draft && !(content(after) == content(*before)))
    return label(*before) + " is " + std::string(toString(from)) +
           "; its text changes only as a draft (send it back to draft first)";
  if (to == from && from != PublicStatus::Draft) {
    PublicItem same = after;
    if (!(same == *before))
      return label(*before) + " is " + std::string(toString(from)) +
             "; who checked or approved it changes only with the step";
  }
  return "";
}

std::string publicRemoveProblem(const PublicItem& item) {
  if (rank(item.status) >= rank(PublicStatus::Released))
    return "cannot remove " + label(item) + ": it was " + std::string(toString(item.status)) +
           " and stays on record; cancel it instead";
  return "";
}

std::string capSpelling(CapCategory v) {
  if (v == CapCategory::Cbrne) return "CBRNE";
  return capital(toString(v));
}
std::string capSpelling(CapUrgency v) { return capital(toString(v)); }
std::string capSpelling(CapSeverity v) { return capital(toString(v)); }
std::string capSpelling(CapCertainty v) { return capital(toString(v)); }

}  // namespace liaison::core
