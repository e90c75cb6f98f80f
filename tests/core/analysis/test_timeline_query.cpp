// Timeline queries: event filters, lanes, reachability between agencies, and the state of the
// workspace at a past time rebuilt from a hand-made journal.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

#include "core/analysis/analysis.hpp"
#include "core/model/entity_json.hpp"
#include "core/model/enums.hpp"
#include "core/analysis/timeline_query.hpp"

using namespace liaison::core;

namespace {

Agency agency(Id id, std::string code) {
  Agency a;
  a.id = id;
  a.code = std::move(code);
  a.name = a.code + " agency";
  return a;
}

TimelineEvent event(Id id, TimeUtc t, EventKind k, std::vector<Id> agencies, std::string text,
                    bool significant = false) {
  TimelineEvent e;
  e.id = id;
  e.incident = 1;
  e.time = t;
  e.kind = k;
  e.agencies = std::move(agencies);
  e.text = std::move(text);
  e.source = "radio";
  e.significant = significant;
  return e;
}

Task task(Id id, TaskStatus status, Id owner = 1, std::vector<Id> involved = {}) {
  Task t;
  t.id = id;
  t.incident = 1;
  t.title = std::string("Task ") + std::to_string(id);
  t.status = status;
  t.owner_agency = owner;
  t.involved = std::move(involved);
  return t;
}

Snapshot sample() {
  Snapshot s;
  s.agencies = {agency(1, "RFD"), agency(2, "RPD"), agency(3, "EMS")};
  s.events = {event(1, 300, EventKind::Report, {1}, "Smoke at the yard"),
              event(2, 100, EventKind::Alert, {1, 2}, "Shelter in place issued", true),
              event(3, 200, EventKind::Note, {}, "Weather update: wind ENE"),
              event(4, 400, EventKind::Request, {3}, "EMS asks for a second decon line")};
  return s;
}

JournalEntry entry(std::int64_t seq, TimeUtc t, const std::string& actor, const Entity& before,
                   const Entity* after) {
  JournalEntry e;
  e.seq = seq;
  e.time = t;
  e.actor = actor;
  e.action = after ? "put" : "remove";
  e.entity = std::string(toString(kindOf(before)));
  e.entity_id = idOf(before);
  e.before = "";
  e.after = after ? entityToJson(*after) : "";
  return e;
}

JournalEntry putEntry(std::int64_t seq, TimeUtc t, const Entity& after,
                      const std::string& actor = "ana") {
  return entry(seq, t, actor, after, &after);
}

}  // namespace

TEST_CASE("filterEvents: time order, text, agency, kind, range, significance", "[timeline]") {
  const Snapshot s = sample();
  auto ids = [](const std::vector<const TimelineEvent*>& v) {
    std::vector<Id> out;
    for (auto* e : v) out.push_back(e->id);
    return out;
  };
  EventFilter f;
  CHECK(ids(filterEvents(s, f)) == std::vector<Id>{2, 3, 1, 4});
  f.text = "SHELTER";
  CHECK(ids(filterEvents(s, f)) == std::vector<Id>{2});
  f.text = "rpd";  // agency codes are searched too
  CHECK(ids(filterEvents(s, f)) == std::vector<Id>{2});
  f = {};
  f.agencies = {1};
  CHECK(ids(filterEvents(s, f)) == std::vector<Id>{2, 1});
  f = {};
  f.kinds = {EventKind::Note, EventKind::Request};
  CHECK(ids(filterEvents(s, f)) == std::vector<Id>{3, 4});
  f = {};
  f.from = 200;
  f.to = 300;
  CHECK(ids(filterEvents(s, f)) == std::vector<Id>{3, 1});
  f = {};
  f.significant_only = true;
  CHECK(ids(filterEvents(s, f)) == std::vector<Id>{2});
}

TEST_CASE("buildLanes: per agency (shared events in each lane) and per kind", "[timeline]") {
  const Snapshot s = sample();
  const auto all = filterEvents(s, {});
  const auto lanes = buildLanes(s, all, LaneMode::Agency);
  REQUIRE(lanes.size() == 4);
  CHECK(lanes[0].label == "RFD");
  CHECK(lanes[0].events.size() == 2);
  CHECK(lanes[1].label == "RPD");
  CHECK(lanes[1].events.size() == 1);
  CHECK(lanes[2].label == "EMS");
  CHECK(lanes[3].label == "(no agency)");
  CHECK(lanes[3].events.front()->id == 3);

  const auto kinds = buildLanes(s, all, LaneMode::Kind);
  REQUIRE(kinds.size() == 4);
  CHECK(kinds[0].kind == EventKind::Report);
  CHECK(kinds[1].kind == EventKind::Request);
  CHECK(kinds[2].kind == EventKind::Alert);
  CHECK(kinds[3].kind == EventKind::Note);
}

