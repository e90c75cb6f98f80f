// The one clock: what "now" is for every panel, the wall, overdue checks and key figures, so
// that two screens never disagree about the time. In order:
//   Past      the time scrubber is in the past: its time;
//   Exercise  the workspace is an exercise whose clock has been started: the exercise's display
//             time (running or paused), shown as EXERCISE TIME;
//   Ended     the incident ended before the wall clock (an incident or drill reviewed later):
//             its end, so that tasks do not all turn overdue weeks afterwards;
//   Live      the wall clock.
#pragma once

#include <optional>
#include <string>

#include "core/model/exercise.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

enum class ClockMode { Live, Exercise, Ended, Past };

struct OperationalNow {
  TimeUtc time = 0;
  ClockMode mode = ClockMode::Live;
  // "EXERCISE TIME", "PAST", "INCIDENT ENDED" or "" (live): what a header prints beside the time.
  std::string label() const;
};

// `exercise`: the workspace's exercise clock, when it has one (null otherwise).
OperationalNow operationalNow(const Snapshot& snapshot, const ExerciseClock* exercise,
                              std::optional<TimeUtc> scrub, TimeUtc wall);

// Whether a task is overdue at `now` (open and past its due time).
bool overdue(const Task& task, TimeUtc now);

}  // namespace liaison::core
