// Snapshots: every field survives the trip through the tables, vectors come sorted by id,
// lookups work, versions move once per apply and another connection sees the change.
#include <catch2/catch.hpp>

#include <chrono>

#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;
using namespace liaison::core::testing;

namespace {

struct Everything {
  Agency agency;
  Representative rep;
  Channel channel;
  Need need;
  Incident incident;
  OperationalPeriod period;
  TimelineEvent event;
  Task task;
  MapFeature feature;
};

Everything everything() {
  Everything x;
  x.agency = makeAgency(4, "RCPW", "River City Public Works");
  x.agency.type = AgencyType::PublicWorks;
  x.agency.role = AgencyRole::Cooperating;
  x.agency.discipline = "ESF-3 Public Works";
  x.agency.jurisdiction = "City of River City";
  x.agency.location = "12 Mill St";
  x.agency.position = LonLat{-90.123456789, 38.987654321};
  x.agency.agreements = "County mutual aid 2019";
  x.agency.resources = "4 dump trucks, 2 loaders";
  x.agency.personnel = 23;
  x.agency.condition = "rested";
  x.agency.constraints = "no hazmat entry";
  x.agency.rep_location = "EOC seat 12";
  x.agency.notes = "quotes \" and, commas\nnewline, ünïcode";
  x.rep = makeRep(104, 4, "Kim Park");
  x.rep.shift = "07:00-19:00";
  x.rep.on_duty = false;
  x.channel = agencyChannel(1004, 4, 1);
  x.channel.two_way = false;
  x.channel.status = ChannelStatus::Degraded;
  x.channel.notes = "landline only";
  x.incident.id = 1;
  x.incident.name = "Riverside chlorine release";
  x.incident.number = "EX-2026-014";
  x.incident.kind = "Hazardous materials release";
  x.incident.exercise = true;
  x.incident.start = 1780000000;
  x.incident.end = 1780086400;
  x.period.id = 1;
  x.period.incident = 1;
  x.period.number = 1;
  x.period.start = 1780000000;
  x.period.end = 1780043200;
  x.period.objectives = "Protect life";
  x.task.id = 1;
  x.task.incident = 1;
  x.task.title = "Close River Road";
  x.task.status = TaskStatus::Blocked;
  x.task.priority = Priority::Critical;
  x.task.owner_agency = 4;
  x.task.owner_rep = 104;
  x.task.involved = {2, 4, 1};
  x.task.due = 1780010000;
  x.need = makeNeed(2, 4, 2);
  x.need.source = NeedSource::Task;
  x.need.task = 1;
  x.event.id = 1;
  x.event.incident = 1;
  x.event.time = 1780000300;
  x.event.kind = EventKind::Decision;
  x.event.agencies = {4, 2};
  x.event.text = "Road closed";
  x.event.source = "RCPD dispatch";
  x.event.significant = true;
  x.feature.id = 1;
  x.feature.geometry = GeometryKind::Polygon;
  x.feature.kind = FeatureKind::Zone;
  x.feature.label = "Evacuation zone";
  x.feature.incident = 1;
  x.feature.layer = "workspace";
  x.feature.rings = {{{-90.1, 38.9}, {-90.0, 38.9}, {-90.0, 39.0}, {-90.1, 38.9}},
                     {{-90.05, 38.92}, {-90.04, 38.92}, {-90.04, 38.93}, {-90.05, 38.92}}};
  x.feature.properties_json = R"({"stroke":"#d00","note":"shelter in place"})";
  return x;
}

}  // namespace

TEST_CASE("every field survives a put and a load", "[snapshot]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("s.liaison"));
  seed(*store);
  const Everything x = everything();
  store->apply(
      std::vector<Command>{put(x.agency), put(x.rep), put(x.channel), put(x.incident),
                           put(x.period), put(x.task), put(x.need), put(x.event), put(x.feature)},
      "tester");
  const auto snap = store->load();
  REQUIRE(snap->agency(4) != nullptr);
  CHECK(*snap->agency(4) == x.agency);
  CHECK(*snap->representative(104) == x.rep);
  CHECK(*snap->channel(1004) == x.channel);
  CHECK(*snap->need(2) == x.need);
  CHECK(*snap->incident(1) == x.incident);
  CHECK(*snap->period(1) == x.period);
  CHECK(*snap->event(1) == x.event);
  CHECK(*snap->task(1) == x.task);
  CHECK(*snap->feature(1) == x.feature);
  CHECK(snap->mainIncident() == snap->incident(1));
  CHECK(snap->isExercise());
  CHECK(snap->agency(99) == nullptr);
  CHECK(snap->task(0) == nullptr);
  CHECK(snap->path == tmp.file("s.liaison").string());
  CHECK(snap->journal_length == 18);
  // The rows are what a second, independent connection reads too.
  auto other = Store::open(tmp.file("s.liaison"), OpenMode::ReadOnly);
  CHECK(other->load()->representatives == snap->representatives);
}

