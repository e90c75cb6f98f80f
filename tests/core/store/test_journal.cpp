// The activity journal: the canonical form and hash (checked against an independent SHA-256),
// the append-only triggers, and verify() naming the first edited, deleted or inserted entry.
#include <catch2/catch.hpp>

#include "core/model/entity_json.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;
using namespace liaison::core::testing;

namespace {

JournalEntry noteEntry() {
  JournalEntry e;
  e.seq = 1;
  e.time = 1700000000;
  e.actor = "ana";
  e.action = "note";
  e.summary = "hi";
  e.prev_hash = kGenesisHash;
  return e;
}

// A workspace with 9 (seed) + 3 entries, closed so raw connections can edit it.
void makeJournal(const fs::path& path) {
  auto store = Store::create(path);
  seed(*store);
  store->apply(note("Briefing at 08:00"), "tester");
  Channel c = repChannel(1001, 101, 102);
  c.status = ChannelStatus::Degraded;
  store->apply(put(c), "tester");
  store->apply(note("Shift change"), "tester");
  REQUIRE(store->journalLength() == 12);
}

const char* kDropTriggers = "DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;";

}  // namespace

TEST_CASE("the canonical form is netstrings in a fixed field order", "[journal]") {
  const JournalEntry e = noteEntry();
  CHECK(journalCanonical(e) ==
        "liaison-journal-11:1,10:1700000000,3:ana,4:note,0:,1:0,2:hi,0:,0:,");
  // sha256(canonical + 64 zeros), computed independently (Python hashlib).
  CHECK(journalHash(e) == "2f092d2fc6353427e54f397f4b09490641d61c716440e25879c24e3954fbe293");

  JournalEntry next;
  next.seq = 2;
  next.time = 1700000060;
  next.actor = "ana";
  next.action = "put";
  next.entity = "agency";
  next.entity_id = 5;
  next.summary =
      "a\x1f"
      "b,c";  // separators inside a field cannot shift field boundaries
  next.before = "{}";
  next.prev_hash = journalHash(e);
  CHECK(journalHash(next) == "8246986858e6f4c6ab154a5b929aa788df1c9c081210aaff24580045e1d78552");
}

TEST_CASE("entries chain their hashes and carry before and after", "[journal]") {
  TempDir tmp;
  const auto path = tmp.file("j.liaison");
  makeJournal(path);
  auto store = Store::open(path);
  const auto entries = store->journal();
  REQUIRE(entries.size() == 12);
  std::string prev = kGenesisHash;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    CHECK(entries[i].seq == static_cast<std::int64_t>(i + 1));
    CHECK(entries[i].prev_hash == prev);
    CHECK(entries[i].hash == journalHash(entries[i]));
    CHECK(entries[i].actor == "tester");
    CHECK(entries[i].time > 1700000000);
    prev = entries[i].hash;
  }
  CHECK(entries[0].before.empty());
  CHECK(entries[0].after == entityToJson(makeAgency(1, "RCFD", "River City Fire Department")));
  CHECK(entries[10].summary == "Changed channel 1001: status up -> degraded");
  CHECK(store->journal(11).size() == 2);

  const auto report = store->verify();
  CHECK(report.ok);
  CHECK(report.entries == 12);
  CHECK(report.integrity == "ok");
  CHECK_FALSE(report.first_broken_seq);
  CHECK(report.problem.empty());
}

TEST_CASE("the journal refuses UPDATE and DELETE through SQL", "[journal]") {
  TempDir tmp;
  const auto path = tmp.file("j.liaison");
  makeJournal(path);
  CHECK_THAT(rawExec(path, "UPDATE journal SET summary = 'nothing happened' WHERE seq = 3"),
             Catch::Contains("append-only"));
  CHECK_THAT(rawExec(path, "DELETE FROM journal WHERE seq = 3"), Catch::Contains("append-only"));
  CHECK(Store::open(path)->verify().ok);
}

