// The task board: Kanban columns todo / doing / blocked / done. Dragging a card to another
// column emits a put of the task with the new status (journaled by the store). Cards show the
// owner and involved agencies, the due time (red when overdue at the time shown), priority,
// what blocks them, and "coordination at risk" when their agencies cannot reach each other.
// When the timeline's scrubber is in the past, the board shows that time's state, read-only.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/shell/panel.hpp"
#include "core/model/command.hpp"
#include "core/analysis/timeline_query.hpp"
#include "app/shell/screen_rect.hpp"

namespace liaison::app {

class TaskBoardPanel final : public Panel {
 public:
  // "Now" for overdue as last drawn (the one clock; tests compare it with the wall's).
  core::TimeUtc reference() const { return m_reference; }
  const char* name() const override { return "Task board"; }
  PanelSlot slot() const override { return PanelSlot::Centre; }
  bool wallSafe() const override { return true; }
  void drawContent(AppContext& ctx) override;

  void setAgencyFilter(core::Id agency) { m_agencyFilter = agency; }
  // Where each card and column was drawn last frame (screen pixels), for tests.
  const std::map<core::Id, ScreenRect>& cardRects() const { return m_cardRects; }
  ScreenRect columnRect(core::TaskStatus s) const { return m_columnRects[static_cast<int>(s)]; }
  // The status each task was shown with last frame.
  const std::map<core::Id, core::TaskStatus>& shownStatus() const { return m_shownStatus; }
  // Where each at-risk card's "Show in analysis" button was drawn last frame (screen pixels).
  const std::map<core::Id, ScreenRect>& whyRects() const { return m_whyRects; }

  // The commands "New task" emits: the task (with the id it will get) and one communication
  // need between the owner and each involved agency (all pairs when there is no owner).
  static std::vector<core::Command> newTaskCommands(const core::Snapshot& s, core::Task task);

 // "Now" of the last frame, against which cards are marked overdue (AppContext::now).
  core::TimeUtc referenceTime() const { return m_reference; }

 private:
  void drawToolbar(AppContext& ctx, const core::Snapshot& s, bool past);
  void drawColumn(AppContext& ctx, const core::Snapshot& s, core::TaskStatus status, float width,
                  bool editable);
  void drawCard(AppContext& ctx, const core::Snapshot& s, const core::Task& t, float width,
                bool editable);
  void drawNewTaskPopup(AppContext& ctx, const core::Snapshot& s);

  core::Id m_agencyFilter = 0;  // 0: every agency
  // Reachability is computed once per shown snapshot (the fallback where no need is recorded).
  const core::Snapshot* m_shownFor = nullptr;
  std::uint64_t m_shownVersion = 0;
  core::TimeUtc m_reference = 0;  // "now" for overdue: the view time or the clock

  std::map<core::Id, ScreenRect> m_cardRects;
  ScreenRect m_columnRects[4];
  std::map<core::Id, core::TaskStatus> m_shownStatus;
  std::map<core::Id, ScreenRect> m_whyRects;
  core::CoordinationRisk riskOf(const core::Task& t) const;  // after rebuildColumns
  void rebuildColumns(const AppContext& ctx, const core::Snapshot& s);
  // Cached per shown snapshot, filter and engine result.
  std::vector<const core::Task*> m_columns[4];
  std::size_t m_openCount = 0, m_riskCount = 0;
  const core::Snapshot* m_columnsFor = nullptr;
  std::uint64_t m_columnsVersion = 0;
  core::Id m_columnsFilter = 0;
  std::shared_ptr<const core::AnalysisResult> m_columnsEngine;
  std::shared_ptr<const core::WhatIfResult> m_columnsWhatIf;
  std::unique_ptr<core::PairNeeds> m_pairNeeds;  // the engine's verdicts by agency pair
  // Measured card heights (with their gap) for the current width and font size.
  std::map<core::Id, float> m_heights;
  float m_heightsWidth = 0, m_heightsEm = 0;

  // New task form.
  std::string m_newTitle, m_newDue;
  core::Id m_newOwner = 0;
  std::vector<core::Id> m_newInvolved;
  int m_newPriority = 2;
  std::string m_newError;
};

}  // namespace liaison::app
