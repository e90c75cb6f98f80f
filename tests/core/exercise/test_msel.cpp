// The MSEL reader: every column where it belongs, times, the spreadsheet's CSV (byte-order
// mark, CRLF, quoted commas), each error class with its exact file:line:column message, the
// atomic import into a workspace and the byte-stable export.
#include <catch2/catch.hpp>

#include "core/store/exercise_store.hpp"
#include "core/exercise/msel_import.hpp"
#include "core/formats/msel.hpp"
#include "core/formats/scenario.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;
namespace fs = std::filesystem;

namespace {

const fs::path kMsel = fs::path(LIAISON_TEST_DATA) / "msel";
// The demo's MSEL as shipped to users (assets/msel), so the tests run what the README shows.
const fs::path kDemoMsel = fs::path(LIAISON_SOURCE_DIR) / "assets" / "msel" / "chlorine-drill.csv";
const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";

Snapshot seeded() {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("seed.liaison"));
  testing::seed(*store);
  return *store->load();
}

std::string mselError(const std::string& text, const Snapshot& snap) {
  try {
    parseMsel(text, "m.csv", snap);
  } catch (const ImportError& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string kHeader = "inject_number,scenario_time,to,message\n";

}  // namespace

TEST_CASE("the demo MSEL reads as a controller wrote it in a spreadsheet", "[msel]") {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("demo.liaison"));
  importScenario(kDemo, *store);
  const auto injects =
      parseMsel(testing::readBytes(kDemoMsel), "chlorine-drill.csv", *store->load());
  REQUIRE(injects.size() == 8);
  const Inject& i1 = injects[0];
  CHECK(i1.id == 1);
  CHECK(i1.number == "1");
  CHECK(i1.offset == 300);
  CHECK(i1.from == "SimCell (TVRR yard master)");
  CHECK(i1.to == "TC911");
  CHECK(i1.method == InjectMethod::Phone);
  CHECK(i1.subject == "Hissing tank car on track 4");
  CHECK(i1.message ==
        "Yard master calls 911: a tank car on track 4 is hissing, yellow-green cloud drifting "
        "east. Two crew members coughing.");
  CHECK(i1.expected_action == "Dispatch fire and hazmat; notify the liaison and TCEMA");
  CHECK(i1.objective == "Obj 1: Notify and alert within 15 minutes");
  CHECK(i1.capability == "Operational Communications");
  CHECK(i1.controller == "Controller A (Ruiz)");
  CHECK(i1.evaluator_notes == "Note the time from call to the hazmat page");
  CHECK(i1.effect.empty());
  // "County radio tower fails": the tower's power feed (infrastructure 1) goes down, and with
  // it the tower and every talkgroup it carries.
  CHECK(injects[2].effect ==
        NetworkEffect{NetworkEffect::Target::Infrastructure, NetworkEffect::Change::Down, 1});
  CHECK(injects[5].manual());
  CHECK(injects[5].method == InjectMethod::Media);
  CHECK(injects[7].effect ==
        NetworkEffect{NetworkEffect::Target::Representative, NetworkEffect::Change::Down, 183});
  CHECK(injects[7].offset == 5400);
}

TEST_CASE("optional columns may be left out and columns come in any order", "[msel]") {
  const Snapshot snap = seeded();
  const auto injects = parseMsel(
      "message,to,scenario_time,inject_number\nCall the EOC,RCFD,1:30,A-1\n", "m.csv", snap);
  REQUIRE(injects.size() == 1);
  CHECK(injects[0].number == "A-1");
  CHECK(injects[0].offset == 5400);
  CHECK(injects[0].method == InjectMethod::Other);
  CHECK(injects[0].to == "RCFD");
}

