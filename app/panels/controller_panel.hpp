// The exercise controller's view ("Exercise" tab): the MSEL with each inject's state, the
// exercise clock and its controls, response statistics per agency, and delivery,
// acknowledgement and action on behalf of a player. It reads ctx.exercise; every change is a
// DrillRequest that the loop applies through the drill engine after the frame.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "app/shell/exercise_view.hpp"
#include "app/shell/panel.hpp"
#include "core/exercise/drill.hpp"
#include "app/shell/screen_rect.hpp"

namespace liaison::app {

class ControllerPanel final : public Panel {
 public:
  ControllerPanel();
  const char* name() const override { return "Exercise"; }
  PanelSlot slot() const override { return PanelSlot::Centre; }
  void drawContent(AppContext& ctx) override;

  // The wall clock the panel shows the exercise against (tests pass a fixed one).
  void setClock(std::function<core::TimeUtc()> clock) { m_clock = std::move(clock); }
  void select(std::string number) { m_selected = std::move(number); }
  const std::string& selected() const { return m_selected; }
  // Last frame's screen rectangles, for tests: controls by key ("start", "pause", "resume",
  // "speed 10", "jump", "rewind", "reset", "confirm reset", "deliver", "acknowledge", "act",
  // "action text"), MSEL rows by inject number (only the rows on screen).
  const std::map<std::string, ScreenRect>& controlRects() const { return m_controls; }
  const std::map<std::string, ScreenRect>& rowRects() const { return m_rows; }
  // The controller view as last computed (clock-dependent fields as of the last frame).
  const core::ControllerView& view() const { return m_view; }

 private:
  void refresh(const AppContext& ctx);
  void drawClock(AppContext& ctx, core::TimeUtc wall);
  void drawSelected(AppContext& ctx);
  void drawMsel(AppContext& ctx, float height);
  void drawStats(AppContext& ctx);
  bool button(const char* label, const std::string& key, bool enabled = true);
  void record(const std::string& key);

  std::function<core::TimeUtc()> m_clock;
  std::shared_ptr<const ExerciseView> m_viewOf;  // what m_view was computed from
  core::SnapshotPtr m_snapOf;
  core::ControllerView m_view;
  core::AgencyResponse m_overall;
  std::string m_selected;  // inject number
  std::string m_action;    // the action text typed for the selected inject
  bool m_confirmReset = false;
  std::map<std::string, ScreenRect> m_controls, m_rows;
};

}  // namespace liaison::app