TEST_CASE("periodAt and timelineExtent", "[timeline]") {
  Snapshot s = sample();
  s.periods = {{1, 1, 1, 50, 250, ""}, {2, 1, 2, 250, 500, ""}};
  CHECK(periodAt(s, 100)->number == 1);
  CHECK(periodAt(s, 250)->number == 2);
  CHECK(periodAt(s, 600) == nullptr);
  CHECK(timelineExtent(s) == std::pair<TimeUtc, TimeUtc>{50, 500});
  // A quick entry stamped with today's date does not stretch the axis; it is counted outside.
  s.events.push_back(s.events.front());
  s.events.back().id = 99;
  s.events.back().time = 9'000'000;
  CHECK(timelineExtent(s) == std::pair<TimeUtc, TimeUtc>{50, 500});
  CHECK(eventsOutside(s, timelineExtent(s)) == std::pair<int, int>{0, 1});
  // Without periods: the incident; without an incident either: the events.
  s.periods.clear();
  Incident inc;
  inc.id = 1;
  inc.name = "I";
  inc.start = 40;
  inc.end = 600;
  s.incidents = {inc};
  CHECK(timelineExtent(s) == std::pair<TimeUtc, TimeUtc>{40, 600});
  s.incidents.clear();
  CHECK(timelineExtent(s).second == 9'000'000);
}

TEST_CASE("a past moment replays tasks from their own history, and the store keeps it",
          "[timeline][state]") {
  // An imported task (no journal of its own past) with its history columns.
  Snapshot live = sample();
  Task t = task(5, TaskStatus::Done);
  t.created_at = 1000;
  t.started_at = 1100;
  t.blocked_at = 1200;
  t.done_at = 1500;
  Task plain = task(6, TaskStatus::Doing);  // no history: as the journal says (live here)
  live.tasks = {t, plain};
  StateIndex index;
  index.update({});
  auto statusAt = [&](TimeUtc when) -> std::optional<TaskStatus> {
    const auto past = index.stateAt(live, when);
    for (const Task& x : past->tasks)
      if (x.id == 5) return x.status;
    return std::nullopt;
  };
  CHECK_FALSE(statusAt(999));  // not created yet
  CHECK(statusAt(1000) == TaskStatus::Todo);
  CHECK(statusAt(1150) == TaskStatus::Doing);
  CHECK(statusAt(1300) == TaskStatus::Blocked);
  CHECK(statusAt(1500) == TaskStatus::Done);
  CHECK(index.stateAt(live, 999)->tasks.size() == 1);  // the task without history is there
}

