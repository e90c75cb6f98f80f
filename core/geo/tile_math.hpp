// Web Mercator tile maths (EPSG:3857, the slippy-map / MBTiles tiling), no UI and no GL:
// lon/lat <-> world coordinates in [0, 1] (y growing southwards, as XYZ tiles do) <-> tile
// (z, x, y) <-> screen pixels, the TMS row flip MBTiles uses, and the figures a map needs
// (metres per pixel, a round scale-bar length, "41.3040° N, 77.1571° W").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::core::tiles {

// Web Mercator stops where the world becomes a square: atan(sinh(pi)) in degrees.
constexpr double kMaxLatitude = 85.05112877980659;
// The equator's length on the WGS-84 ellipsoid (metres): the world's width at latitude 0.
constexpr double kEquatorMetres = 40075016.685578488;
constexpr int kTileSize = 256;  // pixels of one tile at its own zoom level
constexpr int kMaxZoom = 30;

struct World {
  double x = 0, y = 0;  // [0, 1] x [0, 1]; (0, 0) is 180 W, 85.05 N
  bool operator==(const World&) const = default;
};

// Latitudes beyond +-kMaxLatitude are clamped to it; longitudes are not wrapped.
World toWorld(const LonLat& p);
LonLat toLonLat(const World& w);

// XYZ tile address (y counted from the north, as on the web).
struct TileId {
  int z = 0, x = 0, y = 0;
  bool operator==(const TileId&) const = default;
  auto operator<=>(const TileId&) const = default;
};
struct TileIdHash {
  std::size_t operator()(const TileId& t) const noexcept {
    return std::hash<std::uint64_t>()((static_cast<std::uint64_t>(t.z) << 58) ^
                                      (static_cast<std::uint64_t>(t.x) << 29) ^
                                      static_cast<std::uint64_t>(t.y));
  }
};

inline std::int64_t tilesPerSide(int z) { return std::int64_t{1} << z; }
// TMS (MBTiles) rows count from the south: tms_y = 2^z - 1 - xyz_y. Its own inverse.
inline int flipRow(int z, int y) { return static_cast<int>(tilesPerSide(z) - 1 - y); }
bool valid(const TileId& t);

// The tile at zoom z that contains world point w (clamped into the world).
TileId tileAt(const World& w, int z);
// The tile's north-west corner and its south-east corner in world units.
World tileOrigin(const TileId& t);
World tileEnd(const TileId& t);
// The tile `levels` zoom levels up that contains t (levels <= t.z).
TileId ancestor(const TileId& t, int levels);

// The part of ancestor a's image that covers tile t, in texture coordinates (u right, v down).
struct UvRect {
  float u0 = 0, v0 = 0, u1 = 1, v1 = 1;
  bool operator==(const UvRect&) const = default;
};
UvRect subRect(const TileId& t, const TileId& a);

// A view of the world: the world point at the centre of a width x height pixel rectangle, at a
// continuous zoom (one world unit is kTileSize * 2^zoom pixels).
struct Viewport {
  World centre{0.5, 0.5};
  double zoom = 0;
  double width = 0, height = 0;  // pixels

  double pixelsPerWorld() const;
  // Screen coordinates relative to the rectangle's top-left corner.
  void toScreen(const World& w, double& sx, double& sy) const;
  World toWorld(double sx, double sy) const;
};

// The integer tile level to draw at a continuous zoom, within the file's [minzoom, maxzoom].
int tileZoomFor(double zoom, int minzoom, int maxzoom);
// The tiles at level z that intersect the viewport, nearest the centre first; empty when there
// are more than max_tiles (a view that would need thousands of tiles draws none).
std::vector<TileId> visibleTiles(const Viewport& v, int z, std::size_t max_tiles = 1024);
// The zoom at which the world rectangle [a, b] fits in width x height pixels.
double zoomToFit(const World& a, const World& b, double width, double height);

// Ground metres per screen pixel at a latitude (Web Mercator stretches by 1 / cos(lat)).
double metresPerPixel(double lat, double zoom);
// The largest 1, 2 or 5 x 10^n metres not longer than max_metres (0 when max_metres < 1).
double roundScaleLength(double max_metres);
// "500 m", "2 km", "1.5 km"; whole metres below 1 km.
std::string formatDistance(double metres);
// "41.3040° N, 77.1571° W" (4 decimals, about 11 m).
std::string formatLatLon(const LonLat& p);

}  // namespace liaison::core::tiles
