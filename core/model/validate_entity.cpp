#include "core/model/validate_entity.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

#include "core/model/enums.hpp"
#include "core/model/journal_summary.hpp"

namespace liaison::core {

namespace {

class Checker {
 public:
  explicit Checker(const EntityLookup& lookup) : m_lookup(lookup) {}

  void fail(const std::string& field, const std::string& problem) {
    problems.push_back({field, problem});
  }

  void nonEmpty(const std::string& field, const std::string& value) {
    if (value.find_first_not_of(" \t\n\r") == std::string::npos)
      fail(field, "is empty; it needs a value");
  }

  void ref(const std::string& field, EntityKind kind, Id id, bool required) {
    if (id == 0) {
      if (required) fail(field, "is not set; it must name an existing " + kindLabel(kind));
      return;
    }
    if (!m_lookup.exists(kind, id))
      fail(field, "refers to " + kindLabel(kind) + " " + std::to_string(id) +
                      ", which does not exist; use the id of an existing " + kindLabel(kind));
  }

  void refs(const std::string& field, EntityKind kind, const std::vector<Id>& ids) {
    std::set<Id> seen;
    for (Id id : ids) {
      if (!seen.insert(id).second) {
        fail(field, "lists " + kindLabel(kind) + " " + std::to_string(id) +
                        " twice; each may appear once");
        return;
      }
      ref(field, kind, id, true);
    }
  }

  void range(const std::string& field, double v, double lo, double hi, const std::string& valid) {
    if (!std::isfinite(v) || v < lo || v > hi)
      fail(field, "is " + number(v) + "; it must be " + valid);
  }

  // An enumeration holding a value outside its table (a bad cast, a corrupt row).
  template <class E>
  void oneOf(const std::string& field, E v) {
    if (toString(v) == "?")
      fail(field, "is " + std::to_string(static_cast<int>(v)) + "; it must be " + validValues<E>());
  }

  static std::string number(double v) {
    if (std::isnan(v)) return "not a number";
    std::string s = std::to_string(v);
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }

  void lonLat(const std::string& field, const LonLat& p) {
    range(field + ".lon", p.lon, -180, 180, "a longitude between -180 and 180");
    range(field + ".lat", p.lat, -90, 90, "a latitude between -90 and 90");
  }

  const EntityLookup& lookup() const { return m_lookup; }
  std::vector<FieldProblem> problems;

