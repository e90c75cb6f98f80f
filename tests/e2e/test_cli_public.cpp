// End-to-end public information on the demo exercise: a statement drafted from a template,
// checked, approved, released, superseded by an update, all in the journal and the public view
// (EXERCISE throughout); illegal steps refused; a public alert written as CAP 1.2 that
// validates against the OASIS schema with status Exercise; hostile CAP files refused at
// file:line:column with the workspace unchanged.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "cli_runner.hpp"
#include "core/formats/cap.hpp"

namespace fs = std::filesystem;
using liaison::test::readFile;
using liaison::test::run;
using liaison::test::TempDir;
using liaison::test::writeFile;

namespace {

const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const char* kCap = R"(<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>NWS-77</identifier>
  <sender>nws@example.gov</sender>
  <sent>2026-05-14T09:00:00-04:00</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <category>Met</category>
    <event>Wind Advisory</event>
    <urgency>Expected</urgency>
    <severity>Moderate</severity>
    <certainty>Likely</certainty>
    <headline>Wind advisory: gusts push the plume east</headline>
    <area>
      <areaDesc>River City</areaDesc>
      <polygon>41.30,-77.18 41.31,-77.18 41.31,-77.16 41.30,-77.18</polygon>
    </area>
  </info>
</alert>
)";

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

}  // namespace

TEST_CASE("a statement from a template through its workflow on the demo exercise",
          "[public][e2e]") {
  TempDir tmp;
  const std::string ws = (tmp.path() / "w.liaison").string();
  REQUIRE(run({"import", kDemo.string(), "--into", ws}).code == 0);

  auto made = run({"public", ws, "new", "--title", "{incident}: shelters open",
                   "--body", "Shelters open: {shelters_open}."});
  INFO(made.err);
  REQUIRE(made.code == 0);
  CHECK(contains(made.out, "public item 1 v1 draft"));
  // Unknown placeholders are refused when saved, with their position.
  auto bad = run({"public", ws, "new", "--title", "x", "--body", "Closed:\n {closures}"});
  CHECK(bad.code == 1);
  CHECK(contains(bad.err, "body at 2:2: unknown placeholder {closures}"));
  // One step at a time.
  auto skip = run({"public", ws, "approve", "1", "--by", "Victor Rasmussen"});
  CHECK(skip.code == 1);
  CHECK(contains(skip.err, "cannot go from draft to approved"));
  REQUIRE(run({"public", ws, "check", "1", "--by", "102"}).code == 0);
  REQUIRE(run({"public", ws, "approve", "1", "--by", "victor rasmussen"}).code == 0);
  auto rel = run({"public", ws, "release", "1", "--channel", "press conference"});
  INFO(rel.err);
  REQUIRE(rel.code == 0);
  CHECK(contains(rel.out, "EXERCISE: River City Chlorine Release: shelters open"));
  auto frozen = run({"public", ws, "edit", "1", "--body", "quietly changed"});
  CHECK(frozen.code == 1);
  CHECK(contains(frozen.err, "is released and frozen"));

  auto v2 = run({"public", ws, "supersede", "1", "--body", "Update. Shelters: {shelters_open}."});
  REQUIRE(v2.code == 0);
  CHECK(contains(v2.out, "public item 2 v2 draft"));
  REQUIRE(run({"public", ws, "check", "2"}).code == 0);
  REQUIRE(run({"public", ws, "approve", "2", "--by", "101"}).code == 0);
  REQUIRE(run({"public", ws, "release", "2", "--channel", "web"}).code == 0);
  auto ls = run({"public", ws, "list"});
  CHECK(contains(ls.out, "EXERCISE EXERCISE EXERCISE"));
  CHECK(contains(ls.out, "superseded"));

  const std::string html = (tmp.path() / "public.html").string();
  REQUIRE(run({"report", ws, "--public", html}).code == 0);
  const std::string page = readFile(html);
  CHECK(contains(page, "Update. Shelters: Northside High School shelter, Southside Community "
                       "Center shelter"));
  CHECK(page.find("Update. Shelters") < page.find("No longer in force"));
  CHECK(contains(page, "EXERCISE EXERCISE EXERCISE"));

  auto verify = run({"verify", ws});
  CHECK(verify.code == 0);
}

