// The exercise clock's arithmetic: what it reads at a wall time, and the clock after each
// control action (start, pause, resume, speed, jump, reset). Pure functions on the plain
// ExerciseClock value (core/model/exercise.hpp), so the drill engine, the controller view, the
// wall and the AAR all read the same time and tests need no real clock.
#pragma once

#include <optional>

#include "core/model/exercise.hpp"

namespace liaison::core {

ScenarioSeconds scenarioAt(const ExerciseClock& c, TimeUtc wall);
inline TimeUtc displayTime(const ExerciseClock& c, ScenarioSeconds s) {
  return c.epoch + s;
}
// Each returns the new clock; wall is the moment of the change.
ExerciseClock startClock(ExerciseClock c, TimeUtc wall);  // from scenario 0, running
ExerciseClock pauseClock(ExerciseClock c, TimeUtc wall);
ExerciseClock resumeClock(ExerciseClock c, TimeUtc wall);
ExerciseClock setSpeed(ExerciseClock c, TimeUtc wall, int speed);            // clamped to 1..60
ExerciseClock jumpClock(ExerciseClock c, TimeUtc wall, ScenarioSeconds to);  // also rewinds
ExerciseClock resetClock(ExerciseClock c);  // scenario 0, paused, not started
// The wall time at which the running clock reads `s` (nullopt when paused or already past).
std::optional<TimeUtc> wallWhen(const ExerciseClock& c, ScenarioSeconds s);

}  // namespace liaison::core
