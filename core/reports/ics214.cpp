#include "core/reports/ics214.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "core/formats/csv.hpp"
#include "core/model/enums.hpp"
#include "core/model/values.hpp"
#include "core/reports/report_time.hpp"

namespace liaison::core {
namespace {

std::string agencyCodes(const Snapshot& s, const std::vector<Id>& ids) {
  std::string out;
  for (Id id : ids) {
    if (!out.empty()) out += ", ";
    const Agency* a = s.agency(id);
    out += a ? a->code : std::string("#").append(std::to_string(id));
  }
  return out;
}

std::string eventLine(const Snapshot& s, const TimelineEvent& e) {
  std::string line = "[";
  line += toString(e.kind);
  line += "]";
  if (!e.agencies.empty()) {
    line += ' ';
    line += agencyCodes(s, e.agencies);
    line += ':';
  }
  line += ' ';
  line += e.text;
  return line;
}

std::string timeOrBlank(TimeUtc t) {
  return t ? formatTime(t) : "";
}

const char* kPageCss = R"(
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10.5pt;color:#111;margin:2em}
h1{font-size:15pt;margin:0 0 .3em}h2{font-size:12pt;margin:1.2em 0 .4em}
.banner{background:#b00;color:#fff;font-weight:bold;text-align:center;padding:.3em;margin-bottom:.8em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:.25em .45em;
vertical-align:top;text-align:left}th{background:#e6e6e6}
.form td.label{width:14em;background:#f3f3f3;font-weight:bold}
tr.sig td{font-weight:bold}td.time{white-space:nowrap;width:11em}
.muted{color:#555}.sign{margin-top:1.5em}
@media print{body{margin:0;font-size:9.5pt}thead{display:table-header-group}
tr{page-break-inside:avoid}.noprint{display:none}@page{size:A4;margin:1.5cm}}
)";

}  // namespace

std::string reportPageStart(const std::string& title, bool exercise, const std::string& extra_css) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" +
                    htmlEscape(title) + "</title>\n<style>" + kPageCss + extra_css +
                    "</style></head><body>\n";
  if (exercise) out += "<div class=\"banner\">EXERCISE EXERCISE EXERCISE</div>\n";
  return out;
}

std::pair<TimeUtc, TimeUtc> operationalPeriodSpan(const Snapshot& s, int period) {
  if (period > 0) {
    const auto it = std::find_if(s.periods.begin(), s.periods.end(),
                                 [&](const OperationalPeriod& p) { return p.number == period; });
    if (it == s.periods.end())
      throw std::invalid_argument(std::string("operational period ") + std::to_string(period) +
                                  " does not exist (the workspace has " +
                                  std::to_string(s.periods.size()) + " periods)");
    return {it->start, it->end};
  }
  if (s.periods.empty()) return {0, 0};
  std::pair<TimeUtc, TimeUtc> span{s.periods.front().start, s.periods.front().end};
  for (const auto& p : s.periods) {
    span.first = std::min(span.first, p.start);
    span.second = std::max(span.second, p.end);
  }
  return span;
}

Ics214Log buildIcs214(const Snapshot& s, const std::vector<JournalEntry>& journal,
                      const Ics214Options& o) {
  Ics214Log log;
  log.who = o;
  if (log.who.prepared_by.empty()) log.who.prepared_by = o.name;
  log.period = o.period;
  if (const Incident* inc = s.mainIncident()) {
    log.incident_name = inc->name;
    log.zone = inc->time_zone;
    log.incident_number = inc->number;
    log.exercise = inc->exercise;
  }
  TimeUtc from = std::numeric_limits<TimeUtc>::min(), to = std::numeric_limits<TimeUtc>::max();
  std::tie(log.from, log.to) = operationalPeriodSpan(s, o.period);
  if (o.period > 0) {
    from = log.from;
    to = log.to;
  }
  auto inPeriod = [&](TimeUtc t) { return t >= from && t < to; };

  // The import writes one entry per record: one line says it better.
  std::size_t imported = 0;
  TimeUtc importTime = 0;
  std::string importActor;
  for (const JournalEntry& e : journal) {
    if (!inPeriod(e.time)) continue;
    if (std::find(o.import_actors.begin(), o.import_actors.end(), e.actor) !=
        o.import_actors.end()) {
      if (imported++ == 0) {
        importTime = e.time;
        importActor = e.actor;
      }
      continue;
    }
    log.activities.push_back({e.time, e.summary, "journal", e.actor, false});
  }
  if (imported)
    log.activities.push_back(
        {importTime,
         "Scenario imported into the workspace (" + std::to_string(imported) + " records)",
         "journal", importActor, false});
  for (const TimelineEvent* e : s.eventsByTime())
    if (inPeriod(e->time))
      log.activities.push_back({e->time, eventLine(s, *e), "event", e->source, e->significant});
  std::stable_sort(
      log.activities.begin(), log.activities.end(),
      [](const Ics214Activity& a, const Ics214Activity& b) { return a.time < b.time; });
  return log;
}

std::string ics214Csv(const Ics214Log& log) {
  std::string out(kCsvBom);
  appendCsvRecord(out, {"block", "field", "value"});
  appendCsvRecord(out, {"1", "incident_name", log.incident_name});
  appendCsvRecord(out, {"1", "incident_number", log.incident_number});
  appendCsvRecord(out, {"2", "period", log.period ? std::to_string(log.period) : "all"});
  appendCsvRecord(out, {"2", "period_from_utc", timeOrBlank(log.from)});
  appendCsvRecord(out, {"2", "period_to_utc", timeOrBlank(log.to)});
  appendCsvRecord(out, {"3", "name", log.who.name});
  appendCsvRecord(out, {"4", "ics_position", log.who.ics_position});
  appendCsvRecord(out, {"5", "home_agency", log.who.home_agency});
  for (const std::string& r : log.who.resources)
    appendCsvRecord(out, {"6", "resources_assigned", r});
  appendCsvRecord(out, {"8", "prepared_by", log.who.prepared_by});
  appendCsvRecord(out, {"8", "prepared_at_utc", timeOrBlank(log.who.prepared_at)});
  out += "\n";
  appendCsvRecord(out,
                  {"date_time_utc", "notable_activities", "source", "recorded_by", "significant"});
  for (const Ics214Activity& a : log.activities)
    appendCsvRecord(
        out, {formatTime(a.time), a.text, a.source, a.who, a.significant ? "true" : "false"});
  return out;
}

std::string ics214Html(const Ics214Log& log) {
  std::string out = reportPageStart("ICS 214 Activity Log - " + log.incident_name, log.exercise);
  out += "<h1>ACTIVITY LOG (ICS 214)</h1>\n<table class=\"form\">\n";
  auto row = [&](const std::string& label, const std::string& value) {
    out += "<tr><td class=\"label\">" + htmlEscape(label) + "</td><td>" + htmlEscape(value) +
           "</td></tr>\n";
  };
  row("1. Incident Name",
      log.incident_name + (log.incident_number.empty() ? "" : " (" + log.incident_number + ")"));
  row("2. Operational Period",
      (log.period ? std::string("Period ") + std::to_string(log.period) + ": "
                  : std::string("Incident: ")) +
          "from " + timeOrBlank(log.from) + " to " + timeOrBlank(log.to) + " (UTC)");
  row("3. Name", log.who.name);
  row("4. ICS Position", log.who.ics_position);
  row("5. Home Agency (and Unit)", log.who.home_agency);
  out +=
      "</table>\n<h2>6. Resources Assigned</h2>\n<table><thead><tr><th>Name, ICS position, "
      "home agency</th></tr></thead><tbody>\n";
  if (log.who.resources.empty()) out += "<tr><td class=\"muted\">None recorded</td></tr>\n";
  for (const std::string& r : log.who.resources) out += "<tr><td>" + htmlEscape(r) + "</td></tr>\n";
  out +=
      "</tbody></table>\n<h2>7. Activity Log</h2>\n<table><thead><tr><th>Date/Time (" +
      htmlEscape(zoneName(log.zone)) +
      ")</th><th>Notable Activities</th><th>Recorded by</th></tr></thead><tbody>\n";
  for (const Ics214Activity& a : log.activities)
    out += std::string(a.significant ? "<tr class=\"sig\">" : "<tr>") + "<td class=\"time\">" +
           reportTime(a.time, log.zone) + "</td><td>" + htmlEscape(a.text) + "</td><td>" +
           htmlEscape(a.who) +
           "</td></tr>\n";
  if (log.activities.empty())
    out += "<tr><td></td><td class=\"muted\">No activity in this period</td><td></td></tr>\n";
  out += "</tbody></table>\n<div class=\"sign\"><h2>8. Prepared by</h2><table class=\"form\">\n";
  row("Name", log.who.prepared_by);
  row("Position/Title", log.who.ics_position);
  row("Signature", "");
  row("Date/Time", log.who.prepared_at ? reportTime(log.who.prepared_at, log.zone) : "");
  out +=
      "</table></div>\n<p class=\"muted\">ICS 214, Page 1. Written by Liaison from the "
      "workspace's journal and timeline.</p>\n</body></html>\n";
  return out;
}

std::string timelineReportHtml(const Snapshot& s, int period, TimeUtc prepared_at) {
  const Incident* inc = s.mainIncident();
  const std::string name = inc ? inc->name : "Incident";
  const std::string zone = incidentZone(s);
  std::string out = reportPageStart("Significant events - " + name, s.isExercise());
  out += "<h1>Significant events: " + htmlEscape(name) + "</h1>\n";
  TimeUtc from = std::numeric_limits<TimeUtc>::min(), to = std::numeric_limits<TimeUtc>::max();
  if (period > 0) {
    const auto it = std::find_if(s.periods.begin(), s.periods.end(),
                                 [&](const OperationalPeriod& p) { return p.number == period; });
    if (it == s.periods.end())
      throw std::invalid_argument(std::string("operational period ") + std::to_string(period) +
                                  " does not exist");
    from = it->start;
    to = it->end;
    out += std::string("<p>Operational period ") + std::to_string(period) + ": " +
           reportTime(from, zone) + " to " + reportTime(to, zone) + "</p>\n";
  }
  out += "<p class=\"muted\">Prepared " + (prepared_at ? reportTime(prepared_at, zone) : "") +
         "</p>\n";
  out += "<table><thead><tr><th>Date/Time (" + htmlEscape(zoneName(zone)) +
         ")</th><th>Kind</th><th>Agencies</th><th>Event</th><th>Source</th></tr></thead><tbody>\n";
  std::size_t n = 0;
  for (const TimelineEvent* e : s.eventsByTime()) {
    if (!e->significant || e->time < from || e->time >= to) continue;
    ++n;
    out += "<tr><td class=\"time\">" + reportTime(e->time, zone) + "</td><td>" +
           std::string(toString(e->kind)) + "</td><td>" + htmlEscape(agencyCodes(s, e->agencies)) +
           "</td><td>" + htmlEscape(e->text) + "</td><td>" + htmlEscape(e->source) + "</td></tr>\n";
  }
  if (n == 0) out += "<tr><td colspan=\"5\" class=\"muted\">No significant events</td></tr>\n";
  out += std::string("</tbody></table>\n<p class=\"muted\">") + std::to_string(n) +
         " significant events. Written by Liaison.</p>\n</body></html>\n";
  return out;
}

}  // namespace liaison::core
