// The map pane: the workspace's offline MBTiles basemap (if one is registered with
// `liaison import FILE.mbtiles --into WORKSPACE`) under its map features, in Web Mercator at
// real tile zoom levels. Features: the demo's vector basemap layer muted (roads, rivers,
// boundaries); operations on top (zones outlined with a translucent fill triangulated once per
// snapshot, key places as distinct shapes with labels). A scale bar, the coordinates under
// the cursor and the basemap's attribution. Agencies with a position as symbols in their type's
// colour (as in the network view) with their code. Workstation: drag pans, wheel or +/- zooms
// smoothly (about the cursor), arrows pan, F or double-click fits; a click selects a feature or
// an agency (ctx.selection, highlighted here whoever set it), hovering shows a feature's
// properties. Editing (not on the wall, a read-only station or in the past): "Add point",
// "Draw zone" and dragging a selected point put commands into the outbox (journaled puts). With the timeline's scrubber
// in the past it draws the state then (ctx.shownSnapshot()) and says so. The wall: the fitted
// view, no controls. The view is map_view.cpp, the drawing map_view_draw.cpp, the editing
// tools map_view_edit.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/wall/label_layer.hpp"
#include "app/shell/screen_rect.hpp"
#include "app/panels/map_edit.hpp"
#include "app/render/tile_cache.hpp"
#include "app/shell/panel.hpp"
#include "core/formats/mbtiles.hpp"
#include "core/model/snapshot.hpp"
#include "core/geo/tile_math.hpp"

namespace liaison::app {

class MapView final : public Panel {
 public:
  // The wall: the labels as last drawn (app/wall/label_layer.hpp).
  const std::vector<wall::DrawnLabel>& wallLabels() const { return m_wallLabels.labels(); }
  MapView();
  ~MapView() override;
  const char* name() const override { return "Map"; }
  PanelSlot slot() const override { return PanelSlot::Centre; }
  bool wallSafe() const override { return true; }
  void drawContent(AppContext& ctx) override;

  // The basemap to show; by default the workspace's setting (core::kBasemapSetting, which the
  // loop reads with each snapshot into ctx.basemap_path). An empty path shows none.
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

  // Editing tools: Select (click selects, drag pans or moves the selected point), AddPoint (the
  // next click places a point), DrawZone (clicks add corners, Enter or a double-click closes).
  enum class Tool { Select, AddPoint, DrawZone };
  Tool tool() const { return m_tool; }
  // For tests: where a lon/lat was drawn in the last frame, the toolbar's buttons (empty on the
  // wall), whether the label popup is waiting, and what the cursor was over (id 0: nothing).
  MapScreenPoint screenOf(const core::LonLat& p) const;
  const ScreenRect& addPointButton() const { return m_addPointRect; }
  const ScreenRect& drawZoneButton() const { return m_drawZoneRect; }
  bool labelPending() const { return m_pending.has_value(); }
  core::Id hoveredId() const { return m_hover.id; }
  // Whether ctx.selection was drawn highlighted in the last frame (it is on the map; a
  // person selected elsewhere rings their agency).
  bool selectionShown() const { return m_selectionShown; }
  // The zone menu's what-if item (empty while the menu is closed).
  const ScreenRect& zoneWhatIfRect() const { return m_zoneMenuRect; }

 private:
  struct Prepared {
    const core::MapFeature* feature = nullptr;
    std::vector<core::tiles::World> points;               // all rings flattened (open rings)
    std::vector<std::size_t> ring_starts;                 // index of each ring's first point
    std::vector<std::array<std::uint32_t, 3>> triangles;  // polygons only
    // One past ring r's last point.
    std::size_t ringEnd(std::size_t r) const {
      return r + 1 < ring_starts.size() ? ring_starts[r + 1] : points.size();
    }
  };
  struct PlacedAgency {
    const core::Agency* agency = nullptr;
    core::tiles::World at;
  };
  struct Hit {
    core::EntityKind kind = core::EntityKind::MapFeature;
    core::Id id = 0;  // 0: nothing
    const Prepared* item = nullptr;
  };
  void prepare(const core::Snapshot& s);
  Hit hitTest(float x, float y, float em) const;
  void drawToolbar(AppContext& ctx, bool editable);
  void handleEdit(AppContext& ctx, float em, bool hovered, bool editable);
  void clickAt(AppContext& ctx, float x, float y);
  void finishZone(AppContext& ctx);
  void drawAgencies(AppContext& ctx, float em);
  void drawHighlights(AppContext& ctx, float em);
  void drawWallLabels(AppContext& ctx, float em);
  void drawZoneDraft(AppContext& ctx, float em);
  void drawLabelPopup(AppContext& ctx);
  void drawZoneMenu(AppContext& ctx);
  void drawTooltip(AppContext& ctx);
  void followSetting(const AppContext& ctx);
  void openBasemap();
  void handleInput(AppContext& ctx, const float em, bool hovered);
  void drawBasemap(AppContext& ctx, const float em);
  void drawFeatures(AppContext& ctx, const float em);
  void drawOverlay(AppContext& ctx, const float em, bool hovered);

  std::uint64_t m_version = ~0ull;
  const void* m_snapshotId = nullptr;
  core::SnapshotPtr m_shown;  // keeps what m_items and m_agencies point into alive
  std::vector<Prepared> m_items;
  std::vector<PlacedAgency> m_agencies;
  std::vector<std::array<float, 4>> m_labelBoxes;  // labels drawn this frame (x0, y0, x1, y1)
  wall::LabelLayer m_wallLabels;                   // the wall's: places and agencies together
  bool m_hasFeatures = false;
  core::tiles::World m_min{0, 0}, m_max{1, 1};  // the features' bounds

  // Basemap.
  bool m_followSetting = true;  // false once a test or caller picked the basemap
  std::string m_wantedPath;     // what should be open
  std::string m_openPath;       // what is open (or failed to open)
  std::string m_basemapProblem;
  double m_openedAt = 0;  // ImGui time of the last attempt to open it
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

  // Interaction.
  Hit m_hover;
  core::Id m_menuZone = 0;     // the zone the right-click menu is for
  ScreenRect m_zoneMenuRect;  // its what-if item, while the menu is open
  Tool m_tool = Tool::Select;
  int m_pointKind = 2;               // index into pointKindChoices()
  std::vector<core::LonLat> m_zone;  // corners clicked so far
  bool m_pressed = false;            // the left button went down on the map
  float m_pressX = 0, m_pressY = 0;
  core::Id m_dragFeature = 0;  // the selected point the press landed on
  bool m_dragging = false;
  core::tiles::World m_dragFrom{0, 0}, m_dragAt{0, 0};
  std::optional<core::MapFeature> m_pending;  // waiting for its label
  bool m_openLabel = false;
  float m_popupX = 0, m_popupY = 0;
  std::string m_label, m_labelError;
  core::Id m_tooltipFor = 0;
  std::uint64_t m_tooltipVersion = ~0ull;
  std::vector<std::string> m_tooltipLines;
  ScreenRect m_addPointRect, m_drawZoneRect;
  bool m_selectionShown = false;
};

}  // namespace liaison::app
