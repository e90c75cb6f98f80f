#include "core/geo/tile_math.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace liaison::core::tiles {
namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

World toWorld(const LonLat& p) {
  const double lat = std::clamp(p.lat, -kMaxLatitude, kMaxLatitude) * kPi / 180.0;
  return {(p.lon + 180.0) / 360.0, (1.0 - std::asinh(std::tan(lat)) / kPi) / 2.0};
}

LonLat toLonLat(const World& w) {
  return {w.x * 360.0 - 180.0, std::atan(std::sinh(kPi * (1.0 - 2.0 * w.y))) * 180.0 / kPi};
}

bool valid(const TileId& t) {
  return t.z >= 0 && t.z <= kMaxZoom && t.x >= 0 && t.y >= 0 && t.x < tilesPerSide(t.z) &&
         t.y < tilesPerSide(t.z);
}

TileId tileAt(const World& w, int z) {
  const double n = static_cast<double>(tilesPerSide(z));
  const auto clampIndex = [&](double v) {
    return static_cast<int>(std::clamp(std::floor(v * n), 0.0, n - 1));
  };
  return {z, clampIndex(w.x), clampIndex(w.y)};
}

World tileOrigin(const TileId& t) {
  const double n = static_cast<double>(tilesPerSide(t.z));
  return {t.x / n, t.y / n};
}

World tileEnd(const TileId& t) {
  const double n = static_cast<double>(tilesPerSide(t.z));
  return {(t.x + 1) / n, (t.y + 1) / n};
}

TileId ancestor(const TileId& t, int levels) {
  levels = std::clamp(levels, 0, t.z);
  return {t.z - levels, t.x >> levels, t.y >> levels};
}

UvRect subRect(const TileId& t, const TileId& a) {
  const int d = t.z - a.z;
  if (d <= 0) return {};
  const double n = static_cast<double>(tilesPerSide(d));
  const double u = (t.x - (static_cast<std::int64_t>(a.x) << d)) / n;
  const double v = (t.y - (static_cast<std::int64_t>(a.y) << d)) / n;
  return {static_cast<float>(u), static_cast<float>(v), static_cast<float>(u + 1.0 / n),
          static_cast<float>(v + 1.0 / n)};
}

double Viewport::pixelsPerWorld() const {
  return kTileSize * std::exp2(zoom);
}

void Viewport::toScreen(const World& w, double& sx, double& sy) const {
  const double s = pixelsPerWorld();
  sx = width / 2 + (w.x - centre.x) * s;
  sy = height / 2 + (w.y - centre.y) * s;
}

World Viewport::toWorld(double sx, double sy) const {
  const double s = pixelsPerWorld();
  return {centre.x + (sx - width / 2) / s, centre.y + (sy - height / 2) / s};
}

int tileZoomFor(double zoom, int minzoom, int maxzoom) {
  const int z = static_cast<int>(std::lround(std::clamp(zoom, -1.0, double{kMaxZoom})));
  return std::clamp(z, std::max(minzoom, 0), std::min(maxzoom, kMaxZoom));
}

std::vector<TileId> visibleTiles(const Viewport& v, int z, std::size_t max_tiles) {
  std::vector<TileId> out;
  const World a = v.toWorld(0, 0), b = v.toWorld(v.width, v.height);
  if (b.x <= 0 || b.y <= 0 || a.x >= 1 || a.y >= 1 || !(a.x < b.x) || !(a.y < b.y)) return out;
  const TileId first = tileAt(a, z), last = tileAt(b, z);
  const std::size_t count = static_cast<std::size_t>(last.x - first.x + 1) *
                            static_cast<std::size_t>(last.y - first.y + 1);
  if (count > max_tiles) return out;
  out.reserve(count);
  for (int y = first.y; y <= last.y; ++y)
    for (int x = first.x; x <= last.x; ++x) out.push_back({z, x, y});
  const double n = static_cast<double>(tilesPerSide(z));
  const auto distance = [&](const TileId& t) {
    const double dx = (t.x + 0.5) / n - v.centre.x, dy = (t.y + 0.5) / n - v.centre.y;
    return dx * dx + dy * dy;
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const TileId& l, const TileId& r) { return distance(l) < distance(r); });
  return out;
}

double zoomToFit(const World& a, const World& b, double width, double height) {
  const double w = std::max(std::abs(b.x - a.x), 1e-12), h = std::max(std::abs(b.y - a.y), 1e-12);
  const double s = std::min(width / w, height / h);
  return std::log2(std::max(s, 1e-9) / kTileSize);
}

double metresPerPixel(double lat, double zoom) {
  const double phi = std::clamp(lat, -kMaxLatitude, kMaxLatitude) * kPi / 180.0;
  return kEquatorMetres * std::cos(phi) / (kTileSize * std::exp2(zoom));
}

double roundScaleLength(double max_metres) {
  if (!(max_metres >= 1)) return 0;
  const double p = std::pow(10.0, std::floor(std::log10(max_metres)));
  for (double m : {5.0, 2.0, 1.0})
    if (m * p <= max_metres * (1 + 1e-12)) return m * p;
  return p;
}

std::string formatDistance(double metres) {
  char buf[32];
  if (metres < 1000) {
    std::snprintf(buf, sizeof buf, "%.0f m", metres);
  } else {
    const double km = metres / 1000;
    if (std::abs(km - std::round(km)) < 1e-9)
      std::snprintf(buf, sizeof buf, "%.0f km", km);
    else
      std::snprintf(buf, sizeof buf, "%.1f km", km);
  }
  return buf;
}

std::string formatLatLon(const LonLat& p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f\xC2\xB0 %c, %.4f\xC2\xB0 %c", std::abs(p.lat),
                p.lat < 0 ? 'S' : 'N', std::abs(p.lon), p.lon < 0 ? 'W' : 'E');
  return buf;
}

}  // namespace liaison::core::tiles
