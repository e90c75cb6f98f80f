// A first, simple map pane: the snapshot's map features in Web Mercator, fitted to their
// bounds. Basemap layer muted (roads, rivers, boundaries); operations on top (zones outlined
// with a translucent fill triangulated once per snapshot, key places as distinct shapes with
// labels). Pan with the mouse and zoom with the wheel on the workstation; the wall shows the
// fitted view. (Tiled MBTiles basemaps are a later issue.)
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "app/shell/panel.hpp"
#include "core/snapshot.hpp"

namespace liaison::app {

// Web Mercator in world units: x, y in [0, 1], y growing southwards (as tiles do).
struct MercatorPoint {
  double x = 0, y = 0;
};
MercatorPoint toMercator(const core::LonLat& p);

class MapView final : public Panel {
 public:
  const char* name() const override { return "Map"; }
  PanelSlot slot() const override { return PanelSlot::Centre; }
  bool wallSafe() const override { return true; }
  void drawContent(AppContext& ctx) override;

  // For tests: the number of fill triangles prepared for the current snapshot.
  std::size_t fillTriangles() const;

 private:
  struct Prepared {
    const core::MapFeature* feature = nullptr;
    std::vector<MercatorPoint> points;                    // all rings flattened (open rings)
    std::vector<std::size_t> ring_starts;                 // index of each ring's first point
    std::vector<std::array<std::uint32_t, 3>> triangles;  // polygons only
  };
  void prepare(const core::Snapshot& s);

  std::uint64_t m_version = ~0ull;
  const void* m_snapshotId = nullptr;
  std::vector<Prepared> m_items;
  double m_minX = 0, m_minY = 0, m_maxX = 1, m_maxY = 1;
  // View: world point at the centre and zoom relative to "fit"; reset with a double click.
  bool m_fitted = true;
  double m_cx = 0.5, m_cy = 0.5, m_zoom = 1.0;
};

}  // namespace liaison::app
