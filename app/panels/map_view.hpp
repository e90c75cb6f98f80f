// The map pane: the workspace's offline MBTiles basemap (if one is registered with
// `liaison import FILE.mbtiles --into WORKSPACE`) under its map features, in Web Mercator at
// real tile zoom levels. Features: the demo's vector basemap layer muted (roads, rivers,
// boundaries); operations on top (zones outlined with a translucent fill triangulated once per
// snapshot, key places as distinct shapes with labels). A scale bar, the coordinates under
// the cursor and the basemap's attribution. Workstation: drag pans, wheel or +/- zooms
// smoothly (about the cursor), arrows pan, F or double-click fits. The wall: the fitted view,
// no controls.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/render/tile_cache.hpp"
#include "app/shell/panel.hpp"
#include "core/mbtiles.hpp"
#include "core/snapshot.hpp"
#include "core/tile_math.hpp"

namespace liaison::app {

class MapView final : public Panel {
 public:
  MapView();
  ~MapView() override;
  const char* name() const override { return "Map"; }
  PanelSlot slot() const override { return PanelSlot::Centre; }
  bool wallSafe() const override { return true; }
  void drawContent(AppContext& ctx) override;

  // The basemap to show; by default the workspace's setting (core::kBasemapSetting), read
  // again whenever the workspace changes. An empty path shows none.
  void setBasemap(const std::filesystem::path& mbtiles);
  // Tests without GL give a fake; the app makes a GL one when a basemap is first opened.
  void setTextureUploader(std::unique_ptr<TextureUploader> uploader);
  void setTileCacheOptions(const TileCacheOptions& options) { m_cacheOptions = options; }
  // Screenshots: wait (at most `seconds`) until the tiles this view asked for are decoded;
  // the next frame makes all their textures. True when nothing was left waiting.
  bool settleTiles(double seconds);

  // For tests: the number of fill triangles prepared for the current snapshot, the view, the
  // open basemap (null when none) and why it is not shown.
  std::size_t fillTriangles() const;
  const core::tiles::Viewport& viewport() const { return m_view; }
  const core::MbtilesInfo* basemap() const { return m_reader ? &m_reader->info() : nullptr; }
  const TileCache* tileCache() const { return m_tiles.get(); }
  const std::string& basemapProblem() const { return m_basemapProblem; }
  int tileZoom() const { return m_tileZoom; }
  // The world point under screen point (x, y) in the last frame drawn.
  core::tiles::World worldAt(float x, float y) const {
    return m_view.toWorld(x - m_originX, y - m_originY);
  }
  std::size_t tilesDrawn() const { return m_tilesDrawn; }

 private:
  struct Prepared {
    const core::MapFeature* feature = nullptr;
    std::vector<core::tiles::World> points;               // all rings flattened (open rings)
    std::vector<std::size_t> ring_starts;                 // index of each ring's first point
    std::vector<std::array<std::uint32_t, 3>> triangles;  // polygons only
  };
  void prepare(const core::Snapshot& s);
  void followSetting(AppContext& ctx);
  void openBasemap();
  void handleInput(AppContext& ctx, const float em, bool hovered);
  void drawBasemap(AppContext& ctx, const float em);
  void drawFeatures(AppContext& ctx, const float em);
  void drawOverlay(AppContext& ctx, const float em, bool hovered);

  std::uint64_t m_version = ~0ull;
  const void* m_snapshotId = nullptr;
  std::vector<Prepared> m_items;
  bool m_hasFeatures = false;
  core::tiles::World m_min{0, 0}, m_max{1, 1};  // the features' bounds

  // Basemap.
  bool m_followSetting = true;     // false once a test or caller picked the basemap
  std::string m_wantedPath;        // what should be open
  std::string m_openPath;          // what is open (or failed to open)
  std::string m_basemapProblem;
  double m_openedAt = 0;           // ImGui time of the last attempt to open it
  std::shared_ptr<core::MbtilesReader> m_reader;
  std::unique_ptr<TextureUploader> m_uploader;
  std::unique_ptr<TileCache> m_tiles;
  TileCacheOptions m_cacheOptions;
  std::string m_attribution;
  int m_tileZoom = 0;
  std::size_t m_tilesDrawn = 0;

  // View: the screen rectangle, the world point at its centre and a continuous zoom that
  // moves smoothly towards the target, keeping the world point under the anchor still.
  float m_originX = 0, m_originY = 0;
  core::tiles::Viewport m_view;
  bool m_fitted = true;
  double m_targetZoom = 0;
  core::tiles::World m_anchorWorld{0.5, 0.5};
  double m_anchorX = 0, m_anchorY = 0;
};

}  // namespace liaison::app
