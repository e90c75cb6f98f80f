// Web Mercator tile maths: round trips, the TMS row flip, the latitude limit, tiles of a view,
// UV sub-rectangles of ancestors, scale-bar lengths and coordinate text.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/geo/tile_math.hpp"

using namespace liaison::core;
using namespace liaison::core::tiles;

TEST_CASE("lon/lat to world and back is the identity within the latitude limit", "[tiles]") {
  for (double lon : {-180.0, -77.157095, 0.0, 8.5417, 179.999})
    for (double lat : {-85.0, -41.3, 0.0, 41.303952, 60.0, 85.0}) {
      const World w = toWorld({lon, lat});
      CHECK(w.x >= 0.0);
      CHECK(w.x <= 1.0);
      CHECK(w.y >= 0.0);
      CHECK(w.y <= 1.0);
      const LonLat back = toLonLat(w);
      CHECK(back.lon == Approx(lon).margin(1e-9));
      CHECK(back.lat == Approx(lat).margin(1e-9));
    }
  // Fixed points: the world's centre and corners.
  CHECK(toWorld({0, 0}).x == Approx(0.5));
  CHECK(toWorld({0, 0}).y == Approx(0.5));
  CHECK(toWorld({-180, kMaxLatitude}).y == Approx(0.0).margin(1e-12));
  CHECK(toWorld({180, -kMaxLatitude}).y == Approx(1.0));
  CHECK(toWorld({180, 0}).x == Approx(1.0));
}

TEST_CASE("latitudes beyond 85.0511 degrees are clamped to the square world", "[tiles]") {
  CHECK(kMaxLatitude == Approx(85.0511).margin(1e-4));
  CHECK(toWorld({0, 89.9}).y == Approx(0.0).margin(1e-12));
  CHECK(toWorld({0, 90}).y == Approx(0.0).margin(1e-12));
  CHECK(toWorld({0, -90}).y == Approx(1.0));
  CHECK(toLonLat(toWorld({10, 88})).lat == Approx(kMaxLatitude));
  CHECK(toLonLat({0.5, 0.0}).lat == Approx(kMaxLatitude));
  CHECK(toLonLat({0.5, 1.0}).lat == Approx(-kMaxLatitude));
}

TEST_CASE("TMS rows count from the south and the flip is its own inverse", "[tiles]") {
  CHECK(flipRow(0, 0) == 0);
  CHECK(flipRow(1, 0) == 1);
  CHECK(flipRow(1, 1) == 0);
  CHECK(flipRow(2, 0) == 3);
  CHECK(flipRow(3, 2) == 5);
  for (int z = 0; z <= 12; ++z)
    for (int y : {0, 1, (1 << z) / 2, (1 << z) - 1})
      if (y < (1 << z)) CHECK(flipRow(z, flipRow(z, y)) == y);
  // The northernmost XYZ row is the last TMS row.
  const TileId north = tileAt(toWorld({0, 84}), 4);
  CHECK(north.y == 0);
  CHECK(flipRow(4, north.y) == 15);
}

TEST_CASE("tile of a point, its corners and its ancestors", "[tiles]") {
  // The demo's incident site in Pennsylvania at zoom 13: x 2340, y 3062 (checked with the
  // OSM slippy-map formula).
  const LonLat site{-77.157095, 41.303952};
  const TileId t = tileAt(toWorld(site), 13);
  CHECK(t == TileId{13, 2340, 3062});
  const World a = tileOrigin(t), b = tileEnd(t);
  const World w = toWorld(site);
  CHECK(a.x <= w.x);
  CHECK(w.x < b.x);
  CHECK(a.y <= w.y);
  CHECK(w.y < b.y);
  CHECK(ancestor(t, 1) == TileId{12, 1170, 1531});
  CHECK(ancestor(t, 13) == TileId{0, 0, 0});
  CHECK(ancestor(t, 20) == TileId{0, 0, 0});
  CHECK(ancestor(t, 0) == t);
  // Points on the edge of the world stay inside it.
  CHECK(tileAt({1.0, 1.0}, 3) == TileId{3, 7, 7});
  CHECK(tileAt({-0.2, 1.5}, 2) == TileId{2, 0, 3});
  CHECK(valid({2, 3, 3}));
  CHECK_FALSE(valid({2, 4, 0}));
  CHECK_FALSE(valid({-1, 0, 0}));
}

