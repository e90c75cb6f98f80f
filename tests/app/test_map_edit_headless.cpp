// The map view's interaction in real headless frames: clicks select features and agencies
// (shared through ctx.selection), "Add point", "Draw zone" and dragging a selected point each
// emit exactly one journaled put that core's rules accept, and nothing is emitted on a
// read-only station, on the wall or with the timeline's scrubber in the past (where the map
// shows the state then). Also the pure rules of map_edit.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "app/panels/map_edit.hpp"
#include "app/panels/map_view.hpp"
#include "app/shell/app_context.hpp"
#include "core/model/entity_json.hpp"
#include "core/model/enums.hpp"
#include "core/model/validate_entity.hpp"
#include "headless_imgui.hpp"
#include "outbox_testing.hpp"

using namespace liaison;

namespace {

constexpr int kEnter = 257, kEscape = 256;  // GLFW key codes, as the app maps them

core::MapFeature point(core::Id id, core::FeatureKind kind, core::LonLat at, std::string label) {
  core::MapFeature f;
  f.id = id;
  f.kind = kind;
  f.geometry = core::GeometryKind::Point;
  f.layer = "operations";
  f.label = std::move(label);
  f.rings = {{at}};
  return f;
}

std::shared_ptr<core::Snapshot> places() {
  auto s = std::make_shared<core::Snapshot>();
  s->version = 1;
  auto shelter = point(1, core::FeatureKind::Shelter, {-77.16, 41.30}, "Shelter North");
  shelter.properties_json = R"({"capacity":120,"operator":"Red Cross"})";
  s->features.push_back(shelter);
  s->features.push_back(point(2, core::FeatureKind::CommandPost, {-77.10, 41.33}, "ICP"));
  core::MapFeature zone;
  zone.id = 3;
  zone.kind = core::FeatureKind::Zone;
  zone.geometry = core::GeometryKind::Polygon;
  zone.layer = "operations";
  zone.label = "Hot zone";
  zone.rings = {
      {{-77.20, 41.26}, {-77.17, 41.26}, {-77.17, 41.28}, {-77.20, 41.28}, {-77.20, 41.26}}};
  s->features.push_back(zone);
  core::Agency fire;
  fire.id = 10;
  fire.code = "RFD";
  fire.name = "River City Fire";
  fire.type = core::AgencyType::Fire;
  fire.position = core::LonLat{-77.13, 41.29};
  s->agencies.push_back(fire);
  core::Agency ngo;  // no position: not on the map
  ngo.id = 11;
  ngo.code = "ARC";
  ngo.name = "Red Cross";
  s->agencies.push_back(ngo);
  core::Representative chief;
  chief.id = 100;
  chief.agency = 10;
  chief.name = "Dana Whitfield";
  s->representatives.push_back(chief);
  return s;
}

struct Fixture {
  app::test::HeadlessImGui imgui{1200, 800};
  app::AppContext ctx;
  app::MapView map;
  Fixture() {
    ctx.snapshot = places();
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Escape] = kEscape;
    io.MousePos = ImVec2(5, 790);
    frame();
    frame();
  }
  void draw() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Map", nullptr, ImGuiWindowFlags_NoDecoration);
    map.drawContent(ctx);
    ImGui::End();
  }
  std::function<void()> drawer() {
    return [this] { draw(); };
  }
  void frame() { imgui.frame(drawer()); }
  void clickAt(app::MapScreenPoint p) { imgui.click(p.x, p.y, drawer()); }
  void clickAt(core::LonLat ll) { clickAt(map.screenOf(ll)); }
  void clickButton(const app::ScreenRect& r) { imgui.click(r.cx(), r.cy(), drawer()); }
  void hover(core::LonLat ll) {
    const auto p = map.screenOf(ll);
    ImGui::GetIO().MousePos = ImVec2(p.x, p.y);
    frame();
  }
  // Press on `from`, move to `to` in steps with the button down, release there.
  void drag(app::MapScreenPoint from, app::MapScreenPoint to) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(from.x, from.y);
    io.MouseDown[0] = true;
    frame();
    for (int i = 1; i <= 5; ++i) {
      io.MousePos =
          ImVec2(from.x + (to.x - from.x) * i / 5.0f, from.y + (to.y - from.y) * i / 5.0f);
      frame();
    }
    io.MouseDown[0] = false;
    frame();
  }
  void type(const std::string& text) { imgui.type(text, drawer()); }
  void key(int k) { imgui.pressKey(k, drawer()); }
  // The one command the frames put into the outbox: a put of a map feature (a copy).
  core::MapFeature onlyPut() {
    REQUIRE(ctx.outbox.size() == 1);
    REQUIRE(ctx.outbox.allCommands().size() == 1);
    const std::vector<core::Command> emitted = ctx.outbox.allCommands();
    const auto& put = std::get<core::PutEntity>(emitted[0].op);
    REQUIRE(std::holds_alternative<core::MapFeature>(put.value));
    return std::get<core::MapFeature>(put.value);
  }
  void requireValid(const core::MapFeature& f) {
    const auto problems =
        core::entityProblems(core::SnapshotLookup(*ctx.snapshot), core::Entity{f});
    for (const auto& p : problems) INFO(p.text());
    CHECK(problems.empty());
  }
};

}  // namespace

