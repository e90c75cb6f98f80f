#include "core/exercise/exercise_clock.hpp"

#include <algorithm>

namespace liaison::core {

ScenarioSeconds scenarioAt(const ExerciseClock& c, TimeUtc wall) {
  if (!c.started || c.paused) return c.scenario_at_change;
  const std::int64_t elapsed = std::max<std::int64_t>(0, wall - c.wall_at_change);
  return c.scenario_at_change + elapsed * c.speed;
}

namespace {
ExerciseClock settle(ExerciseClock c, TimeUtc wall) {
  c.scenario_at_change = scenarioAt(c, wall);
  c.wall_at_change = wall;
  return c;
}
}  // namespace

ExerciseClock startClock(ExerciseClock c, TimeUtc wall) {
  c.started = true;
  c.paused = false;
  c.scenario_at_change = 0;
  c.wall_at_change = wall;
  return c;
}

ExerciseClock pauseClock(ExerciseClock c, TimeUtc wall) {
  c = settle(c, wall);
  c.paused = true;
  return c;
}

ExerciseClock resumeClock(ExerciseClock c, TimeUtc wall) {
  c = settle(c, wall);
  c.started = true;
  c.paused = false;
  return c;
}

ExerciseClock setSpeed(ExerciseClock c, TimeUtc wall, int speed) {
  c = settle(c, wall);
  c.speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
  return c;
}

ExerciseClock jumpClock(ExerciseClock c, TimeUtc wall, ScenarioSeconds to) {
  c.wall_at_change = wall;
  c.scenario_at_change = std::max<ScenarioSeconds>(0, to);
  return c;
}

ExerciseClock resetClock(ExerciseClock c) {
  c.started = false;
  c.paused = true;
  c.scenario_at_change = 0;
  c.wall_at_change = 0;
  return c;
}

std::optional<TimeUtc> wallWhen(const ExerciseClock& c, ScenarioSeconds s) {
  if (!c.started || c.paused || s < c.scenario_at_change) return std::nullopt;
  const std::int64_t ahead = s - c.scenario_at_change;
  return c.wall_at_change + (ahead + c.speed - 1) / c.speed;  // first whole second at or past s
}

}  // namespace liaison::core
