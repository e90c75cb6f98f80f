// ICS 205A Communications List and ICS 203 block 4 (agency representatives) on a tiny hand-made
// directory: the exact CSV, masking of sensitive values, the selection, the ordering (agencies by
// code, names alphabetized by last name), CSV quoting and HTML escaping.
#include <catch2/catch.hpp>

#include "core/formats/csv.hpp"
#include "core/reports/ics_forms.hpp"

using namespace liaison::core;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Representative rep(Id id, Id agency, std::string name, std::string position,
                   std::vector<ContactMethod> contacts, bool on_duty = true) {
  Representative r;
  r.id = id;
  r.agency = agency;
  r.name = std::move(name);
  r.position = std::move(position);
  r.on_duty = on_duty;
  r.contacts = std::move(contacts);
  return r;
}

// RFD (assisting): Ana Zed (Agency Representative; phone, sensitive cell) and Bob Adams (Safety
// Officer; radio with a comma and quotes, a two-line note). CTY: Cy <Lee> (Liaison Officer).
// AAA: nobody designated: Dee Moss (off duty, no contact) and Eve Kline (on duty, sensitive
// cell), so Eve is its primary contact. ZZ: no representative at all.
Snapshot directory() {
  Snapshot s;
  auto agency = [](Id id, std::string code, std::string name, AgencyRole role) {
    Agency a;
    a.id = id;
    a.code = std::move(code);
    a.name = std::move(name);
    a.role = role;
    return a;
  };
  s.agencies = {agency(1, "RFD", "River Fire, Dept", AgencyRole::Assisting),
                agency(2, "CTY", "County \"OEM\"", AgencyRole::Cooperating),
                agency(3, "ZZ", "Empty <Agency>", AgencyRole::Cooperating),
                agency(4, "AAA", "Alpha Authority", AgencyRole::Cooperating)};
  s.representatives = {
      rep(10, 1, "Ana Zed", "Agency Representative",
          {{ContactKind::Phone, "555-0100", false, "desk"},
           {ContactKind::Cell, "555-0199", true, "personal cell"}}),
      rep(11, 1, "Bob Adams", "Safety Officer",
          {{ContactKind::Radio, "TG 1, \"FIRE\"", false, "line1\nline2"}}),
      rep(12, 2, "Cy <Lee>", "Liaison Officer",
          {{ContactKind::Email, "cy@county.example", false, ""}}),
      rep(13, 4, "Dee Moss", "Duty Officer", {}, false),
      rep(14, 4, "Eve Kline", "Watch Officer", {{ContactKind::Cell, "555-0142", true, ""}}),
  };
  Incident inc;
  inc.id = 1;
  inc.name = "Yard Fire";
  inc.number = "EX-1";
  inc.exercise = true;
  s.incidents = {inc};
  s.periods = {{1, 1, 1, 1000, 2000, ""}, {2, 1, 2, 2000, 3000, ""}};
  return s;
}

IcsFormOptions period1() {
  IcsFormOptions o;
  o.period = 1;
  o.prepared_by = "Ana Zed";
  o.prepared_at = 2000;
  return o;
}

}  // namespace

TEST_CASE("ICS 205A CSV: header blocks and one row per method of contact, exactly", "[ics205a]") {
  const Ics205a form = buildIcs205a(directory(), period1());
  CHECK(form.withheld == 2);
  CHECK(ics205aCsv(form) ==
        "\xEF\xBB\xBF"
        "block,field,value\n"
        "1,incident_name,Yard Fire\n"
        "1,incident_number,EX-1\n"
        "2,period,1\n"
        "2,period_from_utc,1970-01-01T00:16:40Z\n"
        "2,period_to_utc,1970-01-01T00:33:20Z\n"
        "3,selection,all\n"
        "4,prepared_by,Ana Zed\n"
        "4,prepared_position,Liaison Officer (LOFR)\n"
        "4,prepared_at_utc,1970-01-01T00:33:20Z\n"
        "\n"
        "agency_code,agency,incident_assigned_position,name,method,contact,sensitive,note\n"
        "AAA,Alpha Authority,Watch Officer,Eve Kline,cell,(withheld: sensitive),true,\n"
        "AAA,Alpha Authority,Duty Officer,Dee Moss,,,,\n"
        "CTY,\"County \"\"OEM\"\"\",Liaison Officer,Cy <Lee>,email,cy@county.example,false,\n"
        "RFD,\"River Fire, Dept\",Safety Officer,Bob Adams,radio,\"TG 1, \"\"FIRE\"\"\",false,"
        "\"line1\nline2\"\n"
        "RFD,\"River Fire, Dept\",Agency Representative,Ana Zed,phone,555-0100,false,desk\n"
        "RFD,\"River Fire, Dept\",Agency Representative,Ana Zed,cell,(withheld: sensitive),true,"
        "personal cell\n");
}