TEST_CASE("verify names the first edited, deleted or inserted entry", "[journal][verify]") {
  TempDir tmp;
  const auto path = tmp.file("j.liaison");
  makeJournal(path);
  REQUIRE(rawExec(path, kDropTriggers) == "");

  SECTION("edited summary") {
    REQUIRE(rawExec(path, "UPDATE journal SET summary = 'Added agency XX' WHERE seq = 5") == "");
    const auto r = Store::open(path)->verify();
    CHECK_FALSE(r.ok);
    CHECK(r.first_broken_seq == 5);
    CHECK(r.problem ==
          "entry 5 does not match its hash: its content was edited after it was written");
    CHECK(r.integrity == "ok");
  }
  SECTION("edited after JSON") {
    REQUIRE(rawExec(path,
                    "UPDATE journal SET after = replace(after, 'degraded', 'up') "
                    "WHERE seq = 11") == "");
    const auto r = Store::open(path)->verify();
    CHECK(r.first_broken_seq == 11);
    CHECK_THAT(r.problem, Catch::Contains("content was edited"));
  }
  SECTION("edited and re-hashed: the next entry's link breaks") {
    auto store = Store::open(path);
    auto e = store->journal(4).front();
    e.summary = "Added agency XX";
    e.hash = journalHash(e);
    store.reset();
    REQUIRE(rawExec(path, "UPDATE journal SET summary = 'Added agency XX', hash = '" + e.hash +
                              "' WHERE seq = 4") == "");
    const auto r = Store::open(path)->verify();
    CHECK(r.first_broken_seq == 5);
    CHECK(r.problem ==
          "entry 5 does not link to entry 4 (prev_hash differs): an entry was inserted, replaced "
          "or re-hashed");
  }
  SECTION("deleted entry in the middle") {
    REQUIRE(rawExec(path, "DELETE FROM journal WHERE seq = 7") == "");
    const auto r = Store::open(path)->verify();
    CHECK(r.first_broken_seq == 7);
    CHECK(r.problem == "entry 7 is missing: the next entry is 8 (deleted entry or gap)");
  }
  SECTION("deleted entries at the end") {
    REQUIRE(rawExec(path, "DELETE FROM journal WHERE seq >= 11") == "");
    const auto r = Store::open(path)->verify();
    CHECK(r.first_broken_seq == 11);
    CHECK_THAT(r.problem, Catch::Contains("entries 11 to 12 are missing") &&
                              Catch::Contains("deleted from the end"));
  }
  SECTION("inserted entry at the end with a valid hash") {
    auto store = Store::open(path);
    auto last = store->journal(12).front();
    JournalEntry forged = last;
    forged.seq = 13;
    forged.summary = "Removed agency RCPD";
    forged.prev_hash = last.hash;
    forged.hash = journalHash(forged);
    store.reset();
    REQUIRE(rawExec(path,
                    "INSERT INTO journal SELECT 13, time, actor, action, entity, entity_id, "
                    "'Removed agency RCPD', before, after, '" +
                        forged.prev_hash + "', '" + forged.hash +
                        "' FROM journal WHERE seq = 12") == "");
    const auto r = Store::open(path)->verify();
    CHECK(r.first_broken_seq == 13);
    CHECK_THAT(r.problem, Catch::Contains("added outside Liaison"));
  }
  SECTION("verify works on a read-only store") {
    REQUIRE(rawExec(path, "UPDATE journal SET actor = 'someone else' WHERE seq = 2") == "");
    const auto r = Store::open(path, OpenMode::ReadOnly)->verify();
    CHECK(r.first_broken_seq == 2);
  }
}

