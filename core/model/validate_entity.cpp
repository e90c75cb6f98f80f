#include "core/model/validate_entity.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/model/entity_fields.hpp"
#include "core/model/enums.hpp"
#include "core/model/journal_summary.hpp"
#include "core/model/public_info.hpp"
#include "core/model/references.hpp"
#include "core/model/time_zone.hpp"

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

  bool distinct(const std::string& field, EntityKind kind, const std::vector<Id>& ids) {
    std::set<Id> seen;
    for (Id id : ids)
      if (!seen.insert(id).second) {
        fail(field, "lists " + kindLabel(kind) + " " + std::to_string(id) +
                        " twice; each may appear once");
        return false;
      }
    return true;
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

// The rules every field table states: non-empty text, existing references, known enum
// values, numbers in range, valid coordinates. `prefix` names the field of a nested record.
template <class R>
void checkFields(Checker& c, const R& r, const std::string& prefix = "") {
  fields::forEach<R>([&](const auto& f) {
    using T = typename std::decay_t<decltype(f)>::value_type;
    using fields::Kind;
    const std::string key = prefix + std::string(f.key);
    const T& v = f.get(r);
    if constexpr (std::is_same_v<T, std::string>) {
      if (f.rules.required) c.nonEmpty(key, v);
    } else if constexpr (std::is_enum_v<T>) {
      c.oneOf(key, v);
    } else if constexpr (std::is_same_v<T, std::optional<LonLat>>) {
      if (v) c.lonLat(key, *v);
    } else if constexpr (std::is_same_v<T, std::vector<Id>>) {
      // References to the record's own kind may point forward within a batch: the store
      // checks them when the batch is complete (store/store_validate.hpp).
      if constexpr (requires { entityKindOf<R>(); }) {
        if (f.kind == Kind::IdList && f.rules.target == entityKindOf<R>()) {
          c.distinct(key, f.rules.target, v);
          return;
        }
      }
      if (f.kind == Kind::IdList) c.refs(key, f.rules.target, v);
    } else if constexpr (std::is_same_v<T, std::optional<double>>) {
      if (v && !fields::inRange(*v, f.rules)) c.range(key, *v, f.rules.min, f.rules.max, std::string(f.rules.valid));
    } else if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
      if (f.kind == Kind::Ref) {
        c.ref(key, f.rules.target, static_cast<Id>(v), f.rules.required);
      } else if (f.kind == Kind::Integer || f.kind == Kind::Real) {
        if (!fields::inRange(static_cast<double>(v), f.rules)) {
          if constexpr (std::is_integral_v<T>)
            c.fail(key, "is " + std::to_string(v) + "; it must be " + std::string(f.rules.valid));
          else
            c.range(key, v, f.rules.min, f.rules.max, std::string(f.rules.valid));
        }
      }
    }
  });
}

void checkTimes(Checker& c, TimeUtc start, std::optional<TimeUtc> end) {
  if (end && *end < start)
    c.fail("end", "(" + std::to_string(*end) + ") is before start (" + std::to_string(start) +
                      "); it must be at or after the start");
}

void notItself(Checker& c, const std::string& field, const std::string& what, Id self,
                    const std::vector<Id>& ids) {
  for (Id d : ids)
    if (d == self && d != 0) {
      c.fail(field, "lists the " + what + " itself; a " + what + " cannot depend on itself");
      return;
    }
}

// What the field tables cannot say: rules across fields and across records.
void check(Checker& c, const Agency& a) {
  if (!a.code.empty())
    if (Id other = c.lookup().agencyWithCode(a.code, a.id))
      c.fail("code", "\"" + a.code + "\" is already used by agency " + std::to_string(other) +
                         "; agency codes must be unique");
  if (a.status == Status::Degraded)
    c.fail("status", "is degraded; an agency is up or down");
}

void check(Checker& c, const Representative& r) {
  for (std::size_t i = 0; i < r.contacts.size(); ++i)
    checkFields(c, r.contacts[i], "contacts[" + std::to_string(i) + "].");
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
  } else if (repPair && ch.from_rep == ch.to_rep) {
    c.fail("to_rep", "is the same representative as from_rep (" + std::to_string(ch.from_rep) +
                         "); a channel joins two different representatives");
  } else if (agencyPair && ch.from_agency == ch.to_agency) {
    c.fail("to_agency", "is the same agency as from_agency (" + std::to_string(ch.from_agency) +
                            "); a channel joins two different agencies");
  }
}

void check(Checker& c, const Need& n) {
  if (n.agency_a == n.agency_b && n.agency_a != 0)
    c.fail("agency_b", "is the same agency as agency_a (" + std::to_string(n.agency_a) +
                           "); a need joins two different agencies");
}

