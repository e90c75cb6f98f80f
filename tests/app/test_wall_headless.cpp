// The wall without GL: pane picking, keys, the read-error body, and the proof that no
// sensitive contact value is ever drawn (searching the glyphs of every rendered frame).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <set>

#include "app/panels/directory_panel.hpp"
#include "app/shell/dashboard.hpp"
#include "app/shell/panel_registry.hpp"
#include "app/shell/theme.hpp"
#include "app/shell/wall_layout.hpp"
#include "core/analysis/analysis.hpp"
#include "core/formats/scenario.hpp"
#include "core/store/store.hpp"
#include "headless_imgui.hpp"
#include "wall_text_scan.hpp"

using namespace liaison;
namespace fs = std::filesystem;

namespace {

constexpr int kTab = 301, kSpace = 302, kEscape = 303;
// Not "555-0199": the demo lists that number as a public desk line (rep 169), and the
// directory rightly shows it; the scan found it, which is how we know the scan works.
constexpr const char* kPlanted = "555-0987";

void mapKeys() {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyMap[ImGuiKey_Tab] = kTab;
  io.KeyMap[ImGuiKey_Space] = kSpace;
  io.KeyMap[ImGuiKey_Escape] = kEscape;
}

// The demo exercise (it has many sensitive cell numbers), plus one planted value.
core::SnapshotPtr demoWithPlantedSecret() {
  const fs::path dir =
      fs::temp_directory_path() / ("liaison-wall-test-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  core::SnapshotPtr loaded;
  {
    auto store = core::Store::create(dir / "demo.liaison");
    core::importScenario(fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo", *store);
    loaded = store->load();
  }
  fs::remove_all(dir);
  auto s = std::make_shared<core::Snapshot>(*loaded);
  REQUIRE(!s->representatives.empty());
  core::ContactMethod planted;
  planted.kind = core::ContactKind::Cell;
  planted.value = kPlanted;
  planted.sensitive = true;
  for (auto& r : s->representatives) r.contacts.push_back(planted);
  return s;
}

// Every sensitive value, except one that is also published without the flag (a public
// contact or a channel's identifier): that one may be drawn as the public entry.
std::vector<std::string> sensitiveValues(const core::Snapshot& s) {
  std::set<std::string> published, out;
  for (const auto& r : s.representatives)
    for (const auto& c : r.contacts)
      if (!c.sensitive) published.insert(app::test::DrawnText::withoutSpaces(c.value));
  for (const auto& c : s.channels)
    published.insert(app::test::DrawnText::withoutSpaces(c.identifier));
  for (const auto& r : s.representatives)
    for (const auto& c : r.contacts) {
      const std::string v = app::test::DrawnText::withoutSpaces(c.value);
      if (c.sensitive && !published.count(v)) out.insert(v);
    }
  return {out.begin(), out.end()};
}

}  // namespace

TEST_CASE("wall panes are picked by name and fall back to wall-safe panels") {
  app::test::HeadlessImGui imgui(1920, 1080);
  const auto all = app::PanelRegistry::makeDefault();
  const auto panes = app::pickWallPanes(all);
  REQUIRE(panes.size() == 4);
  CHECK(panes[0].title == "Network");
  CHECK(panes[1].title == "Map");
  CHECK(panes[2].title == "Timeline");
  CHECK(panes[3].panel == nullptr);
  CHECK(panes[3].title == app::WallLayout::kTaskSummaryTitle);
  for (const auto& p : panes)
    if (p.panel) CHECK(p.panel->wallSafe());

  std::vector<std::unique_ptr<app::Panel>> one;
  one.push_back(std::make_unique<app::DirectoryPanel>());
  const auto few = app::pickWallPanes(app::PanelRegistry(std::move(one)));
  REQUIRE(few.size() == 2);
  CHECK(few[0].title == "Directory");
  CHECK(app::pickWallPanes(app::PanelRegistry()).size() == 1);
  CHECK(app::parseWallLayout("focus") == app::WallLayoutKind::Focus);
  CHECK(!app::parseWallLayout("grid"));
}

TEST_CASE("wall keys: 1-4 pick, Tab and space cycle, L switches layout, Esc leaves") {
  app::test::HeadlessImGui imgui(1920, 1080);
  mapKeys();
  app::AppContext ctx;
  ctx.theme = app::ThemeKind::Wall;
  ctx.snapshot = std::make_shared<core::Snapshot>();
  const auto panels = app::PanelRegistry::makeDefault();
  app::WallLayout wall(app::WallLayoutKind::Focus, 30);
  const auto frame = [&] { wall.drawFrame(ctx, panels, ImGui::GetTime()); };
  imgui.frame(frame);
  imgui.pressKey('3', frame);
  CHECK(wall.focused() == 2);
  imgui.pressKey(kTab, frame);
  CHECK(wall.focused() == 3);
  imgui.pressKey(kSpace, frame);
  CHECK(wall.focused() == 0);
  imgui.pressKey('L', frame);
  CHECK(wall.layout() == app::WallLayoutKind::Rotate);
  imgui.pressKey('L', frame);
  CHECK(wall.layout() == app::WallLayoutKind::Quad);
  imgui.pressKey(kEscape, frame);
  CHECK_FALSE(wall.takeLeaveRequest());  // a real wall ignores Esc
  wall.setWorkstation(true);
  imgui.pressKey(kEscape, frame);
  CHECK(wall.takeLeaveRequest());
  CHECK_FALSE(wall.takeLeaveRequest());
}

TEST_CASE("rotate cycles the panes on its interval") {
  app::WallLayout wall(app::WallLayoutKind::Rotate, 10);
  CHECK(wall.shownPane(0, 4) == 0);
  CHECK(wall.shownPane(9.9, 4) == 0);
  CHECK(wall.shownPane(10.1, 4) == 1);
  CHECK(wall.shownPane(45, 4) == 0);
}

TEST_CASE("an unreadable workspace replaces the figures with the error in large type") {
  app::test::HeadlessImGui imgui(1920, 1080);
  app::test::DrawnText text;
  app::AppContext ctx;
  ctx.theme = app::ThemeKind::Wall;
  ctx.snapshot = demoWithPlantedSecret();
  const auto panels = app::PanelRegistry::makeDefault();
  app::WallLayout wall(app::WallLayoutKind::Focus);
  const auto frame = [&] { wall.drawFrame(ctx, panels, ImGui::GetTime()); };
  for (int i = 0; i < 3; ++i) imgui.frame(frame);
  std::string drawn = text.scan();
  CHECK(drawn.find("Overduetasks") != std::string::npos);
  CHECK(drawn.find("Opentasks") != std::string::npos);

  wall.setReadError("The workspace file is gone from /tmp/x.liaison (moved or deleted).");
  for (int i = 0; i < 3; ++i) imgui.frame(frame);
  drawn = text.scan();
  CHECK(drawn.find("WORKSPACECANNOTBEREAD") != std::string::npos);
  CHECK(drawn.find("movedordeleted") != std::string::npos);
  CHECK(drawn.find("Overduetasks") == std::string::npos);  // no stale numbers
  CHECK(drawn.find("Opentasks") == std::string::npos);
}

TEST_CASE("no sensitive contact value is ever drawn on the wall") {
  app::test::HeadlessImGui imgui(1920, 1080);
  mapKeys();
  app::test::DrawnText text;

  // The method can fail: a value drawn anywhere, even by a bare ImGui::Text, is found.
  for (int i = 0; i < 3; ++i)  // a new window shows from its second frame
    imgui.frame([] {
      ImGui::Begin("control");
      ImGui::Text("cell (570) %s", kPlanted);
      ImGui::End();
    });
  REQUIRE(text.scan().find(kPlanted) != std::string::npos);

  app::AppContext ctx;
  ctx.snapshot = demoWithPlantedSecret();
  ctx.theme = app::ThemeKind::Wall;
  ctx.ui.show_sensitive = true;  // the workstation's toggle must not matter on the wall
  // With the engine's result too: panes draw its overlays, paths and figures.
  ctx.analysis = std::make_shared<core::AnalysisResult>(core::analyze(*ctx.snapshot));
  const auto secrets = sensitiveValues(*ctx.snapshot);
  REQUIRE(secrets.size() > 10);
  REQUIRE(std::find(secrets.begin(), secrets.end(), kPlanted) != secrets.end());
  const auto panels = app::PanelRegistry::makeDefault();
  const std::string incident =
      app::test::DrawnText::withoutSpaces(ctx.snapshot->mainIncident()->name);

  int frames = 0;
  std::string seen;
  const auto check = [&](const char* where) {
    const std::string drawn = text.scan();
    seen += drawn;
    ++frames;
    for (const auto& s : secrets) {
      INFO(where << ": " << s);
      CHECK(drawn.find(s) == std::string::npos);
    }
  };
  for (auto layout :
       {app::WallLayoutKind::Quad, app::WallLayoutKind::Focus, app::WallLayoutKind::Rotate}) {
    app::WallLayout wall(layout, 5);
    const auto frame = [&] { wall.drawFrame(ctx, panels, ImGui::GetTime()); };
    for (int pane = 0; pane < 4; ++pane) {
      imgui.pressKey('1' + pane, frame);
      for (int i = 0; i < 3; ++i) {
        imgui.frame(frame);
        check(app::wallLayoutName(layout));
      }
    }
  }
  // Every wall-safe panel of the registry, even those the wall does not pick today.
  for (const auto& p : panels.panels()) {
    if (!p->wallSafe()) continue;
    for (int i = 0; i < 3; ++i) {
      imgui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1920, 1080));
        ImGui::Begin("##pane", nullptr, ImGuiWindowFlags_NoDecoration);
        p->drawContent(ctx);
        ImGui::End();
      });
      check(p->name());
    }
  }
  CHECK(frames > 40);
  CHECK(seen.find(incident) != std::string::npos);  // the scan did read the wall's text
}

