// The drill engine on a small workspace with a fake wall clock: delivery (state, EXERCISE
// timeline event, network effect, all journaled), acknowledgement and action, overdue marks,
// reset; the response-time statistics checked by hand; the auto-acknowledgement policies and
// a simulated headless run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "core/exercise/drill.hpp"
#include "core/store/exercise_store.hpp"
#include "core/exercise/msel_import.hpp"
#include "core/formats/msel.hpp"
#include "core/exercise/exercise_clock.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;

namespace {

// Seeded workspace (RCFD 1, RCPD 2, MEMS 3; reps 101-103; channels 1001, 1002) plus an
// incident starting at 2026-05-14T12:30:00Z and a four-inject MSEL.
std::unique_ptr<Store> drillWorkspace(const testing::TempDir& tmp) {
  auto store = Store::create(tmp.file("drill.liaison"));
  testing::seed(*store);
  Incident inc;
  inc.id = 1;
  inc.name = "Drill";
  inc.exercise = true;
  inc.start = 1778761800;
  store->apply(put(inc), "tester");
  testing::writeBytes(tmp.file("msel.csv"),
                      "inject_number,scenario_time,to,message,subject,effect\n"
                      "1,00:05:00,RCFD,Tank car leaking,Leak,down channel:1001\n"
                      "2,00:10:00,RCPD: Chief,Close Front St,Traffic,\n"
                      "3,00:00:00,MEMS,Reporter on scene,Media,\n"
                      "4,00:30:00,Priya Raman,Called away,Rep leaves,down rep:103\n");
  importMsel(tmp.file("msel.csv"), *store, "controller");
  return store;
}

}  // namespace

TEST_CASE("duration statistics: count, mean, median, max", "[drill][stats]") {
  const DurationStats even = durationStats({120, 300, 60, 1800});
  CHECK(even.count == 4);
  CHECK(even.mean == Approx(570.0));
  CHECK(even.median == Approx(210.0));
  CHECK(even.max == 1800);
  const DurationStats odd = durationStats({5, 1, 3});
  CHECK(odd.median == Approx(3.0));
  CHECK(odd.mean == Approx(3.0));
  CHECK(durationStats({}).count == 0);
}

TEST_CASE("response statistics per agency, checked by hand", "[drill][stats]") {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("s.liaison"));
  testing::seed(*store);
  const SnapshotPtr snap = store->load();
  ExerciseState st;
  auto add = [&](Id id, std::string to, std::optional<ScenarioSeconds> d,
                 std::optional<ScenarioSeconds> ack, std::optional<ScenarioSeconds> act,
                 bool overdue) {
    Inject i;
    i.id = id;
    i.number = std::to_string(id);
    i.offset = 60 * id;
    i.to = std::move(to);
    st.injects.push_back(i);
    InjectStatus s;
    s.inject = id;
    s.delivered_s = d;
    s.acked_s = ack;
    s.acted_s = act;
    if (overdue) s.overdue_s = *d + 600;
    s.state = act       ? InjectState::Acted
              : ack     ? InjectState::Acknowledged
              : overdue ? InjectState::Overdue
              : d       ? InjectState::Delivered
                        : InjectState::Pending;
    st.statuses.push_back(s);
  };
  add(1, "RCFD", 100, 160, 400, false);                     // ack 60, action 300
  add(2, "RCFD: IC", 200, 500, std::nullopt, false);        // ack 300
  add(3, "RCFD", 300, 1200, 1500, true);                    // ack 900 (late), action 1200
  add(4, "Luis Ortega", 400, 520, 520, false);              // RCPD by name: ack 120, action 120
  add(5, "Nobody", 500, std::nullopt, std::nullopt, true);  // other: overdue
  add(6, "RCFD", std::nullopt, std::nullopt, std::nullopt, false);  // pending: not counted
  const auto stats = responseStats(st, *snap);
  REQUIRE(stats.size() == 3);
  CHECK(stats[0].code == "RCFD");
  CHECK(stats[0].delivered == 3);
  CHECK(stats[0].acknowledged == 3);
  CHECK(stats[0].acted == 2);
  CHECK(stats[0].overdue == 1);
  CHECK(stats[0].ack.mean == Approx(420.0));  // (60 + 300 + 900) / 3
  CHECK(stats[0].ack.median == Approx(300.0));
  CHECK(stats[0].ack.max == 900);
  CHECK(stats[0].action.mean == Approx(750.0));  // (300 + 1200) / 2
  CHECK(stats[0].action.median == Approx(750.0));
  CHECK(stats[1].code == "RCPD");
  CHECK(stats[1].ack.mean == Approx(120.0));
  CHECK(stats[2].code == "(other)");
  CHECK(stats[2].agency == 0);
  CHECK(stats[2].delivered == 1);
  CHECK(stats[2].acknowledged == 0);
  CHECK(stats[2].overdue == 1);
  const AgencyResponse all = overallResponse(st);
  CHECK(all.delivered == 5);
  CHECK(all.acknowledged == 4);
  CHECK(all.ack.mean == Approx(345.0));  // (60 + 300 + 900 + 120) / 4
  CHECK(all.ack.median == Approx(210.0));
  CHECK(all.overdue == 2);
}

