// The workspace store: creating and opening files, migrations, refusal of files it must not
// touch, one transaction per apply, validation messages, cascades and settings.
#include <catch2/catch.hpp>

#include "core/model/enums.hpp"
#include "core/store/schema.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;
using namespace liaison::core::testing;

namespace {

std::string errorOf(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("create makes an empty WAL workspace at the current schema", "[store]") {
  TempDir tmp;
  const auto path = tmp.file("new.liaison");
  auto store = Store::create(path);
  CHECK(rawQuery(store->handle(), "PRAGMA user_version") ==
          std::to_string(Store::kSchemaVersion));
  CHECK(rawQuery(store->handle(), "PRAGMA journal_mode") == "wal");
  CHECK(rawQuery(store->handle(), "PRAGMA foreign_keys") == "1");
  CHECK(rawQuery(store->handle(), "PRAGMA application_id") ==
        std::to_string(schema::kApplicationId));
  CHECK(store->revision() == 0);
  CHECK(store->journalLength() == 0);
  CHECK(Store::kSchemaVersion == schema::latestVersion());
  CHECK_THROWS_WITH(Store::create(path), Catch::Contains("already exists"));
}

TEST_CASE("an empty (schema 0) file is migrated forward", "[store][migration]") {
  TempDir tmp;
  SECTION("a zero-byte file") {
    const auto path = tmp.file("empty.liaison");
    writeBytes(path, "");
    auto store = Store::open(path);
    CHECK(rawQuery(store->handle(), "PRAGMA user_version") ==
          std::to_string(Store::kSchemaVersion));
    seed(*store);
    CHECK(store->load()->agencies.size() == 3);
  }
  SECTION("an SQLite file with user_version 0 and no tables") {
    const auto path = tmp.file("v0.liaison");
    REQUIRE(rawExec(path, "CREATE TABLE scratch (a); DROP TABLE scratch;") == "");
    REQUIRE(readBytes(path).substr(0, 15) == "SQLite format 3");
    auto store = Store::open(path);
    CHECK(rawQuery(store->handle(), "PRAGMA user_version") ==
          std::to_string(Store::kSchemaVersion));
    CHECK(rawQuery(store->handle(), "SELECT value FROM meta WHERE key = 'revision'") == "0");
  }
  SECTION("read-only cannot migrate and says so") {
    const auto path = tmp.file("empty.liaison");
    writeBytes(path, "");
    CHECK_THROWS_WITH(Store::open(path, OpenMode::ReadOnly),
                      Catch::Contains("uses workspace schema 0; open it once read-write"));
    CHECK(readBytes(path).empty());
  }
}

TEST_CASE("a workspace from a newer Liaison is refused and not changed", "[store][migration]") {
  TempDir tmp;
  const auto path = tmp.file("newer.liaison");
  {
    auto store = Store::create(path);
    seed(*store);
  }
  REQUIRE(rawExec(path, "PRAGMA user_version = 7") == "");
  const std::string before = readBytes(path);
  const std::string msg = errorOf([&] { Store::open(path); });
  CHECK_THAT(msg, Catch::Contains("was written by a newer Liaison (schema 7; this build reads "
                                  "up to " + std::to_string(Store::kSchemaVersion) + ")"));
  CHECK_THAT(msg, Catch::Contains("The file was not changed."));
  CHECK_THROWS_AS(Store::open(path, OpenMode::ReadOnly), StoreError);
  CHECK(readBytes(path) == before);
  CHECK_FALSE(fs::exists(path.string() + "-wal"));
}

TEST_CASE("a file that is not SQLite is refused and not changed", "[store][migration]") {
  TempDir tmp;
  const auto path = tmp.file("agencies.liaison");
  const std::string bytes = "code,name\nRCFD,River City Fire Department\n";
  writeBytes(path, bytes);
  CHECK_THROWS_WITH(Store::open(path),
                    Catch::Contains("is not a Liaison workspace: it is not an SQLite database"));
  CHECK_THROWS_AS(Store::open(path, OpenMode::ReadOnly), StoreError);
  CHECK(readBytes(path) == bytes);
  CHECK_FALSE(fs::exists(path.string() + "-wal"));
  CHECK_FALSE(fs::exists(path.string() + "-shm"));
}

TEST_CASE("another application's SQLite file is refused and not changed", "[store][migration]") {
  TempDir tmp;
  const auto path = tmp.file("tiles.mbtiles");
  REQUIRE(rawExec(path, "CREATE TABLE metadata (name TEXT, value TEXT);") == "");
  const std::string bytes = readBytes(path);
  CHECK_THROWS_WITH(Store::open(path),
                    Catch::Contains("not a Liaison workspace") && Catch::Contains("metadata"));
  CHECK(readBytes(path) == bytes);

  const auto other = tmp.file("other.db");
  REQUIRE(rawExec(other, "CREATE TABLE t (a); PRAGMA user_version = 1;") == "");
  const std::string otherBytes = readBytes(other);
  CHECK_THROWS_WITH(Store::open(other), Catch::Contains("from another application"));
  CHECK(readBytes(other) == otherBytes);
}

TEST_CASE("a truncated or corrupt workspace is refused and not changed", "[store][migration]") {
  TempDir tmp;
  const auto path = tmp.file("hurt.liaison");
  {
    auto store = Store::create(path);
    seed(*store);
  }
  const std::string good = readBytes(path);
  REQUIRE(good.size() >= 8 * 4096);

  SECTION("truncated to three pages") {
    const std::string cut = good.substr(0, 3 * 4096);
    writeBytes(path, cut);
    CHECK_THROWS_WITH(Store::open(path), Catch::Contains("is corrupt: the file is truncated"));
    CHECK_THROWS_AS(Store::open(path, OpenMode::ReadOnly), StoreError);
    CHECK(readBytes(path) == cut);
  }
  SECTION("truncated inside the header") {
    const std::string cut = good.substr(0, 50);
    writeBytes(path, cut);
    CHECK_THROWS_WITH(Store::open(path), Catch::Contains("is corrupt"));
    CHECK(readBytes(path) == cut);
  }
  SECTION("pages overwritten with garbage") {
    std::string bad = good;
    for (std::size_t i = 2 * 4096; i < bad.size(); ++i) bad[i] = static_cast<char>(0xA5);
    writeBytes(path, bad);
    CHECK_THROWS_WITH(Store::open(path), Catch::Contains("is corrupt"));
    CHECK(readBytes(path) == bad);
  }
}

TEST_CASE("a failing batch leaves rows, revision and journal unchanged", "[store][transaction]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  seed(*store);
  const auto rev = store->revision();
  const auto length = store->journalLength();
  const auto before = store->load();

  Channel broken = repChannel(1003, 101, 999);  // 999 does not exist
  CHECK_THROWS_AS(store->apply(std::vector<Command>{put(makeAgency(4, "RCPW", "Public Works")),
                                                    put(makeRep(104, 4, "Sam Lee")),
                                                    note("added public works"), put(broken)},
                               "tester"),
                  ValidationError);
  CHECK(store->revision() == rev);
  CHECK(store->journalLength() == length);
  const auto after = store->load();
  CHECK(after->agencies == before->agencies);
  CHECK(after->representatives == before->representatives);
  CHECK(after->agency(4) == nullptr);
  CHECK(store->verify().ok);

  // The store is still usable after the rollback.
  auto ok = store->apply(put(makeAgency(4, "RCPW", "Public Works")), "tester");
  CHECK(ok.revision == rev + 1);
}

TEST_CASE("each apply bumps the revision once and journals each entity changed",
          "[store][transaction]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  auto r1 = store->apply(
      std::vector<Command>{put(makeAgency(0, "A", "Alpha")), put(makeAgency(0, "B", "Bravo")),
                           put(makeAgency(7, "C", "Charlie")), put(makeAgency(0, "D", "Delta"))},
      "tester");
  CHECK(r1.revision == 1);
  CHECK(r1.ids == std::vector<Id>{1, 2, 7, 8});  // id 0: max(id) + 1
  CHECK(store->journalLength() == 4);

  // Putting an identical entity changes nothing and records nothing, but still applies.
  auto r2 = store->apply(put(makeAgency(7, "C", "Charlie")), "tester");
  CHECK(r2.revision == 2);
  CHECK(store->journalLength() == 4);

  auto r3 = store->apply(note("Briefing held at 08:00"), "liaison@ws1");
  CHECK(r3.revision == 3);
  const auto entries = store->journal(5);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].action == "note");
  CHECK(entries[0].entity == "");
  CHECK(entries[0].summary == "Briefing held at 08:00");
  CHECK(entries[0].actor == "liaison@ws1");

  CHECK(store->apply(std::vector<Command>{}, "tester").revision == 3);
}