TEST_CASE("an ancestor's UV sub-rectangle covers exactly the child's area", "[tiles]") {
  CHECK(subRect({1, 0, 0}, {0, 0, 0}) == UvRect{0, 0, 0.5f, 0.5f});
  CHECK(subRect({1, 1, 0}, {0, 0, 0}) == UvRect{0.5f, 0, 1, 0.5f});
  CHECK(subRect({1, 0, 1}, {0, 0, 0}) == UvRect{0, 0.5f, 0.5f, 1});
  CHECK(subRect({3, 5, 6}, {1, 1, 1}) == UvRect{0.25f, 0.5f, 0.5f, 0.75f});
  CHECK(subRect({2, 1, 1}, {2, 1, 1}) == UvRect{});
  // The sub-rectangle maps the child's corners onto the same world points.
  const TileId c{5, 13, 22}, p = ancestor(c, 3);
  const UvRect uv = subRect(c, p);
  const World po = tileOrigin(p), pe = tileEnd(p), co = tileOrigin(c), ce = tileEnd(c);
  CHECK(po.x + uv.u0 * (pe.x - po.x) == Approx(co.x));
  CHECK(po.y + uv.v0 * (pe.y - po.y) == Approx(co.y));
  CHECK(po.x + uv.u1 * (pe.x - po.x) == Approx(ce.x));
  CHECK(po.y + uv.v1 * (pe.y - po.y) == Approx(ce.y));
}

TEST_CASE("viewport: world to screen and back, visible tiles nearest the centre first",
          "[tiles]") {
  Viewport v;
  v.centre = {0.5, 0.5};
  v.zoom = 1;
  v.width = 512;
  v.height = 512;
  CHECK(v.pixelsPerWorld() == Approx(512));
  double sx = 0, sy = 0;
  v.toScreen({0.25, 0.75}, sx, sy);
  CHECK(sx == Approx(128));
  CHECK(sy == Approx(384));
  const World back = v.toWorld(sx, sy);
  CHECK(back.x == Approx(0.25));
  CHECK(back.y == Approx(0.75));
  CHECK(visibleTiles(v, 1).size() == 4);
  // Zoom 2 over the same view needs all 16, and a view wider than the world no more.
  CHECK(visibleTiles(v, 2).size() == 16);
  v.width = 4000;
  CHECK(visibleTiles(v, 1).size() == 4);
  // A small view off-centre: the tile under the centre comes first.
  v = Viewport{};
  v.centre = toWorld({-77.157095, 41.303952});
  v.zoom = 13.4;
  v.width = 1280;
  v.height = 720;
  const auto t = visibleTiles(v, 13);
  REQUIRE_FALSE(t.empty());
  CHECK(t.front() == tileAt(v.centre, 13));
  CHECK(t.size() <= 20);  // tiles of 256 * 2^0.4 = 338 px: at most 5 columns, 4 rows
  CHECK(visibleTiles(v, 20, 1024).empty());  // too many: none
  // Off the world: none.
  v.centre = {3, 3};
  CHECK(visibleTiles(v, 13).empty());
}

TEST_CASE("tile zoom follows the view zoom within the file's levels", "[tiles]") {
  CHECK(tileZoomFor(13.4, 0, 18) == 13);
  CHECK(tileZoomFor(13.6, 0, 18) == 14);
  CHECK(tileZoomFor(16.0, 0, 2) == 2);  // beyond the file: its deepest level, scaled up
  CHECK(tileZoomFor(1.0, 5, 9) == 5);   // above the file: its first level, scaled down
  CHECK(tileZoomFor(-3.0, 0, 4) == 0);
  const double z = zoomToFit({0.25, 0.25}, {0.5, 0.5}, 512, 256);
  CHECK(z == Approx(std::log2(1024.0 / 256)));
}

TEST_CASE("scale bar: ground metres per pixel and round lengths", "[tiles]") {
  // At zoom 0 one pixel covers the equator / 256.
  CHECK(metresPerPixel(0, 0) == Approx(156543.03392804097));
  CHECK(metresPerPixel(60, 1) == Approx(156543.03392804097 / 2 / 2).epsilon(1e-9));
  CHECK(roundScaleLength(1234) == 1000);
  CHECK(roundScaleLength(2500) == 2000);
  CHECK(roundScaleLength(7777) == 5000);
  CHECK(roundScaleLength(5000) == 5000);
  CHECK(roundScaleLength(180) == 100);
  CHECK(roundScaleLength(0.5) == 0);
  CHECK(formatDistance(500) == "500 m");
  CHECK(formatDistance(2000) == "2 km");
  CHECK(formatDistance(20000) == "20 km");
}

TEST_CASE("coordinates under the cursor in degrees with hemisphere", "[tiles]") {
  CHECK(formatLatLon({-77.157095, 41.303952}) == "41.3040\xC2\xB0 N, 77.1571\xC2\xB0 W");
  CHECK(formatLatLon({151.2093, -33.8688}) == "33.8688\xC2\xB0 S, 151.2093\xC2\xB0 E");
}
