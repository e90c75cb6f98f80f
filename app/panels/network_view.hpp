// The network view: representatives as nodes inside agency clusters, channels as lines styled by
// medium and status, laid out by a force layout on a worker (or geographically), with the
// engine's overlays (bottlenecks, single points of failure, bridges, broken needs, a path).
// Pan, zoom, fit, search, select, pin by dragging, collapse agencies, mark people down (what-if).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/shell/screen_rect.hpp"
#include "app/render/layout_worker.hpp"
#include "app/wall/label_layer.hpp"
#include "app/render/network_draw.hpp"
#include "app/shell/panel.hpp"

struct ImDrawList;

namespace liaison::core {
struct AnalysisResult;
struct WhatIfResult;
struct PairResult;
}  // namespace liaison::core

namespace liaison::app {

enum class NetworkLayoutMode { Force, Geographic };

class NetworkView final : public Panel {
 public:
  const char* name() const override { return "Network"; }
  PanelSlot slot() const override { return PanelSlot::Centre; }
  bool wallSafe() const override { return true; }
  void drawContent(AppContext& ctx) override;

  // Engine overlays; the shell sets them whenever a new analysis result arrives.
  void setOverlay(NetworkOverlay overlay);
  const NetworkOverlay& overlay() const { return m_overlay; }

  // ---- queries for tests and benchmarks ------------------------------------------------------
  const NetworkModel& model() const { return m_model; }
  const ViewTransform& view() const { return m_view; }
  const NetworkDrawList& drawList() const { return m_draw; }
  const std::vector<Vec2f>& positions() const { return m_pos; }
  const ScreenRect& searchRect() const { return m_searchRect; }
  // The context menu's "Mark down (what-if)" item as last drawn (tests click it).
  const ScreenRect& markDownRect() const { return m_markDownRect; }
  const std::string& search() const { return m_search; }
  int foundNode() const { return m_found; }
  // Screen position of a representative's node (or of its collapsed cluster); nullopt if absent.
  std::optional<Vec2f> screenOfRep(core::Id rep) const;
  std::optional<Vec2f> screenOfAgency(core::Id agency) const;
  bool pinnedRep(core::Id rep) const;
  bool collapsedAgency(core::Id agency) const;
  void setCollapsed(core::Id agency, bool collapsed);
  void setLayoutMode(NetworkLayoutMode mode) { m_mode = mode; }
  void setSizeMode(SizeMode mode) { m_sizeMode = mode; }
  // The wall: labels placed by importance (app/wall/label_layer.hpp) as last drawn, the
  // numbered markers among them and the legend naming each marker ("1  RCASD").
  const std::vector<wall::DrawnLabel>& wallLabels() const { return m_wallLabels.labels(); }
  // Blocks until the force layout settles (tests, benchmark, screenshots); false on timeout.
  bool waitLayout(double seconds);
  std::uint64_t generation() const { return m_generation; }

 private:
  // Model and layout.
  void syncModel(AppContext& ctx);
  void submitLayout(const std::vector<Vec2f>& start, const std::vector<bool>& known);
  void pullPositions();
  void computeGeographic();
  void loadSaved(AppContext& ctx, std::vector<Vec2f>& start, std::vector<bool>& known);
  void savePositions(AppContext& ctx);
  void syncOverlay(const AppContext& ctx);
  void syncAnalysis(const AppContext& ctx);
  // View.
  void fit();
  void centreOn(int node);
  void zoomAt(Vec2f screen, float factor);
  void runSearch(bool next);
  // Interaction and drawing (network_view_draw.cpp).
  void drawToolbar(AppContext& ctx);
  void handleInput(AppContext& ctx, bool hovered, bool active);
  void drawCanvas(AppContext& ctx, ImDrawList* dl);
  void drawLegend(AppContext& ctx, ImDrawList* dl);
  void drawTooltip(const AppContext& ctx, int node);
  void drawEdgeTooltip(const AppContext& ctx, int edge);
  void drawContextMenu(AppContext& ctx);
  void selectNode(AppContext& ctx, int node);
  void togglePin(AppContext& ctx, int node);

  NetworkModel m_model;
  const core::Snapshot* m_source = nullptr;
  std::uint64_t m_sourceVersion = 0;
  bool m_built = false;
  bool m_savedLoaded = false;
  std::uint64_t m_generation = 0;

  LayoutWorker m_worker;
  std::shared_ptr<const LayoutFrame> m_frame;
  std::vector<Vec2f> m_pos, m_geo;
  std::vector<bool> m_pinned;
  std::vector<bool> m_collapsed;  // per cluster
  bool m_layoutSettled = false;
  bool m_savedSinceSettle = false;
  NetworkLayoutMode m_mode = NetworkLayoutMode::Force;
  SizeMode m_sizeMode = SizeMode::Degree;

  NetworkOverlay m_overlay;
  // The engine results the overlay was made from (ctx.analysis / ctx.whatif) and the need whose
  // path is drawn (the selection when it is a need).
  std::shared_ptr<const core::AnalysisResult> m_analysisSeen;
  std::shared_ptr<const core::WhatIfResult> m_whatifSeen;
  std::shared_ptr<const core::PairResult> m_pairSeen;
  bool m_pastSeen = false;
  core::SnapshotPtr m_shown;  // the snapshot drawn: live, or the past one while scrubbing
  core::Id m_pathNeed = 0;
  bool m_sizeChosen = false;  // the user picked a size mode: do not switch to load by itself
  bool m_overlayDirty = true;
  ResolvedOverlay m_resolved;
  std::set<core::Id> m_resolvedDownReps, m_resolvedDownChannels;

  ViewTransform m_view;
  bool m_autoFit = true;  // keep fitting while the layout moves, until the user takes over
  NetworkDrawList m_draw;

  std::string m_search, m_appliedSearch;
  ScreenRect m_searchRect, m_markDownRect;
  int m_found = -1;
  bool m_followFound = false;

  int m_hovered = -1;
  int m_hoveredEdge = -1;  // a channel under the pointer (when no node is)
  int m_pressNode = -1;    // node under the left button when it went down
  bool m_draggingNode = false;
  bool m_panning = false;
  int m_menuNode = -1, m_menuCluster = -1, m_menuEdge = -1;
  bool m_showLegend = true;
  float m_legendWidth = 0;  // pixels, as last drawn
  wall::LabelLayer m_wallLabels;
  void placeWallLabels(AppContext& ctx, ImDrawList* dl);
};

}  // namespace liaison::app
