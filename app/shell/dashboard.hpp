// One frame of the dashboard: the main menu bar, the fixed dock-like layout (left, centre,
// right and bottom slots; panels sharing a slot become tabs) and the status line.
#pragma once

#include "app/panels/quick_entry.hpp"
#include "app_context.hpp"
#include "exercise_notice.hpp"
#include "panel_registry.hpp"
#include "wall_layout.hpp"

namespace liaison::app {

struct SlotRect {
  float x = 0, y = 0, w = 0, h = 0;
  bool used = false;
};

struct DashboardLayout {
  SlotRect left, centre, right, bottom;
};

// Splits the work area (below the menu bar, above the status line) among the slots that have
// at least one visible panel. Pure arithmetic, so it is testable.
DashboardLayout computeLayout(float x, float y, float w, float h, bool has_left, bool has_centre,
                              bool has_right, bool has_bottom, float em);

class Dashboard {
 public:
  void drawFrame(AppContext& ctx, PanelRegistry& panels);
  // Present (menu or F11): this window shows the wall until Esc or F11.
  bool presenting() const { return m_presenting; }
  void setPresenting(AppContext& ctx, bool on);

 private:
  void drawMenuBar(AppContext& ctx, PanelRegistry& panels);
  void drawSlot(AppContext& ctx, PanelRegistry& panels, PanelSlot slot, const SlotRect& r);
  void drawStatusLine(AppContext& ctx, float y, float w, float h);
  void drawAbout(AppContext& ctx);

  QuickEntry m_quickEntry;  // Ctrl+E from anywhere
  ExerciseNotice m_exerciseNotice;  // delivered, unacknowledged injects (F9)
  WallLayout m_wall;
  bool m_presenting = false;
  ThemeKind m_themeBeforePresent = ThemeKind::Operator;
  bool m_exportSensitive = false;  // File > Export ICS 205A > Include sensitive values
};

}  // namespace liaison::app