TEST_CASE("a public alert as CAP 1.2: valid, status Exercise, Update after supersede",
          "[public][cap][e2e]") {
  TempDir tmp;
  const std::string ws = (tmp.path() / "w.liaison").string();
  REQUIRE(run({"import", kDemo.string(), "--into", ws}).code == 0);
  REQUIRE(run({"public", ws, "new", "--kind", "public_alert", "--title", "Shelter in place",
               "--body", "Chlorine leak near {location}.", "--event", "Chemical release",
               "--urgency", "immediate", "--severity", "severe", "--certainty", "observed",
               "--category", "cbrne", "--instruction", "Go indoors, close windows.",
               "--area", "3"})
              .code == 0);
  const std::string out = (tmp.path() / "alert.xml").string();
  auto early = run({"report", ws, "--cap", out});
  CHECK(early.code == 1);
  CHECK(contains(early.err, "no released public alert"));
  REQUIRE(run({"public", ws, "check", "1"}).code == 0);
  REQUIRE(run({"public", ws, "approve", "1", "--by", "101"}).code == 0);
  REQUIRE(run({"public", ws, "release", "1", "--channel", "IPAWS"}).code == 0);
  auto cap = run({"report", ws, "--cap", out, "--sender", "eoc@rivercity.example"});
  INFO(cap.err);
  REQUIRE(cap.code == 0);
  const std::string xml = readFile(out);
  CHECK_NOTHROW(liaison::core::validateCapXml(xml, out));
  CHECK(contains(xml, "<status>Exercise</status>"));
  CHECK(contains(xml, "<msgType>Alert</msgType>"));
  CHECK(contains(xml, "<areaDesc>Evacuation Zone A</areaDesc>"));
  CHECK(contains(xml, "<polygon>"));

  REQUIRE(run({"public", ws, "supersede", "1"}).code == 0);
  REQUIRE(run({"public", ws, "check", "2"}).code == 0);
  REQUIRE(run({"public", ws, "approve", "2", "--by", "101"}).code == 0);
  REQUIRE(run({"public", ws, "release", "2", "--channel", "IPAWS"}).code == 0);
  REQUIRE(run({"report", ws, "--cap", out, "--item", "2"}).code == 0);
  const std::string update = readFile(out);
  CHECK_NOTHROW(liaison::core::validateCapXml(update, out));
  CHECK(contains(update, "<msgType>Update</msgType>"));
  CHECK(contains(update, "<references>liaison@localhost,liaison-EX-2026-014-public-1,"));

  // The written file comes back in as an event and a zone.
  const std::string other = (tmp.path() / "other.liaison").string();
  auto imp = run({"import", out, "--into", other});
  INFO(imp.err);
  CHECK(imp.code == 0);
  CHECK(contains(imp.out, "imported 1 CAP alert: 1 timeline events, 1 map zones"));
}

