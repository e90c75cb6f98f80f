// The wall's key figures (open and overdue tasks, needs without a working channel path,
// channels down), each with the time it last changed, and the read-error banner that replaces
// them when the workspace cannot be read. Computation is pure; drawing is ImGui.
#pragma once

#include <string>
#include <vector>

#include "app_context.hpp"
#include "core/analysis/analysis.hpp"

namespace liaison::app {

struct KeyFigures {
  int open_tasks = 0;     // todo + doing + blocked
  int overdue_tasks = 0;  // open with a due time before now
  int blocked_tasks = 0;
  // Until the analysis engine's broken-needs result is wired in: needs whose two agencies are
  // not connected by any chain of channels that are not down (BFS over agencies).
  int needs_without_path = 0;
  int channels_down = 0;
  int channels_degraded = 0;
  // From the analysis engine when its result is for this snapshot (-1: not available).
  int broken_needs = -1;
  int single_points = -1;
};

// analysis: the engine's result, used only when it is for s's version (may be null).
KeyFigures computeKeyFigures(const core::Snapshot& s, core::TimeUtc now,
                             const core::AnalysisResult* analysis = nullptr);

// Remembers when each figure last changed value (wall clock, UTC seconds).
class KeyFigureBoard {
 public:
  struct Row {
    const char* label;
    int value;
    bool bad;  // drawn in the danger colour when non-zero
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

// Tasks per status and the overdue list in large type (the quad's task pane).
void drawTaskSummary(AppContext& ctx, core::TimeUtc now, bool highlight_moves, double pulse);

// The workspace cannot be read: says so across the given rectangle, in large type.
void drawReadError(AppContext& ctx, const std::string& message, core::TimeUtc last_good_read);

// "HH:MM" / "HH:MM:SS" in UTC (Z) for a time.
std::string formatUtc(core::TimeUtc t, bool seconds);

}  // namespace liaison::app
