// ICS 214 Activity Log export for an operational period (CSV and printable, self-contained
// HTML), and the "significant events" timeline report. Activities are the journal's entries
// and the timeline's events within the period, in time order. Pure functions of a snapshot and
// a journal: the command line and the dashboard write what these return.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/store/journal.hpp"
#include "core/model/snapshot.hpp"
#include "core/reports/text_escape.hpp"  // htmlEscape, used by every HTML form

namespace liaison::core {

// Blocks 3 to 8 of the form are about the person keeping the log; the workspace cannot know
// them, so the caller says (empty fields stay blank on the form, to be filled by hand).
struct Ics214Options {
  int period = 0;    // operational period number; 0: the whole incident
  std::string name;  // block 3
  std::string ics_position = "Liaison Officer (LOFR)";  // block 4
  std::string home_agency;                              // block 5
  std::vector<std::string> resources;  // block 6: "name, ICS position, home agency" lines
  std::string prepared_by;             // block 8 (defaults to name)
  TimeUtc prepared_at = 0;             // block 8 date/time
  // The scenario import's entries are folded into one line.
  std::vector<std::string> import_actors = {"import", "demo-setup"};
};

struct Ics214Activity {
  TimeUtc time = 0;
  std::string text;    // notable activity
  std::string source;  // "journal" or "event"
  std::string who;     // the journal's actor, or the event's source
  bool significant = false;
};

struct Ics214Log {
  std::string incident_name, incident_number;
  std::string zone;  // the incident's time zone (HTML shows local times in it)
  bool exercise = false;
  int period = 0;
  TimeUtc from = 0, to = 0;
  Ics214Options who;
  std::vector<Ics214Activity> activities;  // time order
};

// The span of an operational period by number, or for 0 the whole incident (the earliest start
// to the latest end of its periods; {0, 0} without periods). Throws std::invalid_argument,
// naming the number of periods, when the number does not exist.
std::pair<TimeUtc, TimeUtc> operationalPeriodSpan(const Snapshot& s, int period);

// Throws std::invalid_argument when the period number does not exist.
Ics214Log buildIcs214(const Snapshot& s, const std::vector<JournalEntry>& journal,
                      const Ics214Options& options);

// Two CSV tables separated by one empty line. First the form's header blocks:
//   block,field,value      (rows: 1 incident_name, 1 incident_number, 2 period,
//                           2 period_from_utc, 2 period_to_utc, 3 name, 4 ics_position,
//                           5 home_agency, 6 resources_assigned (one row each),
//                           8 prepared_by, 8 prepared_at_utc)
// then block 7, the activity log:
//   date_time_utc,notable_activities,source,recorded_by,significant
std::string ics214Csv(const Ics214Log& log);
// A printable HTML page (inline CSS with @media print, no external resources).
std::string ics214Html(const Ics214Log& log);

// The significant events of the period (or of the whole incident) as a printable HTML page.
std::string timelineReportHtml(const Snapshot& s, int period, TimeUtc prepared_at);

// The start of a printable report page, up to and including <body> and, for an exercise, the
// EXERCISE banner: the shared print CSS (A4) followed by extra_css. Used by every HTML form.
std::string reportPageStart(const std::string& title, bool exercise,
                            const std::string& extra_css = {});

}  // namespace liaison::core
