// The situation-room wall: a full-screen, read-only picture for a room reading from five
// metres. A header (EXERCISE banner, incident, operational period, local and UTC clocks), a
// "Latest changes" strip, and the body in one of three layouts: quad (2x2 large panes),
// focus (one pane and a column of key figures) or rotate (one pane at a time, cycling).
// Keyboard only: 1-4 pick the pane, Tab/space cycle, L switches layout, Esc leaves present
// mode on a workstation. Panes are picked by name from the registry, so panels that have not
// landed are replaced by other wall-safe ones.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app_context.hpp"
#include "change_tracker.hpp"
#include "key_figures.hpp"
#include "panel_registry.hpp"

namespace liaison::app {

enum class WallLayoutKind { Quad, Focus, Rotate };

const char* wallLayoutName(WallLayoutKind kind);
std::optional<WallLayoutKind> parseWallLayout(std::string_view text);

// A pane of the wall: a registry panel, or (panel == nullptr) the wall's own task summary.
struct WallPane {
  std::string title;
  Panel* panel = nullptr;
};

// The panes for a registry: Network, Map, Timeline and the task summary, in that order; a
// missing one is replaced by another wall-safe panel (never one that is not wall-safe).
std::vector<WallPane> pickWallPanes(const PanelRegistry& panels);

// One text size the wall draws, and the angle its capitals subtend from the back of the room.
struct WallTextSize {
  const char* what;
  float px;
  double arcmin;
};

class WallLayout {
 public:
  static constexpr const char* kTaskSummaryTitle = "Tasks";

  explicit WallLayout(WallLayoutKind kind = WallLayoutKind::Quad, double rotate_seconds = 20.0)
      : m_kind(kind), m_rotateSeconds(rotate_seconds > 1 ? rotate_seconds : 1) {}

  // The whole wall over the main viewport, for one frame. time_s: a monotonic clock in
  // seconds (ImGui::GetTime()); it drives rotation and the change pulses.
  void drawFrame(AppContext& ctx, const PanelRegistry& panels, double time_s);

  // A workstation presenting: Esc asks to leave (see takeLeaveRequest()).
  void setWorkstation(bool on) { m_workstation = on; }
  bool takeLeaveRequest() {
    const bool r = m_leave;
    m_leave = false;
    return r;
  }
  // Non-empty: the workspace cannot be read; the body says so in large type instead of
  // showing figures that may be stale.
  void setReadError(std::string message) { m_readError = std::move(message); }
  const std::string& readError() const { return m_readError; }

  WallLayoutKind layout() const { return m_kind; }
  // The layout drawn last frame: a quad too small for the room's text size is drawn as focus.
  WallLayoutKind drawnLayout() const { return m_drawn; }
  void setLayout(WallLayoutKind k) { m_kind = k; }
  int focused() const { return m_focus; }
  // The pane shown in focus and rotate layouts at time_s.
  int shownPane(double time_s, int pane_count) const;
  const ChangeTracker& changes() const { return m_changes; }
  const KeyFigureBoard& figures() const { return m_figures; }
  // The text sizes in use for ctx's fonts on a screen of that size (--show-legibility).
  static std::vector<WallTextSize> textSizes(const AppContext& ctx, float screen_w,
                                             float screen_h);

 private:
  void handleKeys(int pane_count, double time_s);
  void drawHeader(AppContext& ctx, float x, float y, float w, float h);
  void drawChangeStrip(AppContext& ctx, float x, float y, float w, float h, double time_s);
  void drawPane(AppContext& ctx, const WallPane& pane, int index, float x, float y, float w,
                float h, double time_s, bool focused);
  void drawFigures(AppContext& ctx, float x, float y, float w, float h);
  void drawErrorBody(AppContext& ctx, float x, float y, float w, float h);
  void drawStatusLine(AppContext& ctx, float x, float y, float w, float h);
  void drawLegibility(AppContext& ctx, float x, float y, float w, float h);

  WallLayoutKind m_kind;
  WallLayoutKind m_drawn = WallLayoutKind::Quad;
  double m_rotateSeconds;
  double m_rotateStart = 0;
  int m_focus = 0;
  bool m_workstation = false;
  bool m_leave = false;
  std::string m_readError;
  std::string m_paneNote;  // rotate: "next: Map" beside the pane's title
  core::TimeUtc m_lastGoodRead = 0;
  ChangeTracker m_changes;
  KeyFigureBoard m_figures;
};

}  // namespace liaison::app
