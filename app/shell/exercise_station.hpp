// The controller station's side of a drill in the dashboard: after each frame it applies the
// drill changes panels asked for (DrillRequest in the outbox: clock, deliver, acknowledge,
// action) and delivers injects and marks overdue ones as the running clock passes them,
// through the same drill engine (core::Drill) as `liaison drill run`, so every change is
// journaled. The loop's RequestApplier calls it. No ImGui here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app_context.hpp"
#include "core/model/exercise.hpp"

namespace liaison::core {
class Store;
}

namespace liaison::app {

// The scenario time of the next thing the engine would do on its own (a clock-driven inject
// to deliver, a delivered one to mark overdue); nullopt when nothing is left.
std::optional<core::ScenarioSeconds> nextDrillEvent(const core::ExerciseState& state);

class ExerciseStation {
 public:
  // Applies the drill requests of one frame, in order. Errors go to ctx.status_message (and
  // error()); a read-only station writes nothing. Returns true when the workspace changed.
  bool applyRequests(AppContext& ctx, core::Store& store, const std::vector<DrillRequest>& requests,
                     core::TimeUtc wall);
  // Delivers due injects and marks overdue ones while the clock runs (not at a player's
  // station, ctx.station_agency). Cheap when nothing is due (no SQLite). Returns true when the
  // workspace changed.
  bool tick(AppContext& ctx, core::Store& store, core::TimeUtc wall);
  // This round's problem (kept on the status line over the reload that follows); cleared by
  // newRound().
  const std::string& error() const { return m_error; }
  void newRound() { m_error.clear(); }

 private:
  std::string m_error;                     // this round's problem, kept over the reload
  std::optional<std::uint64_t> m_stuckAt;  // the exercise version the engine last failed on
};

}  // namespace liaison::app