 private:
  const EntityLookup& m_lookup;
};

void check(Checker& c, const Agency& a) {
  c.nonEmpty("code", a.code);
  c.nonEmpty("name", a.name);
  if (!a.code.empty())
    if (Id other = c.lookup().agencyWithCode(a.code, a.id))
      c.fail("code", "\"" + a.code + "\" is already used by agency " + std::to_string(other) +
                         "; agency codes must be unique");
  c.oneOf("type", a.type);
  c.oneOf("role", a.role);
  if (a.position) c.lonLat("position", *a.position);
  if (a.personnel < 0)
    c.fail("personnel", "is " + std::to_string(a.personnel) + "; it must be 0 or more");
}

void check(Checker& c, const Representative& r) {
  c.ref("agency", EntityKind::Agency, r.agency, true);
  c.nonEmpty("name", r.name);
  for (std::size_t i = 0; i < r.contacts.size(); ++i) {
    const std::string field = "contacts[" + std::to_string(i) + "]";
    c.oneOf(field + ".kind", r.contacts[i].kind);
    c.nonEmpty(field + ".value", r.contacts[i].value);
  }
}

void check(Checker& c, const Channel& ch) {
  const bool reps = ch.from_rep != 0 || ch.to_rep != 0;
  const bool agencies = ch.from_agency != 0 || ch.to_agency != 0;
  const bool repPair = ch.from_rep != 0 && ch.to_rep != 0;
  const bool agencyPair = ch.from_agency != 0 && ch.to_agency != 0;
  if ((reps && agencies) || (!repPair && !agencyPair)) {
    c.fail("endpoints",
           "are from_rep=" + std::to_string(ch.from_rep) + ", to_rep=" + std::to_string(ch.to_rep) +
               ", from_agency=" + std::to_string(ch.from_agency) +
               ", to_agency=" + std::to_string(ch.to_agency) +
               "; set exactly one pair: from_rep and to_rep, or from_agency and to_agency");
  } else if (repPair) {
    if (ch.from_rep == ch.to_rep)
      c.fail("to_rep", "is the same representative as from_rep (" + std::to_string(ch.from_rep) +
                           "); a channel joins two different representatives");
    c.ref("from_rep", EntityKind::Representative, ch.from_rep, true);
    c.ref("to_rep", EntityKind::Representative, ch.to_rep, true);
  } else {
    if (ch.from_agency == ch.to_agency)
      c.fail("to_agency", "is the same agency as from_agency (" + std::to_string(ch.from_agency) +
                              "); a channel joins two different agencies");
    c.ref("from_agency", EntityKind::Agency, ch.from_agency, true);
    c.ref("to_agency", EntityKind::Agency, ch.to_agency, true);
  }
  c.oneOf("medium", ch.medium);
  c.range("latency_min", ch.latency_min, 0, 1e9, "0 or more minutes");
  c.range("reliability", ch.reliability, 0, 1, "between 0 and 1");
  c.oneOf("status", ch.status);
}

void check(Checker& c, const Need& n) {
  c.ref("agency_a", EntityKind::Agency, n.agency_a, true);
  c.ref("agency_b", EntityKind::Agency, n.agency_b, true);
  if (n.agency_a == n.agency_b && n.agency_a != 0)
    c.fail("agency_b", "is the same agency as agency_a (" + std::to_string(n.agency_a) +
                           "); a need joins two different agencies");
  c.oneOf("priority", n.priority);
  c.oneOf("source", n.source);
  c.ref("task", EntityKind::Task, n.task, false);
}

void check(Checker& c, const Incident& i) {
  c.nonEmpty("name", i.name);
  if (i.end && *i.end < i.start)
    c.fail("end", "(" + std::to_string(*i.end) + ") is before start (" + std::to_string(i.start) +
                      "); it must be at or after the start");
}

void check(Checker& c, const OperationalPeriod& p) {
  c.ref("incident", EntityKind::Incident, p.incident, true);
  if (p.number < 1) c.fail("number", "is " + std::to_string(p.number) + "; it must be 1 or more");
  if (p.end < p.start)
    c.fail("end", "(" + std::to_string(p.end) + ") is before start (" + std::to_string(p.start) +
                      "); it must be at or after the start");
}

void check(Checker& c, const TimelineEvent& e) {
  c.ref("incident", EntityKind::Incident, e.incident, false);
  c.oneOf("kind", e.kind);
  c.refs("agencies", EntityKind::Agency, e.agencies);
  c.nonEmpty("text", e.text);
}

void check(Checker& c, const Task& t) {
  c.nonEmpty("title", t.title);
  c.oneOf("status", t.status);
  c.oneOf("priority", t.priority);
  c.ref("incident", EntityKind::Incident, t.incident, false);
  c.ref("owner_agency", EntityKind::Agency, t.owner_agency, false);
  c.ref("owner_rep", EntityKind::Representative, t.owner_rep, false);
  c.refs("involved", EntityKind::Agency, t.involved);
  bool self = false;
  for (Id d : t.depends_on)
    if (d == t.id && d != 0) self = true;
  if (self) c.fail("depends_on", "lists the task itself; a task cannot depend on itself");
  std::set<Id> seen;
  for (Id d : t.depends_on)
    if (!seen.insert(d).second) {
      c.fail("depends_on", "lists task " + std::to_string(d) + " twice; each may appear once");
      break;
    }
}

void check(Checker& c, const MapFeature& f) {
  c.ref("agency", EntityKind::Agency, f.agency, false);
  c.ref("incident", EntityKind::Incident, f.incident, false);
  c.oneOf("geometry", f.geometry);
  c.oneOf("kind", f.kind);
  switch (f.geometry) {
    case GeometryKind::Point:
      if (f.rings.size() != 1 || f.rings[0].size() != 1)
        c.fail("rings", "do not hold one coordinate; a point has one ring with one [lon, lat]");
      break;
    case GeometryKind::Line:
      if (f.rings.size() != 1 || f.rings[0].size() < 2)
        c.fail("rings", "do not hold one line; a line has one ring of 2 or more coordinates");
      break;
    case GeometryKind::Polygon:
      if (f.rings.empty()) c.fail("rings", "are empty; a polygon needs an outer ring");
      for (std::size_t i = 0; i < f.rings.size(); ++i) {
        const auto& ring = f.rings[i];
        if (ring.size() < 4 || !(ring.front() == ring.back()))
          c.fail("rings[" + std::to_string(i) + "]",
                 "is not a closed ring; a polygon ring has 4 or more coordinates and its last "
                 "equals its first (RFC 7946)");
      }
      break;
  }
  for (std::size_t i = 0; i < f.rings.size(); ++i)
    for (std::size_t k = 0; k < f.rings[i].size(); ++k)
      c.lonLat("rings[" + std::to_string(i) + "][" + std::to_string(k) + "]", f.rings[i][k]);
  if (!nlohmann::json::parse(f.properties_json, nullptr, false).is_object())
    c.fail("properties_json", "is not a JSON object; use {} when there are none");
}

}  // namespace

bool SnapshotLookup::exists(EntityKind kind, Id id) const {
  const Snapshot& s = m_snapshot;
  switch (kind) {
    case EntityKind::Agency: return s.agency(id) != nullptr;
    case EntityKind::Representative: return s.representative(id) != nullptr;
    case EntityKind::Channel: return s.channel(id) != nullptr;
    case EntityKind::Need: return s.need(id) != nullptr;
    case EntityKind::Incident: return s.incident(id) != nullptr;
    case EntityKind::OperationalPeriod: return s.period(id) != nullptr;
    case EntityKind::Event: return s.event(id) != nullptr;
    case EntityKind::Task: return s.task(id) != nullptr;
    case EntityKind::MapFeature: return s.feature(id) != nullptr;
  }
  return false;
}

Id SnapshotLookup::agencyWithCode(const std::string& code, Id except) const {
  for (const Agency& a : m_snapshot.agencies)
    if (a.code == code && a.id != except) return a.id;
  return 0;
}

std::vector<FieldProblem> entityProblems(const EntityLookup& lookup, const Entity& e) {
  Checker c(lookup);
  std::visit([&](const auto& v) { check(c, v); }, e);
  return std::move(c.problems);
}

std::string problemsOf(const std::vector<FieldProblem>& problems, const std::string& field) {
  std::string out;
  for (const FieldProblem& p : problems) {
    const bool sub = p.field.size() > field.size() && p.field.compare(0, field.size(), field) == 0 &&
                     (p.field[field.size()] == '[' || p.field[field.size()] == '.');
    if (p.field != field && !sub) continue;
    if (!out.empty()) out += "; ";
    out += p.text();
  }
  return out;
}

std::string describeProblem(const Entity& e, const FieldProblem& p) {
  return kindLabel(kindOf(e)) + " " + entityLabel(e) + ": " + p.text();
}

}  // namespace liaison::core
