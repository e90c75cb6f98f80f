// End-to-end: `liaison report --ics205a / --ics203` on the demo exercise, in CSV and HTML: every
// agency and method of contact, sensitive values masked unless --include-sensitive, a selection
// of agencies, an operational period of the exercise (also after a drill has run), and the
// errors for an unknown format, agency code or period (which write nothing).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "core/formats/csv.hpp"
#include "core/reports/ics214.hpp"

namespace fs = std::filesystem;
using liaison::test::readFile;
using liaison::test::run;
using liaison::test::TempDir;

namespace {

const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";
const fs::path kMsel = fs::path(LIAISON_TEST_DATA) / "msel";
// The demo's MSEL as shipped to users (assets/msel), so the tests run what the README shows.
const fs::path kDemoMsel = fs::path(LIAISON_SOURCE_DIR) / "assets" / "msel" / "chlorine-drill.csv";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string importDemo(const TempDir& dir) {
  const std::string ws = (dir.path() / "demo.liaison").string();
  auto r = run({"import", kDemo.string(), "--into", ws});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return ws;
}

// A demo scenario file's records without the header.
std::vector<liaison::core::CsvRecord> demoRows(const char* file) {
  auto rows = liaison::core::parseCsv(readFile(kDemo / file));
  rows.erase(rows.begin());
  return rows;
}

// The form's table (after the header blocks and the empty line), parsed; header row first.
std::vector<liaison::core::CsvRecord> formTable(const std::string& csv) {
  const auto gap = csv.find("\n\n");
  REQUIRE(gap != std::string::npos);
  return liaison::core::parseCsv(csv.substr(gap + 2));
}

}  // namespace