TEST_CASE("ICS 205A CSV reads back cell by cell (RFC 4180 quoting)", "[ics205a]") {
  const std::string csv = ics205aCsv(buildIcs205a(directory(), period1()));
  const std::string table = csv.substr(csv.find("\n\n") + 2);
  const std::vector<CsvRecord> rows = parseCsv(table);
  REQUIRE(rows.size() == 7);
  for (const CsvRecord& r : rows) CHECK(r.fields.size() == 8);
  CHECK(rows[3].fields[1].text == "County \"OEM\"");
  CHECK(rows[4].fields[1].text == "River Fire, Dept");
  CHECK(rows[4].fields[5].text == "TG 1, \"FIRE\"");
  CHECK(rows[4].fields[7].text == "line1\nline2");
  CHECK(rows[6].fields[5].text == "(withheld: sensitive)");
}

TEST_CASE("ICS 205A: sensitive values masked unless asked for", "[ics205a]") {
  IcsFormOptions o = period1();
  const Ics205a masked = buildIcs205a(directory(), o);
  for (const std::string& text : {ics205aCsv(masked), ics205aHtml(masked)}) {
    CHECK_FALSE(has(text, "555-0199"));
    CHECK_FALSE(has(text, "555-0142"));
    CHECK(has(text, "555-0100"));  // not sensitive
    CHECK(has(text, "(withheld: sensitive)"));
  }
  CHECK(has(ics205aHtml(masked), "2 sensitive contact values withheld"));
  CHECK_FALSE(has(ics205aHtml(masked), "CONTAINS SENSITIVE"));

  o.include_sensitive = true;
  const Ics205a shown = buildIcs205a(directory(), o);
  CHECK(shown.withheld == 0);
  CHECK(has(ics205aCsv(shown),
            "RFD,\"River Fire, Dept\",Agency Representative,Ana Zed,cell,555-0199,true,"
            "personal cell\n"));
  CHECK(has(ics205aCsv(shown), "AAA,Alpha Authority,Watch Officer,Eve Kline,cell,555-0142,true,"));
  CHECK_FALSE(has(ics205aCsv(shown), "withheld"));
  CHECK(has(ics205aHtml(shown), "CONTAINS SENSITIVE CONTACT INFORMATION"));
}

TEST_CASE("ICS 205A and 203: a selection of agencies, unknown ids and periods refused",
          "[ics205a][ics203]") {
  IcsFormOptions o = period1();
  o.agencies = {1, 2};
  const Ics205a form = buildIcs205a(directory(), o);
  REQUIRE(form.entries.size() == 3);
  CHECK(form.entries[0].name == "Cy <Lee>");  // CTY before RFD
  CHECK(form.entries[1].name == "Bob Adams");
  CHECK(form.entries[2].name == "Ana Zed");
  CHECK(form.header.selection == std::vector<std::string>{"CTY", "RFD"});
  CHECK(has(ics205aCsv(form), "3,selection,CTY;RFD\n"));
  CHECK_FALSE(has(ics205aCsv(form), "Alpha Authority"));
  CHECK(has(ics205aHtml(form), "Selected agencies only: CTY, RFD"));

  const Ics203Reps reps = buildIcs203Reps(directory(), o);
  REQUIRE(reps.reps.size() == 2);
  CHECK(reps.reps[0].agency_code == "CTY");
  CHECK(reps.reps[1].name == "Ana Zed");
  CHECK(has(ics203RepsCsv(reps), "4,selection,CTY;RFD\n"));

  o.agencies = {1, 99};
  CHECK_THROWS_WITH(buildIcs205a(directory(), o), Catch::Contains("agency id 99"));
  CHECK_THROWS_WITH(buildIcs203Reps(directory(), o), Catch::Contains("agency id 99"));
  o.agencies = {};
  o.period = 9;
  CHECK_THROWS_WITH(buildIcs205a(directory(), o),
                    Catch::Contains("operational period 9 does not exist"));
  CHECK_THROWS_WITH(buildIcs203Reps(directory(), o),
                    Catch::Contains("operational period 9 does not exist"));
}

TEST_CASE("ICS 205A and 203: period 0 spans the whole incident", "[ics205a][ics203]") {
  IcsFormOptions o;
  const Ics205a form = buildIcs205a(directory(), o);
  CHECK(form.header.from == 1000);
  CHECK(form.header.to == 3000);
  CHECK(has(ics205aCsv(form), "2,period,all\n"));
  o.period = 2;
  CHECK(buildIcs203Reps(directory(), o).header.from == 2000);
}

