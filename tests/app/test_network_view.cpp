// The network view driven through real ImGui frames (no GL): search centres the view on a node,
// a click selects, right-click marks a person down (what-if), drag pins, wheel and keys move the
// view, double-click collapses an agency. The layout runs on its worker as in the application.
#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

#include "app/panels/network_view.hpp"
#include "app/shell/app_context.hpp"
#include "core/model/entity_json.hpp"
#include "headless_imgui.hpp"
#include "outbox_testing.hpp"
#include "network_test_data.hpp"

using namespace liaison;
using liaison::app::test::HeadlessImGui;

namespace {

constexpr int kLeft = 263, kRight = 262;  // GLFW key codes, as the real backend maps them

struct Fixture {
  HeadlessImGui imgui;
  app::AppContext ctx;
  app::NetworkView panel;

  explicit Fixture(bool read_only = false) {
    ctx.read_only = read_only;
    ctx.snapshot = app::test::makeNetworkSnapshot();
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.MousePos = ImVec2(-100, -100);
    frames(2);
    REQUIRE(panel.waitLayout(20.0));
    frames(2);
  }
  void draw() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Network", nullptr, ImGuiWindowFlags_NoDecoration);
    panel.drawContent(ctx);
    ImGui::End();
  }
  std::function<void()> drawer() {
    return [this] { draw(); };
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) imgui.frame(drawer());
  }
  app::Vec2f rep(core::Id id) const {
    const auto p = panel.screenOfRep(id);
    REQUIRE(p);
    return *p;
  }
  app::Vec2f canvasCentre() const {
    const auto& v = panel.view();
    return {v.origin.x + v.size.x * 0.5f, v.origin.y + v.size.y * 0.5f};
  }
  void rightClick(app::Vec2f p) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(p.x, p.y);
    io.MouseDown[1] = true;
    frames(1);
    io.MouseDown[1] = false;
    frames(2);
  }
};

float distance(app::Vec2f a, app::Vec2f b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

}  // namespace

TEST_CASE("network view: the layout settles and every person is on screen", "[network]") {
  Fixture f;
  CHECK(f.panel.model().nodes.size() == 11);
  const auto& v = f.panel.view();
  for (core::Id id : {101, 102, 103, 201, 202, 203, 301}) {
    const auto p = f.rep(id);
    CHECK(p.x > v.origin.x);
    CHECK(p.x < v.origin.x + v.size.x);
    CHECK(p.y > v.origin.y);
    CHECK(p.y < v.origin.y + v.size.y);
  }
  CHECK(f.panel.drawList().nodes.size() >= 7);
  CHECK_FALSE(f.panel.drawList().labels.empty());
}

TEST_CASE("network view: typing a name in the search centres the view on that person",
          "[network]") {
  Fixture f;
  const auto& box = f.panel.searchRect();
  f.imgui.click(box.cx(), box.cy(), f.drawer());
  f.imgui.type("okafor", f.drawer());
  f.frames(2);
  CHECK(f.panel.search() == "okafor");
  REQUIRE(f.panel.foundNode() == f.panel.model().nodeOfRep(102));
  CHECK(distance(f.rep(102), f.canvasCentre()) < 1.0f);
  // Close enough to read the name.
  bool labelled = false;
  for (const auto& l : f.panel.drawList().labels)
    labelled = labelled || l.node == f.panel.foundNode();
  CHECK(labelled);
}

TEST_CASE("network view: clicking a node selects the person", "[network]") {
  Fixture f;
  const auto p = f.rep(201);
  f.imgui.click(p.x, p.y, f.drawer());
  CHECK(f.ctx.selection == app::Selection{core::EntityKind::Representative, 201});
}

