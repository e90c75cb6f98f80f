// The base class of every dashboard panel (ImHex-style views): a name, a slot in the fixed
// layout, a visibility flag toggled from the View menu, and drawContent() called each frame
// inside the window or tab the shell opened for it.
#pragma once

namespace liaison::app {

struct AppContext;

// Where the fixed layout puts a panel. Panels in the same slot share it as tabs.
enum class PanelSlot { Left, Centre, Right, Bottom };

class Panel {
 public:
  virtual ~Panel() = default;

  // Unique; the tab label, the View menu entry and the ImGui id.
  virtual const char* name() const = 0;
  virtual PanelSlot slot() const { return PanelSlot::Centre; }
  // Whether the wall display may show it (read-only, no sensitive fields).
  virtual bool wallSafe() const { return false; }
  // Draw into the current window; read ctx.snapshot, put every wish into ctx.outbox (commands,
  // drill actions, questions, settings: requests.hpp), never touch SQLite.
  virtual void drawContent(AppContext& ctx) = 0;
  // Asked every frame, drawn or not: true brings the panel's tab forward in its slot (once).
  virtual bool wantsFocus(const AppContext&) { return false; }

  bool visible() const { return m_visible; }
  void setVisible(bool v) { m_visible = v; }
  bool* visibleFlag() { return &m_visible; }

 private:
  bool m_visible = true;
};

}  // namespace liaison::app
