#include "directory_model.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/enums.hpp"

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

}  // namespace liaison::app