TEST_CASE("network view: right-click, Mark down toggles the what-if set", "[network]") {
  Fixture f;
  f.rightClick(f.rep(202));
  const auto& item = f.panel.markDownRect();
  REQUIRE(item.x1 > item.x0);
  f.imgui.click(item.cx(), item.cy(), f.drawer());
  const auto asked = app::test::whatIfChanges(f.ctx);
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].op == app::WhatIfChange::Op::MarkDown);
  CHECK(asked[0].ids == std::vector<core::Id>{202});
  app::test::applyViewRequests(f.ctx);  // what the loop does after the frame
  CHECK(f.ctx.whatif_down_reps.count(202) == 1);
  f.frames(1);
  // The node is drawn as down, and its channels too.
  bool down = false;
  for (const auto& n : f.panel.drawList().nodes)
    if (n.node == f.panel.model().nodeOfRep(202)) down = n.flags & app::kNodeDown;
  CHECK(down);
  // Again: back up.
  f.rightClick(f.rep(202));
  f.imgui.click(f.panel.markDownRect().cx(), f.panel.markDownRect().cy(), f.drawer());
  REQUIRE(app::test::whatIfChanges(f.ctx).size() == 1);
  CHECK(app::test::whatIfChanges(f.ctx)[0].op == app::WhatIfChange::Op::Restore);
  app::test::applyViewRequests(f.ctx);
  CHECK(f.ctx.whatif_down_reps.empty());
}

TEST_CASE("network view: dragging a node moves and pins it", "[network]") {
  Fixture f;
  const auto from = f.rep(103);
  const app::Vec2f to{from.x + 60, from.y + 40};
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(from.x, from.y);
  f.frames(1);
  io.MouseDown[0] = true;
  f.frames(1);
  for (int i = 1; i <= 6; ++i) {
    io.MousePos =
        ImVec2(from.x + 10.0f * static_cast<float>(i), from.y + 6.67f * static_cast<float>(i));
    f.frames(1);
  }
  io.MouseDown[0] = false;
  f.frames(1);
  CHECK(f.panel.pinnedRep(103));
  REQUIRE(f.panel.waitLayout(20.0));
  f.frames(2);
  CHECK(distance(f.rep(103), to) < 1.5f);  // pinned: the layout never moves it back
  CHECK_FALSE(f.ctx.selection == app::Selection{core::EntityKind::Representative, 103});
}

TEST_CASE("network view: wheel zooms about the pointer, arrows pan, F fits", "[network]") {
  Fixture f;
  const float zoom = f.panel.view().zoom;
  const auto c = f.canvasCentre();
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(c.x, c.y);
  io.MouseWheel = 1.0f;
  f.frames(1);
  io.MouseWheel = 0.0f;
  f.frames(1);
  CHECK(f.panel.view().zoom == Approx(zoom * 1.2f));

  const float x = f.panel.view().centre.x;
  f.imgui.pressKey(kRight, f.drawer());
  CHECK(f.panel.view().centre.x > x);

  f.imgui.pressKey('F', f.drawer());
  f.frames(1);
  CHECK(f.panel.view().zoom == Approx(zoom).epsilon(0.01));
}

TEST_CASE("network view: double-click collapses an agency into one node and back", "[network]") {
  Fixture f;
  const auto p = f.rep(101);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(p.x, p.y);
  for (int i = 0; i < 2; ++i) {
    io.MouseDown[0] = true;
    f.frames(1);
    io.MouseDown[0] = false;
    f.frames(1);
  }
  CHECK(f.panel.collapsedAgency(1));
  f.frames(1);
  bool hub = false;
  for (const auto& n : f.panel.drawList().nodes) hub = hub || (n.flags & app::kNodeHub);
  CHECK(hub);
  f.panel.setCollapsed(1, false);
  f.frames(1);
  CHECK_FALSE(f.panel.collapsedAgency(1));
}

TEST_CASE("network view: a new snapshot keeps the picture (warm start)", "[network]") {
  Fixture f;
  const auto before = f.rep(301);
  auto next = app::test::makeNetworkSnapshot(4);
  core::Channel extra;
  extra.id = 8;
  extra.from_rep = 103;
  extra.to_rep = 202;
  next->channels.push_back(extra);
  f.ctx.snapshot = next;
  f.frames(1);
  REQUIRE(f.panel.waitLayout(20.0));
  f.frames(2);
  CHECK(f.panel.model().edges.size() == 8);
  // The view refits, so compare in world units: a fraction of the picture, not a new one.
  const auto& v = f.panel.view();
  CHECK(distance(f.rep(301), before) / v.zoom < 2.0f);
}

