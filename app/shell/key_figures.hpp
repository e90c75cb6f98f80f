// The wall's key figures (broken needs, single points of failure, overdue tasks, channels and
// infrastructure down, open tasks), each with the time it last changed, and the read-error
// banner that replaces them when the workspace cannot be read. The needs and availability
// figures are the engine's (the same AnalysisResult the dashboard's panels draw; nothing is
// recounted here), overdue is core::overdue at the one clock (stationNow). Computation is
// pure; drawing is ImGui.
#pragma once

#include <string>
#include <vector>

#include "app_context.hpp"
#include "core/analysis/analysis.hpp"
#include "core/exercise/operational_clock.hpp"

namespace liaison::app {

// "Now" for a station, by the one-clock rule: the scrubber's time, the exercise clock during a
// drill, the incident's end once it ended, else `wall`. The wall and the task board both ask.
core::OperationalNow stationNow(const AppContext& ctx, core::TimeUtc wall);

struct KeyFigures {
  int open_tasks = 0;     // todo + doing + blocked
  int overdue_tasks = 0;  // core::overdue at `now`
  int blocked_tasks = 0;
  // The engine's, when its result is for this snapshot (-1: not available yet). Channels and
  // infrastructure down follow the availability rules (a channel carried by a fallen tower is
  // down); without a result, the entities' own status.
  int broken_needs = -1;
  int single_points = -1;
  int channels_down = 0;
  int channels_degraded = 0;
  int infrastructure_down = 0;
};

// analysis: the engine's result, used only when it is for s's version (may be null).
KeyFigures computeKeyFigures(const core::Snapshot& s, core::TimeUtc now,
                             const core::AnalysisResult* analysis = nullptr);

// Remembers when each figure last changed value (wall clock, UTC seconds).
class KeyFigureBoard {
 public:
  struct Row {
    const char* label;
    int value;  // -1: the engine's result is not in yet
    bool bad;   // drawn in the danger colour when non-zero
    core::TimeUtc since;
  };
  // Recomputes when the snapshot changed; now is UTC seconds.
  void update(const core::Snapshot& s, core::TimeUtc now,
              const core::AnalysisResult* analysis = nullptr);
  const std::vector<Row>& rows() const { return m_rows; }
  const KeyFigures& figures() const { return m_figures; }

 private:
  std::uint64_t m_version = ~0ull;
  const core::AnalysisResult* m_analysis = nullptr;
  KeyFigures m_figures;
  std::vector<Row> m_rows;
};

// The side column of key figures in large type (focus layout); read_at: the last good read.
void drawKeyFigureColumn(AppContext& ctx, const KeyFigureBoard& board, float width);

// The key figures, most important first, and the overdue tasks with their owner and agencies,
// most urgent first, as many as fit at the wall's size, then "+N more" (the quad's task pane).
void drawTaskSummary(AppContext& ctx, const KeyFigureBoard& board, core::TimeUtc now,
                     bool highlight_moves, double pulse);

// The overdue tasks at `now`, most urgent first (priority, then the oldest due time).
std::vector<const core::Task*> overdueTasks(const core::Snapshot& s, core::TimeUtc now);
// "RCSO: Deputy Ames; with TCEMA, ARC" (owner agency and person, then the involved agencies).
std::string taskOwnerText(const core::Snapshot& s, const core::Task& t);

// The workspace cannot be read: says so across the given rectangle, in large type.
void drawReadError(AppContext& ctx, const std::string& message, core::TimeUtc last_good_read);

// "HH:MM" / "HH:MM:SS" in UTC (Z) for a time.
std::string formatUtc(core::TimeUtc t, bool seconds);

}  // namespace liaison::app
