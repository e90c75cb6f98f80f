// The agency and representative directory: a searchable table of who is here and how to reach
// them (ICS 203 block 4 / ICS 205A). Sensitive contact values stay masked until revealed, and
// are never shown in wall mode. On a workstation, beside the table: the inspector of the
// selected agency or person, or the form that adds or edits an agency, a representative, a
// channel or a need (directory_editor.hpp); "Undo last change" / Ctrl+Z reverts this
// station's last change. The wall shows the table only, read-only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/shell/panel.hpp"
#include "app/shell/screen_rect.hpp"
#include "directory_editor.hpp"
#include "directory_model.hpp"
#include "inspector_view.hpp"

namespace liaison::app {

class DirectoryPanel final : public Panel {
 public:
  const char* name() const override { return "Directory"; }
  // A centre tab: its eight columns need the width a side column cannot give.
  PanelSlot slot() const override { return PanelSlot::Centre; }
  bool wallSafe() const override { return true; }
  void drawContent(AppContext& ctx) override;

  const std::string& filter() const { return m_filter; }
  void setFilter(std::string text) { m_filter = std::move(text); }

  // The rows the table lists now, in order (after the filter); valid until the next frame.
  std::vector<const DirectoryRow*> visibleRows() const;
  std::size_t visibleCount() const { return m_visible.size(); }
  const DirectoryCounts& counts() const { return m_counts; }
  // Where the filter box was drawn last frame (screen pixels), so tests can click into it.
  const ScreenRect& filterRect() const { return m_filterRect; }
  // How many times the rows were rebuilt / re-filtered (the cache is per version and filter).
  std::uint64_t rebuildCount() const { return m_rebuilds; }
  std::uint64_t refilterCount() const { return m_refilters; }

  DirectoryEditor& editor() { return m_editor; }
  const InspectorView& inspector() const { return m_inspector; }
  // Where a named widget was drawn last frame ("field:name", "save", "edit-rep-101",
  // "remove-agency", "confirm-remove", "undo", "reveal:101:1", ...), for tests; null if not.
  const HitRect* hit(const std::string& name) const { return m_hits.find(name); }

 private:
  void refresh(const AppContext& ctx);
  void refilter();
  void drawRowTooltip(const AppContext& ctx, const DirectoryRow& row);
  void drawToolbar(AppContext& ctx);
  void drawEditBar(AppContext& ctx);
  void drawSide(AppContext& ctx);
  static bool selectionHasAgency(const AppContext& ctx);
  void drawTable(AppContext& ctx);
  void drawAgencyCell(const AppContext& ctx, const DirectoryRow& row, bool first_of_agency);

  std::string m_filter;
  ScreenRect m_filterRect;
  DirectoryEditor m_editor;
  InspectorView m_inspector;
  HitMap m_hits;

  // Cache: rebuilt when the snapshot or the sensitivity changes, re-filtered when the filter does.
  const core::Snapshot* m_source = nullptr;
  std::uint64_t m_sourceVersion = 0;
  SensitiveMode m_sourceSensitive = SensitiveMode::Mask;
  bool m_built = false;
  std::string m_appliedFilter;
  std::vector<DirectoryRow> m_rows;
  std::vector<std::size_t> m_visible;
  std::vector<bool> m_groupOdd;  // per visible row: shade it (alternate agencies)
  DirectoryCounts m_counts;
  std::uint64_t m_rebuilds = 0, m_refilters = 0;
};

}  // namespace liaison::app