TEST_CASE("report --ics205a and --ics203 write the demo's directory as CSV and HTML",
          "[e2e][report]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  const fs::path a_csv = dir.path() / "205a.csv", a_html = dir.path() / "205a.html",
                 r_csv = dir.path() / "203.csv", r_html = dir.path() / "203.HTML";
  auto r = run({"report", ws, "--ics205a", a_csv.string(), "--ics203", r_html.string(),
                "--prepared-by", "Dana Whitfield"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "wrote " + a_csv.string()));
  r = run({"report", ws, "--ics205a", a_html.string(), "--ics203", r_csv.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);

  const auto contacts = demoRows("contacts.csv");  // representative,kind,value,sensitive,note
  const auto agencies = demoRows("agencies.csv");  // id,code,name,...
  const std::string a = readFile(a_csv), ah = readFile(a_html);
  const std::string rc = readFile(r_csv), rh = readFile(r_html);

  // ICS 205A CSV: one row per method of contact (every demo representative has one).
  const auto table = formTable(a);
  REQUIRE(table.size() == contacts.size() + 1);
  CHECK(table[0].fields[0].text == "agency_code");
  CHECK(contains(a, "4,prepared_by,Dana Whitfield\n"));
  CHECK(contains(a, "1,incident_name,River City Chlorine Release\n"));
  CHECK(contains(a, "2,period,all\n"));
  CHECK(contains(a,
                 "RCFD,River City Fire Department,Incident Commander (Battalion Chief),"
                 "Victor Rasmussen,phone,(570) 555-0100,false,desk / duty line\n"));
  CHECK(contains(a,
                 "RCFD,River City Fire Department,Incident Commander (Battalion Chief),"
                 "Victor Rasmussen,cell,(withheld: sensitive),true,personal cell\n"));
  CHECK(contains(ah, "COMMUNICATIONS LIST (ICS 205A)"));
  CHECK(contains(ah, "EXERCISE EXERCISE EXERCISE"));
  CHECK(contains(ah, "Victor Rasmussen"));
  CHECK(contains(ah, "Phone: (570) 555-0100"));
  CHECK(contains(ah, "59 sensitive contact values withheld"));
  // Never a sensitive value, in any of the four files.
  int sensitive = 0;
  for (const auto& c : contacts) {
    if (c.fields[3].text != "true") continue;
    ++sensitive;
    const std::string& value = c.fields[2].text;
    INFO(value);
    for (const std::string* text : {&a, &ah, &rc, &rh}) CHECK_FALSE(contains(*text, value));
  }
  CHECK(sensitive == 59);
  // Every agency on both forms (the HTML escapes names such as "Sheriff's").
  for (const auto& ag : agencies) {
    const std::string& name = ag.fields[2].text;
    INFO(name);
    CHECK(contains(ah, liaison::core::htmlEscape(name)));
    CHECK(contains(rh, liaison::core::htmlEscape(name)));
    CHECK(contains(rc, ag.fields[1].text + ","));
  }

  // ICS 203 block 4: one row per agency here (each designates one person or falls back to its
  // primary contact).
  const auto reps = formTable(rc);
  REQUIRE(reps.size() == agencies.size() + 1);
  CHECK(contains(rc,
                 "RCFD,River City Fire Department,assisting,Brianna Pettibone,Agency "
                 "Representative,designated\n"));
  CHECK(contains(rc, "HAZ14,Tamarack County Hazardous Materials Response Team 14,assisting,"));
  CHECK(contains(rh, "ORGANIZATION ASSIGNMENT LIST (ICS 203)"));
  CHECK(contains(rh, "4. Agency/Organization Representatives"));
  CHECK(contains(rh, "Brianna Pettibone"));
  CHECK_FALSE(contains(rh, "555-"));  // no contact values on the 203
}

TEST_CASE("report --ics205a: --include-sensitive, --agency and --period of the exercise",
          "[e2e][report]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  const fs::path out = dir.path() / "sel.csv", html = dir.path() / "sel.html";
  auto r = run({"report", ws, "--ics205a", out.string(), "--include-sensitive", "--agency",
                "RCFD,haz14", "--period", "2"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string csv = readFile(out);
  CHECK(contains(csv,
                 "2,period,2\n2,period_from_utc,2026-05-15T00:30:00Z\n"
                 "2,period_to_utc,2026-05-15T12:30:00Z\n3,selection,HAZ14;RCFD\n"));
  CHECK(contains(csv, "Victor Rasmussen,cell,(570) 555-0101,true,personal cell\n"));
  CHECK_FALSE(contains(csv, "withheld"));
  const auto table = formTable(csv);
  REQUIRE(table.size() > 1);
  for (std::size_t i = 1; i < table.size(); ++i) {
    INFO(table[i].line);
    CHECK((table[i].fields[0].text == "HAZ14" || table[i].fields[0].text == "RCFD"));
  }
  CHECK(table[1].fields[0].text == "HAZ14");  // agencies in code order

  // The drill: after the exercise clock has run, its operational periods still head the forms.
  r = run({"drill", "import", ws, kDemoMsel.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  r = run({"drill", "run", ws, "--until", "00:30:00", "--speed", "60", "--simulate"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  r = run({"report", ws, "--ics205a", html.string(), "--period", "1", "--agency", "TCEMA",
           "--ics203", out.string(), "--paper", "letter"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string h = readFile(html);
  CHECK(contains(h, "Period 1"));
  CHECK(contains(h, "Date From: 2026-05-14"));
  CHECK(contains(h, "Time From: 08:30 EDT"));  // local, in the incident's zone (12:30 UTC)
  CHECK(contains(h, "Selected agencies only: TCEMA"));
  CHECK(contains(h, "size:letter"));
  CHECK(contains(h, "EXERCISE EXERCISE EXERCISE"));
  CHECK(contains(readFile(out), "4,selection,TCEMA\n"));
}

TEST_CASE("report --ics205a / --ics203 refuse an unknown format, agency or period",
          "[e2e][report]") {
  TempDir dir;
  const std::string ws = importDemo(dir);
  const fs::path good = dir.path() / "good.csv";

  auto r = run(
      {"report", ws, "--ics203", good.string(), "--ics205a", (dir.path() / "list.txt").string()});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "--ics205a"));
  CHECK(contains(r.err, "list.txt: the file name must end in .csv or .html"));
  CHECK_FALSE(fs::exists(good));  // nothing written when one report fails
  CHECK_FALSE(fs::exists(dir.path() / "list.txt"));

  r = run({"report", ws, "--ics205a", good.string(), "--agency", "RCFD,NOPE"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "--agency NOPE: no agency has this code; valid codes: "));
  CHECK(contains(r.err, "RCFD"));
  CHECK(contains(r.err, "TCEMA"));
  CHECK_FALSE(fs::exists(good));

  r = run({"report", ws, "--ics203", good.string(), "--period", "7"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "operational period 7 does not exist (the workspace has 2 periods)"));
  CHECK_FALSE(fs::exists(good));

  r = run({"report", "--help"});
  CHECK(r.code == 0);
  for (const char* flag :
       {"--ics205a", "--ics203", "--agency", "--include-sensitive", "--prepared-by", "--paper"})
    CHECK(contains(r.out, flag));
}