TEST_CASE("Map edit: a click selects a feature or an agency; a selection from elsewhere shows",
          "[map_edit]") {
  Fixture f;
  f.clickAt(core::LonLat{-77.16, 41.30});
  CHECK(f.ctx.selection == app::Selection{core::EntityKind::MapFeature, 1});
  CHECK(f.map.selectionShown());
  f.clickAt(core::LonLat{-77.13, 41.29});
  CHECK(f.ctx.selection == app::Selection{core::EntityKind::Agency, 10});
  // Inside the zone, away from its edges.
  f.clickAt(core::LonLat{-77.185, 41.27});
  CHECK(f.ctx.selection == app::Selection{core::EntityKind::MapFeature, 3});
  // Empty map: the map's own selection is cleared...
  f.clickAt(core::LonLat{-77.11, 41.27});
  CHECK(f.ctx.selection.empty());
  // ...but not one made in another panel (a need).
  f.ctx.selection = {core::EntityKind::Need, 5};
  f.clickAt(core::LonLat{-77.11, 41.27});
  CHECK(f.ctx.selection == app::Selection{core::EntityKind::Need, 5});
  // Selected elsewhere (the directory, the network view): highlighted here when on the map.
  f.ctx.selection = {core::EntityKind::Agency, 10};
  f.frame();
  CHECK(f.map.selectionShown());
  f.ctx.selection = {core::EntityKind::Agency, 11};  // no position
  f.frame();
  CHECK_FALSE(f.map.selectionShown());
  f.ctx.selection = {core::EntityKind::MapFeature, 2};
  f.frame();
  CHECK(f.map.selectionShown());
  f.ctx.selection = {core::EntityKind::Representative, 100};  // a person: their agency
  f.frame();
  CHECK(f.map.selectionShown());
  f.ctx.selection = {core::EntityKind::Need, 5};
  f.frame();
  CHECK_FALSE(f.map.selectionShown());
  CHECK(f.ctx.outbox.allCommands().empty());  // selecting changes no data
}

TEST_CASE("Map edit: hovering names what is under the cursor", "[map_edit]") {
  Fixture f;
  f.hover({-77.16, 41.30});
  CHECK(f.map.hoveredId() == 1);
  f.hover({-77.13, 41.29});
  CHECK(f.map.hoveredId() == 10);
  f.hover({-77.11, 41.27});
  CHECK(f.map.hoveredId() == 0);
}

TEST_CASE("Map edit: the tooltip's property lines", "[map_edit]") {
  CHECK(app::propertyLines(R"({"capacity":120,"operator":"Red Cross","open":true})", 12) ==
        std::vector<std::string>{"capacity: 120", "open: true", "operator: Red Cross"});
  CHECK(app::propertyLines("{}", 12).empty());
  CHECK(app::propertyLines("[1,2]", 12).empty());
  CHECK(app::propertyLines("not json", 12).empty());
  std::string many = "{";
  for (int i = 0; i < 20; ++i)
    many += (i ? "," : "") + ("\"k" + std::to_string(10 + i) + "\":" + std::to_string(i));
  many += "}";
  const auto lines = app::propertyLines(many, 12);
  REQUIRE(lines.size() == 12);
  CHECK(lines.front() == "k10: 0");
  CHECK(lines.back() == "... 9 more");
}

