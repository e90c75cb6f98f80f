// The wall's text size from the room (app/wall/legibility.hpp), checked by hand:
//   pitch = diagonal * 25.4 / hypot(width, height) mm per pixel;
//   capital height for A arc-minutes at D metres = 2 * D * 1000 * tan(A / 2) mm;
//   font px = capital height / pitch / (1493 / 2384)   (DejaVu Sans, see the header).
#include <catch2/catch.hpp>

#include <imgui.h>

#include <filesystem>
#include <random>

#include "app/shell/fonts.hpp"
#include "app/shell/wall_runner.hpp"
#include "core/store/store.hpp"
#include "app/wall/legibility.hpp"
#include "headless_imgui.hpp"

using namespace liaison::app;

namespace {
void core_store_create(const std::filesystem::path& ws) {
  liaison::core::Store::create(ws);
}
}  // namespace

TEST_CASE("wall legibility: 6 m from a 65-inch 4K panel", "[wall][legibility]") {
  // 65 * 25.4 = 1651 mm over hypot(3840, 2160) = 4405.815 px: 0.37473 mm per pixel.
  const double pitch = wall::pixelPitchMm(65, 3840, 2160);
  CHECK(pitch == Approx(0.37473).epsilon(1e-4));
  // 16' at 6 m: 2 * 6000 * tan(8') = 27.925 mm; 20': 34.907 mm.
  CHECK(wall::arcMinutes(27.925, 6) == Approx(16.0).epsilon(1e-3));
  CHECK(wall::arcMinutes(34.907, 6) == Approx(20.0).epsilon(1e-3));
  // 27.925 mm / 0.37473 = 74.52 px of capital = 118.99 px of font; 20': 148.74 px.
  CHECK(wall::fontPxFor(16, pitch, 6) == Approx(118.99).epsilon(1e-3));
  CHECK(wall::fontPxFor(20, pitch, 6) == Approx(148.74).epsilon(1e-3));
  const auto s = wall::wallSizing({6, 65, false, false}, 3840, 2160);
  CHECK(s.min_px == 119);
  CHECK(s.body_px == 149);
  // Rounded up: never below the angle asked for.
  CHECK(wall::fontArcMinutes(s.min_px, pitch, 6) >= 16.0);
  CHECK(wall::fontArcMinutes(s.body_px, pitch, 6) >= 20.0);
  CHECK(wall::fontArcMinutes(118, pitch, 6) < 16.0);
}

TEST_CASE("wall legibility: 3 m and 8 m at 1080p and 2160p on the default 55-inch panel",
          "[wall][legibility]") {
  // 1397 mm over 2202.91 px = 0.63416 mm (1080p); half that at 2160p.
  CHECK(wall::pixelPitchMm(55, 1920, 1080) == Approx(0.63416).epsilon(1e-4));
  CHECK(wall::pixelPitchMm(55, 3840, 2160) == Approx(0.31708).epsilon(1e-4));
  struct Case {
    double distance;
    int w, h;
    float min_px, body_px;
  };
  // 3 m: 16' = 13.963 mm, 20' = 17.453 mm; 8 m: 37.234 mm and 46.542 mm.
  // 13.963 / 0.63416 / 0.62626 = 35.16 -> 36; 17.453 / ... = 43.95 -> 44 (1080p, 3 m)
  // 37.234 / 0.63416 / 0.62626 = 93.75 -> 94; 46.542 / ... = 117.19 -> 118 (1080p, 8 m)
  // 2160p: twice the pixels: 70.31 -> 71, 87.89 -> 88; 187.51 -> 188, 234.38 -> 235.
  const Case cases[] = {{3, 1920, 1080, 36, 44},
                        {8, 1920, 1080, 94, 118},
                        {3, 3840, 2160, 71, 88},
                        {8, 3840, 2160, 188, 235}};
  for (const auto& c : cases) {
    INFO(c.distance << " m, " << c.w << "x" << c.h);
    const auto s = wall::wallSizing({c.distance, 55, false, true}, c.w, c.h);
    CHECK(s.min_px == c.min_px);
    CHECK(s.body_px == c.body_px);
  }
}