TEST_CASE("a reload's changes are highlighted in the strip and the pane") {
  app::test::HeadlessImGui imgui(1920, 1080);
  app::test::DrawnText text;
  app::AppContext ctx;
  ctx.theme = app::ThemeKind::Wall;
  auto before = demoWithPlantedSecret();
  ctx.snapshot = before;
  const auto panels = app::PanelRegistry::makeDefault();
  app::WallLayout wall(app::WallLayoutKind::Quad);
  const auto frame = [&] { wall.drawFrame(ctx, panels, ImGui::GetTime()); };
  for (int i = 0; i < 3; ++i) imgui.frame(frame);
  CHECK(text.scan().find("Latestchanges:none") != std::string::npos);

  auto after = std::make_shared<core::Snapshot>(*before);
  after->version = before->version + 1;
  core::Channel* up = nullptr;
  for (auto& c : after->channels)
    if (c.status == core::ChannelStatus::Up) {
      up = &c;
      break;
    }
  REQUIRE(up != nullptr);
  up->status = core::ChannelStatus::Down;
  ctx.snapshot = after;
  for (int i = 0; i < 3; ++i) imgui.frame(frame);
  const std::string drawn = text.scan();
  CHECK(drawn.find("ChannelDOWN:") != std::string::npos);
  CHECK(drawn.find("NEW") != std::string::npos);
  REQUIRE(wall.changes().recent().size() == 1);
  CHECK(wall.changes().highlighted(app::ChangeKind::ChannelStatus, up->id, ImGui::GetTime()));
}