TEST_CASE("coordination at risk: the engine's needs and task pairs, by the availability rules",
          "[timeline][analysis]") {
  // Agencies 1-4 with one person each; 11-21 up, 11-31 degraded, 21-41 down, 31 -> 41 one way.
  Snapshot s = sample();
  s.agencies.push_back(agency(4, "PW"));
  auto rep = [](Id id, Id agency) {
    Representative r;
    r.id = id;
    r.agency = agency;
    r.name = "P" + std::to_string(id);
    return r;
  };
  s.representatives = {rep(11, 1), rep(21, 2), rep(31, 3), rep(41, 4)};
  auto channel = [](Id id, Id a, Id b, ChannelStatus st, bool twoWay = true) {
    Channel c;
    c.id = id;
    c.from_rep = a;
    c.to_rep = b;
    c.status = st;
    c.two_way = twoWay;
    return c;
  };
  s.channels = {channel(1, 11, 21, ChannelStatus::Up), channel(2, 11, 31, ChannelStatus::Degraded),
                channel(3, 21, 41, ChannelStatus::Down),
                channel(4, 31, 41, ChannelStatus::Up, /*twoWay=*/false)};
  Need n70;
  n70.id = 70;
  n70.agency_a = 2;
  n70.agency_b = 1;
  s.needs = {n70};
  s.tasks = {task(9, TaskStatus::Doing, 1, {4}), task(10, TaskStatus::Todo, 1, {2, 3}),
             task(11, TaskStatus::Done, 1, {4})};
  CHECK(taskAgencies(task(9, TaskStatus::Todo, 1, {2, 1, 3})) == std::vector<Id>{1, 2, 3});

  const AnalysisResult engine = analyze(s);
  // 1 reaches 4 (11-31-41) but 4 reaches nobody: the pair is at risk; 1-2 is a recorded need
  // that works; 1-3 (degraded still carries) and 2-3 (through 11) reach each other.
  const CoordinationRisk r9 = coordinationRisk(s.tasks[0], &engine);
  CHECK(r9.atRisk);
  CHECK(r9.unreachable == std::vector<std::pair<Id, Id>>{{1, 4}});
  CHECK_FALSE(coordinationRisk(s.tasks[1], &engine).atRisk);
  CHECK_FALSE(coordinationRisk(s.tasks[2], &engine).atRisk);  // done
  CHECK_FALSE(coordinationRisk(s.tasks[0], nullptr).atRisk);  // no result yet: not known
  REQUIRE(engine.taskPair(4, 1));
  CHECK_FALSE(engine.taskPair(4, 1)->reachable);
  CHECK(engine.taskPair(2, 3)->reachable);
  CHECK(engine.taskPair(1, 2) == nullptr);  // a recorded need decides that pair

  // The person of agency 2 off duty: the recorded need 2-1 breaks, and 2-3 with it.
  Snapshot off = s;
  off.representatives[1].on_duty = false;
  const AnalysisResult e2 = analyze(off);
  const CoordinationRisk r10 = coordinationRisk(off.tasks[1], &e2);
  CHECK(r10.atRisk);
  CHECK(r10.brokenNeeds == std::vector<Id>{70});
  CHECK(r10.unreachable == std::vector<std::pair<Id, Id>>{{2, 3}});

  // A what-if that takes 31 out cuts 1-3 (and 2-3): task 10 is at risk under the what-if only.
  FailureSet f;
  f.representatives = {31};
  const WhatIfResult whatif = whatIf(s, f);
  const CoordinationRisk w = coordinationRisk(s.tasks[1], &engine, &whatif);
  CHECK(w.atRisk);
  CHECK(w.whatIfOnly);
  CHECK(w.unreachable == std::vector<std::pair<Id, Id>>{{1, 3}, {2, 3}});
  CHECK_FALSE(coordinationRisk(s.tasks[0], &engine, &whatif).whatIfOnly);
}

TEST_CASE("StateIndex: a task moved todo -> doing -> done is 'doing' in between",
          "[timeline][state]") {
  const TimeUtc t0 = 1000, t1 = 2000, t2 = 3000;
  Snapshot live = sample();
  live.tasks = {task(7, TaskStatus::Done)};
  std::vector<JournalEntry> journal = {
      putEntry(1, t0, task(7, TaskStatus::Todo)),
      putEntry(2, t1, task(7, TaskStatus::Doing)),
      putEntry(3, t2, task(7, TaskStatus::Done)),
  };
  StateIndex index;
  index.update(journal);
  CHECK(index.lastSeq() == 3);

  auto at = [&](TimeUtc t) { return index.stateAt(live, t); };
  CHECK(at(t0 - 1)->tasks.empty());  // not created yet
  REQUIRE(at(t0)->tasks.size() == 1);
  CHECK(at(t0)->tasks[0].status == TaskStatus::Todo);
  CHECK(at((t1 + t2) / 2)->tasks[0].status == TaskStatus::Doing);
  CHECK(at(t2)->tasks[0].status == TaskStatus::Done);
  CHECK(at(t2 + 5000)->tasks[0].status == TaskStatus::Done);
  // Events are placed by their own time.
  CHECK(at(250)->events.size() == 2);
}

