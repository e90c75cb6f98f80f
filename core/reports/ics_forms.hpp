// The incident directory as ICS forms: the ICS 205A Communications List and block 4 of the
// ICS 203 Organization Assignment List (Agency/Organization Representatives), each as CSV and
// as a printable, self-contained HTML page laid out like the FEMA form. Pure functions of a
// snapshot: the command line (`liaison report --ics205a / --ics203`) and the dashboard's File
// menu write what these return.
//
// Sensitive contact values (ContactMethod::sensitive, e.g. private cells) are replaced by
// kWithheldSensitive while the form is built, unless the caller sets include_sensitive: a
// masked form never holds the value, so no writer can leak it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/snapshot.hpp"

namespace liaison::core {

inline constexpr std::string_view kWithheldSensitive = "(withheld: sensitive)";

enum class PaperSize { A4, Letter };

struct IcsFormOptions {
  int period = 0;         // block 2: operational period number; 0: the whole incident
  std::set<Id> agencies;  // the selection; empty: the whole directory
  bool include_sensitive = false;
  std::string prepared_by;                                   // name (blank: filled by hand)
  std::string prepared_position = "Liaison Officer (LOFR)";  // position/title
  TimeUtc prepared_at = 0;                                   // date/time prepared; 0: blank
  PaperSize paper = PaperSize::A4;                           // HTML @page size
};

// Blocks 1 and 2 (incident, operational period) and the "prepared by" block, common to both.
struct IcsFormHeader {
  std::string incident_name, incident_number;
  std::string zone;  // the incident's time zone (HTML shows local times in it)
  bool exercise = false;
  int period = 0;  // 0: the whole incident
  TimeUtc from = 0, to = 0;
  std::vector<std::string> selection;  // agency codes of the selection, empty: all agencies
  bool include_sensitive = false;
  std::string prepared_by, prepared_position;
  TimeUtc prepared_at = 0;
  PaperSize paper = PaperSize::A4;
};

// One person of ICS 205A block 3 with every method of contact (values already masked).
struct Ics205aEntry {
  Id agency = 0, representative = 0;
  std::string agency_code, agency_name;
  std::string position;  // incident assigned position
  std::string name;
  std::string shift;
  bool on_duty = true;
  struct Method {
    ContactKind kind = ContactKind::Phone;
    std::string value;  // kWithheldSensitive when masked
    bool sensitive = false;
    bool withheld = false;
    std::string note;
  };
  std::vector<Method> methods;  // as recorded
};

struct Ics205a {
  IcsFormHeader header;
  // Grouped by agency (agencies in code order); within an agency, names alphabetized (by last
  // name, then the whole name, then id). Agencies without representatives have no entry.
  std::vector<Ics205aEntry> entries;
  std::size_t withheld = 0;  // contact values masked
};

// One line of ICS 203 block 4.
struct Ics203Rep {
  Id agency = 0, representative = 0;  // representative 0: the agency has nobody recorded
  std::string agency_code, agency_name;
  AgencyRole role = AgencyRole::Cooperating;
  std::string name, position;
  // Why this person is listed: "designated" (position contains "Agency Representative" or
  // "Liaison"), "primary_contact" (the agency designates nobody: its primary contact, as the
  // network builder picks it), or "none" (no representative recorded).
  std::string basis;
};

struct Ics203Reps {
  IcsFormHeader header;
  std::vector<Ics203Rep> reps;  // grouped by agency (code order), names alphabetized within
};

// Both throw std::invalid_argument for an operational period that does not exist or an agency
// id of the selection that is not in the snapshot.
Ics205a buildIcs205a(const Snapshot& s, const IcsFormOptions& options);
Ics203Reps buildIcs203Reps(const Snapshot& s, const IcsFormOptions& options);

// CSV (RFC 4180, as ics214Csv): the header blocks as `block,field,value` rows, one empty line,
// then the form's table with its own header row.
//   ICS 205A rows (block 1 incident_name, incident_number; 2 period, period_from_utc,
//   period_to_utc; 3 selection; 4 prepared_by, prepared_position, prepared_at_utc), then
//   block 3, one row per method of contact (a person without any gets one row, method blank):
//     agency_code,agency,incident_assigned_position,name,method,contact,sensitive,note
//   ICS 203 rows (blocks 1 and 2 as above, 4 selection, 9 prepared_by, prepared_position,
//   prepared_at_utc), then block 4, one row per representative:
//     agency_code,agency_organization,role,name,position,basis
std::string ics205aCsv(const Ics205a& form);
std::string ics203RepsCsv(const Ics203Reps& form);
// Printable HTML pages (inline print CSS, no external resource, every value escaped).
std::string ics205aHtml(const Ics205a& form);
std::string ics203RepsHtml(const Ics203Reps& form);

enum class IcsForm { Ics205a, Ics203Reps };
enum class ReportFormat { Csv, Html };

// Builds the form and writes it in the format (what the command line and the dashboard save).
std::string renderIcsForm(const Snapshot& s, IcsForm form, ReportFormat format,
                          const IcsFormOptions& options);

// The format a file name asks for: .csv, or .html / .htm (any case); nullopt for anything else.
std::optional<ReportFormat> reportFormatOf(std::string_view path);

// "Phone", "Cell", "Radio", "E-mail", ...: the method of contact as the HTML form writes it.
std::string contactMethodLabel(ContactKind kind);

}  // namespace liaison::core