TEST_CASE("delivering an inject journals its state, an EXERCISE event and its network effect",
          "[drill]") {
  testing::TempDir tmp;
  auto store = drillWorkspace(tmp);
  Drill d(*store, "controller");
  d.start(1000);
  d.setSpeed(1000, 60);
  const auto journalBefore = store->journalLength();
  CHECK(d.advance(1004).empty());                           // 00:04:00
  CHECK(d.advance(1005) == std::vector<std::string>{"1"});  // 00:05:00
  const InjectStatus& s1 = *d.state().status(1);
  CHECK(s1.state == InjectState::Delivered);
  CHECK(s1.delivered_s == 300);
  CHECK(s1.delivered_wall == 1005);
  CHECK(s1.effect_before == "up");
  const SnapshotPtr snap = store->load();
  CHECK(snap->channel(1001)->status == ChannelStatus::Down);
  const TimelineEvent* ev = snap->event(s1.event);
  REQUIRE(ev);
  CHECK(ev->kind == EventKind::Inject);
  CHECK(ev->time == 1778761800 + 300);
  CHECK(ev->text == "EXERCISE INJECT 1: Leak - Tank car leaking");
  CHECK(ev->agencies == std::vector<Id>{1});
  CHECK(ev->significant);
  const auto journal = store->journal(journalBefore + 1);
  REQUIRE(journal.size() == 3);  // event, channel, inject state: one transaction
  CHECK(journal[0].entity == "event");
  CHECK(journal[1].entity == "channel");
  CHECK(journal[2].entity == "inject_state");
  CHECK(journal[2].summary ==
        "EXERCISE inject 1 delivered to RCFD at 00:05:00: Leak [down channel:1001]");

  d.acknowledge("1", 1007, "RCFD desk");  // 00:07:00
  CHECK(d.state().status(1)->state == InjectState::Acknowledged);
  CHECK(d.state().status(1)->acked_s == 420);
  CHECK_THROWS_WITH(d.acknowledge("1", 1008, "x"), "inject 1 was already acknowledged at 00:07:00");
  CHECK_THROWS_WITH(d.acknowledge("4", 1008, "x"), "inject 4 has not been delivered yet");
  CHECK_THROWS_AS(d.acknowledge("99", 1008, "x"), DrillError);
  d.recordAction("1", 1010, "Evacuated the yard");  // 00:10:00
  CHECK(d.state().status(1)->state == InjectState::Acted);
  CHECK(d.state().status(1)->acted_s == 600);

  // Inject 2 is due at 00:10:00 and overdue ten scenario minutes later.
  CHECK(d.advance(1010) == std::vector<std::string>{"2"});
  CHECK(d.advance(1019).empty());  // 00:19:00
  CHECK(d.advance(1020) == std::vector<std::string>{"2"});
  CHECK(d.state().status(2)->state == InjectState::Overdue);
  CHECK(d.state().status(2)->overdue_s == 1200);
  d.acknowledge("2", 1025, "RCPD", "Closed Front St");  // late, with its action
  CHECK(d.state().status(2)->state == InjectState::Acted);
  CHECK(d.state().status(2)->overdue_s == 1200);  // the AAR still counts it as overdue

  // The manual inject waits for the controller.
  CHECK(d.state().status(3)->state == InjectState::Pending);
  d.deliver("3", 1026);
  CHECK(d.state().status(3)->delivered_s == 1560);
  CHECK(store->verify().ok);

  // Pause, rewind and reset.
  d.pause(1030);
  CHECK(d.now(5000) == 1800);
  d.jump(5000, 600);
  CHECK(d.now(6000) == 600);
  d.reset(6000);
  CHECK(d.state().status(1)->state == InjectState::Pending);
  CHECK(!d.state().status(2)->overdue_s);
  CHECK(store->load()->channel(1001)->status == ChannelStatus::Up);
  CHECK(!d.state().clock.started);
  CHECK(store->verify().ok);
}

