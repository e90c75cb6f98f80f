// The incident timeline: events on a horizontal time axis in lanes (per agency or per kind),
// operational periods shaded, a "now" line, zoom (wheel) from days to minutes and pan (drag),
// filters by agency, kind and text, significant events emphasised, and a list mode for very
// long logs. Its scrubber sets AppContext::view_time so the other panels show the past state.
#pragma once

#include <string>
#include <vector>

#include "app/shell/panel.hpp"
#include "core/analysis/timeline_query.hpp"
#include "app/shell/screen_rect.hpp"

namespace liaison::app {


class TimelinePanel final : public Panel {
 public:
  const char* name() const override { return "Timeline"; }
  PanelSlot slot() const override { return PanelSlot::Centre; }
  bool wallSafe() const override { return true; }
  void drawContent(AppContext& ctx) override;

  enum class Mode { Axis, List };
  void setMode(Mode m) { m_mode = m; }
  void setText(std::string text) { m_filter.text = std::move(text); }
  core::EventFilter& filter() { return m_filter; }
  // The events the panel lists (filtered, time order), as of the last frame.
  const std::vector<const core::TimelineEvent*>& visibleEvents() const { return m_visible; }
  const ScreenRect& textFilterRect() const { return m_textRect; }
  // The visible time window of the axis (seconds).
  std::pair<double, double> window() const { return {m_t0, m_t1}; }

 private:
  void refresh(const AppContext& ctx);
  void drawToolbar(AppContext& ctx);
  void drawScrubber(AppContext& ctx);
  void drawAxis(AppContext& ctx);
  void drawList(AppContext& ctx);
  void drawEventTooltip(const AppContext& ctx, const core::TimelineEvent& e);
  void fitAll();

  Mode m_mode = Mode::Axis;
  core::LaneMode m_laneMode = core::LaneMode::Agency;
  core::EventFilter m_filter;
  ScreenRect m_textRect;

  // Cache per snapshot version and filter.
  const core::Snapshot* m_source = nullptr;
  std::uint64_t m_version = 0;
  std::string m_appliedText;
  std::vector<core::Id> m_appliedAgencies;
  std::vector<core::EventKind> m_appliedKinds;
  bool m_appliedSignificant = false;
  core::LaneMode m_appliedLanes = core::LaneMode::Agency;
  bool m_built = false;
  std::vector<const core::TimelineEvent*> m_visible;
  std::vector<core::Lane> m_lanes;

  // View window in seconds since the epoch (double: smooth zoom).
  double m_t0 = 0, m_t1 = 0;
  bool m_fitted = false;
  core::TimeUtc m_extentLo = 0, m_extentHi = 0;
  bool m_draggingScrub = false;
  float m_laneOffset = 0;  // vertical pan of the lanes (pixels)
  int m_hiddenLanes = 0;  // the wall: lanes that did not fit (said on screen)

 public:
  int hiddenLanes() const { return m_hiddenLanes; }
  const std::vector<core::Lane>& lanes() const { return m_lanes; }
};

}  // namespace liaison::app
