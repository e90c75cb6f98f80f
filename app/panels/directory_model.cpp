#include "directory_model.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/model/enums.hpp"

namespace liaison::app {

std::string toLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

std::string agencyTypeLabel(core::AgencyType type) {
  using T = core::AgencyType;
  switch (type) {
    case T::Fire:
      return "Fire";
    case T::Law:
      return "Law enforcement";
    case T::Ems:
      return "EMS";
    case T::Hospital:
      return "Hospital";
    case T::PublicHealth:
      return "Public health";
    case T::PublicWorks:
      return "Public works";
    case T::Utility:
      return "Utility";
    case T::School:
      return "School";
    case T::Transit:
      return "Transit";
    case T::Ngo:
      return "NGO";
    case T::Media:
      return "Media";
    case T::Government:
      return "Government";
    case T::Military:
      return "Military";
    case T::Private:
      return "Private";
    case T::Other:
      return "Other";
  }
  return "Other";
}

std::string contactKindLabel(core::ContactKind kind) {
  using K = core::ContactKind;
  switch (kind) {
    case K::Phone:
      return "Phone";
    case K::Cell:
      return "Cell";
    case K::Radio:
      return "Radio";
    case K::Email:
      return "E-mail";
    case K::Pager:
      return "Pager";
    case K::SatPhone:
      return "Sat phone";
    case K::Fax:
      return "Fax";
    case K::Other:
      return "Other";
  }
  return "Other";
}

namespace {

std::string contactsText(const core::Representative& rep, SensitiveMode mode) {
  std::string out;
  for (const auto& c : rep.contacts) {
    if (c.sensitive && mode == SensitiveMode::Omit) continue;
    if (!out.empty()) out += "  \xC2\xB7  ";  // middle dot
    out += contactKindLabel(c.kind);
    out += ' ';
    if (c.sensitive && mode == SensitiveMode::Mask)
      out += kSensitiveMask;
    else
      out += c.value;
  }
  return out;
}

void fillSearch(DirectoryRow& row) {
  std::string hay;
  for (const std::string* s : {&row.agency_code, &row.agency_name, &row.type, &row.role, &row.name,
                               &row.position, &row.shift, &row.contacts}) {
    hay += *s;
    hay += '\n';  // a term never matches across two fields
  }
  row.search = toLowerAscii(hay);
}

DirectoryRow agencyRow(const core::Agency& a) {
  DirectoryRow row;
  row.agency_id = a.id;
  row.agency_code = a.code;
  row.agency_name = a.name;
  row.type = agencyTypeLabel(a.type);
  row.assisting = a.role == core::AgencyRole::Assisting;
  row.role = std::string(core::toString(a.role));
  return row;
}

}  // namespace

std::vector<DirectoryRow> buildDirectoryRows(const core::Snapshot& snapshot, SensitiveMode mode) {
  // Group representatives by agency without relying on the snapshot's lookups.
  std::unordered_map<core::Id, std::vector<const core::Representative*>> reps_by_agency;
  for (const auto& r : snapshot.representatives) reps_by_agency[r.agency].push_back(&r);

  std::vector<const core::Agency*> agencies;
  agencies.reserve(snapshot.agencies.size());
  for (const auto& a : snapshot.agencies) agencies.push_back(&a);
  std::stable_sort(agencies.begin(), agencies.end(),
                   [](const core::Agency* x, const core::Agency* y) { return x->code < y->code; });

  std::vector<DirectoryRow> rows;
  rows.reserve(snapshot.representatives.size() + snapshot.agencies.size());
  for (const core::Agency* a : agencies) {
    auto it = reps_by_agency.find(a->id);
    if (it == reps_by_agency.end() || it->second.empty()) {
      rows.push_back(agencyRow(*a));
      fillSearch(rows.back());
      continue;
    }
    auto reps = it->second;
    std::sort(
        reps.begin(), reps.end(),
        [](const core::Representative* x, const core::Representative* y) { return x->id < y->id; });
    for (const core::Representative* r : reps) {
      DirectoryRow row = agencyRow(*a);
      row.rep_id = r->id;
      row.name = r->name;
      row.position = r->position;
      row.shift = r->shift;
      row.on_duty = r->on_duty;
      row.contacts = contactsText(*r, mode);
      fillSearch(row);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::vector<std::size_t> filterDirectoryRows(const std::vector<DirectoryRow>& rows,
                                             std::string_view filter) {
  std::vector<std::string> terms;
  const std::string lower = toLowerAscii(filter);
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < lower.size() && lower[j] != ' ' && lower[j] != '\t') ++j;
    if (j > i) terms.push_back(lower.substr(i, j - i));
    i = j;
  }

  std::vector<std::size_t> out;
  out.reserve(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const bool all = std::all_of(terms.begin(), terms.end(), [&](const std::string& t) {
      return rows[r].search.find(t) != std::string::npos;
    });
    if (all) out.push_back(r);
  }
  return out;
}

std::string mediumLabel(core::Medium medium) {
  using M = core::Medium;
  switch (medium) {
    case M::Radio:
      return "Radio";
    case M::Phone:
      return "Phone";
    case M::Email:
      return "E-mail";
    case M::InPerson:
      return "In person";
    case M::DataLink:
      return "Data link";
  }
  return "Other";
}

std::string agencyCodeOf(const core::Snapshot& snapshot, core::Id agency) {
  const core::Agency* a = snapshot.agency(agency);
  return a ? a->code : "agency " + std::to_string(agency);
}

std::string repLabel(const core::Snapshot& snapshot, core::Id rep) {
  const core::Representative* r = snapshot.representative(rep);
  if (!r) return "representative " + std::to_string(rep);
  return r->name + " (" + agencyCodeOf(snapshot, r->agency) + ")";
}

std::string channelLabel(const core::Snapshot& snapshot, const core::Channel& c) {
  std::string s = mediumLabel(c.medium);
  if (!c.identifier.empty()) s += " " + c.identifier;
  s += ": ";
  if (c.betweenReps())
    s += repLabel(snapshot, c.from_rep) + " - " + repLabel(snapshot, c.to_rep);
  else
    s += agencyCodeOf(snapshot, c.from_agency) + " - " + agencyCodeOf(snapshot, c.to_agency);
  return s;
}

std::string needLabel(const core::Snapshot& snapshot, const core::Need& n) {
  std::string s = agencyCodeOf(snapshot, n.agency_a) + " - " + agencyCodeOf(snapshot, n.agency_b);
  if (!n.reason.empty()) s += ": " + n.reason;
  return s;
}

AgencyRelations agencyRelations(const core::Snapshot& snapshot, core::Id agency) {
  AgencyRelations out;
  for (const auto& r : snapshot.representatives)
    if (r.agency == agency) out.reps.push_back(&r);
  auto mine = [&](core::Id rep) {
    const core::Representative* r = snapshot.representative(rep);
    return r && r->agency == agency;
  };
  for (const auto& c : snapshot.channels) {
    const bool ours = c.betweenReps() ? (mine(c.from_rep) || mine(c.to_rep))
                                      : (c.from_agency == agency || c.to_agency == agency);
    if (ours) out.channels.push_back(&c);
  }
  for (const auto& n : snapshot.needs)
    if (n.agency_a == agency || n.agency_b == agency) out.needs.push_back(&n);
  return out;
}

RemovalImpact removalImpact(const core::Snapshot& snapshot, core::EntityKind kind, core::Id id) {
  using K = core::EntityKind;
  RemovalImpact out;
  auto repChannels = [&](core::Id rep, std::set<core::Id>& seen) {
    for (const auto& c : snapshot.channels)
      if (c.betweenReps() && (c.from_rep == rep || c.to_rep == rep) && seen.insert(c.id).second)
        out.removed.push_back("channel " + std::to_string(c.id) + " (" + channelLabel(snapshot, c) +
                              ")");
  };
  auto repTasks = [&](core::Id rep) {
    for (const auto& t : snapshot.tasks)
      if (t.owner_rep == rep)
        out.detached.push_back("task " + std::to_string(t.id) + " (" + t.title +
                               ") loses its owner " + repLabel(snapshot, rep));
  };
  std::set<core::Id> channels;
  switch (kind) {
    case K::Agency: {
      const core::Agency* a = snapshot.agency(id);
      out.what = "agency " + (a ? a->code + " (" + a->name + ")" : std::to_string(id));
      for (const auto& r : snapshot.representatives)
        if (r.agency == id) {
          out.removed.push_back("representative " + r.name);
          repChannels(r.id, channels);
          repTasks(r.id);
        }
      for (const auto& c : snapshot.channels)
        if (!c.betweenReps() && (c.from_agency == id || c.to_agency == id) &&
            channels.insert(c.id).second)
          out.removed.push_back("channel " + std::to_string(c.id) + " (" +
                                channelLabel(snapshot, c) + ")");
      for (const auto& n : snapshot.needs)
        if (n.agency_a == id || n.agency_b == id)
          out.removed.push_back("need " + std::to_string(n.id) + " (" + needLabel(snapshot, n) +
                                ")");
      std::size_t events = 0;
      for (const auto& e : snapshot.events)
        if (std::find(e.agencies.begin(), e.agencies.end(), id) != e.agencies.end()) ++events;
      if (events > 0)
        out.detached.push_back(std::to_string(events) + " timeline event" +
                               (events == 1 ? "" : "s") + " no longer name it");
      for (const auto& t : snapshot.tasks)
        if (t.owner_agency == id ||
            std::find(t.involved.begin(), t.involved.end(), id) != t.involved.end())
          out.detached.push_back("task " + std::to_string(t.id) + " (" + t.title +
                                 ") no longer names it");
      std::size_t features = 0;
      for (const auto& f : snapshot.features)
        if (f.agency == id) ++features;
      if (features > 0)
        out.detached.push_back(std::to_string(features) + " map feature" +
                               (features == 1 ? "" : "s") + " no longer name it");
      break;
    }
    case K::Representative:
      out.what = "representative " + repLabel(snapshot, id);
      repChannels(id, channels);
      repTasks(id);
      break;
    case K::Channel: {
      const core::Channel* c = snapshot.channel(id);
      out.what = "channel " + std::to_string(id) + (c ? " (" + channelLabel(snapshot, *c) + ")" : "");
      break;
    }
    case K::Need: {
      const core::Need* n = snapshot.need(id);
      out.what = "need " + std::to_string(id) + (n ? " (" + needLabel(snapshot, *n) + ")" : "");
      break;
    }
    default:
      out.what = std::string(core::toString(kind)) + " " + std::to_string(id);
      break;
  }
  return out;
}

}  // namespace liaison::app
