// The wall read from the back of the room, on the demo: every layout at 1920x1080 and
// 3840x2160, each at 3 m and 8 m from a 55-inch panel (and 6 m from a 65-inch 4K panel, the
// issue's acceptance case). Every glyph of every frame is read back from the draw lists (as the
// sensitive-value test does) and none may subtend less than 16 arc-minutes; the network pane's
// labels never overlap and are never cut by the pane's edge; every agency of a broken or
// single-path need is labelled, or numbered with a legend line (at 8 m from a 55-inch panel,
// where a pane holds a line or two, counted in the legend's "+N more" when there is no room).
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <set>

#include "app/panels/map_view.hpp"
#include "app/panels/network_view.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/frame_loop.hpp"
#include "app/shell/panel_registry.hpp"
#include "app/shell/theme.hpp"
#include "app/shell/wall_layout.hpp"
#include "app/wall/importance.hpp"
#include "app/wall/legibility.hpp"
#include "core/analysis/analysis.hpp"
#include "core/formats/scenario.hpp"
#include "core/store/store.hpp"
#include "headless_imgui.hpp"
#include "wall_text_scan.hpp"

using namespace liaison;
namespace fs = std::filesystem;

namespace {

core::SnapshotPtr demo() {
  const fs::path dir =
      fs::temp_directory_path() / ("liaison-wall-room-" + std::to_string(std::random_device{}()));
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

// Fonts for the room, as the wall's frame loop builds them.
void roomFonts(app::AppContext& ctx, float w, float h) {
  const float px = app::lookPixels(ctx, w, h);
  ctx.fonts = app::loadFonts(px, app::themeData(ctx.theme).large_factor);
  unsigned char* pixels = nullptr;
  int tw = 0, th = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
  ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  app::applyTheme(app::themeData(ctx.theme), px);
}

struct ViewBox {
  float x0, y0, x1, y1;
};

struct RoomCase {
  int w, h;
  double distance, diagonal;
};

}  // namespace

TEST_CASE("the wall's text is at least 16 arc-minutes and its labels never collide",
          "[wall][legibility][labels]") {
  const core::SnapshotPtr snapshot = demo();
  const auto analysis = std::make_shared<core::AnalysisResult>(core::analyze(*snapshot));
  const auto importance = app::wall::agencyImportance(analysis.get());
  std::set<core::Id> essential;
  for (const auto& [agency, imp] : importance)
    if (imp.essential()) essential.insert(agency);
  REQUIRE(!essential.empty());

  const RoomCase cases[] = {{1920, 1080, 3, 55}, {1920, 1080, 8, 55}, {3840, 2160, 3, 55},
                            {3840, 2160, 8, 55}, {3840, 2160, 6, 65}};
  for (const RoomCase& rc : cases) {
    INFO(rc.w << "x" << rc.h << " at " << rc.distance << " m, " << rc.diagonal << " in");
    app::test::HeadlessImGui imgui(static_cast<float>(rc.w), static_cast<float>(rc.h));
    app::AppContext ctx;
    ctx.theme = app::ThemeKind::Wall;
    ctx.read_only = true;
    ctx.wall_room = app::wall::Room{rc.distance, rc.diagonal, false, false};
    ctx.snapshot = snapshot;
    ctx.analysis = analysis;
    roomFonts(ctx, static_cast<float>(rc.w), static_cast<float>(rc.h));
    const double pitch = app::wall::pixelPitchMm(rc.diagonal, rc.w, rc.h);
    app::test::DrawnText text;
    const auto panels = app::PanelRegistry::makeDefault();
    auto* network = panels.find<app::NetworkView>();
    REQUIRE(network);
    auto* map = panels.find<app::MapView>();
    REQUIRE(map);

    for (auto layout :
         {app::WallLayoutKind::Quad, app::WallLayoutKind::Focus, app::WallLayoutKind::Rotate}) {
      INFO(app::wallLayoutName(layout));
      app::WallLayout wall(layout, 1000);
      const auto frame = [&] { wall.drawFrame(ctx, panels, ImGui::GetTime()); };
      for (int pane = 0; pane < 4; ++pane) {
        INFO("pane " << pane + 1);
        imgui.pressKey('1' + pane, frame);
        imgui.frame(frame);
        if (pane == 0) {
          network->waitLayout(30);
          imgui.frame(frame);
        }
        imgui.frame(frame);
        // Every glyph: capitals of at least 16 arc-minutes.
        const auto glyphs = text.glyphs();
        REQUIRE(!glyphs.empty());
        double smallest = 1e9;
        for (const auto& g : glyphs)
          smallest = std::min(smallest, app::wall::fontArcMinutes(g.font_px, pitch, rc.distance));
        CHECK(smallest >= app::wall::kMinArcMinutes - 0.01);

        // The map's labels (places and agencies): never overlapping, inside the wall.
        const bool mapShown = wall.drawnLayout() == app::WallLayoutKind::Quad || pane == 1;
        if (mapShown) {
          const auto& m = map->wallLabels();
          for (std::size_t i = 0; i < m.size(); ++i) {
            INFO("map label " << m[i].text);
            CHECK(m[i].box.x0 >= 0);
            CHECK(m[i].box.y0 >= 0);
            CHECK(m[i].box.x1 <= static_cast<float>(rc.w));
            CHECK(m[i].box.y1 <= static_cast<float>(rc.h));
            for (std::size_t j = i + 1; j < m.size(); ++j) CHECK_FALSE(m[i].box.overlaps(m[j].box));
          }
          // Essential agencies on the map (those with a position): named, or counted in the
          // legend's "+N more" (the map pane holds few lines at the wall's size).
          std::set<core::Id> onMap;
          int mapMore = 0;
          for (const auto& l : m) {
            if (l.agency && (l.number == 0 || l.legend)) onMap.insert(l.agency);
            if (l.legend && l.number < 0) mapMore = -l.number;
          }
          int mapMissing = 0;
          for (core::Id agency : essential)
            if (const core::Agency* a = snapshot->agency(agency); a && a->position)
              mapMissing += onMap.count(agency) == 0;
          CHECK(mapMissing <= mapMore);
        }
        const bool networkShown = wall.drawnLayout() == app::WallLayoutKind::Quad || pane == 0;
        // A quad is drawn as focus only where it cannot hold a few lines (8 m, 55 in, 1080p).
        if (layout == app::WallLayoutKind::Quad && rc.distance <= 6)
          CHECK(wall.drawnLayout() == app::WallLayoutKind::Quad);
        if (!networkShown) continue;
        const auto& labels = network->wallLabels();
        REQUIRE(!labels.empty());
        const ViewBox v{network->view().origin.x, network->view().origin.y,
                        network->view().origin.x + network->view().size.x,
                        network->view().origin.y + network->view().size.y};
        std::set<core::Id> named;
        for (std::size_t i = 0; i < labels.size(); ++i) {
          const auto& a = labels[i].box;
          INFO("label " << labels[i].text);
          CHECK(a.x0 >= v.x0);
          CHECK(a.y0 >= v.y0);
          CHECK(a.x1 <= v.x1 + 0.01f);
          CHECK(a.y1 <= v.y1 + 0.01f);
          for (std::size_t j = i + 1; j < labels.size(); ++j) CHECK_FALSE(a.overlaps(labels[j].box));
          // A marker alone does not name its agency: its legend line does.
          if (labels[i].agency && (labels[i].number == 0 || labels[i].legend))
            named.insert(labels[i].agency);
        }
        // Where the acceptance asks it (6 m from a 65-inch 4K panel) and at 3 m, every
        // agency of a broken or single-path need is named. At 8 m from a 55-inch panel the
        // text is so large that a pane holds a line or two: those not named are counted in the
        // legend's "+N more", never dropped silently.
        int more = 0;
        for (const auto& l : labels)
          if (l.legend && l.number < 0) more = -l.number;
        int missing = 0;
        for (core::Id agency : essential) {
          INFO("agency " << snapshot->agency(agency)->code);
          if (rc.distance <= 6) CHECK(named.count(agency) == 1);
          missing += named.count(agency) == 0;
        }
        CHECK(missing <= more);
      }
    }
  }
}