TEST_CASE("auto-acknowledgement policies are deterministic", "[drill][policy]") {
  auto ratio = parseAutoAckPolicy("ratio:0.7");
  REQUIRE(ratio);
  std::string picks;
  for (int k = 1; k <= 10; ++k) picks += autoAcknowledges(*ratio, "X", k) ? '1' : '0';
  CHECK(picks == "0110110111");  // 7 of 10, spread evenly (floor(0.7k) steps at k = 2, 3, 5, ...)
  auto agencies = parseAutoAckPolicy("agency:RCFD, RCPD");
  REQUIRE(agencies);
  CHECK(agencies->codes == std::vector<std::string>{"RCFD", "RCPD"});
  CHECK(autoAcknowledges(*agencies, "RCPD", 1));
  CHECK_FALSE(autoAcknowledges(*agencies, "MEMS", 1));
  CHECK(autoAcknowledges(*parseAutoAckPolicy("all"), "", 3));
  CHECK_FALSE(autoAcknowledges(*parseAutoAckPolicy("none"), "RCFD", 1));
  CHECK_FALSE(parseAutoAckPolicy("ratio:1.5"));
  CHECK_FALSE(parseAutoAckPolicy("ratio:x"));
  CHECK_FALSE(parseAutoAckPolicy("agency:"));
  CHECK_FALSE(parseAutoAckPolicy("some"));
}

TEST_CASE(
    "a simulated headless run delivers on time, acknowledges by policy and lets the "
    "rest go overdue",
    "[drill][run]") {
  testing::TempDir tmp;
  auto store = drillWorkspace(tmp);
  Drill d(*store, "controller");
  DrillRunOptions o;
  o.speed = 60;
  o.simulate = true;
  o.policy = *parseAutoAckPolicy("agency:RCFD");
  std::ostringstream log;
  TimeUtc fakeNow = 50000;
  auto r = runDrill(
      d, o, [&] { return fakeNow; }, [] {}, log);
  // 1 (RCFD) delivered 00:05, acked 00:07, acted 00:10; 2 (RCPD) delivered 00:10, overdue
  // 00:20; 4 (MEMS by name) delivered 00:30, overdue 00:40; 3 is manual.
  CHECK(r.ended_at == 2400);
  CHECK(r.delivered == 3);
  CHECK(r.acknowledged == 1);
  CHECK(r.acted == 1);
  CHECK(r.overdue == 2);
  CHECK(d.state().clock.paused);
  CHECK(d.state().clock.scenario_at_change == 2400);
  CHECK(d.state().status(1)->acked_s == 420);
  CHECK(d.state().status(1)->acted_s == 600);
  CHECK(d.state().status(1)->responder == kAutoResponder);
  CHECK_FALSE(store->load()->representative(103)->on_duty);
  CHECK(log.str().find("00:20:00  inject 2 overdue") != std::string::npos);

  // A second run resumes from the saved clock and stops at --until.
  d.reset(fakeNow);
  o.until = 600;
  r = runDrill(
      d, o, [&] { return fakeNow; }, [] {}, log);
  CHECK(r.ended_at == 600);
  CHECK(r.delivered == 2);            // 00:05 and 00:10 (at the limit)
  Drill again(*store, "controller");  // a restarted process
  CHECK(again.state().clock.scenario_at_change == 600);
  o.until = 900;
  r = runDrill(
      again, o, [&] { return fakeNow; }, [] {}, log);
  CHECK(r.ended_at == 900);
  CHECK(again.state().status(1)->acted_s == 600);
  CHECK(store->verify().ok);

  const ControllerView v = controllerView(again.state(), *again.snapshot(), fakeNow);
  CHECK(v.now == 900);
  CHECK(v.rows.size() == 4);
  CHECK(v.rows[0].ack_time == 120);
  CHECK(v.rows[0].agency_code == "RCFD");
  CHECK(v.acted == 1);
  CHECK(v.delivered == 1);
  CHECK(v.pending == 2);
  CHECK(v.next_offset == 1800);
}