TEST_CASE("journal summaries are readable", "[store][journal]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  seed(*store);
  Channel c = repChannel(1001, 101, 102);
  c.status = ChannelStatus::Down;
  store->apply(put(c), "tester");
  store->apply(put(makeRep(104, 1, "Dana Whitfield")), "tester");
  store->apply(remove(EntityKind::Representative, 104), "tester");

  const auto j = store->journal();
  REQUIRE(j.size() == 12);
  CHECK(j[0].summary == "Added agency RCFD (River City Fire Department)");
  CHECK(j[3].summary == "Added representative 101 (Dana Whitfield)");
  CHECK(j[9].summary == "Changed channel 1001: status up -> down");
  CHECK(j[9].before.find("\"status\":\"up\"") != std::string::npos);
  CHECK(j[9].after.find("\"status\":\"down\"") != std::string::npos);
  CHECK(j[11].summary == "Removed representative 104 (Dana Whitfield)");
  CHECK(j[11].action == "remove");
  CHECK(j[11].entity == "representative");
  CHECK(j[11].entity_id == 104);
  CHECK(j[11].after.empty());
  CHECK_FALSE(j[11].before.empty());
}

TEST_CASE("removing an agency cascades and journals every change", "[store][cascade]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  seed(*store);
  Incident inc;
  inc.id = 1;
  inc.name = "Riverside chlorine release";
  TimelineEvent ev;
  ev.id = 1;
  ev.incident = 1;
  ev.time = 1700000000;
  ev.text = "Fire and police at the scene";
  ev.agencies = {1, 2};
  Task t;
  t.id = 1;
  t.title = "Close River Road";
  t.owner_agency = 1;
  t.owner_rep = 101;
  t.involved = {2, 1};
  store->apply(std::vector<Command>{put(inc), put(ev), put(t)}, "tester");
  const auto before = store->journalLength();

  store->apply(remove(EntityKind::Agency, 1), "tester");
  const auto snap = store->load();
  CHECK(snap->agency(1) == nullptr);
  CHECK(snap->representative(101) == nullptr);
  CHECK(snap->channel(1001) == nullptr);  // via representative 101
  CHECK(snap->channel(1002) == nullptr);  // agency channel
  CHECK(snap->need(1) == nullptr);
  REQUIRE(snap->events.size() == 1);
  CHECK(snap->events[0].agencies == std::vector<Id>{2});
  REQUIRE(snap->task(1) != nullptr);
  CHECK(snap->task(1)->owner_agency == 0);
  CHECK(snap->task(1)->owner_rep == 0);
  CHECK(snap->task(1)->involved == std::vector<Id>{2});

  const auto entries = store->journal(before + 1);
  std::vector<std::string> summaries;
  for (const auto& e : entries) summaries.push_back(e.summary);
  const std::vector<std::string> expected = {
      "Removed channel 1001 (with representative 101 (Dana Whitfield))",
      "Changed task 1: owner_rep 101 -> 0 (with representative 101 (Dana Whitfield) removed)",
      "Removed representative 101 (Dana Whitfield) (with agency RCFD (River City Fire "
      "Department))",
      "Removed channel 1002 (with agency RCFD (River City Fire Department))",
      "Removed need 1 (with agency RCFD (River City Fire Department))",
      "Changed event 1: agencies [1,2] -> [2] (with agency RCFD (River City Fire Department) "
      "removed)",
      "Changed task 1: owner_agency 1 -> 0, involved [2,1] -> [2] (with agency RCFD (River City "
      "Fire Department) removed)",
      "Removed agency RCFD (River City Fire Department)",
  };
  CHECK(summaries == expected);
  CHECK(store->verify().ok);
}