TEST_CASE("Map edit: Add point and a click emit one point where it was clicked", "[map_edit]") {
  Fixture f;
  f.clickButton(f.map.addPointButton());
  CHECK(f.map.tool() == app::MapView::Tool::AddPoint);
  const core::LonLat at{-77.145, 41.315};
  f.clickAt(at);
  CHECK(f.map.labelPending());
  CHECK(f.ctx.outbox.allCommands().empty());  // not before it has a label
  f.frame();
  f.type("Water point");
  f.key(kEnter);
  const core::MapFeature& p = f.onlyPut();
  CHECK(p.id == 0);  // the store allocates
  CHECK(p.geometry == core::GeometryKind::Point);
  CHECK(p.kind == app::pointKindChoices()[2].kind);  // the combo's default
  CHECK(p.label == "Water point");
  CHECK(p.layer == "workspace");
  REQUIRE(p.rings.size() == 1);
  REQUIRE(p.rings[0].size() == 1);
  CHECK(p.rings[0][0].lon == Approx(at.lon).margin(1e-4));
  CHECK(p.rings[0][0].lat == Approx(at.lat).margin(1e-4));
  f.requireValid(p);
  CHECK_FALSE(f.map.labelPending());
  CHECK(f.map.tool() == app::MapView::Tool::Select);
}

TEST_CASE("Map edit: Draw zone, three clicks and Enter emit one closed zone", "[map_edit]") {
  Fixture f;
  f.clickButton(f.map.drawZoneButton());
  CHECK(f.map.tool() == app::MapView::Tool::DrawZone);
  const core::LonLat a{-77.15, 41.27}, b{-77.12, 41.27}, c{-77.13, 41.30};
  f.clickAt(a);
  f.clickAt(b);
  f.key(kEnter);  // two corners are not a zone yet
  CHECK_FALSE(f.map.labelPending());
  CHECK(f.map.tool() == app::MapView::Tool::DrawZone);
  f.clickAt(c);
  f.key(kEnter);
  REQUIRE(f.map.labelPending());
  f.frame();
  f.type("Cordon");
  f.key(kEnter);
  const core::MapFeature& z = f.onlyPut();
  CHECK(z.id == 0);
  CHECK(z.geometry == core::GeometryKind::Polygon);
  CHECK(z.kind == core::FeatureKind::Zone);
  CHECK(z.label == "Cordon");
  REQUIRE(z.rings.size() == 1);
  const auto& ring = z.rings[0];
  REQUIRE(ring.size() == 4);
  CHECK(ring.front() == ring.back());
  const core::LonLat want[] = {a, b, c};
  for (int i = 0; i < 3; ++i) {
    CHECK(ring[static_cast<std::size_t>(i)].lon == Approx(want[i].lon).margin(1e-4));
    CHECK(ring[static_cast<std::size_t>(i)].lat == Approx(want[i].lat).margin(1e-4));
  }
  f.requireValid(z);
}

TEST_CASE("Map edit: a double-click on the last corner closes the zone", "[map_edit]") {
  Fixture f;
  f.clickButton(f.map.drawZoneButton());
  f.clickAt(core::LonLat{-77.15, 41.27});
  f.clickAt(core::LonLat{-77.12, 41.27});
  const core::LonLat last{-77.13, 41.30};
  f.clickAt(last);
  f.clickAt(last);  // the second click of a double-click (within ImGui's double-click time)
  REQUIRE(f.map.labelPending());
  CHECK(f.map.tool() == app::MapView::Tool::Select);
  f.frame();
  f.type("Cordon");
  f.key(kEnter);
  const core::MapFeature& z = f.onlyPut();
  REQUIRE(z.rings.size() == 1);
  CHECK(z.rings[0].size() == 4);  // the corner clicked twice is there once
  CHECK(z.rings[0].front() == z.rings[0].back());
  f.requireValid(z);
}

TEST_CASE("Map edit: Esc cancels a zone being drawn", "[map_edit]") {
  Fixture f;
  f.clickButton(f.map.drawZoneButton());
  f.clickAt(core::LonLat{-77.15, 41.27});
  f.clickAt(core::LonLat{-77.12, 41.27});
  f.clickAt(core::LonLat{-77.13, 41.30});
  f.key(kEscape);
  CHECK(f.map.tool() == app::MapView::Tool::Select);
  f.key(kEnter);
  CHECK_FALSE(f.map.labelPending());
  CHECK(f.ctx.outbox.allCommands().empty());
}

