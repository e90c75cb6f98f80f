// The Exercise tab and the player's notice through real ImGui frames on a real workspace: the
// clock's buttons, jumping to the selected inject, delivering and acknowledging on behalf of a
// player, and the EXERCISE notice's F9 acknowledgement and action line, each checked in the
// exercise state and the journal. The wall clock is a variable the test sets (no timing).
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>

#include "app/panels/controller_panel.hpp"
#include "app/shell/app_context.hpp"
#include "app/shell/exercise_notice.hpp"
#include "app/shell/request_applier.hpp"
#include "app/shell/snapshot_follower.hpp"
#include "core/store/exercise_store.hpp"
#include "core/exercise/msel_import.hpp"
#include "core/formats/msel.hpp"
#include "headless_imgui.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison;
using liaison::app::test::HeadlessImGui;
namespace testing = liaison::core::testing;

namespace {

constexpr core::TimeUtc kIncidentStart = 1778761800;  // 2026-05-14T12:30:00Z

// RCFD 1, RCPD 2, MEMS 3; reps 101-103; channel 1001 between 101 and 102. Four injects:
// 1 at 00:05 takes channel 1001 down, 2 at 00:10, 3 manual, 4 at 00:30 takes rep 103 off duty.
std::unique_ptr<core::Store> exerciseWorkspace(const testing::TempDir& tmp, bool withMsel) {
  auto store = core::Store::create(tmp.file("exercise.liaison"));
  testing::seed(*store);
  core::Incident inc;
  inc.id = 1;
  inc.name = "Drill";
  inc.exercise = true;
  inc.start = kIncidentStart;
  store->apply(core::put(inc), "tester");
  if (withMsel) {
    testing::writeBytes(tmp.file("msel.csv"),
                        "inject_number,scenario_time,from,to,method,subject,message,effect\n"
                        "1,00:05:00,SimCell,RCFD,phone,Leak,Tank car leaking,down channel:1001\n"
                        "2,00:10:00,SimCell,RCPD: Chief,radio,Traffic,Close Front St,\n"
                        "3,00:00:00,SimCell (Media),MEMS,media,Reporter,Reporter on scene,\n"
                        "4,00:30:00,SimCell,Priya Raman,in_person,Rep leaves,Called away,"
                        "down rep:103\n");
    core::importMsel(tmp.file("msel.csv"), *store, "controller");
  }
  return store;
}

struct Fixture {
  testing::TempDir tmp;
  std::unique_ptr<core::Store> store;
  HeadlessImGui imgui;
  app::AppContext ctx;
  app::SnapshotFollower follower;
  app::ControllerPanel panel;
  app::ExerciseNotice notice;
  app::RequestApplier applier;
  core::TimeUtc wall = 1000;

  explicit Fixture(bool withMsel = true)
      : store(exerciseWorkspace(tmp, withMsel)), follower(*store), applier(store.get(), &follower) {
    ctx.actor = "station-7";
    follower.loadInitial(ctx);
    panel.setClock([this] { return wall; });
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    io.MousePos = ImVec2(-1, -1);
  }
  std::function<void()> drawer() {
    return [this] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      // As the dashboard's slots: a click never raises the panel over the notice.
      ImGui::Begin("Exercise", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBringToFrontOnFocus);
      panel.drawContent(ctx);
      ImGui::End();
      notice.draw(ctx);
    };
  }
  // What the dashboard's loop does after each frame.
  void afterFrame() { applier.afterFrame(ctx, wall); }
  void frames(int n = 2) {
    for (int i = 0; i < n; ++i) {
      imgui.frame(drawer());
      afterFrame();
    }
  }
  void clickRect(const app::ScreenRect& r) {
    imgui.click(r.cx(), r.cy(), drawer());
    afterFrame();
    frames();
  }
  void clickControl(const std::string& key) {
    frames();
    INFO("control " << key);
    REQUIRE(panel.controlRects().count(key) == 1);
    clickRect(panel.controlRects().at(key));
  }
  void clickRow(const std::string& number) {
    frames();
    INFO("row " << number);
    REQUIRE(panel.rowRects().count(number) == 1);
    clickRect(panel.rowRects().at(number));
  }
  const core::ExerciseState& state() const { return ctx.exercise->state; }
  const core::InjectStatus& status(const std::string& number) const {
    return *state().status(state().inject(number)->id);
  }
  bool journalHas(const std::string& summary) const {
    const auto j = store->journal();
    return std::any_of(j.begin(), j.end(),
                       [&](const core::JournalEntry& e) { return e.summary == summary; });
  }
};

}  // namespace

