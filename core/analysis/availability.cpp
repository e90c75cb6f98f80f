#include "core/analysis/availability.hpp"

#include <algorithm>
#include <set>

#include "core/geo/polygon.hpp"
#include "core/model/enums.hpp"
#include "core/model/values.hpp"

namespace liaison::core {

namespace {

int rank(Status s) {
  return s == Status::Up ? 0 : s == Status::Degraded ? 1 : 2;
}

bool has(const std::vector<Id>& v, Id id) {
  return std::find(v.begin(), v.end(), id) != v.end();
}

const char* statusWord(Status s) {
  return s == Status::Down ? "down" : s == Status::Degraded ? "degraded" : "up";
}

}  // namespace

Availability::Availability(const Snapshot& s, const FailureSet& f) : m_snap(s) {
  // Zones: every failed polygon.
  std::vector<std::pair<Id, const std::vector<std::vector<LonLat>>*>> zones;
  for (Id z : f.zones)
    if (const MapFeature* mf = s.feature(z); mf && mf->geometry == GeometryKind::Polygon)
      zones.emplace_back(z, &mf->rings);
  auto zoneAt = [&](const std::optional<LonLat>& p) -> Id {
    if (!p) return 0;
    for (const auto& [id, rings] : zones)
      if (geo::contains(*rings, *p)) return id;
    return 0;
  };
  auto zoneOver = [&](Id featureId) -> Id {
    const MapFeature* mf = featureId ? s.feature(featureId) : nullptr;
    if (!mf) return 0;
    for (const auto& [id, rings] : zones) {
      if (mf->geometry == GeometryKind::Polygon && geo::intersects(mf->rings, *rings)) return id;
      if (mf->geometry != GeometryKind::Polygon)
        for (const auto& ring : mf->rings)
          for (const LonLat& p : ring)
            if (geo::contains(*rings, p)) return id;
    }
    return 0;
  };

  // Infrastructure: its own state and the what-if, then what it depends on.
  for (const Infrastructure& x : s.infrastructure) {
    OutReason r;
    Status st = x.status;
    if (has(f.infrastructure, x.id)) {
      st = Status::Down;
      r = {OutReason::Why::WhatIf, 0};
    } else if (Id z = x.position ? zoneAt(x.position) : zoneOver(x.feature)) {
      st = Status::Down;
      r = {OutReason::Why::Zone, z};
      m_inZones.infrastructure.push_back(x.id);
    } else if (st != Status::Up) {
      r = {st == Status::Down ? OutReason::Why::StatusDown : OutReason::Why::StatusDegraded, 0};
    }
    if (st != Status::Up) {
      m_infraStatus[x.id] = st;
      m_infra[x.id] = r;
    }
  }
  // Dependencies are acyclic (the store refuses cycles); iterate to the fixed point anyway, at
  // most once per element, so a corrupt file cannot loop.
  for (std::size_t round = 0; round <= s.infrastructure.size(); ++round) {
    bool changed = false;
    for (const Infrastructure& x : s.infrastructure) {
      Status worst = infrastructureStatus(x.id);
      Id cause = 0;
      for (Id d : x.depends_on) {
        const Status ds = infrastructureStatus(d);
        if (rank(ds) > rank(worst)) {
          worst = ds;
          cause = d;
        }
      }
      if (cause != 0) {
        m_infraStatus[x.id] = worst;
        m_infra[x.id] = {OutReason::Why::Infrastructure, cause};
        changed = true;
      }
    }
    if (!changed) break;
  }
  auto worstCarrier = [&](const std::vector<Id>& carriers, Status& worst) {
    Id cause = 0;
    for (Id c : carriers) {
      const Status cs = infrastructureStatus(c);
      if (rank(cs) > rank(worst)) {
        worst = cs;
        cause = c;
      }
    }
    return cause;
  };

  for (const Agency& a : s.agencies) {
    if (has(f.agencies, a.id))
      m_agency[a.id] = {OutReason::Why::WhatIf, a.id};
    else if (a.status == Status::Down)
      m_agency[a.id] = {OutReason::Why::AgencyDown, a.id};
    if (zoneAt(a.position)) m_inZones.agencies.push_back(a.id);
  }

  for (const Representative& p : s.representatives) {
    OutReason r;
    const Agency* ag = s.agency(p.agency);
    const std::optional<LonLat> where = p.location ? p.location : (ag ? ag->position : std::nullopt);
    Status carried = Status::Up;
    const Id carrier = worstCarrier(p.carried_by, carried);
    if (has(f.representatives, p.id)) {
      r = {OutReason::Why::WhatIf, 0};
    } else if (auto it = m_agency.find(p.agency); it != m_agency.end()) {
      r = it->second;
    } else if (!p.on_duty) {
      r = {OutReason::Why::OffDuty, 0};
    } else if (Id z = zoneAt(where)) {
      r = {OutReason::Why::Zone, z};
      m_inZones.representatives.push_back(p.id);
    } else if (carried == Status::Down) {
      r = {OutReason::Why::Infrastructure, carrier};
    }
    if (r.why != OutReason::Why::None) m_person[p.id] = r;
  }

  std::set<Medium> media(f.media.begin(), f.media.end());
  for (const Channel& c : s.channels) {
    OutReason r;
    Status st = c.status;
    Status carried = Status::Up;
    const Id carrier = worstCarrier(c.carried_by, carried);
    auto prefixed = [&] {
      for (const std::string& pre : f.prefixes)
        if (!pre.empty() && c.identifier.compare(0, pre.size(), pre) == 0) return true;
      return false;
    };
    if (has(f.channels, c.id)) {
      st = Status::Down;
      r = {OutReason::Why::WhatIf, 0};
    } else if (media.count(c.medium)) {
      st = Status::Down;
      r = {OutReason::Why::Medium, 0};
    } else if (prefixed()) {
      st = Status::Down;
      r = {OutReason::Why::Prefix, 0};
    } else if (st == Status::Down) {
      r = {OutReason::Why::StatusDown, 0};
    } else if (carried == Status::Down) {
      st = Status::Down;
      r = {OutReason::Why::Infrastructure, carrier};
    } else if (st == Status::Degraded) {
      r = {OutReason::Why::StatusDegraded, 0};
    } else if (carried == Status::Degraded) {
      st = Status::Degraded;
      r = {OutReason::Why::Infrastructure, carrier};
    }
    if (st != Status::Up) {
      m_channelStatus[c.id] = st;
      m_channel[c.id] = r;
    }
  }
  for (auto* v : {&m_inZones.infrastructure, &m_inZones.representatives, &m_inZones.agencies})
    std::sort(v->begin(), v->end());
}

bool Availability::personAvailable(Id id) const {
  return m_snap.representative(id) != nullptr && !m_person.count(id);
}

bool Availability::agencyUp(Id id) const {
  return !m_agency.count(id);
}

Status Availability::channelStatus(Id id) const {
  auto it = m_channelStatus.find(id);
  return it == m_channelStatus.end() ? Status::Up : it->second;
}

Status Availability::infrastructureStatus(Id id) const {
  auto it = m_infraStatus.find(id);
  return it == m_infraStatus.end() ? Status::Up : it->second;
}

OutReason Availability::personReason(Id id) const {
  auto it = m_person.find(id);
  return it == m_person.end() ? OutReason{} : it->second;
}

OutReason Availability::channelReason(Id id) const {
  auto it = m_channel.find(id);
  return it == m_channel.end() ? OutReason{} : it->second;
}

OutReason Availability::infrastructureReason(Id id) const {
  auto it = m_infra.find(id);
  return it == m_infra.end() ? OutReason{} : it->second;
}

std::string Availability::describe(const OutReason& r, const char* subject) const {
  using W = OutReason::Why;
  auto infraName = [&](Id id) {
    const Infrastructure* x = m_snap.infrastructureItem(id);
    return (x ? x->name : "infrastructure " + std::to_string(id)) + " (" +
           statusWord(infrastructureStatus(id)) + ")";
  };
  auto zoneName = [&](Id id) {
    const MapFeature* z = m_snap.feature(id);
    return z && !z->label.empty() ? "zone " + z->label : "zone " + std::to_string(id);
  };
  switch (r.why) {
    case W::None: return "";
    case W::OffDuty: return "off duty";
    case W::AgencyDown: {
      const Agency* a = m_snap.agency(r.by);
      return "agency " + (a ? a->code : std::to_string(r.by)) + " is down";
    }
    case W::StatusDown: return std::string(subject) + " down";
    case W::StatusDegraded: return std::string(subject) + " degraded";
    case W::Infrastructure: return "carried by " + infraName(r.by);
    case W::WhatIf: {
      if (r.by == 0) return "failed in the what-if";
      const Agency* a = m_snap.agency(r.by);
      return "agency " + (a ? a->code : std::to_string(r.by)) + " failed in the what-if";
    }
    case W::Zone: return "inside " + zoneName(r.by);
    case W::Medium: return "its medium failed in the what-if";
    case W::Prefix: return "its identifier range failed in the what-if";
  }
  return "";
}

std::string Availability::explainPerson(Id id) const {
  return describe(personReason(id), "marked");
}

std::string Availability::explainChannel(Id id) const {
  return describe(channelReason(id), "marked");
}

std::string addFailure(const Snapshot& s, const std::string& spec, FailureSet& out) {
  const auto colon = spec.find(':');
  const std::string kind = colon == std::string::npos ? "" : spec.substr(0, colon);
  const std::string value = colon == std::string::npos ? spec : spec.substr(colon + 1);
  auto idOf = [&](const std::string& text) { return parseId(text).value_or(0); };
  const std::string valid =
      "; expected an agency code, rep:ID, channel:ID, infra:ID, medium:NAME, prefix:TEXT or "
      "zone:ID";
  if (kind.empty() || kind == "agency") {
    for (const Agency& a : s.agencies)
      if (a.code == value || (kind == "agency" && std::to_string(a.id) == value)) {
        out.agencies.push_back(a.id);
        return "";
      }
    if (kind.empty())
      if (Id id = idOf(value); id && s.representative(id)) {
        out.representatives.push_back(id);
        return "";
      }
    return "unknown agency or representative '" + value + "'" + valid;
  }
  if (kind == "rep" || kind == "representative") {
    const Id id = idOf(value);
    if (!s.representative(id)) return "unknown representative '" + value + "'" + valid;
    out.representatives.push_back(id);
    return "";
  }
  if (kind == "channel") {
    const Id id = idOf(value);
    if (!s.channel(id)) return "unknown channel '" + value + "'" + valid;
    out.channels.push_back(id);
    return "";
  }
  if (kind == "infra" || kind == "infrastructure") {
    const Id id = idOf(value);
    if (!s.infrastructureItem(id)) {
      std::string known;
      for (const Infrastructure& x : s.infrastructure)
        known += (known.empty() ? "" : ", ") + std::to_string(x.id) + " " + x.name;
      return "unknown infrastructure '" + value + "'; expected one of the workspace's: " +
             (known.empty() ? "(none)" : known);
    }
    out.infrastructure.push_back(id);
    return "";
  }
  if (kind == "medium") {
    auto m = parseEnum<Medium>(value);
    if (!m) return "unknown medium '" + value + "'; expected " + validValues<Medium>();
    out.media.push_back(*m);
    return "";
  }
  if (kind == "prefix") {
    if (value.empty()) return "prefix: is empty; expected the start of channel identifiers";
    out.prefixes.push_back(value);
    return "";
  }
  if (kind == "zone") {
    const Id id = idOf(value);
    const MapFeature* f = s.feature(id);
    if (!f) return "unknown zone '" + value + "'; expected the id of a map feature";
    if (f->geometry != GeometryKind::Polygon)
      return "map feature " + value + " is not an area; expected a polygon (a zone drawn or imported)";
    out.zones.push_back(id);
    return "";
  }
  return "unknown what-if target '" + spec + "'" + valid;
}

std::string describeFailures(const Snapshot& s, const FailureSet& f) {
  std::string out;
  auto add = [&](const std::string& w) { out += (out.empty() ? "" : ", ") + w; };
  for (Id a : f.agencies) {
    const Agency* ag = s.agency(a);
    add(ag ? ag->code : "agency " + std::to_string(a));
  }
  for (Id r : f.representatives) {
    const Representative* p = s.representative(r);
    add(p ? p->name + " (rep " + std::to_string(r) + ")" : "rep " + std::to_string(r));
  }
  for (Id c : f.channels) add("channel " + std::to_string(c));
  for (Id i : f.infrastructure) {
    const Infrastructure* x = s.infrastructureItem(i);
    add(x ? x->name + " (infra " + std::to_string(i) + ")" : "infra " + std::to_string(i));
  }
  for (Medium m : f.media) add("every " + std::string(toString(m)) + " channel");
  for (const std::string& p : f.prefixes) add("channels " + p + "*");
  for (Id z : f.zones) {
    const MapFeature* mf = s.feature(z);
    add(mf && !mf->label.empty() ? "zone " + mf->label + " (" + std::to_string(z) + ")"
                                 : "zone " + std::to_string(z));
  }
  return out;
}

}  // namespace liaison::core