TEST_CASE("wall legibility: the status line says what was assumed", "[wall][legibility]") {
  CHECK(wall::roomStatus({}) ==
        "Sized for 5 m from a 55-inch panel (assumed: set --viewing-distance and --diagonal)");
  CHECK(wall::roomStatus({6.5, 65, false, false}) == "Sized for 6.5 m from a 65-inch panel");
  CHECK(wall::roomStatus({6, 55, false, true}).find("diagonal assumed") != std::string::npos);
  CHECK(wall::parsePositive("6.5") == 6.5);
  CHECK(wall::parsePositive("") == 0);
  CHECK(wall::parsePositive("-3") == 0);
  CHECK(wall::parsePositive("6m") == 0);
  CHECK(wall::parsePositive("nan") == 0);
}

TEST_CASE("wall legibility: DejaVu Sans capitals are 0.626 of ImGui's font size",
          "[wall][legibility]") {
  test::HeadlessImGui imgui(1920, 1080);
  const Fonts f = loadFonts(100.0f, 1.5f);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  REQUIRE(f.regular);
  REQUIRE(f.regular != f.bold);  // DejaVu Sans (fonts-dejavu-core) is a dependency
  const ImFontGlyph* H = f.regular->FindGlyphNoFallback('H');
  REQUIRE(H);
  // The glyph box is the ink with up to a pixel of antialiasing at each edge.
  const float cap = H->Y1 - H->Y0;
  CHECK(cap == Approx(100.0 * wall::kCapHeightPerFontPx).margin(1.5));
}

TEST_CASE("wall legibility: the fonts for 8 m from a 55-inch 4K panel fit one GPU texture",
          "[wall][legibility]") {
  // 235 px body text, 352 px headline: the atlas must stay within 8192 x 8192 (every GL 3 GPU
  // and Mesa's software rasteriser take that much).
  test::HeadlessImGui imgui(3840, 2160);
  const auto s = wall::wallSizing({8, 55, false, false}, 3840, 2160);
  loadFonts(s.body_px, 1.5f);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  INFO(w << " x " << h);
  CHECK(w <= 8192);
  CHECK(h <= 8192);
}

TEST_CASE("wall legibility: the room comes from the options, else the workspace, else 5 m 55 in",
          "[wall][legibility]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("liaison-wall-roomset-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const fs::path ws = dir / "room.liaison";
  core_store_create(ws);
  WallRunOptions o;
  o.workspace = ws;
  {
    auto store = liaison::core::Store::open(ws, liaison::core::OpenMode::ReadOnly);
    const wall::Room r = wallRoom(o, *store);
    CHECK(r.distance_m == 5);
    CHECK(r.diagonal_in == 55);
    CHECK(r.assumed_distance);
    CHECK(r.assumed_diagonal);
  }
  // --save-room writes the settings every wall PC of the incident reads.
  o.viewing_distance_m = 6.5;
  o.diagonal_in = 65;
  REQUIRE(saveWallRoom(o) == 0);
  WallRunOptions plain;
  plain.workspace = ws;
  {
    auto store = liaison::core::Store::open(ws, liaison::core::OpenMode::ReadOnly);
    CHECK(store->setting(wall::kDistanceSetting) == "6.5");
    const wall::Room r = wallRoom(plain, *store);
    CHECK(r.distance_m == 6.5);
    CHECK(r.diagonal_in == 65);
    CHECK_FALSE(r.assumed_distance);
    // An option overrides the setting.
    plain.viewing_distance_m = 3;
    CHECK(wallRoom(plain, *store).distance_m == 3);
    CHECK(wallRoom(plain, *store).diagonal_in == 65);
  }
  // Nothing to save: refused, nothing written.
  WallRunOptions none;
  none.workspace = ws;
  CHECK(saveWallRoom(none) == 1);
  fs::remove_all(dir);
}
