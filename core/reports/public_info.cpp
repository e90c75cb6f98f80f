#include "core/reports/public_info.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/exercise/operational_clock.hpp"
#include "core/formats/cap.hpp"
#include "core/model/enums.hpp"
#include "core/model/public_info.hpp"
#include "core/reports/report_time.hpp"
#include "core/reports/text_escape.hpp"
#include "core/store/exercise_store.hpp"
#include "core/store/store.hpp"

namespace liaison::core {

TimeUtc publicNow(const Store& store, const Snapshot& snapshot) {
  const ExerciseState ex = loadExercise(store);
  return operationalNow(snapshot, &ex.clock, std::nullopt, nowUtc()).time;
}

const PublicItem& publicItem(const Snapshot& s, Id id) {
  if (const PublicItem* p = s.find<PublicItem>(id)) return *p;
  std::string ids;
  for (const PublicItem& p : s.public_items) ids += (ids.empty() ? "" : ", ") + std::to_string(p.id);
  throw std::runtime_error("there is no public item " + std::to_string(id) + "; the ids are: " +
                           (ids.empty() ? "(none yet)" : ids));
}

std::vector<Command> publicCheck(const Snapshot& s, Id item, Id checked_by) {
  PublicItem x = publicItem(s, item);
  x.status = PublicStatus::Checked;
  x.checked_by = checked_by;
  return {put(x)};
}

std::vector<Command> publicApprove(const Snapshot& s, Id item, Id approved_by, TimeUtc now) {
  PublicItem x = publicItem(s, item);
  x.status = PublicStatus::Approved;
  x.approved_by = approved_by;
  x.approved_at = now;
  return {put(x)};
}

std::vector<Command> publicRelease(const Snapshot& s, Id item, const std::string& channel,
                                   TimeUtc now) {
  PublicItem x = publicItem(s, item);
  const bool exercise = s.isExercise();
  x.status = PublicStatus::Released;
  x.channel = channel;
  x.released_at = now;
  const std::string title = fillPlaceholders(x.title, s, now);
  x.released_title = exercise ? "EXERCISE: " + title : title;
  x.released_body = exerciseFramed(fillPlaceholders(x.body, s, now), exercise);
  std::vector<Command> out;
  if (x.supersedes != 0) {
    const PublicItem* old = s.find<PublicItem>(x.supersedes);
    if (old && old->status != PublicStatus::Released)
      throw std::runtime_error("public item " + std::to_string(x.id) + " supersedes item " +
                               std::to_string(old->id) + ", which is " +
                               std::string(toString(old->status)) +
                               ", not released; only a released item is superseded");
    if (old) {
      PublicItem o = *old;
      o.status = PublicStatus::Superseded;
      out.push_back(put(o));
    }
  }
  out.push_back(put(x));
  return out;
}

std::vector<Command> publicSupersede(const Snapshot& s, Id item) {
  const PublicItem& old = publicItem(s, item);
  if (old.status != PublicStatus::Released)
    throw std::runtime_error("public item " + std::to_string(item) + " is " +
                             std::string(toString(old.status)) +
                             "; only a released item is superseded (edit a draft directly)");
  PublicItem x = old;
  x.id = 0;
  x.status = PublicStatus::Draft;
  x.checked_by = x.approved_by = 0;
  x.approved_at.reset();
  x.released_at.reset();
  x.channel.clear();
  x.released_title.clear();
  x.released_body.clear();
  x.version = old.version + 1;
  x.supersedes = old.id;
  return {put(x)};
}

std::vector<Command> publicCancel(const Snapshot& s, Id item) {
  PublicItem x = publicItem(s, item);
  x.status = PublicStatus::Cancelled;
  return {put(x)};
}

std::vector<Command> publicRedraft(const Snapshot& s, Id item) {
  PublicItem x = publicItem(s, item);
  x.status = PublicStatus::Draft;
  x.checked_by = x.approved_by = 0;
  x.approved_at.reset();
  return {put(x)};
}

std::vector<const PublicItem*> releasedItems(const Snapshot& s) {
  std::vector<const PublicItem*> out;
  for (const PublicItem& p : s.public_items)
    if (p.released_at) out.push_back(&p);
  std::stable_sort(out.begin(), out.end(), [](const PublicItem* a, const PublicItem* b) {
    return *a->released_at > *b->released_at;
  });
  return out;
}

namespace {

std::string kindName(PublicKind k) {
  std::string s(toString(k));
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::string paragraphs(const std::string& text) {
  std::string out = "<p>";
  for (char c : text) {
    if (c == '\n') out += "<br>";
    else out += c;
  }
  return out + "</p>";
}

void item(std::string& out, const Snapshot& s, const PublicItem& p, const std::string& zone) {
  const bool inForce = p.status == PublicStatus::Released;
  out += std::string("<article class=\"") + (inForce ? "current" : "old") + "\">\n";
  if (s.isExercise()) out += "<div class=\"exercise\">EXERCISE</div>\n";
  out += "<h2>" + htmlEscape(p.released_title) + "</h2>\n";
  out += "<div class=\"meta\">" + htmlEscape(kindName(p.kind)) + " &middot; version " +
         std::to_string(p.version) + " &middot; released " +
         htmlEscape(reportTime(*p.released_at, zone)) + " via " + htmlEscape(p.channel);
  if (!inForce) out += " &middot; <b>" + htmlEscape(std::string(toString(p.status))) + "</b>";
  out += "</div>\n";
  out += paragraphs(htmlEscape(p.released_body)) + "\n";
  if (!p.instruction.empty())
    out += "<p class=\"instruction\">" + htmlEscape(p.instruction) + "</p>\n";
  out += "</article>\n";
}

}  // namespace

std::string publicViewHtml(const Snapshot& s, TimeUtc now) {
  const std::string zone = incidentZone(s);
  const Incident* inc = s.mainIncident();
  const bool exercise = s.isExercise();
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>";
  out += (exercise ? "EXERCISE - " : "") + std::string("Public information") +
         (inc ? " - " + htmlEscape(inc->name) : "") + "</title>\n";
  out +=
      "<style>body{font-family:sans-serif;max-width:60em;margin:1em auto;font-size:18px}"
      "article{border:1px solid #888;padding:.5em 1em;margin:1em 0}"
      "article.old{color:#666;border-style:dashed}.meta{font-size:14px;color:#444}"
      ".exercise{font-weight:bold;color:#fff;background:#b00;padding:2px 6px;display:inline-block}"
      ".instruction{font-weight:bold}</style></head><body>\n";
  if (exercise) out += "<div class=\"exercise\">" + std::string(kExerciseBanner) + "</div>\n";
  out += "<h1>Public information" + (inc ? ": " + htmlEscape(inc->name) : std::string()) +
         "</h1>\n<p class=\"meta\">As of " + htmlEscape(reportTime(now, zone)) +
         ". Only released statements: read them as written.</p>\n";
  const std::vector<const PublicItem*> released = releasedItems(s);
  int current = 0;
  for (const PublicItem* p : released)
    if (p->status == PublicStatus::Released) {
      item(out, s, *p, zone);
      ++current;
    }
  if (current == 0) out += "<p>Nothing has been released yet.</p>\n";
  bool header = false;
  for (const PublicItem* p : released)
    if (p->status != PublicStatus::Released) {
      if (!header) out += "<h1>No longer in force</h1>\n";
      header = true;
      item(out, s, *p, zone);
    }
  if (exercise) out += "<div class=\"exercise\">" + std::string(kExerciseBanner) + "</div>\n";
  out += "</body></html>\n";
  return out;
}

namespace {

// CAP identifiers and senders hold no spaces, commas or restricted characters (CAP 1.2 3.2.1).
std::string capToken(std::string s) {
  for (char& c : s)
    if (c == ' ' || c == ',' || c == '<' || c == '&' || static_cast<unsigned char>(c) < 0x21)
      c = '-';
  return s;
}

std::string identifierOf(const Snapshot& s, const PublicItem& p) {
  const Incident* inc = s.mainIncident();
  std::string base = "liaison";
  if (inc) base += "-" + (inc->number.empty() ? std::to_string(inc->id) : inc->number);
  return capToken(base + "-public-" + std::to_string(p.id));
}

}  // namespace

std::vector<const PublicItem*> capItems(const Snapshot& s) {
  std::vector<const PublicItem*> out;
  for (const PublicItem& p : s.public_items)
    if (p.kind == PublicKind::PublicAlert && p.released_at &&
        (p.status == PublicStatus::Released || p.status == PublicStatus::Cancelled))
      out.push_back(&p);
  return out;
}

CapAlert capAlertOf(const Snapshot& s, const PublicItem& p, const std::string& sender) {
  if (p.kind != PublicKind::PublicAlert || !p.released_at)
    throw std::runtime_error("public item " + std::to_string(p.id) + " is " +
                             (p.kind != PublicKind::PublicAlert
                                  ? "a " + kindName(p.kind) + ", not a public alert"
                                  : std::string("not released")) +
                             "; CAP carries released public alerts only");
  const std::string zone = incidentZone(s);
  CapAlert a;
  a.sender = capToken(sender);
  a.identifier = identifierOf(s, p);
  a.sent = capTime(*p.released_at, zone);
  a.status = s.isExercise() ? "Exercise" : "Actual";
  a.scope = "Public";
  if (s.isExercise()) a.note = std::string(kExerciseBanner);
  const auto reference = [&](const PublicItem& old) {
    return a.sender + "," + identifierOf(s, old) + "," + capTime(*old.released_at, zone);
  };
  if (p.status == PublicStatus::Cancelled) {
    a.msg_type = "Cancel";
    a.references = reference(p);
    a.identifier += "-cancel";
  } else if (const PublicItem* old = p.supersedes ? s.find<PublicItem>(p.supersedes) : nullptr;
             old && old->released_at) {
    a.msg_type = "Update";
    a.references = reference(*old);
  }
  CapInfo info;
  info.category = capSpelling(p.category);
  info.event = p.event;
  info.urgency = capSpelling(p.urgency);
  info.severity = capSpelling(p.severity);
  info.certainty = capSpelling(p.certainty);
  info.headline = p.released_title;
  info.description = p.released_body;
  info.instruction = p.instruction;
  if (p.area != 0) {
    const MapFeature* f = s.feature(p.area);
    if (!f) throw std::runtime_error("public item " + std::to_string(p.id) + ": area map feature " +
                                     std::to_string(p.area) + " does not exist");
    CapArea area;
    area.desc = f->label.empty() ? "Map feature " + std::to_string(f->id) : f->label;
    if (f->geometry == GeometryKind::Polygon && !f->rings.empty()) {
      area.polygons.push_back(f->rings.front());
    } else if (f->geometry == GeometryKind::Point && !f->rings.empty() && !f->rings[0].empty()) {
      const auto props = nlohmann::json::parse(f->properties_json, nullptr, false);
      double r = 0;
      if (props.is_object() && props.contains("radius_km") && props["radius_km"].is_number())
        r = props["radius_km"].get<double>();
      if (r <= 0)
        throw std::runtime_error("public item " + std::to_string(p.id) + ": area " + area.desc +
                                 " is a point without a radius_km property; a CAP circle "
                                 "needs one (or use a polygon zone)");
      area.circles.push_back({f->rings[0][0], r});
    } else {
      throw std::runtime_error("public item " + std::to_string(p.id) + ": area " + area.desc +
                               " is a line; a CAP area is a polygon or a circle");
    }
    info.areas.push_back(std::move(area));
  }
  a.infos.push_back(std::move(info));
  return a;
}

std::string capXml(const Snapshot& s, Id item, const std::string& sender) {
  return writeCapXml(capAlertOf(s, publicItem(s, item), sender));
}

}  // namespace liaison::core