TEST_CASE("entity JSON is stable and round-trips", "[journal][json]") {
  Need n = makeNeed(5, 1, 2);
  CHECK(entityToJson(n) ==
        R"({"id":5,"agency_a":1,"agency_b":2,"reason":"evacuation routes","priority":"high",)"
        R"("source":"manual","task":0,"latency_budget":null,"reliability_floor":null})");
  Agency a = makeAgency(1, "RCFD", "River City Fire Department");
  a.position = LonLat{-90.25, 38.5};
  CHECK(entityToJson(a).find(R"("position":[-90.25,38.5])") != std::string::npos);

  Task t;
  t.id = 3;
  t.title = "Open shelter";
  t.due = 1700003600;
  t.involved = {2, 1};
  t.depends_on = {1};
  MapFeature f;
  f.id = 4;
  f.geometry = GeometryKind::Polygon;
  f.kind = FeatureKind::Zone;
  f.rings = {{{0, 0}, {1, 0}, {1, 1}, {0, 0}}};
  f.properties_json = R"({"fill":"#f00"})";
  Incident inc;
  inc.id = 1;
  inc.name = "Chlorine release";
  inc.end = 1700086400;
  TimelineEvent ev;
  ev.id = 8;
  ev.agencies = {1, 3};
  ev.text = "Plume moving east";
  OperationalPeriod op;
  op.id = 2;
  op.incident = 1;
  op.number = 2;
  for (const Entity& e : std::vector<Entity>{a, makeRep(101, 1, "Dana Whitfield"),
                                             repChannel(1001, 101, 102), n, inc, op, ev, t, f}) {
    CAPTURE(entityToJson(e));
    CHECK(entityFromJson(kindOf(e), entityToJson(e)) == e);
  }
  CHECK_THROWS_WITH(entityFromJson(EntityKind::Need, R"({"priority":"urgent"})"),
                    Catch::Contains("critical, high, normal or low"));
}

TEST_CASE("an ordinary write never absorbs tampering with the end of the journal",
          "[journal][verify][tamper]") {
  TempDir tmp;
  const auto path = tmp.file("j.liaison");
  makeJournal(path);
  REQUIRE(rawExec(path, kDropTriggers) == "");

  SECTION("entries deleted from the end, then a write") {
    REQUIRE(rawExec(path, "DELETE FROM journal WHERE seq >= 11") == "");
    auto store = Store::open(path);
    CHECK_THROWS_WITH(store->apply(note("after the deletion"), "tester"),
                      Catch::Contains("does not end where this workspace recorded it") &&
                          Catch::Contains("entries 11 to 12 were deleted from its end") &&
                          Catch::Contains("Nothing was written"));
    CHECK(store->journalLength() == 10);  // nothing was written
    const auto r = store->verify();
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.problem, Catch::Contains("deleted from the end"));
  }
  SECTION("a forged, correctly hashed entry appended, then a write") {
    auto store = Store::open(path);
    auto last = store->journal(12).front();
    JournalEntry forged = last;
    forged.seq = 13;
    forged.summary = "Removed agency RCPD";
    forged.prev_hash = last.hash;
    forged.hash = journalHash(forged);
    store.reset();
    REQUIRE(rawExec(path, "INSERT INTO journal SELECT 13, time, actor, action, entity, "
                          "entity_id, 'Removed agency RCPD', before, after, '" +
                              forged.prev_hash + "', '" + forged.hash +
                              "' FROM journal WHERE seq = 12") == "");
    store = Store::open(path);
    CHECK_THROWS_WITH(store->apply(note("next"), "tester"),
                      Catch::Contains("entries after 12 were added outside Liaison"));
    CHECK_FALSE(store->verify().ok);
  }
  SECTION("the head itself damaged") {
    REQUIRE(rawExec(path, "UPDATE meta SET value = 'x' WHERE key = 'journal_head_seq'") == "");
    auto store = Store::open(path);
    CHECK_THROWS_WITH(store->apply(note("next"), "tester"),
                      Catch::Contains("record of its journal head is missing or damaged"));
  }
  SECTION("an intact workspace keeps writing") {
    REQUIRE(rawExec(path, "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal\n"
                          "  BEGIN SELECT RAISE(ABORT, 'the activity journal is append-only'); "
                          "END;\nCREATE TRIGGER journal_no_delete BEFORE DELETE ON journal\n"
                          "  BEGIN SELECT RAISE(ABORT, 'the activity journal is append-only'); "
                          "END;") == "");
    auto store = Store::open(path);
    store->apply(note("next"), "tester");
    CHECK(store->journalLength() == 13);
    CHECK(store->verify().ok);
  }
}

