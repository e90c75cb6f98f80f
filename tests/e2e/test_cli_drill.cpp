// End-to-end drill: the demo exercise, the demo MSEL (assets/msel/chlorine-drill.csv), a
// headless run at 60x on a simulated clock in two parts with a restart between them, manual
// acknowledgement and delivery, injects left to go overdue, observations, and the AAR/IP whose
// sections and figures are checked against the script and the journal. Plus malformed MSELs
// and one short real-time run.
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <thread>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using liaison::test::readFile;
using liaison::test::run;
using liaison::test::TempDir;

namespace {

const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";
const fs::path kMsel = fs::path(LIAISON_TEST_DATA) / "msel";
// The demo's MSEL as shipped to users (assets/msel), so the tests run what the README shows.
const fs::path kDemoMsel = fs::path(LIAISON_SOURCE_DIR) / "assets" / "msel" / "chlorine-drill.csv";

std::string query(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr);
  std::string out;
  if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string lastLine(const std::string& out) {
  std::string s = out;
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s.substr(s.rfind('\n') == std::string::npos ? 0 : s.rfind('\n') + 1);
}

}  // namespace

TEST_CASE("a drill on the demo: MSEL, headless run at 60x, responses and the AAR", "[drill]") {
  TempDir tmp;
  const std::string ws = (tmp.path() / "exercise.liaison").string();
  REQUIRE(run({"import", kDemo.string(), "--into", ws}).code == 0);

  auto imp = run({"drill", "import", ws, kDemoMsel.string()});
  INFO(imp.err);
  REQUIRE(imp.code == 0);
  CHECK(contains(imp.out, "imported 8 injects (1 manual, 3 with a network effect)"));

  // Part 1: to 01:00:00. TC911, RCFD and TCEMA answer (2 min to acknowledge, 5 to act);
  // RCGH (00:30) and ARC (00:45) do not and go overdue at 00:40 and 00:55.
  const std::vector<std::string> policy = {"--speed", "60", "--simulate", "--auto-ack",
                                           "agency:TC911,RCFD,TCEMA"};
  std::vector<std::string> args = {"drill", "run", ws, "--until", "01:00:00"};
  args.insert(args.end(), policy.begin(), policy.end());
  auto r1 = run(args);
  INFO(r1.err);
  REQUIRE(r1.code == 0);
  CHECK(contains(r1.out, "00:05:00  inject 1 delivered\n"));
  CHECK(contains(r1.out, "00:07:00  inject 1 acknowledged (auto)\n"));
  CHECK(contains(r1.out, "00:40:00  inject 4 overdue\n"));
  CHECK(lastLine(r1.out) ==
        "clock paused at 01:00:00: 6 delivered, 3 acknowledged, 3 acted, 2 overdue");
  // The tower's power feed went down at 00:20 and came back at 01:00.
  CHECK(query(ws, "SELECT status FROM infrastructure WHERE id = 1") == "up");

  // The controller acknowledges RCGH's inject late, with its action, and delivers the manual one.
  auto ack = run({"drill", "ack", ws, "4", "--action", "Surge plan activated", "--by", "RCGH ED"});
  INFO(ack.err);
  CHECK(ack.code == 0);
  CHECK(ack.out == "inject 4 acted at 01:00:00 (00:30:00 after delivery)\n");
  auto twice = run({"drill", "ack", ws, "1"});
  CHECK(twice.code == 1);
  CHECK(twice.err == "error: inject 1 was already acknowledged at 00:07:00\n");
  auto pending = run({"drill", "ack", ws, "8"});
  CHECK(pending.code == 1);
  CHECK(pending.err == "error: inject 8 has not been delivered yet\n");
  auto manual = run({"drill", "deliver", ws, "6"});
  CHECK(manual.code == 0);
  CHECK(manual.out == "inject 6 delivered at 01:00:00\n");

  // Part 2 (a new process resumes from the saved clock) until nothing more can happen:
  // 7 acted 01:05, 6 overdue 01:10, 8 delivered 01:30 (Nadia Ellsworth: TCEMA), acted 01:35.
  args = {"drill", "run", ws, "--quiet"};
  args.insert(args.end(), policy.begin(), policy.end());
  auto r2 = run(args);
  INFO(r2.err);
  REQUIRE(r2.code == 0);
  CHECK(r2.out == "clock paused at 01:35:00: 8 delivered, 6 acknowledged, 6 acted, 3 overdue\n");
  CHECK(query(ws, "SELECT on_duty FROM representatives WHERE id = 183") == "0");

  REQUIRE(run({"drill",
               "observe",
               ws,
               "--objective",
               "Obj 1: Notify and alert within 15 minutes",
               "--capability",
               "Operational Communications",
               "--rating",
               "S",
               "--strengths",
               "911 paged hazmat within 2 minutes",
               "--improvement",
               "The radio tower failure was not relayed to the hospitals",
               "--analysis",
               "No one owns the relay list",
               "--recommendation",
               "Give the liaison a relay checklist",
               "--organisation",
               "TCEMA",
               "--poc",
               "Nadia Ellsworth",
               "--start",
               "2026-06-01",
               "--completion",
               "2026-08-31",
               "--evaluator",
               "E. Evaluator"})
              .code == 0);
  REQUIRE(run({"drill", "observe", ws, "--objective", "Obj 4: Shelter and feed evacuees",
               "--capability", "Mass Care Services", "--rating", "U", "--improvement",
               "The cot request was never acknowledged"})
              .code == 0);
  CHECK(run({"drill", "observe", ws, "--objective", "x", "--rating", "Q"}).code != 0);

  auto status = run({"drill", "status", ws});
  CHECK(status.code == 0);
  CHECK(contains(status.out, "clock 01:35:00 (paused) at 60x; display time 2026-05-14T14:05:00Z"));
  CHECK(contains(status.out,
                 "injects 8: 0 pending, 0 delivered, 0 acknowledged, 6 acted, 2 overdue"));

  // The AAR/IP.
  const std::string aar = (tmp.path() / "aar.html").string();
  auto rep = run({"report", ws, "--aar", aar});
  INFO(rep.err);
  REQUIRE(rep.code == 0);
  const std::string html = readFile(aar);
  for (const char* section : {"id=\"overview\"", "id=\"capabilities\"", "id=\"objectives\"",
                              "id=\"injects\"", "id=\"network\"", "id=\"improvement-plan\"",
                              "id=\"participants\"", "id=\"timeline\"", "EXERCISE EXERCISE"})
    CHECK(contains(html, section));
  CHECK(contains(html, "River City Chlorine Release"));
  CHECK(contains(html,
                 "8 in the MSEL; 8 delivered, 6 acknowledged, 6 with an action recorded, "
                 "3 overdue"));
  // Overall: acknowledgements 5 x 2:00 and 30:00 -> mean 6:40, median 2:00; actions 5 x 5:00
  // and 30:00 -> mean 9:10, median 5:00.
  CHECK(contains(html,
                 "<tr data-agency=\"all\"><td>all</td><td class=\"n\">8</td><td "
                 "class=\"n\">6</td><td class=\"n\">6</td><td class=\"n\">3</td><td "
                 "class=\"n\">00:06:40</td><td class=\"n\">00:02:00</td><td "
                 "class=\"n\">00:30:00</td><td class=\"n\">00:09:10</td><td "
                 "class=\"n\">00:05:00</td><td class=\"n\">00:30:00</td></tr>"));
  CHECK(contains(html,
                 "<tr data-agency=\"TCEMA\"><td>TCEMA</td><td class=\"n\">3</td><td "
                 "class=\"n\">3</td><td class=\"n\">3</td><td class=\"n\">0</td><td "
                 "class=\"n\">00:02:00</td>"));
  CHECK(contains(html,
                 "<tr data-agency=\"ARC\"><td>ARC</td><td class=\"n\">1</td><td "
                 "class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">1</td><td>-</td>"));
  CHECK(contains(html,
                 "data-inject=\"4\" data-state=\"acted\" data-ack-s=\"1800\" "
                 "data-action-s=\"1800\""));
  CHECK(contains(html, "data-inject=\"5\" data-state=\"overdue\">"));
  CHECK(contains(html,
                 "data-agency=\"TCEMA\" data-ack-mean-s=\"120.0\" "
                 "data-action-mean-s=\"300.0\""));
  CHECK(contains(html, "U - unable to be performed"));
  CHECK(contains(html,
                 "<td>The radio tower failure was not relayed to the hospitals</td><td>Give "
                 "the liaison a relay checklist</td><td>Operational Communications</td><td>"
                 "TCEMA</td><td>Nadia Ellsworth</td><td>2026-06-01</td><td>2026-08-31</td>"));
  // The network: before the drill 1 channel down and 6 people out (off duty); at the end of
  // period 1 the tower is back (1 down) and the duty officer is gone (7 out).
  CHECK(contains(html,
                 "<tr><td>Before the exercise</td><td class=\"n\">1 of 335</td><td "
                 "class=\"n\">6</td>"));
  CHECK(contains(html,
                 "<tr><td>End of period 1</td><td class=\"n\">1 of 335</td><td "
                 "class=\"n\">7</td>"));
  // With the duty officer gone, the railway loses its path to four agencies (the analysis
  // engine, off-duty people unreachable); before the drill every need had one. People out,
  // infrastructure down, needs without a path.
  CHECK(contains(html, "class=\"n\">6</td><td class=\"n\">0</td><td class=\"n\">0 of 41</td>"));
  CHECK(contains(html,
                 "class=\"n\">7</td><td class=\"n\">0</td><td class=\"n\">4 of 41</td><td>RCFD - "
                 "TVRR, HAZ14 - TVRR, NECA - TVRR, TVRR - TCEMA</td>"));
  // A point at each injected network effect, in time order before the period ends: the radio
  // tower's failure and repair both fall inside period 1, so only these rows show them.
  const std::vector<std::string> points = {
      "<tr><td>Before the exercise</td><td class=\"n\">1 of 335</td><td class=\"n\">6</td>",
      // The power feed takes the tower down (2 infrastructure elements) and with it the 79
      // county talkgroups: the school district's four needs lose every route.
      "<tr><td>Inject 3 at 00:20:00: down infra:1</td><td class=\"n\">80 of 335</td><td "
      "class=\"n\">6</td><td class=\"n\">2</td><td class=\"n\">4 of 41</td><td>ARC - RCASD, "
      "RCASD - TCTA, RCASD - RCPD, RCASD - TCEMA</td>",
      "<tr><td>Inject 7 at 01:00:00: up infra:1</td><td class=\"n\">1 of 335</td><td "
      "class=\"n\">6</td><td class=\"n\">0</td><td class=\"n\">0 of 41</td>",
      "<tr><td>Inject 8 at 01:30:00: down rep:183</td><td class=\"n\">1 of 335</td><td "
      "class=\"n\">7</td><td class=\"n\">0</td><td class=\"n\">4 of 41</td>",
      "<tr><td>End of period 1</td>",
      "<tr><td>End of period 2</td>"};
  std::size_t at = 0;
  for (const std::string& p : points) {
    INFO(p);
    const std::size_t found = html.find(p, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found;
  }
  CHECK(contains(html, ">Inject 3 at 00:20:00</text>"));  // the figure's column label
  CHECK(contains(html, "EXERCISE INJECT 3: County radio tower fails"));

  // The same figures as the journal.
  CHECK(query(ws,
              "SELECT COUNT(*) FROM journal WHERE entity = 'inject_state' AND summary LIKE "
              "'EXERCISE inject % delivered to %'") == "8");
  CHECK(query(ws,
              "SELECT COUNT(*) FROM journal WHERE entity = 'inject_state' AND summary LIKE "
              "'EXERCISE inject % overdue at %'") == "3");
  CHECK(query(ws,
              "SELECT COUNT(*) FROM events WHERE kind = 'inject' AND text LIKE "
              "'EXERCISE INJECT %'") == "10");  // 8 delivered + the demo's own two
  CHECK(run({"verify", ws}).code == 0);

  const std::string aar2 = (tmp.path() / "aar2.html").string();
  REQUIRE(run({"drill", "aar", ws, aar2}).code == 0);
  CHECK(readFile(aar2) == html);

  // Export is byte-stable through a second workspace.
  const std::string out1 = (tmp.path() / "msel1.csv").string();
  const std::string out2 = (tmp.path() / "msel2.csv").string();
  REQUIRE(run({"drill", "export", ws, out1}).code == 0);
  const std::string ws2 = (tmp.path() / "second.liaison").string();
  REQUIRE(run({"import", kDemo.string(), "--into", ws2}).code == 0);
  REQUIRE(run({"drill", "import", ws2, out1}).code == 0);
  REQUIRE(run({"drill", "export", ws2, out2}).code == 0);
  CHECK(readFile(out1) == readFile(out2));
}

TEST_CASE("a malformed MSEL is refused with file:line:column and changes nothing", "[drill]") {
  TempDir tmp;
  const std::string ws = (tmp.path() / "exercise.liaison").string();
  REQUIRE(run({"import", kDemo.string(), "--into", ws}).code == 0);
  const std::string revision = query(ws, "SELECT value FROM meta WHERE key = 'revision'");
  auto bad = run({"drill", "import", ws, (kMsel / "bad_time.csv").string()});
  CHECK(bad.code == 1);
  CHECK(bad.err ==
        "error: bad_time.csv:4:2: scenario_time '0:2O:00' is not a valid offset; expected "
        "HH:MM:SS or HH:MM from the start of the exercise, e.g. 01:15:00 (00:00:00 for a manual "
        "inject)\n");
  bad = run({"drill", "import", ws, (kMsel / "unknown_column.csv").string()});
  CHECK(bad.code == 1);
  CHECK(
      bad.err.starts_with("error: unknown_column.csv:1:12: unexpected column 'evaluator_note'; "
                          "valid columns are inject_number, "));
  bad = run({"drill", "import", ws, (kMsel / "duplicate_number.csv").string()});
  CHECK(bad.err ==
        "error: duplicate_number.csv:6:1: inject number '4' is already used on line "
        "5; expected each inject number once\n");
  CHECK(query(ws, "SELECT value FROM meta WHERE key = 'revision'") == revision);
  CHECK(query(ws, "SELECT COUNT(*) FROM injects") == "0");
  auto noMsel = run({"drill", "run", ws, "--simulate"});
  CHECK(noMsel.code == 1);
  CHECK(contains(noMsel.err, "the workspace has no MSEL"));
  auto policy = run({"drill", "run", ws, "--auto-ack", "most"});
  CHECK(policy.code == 1);
  CHECK(contains(policy.err,
                 "--auto-ack most: expected none, all, agency:CODE[,CODE...] or ratio:R"));
}

TEST_CASE("a short real-time run at 60x delivers the first inject", "[drill][realtime]") {
  TempDir tmp;
  const std::string ws = (tmp.path() / "exercise.liaison").string();
  REQUIRE(run({"import", kDemo.string(), "--into", ws}).code == 0);
  REQUIRE(run({"drill", "import", ws, kDemoMsel.string()}).code == 0);
  auto r = run({"drill", "run", ws, "--speed", "60", "--until", "00:05:00"}, 30.0);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "00:05:00  inject 1 delivered\n"
        "clock paused at 00:05:00: 1 delivered, 0 acknowledged, 0 acted, 0 overdue\n");
}

TEST_CASE("liaison --station names an agency of the workspace, or says which exist", "[e2e]") {
  liaison::test::requireWindowBuild();  // the station check belongs to the dashboard
  TempDir tmp;
  const fs::path ws = tmp.path() / "ws.liaison";
  REQUIRE(run({"import", kDemo.string(), "--into", ws.string()}).code == 0);
  const auto r = run({ws.string(), "--station", "NOPE"});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("--station NOPE is not an agency of"));
  CHECK_THAT(r.err, Catch::Contains("RCFD"));
}

TEST_CASE("two drill runs at once deliver each inject exactly once", "[drill][realtime]") {
  TempDir tmp;
  const std::string ws = (tmp.path() / "exercise.liaison").string();
  REQUIRE(run({"import", kDemo.string(), "--into", ws}).code == 0);
  REQUIRE(run({"drill", "import", ws, kDemoMsel.string()}).code == 0);
  const std::string injectEvents =
      "SELECT COUNT(*) FROM events WHERE kind = 'inject' AND text LIKE 'EXERCISE INJECT %'";
  const int eventsBefore = std::stoi(query(fs::path(ws), injectEvents));  // the demo's own
  // Two controllers on the same workspace, on the real clock at 60x through injects 1 and 2.
  liaison::test::RunResult a, b;
  const std::vector<std::string> args = {"drill", "run", ws, "--speed", "60", "--until", "00:11:00"};
  std::thread first([&] { a = run(args, 60.0); });
  std::thread second([&] { b = run(args, 60.0); });
  first.join();
  second.join();
  INFO(a.out << a.err << b.out << b.err);
  CHECK(a.code == 0);
  CHECK(b.code == 0);
  const fs::path db(ws);
  // One EXERCISE event per delivered inject, and each inject's delivery journaled once.
  CHECK(std::stoi(query(db, injectEvents)) == eventsBefore + 2);
  CHECK(query(db, "SELECT COUNT(*) FROM inject_state WHERE delivered_wall IS NOT NULL") == "2");
  CHECK(query(db, "SELECT COUNT(*) FROM journal WHERE entity = 'inject_state' AND summary LIKE "
                  "'EXERCISE inject 1 delivered%'") == "1");
  CHECK(query(db, "SELECT COUNT(*) FROM journal WHERE entity = 'inject_state' AND summary LIKE "
                  "'EXERCISE inject 2 delivered%'") == "1");
  CHECK(run({"verify", ws}).code == 0);
}