TEST_CASE("snapshot vectors are sorted by id and events can be read in time order", "[snapshot]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("s.liaison"));
  store->apply(
      std::vector<Command>{put(makeAgency(30, "C", "Charlie")), put(makeAgency(10, "A", "Alpha")),
                           put(makeAgency(20, "B", "Bravo"))},
      "tester");
  std::vector<Command> events;
  for (Id id : {5, 3, 9, 1}) {
    TimelineEvent e;
    e.id = id;
    e.time = 1000 - id * 10 + (id == 9 ? 200 : 0);  // times: 950, 970, 1110, 990
    e.text = "event " + std::to_string(id);
    events.push_back(put(e));
  }
  store->apply(events, "tester");
  const auto snap = store->load();
  REQUIRE(snap->agencies.size() == 3);
  CHECK(snap->agencies[0].id == 10);
  CHECK(snap->agencies[1].id == 20);
  CHECK(snap->agencies[2].id == 30);
  CHECK(snap->agency(20)->code == "B");
  std::vector<Id> byId, byTime;
  for (const auto& e : snap->events) byId.push_back(e.id);
  for (const auto* e : snap->eventsByTime()) byTime.push_back(e->id);
  CHECK(byId == std::vector<Id>{1, 3, 5, 9});
  CHECK(byTime == std::vector<Id>{5, 3, 1, 9});
  CHECK(snap->mainIncident() == nullptr);
  CHECK_FALSE(snap->isExercise());
}

TEST_CASE("the version moves once per apply and other connections see it", "[snapshot]") {
  TempDir tmp;
  const auto path = tmp.file("s.liaison");
  auto writer = Store::create(path);
  auto follower = Store::open(path, OpenMode::ReadOnly);
  auto second = Store::open(path);
  CHECK(writer->load()->version == 0);
  const auto v0 = follower->revision();
  CHECK(v0 == 0);
  CHECK_FALSE(follower->changedSince(v0));

  seed(*writer);  // one apply, nine entities
  CHECK(writer->revision() == 1);
  CHECK(follower->changedSince(v0));
  CHECK(follower->revision() == 1);
  CHECK(second->revision() == 1);
  const auto snap = follower->load();
  CHECK(snap->version == 1);
  CHECK(snap->agencies.size() == 3);
  CHECK(snap->journal_length == 9);

  // A write from the second read-write connection is seen by the first and by the follower.
  second->apply(note("from the other workstation"), "ws2");
  CHECK(writer->revision() == 2);
  CHECK(follower->changedSince(1));
  CHECK(follower->load()->version == 2);
  CHECK(writer->apply(note("again"), "ws1").revision == 3);
  CHECK(second->revision() == 3);

  // Settings are not a revision.
  writer->setSetting("pinned", "{}");
  CHECK_FALSE(follower->changedSince(3));
}

// Correctness at scale; the timing is printed, never asserted (bench/ is where speed is judged).
TEST_CASE("loading 100k events keeps every event and its agencies", "[snapshot][scale]") {
  TempDir tmp;
  const auto path = tmp.file("big.liaison");
  {
    auto store = Store::create(path);
    seed(*store);
  }
  // Bulk rows straight into the tables (the journal is not under test here).
  REQUIRE(
      rawExec(path,
              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
              "INSERT INTO events (id, time, kind, text, source, significant) "
              "SELECT i, 1780000000 + i, 'report', 'Event number ' || i, 'RCPD', i % 7 = 0 "
              "FROM n; "
              "INSERT INTO event_agencies (event, ordinal, agency) SELECT id, 0, 1 FROM events; "
              "INSERT INTO event_agencies (event, ordinal, agency) "
              "SELECT id, 1, 2 FROM events WHERE id % 2 = 0;") == "");
  auto store = Store::open(path, OpenMode::ReadOnly);
  const auto start = std::chrono::steady_clock::now();
  const auto snap = store->load();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  WARN("loaded " << snap->events.size() << " events in " << ms << " ms");
  REQUIRE(snap->events.size() == 100000);
  CHECK(snap->event(100000)->agencies == std::vector<Id>{1, 2});
  CHECK(snap->event(99999)->agencies == std::vector<Id>{1});
  CHECK(snap->event(7)->significant);
}

// Hidden (run with "[perf]"): how fast a large import-sized batch is applied and journaled.
TEST_CASE("applying 20k events in one batch", "[.][perf]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("big.liaison"));
  seed(*store);
  std::vector<Command> batch;
  for (int i = 1; i <= 20000; ++i) {
    TimelineEvent e;
    e.time = 1780000000 + i;
    e.text = "Event number " + std::to_string(i);
    e.agencies = {1, 2};
    batch.push_back(put(e));
  }
  const auto start = std::chrono::steady_clock::now();
  store->apply(batch, "tester");
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  WARN("applied 20000 events with their journal entries in " << ms << " ms");
  const auto vstart = std::chrono::steady_clock::now();
  CHECK(store->verify().ok);
  WARN("verified " << store->journalLength() << " entries in "
                   << std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - vstart)
                          .count()
                   << " ms");
}