TEST_CASE("Map edit: dragging the selected point emits one put with where it was dropped",
          "[map_edit]") {
  Fixture f;
  f.clickAt(core::LonLat{-77.16, 41.30});
  REQUIRE(f.ctx.selection == app::Selection{core::EntityKind::MapFeature, 1});
  const double centreX = f.map.viewport().centre.x;
  const app::MapScreenPoint from = f.map.screenOf({-77.16, 41.30});
  const app::MapScreenPoint to{from.x + 120, from.y + 40};
  const core::LonLat want = core::tiles::toLonLat(f.map.worldAt(to.x, to.y));
  f.drag(from, to);
  CHECK(f.map.viewport().centre.x == centreX);  // the map did not pan
  const core::MapFeature moved = f.onlyPut();
  CHECK(moved.id == 1);
  CHECK(moved.kind == core::FeatureKind::Shelter);
  CHECK(moved.label == "Shelter North");
  CHECK(moved.properties_json == R"({"capacity":120,"operator":"Red Cross"})");
  REQUIRE(moved.rings.size() == 1);
  REQUIRE(moved.rings[0].size() == 1);
  CHECK(moved.rings[0][0].lon == Approx(want.lon).margin(1e-5));
  CHECK(moved.rings[0][0].lat == Approx(want.lat).margin(1e-5));
  f.requireValid(moved);

  // A point that is not selected is not moved: the drag pans the map.
  f.ctx.outbox.clear();
  const app::MapScreenPoint icp = f.map.screenOf({-77.10, 41.33});
  f.drag(icp, {icp.x - 100, icp.y});
  CHECK(f.ctx.outbox.allCommands().empty());
  CHECK(f.map.viewport().centre.x != centreX);
}

namespace {

// Tries every edit: Add point + click + label, a zone, dragging the selected point.
void tryEverything(Fixture& f) {
  f.clickButton(f.map.addPointButton());
  f.clickAt(core::LonLat{-77.145, 41.315});
  f.type("X");
  f.key(kEnter);
  f.clickButton(f.map.drawZoneButton());
  f.clickAt(core::LonLat{-77.15, 41.27});
  f.clickAt(core::LonLat{-77.12, 41.27});
  f.clickAt(core::LonLat{-77.13, 41.30});
  f.key(kEnter);
  f.type("Y");
  f.key(kEnter);
  f.ctx.selection = {core::EntityKind::MapFeature, 1};
  const app::MapScreenPoint from = f.map.screenOf({-77.16, 41.30});
  f.drag(from, {from.x + 120, from.y + 40});
}

}  // namespace

TEST_CASE("Map edit: nothing is emitted on a read-only station, on the wall or in the past",
          "[map_edit]") {
  Fixture f;
  SECTION("read-only") {
    f.ctx.read_only = true;
    f.frame();
    tryEverything(f);
  }
  SECTION("wall") {
    f.ctx.theme = app::ThemeKind::Wall;
    f.frame();
    CHECK(f.map.addPointButton().x1 == 0);  // no toolbar on the wall
    tryEverything(f);
  }
  SECTION("past") {
    f.ctx.journal = std::make_shared<std::vector<core::JournalEntry>>();
    f.ctx.view_time = 1500;
    f.frame();
    tryEverything(f);
  }
  CHECK(f.ctx.outbox.allCommands().empty());
  CHECK_FALSE(f.map.labelPending());
  CHECK(f.map.tool() == app::MapView::Tool::Select);
}