TEST_CASE("the Exercise tab runs the clock, jumps to an inject and answers for a player",
          "[exercise][headless]") {
  Fixture f;
  f.frames();
  REQUIRE(f.panel.view().rows.size() == 4);
  CHECK_FALSE(f.state().clock.started);
  CHECK(f.notice.shownInject().empty());

  f.clickControl("start");
  CHECK(f.state().clock.started);
  CHECK_FALSE(f.state().clock.paused);
  CHECK(f.journalHas("EXERCISE clock started (STARTEX) at 1x"));
  f.clickControl("speed 60");
  CHECK(f.state().clock.speed == 60);

  // Five wall seconds at 60x: the clock passes 00:05:00 and the station delivers inject 1 with
  // its network effect, as `drill run` would.
  f.wall = 1005;
  f.frames();
  CHECK(f.status("1").state == core::InjectState::Delivered);
  CHECK(f.status("1").delivered_s == 300);
  CHECK(f.ctx.snapshot->channel(1001)->status == core::ChannelStatus::Down);
  CHECK(f.journalHas("EXERCISE inject 1 delivered to RCFD at 00:05:00: Leak [down channel:1001]"));
  CHECK(f.status("2").state == core::InjectState::Pending);
  CHECK(f.notice.shownInject() == "1");

  f.clickControl("pause");
  CHECK(f.state().clock.paused);
  CHECK(f.state().clock.scenario_at_change == 300);
  CHECK(f.journalHas("EXERCISE clock paused at 00:05:00"));

  // Jump to inject 4 (00:30:00) while paused: 2 and 4 are due, not delivered until it runs.
  f.clickRow("4");
  CHECK(f.panel.selected() == "4");
  f.clickControl("jump");
  CHECK(f.state().clock.scenario_at_change == 1800);
  CHECK(f.state().clock.paused);
  CHECK(f.journalHas("EXERCISE clock jumped from 00:05:00 to 00:30:00"));
  CHECK(f.status("4").state == core::InjectState::Pending);
  CHECK(f.panel.view().rows[1].due);
  CHECK(f.panel.view().rows[3].due);

  // The manual inject, delivered by the controller.
  f.clickRow("3");
  f.clickControl("deliver");
  CHECK(f.status("3").state == core::InjectState::Delivered);
  CHECK(f.status("3").delivered_s == 1800);

  // Acknowledge inject 1 on behalf of its player.
  f.clickRow("1");
  f.clickControl("acknowledge");
  CHECK(f.status("1").state == core::InjectState::Acknowledged);
  CHECK(f.status("1").responder == "RCFD");
  CHECK(f.status("1").acked_s == 1800);
  CHECK(
      f.journalHas("EXERCISE inject 1 acknowledged by RCFD at 00:30:00 (00:25:00 after delivery)"));
  // The per-agency statistics follow at once (MEMS: 3 delivered, RCFD: 1 acknowledged).
  const auto& stats = f.panel.view().stats;
  REQUIRE(stats.size() == 2);
  CHECK(stats[0].code == "MEMS");
  CHECK(stats[0].acknowledged == 0);
  CHECK(stats[1].code == "RCFD");
  CHECK(stats[1].acknowledged == 1);
  CHECK(stats[1].ack.max == 1500);

  // Resume: the station catches up in scenario-time order, as the engine does: 2 delivered at
  // 00:10:00 and overdue at 00:20:00 (nobody answered), 4 delivered at 00:30:00 (rep 103 goes
  // off duty).
  f.wall = 2000;
  f.clickControl("resume");
  f.frames();
  CHECK(f.status("2").delivered_s == 600);
  CHECK(f.status("2").state == core::InjectState::Overdue);
  CHECK(f.status("4").state == core::InjectState::Delivered);
  CHECK(f.status("4").delivered_s == 1800);
  CHECK_FALSE(f.ctx.snapshot->representative(103)->on_duty);
}

TEST_CASE("the EXERCISE notice: F9 acknowledges, then the action line records the action",
          "[exercise][headless]") {
  Fixture f;
  f.frames();
  f.clickRow("3");
  f.clickControl("deliver");  // the manual inject, delivered at 00:00:00 with the clock stopped
  REQUIRE(f.status("3").state == core::InjectState::Delivered);
  f.frames();
  CHECK(f.notice.shownInject() == "3");
  CHECK_FALSE(f.notice.awaitingAction());

  f.imgui.pressKey(GLFW_KEY_F9, f.drawer());
  f.afterFrame();
  f.frames();
  CHECK(f.status("3").state == core::InjectState::Acknowledged);
  CHECK(f.status("3").responder == "station-7");
  CHECK(f.journalHas(
      "EXERCISE inject 3 acknowledged by station-7 at 00:00:00 (00:00:00 after delivery)"));
  // The banner stays for the action.
  CHECK(f.notice.shownInject() == "3");
  CHECK(f.notice.awaitingAction());

  const app::ScreenRect field = f.notice.actionRect();
  f.imgui.click(field.cx(), field.cy(), f.drawer());
  f.imgui.type("Referred to the JIC", f.drawer());
  f.imgui.pressKey(GLFW_KEY_ENTER, f.drawer());
  f.afterFrame();
  f.frames();
  CHECK(f.status("3").state == core::InjectState::Acted);
  CHECK(f.status("3").action == "Referred to the JIC");
  CHECK(f.journalHas(
      "EXERCISE inject 3 action recorded at 00:00:00 (00:00:00 after delivery): Referred to the "
      "JIC"));
  CHECK(f.notice.shownInject().empty());
}

