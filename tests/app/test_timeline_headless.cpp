// The timeline and quick entry through real ImGui frames: typing into the filter narrows the
// list; Ctrl+E opens the quick-entry line, Tab completes, Enter emits the event.
#include <catch2/catch.hpp>

#include <memory>

#include "app/panels/activity_log_panel.hpp"
#include "app/panels/quick_entry.hpp"
#include "app/panels/timeline_panel.hpp"
#include "app/shell/app_context.hpp"
#include "headless_imgui.hpp"

using namespace liaison;
using liaison::app::test::HeadlessImGui;

namespace {

constexpr int kEnter = 301, kTab = 302;

std::shared_ptr<core::Snapshot> events() {
  auto s = std::make_shared<core::Snapshot>();
  s->version = 1;
  core::Agency a;
  a.id = 1;
  a.code = "RFD";
  core::Agency b = a;
  b.id = 2;
  b.code = "RCPD";
  s->agencies = {a, b};
  core::Incident inc;
  inc.id = 1;
  inc.name = "Yard";
  s->incidents = {inc};
  s->periods = {{1, 1, 1, 1000, 50000, ""}};
  const char* texts[] = {"Smoke over the yard", "Shelter in place issued", "Road closed",
                         "Shelter B opens"};
  for (int i = 0; i < 4; ++i) {
    core::TimelineEvent e;
    e.id = i + 1;
    e.incident = 1;
    e.time = 2000 + i * 600;
    e.kind = core::EventKind::Report;
    e.agencies = {1 + i % 2};
    e.text = texts[i];
    s->events.push_back(e);
  }
  return s;
}

std::function<void()> inWindow(const std::function<void()>& body) {
  return [body] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Host", nullptr, ImGuiWindowFlags_NoDecoration);
    body();
    ImGui::End();
  };
}

}  // namespace

TEST_CASE("Typing into the timeline's filter narrows the listed events", "[timeline]") {
  HeadlessImGui imgui;
  app::AppContext ctx;
  ctx.snapshot = events();
  app::TimelinePanel panel;
  panel.setMode(app::TimelinePanel::Mode::List);
  auto draw = inWindow([&] { panel.drawContent(ctx); });
  imgui.frame(draw);
  CHECK(panel.visibleEvents().size() == 4);
  const app::ScreenRect r = panel.textFilterRect();
  imgui.click(r.cx(), r.cy(), draw);
  imgui.type("shelter", draw);
  imgui.frame(draw);
  REQUIRE(panel.visibleEvents().size() == 2);
  CHECK(panel.visibleEvents()[0]->id == 2);
  CHECK(panel.visibleEvents()[1]->id == 4);
  // The axis mode draws the same filtered set.
  panel.setMode(app::TimelinePanel::Mode::Axis);
  imgui.frame(draw);
  CHECK(panel.visibleEvents().size() == 2);
}

TEST_CASE("Quick entry: Ctrl+E, Tab completion, Enter emits the event", "[timeline][quick]") {
  HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();
  io.KeyMap[ImGuiKey_Enter] = kEnter;
  io.KeyMap[ImGuiKey_Tab] = kTab;
  app::AppContext ctx;
  ctx.snapshot = events();
  ctx.actor = "ana@ws1";
  app::QuickEntry qe;
  auto draw = [&] { qe.draw(ctx); };
  imgui.frame(draw);
  CHECK_FALSE(qe.isOpen());
  io.KeyCtrl = true;
  imgui.pressKey('E', draw);
  io.KeyCtrl = false;
  REQUIRE(qe.isOpen());
  CHECK_FALSE(qe.time.empty());  // now, editable
  imgui.type("Hazmat entry team in", draw);
  qe.agencies = "rc";
  qe.kind = "dec";
  CHECK(app::QuickEntry::completeLast(qe.agencies, {"RFD", "RCPD"}) == "RCPD ");
  CHECK(app::QuickEntry::completeLast("RFD rc", {"RFD", "RCPD"}) == "RFD RCPD ");
  CHECK(app::QuickEntry::completeLast("RFD r", {"RFD", "RCPD"}) == "RFD R");  // ambiguous
  CHECK(app::QuickEntry::completeLast("x", {"RFD"}) == "x");
  qe.agencies = "RFD RCPD";
  qe.kind = "decision";
  qe.time = "2026-05-14T13:05Z";
  imgui.pressKey(kEnter, draw);
  REQUIRE(ctx.outbox.allCommands().size() == 1);
  const std::vector<core::Command> emitted = ctx.outbox.allCommands();
  const auto& e =
      std::get<core::TimelineEvent>(std::get<core::PutEntity>(emitted[0].op).value);
  CHECK(e.text == "Hazmat entry team in");
  CHECK(e.kind == core::EventKind::Decision);
  CHECK(e.agencies == std::vector<core::Id>{1, 2});
  CHECK(e.source == "ana@ws1");
  CHECK(e.incident == 1);
  CHECK_FALSE(qe.isOpen());
}

TEST_CASE("Activity log lists the journal newest first, filtered", "[timeline][log]") {
  HeadlessImGui imgui;
  app::AppContext ctx;
  ctx.snapshot = events();
  auto journal = std::make_shared<std::vector<core::JournalEntry>>();
  for (int i = 1; i <= 3; ++i) {
    core::JournalEntry e;
    e.seq = i;
    e.time = 1000 * i;
    e.actor = "ana";
    e.action = "note";
    e.summary = i == 2 ? "Called RFD" : "Briefing";
    journal->push_back(e);
  }
  ctx.journal = journal;
  app::ActivityLogPanel panel;
  auto draw = inWindow([&] { panel.drawContent(ctx); });
  imgui.frame(draw);
  CHECK(panel.visibleRows() == std::vector<std::size_t>{2, 1, 0});
  panel.setText("rfd");
  imgui.frame(draw);
  CHECK(panel.visibleRows() == std::vector<std::size_t>{1});
}
