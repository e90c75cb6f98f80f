// The AAR/IP model from a small drill: overview, objective x capability ratings (the lowest
// observed), strengths and areas for improvement per objective, the improvement plan, the
// network before and after the injected failures (with the hook), and the HTML's sections
// and figures.
#include <catch2/catch.hpp>

#include "core/reports/aar.hpp"
#include "core/store/exercise_store.hpp"
#include "core/exercise/msel_import.hpp"
#include "core/formats/msel.hpp"
#include "core/exercise/exercise_clock.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;

namespace {

Observation observation(std::string objective, std::string capability, Rating r,
                        std::string strengths, std::string improvements) {
  Observation o;
  o.objective = std::move(objective);
  o.capability = std::move(capability);
  o.rating = r;
  o.strengths = std::move(strengths);
  o.improvements = std::move(improvements);
  o.analysis = "analysis of " + o.improvements;
  o.recommendation = "fix " + o.improvements;
  o.organisation = "RCFD";
  o.poc = "Dana Whitfield";
  o.start = "2026-06-01";
  o.completion = "2026-09-01";
  o.evaluator = "Eva Luator";
  return o;
}

}  // namespace

TEST_CASE("the AAR model follows the HSEEP structure and the drill's records", "[aar]") {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("aar.liaison"));
  testing::seed(*store);  // need 1: RCFD - RCPD, over channel 1001 (reps 101 - 102)
  Incident inc;
  inc.id = 1;
  inc.name = "Drill <One>";
  inc.number = "EX-1";
  inc.kind = "Tabletop";
  inc.exercise = true;
  inc.start = 1778761800;
  OperationalPeriod p1;
  p1.id = 1;
  p1.incident = 1;
  p1.number = 1;
  p1.start = inc.start;
  p1.end = inc.start + 1200;
  OperationalPeriod p2 = p1;
  p2.id = 2;
  p2.number = 2;
  p2.start = p1.end;
  p2.end = p1.end + 3600;
  store->apply({put(inc), put(p1), put(p2)}, "tester");
  testing::writeBytes(tmp.file("m.csv"),
                      "inject_number,scenario_time,to,message,objective,capability,effect\n"
                      "1,00:05:00,RCFD,Leak,Obj A,Operational Communications,\n"
                      "2,00:30:00,RCPD,Radio fails,Obj A,Operational Communications,"
                      "down channel:1001\n"
                      "3,00:40:00,MEMS,Patients,Obj B,Public Health,\n");
  importMsel(tmp.file("m.csv"), *store);
  Drill d(*store, "controller");
  d.start(100);
  d.setSpeed(100, 60);
  d.advance(105);                                 // 1 at 00:05
  d.acknowledge("1", 107, "RCFD", "Dispatched");  // 2 min
  d.advance(139);                                 // 2 at 00:30; 1 cannot go overdue any more
  d.pause(140);                                   // 00:40:00; 3 due but not delivered
  store->transact("evaluator", [&](Transaction& t) {
    writeObservation(t, observation("Obj A", "Operational Communications", Rating::S,
                                    "Fast 911 hand-off", "Backup talkgroup unknown"));
    writeObservation(t, observation("Obj A", "Operational Communications", Rating::M, "",
                                    "Nobody relayed the radio failure"));
    writeObservation(t,
                     observation("Obj C", "Mass Care Services", Rating::P, "Shelter opened", ""));
  });

  const SnapshotPtr snap = store->load();
  const ExerciseState state = loadExercise(*store);
  int hookCalls = 0;
  AarOptions options;
  options.network_hook = [&](const Snapshot& net, NetworkPoint& p) {
    ++hookCalls;
    if (net.channel(1001)->status == ChannelStatus::Down) p.bottlenecks.push_back("Dana Whitfield");
  };
  const AarModel m = buildAar(*snap, state, options);
  CHECK(m.name == "Drill <One>");
  CHECK(m.duration == 2400);
  CHECK(m.dates == "2026-05-14 12:30 UTC to 2026-05-14 13:10 UTC (scenario time 00:40:00)");
  CHECK(m.objectives == std::vector<std::string>{"Obj A", "Obj B", "Obj C"});
  CHECK(m.organisations.size() == 3);
  CHECK(m.organisations[0] == "MEMS - Metro EMS (assisting)");
  REQUIRE(m.capabilities.size() == 3);
  CHECK(m.capabilities[0].objective == "Obj A");
  CHECK(m.capabilities[0].rating == Rating::M);  // the lowest of S and M
  CHECK(m.capabilities[0].injects == 2);
  CHECK(m.capabilities[0].observations == 2);
  CHECK(m.capabilities[1].capability == "Public Health");
  CHECK_FALSE(m.capabilities[1].rating);
  CHECK(m.capabilities[2].rating == Rating::P);
  REQUIRE(m.per_objective.size() == 3);
  CHECK(m.per_objective[0].strengths.size() == 1);
  CHECK(m.per_objective[0].improvements.size() == 2);
  REQUIRE(m.improvement_plan.size() == 2);
  CHECK(m.improvement_plan[1].issue == "Nobody relayed the radio failure");
  CHECK(m.improvement_plan[1].corrective_action == "fix Nobody relayed the radio failure");
  CHECK(m.improvement_plan[1].organisation == "RCFD");
  CHECK(m.participants.size() == 3);
  CHECK(m.overall.delivered == 2);
  CHECK(m.overall.acknowledged == 1);
  CHECK(m.overall.ack.mean == Approx(120.0));
  REQUIRE(m.injects.size() == 3);
  CHECK(m.injects[0].ack_time == 120);

  // Before: all up. Period 1 ends at 00:20 (before the radio failure at 00:30); then a point
  // for the failure itself (00:30, inside period 2); period 2 ends at 01:20, still down.
  REQUIRE(m.network.size() == 4);
  CHECK(hookCalls == 4);
  CHECK(m.network[0].label == "Before the exercise");
  CHECK(m.network[0].channels_down == 0);
  CHECK(m.network[0].needs_without_path == 0);
  CHECK(m.network[1].label == "End of period 1");
  CHECK(m.network[1].channels_down == 0);
  CHECK(m.network[2].label == "Inject 2 at 00:30:00: down channel:1001");
  CHECK(m.network[2].time == inc.start + 1800);
  CHECK(m.network[2].channels_down == 1);
  CHECK(m.network[2].needs_without_path == 1);
  CHECK(m.network[2].broken_needs == std::vector<std::string>{"RCFD - RCPD"});
  CHECK(m.network[2].bottlenecks == std::vector<std::string>{"Dana Whitfield"});
  CHECK(m.network[3].label == "End of period 2");
  CHECK(m.network[3].channels_down == 1);
  CHECK(m.network[3].needs_without_path == 1);

  const std::string html = renderAarHtml(m, options);
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("Drill &lt;One&gt;") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);  // self-contained, static
  CHECK(html.find("@media print") != std::string::npos);
  for (const char* id :
       {"id=\"overview\"", "id=\"capabilities\"", "id=\"objectives\"", "id=\"injects\"",
        "id=\"network\"", "id=\"improvement-plan\"", "id=\"participants\"", "id=\"timeline\"",
        "class=\"fig-inject-timeline\"", "class=\"fig-agency-response\"", "class=\"fig-network\""})
    CHECK(html.find(id) != std::string::npos);
  CHECK(html.find("3 in the MSEL; 2 delivered, 1 acknowledged, 1 with an action recorded, 0 "
                  "overdue") != std::string::npos);
  CHECK(html.find("M - performed with major challenges") != std::string::npos);
  CHECK(html.find("data-inject=\"1\" data-state=\"acted\" data-ack-s=\"120\"") !=
        std::string::npos);
  CHECK(html.find("data-channels-down=\"1\" data-needs-without-path=\"1\"") != std::string::npos);
}

