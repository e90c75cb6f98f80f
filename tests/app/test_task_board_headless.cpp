// The task board through real ImGui frames: dragging a card to another column emits the put
// with the new status; with the scrubber in the past it shows the older status; the "New task"
// batch brings its communication needs.
#include <catch2/catch.hpp>

#include <memory>

#include "app/panels/task_board_panel.hpp"
#include "app/shell/app_context.hpp"
#include "core/analysis/analysis.hpp"
#include "core/model/entity_json.hpp"
#include "headless_imgui.hpp"

using namespace liaison;
using liaison::app::test::HeadlessImGui;

namespace {

core::Task task(core::Id id, core::TaskStatus status, std::string title) {
  core::Task t;
  t.id = id;
  t.incident = 1;
  t.title = std::move(title);
  t.status = status;
  t.owner_agency = 1;
  t.involved = {2};
  return t;
}

std::shared_ptr<core::Snapshot> board() {
  auto s = std::make_shared<core::Snapshot>();
  s->version = 3;
  core::Agency a, b;
  a.id = 1;
  a.code = "RFD";
  b.id = 2;
  b.code = "RPD";
  s->agencies = {a, b};
  core::Channel c;
  c.id = 1;
  c.from_agency = 1;
  c.to_agency = 2;
  s->channels = {c};
  s->tasks = {task(1, core::TaskStatus::Todo, "Close Front St"),
              task(2, core::TaskStatus::Doing, "Open shelter")};
  return s;
}

struct Fixture {
  HeadlessImGui imgui;
  app::AppContext ctx;
  app::TaskBoardPanel panel;
  Fixture() {
    ctx.snapshot = board();
    ImGui::GetIO().MousePos = ImVec2(-1, -1);
  }
  std::function<void()> drawer() {
    return [this] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("Board", nullptr, ImGuiWindowFlags_NoDecoration);
      panel.drawContent(ctx);
      ImGui::End();
    };
  }
};

}  // namespace

TEST_CASE("Dragging a card from todo to doing emits a put with status doing", "[task_board]") {
  Fixture f;
  auto draw = f.drawer();
  f.imgui.frame(draw);
  f.imgui.frame(draw);
  REQUIRE(f.panel.cardRects().count(1) == 1);
  CHECK(f.panel.shownStatus().at(1) == core::TaskStatus::Todo);
  const app::ScreenRect card = f.panel.cardRects().at(1);
  const app::ScreenRect doing = f.panel.columnRect(core::TaskStatus::Doing);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(card.cx(), card.cy());
  f.imgui.frame(draw);
  io.MouseDown[0] = true;
  f.imgui.frame(draw);
  for (int i = 1; i <= 8; ++i) {  // past the drag threshold, then over the Doing column
    io.MousePos = ImVec2(card.cx() + (doing.cx() - card.cx()) * i / 8.0f,
                         card.cy() + (doing.y1 - 20 - card.cy()) * i / 8.0f);
    f.imgui.frame(draw);
  }
  f.imgui.frame(draw);
  io.MouseDown[0] = false;
  f.imgui.frame(draw);
  f.imgui.frame(draw);
  REQUIRE(f.ctx.outbox.allCommands().size() == 1);
  const std::vector<core::Command> emitted = f.ctx.outbox.allCommands();
  const auto& put = std::get<core::PutEntity>(emitted[0].op);
  const auto& moved = std::get<core::Task>(put.value);
  CHECK(moved.id == 1);
  CHECK(moved.status == core::TaskStatus::Doing);
  CHECK(moved.title == "Close Front St");
}

TEST_CASE("With the scrubber in the past the board shows the older status", "[task_board]") {
  Fixture f;
  auto journal = std::make_shared<std::vector<core::JournalEntry>>();
  auto put = [&](std::int64_t seq, core::TimeUtc t, const core::Task& tk) {
    core::JournalEntry e;
    e.seq = seq;
    e.time = t;
    e.actor = "ana";
    e.action = "put";
    e.entity = "task";
    e.entity_id = tk.id;
    e.after = core::entityToJson(tk);
    journal->push_back(e);
  };
  put(1, 1000, task(2, core::TaskStatus::Todo, "Open shelter"));
  put(2, 2000, task(2, core::TaskStatus::Doing, "Open shelter"));
  f.ctx.journal = journal;
  auto draw = f.drawer();
  f.imgui.frame(draw);
  CHECK(f.panel.shownStatus().at(2) == core::TaskStatus::Doing);
  f.ctx.view_time = 1500;  // what the timeline's scrubber sets
  f.imgui.frame(draw);
  CHECK(f.panel.shownStatus().at(2) == core::TaskStatus::Todo);
  CHECK(f.panel.shownStatus().count(1) == 1);  // never journaled: taken from the live state
  f.ctx.view_time = 500;
  f.imgui.frame(draw);
  CHECK(f.panel.shownStatus().count(2) == 0);  // not created yet
  f.ctx.view_time.reset();
  f.imgui.frame(draw);
  CHECK(f.panel.shownStatus().at(2) == core::TaskStatus::Doing);
}

TEST_CASE("New task: the task and one need per involved agency, in one batch", "[task_board]") {
  auto s = board();
  core::Agency c;
  c.id = 3;
  c.code = "EMS";
  s->agencies.push_back(c);
  core::Task t;
  t.title = "Decon line";
  t.owner_agency = 1;
  t.involved = {2, 3, 1};
  const auto cmds = app::TaskBoardPanel::newTaskCommands(*s, t);
  REQUIRE(cmds.size() == 3);
  const auto& created = std::get<core::Task>(std::get<core::PutEntity>(cmds[0].op).value);
  CHECK(created.id == 3);
  const auto& n1 = std::get<core::Need>(std::get<core::PutEntity>(cmds[1].op).value);
  const auto& n2 = std::get<core::Need>(std::get<core::PutEntity>(cmds[2].op).value);
  CHECK(n1.agency_a == 1);
  CHECK(n1.agency_b == 2);
  CHECK(n2.agency_b == 3);
  CHECK(n1.source == core::NeedSource::Task);
  CHECK(n1.task == 3);
}

TEST_CASE("Coordination at risk from the engine, one click to the broken need in the analysis",
          "[task_board]") {
  Fixture f;
  auto s = board();
  core::Need n;  // RFD-RPD: an agency channel joins them, but neither has anyone to call
  n.id = 5;
  n.agency_a = 1;
  n.agency_b = 2;
  s->needs = {n};
  f.ctx.snapshot = s;
  auto draw = f.drawer();
  f.imgui.frame(draw);
  CHECK(f.panel.whyRects().empty());  // no engine result yet: the channel reaches
  f.ctx.analysis = std::make_shared<const core::AnalysisResult>(core::analyze(*s));
  REQUIRE(f.ctx.analysis->need(5)->state == core::NeedState::Broken);
  f.imgui.frame(draw);
  f.imgui.frame(draw);
  REQUIRE(f.panel.whyRects().count(1) == 1);
  const auto r = f.panel.whyRects().at(1);
  ImGui::GetIO().MousePos = ImVec2((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
  f.imgui.frame(draw);  // the pointer arrives first, as a hand would move it
  f.imgui.click((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2, draw);
  CHECK(f.ctx.selection == app::Selection{core::EntityKind::Need, 5});
  // Clicking the card elsewhere still selects the task.
  const auto card = f.panel.cardRects().at(2);
  f.imgui.click(card.x0 + 4, card.y0 + 4, draw);
  CHECK(f.ctx.selection == app::Selection{core::EntityKind::Task, 2});
}
