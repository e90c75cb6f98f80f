// The drill engine: plays the MSEL against the exercise clock. Delivering an inject is one
// journaled transaction: its state, a timeline event of kind inject marked EXERCISE, and its
// network effect (a channel's status or a representative's on-duty flag). Acknowledgements,
// actions and overdue marks are journaled the same way. Time is always a parameter ("wall"),
// so the engine is deterministic under test; the pure queries below serve the CLI, the AAR and
// the controller view.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model/exercise.hpp"
#include "core/model/snapshot.hpp"
#include "core/store/store.hpp"
#include "core/exercise/exercise_clock.hpp"

namespace liaison::core {

class DrillError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// ---- pure queries ---------------------------------------------------------------------------

// The agency an inject is addressed to: the agency whose code is `to` up to a ':' (trimmed),
// e.g. "RCFD" or "RCFD: Incident Commander"; else the agency of the representative whose name
// is `to`; else 0.
Id injectAgency(const Inject& inject, const Snapshot& snap);

struct DurationStats {
  int count = 0;
  double mean = 0.0, median = 0.0;  // seconds of scenario time
  ScenarioSeconds max = 0;
};
DurationStats durationStats(std::vector<ScenarioSeconds> values);

// Response times per agency, measured in scenario time from delivery to acknowledgement and
// from delivery to action. Sorted by agency code; agency 0 ("other") last.
struct AgencyResponse {
  Id agency = 0;
  std::string code;  // "(other)" for injects not addressed to a known agency
  int delivered = 0, acknowledged = 0, acted = 0, overdue = 0;  // overdue: ever marked overdue
  DurationStats ack, action;
};
std::vector<AgencyResponse> responseStats(const ExerciseState& state, const Snapshot& snap);
// The same over every delivered inject (agency 0, code "all").
AgencyResponse overallResponse(const ExerciseState& state);

// What the controller view shows: one row per inject in script order, and the clock.
struct ControllerRow {
  Inject inject;
  InjectStatus status;
  std::string agency_code;
  bool due = false;  // pending and its time has come (the engine delivers it on its next step)
  std::optional<ScenarioSeconds> ack_time, action_time;  // response times when known
};
struct ControllerView {
  ExerciseClock clock;
  ScenarioSeconds now = 0;
  TimeUtc display_time = 0;
  std::vector<ControllerRow> rows;
  std::vector<AgencyResponse> stats;
  int pending = 0, delivered = 0, acknowledged = 0, acted = 0, overdue = 0;
  std::optional<ScenarioSeconds> next_offset;  // the next clock-driven inject's time
};
ControllerView controllerView(const ExerciseState& state, const Snapshot& snap, TimeUtc wall);

// ---- auto-acknowledgement for headless rehearsals ---------------------------------------------

// none | all | agency:CODE[,CODE...] | ratio:R (0..1). Ratio is deterministic: the k-th
// clock-driven inject in script order (k = 1, 2, ...) is acknowledged when
// floor(k*R) > floor((k-1)*R), so exactly floor(n*R) of the first n are.
struct AutoAckPolicy {
  enum class Kind { None, All, Agencies, Ratio };
  Kind kind = Kind::None;
  std::vector<std::string> codes;
  double ratio = 0.0;
  ScenarioSeconds ack_delay = 120;  // after delivery, scenario time
  ScenarioSeconds act_delay = 300;  // after delivery; the action is recorded then
};
std::optional<AutoAckPolicy> parseAutoAckPolicy(const std::string& text);  // nullopt: invalid
bool autoAcknowledges(const AutoAckPolicy& p, const std::string& agencyCode, int k);

inline constexpr const char* kAutoResponder = "auto-ack (rehearsal)";

// ---- the engine ------------------------------------------------------------------------------

class Drill {
 public:
  Drill(Store& store, std::string actor);

  const ExerciseState& state() const { return m_state; }
  SnapshotPtr snapshot() const { return m_snap; }
  void reload();
  ScenarioSeconds now(TimeUtc wall) const { return scenarioAt(m_state.clock, wall); }

  // Clock controls, each journaled.
  void start(TimeUtc wall);
  void pause(TimeUtc wall);
  void resume(TimeUtc wall);
  void setSpeed(TimeUtc wall, int speed);
  void jump(TimeUtc wall, ScenarioSeconds to);  // forward or back (rewind)
  void setOverdueWindow(ScenarioSeconds window);
  // Clock to 00:00:00 (paused), every inject back to pending, network effects undone.
  void reset(TimeUtc wall);

  // Delivers due injects and marks overdue ones, in scenario-time order, up to the clock's
  // reading at wall (or `upTo` when given). Returns the numbers of the injects it changed.
  std::vector<std::string> advance(TimeUtc wall, std::optional<ScenarioSeconds> upTo = {});
  // What another exercise controller did first since the last call ("" when nothing): the
  // caller says that a second controller is running. Clears it.
  std::string takeConflict() { return std::exchange(m_conflict, std::string()); }

  // Delivers a (manual) inject now.
  void deliver(const std::string& number, TimeUtc wall);
  // Acknowledges at the clock's reading; with an action text also records the action.
  void acknowledge(const std::string& number, TimeUtc wall, const std::string& responder,
                   const std::string& action = "",
                   std::optional<ScenarioSeconds> at = std::nullopt);
  void recordAction(const std::string& number, TimeUtc wall, const std::string& action,
                    std::optional<ScenarioSeconds> at = std::nullopt);

 private:
  const Inject& injectByNumber(const std::string& number) const;
  const InjectStatus& statusOf(Id inject) const;
  // Each returns false (and reloads) when another controller got there first.
  bool deliverAt(const Inject& inject, TimeUtc wall, ScenarioSeconds s);
  bool markOverdue(const Inject& inject, ScenarioSeconds s);
  void saveClock(const ExerciseClock& clock, const std::string& summary);

  Store& m_store;
  std::string m_actor;
  std::string m_conflict;  // the last change another controller made first ("" when none)
  ExerciseState m_state;
  SnapshotPtr m_snap;
};

// ---- headless runs (liaison drill run) -------------------------------------------------------

struct DrillRunOptions {
  int speed = 1;
  std::optional<ScenarioSeconds> until;  // stop when the clock reads this
  AutoAckPolicy policy;
  bool simulate = false;  // advance a virtual wall clock instantly (rehearsals and tests)
};
struct DrillRunReport {
  ScenarioSeconds ended_at = 0;
  int delivered = 0, acknowledged = 0, acted = 0, overdue = 0;
};
// Runs the clock until `until` or until nothing more can happen on its own (every clock-driven
// inject delivered, every auto-acknowledgement and overdue mark made), then pauses it there.
// now() gives the wall time and sleep() waits a little (ignored when simulating). log gets one
// line per change.
DrillRunReport runDrill(Drill& drill, const DrillRunOptions& options,
                        const std::function<TimeUtc()>& now, const std::function<void()>& sleep,
                        std::ostream& log);

}  // namespace liaison::core
