// The wall tells the same truth as the dashboard: its key figures come from the engine's result
// the panels draw and from one clock (stationNow), live and during a drill; the header shows
// the exercise clock in a drill; the timeline shows its most recent lanes and counts the rest;
// overdue tasks name their owner; two starts of the wall draw the same network.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "app/panels/network_view.hpp"
#include "app/panels/task_board_panel.hpp"
#include "app/panels/timeline_panel.hpp"
#include "app/shell/key_figures.hpp"
#include "app/shell/panel_registry.hpp"
#include "app/shell/wall_layout.hpp"
#include "core/analysis/analysis.hpp"
#include "core/exercise/operational_clock.hpp"
#include "core/formats/scenario.hpp"
#include "core/store/store.hpp"
#include "headless_imgui.hpp"
#include "wall_text_scan.hpp"

using namespace liaison;
namespace fs = std::filesystem;

namespace {

core::SnapshotPtr demo() {
  const fs::path dir =
      fs::temp_directory_path() / ("liaison-wall-fig-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  core::SnapshotPtr loaded;
  {
    auto store = core::Store::create(dir / "demo.liaison");
    core::importScenario(fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo", *store);
    loaded = store->load();
  }
  fs::remove_all(dir);
  return loaded;
}

int overdueAt(const core::Snapshot& s, core::TimeUtc now) {
  int n = 0;
  for (const auto& t : s.tasks) n += core::overdue(t, now);
  return n;
}

}  // namespace

TEST_CASE("the wall's figures equal the dashboard's at the same revision, live and in a drill",
          "[wall][figures]") {
  app::test::HeadlessImGui imgui(1920, 1080);
  app::test::DrawnText text;
  app::AppContext ctx;
  ctx.theme = app::ThemeKind::Wall;
  ctx.snapshot = demo();
  REQUIRE(ctx.snapshot->isExercise());
  ctx.analysis = std::make_shared<core::AnalysisResult>(core::analyze(*ctx.snapshot));
  const auto panels = app::PanelRegistry::makeDefault();
  auto* board = panels.find<app::TaskBoardPanel>();
  REQUIRE(board);
  app::WallLayout wall(app::WallLayoutKind::Focus);

  auto drawBoth = [&] {
    imgui.frame([&] {
      wall.drawFrame(ctx, panels, ImGui::GetTime());
      // The dashboard's task board, as a workstation draws it (another window).
      app::AppContext desk;
      desk.snapshot = ctx.snapshot;
      desk.analysis = ctx.analysis;
      desk.exercise = ctx.exercise;
      desk.theme = app::ThemeKind::Operator;
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(900, 700));
      ImGui::Begin("##desk");
      board->drawContent(desk);
      ImGui::End();
    });
  };
  auto check = [&](const char* when) {
    INFO(when);
    const app::KeyFigures& k = wall.figures().figures();
    CHECK(k.overdue_tasks == overdueAt(*ctx.snapshot, board->reference()));
    CHECK(k.broken_needs == ctx.analysis->count(core::NeedState::Broken));
    CHECK(k.single_points == static_cast<int>(ctx.analysis->singlePoints.size()));
    CHECK(k.channels_down == static_cast<int>(ctx.analysis->channelsDown.size()));
  };
  for (int i = 0; i < 3; ++i) drawBoth();
  check("live");
  const core::OperationalNow live = app::stationNow(ctx, core::nowUtc());
  CHECK(live.mode != core::ClockMode::Exercise);

  // A drill: the exercise clock, paused 2 h 30 into the scenario.
  auto ex = std::make_shared<app::ExerciseView>();
  const core::Incident* inc = ctx.snapshot->mainIncident();
  REQUIRE(inc);
  ex->state.clock.started = true;
  ex->state.clock.paused = true;
  ex->state.clock.epoch = inc->start;
  ex->state.clock.scenario_at_change = 9000;
  ctx.exercise = ex;
  const core::OperationalNow drill = app::stationNow(ctx, core::nowUtc());
  REQUIRE(drill.mode == core::ClockMode::Exercise);
  CHECK(drill.time == inc->start + 9000);
  for (int i = 0; i < 3; ++i) drawBoth();
  check("drill");
  CHECK(board->reference() == drill.time);
  const std::string drawn = text.scan();
  CHECK(drawn.find("EXERCISETIME") != std::string::npos);
  CHECK(drawn.find("Nocurrentoperationalperiod") == std::string::npos);
  // The figures of a drill are counted at its time, not at today's.
  CHECK(wall.figures().figures().overdue_tasks == overdueAt(*ctx.snapshot, drill.time));
}

TEST_CASE("the wall's task pane names the owner and agencies of overdue tasks",
          "[wall][figures]") {
  core::Snapshot s;
  core::Agency a{}, b{};
  a.id = 1;
  a.code = "RCSO";
  b.id = 2;
  b.code = "ARC";
  s.agencies = {a, b};
  core::Representative r{};
  r.id = 5;
  r.agency = 1;
  r.name = "Dana Ames";
  s.representatives = {r};
  core::Task t{};
  t.id = 1;
  t.title = "Open the shelter";
  t.owner_agency = 1;
  t.owner_rep = 5;
  t.involved = {1, 2};
  t.due = 100;
  core::Task u = t;
  u.id = 2;
  u.owner_agency = 0;
  u.owner_rep = 0;
  u.involved = {};
  u.priority = core::Priority::Critical;
  u.due = 150;
  s.tasks = {t, u};
  CHECK(app::taskOwnerText(s, t) == "RCSO: Dana Ames; with ARC");
  CHECK(app::taskOwnerText(s, u) == "no owner");
  // Most urgent first: the critical one, though due later.
  const auto overdue = app::overdueTasks(s, 200);
  REQUIRE(overdue.size() == 2);
  CHECK(overdue[0]->id == 2);
  CHECK(app::overdueTasks(s, 120).size() == 1);
}

TEST_CASE("the wall's timeline shows the most recent lanes first and counts the hidden ones",
          "[wall][figures]") {
  app::test::HeadlessImGui imgui(1920, 1080);
  app::test::DrawnText text;
  app::AppContext ctx;
  ctx.theme = app::ThemeKind::Wall;
  ctx.snapshot = demo();
  app::TimelinePanel timeline;
  for (int i = 0; i < 3; ++i)
    imgui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(900, 300));  // a quad pane's height holds few lanes
      ImGui::Begin("##pane");
      timeline.drawContent(ctx);
      ImGui::End();
    });
  const auto& lanes = timeline.lanes();
  REQUIRE(lanes.size() > 3);
  for (std::size_t i = 1; i < lanes.size(); ++i) {
    const auto last = [](const core::Lane& l) { return l.events.back()->time; };
    CHECK(last(lanes[i - 1]) >= last(lanes[i]));
  }
  REQUIRE(timeline.hiddenLanes() > 0);
  const std::string hidden = std::to_string(timeline.hiddenLanes()) + "laneshidden";
  CHECK(text.scan().find(hidden) != std::string::npos);
}

TEST_CASE("two starts of the wall draw the same network", "[wall][stable]") {
  const core::SnapshotPtr snapshot = demo();
  std::vector<std::vector<app::Vec2f>> runs;
  for (int run = 0; run < 2; ++run) {
    app::test::HeadlessImGui imgui(1920, 1080);
    app::AppContext ctx;
    ctx.theme = app::ThemeKind::Wall;
    ctx.read_only = true;
    ctx.snapshot = snapshot;
    const auto panels = app::PanelRegistry::makeDefault();
    auto* network = panels.find<app::NetworkView>();
    app::WallLayout wall(app::WallLayoutKind::Quad);
    const auto frame = [&] { wall.drawFrame(ctx, panels, ImGui::GetTime()); };
    for (int i = 0; i < 3; ++i) imgui.frame(frame);
    REQUIRE(network->waitLayout(60));
    imgui.frame(frame);
    runs.push_back(network->positions());
  }
  REQUIRE(runs[0].size() == runs[1].size());
  REQUIRE(!runs[0].empty());
  for (std::size_t i = 0; i < runs[0].size(); ++i) {
    INFO("node " << i);
    CHECK(runs[0][i].x == runs[1][i].x);
    CHECK(runs[0][i].y == runs[1][i].y);
  }
}