TEST_CASE("each malformed MSEL is refused with its exact file:line:column message", "[msel]") {
  const Snapshot snap = seeded();
  CHECK(mselError("", snap) ==
        "m.csv:1:1: the file is empty; expected a header line with the columns inject_number, "
        "scenario_time, from, to, method, subject, message, expected_action, objective, "
        "capability, controller, evaluator_notes, effect");
  CHECK(mselError("inject_number,scenario_time,to,message,notes\n", snap) ==
        "m.csv:1:5: unexpected column 'notes'; valid columns are inject_number, scenario_time, "
        "from, to, method, subject, message, expected_action, objective, capability, "
        "controller, evaluator_notes, effect");
  CHECK(mselError("inject_number,scenario_time,to,message,to\n", snap) ==
        "m.csv:1:5: column 'to' appears twice (first as column 3); expected each column once");
  CHECK(mselError("inject_number,scenario_time,to\n1,00:05:00,RCFD\n", snap) ==
        "m.csv:1:1: missing required column 'message'; required columns are inject_number, "
        "scenario_time, to, message");
  CHECK(mselError(kHeader + "1,00:05:00,RCFD\n", snap) ==
        "m.csv:2:4: the line has 3 fields but the header has 4; expected 4 fields (an empty "
        "cell still needs its comma)");
  CHECK(mselError(kHeader + "1,00:05:00,RCFD,hello\n2,0:2O:00,RCFD,hello\n", snap) ==
        "m.csv:3:2: scenario_time '0:2O:00' is not a valid offset; expected HH:MM:SS or HH:MM "
        "from the start of the exercise, e.g. 01:15:00 (00:00:00 for a manual inject)");
  CHECK(mselError(kHeader + "1,,RCFD,hello\n", snap) ==
        "m.csv:2:2: scenario_time is empty; expected an offset from the start as HH:MM:SS, e.g. "
        "01:15:00 (00:00:00 for a manual inject)");
  CHECK(mselError(kHeader + "1,00:05:00,  ,hello\n", snap) ==
        "m.csv:2:3: to is empty; expected a non-empty text");
  CHECK(
      mselError(kHeader + "7,00:05:00,RCFD,a\n\"multi\nline\",00:06:00,RCFD,b\n7,00:07:00,RCFD,c\n",
                snap) ==
      "m.csv:5:1: inject number '7' is already used on line 2; expected each inject number once");
  CHECK(mselError("inject_number,scenario_time,to,message,method\n1,00:05:00,RCFD,hi,Phone\n",
                  snap) ==
        "m.csv:2:5: method 'Phone' is not a valid method; expected one of phone, radio, email, "
        "in_person, media or other");
  CHECK(mselError("inject_number,scenario_time,to,message,effect\n1,00:05:00,RCFD,hi,fail "
                  "channel 1001\n",
                  snap) ==
        "m.csv:2:5: effect 'fail channel 1001' is not a network effect; expected 'down "
        "channel:ID', 'up channel:ID', 'degraded channel:ID', 'down rep:ID', 'up rep:ID', 'down "
        "infra:ID', 'up infra:ID', 'degraded infra:ID', 'down agency:ID' or 'up agency:ID', or an "
        "empty cell");
  CHECK(mselError("inject_number,scenario_time,to,message,effect\n1,00:05:00,RCFD,hi,down "
                  "channel:99999\n",
                  snap) ==
        "m.csv:2:5: effect 'down channel:99999' names channel 99999, which is not in the "
        "workspace; expected the id of one of its 2 channels");
  CHECK(mselError("inject_number,scenario_time,to,message,effect\n1,00:05:00,RCFD,hi,up rep:7\n",
                  snap) ==
        "m.csv:2:5: effect 'up rep:7' names representative 7, who is not in the workspace; "
        "expected the id of one of its 3 representatives");
  const std::string unclosed = mselError(kHeader + "1,00:05:00,RCFD,\"never closed\n", snap);
  CHECK(unclosed.starts_with("m.csv:2:4: "));
  const std::string badUtf8 = mselError(kHeader + "1,00:05:00,RCFD,caf\xC3\n", snap);
  CHECK(badUtf8.starts_with("m.csv:2:4: "));
}

TEST_CASE("import is atomic and export -> import -> export is byte-identical", "[msel]") {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("demo.liaison"));
  importScenario(kDemo, *store);
  const auto revision = store->revision();
  const auto journalBefore = store->journalLength();

  for (const char* bad :
       {"bad_time.csv", "unknown_column.csv", "unknown_channel.csv", "duplicate_number.csv"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(importMsel(kMsel / bad, *store), ImportError);
    CHECK(store->revision() == revision);
    CHECK(store->journalLength() == journalBefore);
  }
  try {
    importMsel(kMsel / "unknown_channel.csv", *store);
  } catch (const ImportError& e) {
    CHECK(std::string(e.what()) ==
          "unknown_channel.csv:4:13: effect 'down channel:99999' names channel 99999, which is "
          "not in the workspace; expected the id of one of its 335 channels");
  }
  CHECK_THROWS_WITH(importMsel(kMsel / "missing.csv", *store),
                    "missing.csv: the file is missing; expected an MSEL CSV file");

  const auto summary = importMsel(kDemoMsel, *store);
  CHECK(summary.injects == 8);
  CHECK(summary.manual == 1);
  CHECK(summary.effects == 3);
  const ExerciseState state = loadExercise(*store);
  CHECK(state.injects.size() == 8);
  CHECK(state.statuses.size() == 8);
  CHECK(state.statuses[3].state == InjectState::Pending);
  CHECK(state.clock.epoch == store->load()->mainIncident()->start);
  CHECK(!state.clock.started);
  // One journal entry per inject plus the clock reset, in one revision.
  CHECK(store->journalLength() == journalBefore + 9);
  CHECK(store->revision() == revision + 1);
  CHECK(store->verify().ok);

  exportMsel(*store, tmp.file("a.csv"));
  auto other = Store::create(tmp.file("other.liaison"));
  importScenario(kDemo, *other);
  importMsel(tmp.file("a.csv"), *other);
  exportMsel(*other, tmp.file("b.csv"));
  const std::string a = testing::readBytes(tmp.file("a.csv"));
  CHECK(a == testing::readBytes(tmp.file("b.csv")));
  CHECK(
      a.starts_with("\xEF\xBB\xBF" "inject_number,scenario_time,from,to,method,subject,message,"
                    "expected_action,objective,capability,controller,evaluator_notes,effect\n"
                    "1,00:05:00,SimCell (TVRR yard master),TC911,phone,"));
  CHECK(a.find('\r') == std::string::npos);
  // Importing the same MSEL again changes no inject (only the clock reset is journaled).
  const auto len = store->journalLength();
  importMsel(tmp.file("a.csv"), *store);
  CHECK(store->journalLength() == len + 1);
}