TEST_CASE("infrastructure and agency effects: applied on delivery, undone in order by a reset",
          "[drill][infrastructure]") {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("drill.liaison"));
  testing::seed(*store);
  Incident inc;
  inc.id = 1;
  inc.name = "Drill";
  inc.exercise = true;
  inc.start = 1778761800;
  Infrastructure tower;
  tower.id = 1;
  tower.name = "Hilltop tower";
  tower.kind = InfrastructureKind::Tower;
  store->apply(std::vector<Command>{put(inc), put(tower)}, "tester");
  // The tower is degraded, then down, then the agency RCPD goes down: a reset must bring the
  // tower back to up (its first state) and RCPD back up.
  testing::writeBytes(tmp.file("msel.csv"),
                      "inject_number,scenario_time,to,message,effect\n"
                      "1,00:05:00,RCFD,Tower on battery,degraded infra:1\n"
                      "2,00:10:00,RCFD,Tower fails,down infra:1\n"
                      "3,00:15:00,RCPD,HQ evacuated,down agency:2\n");
  importMsel(tmp.file("msel.csv"), *store, "controller");
  Drill d(*store, "controller");
  d.start(1000);
  d.setSpeed(1000, 60);
  CHECK(d.advance(1005) == std::vector<std::string>{"1"});
  CHECK(store->load()->infrastructureItem(1)->status == Status::Degraded);
  CHECK(d.advance(1010) == std::vector<std::string>{"2"});
  CHECK(d.state().status(2)->effect_before == "degraded");
  CHECK(store->load()->infrastructureItem(1)->status == Status::Down);
  const auto changed = d.advance(1015);  // inject 3 delivered (and inject 1 now overdue)
  CHECK(std::find(changed.begin(), changed.end(), "3") != changed.end());
  CHECK(store->load()->agency(2)->status == Status::Down);
  d.reset(2000);
  const SnapshotPtr after = store->load();
  CHECK(after->infrastructureItem(1)->status == Status::Up);
  CHECK(after->agency(2)->status == Status::Up);
  CHECK(store->verify().ok);
}

TEST_CASE("two exercise controllers deliver each inject exactly once", "[drill][concurrency]") {
  testing::TempDir tmp;
  auto store = drillWorkspace(tmp);
  {
    Drill setup(*store, "controller");
    setup.start(1000);
    setup.setSpeed(1000, 60);
  }
  // Two controllers on two connections, each with the state it read at the start.
  auto other = Store::open(tmp.file("drill.liaison"));
  Drill a(*store, "controller-a"), b(*other, "controller-b");
  CHECK(a.advance(1011) == std::vector<std::string>{"1", "2"});  // 00:11:00 (3 is manual)
  CHECK(a.takeConflict().empty());
  // B still believes 3, 1 and 2 are pending: its store refuses each second delivery.
  const auto before = store->journalLength();
  CHECK(b.advance(1011).empty());
  CHECK_THAT(b.takeConflict(), Catch::Contains("already delivered") &&
                                   Catch::Contains("another exercise controller"));
  CHECK(store->journalLength() == before);  // nothing written twice
  // B has reloaded what A wrote and goes on from there.
  CHECK(b.state().status(1)->state == InjectState::Delivered);
  CHECK(b.state().status(1)->delivered_wall == 1011);  // as A wrote it
  int events = 0;
  const SnapshotPtr after = store->load();  // held: a range-for over a temporary's member dangles
  for (const auto& e : after->events)
    if (e.kind == EventKind::Inject) ++events;
  CHECK(events == 2);
  // A manual delivery of an inject the other controller delivered says so.
  Drill c(*other, "controller-c");
  CHECK_THROWS_WITH(c.deliver("1", 1012), Catch::Contains("already delivered"));
  CHECK(store->verify().ok);
}