void check(Checker& c, const Incident& i) {
  checkTimes(c, i.start, i.end);
  if (!isTimeZone(i.time_zone))
    c.fail("time_zone", "\"" + i.time_zone +
                            "\" is not a time zone; use an IANA name such as America/Chicago, or "
                            "leave it empty for UTC");
}

void check(Checker& c, const OperationalPeriod& p) {
  checkTimes(c, p.start, p.end);
}

void check(Checker&, const TimelineEvent&) {}

void check(Checker& c, const Task& t) {
  notItself(c, "depends_on", "task", t.id, t.depends_on);
}

void check(Checker& c, const MapFeature& f) {
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

void check(Checker& c, const Infrastructure& x) {
  notItself(c, "depends_on", "infrastructure element", x.id, x.depends_on);
}

void check(Checker& c, const Message& m) {
  if ((m.from_rep != 0) == (m.from_agency != 0))
    c.fail("from", m.from_rep != 0
                       ? "names both a representative and an agency; set from_rep, or "
                         "from_agency when the person is not known"
                       : "is not set; set from_rep, or from_agency when the person is not known");
  if (m.to_reps.empty() && m.to_agencies.empty())
    c.fail("to", "is empty; a message goes to one or more representatives or agencies");
  if (m.from_rep != 0 && std::find(m.to_reps.begin(), m.to_reps.end(), m.from_rep) != m.to_reps.end())
    c.fail("to_reps", "lists the sender (" + std::to_string(m.from_rep) +
                          "); a message goes to others");
  if (m.from_agency != 0 &&
      std::find(m.to_agencies.begin(), m.to_agencies.end(), m.from_agency) != m.to_agencies.end())
    c.fail("to_agencies", "lists the sending agency (" + std::to_string(m.from_agency) +
                              "); a message goes to others");
  if (m.reply_to != 0 && m.reply_to == m.id)
    c.fail("reply_to", "is the message itself; a reply answers an earlier message");
}

void check(Checker&, const Objective&) {}

void check(Checker& c, const PublicItem& x) {
  if (auto p = placeholderProblem(x.title)) c.fail("title", "at " + *p);
  if (auto p = placeholderProblem(x.body)) c.fail("body", "at " + *p);
  const int rank = static_cast<int>(x.status);
  const int approved = static_cast<int>(PublicStatus::Approved);
  const int released = static_cast<int>(PublicStatus::Released);
  const bool cancelled = x.status == PublicStatus::Cancelled;
  if (x.supersedes != 0 && x.supersedes == x.id)
    c.fail("supersedes", "names the item itself; it names the released item this replaces");
  if (!cancelled && rank < approved && (x.approved_by != 0 || x.approved_at))
    c.fail("approved_by", "is set on an item that is not approved; approval comes after the "
                          "check");
  if (!cancelled && rank >= approved) {
    if (x.approved_by == 0) c.fail("approved_by", "is not set; say who approved it");
    if (!x.approved_at) c.fail("approved_at", "is not set; say when it was approved");
  }
  if (!cancelled && rank < released &&
      (x.released_at || !x.released_body.empty() || !x.released_title.empty()))
    c.fail("released_at", "is set on an item that was not released");
  if (!cancelled && rank >= released) {
    if (!x.released_at) c.fail("released_at", "is not set; say when it was released");
    if (x.channel.find_first_not_of(" \t") == std::string::npos)
      c.fail("channel", "is empty; say where it was released (press conference, web, IPAWS)");
    if (x.released_title.empty()) c.fail("released_title", "is empty; the text as released");
  }
  if (x.kind == PublicKind::PublicAlert && rank >= static_cast<int>(PublicStatus::Checked) &&
      !cancelled && x.event.find_first_not_of(" \t") == std::string::npos)
    c.fail("event", "is empty; a public alert names its event (CAP 1.2 event)");
}

}  // namespace

bool SnapshotLookup::exists(EntityKind kind, Id id) const {
  return m_snapshot.exists(kind, id);
}

Id SnapshotLookup::agencyWithCode(const std::string& code, Id except) const {
  for (const Agency& a : m_snapshot.agencies)
    if (a.code == code && a.id != except) return a.id;
  return 0;
}

std::vector<FieldProblem> entityProblems(const EntityLookup& lookup, const Entity& e) {
  Checker c(lookup);
  std::visit(
      [&](const auto& v) {
        checkFields(c, v);
        check(c, v);
        // In field order; problems not about one field ("endpoints") first.
        using R = std::decay_t<decltype(v)>;
        auto rank = [](const FieldProblem& p) {
          const std::string base = p.field.substr(0, p.field.find_first_of("[."));
          int i = 0, found = -1;
          fields::forEach<R>([&](const auto& f) {
            if (f.key == base) found = i;
            ++i;
          });
          return found;
        };
        std::stable_sort(c.problems.begin(), c.problems.end(),
                         [&](const FieldProblem& a, const FieldProblem& b) {
                           return rank(a) < rank(b);
                         });
      },
      e);
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