TEST_CASE("the AAR network: a point at each injected effect, repairs within a period too",
          "[aar]") {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("aar.liaison"));
  testing::seed(*store);  // need 1: RCFD - RCPD, over channel 1001 (reps 101 - 102)
  Incident inc;
  inc.id = 1;
  inc.name = "Drill";
  inc.exercise = true;
  inc.start = 1778761800;
  store->apply(put(inc), "tester");  // no operational periods: one "End of the exercise"
  testing::writeBytes(tmp.file("m.csv"),
                      "inject_number,scenario_time,to,message,effect\n"
                      "1,00:10:00,RCFD,Radio fails,down channel:1001\n"
                      "2,00:10:00,RCPD,Luis leaves,down rep:102\n"
                      "3,00:20:00,RCFD,Radio back,up channel:1001\n"
                      "4,00:25:00,RCPD,Nothing to the network,\n");
  importMsel(tmp.file("m.csv"), *store);
  Drill d(*store, "controller");
  d.start(100);
  d.setSpeed(100, 60);
  d.advance(130);  // 00:30:00: all four delivered
  d.pause(130);

  const SnapshotPtr snap = store->load();
  const ExerciseState state = loadExercise(*store);
  const auto points = networkOverExercise(*snap, state);
  REQUIRE(points.size() == 5);
  CHECK(points[0].label == "Before the exercise");
  CHECK(points[0].channels_down == 0);
  CHECK(points[0].people_out == 0);
  // Two effects in the same second are two points, each with only what came before it.
  CHECK(points[1].label == "Inject 1 at 00:10:00: down channel:1001");
  CHECK(points[1].channels_down == 1);
  CHECK(points[1].people_out == 0);
  CHECK(points[1].needs_without_path == 1);
  CHECK(points[2].label == "Inject 2 at 00:10:00: down rep:102");
  CHECK(points[2].channels_down == 1);
  CHECK(points[2].people_out == 1);
  CHECK(points[3].label == "Inject 3 at 00:20:00: up channel:1001");
  CHECK(points[3].time == inc.start + 1200);
  CHECK(points[3].channels_down == 0);
  CHECK(points[3].people_out == 1);
  CHECK(points[4].label == "End of the exercise");
  CHECK(points[4].channels_down == 0);
  CHECK(points[4].people_out == 1);

  const std::string html = renderAarHtml(buildAar(*snap, state));
  CHECK(html.find("<tr><td>Inject 3 at 00:20:00: up channel:1001</td>") != std::string::npos);
  CHECK(html.find(">Inject 3 at 00:20:00</text>") != std::string::npos);  // the figure's label
}