TEST_CASE("validation errors name the entity, the field and what is valid", "[store][validation]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  seed(*store);
  const auto rev = store->revision();
  auto fails = [&](Command c) { return errorOf([&] { store->apply(c, "tester"); }); };

  Channel both = repChannel(1005, 101, 102);
  both.from_agency = 1;
  both.to_agency = 2;
  CHECK(fails(put(both)) ==
        "channel 1005: endpoints are from_rep=101, to_rep=102, from_agency=1, to_agency=2; set "
        "exactly one pair: from_rep and to_rep, or from_agency and to_agency");
  Channel neither;
  neither.id = 1005;
  CHECK(fails(put(neither)) ==
        "channel 1005: endpoints are from_rep=0, to_rep=0, from_agency=0, to_agency=0; set "
        "exactly one pair: from_rep and to_rep, or from_agency and to_agency");
  CHECK(fails(put(repChannel(1005, 101, 101))) ==
        "channel 1005: to_rep is the same representative as from_rep (101); a channel joins two "
        "different representatives");
  CHECK(fails(put(agencyChannel(1005, 2, 2))) ==
        "channel 1005: to_agency is the same agency as from_agency (2); a channel joins two "
        "different agencies");
  Channel slow = repChannel(1005, 101, 102);
  slow.latency_min = -1;
  CHECK(fails(put(slow)) == "channel 1005: latency_min is -1; it must be a number of minutes, 0 or more");
  Channel flaky = repChannel(1005, 101, 102);
  flaky.reliability = 1.5;
  CHECK(fails(put(flaky)) == "channel 1005: reliability is 1.5; it must be a number from 0 to 1");
  CHECK(fails(put(repChannel(1005, 101, 999))) ==
        "channel 1005: to_rep refers to representative 999, which does not exist; use the id of "
        "an existing representative");
  CHECK(fails(put(makeRep(110, 99, "Ann Lee"))) ==
        "representative 110 (Ann Lee): agency refers to agency 99, which does not exist; use the "
        "id of an existing agency");
  CHECK(fails(put(makeAgency(4, "RCFD", "Second Fire"))) ==
        "agency RCFD (Second Fire): code \"RCFD\" is already used by agency 1; agency codes must "
        "be unique");
  CHECK(fails(put(makeAgency(4, "X", ""))) == "agency X: name is empty; it needs a value");
  CHECK(fails(put(makeAgency(4, "", "Nameless"))) ==
        "agency 4 (Nameless): code is empty; it needs a value");
  CHECK(fails(put(makeNeed(5, 1, 1))) ==
        "need 5: agency_b is the same agency as agency_a (1); a need joins two different "
        "agencies");
  CHECK(fails(put(makeAgency(-3, "N", "Negative"))) ==
        "agency N (Negative): id is negative; use 0 to allocate one, or a positive id");
  CHECK(fails(remove(EntityKind::Agency, 42)) ==
        "cannot remove agency 42: there is no agency with that id");
  CHECK(fails(note("  ")) == "note: text is empty; a log note needs some text");
  Task loop;
  loop.id = 9;
  loop.title = "Loop";
  loop.depends_on = {9};
  CHECK(fails(put(loop)) ==
        "task 9 (Loop): depends_on lists the task itself; a task cannot depend on itself");
  MapFeature open;
  open.id = 3;
  open.geometry = GeometryKind::Polygon;
  open.label = "Evacuation zone";
  open.rings = {{{0, 0}, {1, 0}, {1, 1}, {0, 1}}};
  CHECK(fails(put(open)) ==
        "map feature 3 (Evacuation zone): rings[0] is not a closed ring; a polygon ring has 4 or "
        "more coordinates and its last equals its first (RFC 7946)");

  CHECK(store->revision() == rev);
  CHECK(store->journalLength() == 9);
}