TEST_CASE("ICS 203 block 4 CSV: designated representatives grouped by agency, exactly",
          "[ics203]") {
  const Ics203Reps form = buildIcs203Reps(directory(), period1());
  CHECK(ics203RepsCsv(form) ==
        "\xEF\xBB\xBF"
        "block,field,value\n"
        "1,incident_name,Yard Fire\n"
        "1,incident_number,EX-1\n"
        "2,period,1\n"
        "2,period_from_utc,1970-01-01T00:16:40Z\n"
        "2,period_to_utc,1970-01-01T00:33:20Z\n"
        "4,selection,all\n"
        "9,prepared_by,Ana Zed\n"
        "9,prepared_position,Liaison Officer (LOFR)\n"
        "9,prepared_at_utc,1970-01-01T00:33:20Z\n"
        "\n"
        "agency_code,agency_organization,role,name,position,basis\n"
        "AAA,Alpha Authority,cooperating,Eve Kline,Watch Officer,primary_contact\n"
        "CTY,\"County \"\"OEM\"\"\",cooperating,Cy <Lee>,Liaison Officer,designated\n"
        "RFD,\"River Fire, Dept\",assisting,Ana Zed,Agency Representative,designated\n"
        "ZZ,Empty <Agency>,cooperating,,,none\n");
}

TEST_CASE("ICS 203: several designated representatives of one agency, names alphabetized",
          "[ics203]") {
  Snapshot s = directory();
  s.representatives.push_back(rep(15, 1, "Al Baker", "Deputy Agency Representative", {}));
  const Ics203Reps form = buildIcs203Reps(s, period1());
  REQUIRE(form.reps.size() == 5);
  CHECK(form.reps[2].name == "Al Baker");  // Baker before Zed
  CHECK(form.reps[3].name == "Ana Zed");
  const std::string html = ics203RepsHtml(form);
  CHECK(has(html, "<td rowspan=\"2\">River Fire, Dept (RFD)"));
  CHECK(html.find("Al Baker") < html.find("Ana Zed"));
}

TEST_CASE("ICS 205A HTML: the form's blocks, escaped values, print CSS, ordering", "[ics205a]") {
  IcsFormOptions o = period1();
  o.prepared_by = "Ana <Zed> & co";
  const std::string html = ics205aHtml(buildIcs205a(directory(), o));
  for (const char* s : {"<!DOCTYPE html>",
                        "COMMUNICATIONS LIST (ICS 205A)",
                        "1. Incident Name:",
                        "Yard Fire (EX-1)",
                        "2. Operational Period:",
                        "Date From: 1970-01-01",
                        "Time From: 00:16 UTC",
                        "Time To: 00:33 UTC",
                        "3. Basic Local Communications Information",
                        "Incident Assigned Position",
                        "Name (Alphabetized)",
                        "Method(s) of Contact (phone, pager, cell, etc.)",
                        "4. Prepared by",
                        "Name: Ana &lt;Zed&gt; &amp; co",
                        "Position/Title: Liaison Officer",
                        "ICS 205A",
                        "IAP Page",
                        "@media print",
                        "size:A4",
                        "EXERCISE EXERCISE EXERCISE",
                        "Cy &lt;Lee&gt;",
                        "County &quot;OEM&quot; (CTY)",
                        "River Fire, Dept (RFD)",
                        "Radio: TG 1, &quot;FIRE&quot;",
                        "E-mail: cy@county.example",
                        "None recorded"})
    CHECK(has(html, s));
  CHECK_FALSE(has(html, "<Lee>"));
  CHECK_FALSE(has(html, "Empty"));  // ZZ has nobody to contact
  CHECK_FALSE(has(html, "http"));   // self-contained
  // Agencies by code, names alphabetized by last name within each.
  CHECK(html.find("Eve Kline") < html.find("Dee Moss"));
  CHECK(html.find("Dee Moss") < html.find("Cy &lt;Lee&gt;"));
  CHECK(html.find("Bob Adams") < html.find("Ana Zed"));
}

TEST_CASE("ICS 203 HTML: block 4 with agency and name, escaped, Letter paper", "[ics203]") {
  IcsFormOptions o = period1();
  o.paper = PaperSize::Letter;
  const std::string html = ics203RepsHtml(buildIcs203Reps(directory(), o));
  for (const char* s :
       {"ORGANIZATION ASSIGNMENT LIST (ICS 203)", "1. Incident Name:", "2. Operational Period:",
        "4. Agency/Organization Representatives", "<th>Agency/Organization</th><th>Name</th>",
        "9. Prepared by", "ICS 203", "size:letter", "Empty &lt;Agency&gt; (ZZ)",
        "No representative recorded", "County &quot;OEM&quot;", "Cy &lt;Lee&gt;"})
    CHECK(has(html, s));
  CHECK_FALSE(has(html, "<Agency>"));
  CHECK_FALSE(has(html, "555-01"));  // no contact values on the 203
  CHECK(html.find("Alpha Authority") < html.find("County"));
  CHECK(html.find("County") < html.find("River Fire"));
}
