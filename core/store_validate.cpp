#include "core/store_validate.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

#include "core/journal_summary.hpp"
#include "core/store.hpp"

namespace liaison::core {

namespace {

class Checker {
 public:
  Checker(StoreRows& rows, const Entity& e)
      : m_rows(rows), m_who(kindLabel(kindOf(e)) + " " + entityLabel(e)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
    throw ValidationError(m_who + ": " + field + " " + problem);
  }

  void nonEmpty(const std::string& field, const std::string& value) const {
    bool blank = true;
    for (char c : value)
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') blank = false;
    if (blank) fail(field, "is empty; it needs a value");
  }

  void ref(const std::string& field, EntityKind kind, Id id, bool required) const {
    if (id == 0) {
      if (required) fail(field, "is not set; it must name an existing " + kindLabel(kind));
      return;
    }
    if (!m_rows.exists(kind, id))
      fail(field, "refers to " + kindLabel(kind) + " " + std::to_string(id) +
                      ", which does not exist; use the id of an existing " + kindLabel(kind));
  }

  void refs(const std::string& field, EntityKind kind, const std::vector<Id>& ids) const {
    std::set<Id> seen;
    for (Id id : ids) {
      if (!seen.insert(id).second)
        fail(field, "lists " + kindLabel(kind) + " " + std::to_string(id) +
                        " twice; each may appear once");
      ref(field, kind, id, true);
    }
  }

  void range(const std::string& field, double v, double lo, double hi,
             const std::string& valid) const {
    if (!std::isfinite(v) || v < lo || v > hi)
      fail(field, "is " + number(v) + "; it must be " + valid);
  }

  static std::string number(double v) {
    if (std::isnan(v)) return "not a number";
    std::string s = std::to_string(v);
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }

  void lonLat(const std::string& field, const LonLat& p) const {
    range(field + ".lon", p.lon, -180, 180, "a longitude between -180 and 180");
    range(field + ".lat", p.lat, -90, 90, "a latitude between -90 and 90");
  }

  StoreRows& rows() const { return m_rows; }

 private:
  StoreRows& m_rows;
  std::string m_who;
};

void check(const Checker& c, const Agency& a) {
  c.nonEmpty("code", a.code);
  c.nonEmpty("name", a.name);
  sql::Stmt& st = c.rows().stmt("SELECT id FROM agencies WHERE code = ? AND id <> ?");
  st.bind(1, a.code).bind(2, a.id);
  if (st.step()) {
    Id other = st.i64(0);
    st.reset();
    c.fail("code", "\"" + a.code + "\" is already used by agency " + std::to_string(other) +
                       "; agency codes must be unique");
  }
  st.reset();
  if (a.position) c.lonLat("position", *a.position);
  if (a.personnel < 0)
    c.fail("personnel", "is " + std::to_string(a.personnel) + "; it must be 0 or more");
}

void check(const Checker& c, const Representative& r) {
  c.ref("agency", EntityKind::Agency, r.agency, true);
  c.nonEmpty("name", r.name);
  for (std::size_t i = 0; i < r.contacts.size(); ++i)
    c.nonEmpty("contacts[" + std::to_string(i) + "].value", r.contacts[i].value);
}

void check(const Checker& c, const Channel& ch) {
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
  }
  if (repPair) {
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
  c.range("latency_min", ch.latency_min, 0, 1e9, "0 or more minutes");
  c.range("reliability", ch.reliability, 0, 1, "between 0 and 1");
}

void check(const Checker& c, const Need& n) {
  c.ref("agency_a", EntityKind::Agency, n.agency_a, true);
  c.ref("agency_b", EntityKind::Agency, n.agency_b, true);
  if (n.agency_a == n.agency_b)
    c.fail("agency_b", "is the same agency as agency_a (" + std::to_string(n.agency_a) +
                           "); a need joins two different agencies");
  c.ref("task", EntityKind::Task, n.task, false);
}

void check(const Checker& c, const Incident& i) {
  c.nonEmpty("name", i.name);
  if (i.end && *i.end < i.start)
    c.fail("end", "(" + std::to_string(*i.end) + ") is before start (" + std::to_string(i.start) +
                      "); it must be at or after the start");
}

void check(const Checker& c, const OperationalPeriod& p) {
  c.ref("incident", EntityKind::Incident, p.incident, true);
  if (p.number < 1) c.fail("number", "is " + std::to_string(p.number) + "; it must be 1 or more");
  if (p.end < p.start)
    c.fail("end", "(" + std::to_string(p.end) + ") is before start (" + std::to_string(p.start) +
                      "); it must be at or after the start");
}

void check(const Checker& c, const TimelineEvent& e) {
  c.ref("incident", EntityKind::Incident, e.incident, false);
  c.refs("agencies", EntityKind::Agency, e.agencies);
  c.nonEmpty("text", e.text);
}

void check(const Checker& c, const Task& t) {
  c.nonEmpty("title", t.title);
  c.ref("incident", EntityKind::Incident, t.incident, false);
  c.ref("owner_agency", EntityKind::Agency, t.owner_agency, false);
  c.ref("owner_rep", EntityKind::Representative, t.owner_rep, false);
  c.refs("involved", EntityKind::Agency, t.involved);
  for (Id d : t.depends_on)
    if (d == t.id) c.fail("depends_on", "lists the task itself; a task cannot depend on itself");
  std::set<Id> seen;
  for (Id d : t.depends_on)
    if (!seen.insert(d).second)
      c.fail("depends_on", "lists task " + std::to_string(d) + " twice; each may appear once");
}

void check(const Checker& c, const MapFeature& f) {
  c.ref("agency", EntityKind::Agency, f.agency, false);
  c.ref("incident", EntityKind::Incident, f.incident, false);
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

void validateTaskDependencies(StoreRows& rows, const Task& t) {
  const Entity e = t;
  Checker c(rows, e);
  c.refs("depends_on", EntityKind::Task, t.depends_on);
  if (t.depends_on.empty()) return;
  sql::Stmt& st = rows.stmt(
      "WITH RECURSIVE reach(id) AS (SELECT depends_on FROM task_depends WHERE task = ?1 "
      "UNION SELECT d.depends_on FROM task_depends d JOIN reach r ON d.task = r.id) "
      "SELECT 1 FROM reach WHERE id = ?1 LIMIT 1");
  st.bind(1, t.id);
  const bool cycle = st.step();
  st.reset();
  if (cycle)
    c.fail("depends_on",
           "makes a cycle: through its dependencies the task depends on itself; "
           "remove one of the dependencies");
}

void validateEntity(StoreRows& rows, const Entity& e) {
  Checker c(rows, e);
  if (idOf(e) <= 0) c.fail("id", "is " + std::to_string(idOf(e)) + "; ids are positive");
  std::visit([&](const auto& v) { check(c, v); }, e);
}

}  // namespace liaison::core