TEST_CASE("a read-only store reads but never writes", "[store][readonly]") {
  TempDir tmp;
  const auto path = tmp.file("w.liaison");
  auto writer = Store::create(path);
  seed(*writer);
  auto reader = Store::open(path, OpenMode::ReadOnly);
  CHECK(reader->readOnly());
  CHECK(reader->load()->agencies.size() == 3);
  CHECK(reader->verify().ok);
  CHECK_THROWS_WITH(reader->apply(note("hello"), "wall"), Catch::Contains("read-only"));
  CHECK_THROWS_AS(reader->apply(put(makeAgency(9, "Z", "Zulu")), "wall"), StoreError);
  CHECK_THROWS_AS(reader->setSetting("k", "v"), StoreError);
  CHECK(reader->journalLength() == 9);
  CHECK(writer->journalLength() == 9);
}

TEST_CASE("settings are stored but neither journaled nor revisioned", "[store][settings]") {
  TempDir tmp;
  const auto path = tmp.file("w.liaison");
  auto store = Store::create(path);
  CHECK(store->setting("layout", "default") == "default");
  store->setSetting("layout", "{\"101\":[1.5,2]}");
  store->setSetting("layout", "{\"101\":[3,4]}");
  CHECK(store->setting("layout") == "{\"101\":[3,4]}");
  CHECK(store->revision() == 0);
  CHECK(store->journalLength() == 0);
  auto other = Store::open(path, OpenMode::ReadOnly);
  CHECK(other->setting("layout") == "{\"101\":[3,4]}");
}