TEST_CASE("StateIndex: channels go down and up; removals; imports are the baseline",
          "[timeline][state]") {
  Snapshot live;
  live.agencies = {agency(1, "RFD"), agency(2, "RPD")};
  Channel ch;
  ch.id = 5;
  ch.from_agency = 1;
  ch.to_agency = 2;
  Channel down = ch;
  down.status = ChannelStatus::Down;
  live.channels = {ch};
  const Task gone = task(8, TaskStatus::Todo);
  std::vector<JournalEntry> journal = {
      putEntry(1, 5000, agency(1, "RFD"), "import"),
      putEntry(2, 5000, agency(2, "RPD"), "import"),
      putEntry(3, 5000, ch, "import"),
      putEntry(4, 6000, down),
      putEntry(5, 6500, gone),
      entry(6, 6800, "ana", gone, nullptr),
      putEntry(7, 7000, ch),
  };
  StateIndex index;
  index.update({journal.begin(), journal.begin() + 3});
  index.update(journal);  // incremental: only seq 4..7 are new
  CHECK(index.lastSeq() == 7);

  // Before the import was written: imported records are there all the same.
  auto early = index.stateAt(live, 10);
  CHECK(early->agencies.size() == 2);
  REQUIRE(early->channels.size() == 1);
  CHECK(early->channels[0].status == ChannelStatus::Up);
  CHECK(index.stateAt(live, 6200)->channels[0].status == ChannelStatus::Down);
  CHECK(index.stateAt(live, 6600)->tasks.size() == 1);
  CHECK(index.stateAt(live, 6900)->tasks.empty());
  CHECK(index.stateAt(live, 7000)->channels[0].status == ChannelStatus::Up);
  // The demo's own setup counts as its starting state too.
  StateIndex demo;
  demo.update({putEntry(1, 5000, agency(1, "RFD"), "demo-setup")});
  CHECK(demo.stateAt(live, 10)->agencies.size() == 2);  // agency 2: never journaled, live
  CHECK(demo.stateAt(live, 10)->agencies[0].code == "RFD");
  // The availability rules at a past time follow the channel.
  const SnapshotPtr at6200 = index.stateAt(live, 6200), at7100 = index.stateAt(live, 7100);
  CHECK(Availability(*at6200).channelStatus(5) == Status::Down);
  CHECK(Availability(*at7100).channelStatus(5) == Status::Up);
}

TEST_CASE("TimeTravel caches per scrub position and returns live for nullopt",
          "[timeline][state]") {
  auto live = std::make_shared<Snapshot>(sample());
  live->tasks = {task(7, TaskStatus::Done)};
  std::vector<JournalEntry> journal = {putEntry(1, 10, task(7, TaskStatus::Todo)),
                                       putEntry(2, 20, task(7, TaskStatus::Done))};
  TimeTravel tt;
  SnapshotPtr livePtr = live;
  CHECK(tt.at(livePtr, &journal, std::nullopt) == livePtr);
  auto a = tt.at(livePtr, &journal, TimeUtc{15});
  CHECK(a->tasks[0].status == TaskStatus::Todo);
  CHECK(tt.at(livePtr, &journal, TimeUtc{15}) == a);
  CHECK(tt.recomputeCount() == 1);
  CHECK(tt.at(livePtr, &journal, TimeUtc{25})->tasks[0].status == TaskStatus::Done);
  CHECK(tt.recomputeCount() == 2);
}

// Correctness at scale; the timing is printed, never asserted (bench/ is where speed is judged).
TEST_CASE("Scrub steps on 100k events and 10k tasks reconstruct the past", "[timeline][scale]") {
  auto live = std::make_shared<Snapshot>();
  for (Id a = 1; a <= 40; ++a)
    live->agencies.push_back(agency(a, std::string("A").append(std::to_string(a))));
  std::vector<JournalEntry> journal;
  std::int64_t seq = 0;
  for (Id i = 1; i <= 100000; ++i)
    live->events.push_back(event(i, i * 10, EventKind::Report, {1 + i % 40}, "event text here"));
  for (Id i = 1; i <= 10000; ++i) {
    live->tasks.push_back(task(i, TaskStatus::Done, 1 + i % 40, {1 + (i + 1) % 40}));
    journal.push_back(putEntry(++seq, 100 * i, task(i, TaskStatus::Todo, 1 + i % 40)));
  }
  for (Id i = 1; i <= 10000; ++i)
    journal.push_back(putEntry(++seq, 1000000 + 50 * i, task(i, TaskStatus::Done, 1 + i % 40)));
  TimeTravel tt;
  SnapshotPtr livePtr = live;
  const auto b0 = std::chrono::steady_clock::now();
  tt.at(livePtr, &journal, TimeUtc{500000});  // builds the index
  const auto b1 = std::chrono::steady_clock::now();
  // The median of several steps: one step on a loaded machine says little.
  std::vector<double> steps;
  for (TimeUtc t : {600000, 900000, 1200000, 1400000, 1100000, 700000, 1300000}) {
    const auto s0 = std::chrono::steady_clock::now();
    auto s = tt.at(livePtr, &journal, t);
    const auto s1 = std::chrono::steady_clock::now();
    steps.push_back(std::chrono::duration<double, std::milli>(s1 - s0).count());
    CHECK(!s->tasks.empty());
  }
  std::sort(steps.begin(), steps.end());
  const double build = std::chrono::duration<double, std::milli>(b1 - b0).count();
  const double median = steps[steps.size() / 2];
  WARN("index build " << build << " ms; scrub step median " << median << " ms, worst "
                      << steps.back() << " ms");
}