TEST_CASE("Present switches the workstation to the wall and Esc brings it back") {
  app::test::HeadlessImGui imgui(1920, 1080);
  mapKeys();
  app::AppContext ctx;
  ctx.snapshot = std::make_shared<core::Snapshot>();
  auto panels = app::PanelRegistry::makeDefault();
  app::Dashboard dashboard;
  const auto frame = [&] { dashboard.drawFrame(ctx, panels); };
  imgui.frame(frame);
  dashboard.setPresenting(ctx, true);
  CHECK(ctx.ui.theme_request == app::ThemeKind::Wall);
  ctx.theme = *ctx.ui.theme_request;  // what the loop does between frames
  ctx.ui.theme_request.reset();
  imgui.frame(frame);
  CHECK(dashboard.presenting());
  imgui.pressKey(kEscape, frame);
  CHECK_FALSE(dashboard.presenting());
  CHECK(ctx.ui.theme_request == app::ThemeKind::Operator);
}

TEST_CASE("key figures: the engine's broken needs, overdue at the clock, channels down") {
  core::Snapshot s;
  s.version = 7;
  for (core::Id id : {1, 2, 3}) {
    core::Agency a{};
    a.id = id;
    s.agencies.push_back(a);
    core::Representative r{};  // one person per agency: 11, 12, 13
    r.id = 10 + id;
    r.agency = id;
    s.representatives.push_back(r);
  }
  core::Channel ab{};  // agencies 1-2, up
  ab.id = 1;
  ab.from_rep = 11;
  ab.to_rep = 12;
  core::Channel bc{};  // agencies 2-3, down
  bc.id = 2;
  bc.from_rep = 12;
  bc.to_rep = 13;
  bc.status = core::ChannelStatus::Down;
  s.channels = {ab, bc};
  core::Need n12{}, n13{};
  n12.id = 1;
  n12.agency_a = 1;
  n12.agency_b = 2;
  n13.id = 2;
  n13.agency_a = 1;
  n13.agency_b = 3;
  s.needs = {n12, n13};
  core::Task overdue{}, later{}, done{};
  overdue.id = 1;
  overdue.due = 100;
  later.id = 2;
  later.status = core::TaskStatus::Blocked;
  later.due = 1000;
  done.id = 3;
  done.status = core::TaskStatus::Done;
  done.due = 50;
  s.tasks = {overdue, later, done};

  const auto k = app::computeKeyFigures(s, 500);
  CHECK(k.open_tasks == 2);
  CHECK(k.overdue_tasks == 1);
  CHECK(k.blocked_tasks == 1);
  CHECK(k.channels_down == 1);
  CHECK(k.broken_needs == -1);  // no engine result: pending, never a second count
  core::AnalysisResult stale;
  stale.version = 6;
  CHECK(app::computeKeyFigures(s, 500, &stale).broken_needs == -1);
  // The engine's result for this version: its counts, channels down by the availability rules.
  core::AnalysisResult fresh = core::analyze(s);
  REQUIRE(fresh.version == s.version);
  const auto e = app::computeKeyFigures(s, 500, &fresh);
  CHECK(e.broken_needs == 1);  // 1-3 only over the down channel
  CHECK(e.broken_needs == fresh.count(core::NeedState::Broken));
  CHECK(e.channels_down == 1);

  // Bring the channel up: the need gets a path; "since" moves only for figures that changed.
  app::KeyFigureBoard board;
  board.update(s, 500, &fresh);
  REQUIRE(board.rows().size() == 5);
  CHECK(std::string(board.rows()[0].label) == "Broken needs");
  CHECK(board.rows()[0].value == 1);
  CHECK(std::string(board.rows()[4].label) == "Open tasks");
  s.channels[1].status = core::ChannelStatus::Up;
  s.version = 8;
  board.update(s, 550);  // the engine has not answered for version 8 yet: the figure stays
  CHECK(board.rows()[0].value == 1);
  CHECK(board.rows()[0].since == 500);
  fresh = core::analyze(s);
  board.update(s, 600, &fresh);
  CHECK(board.rows()[0].value == 0);
  CHECK(board.rows()[0].since == 600);
  CHECK(board.rows()[4].since == 500);  // open tasks unchanged
}