TEST_CASE("task dependencies may point forward within a batch but never in a cycle",
          "[store][validation]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  auto task = [](Id id, std::vector<Id> deps) {
    Task t;
    t.id = id;
    t.title = "Task " + std::to_string(id);
    t.depends_on = std::move(deps);
    return t;
  };
  // Task 1 names task 2, which the same batch puts afterwards.
  store->apply(std::vector<Command>{put(task(1, {2})), put(task(2, {}))}, "tester");
  CHECK(store->load()->task(1)->depends_on == std::vector<Id>{2});

  const auto rev = store->revision();
  auto fails = [&](std::vector<Command> batch) {
    return errorOf([&] { store->apply(batch, "tester"); });
  };
  CHECK(fails({put(task(3, {4}))}) ==
        "task 3 (Task 3): depends_on refers to task 4, which does not exist; use the id of an "
        "existing task");
  CHECK(fails({put(task(2, {1}))}) ==
        "task 2 (Task 2): depends_on makes a cycle: through its dependencies the task depends on "
        "itself; remove one of the dependencies");
  CHECK(fails({put(task(3, {1})), put(task(2, {3}))}) ==  // 3 -> 1 -> 2 -> 3, 3 checked first
        "task 3 (Task 3): depends_on makes a cycle: through its dependencies the task depends on "
        "itself; remove one of the dependencies");
  CHECK(store->revision() == rev);

  // Removing a task drops it from the dependencies of others.
  store->apply(remove(EntityKind::Task, 2), "tester");
  CHECK(store->load()->task(1)->depends_on.empty());
  CHECK(store->journal().back().summary == "Removed task 2 (Task 2)");
}