TEST_CASE("network view: the wall shows no search box and runs without a store", "[network]") {
  Fixture f;
  f.ctx.theme = app::ThemeKind::Wall;
  app::NetworkView wall;
  auto drawWall = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Wall", nullptr, ImGuiWindowFlags_NoDecoration);
    wall.drawContent(f.ctx);
    ImGui::End();
  };
  f.imgui.frame(drawWall);
  REQUIRE(wall.waitLayout(20.0));
  f.imgui.frame(drawWall);
  CHECK(wall.searchRect().x1 == 0);  // no search box drawn
  CHECK_FALSE(wall.drawList().nodes.empty());
  CHECK(f.ctx.outbox.allCommands().empty());  // drawing the wall changes no data
}

TEST_CASE("network view: the settled layout is kept as a station setting, never from a "
          "read-only station", "[network]") {
  Fixture f;  // its layout has settled: the picture is offered to keep, once
  const auto kept = f.ctx.outbox.all<app::UiSetting>();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].key == "network.positions");
  const auto json = nlohmann::json::parse(kept[0].value);
  CHECK(json["nodes"].contains("r202"));
  f.frames(2);
  CHECK(f.ctx.outbox.all<app::UiSetting>().size() == 1);  // not once per frame

  // What the loop kept is what a new view starts from (the same positions).
  app::test::applyViewRequests(f.ctx);
  f.ctx.ui_settings[kept[0].key] = kept[0].value;
  app::NetworkView again;
  f.imgui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Again", nullptr, ImGuiWindowFlags_NoDecoration);
    again.drawContent(f.ctx);
    ImGui::End();
  });
  const auto& saved = json["nodes"]["r202"];
  const auto node = again.model().nodeOfRep(202);
  REQUIRE(node >= 0);
  CHECK(again.positions()[static_cast<std::size_t>(node)].x == Approx(saved[0].get<float>()));
  CHECK(again.positions()[static_cast<std::size_t>(node)].y == Approx(saved[1].get<float>()));

  Fixture follower(true);  // settled too, and a drag pins a node: nothing is kept
  const app::Vec2f from = follower.rep(202);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(from.x, from.y);
  follower.frames(1);
  io.MouseDown[0] = true;
  follower.frames(1);
  for (int i = 1; i <= 6; ++i) {
    io.MousePos = ImVec2(from.x + 10.0f * static_cast<float>(i), from.y + 6.0f * static_cast<float>(i));
    follower.frames(1);
  }
  io.MouseDown[0] = false;
  follower.frames(2);
  CHECK(follower.panel.pinnedRep(202));
  CHECK(follower.ctx.outbox.all<app::UiSetting>().empty());
}

TEST_CASE("With the scrubber in the past the network shows the channels as they were",
          "[network][scrub]") {
  Fixture f;
  // Channel 6 (203-301) is down now; the journal says it was up at 1000 and went down at 2000.
  auto journal = std::make_shared<std::vector<core::JournalEntry>>();
  auto put = [&](std::int64_t seq, core::TimeUtc t, core::ChannelStatus st) {
    core::Channel c = *f.ctx.snapshot->channel(6);
    c.status = st;
    core::JournalEntry e;
    e.seq = seq;
    e.time = t;
    e.actor = "ana";
    e.action = "put";
    e.entity = "channel";
    e.entity_id = 6;
    e.after = core::entityToJson(c);
    journal->push_back(e);
  };
  put(1, 1000, core::ChannelStatus::Up);
  put(2, 2000, core::ChannelStatus::Down);
  f.ctx.journal = journal;
  auto statusOf6 = [&] {
    for (const auto& e : f.panel.model().edges)
      if (e.channel == 6) return e.status;
    FAIL("channel 6 not in the model");
    return core::ChannelStatus::Up;
  };
  f.frames(1);
  CHECK(statusOf6() == core::ChannelStatus::Down);
  f.ctx.view_time = 1500;  // what the timeline's scrubber sets
  f.frames(1);
  CHECK(statusOf6() == core::ChannelStatus::Up);
  CHECK(f.panel.overlay().path_edges.empty());  // no engine overlay over a past state
  f.ctx.view_time.reset();
  f.frames(1);
  CHECK(statusOf6() == core::ChannelStatus::Down);
}