TEST_CASE("hostile CAP files are refused at file:line:column and change nothing",
          "[cap][e2e]") {
  TempDir tmp;
  const std::string ws = (tmp.path() / "w.liaison").string();
  REQUIRE(run({"import", kDemo.string(), "--into", ws}).code == 0);
  const std::string before = run({"verify", ws}).out;
  const fs::path dir = tmp.path() / "alerts";
  fs::create_directories(dir);
  const auto refused = [&](const std::string& name, const std::string& text) {
    const fs::path f = tmp.path() / name;
    writeFile(f, text);
    auto r = run({"import", f.string(), "--into", ws});
    CHECK(r.code == 1);
    return r.err;
  };
  CHECK(contains(refused("ns.xml", replaced(kCap, "urn:oasis:names:tc:emergency:cap:1.2",
                                            "urn:oasis:names:tc:emergency:cap:1.1")),
                 "ns.xml:2:1: the root is <alert> in namespace"));
  CHECK(contains(refused("open.xml", replaced(kCap, "41.30,-77.18</polygon>",
                                              "41.35,-77.18</polygon>")),
                 "open.xml:18:7: polygon is not closed"));
  std::string deep = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">";
  for (int i = 0; i < 5000; ++i) deep += "<a>";
  CHECK(contains(refused("deep.xml", deep), "deep.xml:1:"));
  std::string huge = replaced(kCap, "<headline>", "<headline>" + std::string(5u << 20, 'x'));
  CHECK(contains(refused("huge.xml", huge), "more than the limit of 4 MB"));
  CHECK(contains(refused("invalid.xml", replaced(kCap, "<urgency>Expected", "<urgency>Soon")),
                 "invalid.xml:12:"));
  // A folder with one bad file imports nothing.
  writeFile(dir / "a.xml", kCap);
  writeFile(dir / "b.xml", replaced(kCap, "<scope>Public</scope>", ""));
  auto folder = run({"import", dir.string(), "--into", ws});
  CHECK(folder.code == 1);
  CHECK(contains(folder.err, "b.xml:"));
  CHECK(run({"verify", ws}).out == before);
  fs::remove(dir / "b.xml");
  auto ok = run({"import", dir.string(), "--into", ws});
  INFO(ok.err);
  CHECK(ok.code == 0);
  CHECK(contains(ok.out, "imported 1 CAP alert: 1 timeline events, 1 map zones"));
}

TEST_CASE("a call-down round where two agencies have not acknowledged", "[calldown][e2e]") {
  TempDir tmp;
  const std::string ws = (tmp.path() / "w.liaison").string();
  REQUIRE(run({"import", kDemo.string(), "--into", ws}).code == 0);
  auto start = run({"calldown", ws, "start", "--subject", "Plume shift east", "--to",
                    "RCFD,RCPD,TCSO", "--repeat", "10"});
  INFO(start.err);
  REQUIRE(start.code == 0);
  const std::string round =
      start.out.substr(16, start.out.find(' ', 16) - 16);  // "call-down round N started"
  auto ack = run({"calldown", ws, "ack", round, "rcpd", "--by", "Sgt. Lee"});
  INFO(ack.err);
  REQUIRE(ack.code == 0);
  auto twice = run({"calldown", ws, "ack", round, "RCPD"});
  CHECK(twice.code == 1);
  CHECK(contains(twice.err, "acknowledged call-down round " + round + " already"));
  auto status = run({"calldown", ws, "status"});
  CHECK(contains(status.out, "RCPD  acknowledged"));
  CHECK(contains(status.out, "RCFD  OUTSTANDING"));
  CHECK(contains(status.out, "TCSO  OUTSTANDING"));
  CHECK(contains(status.out, "2 of 3 outstanding; call again at"));
}

TEST_CASE("an objective of period 1 marked met", "[objectives][e2e]") {
  TempDir tmp;
  const std::string ws = (tmp.path() / "w.liaison").string();
  REQUIRE(run({"import", kDemo.string(), "--into", ws}).code == 0);
  auto add = run({"objective", ws, "add", "--period", "1", "--text", "Shelter Zone A evacuees",
                  "--task", "1"});
  INFO(add.err);
  REQUIRE(add.code == 0);
  CHECK(contains(add.out, "objective 1 (period 1, #1) added"));
  auto bad = run({"objective", ws, "add", "--period", "9", "--text", "x"});
  CHECK(bad.code == 1);
  CHECK(contains(bad.err, "--period 9: no operational period has this number"));
  CHECK(run({"objective", ws, "status", "1", "met"}).code == 0);
  auto wrong = run({"objective", ws, "status", "1", "done"});
  CHECK(wrong.code == 1);
  CHECK(contains(wrong.err, "expected not_started, in_progress, met or not_met"));
  auto ls = run({"objective", ws, "list"});
  CHECK(contains(ls.out, "period 1\n  1  #1  met  Shelter Zone A evacuees  (tasks done"));
}
