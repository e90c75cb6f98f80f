// ICS 214 export on a tiny hand-made workspace: the exact CSV, and the HTML's sections.
#include <catch2/catch.hpp>

#include "core/reports/ics214.hpp"

using namespace liaison::core;

namespace {

Snapshot tiny() {
  Snapshot s;
  Agency a;
  a.id = 1;
  a.code = "RFD";
  a.name = "River Fire";
  s.agencies = {a};
  Incident inc;
  inc.id = 1;
  inc.name = "Yard Fire";
  inc.number = "EX-1";
  inc.exercise = true;
  s.incidents = {inc};
  s.periods = {{1, 1, 1, 1000, 2000, ""}, {2, 1, 2, 2000, 3000, ""}};
  TimelineEvent e1;
  e1.id = 1;
  e1.time = 1500;
  e1.kind = EventKind::Alert;
  e1.agencies = {1};
  e1.text = "Evacuate, \"Zone A\"";
  e1.source = "IC";
  e1.significant = true;
  TimelineEvent e2 = e1;
  e2.id = 2;
  e2.time = 2500;
  e2.text = "Later <event>";
  e2.significant = false;
  s.events = {e1, e2};
  return s;
}

std::vector<JournalEntry> tinyJournal() {
  JournalEntry imp;
  imp.seq = 1;
  imp.time = 1100;
  imp.actor = "import";
  imp.action = "put";
  imp.summary = "Added agency RFD (River Fire)";
  JournalEntry imp2 = imp;
  imp2.seq = 2;
  JournalEntry note;
  note.seq = 3;
  note.time = 1200;
  note.actor = "ana@ws1";
  note.action = "note";
  note.summary = "Called RFD, no answer";
  JournalEntry late = note;
  late.seq = 4;
  late.time = 2100;
  late.summary = "Next period";
  return {imp, imp2, note, late};
}

}  // namespace

TEST_CASE("ICS 214 CSV: header blocks and the period's activities, exactly", "[ics214]") {
  Ics214Options o;
  o.period = 1;
  o.name = "Ana Diaz";
  o.home_agency = "County OEM";
  o.resources = {"Ben Ortiz, Liaison Assistant, County OEM"};
  o.prepared_at = 2000;
  const Ics214Log log = buildIcs214(tiny(), tinyJournal(), o);
  REQUIRE(log.activities.size() == 3);
  CHECK(ics214Csv(log) ==
        "\xEF\xBB\xBF"
        "block,field,value\n"
        "1,incident_name,Yard Fire\n"
        "1,incident_number,EX-1\n"
        "2,period,1\n"
        "2,period_from_utc,1970-01-01T00:16:40Z\n"
        "2,period_to_utc,1970-01-01T00:33:20Z\n"
        "3,name,Ana Diaz\n"
        "4,ics_position,Liaison Officer (LOFR)\n"
        "5,home_agency,County OEM\n"
        "6,resources_assigned,\"Ben Ortiz, Liaison Assistant, County OEM\"\n"
        "8,prepared_by,Ana Diaz\n"
        "8,prepared_at_utc,1970-01-01T00:33:20Z\n"
        "\n"
        "date_time_utc,notable_activities,source,recorded_by,significant\n"
        "1970-01-01T00:18:20Z,Scenario imported into the workspace (2 records),journal,import,"
        "false\n"
        "1970-01-01T00:20:00Z,\"Called RFD, no answer\",journal,ana@ws1,false\n"
        "1970-01-01T00:25:00Z,\"[alert] RFD: Evacuate, \"\"Zone A\"\"\",event,IC,true\n");
}

TEST_CASE("ICS 214: whole incident, unknown period refused", "[ics214]") {
  Ics214Options o;
  const Ics214Log all = buildIcs214(tiny(), tinyJournal(), o);
  CHECK(all.activities.size() == 5);
  CHECK(all.from == 1000);
  CHECK(all.to == 3000);
  o.period = 9;
  CHECK_THROWS_WITH(buildIcs214(tiny(), tinyJournal(), o),
                    Catch::Contains("operational period 9 does not exist"));
}

TEST_CASE("ICS 214 HTML: every block, escaped text, print CSS, exercise banner", "[ics214]") {
  Ics214Options o;
  o.period = 2;
  o.name = "Ana <Diaz>";
  const std::string html = ics214Html(buildIcs214(tiny(), tinyJournal(), o));
  for (const char* s :
       {"<!DOCTYPE html>", "ACTIVITY LOG (ICS 214)", "1. Incident Name", "2. Operational Period",
        "3. Name", "4. ICS Position", "5. Home Agency", "6. Resources Assigned", "7. Activity Log",
        "8. Prepared by", "@media print", "EXERCISE EXERCISE EXERCISE", "Ana &lt;Diaz&gt;",
        "Later &lt;event&gt;", "Next period"})
    CHECK(html.find(s) != std::string::npos);
  CHECK(html.find("Called RFD") == std::string::npos);  // period 1
  CHECK(html.find("http") == std::string::npos);        // self-contained
}

TEST_CASE("Timeline report lists only significant events", "[ics214]") {
  const std::string html = timelineReportHtml(tiny(), 0, 0);
  CHECK(html.find("Evacuate, &quot;Zone A&quot;") != std::string::npos);
  CHECK(html.find("Later &lt;event&gt;") == std::string::npos);
  CHECK(html.find("1 significant events") != std::string::npos);
}
