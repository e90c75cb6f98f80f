// ICS 205A and ICS 203 block 4 from the directory; see ics_forms.hpp. The CSV quoting, the HTML
// page start and escaping, and the operational period lookup are the ICS 214 export's
// (csv.hpp, ics214.hpp), so every form reads the same way.
#include "core/reports/ics_forms.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <tuple>

#include "core/formats/csv.hpp"
#include "core/model/enums.hpp"
#include "core/reports/ics214.hpp"
#include "core/reports/report_time.hpp"
#include "core/analysis/network_builder.hpp"
#include "core/model/values.hpp"

namespace liaison::core {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "Name (Alphabetized)": by last name, then the whole name, case-insensitive; then id.
std::tuple<std::string, std::string, Id> nameKey(const std::string& name, Id id) {
  std::string_view n(name);
  while (!n.empty() && std::isspace(static_cast<unsigned char>(n.back()))) n.remove_suffix(1);
  const auto space = n.find_last_of(" \t");
  const std::string_view last = space == std::string_view::npos ? n : n.substr(space + 1);
  return {lower(last), lower(name), id};
}

// The agencies of the form in code order (ties by id); the selection checked first.
std::vector<const Agency*> selectedAgencies(const Snapshot& s, const std::set<Id>& selection) {
  for (Id id : selection)
    if (!s.agency(id))
      throw std::invalid_argument("agency id " + std::to_string(id) + " is not in the workspace");
  std::vector<const Agency*> out;
  for (const Agency& a : s.agencies)
    if (selection.empty() || selection.count(a.id)) out.push_back(&a);
  std::sort(out.begin(), out.end(), [](const Agency* a, const Agency* b) {
    return std::tie(a->code, a->id) < std::tie(b->code, b->id);
  });
  return out;
}

// The representatives of one agency, names alphabetized.
std::vector<const Representative*> membersOf(const Snapshot& s, Id agency) {
  std::vector<const Representative*> out;
  for (const Representative& r : s.representatives)
    if (r.agency == agency) out.push_back(&r);
  std::sort(out.begin(), out.end(), [](const Representative* a, const Representative* b) {
    return nameKey(a->name, a->id) < nameKey(b->name, b->id);
  });
  return out;
}

IcsFormHeader makeHeader(const Snapshot& s, const IcsFormOptions& o,
                         const std::vector<const Agency*>& agencies) {
  IcsFormHeader h;
  if (const Incident* inc = s.mainIncident()) {
    h.incident_name = inc->name;
    h.zone = inc->time_zone;
    h.incident_number = inc->number;
    h.exercise = inc->exercise;
  }
  h.period = o.period;
  std::tie(h.from, h.to) = operationalPeriodSpan(s, o.period);
  if (!o.agencies.empty())
    for (const Agency* a : agencies) h.selection.push_back(a->code);
  h.include_sensitive = o.include_sensitive;
  h.prepared_by = o.prepared_by;
  h.prepared_position = o.prepared_position;
  h.prepared_at = o.prepared_at;
  h.paper = o.paper;
  return h;
}

std::string timeOrBlank(TimeUtc t) {
  return t ? formatTime(t) : "";
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// Blocks 1 and 2 as CSV rows.
void appendHeaderCsv(std::string& out, const IcsFormHeader& h) {
  appendCsvRecord(out, {"block", "field", "value"});
  appendCsvRecord(out, {"1", "incident_name", h.incident_name});
  appendCsvRecord(out, {"1", "incident_number", h.incident_number});
  appendCsvRecord(out, {"2", "period", h.period ? std::to_string(h.period) : "all"});
  appendCsvRecord(out, {"2", "period_from_utc", timeOrBlank(h.from)});
  appendCsvRecord(out, {"2", "period_to_utc", timeOrBlank(h.to)});
}

void appendPreparedCsv(std::string& out, const IcsFormHeader& h, const std::string& block) {
  appendCsvRecord(out, {block, "prepared_by", h.prepared_by});
  appendCsvRecord(out, {block, "prepared_position", h.prepared_position});
  appendCsvRecord(out, {block, "prepared_at_utc", timeOrBlank(h.prepared_at)});
}

// ---- HTML ------------------------------------------------------------------------------------

const char* kFormCss = R"(
table.hdr td{width:50%}.blk{font-weight:bold}.sub{display:inline-block;min-width:13em}
tr.agency th{background:#d9e2ef;text-align:left}@media print{tr.agency{page-break-after:avoid}}
td.methods div{margin:.05em 0}
.withheld{color:#555;font-style:italic}.warn{border:2px solid #b00;color:#b00;font-weight:bold;
padding:.3em .5em;margin:.6em 0}.footer{margin-top:1em}.footer td{width:33%}
)";

std::string pageCss(PaperSize paper) {
  std::string css = kFormCss;
  if (paper == PaperSize::Letter) css += "@media print{@page{size:letter;margin:1.5cm}}\n";
  return css;
}

// "2026-05-14" and "08:30 EDT" from a time, local in the incident's zone (blank for 0).
std::string datePart(TimeUtc t, const std::string& zone) {
  return t ? reportDate(t, zone) : "";
}
std::string clockPart(TimeUtc t, const std::string& zone) {
  return t ? reportClock(t, zone) : "";
}

std::string incidentLine(const IcsFormHeader& h) {
  return h.incident_name + (h.incident_number.empty() ? "" : " (" + h.incident_number + ")");
}

// Blocks 1 and 2 side by side, as on the paper form.
std::string headerHtml(const IcsFormHeader& h) {
  std::string period =
      h.period ? "Period " + std::to_string(h.period) : std::string("Whole incident (all periods)");
  return "<table class=\"form hdr\"><tr><td><span class=\"blk\">1. Incident Name:</span> " +
         htmlEscape(incidentLine(h)) +
         "</td>\n<td><span class=\"blk\">2. Operational Period:</span> " + htmlEscape(period) +
         "<br><span class=\"sub\">Date From: " + datePart(h.from, h.zone) +
         "</span> Date To: " + datePart(h.to, h.zone) +
         "<br><span class=\"sub\">Time From: " + clockPart(h.from, h.zone) +
         "</span> Time To: " + clockPart(h.to, h.zone) + "</td></tr></table>\n";
}

std::string selectionHtml(const IcsFormHeader& h) {
  if (h.selection.empty()) return {};
  return "<p class=\"muted\">Selected agencies only: " + htmlEscape(joined(h.selection, ", ")) +
         "</p>\n";
}

std::string preparedHtml(const IcsFormHeader& h, const std::string& block) {
  return "<div class=\"sign\"><table class=\"form\"><tr><td class=\"label\">" + block +
         ". Prepared by</td><td>Name: " + htmlEscape(h.prepared_by) +
         "</td><td>Position/Title: " + htmlEscape(h.prepared_position) +
         "</td><td>Signature:</td></tr></table></div>\n";
}

std::string footerHtml(const IcsFormHeader& h, const char* form) {
  return std::string("<table class=\"footer\"><tr><td class=\"blk\">") + form +
         "</td><td>IAP Page ____</td><td>Date/Time: " + htmlEscape(h.prepared_at ? reportTime(h.prepared_at, h.zone) : "") +
         "</td></tr></table>\n<p class=\"muted\">Written by Liaison from the workspace's "
         "directory.</p>\n</body></html>\n";
}

}  // namespace

std::string contactMethodLabel(ContactKind kind) {
  switch (kind) {
    case ContactKind::Phone:
      return "Phone";
    case ContactKind::Cell:
      return "Cell";
    case ContactKind::Radio:
      return "Radio";
    case ContactKind::Email:
      return "E-mail";
    case ContactKind::Pager:
      return "Pager";
    case ContactKind::SatPhone:
      return "Satellite phone";
    case ContactKind::Fax:
      return "Fax";
    case ContactKind::Other:
      return "Other";
  }
  return "Other";
}

Ics205a buildIcs205a(const Snapshot& s, const IcsFormOptions& o) {
  const std::vector<const Agency*> agencies = selectedAgencies(s, o.agencies);
  Ics205a form;
  form.header = makeHeader(s, o, agencies);
  for (const Agency* a : agencies)
    for (const Representative* r : membersOf(s, a->id)) {
      Ics205aEntry e;
      e.agency = a->id;
      e.representative = r->id;
      e.agency_code = a->code;
      e.agency_name = a->name;
      e.position = r->position;
      e.name = r->name;
      e.shift = r->shift;
      e.on_duty = r->on_duty;
      for (const ContactMethod& c : r->contacts) {
        const bool withheld = c.sensitive && !o.include_sensitive;
        form.withheld += withheld ? 1 : 0;
        e.methods.push_back({c.kind, withheld ? std::string(kWithheldSensitive) : c.value,
                             c.sensitive, withheld, c.note});
      }
      form.entries.push_back(std::move(e));
    }
  return form;
}

Ics203Reps buildIcs203Reps(const Snapshot& s, const IcsFormOptions& o) {
  const std::vector<const Agency*> agencies = selectedAgencies(s, o.agencies);
  Ics203Reps form;
  form.header = makeHeader(s, o, agencies);
  for (const Agency* a : agencies) {
    const std::vector<const Representative*> members = membersOf(s, a->id);
    auto add = [&](const Representative* r, const char* basis) {
      form.reps.push_back({a->id, r ? r->id : 0, a->code, a->name, a->role,
                           r ? r->name : std::string(), r ? r->position : std::string(), basis});
    };
    bool designated = false;
    for (const Representative* r : members) {
      const std::string position = lower(r->position);
      if (position.find("agency representative") != std::string::npos ||
          position.find("liaison") != std::string::npos) {
        add(r, "designated");
        designated = true;
      }
    }
    if (designated) continue;
    if (const Id primary = primaryContact(s, a->id))
      add(s.representative(primary), "primary_contact");
    else
      add(nullptr, "none");
  }
  return form;
}

std::string ics205aCsv(const Ics205a& form) {
  const IcsFormHeader& h = form.header;
  std::string out(kCsvBom);
  appendHeaderCsv(out, h);
  appendCsvRecord(out, {"3", "selection", h.selection.empty() ? "all" : joined(h.selection, ";")});
  appendPreparedCsv(out, h, "4");
  out += "\n";
  appendCsvRecord(out, {"agency_code", "agency", "incident_assigned_position", "name", "method",
                        "contact", "sensitive", "note"});
  for (const Ics205aEntry& e : form.entries) {
    if (e.methods.empty())
      appendCsvRecord(out, {e.agency_code, e.agency_name, e.position, e.name, "", "", "", ""});
    for (const Ics205aEntry::Method& m : e.methods)
      appendCsvRecord(
          out, {e.agency_code, e.agency_name, e.position, e.name, std::string(toString(m.kind)),
                m.value, std::string(formatBool(m.sensitive)), m.note});
  }
  return out;
}

std::string ics203RepsCsv(const Ics203Reps& form) {
  const IcsFormHeader& h = form.header;
  std::string out(kCsvBom);
  appendHeaderCsv(out, h);
  appendCsvRecord(out, {"4", "selection", h.selection.empty() ? "all" : joined(h.selection, ";")});
  appendPreparedCsv(out, h, "9");
  out += "\n";
  appendCsvRecord(out, {"agency_code", "agency_organization", "role", "name", "position", "basis"});
  for (const Ics203Rep& r : form.reps)
    appendCsvRecord(out, {r.agency_code, r.agency_name, std::string(toString(r.role)), r.name,
                          r.position, r.basis});
  return out;
}

std::string ics205aHtml(const Ics205a& form) {
  const IcsFormHeader& h = form.header;
  std::string out = reportPageStart("ICS 205A Communications List - " + h.incident_name, h.exercise,
                                    pageCss(h.paper));
  out += "<h1>COMMUNICATIONS LIST (ICS 205A)</h1>\n" + headerHtml(h);
  if (h.include_sensitive)
    out +=
        "<div class=\"warn\">CONTAINS SENSITIVE CONTACT INFORMATION (private numbers): for the "
        "persons listed only; not for general distribution or the public IAP.</div>\n";
  out += "<h2>3. Basic Local Communications Information</h2>\n" + selectionHtml(h);
  out +=
      "<table><thead><tr><th>Incident Assigned Position</th><th>Name (Alphabetized)</th>"
      "<th>Method(s) of Contact (phone, pager, cell, etc.)</th></tr></thead><tbody>\n";
  Id agency = 0;
  for (const Ics205aEntry& e : form.entries) {
    if (e.agency != agency) {
      agency = e.agency;
      out += "<tr class=\"agency\"><th colspan=\"3\">" + htmlEscape(e.agency_name) + " (" +
             htmlEscape(e.agency_code) + ")</th></tr>\n";
    }
    out += "<tr><td>" + htmlEscape(e.position) + "</td><td>" + htmlEscape(e.name);
    if (!e.shift.empty())
      out += "<br><span class=\"muted\">Shift " + htmlEscape(e.shift) +
             (e.on_duty ? "" : ", off duty") + "</span>";
    out += "</td><td class=\"methods\">";
    if (e.methods.empty()) out += "<span class=\"muted\">None recorded</span>";
    for (const Ics205aEntry::Method& m : e.methods) {
      out += "<div>" + htmlEscape(contactMethodLabel(m.kind)) + ": ";
      out += m.withheld ? "<span class=\"withheld\">" + htmlEscape(m.value) + "</span>"
                        : htmlEscape(m.value);
      if (!m.note.empty()) out += " <span class=\"muted\">(" + htmlEscape(m.note) + ")</span>";
      out += "</div>";
    }
    out += "</td></tr>\n";
  }
  if (form.entries.empty())
    out += "<tr><td colspan=\"3\" class=\"muted\">No representatives recorded</td></tr>\n";
  out += "</tbody></table>\n";
  if (form.withheld)
    out += "<p class=\"muted\">" + std::to_string(form.withheld) +
           " sensitive contact values withheld.</p>\n";
  out += preparedHtml(h, "4") + footerHtml(h, "ICS 205A");
  return out;
}

std::string ics203RepsHtml(const Ics203Reps& form) {
  const IcsFormHeader& h = form.header;
  std::string out = reportPageStart("ICS 203 Agency Representatives - " + h.incident_name,
                                    h.exercise, pageCss(h.paper));
  out += "<h1>ORGANIZATION ASSIGNMENT LIST (ICS 203)</h1>\n" + headerHtml(h);
  out += "<h2>4. Agency/Organization Representatives</h2>\n" + selectionHtml(h);
  out += "<table><thead><tr><th>Agency/Organization</th><th>Name</th></tr></thead><tbody>\n";
  for (std::size_t i = 0; i < form.reps.size();) {
    std::size_t n = 1;
    while (i + n < form.reps.size() && form.reps[i + n].agency == form.reps[i].agency) ++n;
    for (std::size_t k = 0; k < n; ++k) {
      const Ics203Rep& r = form.reps[i + k];
      out += "<tr>";
      if (k == 0)
        out += "<td rowspan=\"" + std::to_string(n) + "\">" + htmlEscape(r.agency_name) + " (" +
               htmlEscape(r.agency_code) + ")<br><span class=\"muted\">" +
               std::string(toString(r.role)) + "</span></td>";
      if (r.representative == 0)
        out += "<td class=\"muted\">No representative recorded</td>";
      else
        out += "<td>" + htmlEscape(r.name) + " <span class=\"muted\">" + htmlEscape(r.position) +
               "</span></td>";
      out += "</tr>\n";
    }
    i += n;
  }
  if (form.reps.empty())
    out += "<tr><td colspan=\"2\" class=\"muted\">No agencies recorded</td></tr>\n";
  out +=
      "</tbody></table>\n<p class=\"muted\">Block 4 of the form, from the directory: the persons "
      "whose position names them agency representative or liaison, else the agency's primary "
      "contact. Blocks 3 and 5 to 8 (command staff and sections) are not part of this "
      "list.</p>\n";
  out += preparedHtml(h, "9") + footerHtml(h, "ICS 203");
  return out;
}

std::string renderIcsForm(const Snapshot& s, IcsForm form, ReportFormat format,
                          const IcsFormOptions& options) {
  const bool html = format == ReportFormat::Html;
  if (form == IcsForm::Ics205a) {
    const Ics205a f = buildIcs205a(s, options);
    return html ? ics205aHtml(f) : ics205aCsv(f);
  }
  const Ics203Reps f = buildIcs203Reps(s, options);
  return html ? ics203RepsHtml(f) : ics203RepsCsv(f);
}

std::optional<ReportFormat> reportFormatOf(std::string_view path) {
  const auto dot = path.find_last_of("./");
  if (dot == std::string_view::npos || path[dot] != '.') return std::nullopt;
  const std::string ext = lower(path.substr(dot));
  if (ext == ".csv") return ReportFormat::Csv;
  if (ext == ".html" || ext == ".htm") return ReportFormat::Html;
  return std::nullopt;
}

}  // namespace liaison::core