TEST_CASE("the notice's button acknowledges too, and the wall never shows it",
          "[exercise][headless]") {
  Fixture f;
  f.frames();
  f.clickRow("3");
  f.clickControl("deliver");
  f.frames();
  REQUIRE(f.notice.shownInject() == "3");

  f.ctx.theme = app::ThemeKind::Wall;
  f.frames();
  CHECK(f.notice.shownInject().empty());
  f.imgui.pressKey(GLFW_KEY_F9, f.drawer());
  f.afterFrame();
  CHECK(f.status("3").state == core::InjectState::Delivered);

  f.ctx.theme = app::ThemeKind::Operator;
  f.frames();
  f.clickRect(f.notice.acknowledgeRect());
  CHECK(f.status("3").state == core::InjectState::Acknowledged);
}

TEST_CASE("a read-only station shows the exercise but its controls change nothing",
          "[exercise][headless]") {
  Fixture f;
  f.ctx.read_only = true;
  f.frames();
  const std::uint64_t revision = f.store->revision();
  f.clickControl("start");
  f.clickRow("3");
  f.clickControl("deliver");
  // Nothing was asked for: a request the loop had refused would say "read-only" here.
  CHECK(f.ctx.outbox.empty());
  CHECK(f.ctx.status_message.empty());
  CHECK(f.store->revision() == revision);
  CHECK_FALSE(f.state().clock.started);
  CHECK(f.status("3").state == core::InjectState::Pending);
}

TEST_CASE("without an MSEL the Exercise tab says how to import one", "[exercise][headless]") {
  Fixture f(false);
  f.frames();
  REQUIRE(f.ctx.exercise);
  CHECK_FALSE(f.ctx.exercise->hasMsel());
  CHECK(f.panel.controlRects().empty());
  CHECK(f.notice.shownInject().empty());
}

TEST_CASE("the station delivers nothing while the clock is paused or not started",
          "[exercise][headless]") {
  Fixture f;
  f.frames();
  f.wall = 100000;  // far past every inject, but the clock never started
  f.frames();
  CHECK(f.status("1").state == core::InjectState::Pending);
  CHECK(app::nextDrillEvent(f.state()) == 300);
}

TEST_CASE("rewind moves the clock back; reset, once confirmed, undoes deliveries and effects",
          "[exercise][headless]") {
  Fixture f;
  f.frames();
  f.clickControl("start");
  f.clickControl("speed 60");
  f.wall = 1005;  // 00:05:00: inject 1 delivered, channel 1001 down
  f.frames();
  REQUIRE(f.status("1").state == core::InjectState::Delivered);
  REQUIRE(f.ctx.snapshot->channel(1001)->status == core::ChannelStatus::Down);

  f.clickControl("rewind");
  CHECK(f.state().clock.scenario_at_change == 0);
  CHECK(f.journalHas("EXERCISE clock rewound from 00:05:00 to 00:00:00"));
  CHECK(f.status("1").state == core::InjectState::Delivered);  // rewinding keeps what happened

  f.clickControl("reset");  // asks first: nothing changes yet
  CHECK(f.state().clock.started);
  f.clickControl("confirm reset");
  CHECK_FALSE(f.state().clock.started);
  CHECK(f.status("1").state == core::InjectState::Pending);
  CHECK(f.ctx.snapshot->channel(1001)->status == core::ChannelStatus::Up);
  CHECK(f.journalHas("EXERCISE clock reset to 00:00:00"));
  CHECK(f.journalHas("EXERCISE inject 1 back to pending (exercise reset)"));
}

TEST_CASE("a player's station (--station) sees only the injects addressed to its agency",
          "[exercise][headless]") {
  Fixture f;
  f.frames();
  f.clickRow("3");
  f.clickControl("deliver");  // inject 3 is for MEMS (agency 3)
  REQUIRE(f.status("3").state == core::InjectState::Delivered);
  f.ctx.station_agency = 1;  // an RCFD station: nothing for it
  f.frames();
  CHECK(f.notice.shownInject().empty());
  f.imgui.pressKey(GLFW_KEY_F9, f.drawer());  // F9 has nothing to acknowledge here
  f.afterFrame();
  CHECK(f.status("3").state == core::InjectState::Delivered);
  f.ctx.station_agency = 3;  // the MEMS station
  f.frames();
  CHECK(f.notice.shownInject() == "3");
}

TEST_CASE("a player's station never delivers injects; the controller's does", "[exercise][headless]") {
  Fixture f;
  f.frames();
  f.clickControl("start");
  f.clickControl("speed 60");
  f.ctx.station_agency = 1;  // a player station: the clock runs, but delivery is not its job
  f.wall = 1005;             // 00:05:00: inject 1 is due
  f.frames();
  CHECK(f.status("1").state == core::InjectState::Pending);
  f.ctx.station_agency = 0;  // the controller's station
  f.frames();
  CHECK(f.status("1").state == core::InjectState::Delivered);
}
