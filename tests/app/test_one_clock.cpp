// The one clock in the window (issue 12): AppContext::updateNow gives every panel the same
// "now" (the scrubber's past time, a started drill's exercise time, the incident's end, or the
// wall clock); the header prints it with its mode and in the incident's zone; the task board
// marks overdue against it.
#include <catch2/catch.hpp>

#include <memory>

#include "app/panels/task_board_panel.hpp"
#include "app/shell/app_context.hpp"
#include "app/shell/clock_text.hpp"
#include "headless_imgui.hpp"

using namespace liaison;
using liaison::app::test::HeadlessImGui;

namespace {

// 2026-05-14 14:05:09 UTC (a Thursday; Chicago is on CDT, UTC-5).
constexpr core::TimeUtc kWall = 1778767509;

std::shared_ptr<core::Snapshot> exerciseWorkspace(bool exercise) {
  auto s = std::make_shared<core::Snapshot>();
  s->version = 2;
  core::Incident inc;
  inc.id = 1;
  inc.name = "Drill";
  inc.exercise = exercise;
  inc.time_zone = "America/Chicago";
  s->incidents = {inc};
  core::Agency a;
  a.id = 1;
  a.code = "RFD";
  s->agencies = {a};
  core::Task t;
  t.id = 7;
  t.incident = 1;
  t.title = "Close Front St";
  t.owner_agency = 1;
  // Due an hour after the exercise's epoch: overdue by the exercise clock only once the drill
  // has run past 01:00, whatever the wall clock says.
  t.due = kWall - 3 * 3600 + 3600;
  s->tasks = {t};
  return s;
}

std::shared_ptr<app::ExerciseView> clockAt(core::ScenarioSeconds scenario) {
  auto v = std::make_shared<app::ExerciseView>();
  v->state.clock.started = true;
  v->state.clock.paused = true;  // a paused clock reads exactly scenario_at_change
  v->state.clock.scenario_at_change = scenario;
  v->state.clock.wall_at_change = kWall - 10;
  v->state.clock.epoch = kWall - 3 * 3600;  // the drill's scenario starts three hours ago
  return v;
}

}  // namespace

TEST_CASE("one clock: live, exercise, past, and an ended incident", "[clock]") {
  app::AppContext ctx;
  ctx.snapshot = exerciseWorkspace(true);

  ctx.updateNow(kWall);  // no exercise clock: the wall clock
  CHECK(ctx.now.mode == core::ClockMode::Live);
  CHECK(ctx.now.time == kWall);

  ctx.exercise = clockAt(30 * 60);  // the drill is at 00:30
  ctx.updateNow(kWall);
  CHECK(ctx.present.mode == core::ClockMode::Exercise);
  CHECK(ctx.present.time == kWall - 3 * 3600 + 30 * 60);
  CHECK(ctx.now.time == ctx.present.time);

  ctx.view_time = kWall - 86400;  // the scrubber in the past: `now` follows it, `present` not
  ctx.updateNow(kWall);
  CHECK(ctx.now.mode == core::ClockMode::Past);
  CHECK(ctx.now.time == kWall - 86400);
  CHECK(ctx.present.mode == core::ClockMode::Exercise);

  // Not an exercise: a started clock is ignored; an ended incident reads at its end.
  ctx.view_time.reset();
  auto live = exerciseWorkspace(false);
  live->incidents[0].end = kWall - 600;
  ctx.snapshot = live;
  ctx.updateNow(kWall);
  CHECK(ctx.now.mode == core::ClockMode::Ended);
  CHECK(ctx.now.time == kWall - 600);
}

TEST_CASE("the header clock: its mode, UTC and the incident's zone", "[clock]") {
  CHECK(app::operationalClockText({kWall, core::ClockMode::Live}, "America/Chicago") ==
        "2026-05-14 14:05:09Z  09:05 CDT");
  CHECK(app::operationalClockText({kWall, core::ClockMode::Exercise}, "America/Chicago") ==
        "EXERCISE TIME  2026-05-14 14:05:09Z  09:05 CDT");
  CHECK(app::operationalClockText({kWall, core::ClockMode::Live}, "") == "2026-05-14 14:05:09Z");
  // Winter: the same zone on standard time (CST, UTC-6), from the zone database, not a rule.
  CHECK(app::operationalClockText({kWall - 180 * 86400, core::ClockMode::Live},
                                  "America/Chicago") == "2025-11-15 14:05:09Z  08:05 CST");
  CHECK(app::clockLocal(kWall, "Europe/Berlin") == "16:05 CEST");
}

TEST_CASE("the task board marks overdue by the exercise clock during a drill", "[clock]") {
  HeadlessImGui imgui;
  app::AppContext ctx;
  app::TaskBoardPanel panel;
  ctx.snapshot = exerciseWorkspace(true);
  const auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Board", nullptr, ImGuiWindowFlags_NoDecoration);
    panel.drawContent(ctx);
    ImGui::End();
  };
  const core::Task& task = ctx.snapshot->tasks[0];

  // By the wall clock the task is two hours overdue; the drill is only at 00:30.
  ctx.exercise = clockAt(30 * 60);
  ctx.updateNow(kWall);
  imgui.frame(draw);
  CHECK(panel.referenceTime() == ctx.now.time);
  CHECK_FALSE(core::overdue(task, panel.referenceTime()));

  ctx.exercise = clockAt(90 * 60);  // the drill at 01:30: now it is overdue
  ctx.updateNow(kWall);
  imgui.frame(draw);
  CHECK(core::overdue(task, panel.referenceTime()));
}