TEST_CASE("Map edit: with the scrubber in the past the map shows the features as they were",
          "[map_edit]") {
  Fixture f;
  // Live: the shelter was moved at t=2000 and a staging area added at t=3000.
  auto live = places();
  live->version = 2;
  const core::LonLat before{-77.16, 41.30}, after{-77.15, 41.32}, staging{-77.11, 41.31};
  live->features[0].rings = {{after}};
  live->features.push_back(point(4, core::FeatureKind::StagingArea, staging, "Staging"));
  f.ctx.snapshot = live;
  auto journal = std::make_shared<std::vector<core::JournalEntry>>();
  auto put = [&](std::int64_t seq, core::TimeUtc t, const core::MapFeature* was,
                 const core::MapFeature& now) {
    core::JournalEntry e;
    e.seq = seq;
    e.time = t;
    e.actor = "ana";
    e.action = "put";
    e.entity = std::string(core::toString(core::EntityKind::MapFeature));
    e.entity_id = now.id;
    e.before = was ? core::entityToJson(*was) : "";
    e.after = core::entityToJson(now);
    journal->push_back(e);
  };
  core::MapFeature first = places()->features[0];
  put(1, 1000, nullptr, first);
  put(2, 2000, &first, live->features[0]);
  put(3, 3000, nullptr, live->features.back());
  f.ctx.journal = journal;
  f.frame();
  f.hover(after);
  CHECK(f.map.hoveredId() == 1);
  f.hover(staging);
  CHECK(f.map.hoveredId() == 4);

  f.ctx.view_time = 1500;
  f.frame();
  f.hover(before);
  CHECK(f.map.hoveredId() == 1);  // where it was then
  f.hover(after);
  CHECK(f.map.hoveredId() != 1);
  f.hover(staging);
  CHECK(f.map.hoveredId() == 0);  // not there yet
  f.ctx.view_time.reset();
  f.frame();
  f.hover(staging);
  CHECK(f.map.hoveredId() == 4);
}

TEST_CASE("Map edit: new features follow core's rules", "[map_edit]") {
  const auto p = app::newPointFeature({-437.5, 41.123456789}, core::FeatureKind::Shelter, "S", 0);
  CHECK(p.rings[0][0].lon == Approx(-77.5));  // wrapped into [-180, 180)
  CHECK(p.rings[0][0].lat == Approx(41.1234568).margin(1e-9));
  // A double-click repeats its corner; the ring drops the repeat and closes.
  const std::vector<core::LonLat> corners{{0, 0}, {1, 0}, {1, 1}, {1, 1}};
  CHECK(app::distinctVertices(corners) == 3);
  const auto z = app::newZoneFeature(corners, "Z", 0);
  REQUIRE(z.rings.size() == 1);
  CHECK(z.rings[0].size() == 4);
  CHECK(z.rings[0].front() == z.rings[0].back());
  core::Snapshot empty;
  CHECK(core::entityProblems(core::SnapshotLookup(empty), core::Entity{z}).empty());
  CHECK(core::entityProblems(core::SnapshotLookup(empty), core::Entity{p}).empty());
}

TEST_CASE("Map: right-click on a zone asks what fails if everything inside it does",
          "[map_edit][whatif]") {
  Fixture f;
  f.ctx.read_only = true;  // a what-if writes nothing: a read-only station may ask it too
  const auto p = f.map.screenOf(core::LonLat{-77.185, 41.27});  // inside the hot zone
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(p.x, p.y);
  io.MouseDown[1] = true;
  f.frame();
  io.MouseDown[1] = false;
  f.frame();
  const app::ScreenRect item = f.map.zoneWhatIfRect();
  REQUIRE(item.x1 > item.x0);
  f.clickButton(item);
  const auto changes = app::test::whatIfChanges(f.ctx);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].op == app::WhatIfChange::Op::MarkDown);
  CHECK(changes[0].kind == core::EntityKind::MapFeature);
  CHECK(changes[0].ids == std::vector<core::Id>{3});
  CHECK(f.ctx.outbox.allCommands().empty());
  app::test::applyViewRequests(f.ctx);
  CHECK(f.ctx.whatif_down_zones == std::set<core::Id>{3});
  CHECK(f.ctx.whatifFailures().zones == std::vector<core::Id>{3});
  CHECK_FALSE(f.ctx.whatifEmpty());

  // Right-click on open ground: no menu; on a point feature: no menu either (not a zone).
  f.frame();
  const auto ground = f.map.screenOf(core::LonLat{-77.11, 41.27});
  io.MousePos = ImVec2(ground.x, ground.y);
  io.MouseDown[1] = true;
  f.frame();
  io.MouseDown[1] = false;
  f.frame();
  CHECK(f.map.zoneWhatIfRect().x1 == f.map.zoneWhatIfRect().x0);

  // The same menu restores it.
  io.MousePos = ImVec2(p.x, p.y);
  io.MouseDown[1] = true;
  f.frame();
  io.MouseDown[1] = false;
  f.frame();
  f.clickButton(f.map.zoneWhatIfRect());
  app::test::applyViewRequests(f.ctx);
  CHECK(f.ctx.whatif_down_zones.empty());
}