TEST_CASE("verify compares the data with the journal's after-images", "[journal][verify][tamper]") {
  TempDir tmp;
  const auto path = tmp.file("j.liaison");
  makeJournal(path);
  REQUIRE(Store::open(path)->verify().ok);

  SECTION("an agency renamed with SQL") {
    REQUIRE(rawExec(path, "UPDATE agencies SET name = 'Someone Else' WHERE id = 2") == "");
    const auto r = Store::open(path)->verify();
    CHECK_FALSE(r.ok);
    CHECK(r.first_broken_seq == 2);
    CHECK_THAT(r.problem, Catch::Contains("agency 2") && Catch::Contains("(name)") &&
                              Catch::Contains("changed outside Liaison"));
  }
  SECTION("a channel row deleted") {
    REQUIRE(rawExec(path, "DELETE FROM channels WHERE id = 1002") == "");
    const auto r = Store::open(path)->verify();
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.problem, Catch::Contains("channel 1002") && Catch::Contains("deleted outside"));
  }
  SECTION("a channel's status changed back behind the journal") {
    REQUIRE(rawExec(path, "UPDATE channels SET status = 'up' WHERE id = 1001") == "");
    const auto r = Store::open(path)->verify();
    CHECK_FALSE(r.ok);
    CHECK(r.first_broken_seq == 11);  // the entry that made it degraded
    CHECK_THAT(r.problem, Catch::Contains("channel 1001") && Catch::Contains("(status)"));
  }
  SECTION("a row added with SQL") {
    REQUIRE(rawExec(path, "INSERT INTO agencies (id, code, name, type, role) VALUES "
                          "(9, 'FAKE', 'Fake agency', 'other', 'cooperating')") == "");
    const auto r = Store::open(path)->verify();
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.problem, Catch::Contains("agency 9") && Catch::Contains("no journal entry"));
  }
  SECTION("dropped triggers are reported") {
    REQUIRE(rawExec(path, kDropTriggers) == "");
    const auto r = Store::open(path)->verify();
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.problem, Catch::Contains("append-only triggers were dropped") &&
                              Catch::Contains("journal_no_update"));
  }
}

TEST_CASE("a workspace whose schema was changed outside Liaison is refused on open",
          "[journal][tamper]") {
  TempDir tmp;
  const auto path = tmp.file("j.liaison");
  makeJournal(path);
  SECTION("an extra trigger") {
    REQUIRE(rawExec(path, "CREATE TRIGGER rate_all_p AFTER INSERT ON observations BEGIN "
                          "UPDATE observations SET rating = 'P' WHERE id = new.id; END;") == "");
    CHECK_THROWS_WITH(Store::open(path, OpenMode::ReadOnly),
                      Catch::Contains("schema was changed outside Liaison") &&
                          Catch::Contains("an unexpected trigger rate_all_p"));
    CHECK_THROWS_WITH(Store::open(path), Catch::Contains("unexpected trigger rate_all_p"));
  }
  SECTION("a view in place of a table") {
    REQUIRE(rawExec(path, "PRAGMA foreign_keys = OFF; DROP TABLE event_agencies; "
                          "DROP TABLE events; CREATE VIEW events AS WITH RECURSIVE n(x) AS "
                          "(SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x AS id FROM n;") ==
            "");
    CHECK_THROWS_WITH(Store::open(path, OpenMode::ReadOnly),
                      Catch::Contains("a view events where Liaison has a table"));
  }
  SECTION("an index added") {
    REQUIRE(rawExec(path, "CREATE INDEX spy ON agencies(name)") == "");
    CHECK_THROWS_WITH(Store::open(path), Catch::Contains("an unexpected index spy"));
  }
}
