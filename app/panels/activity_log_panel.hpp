// The liaison's activity log (ICS 214): every journaled change and quick entry, newest first,
// filtered by text and operational period, with the ICS 214 and timeline-report exports
// written next to the workspace. Reads AppContext::journal (loaded with the snapshot).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/shell/panel.hpp"
#include "core/store/journal.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::app {

class ActivityLogPanel final : public Panel {
 public:
  const char* name() const override { return "Activity log"; }
  PanelSlot slot() const override { return PanelSlot::Bottom; }
  void drawContent(AppContext& ctx) override;

  void setText(std::string t) { m_text = std::move(t); }
  void setPeriod(int number) { m_period = number; }
  // Indices into the journal of the rows listed, newest first (as of the last frame).
  const std::vector<std::size_t>& visibleRows() const { return m_rows; }

  enum class Export { Ics214Csv, Ics214Html, TimelineHtml };
  // Writes the export next to the workspace (or in dir); returns the path written.
  static std::filesystem::path writeExport(const core::Snapshot& s,
                                           const std::vector<core::JournalEntry>& journal,
                                           Export what, int period, const std::string& actor,
                                           std::filesystem::path dir = {});

 private:
  void refresh(const AppContext& ctx);

  std::string m_text;
  int m_period = 0;  // 0: all
  const std::vector<core::JournalEntry>* m_source = nullptr;
  std::size_t m_sourceSize = 0;
  std::string m_appliedText;
  int m_appliedPeriod = -1;
  std::vector<std::size_t> m_rows;
  std::string m_exportMessage;
  bool m_exportFailed = false;
};

}  // namespace liaison::app
