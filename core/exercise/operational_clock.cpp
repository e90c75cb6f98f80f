#include "core/exercise/operational_clock.hpp"

#include "core/exercise/exercise_clock.hpp"

namespace liaison::core {

std::string OperationalNow::label() const {
  switch (mode) {
    case ClockMode::Exercise: return "EXERCISE TIME";
    case ClockMode::Past: return "PAST";
    case ClockMode::Ended: return "INCIDENT ENDED";
    case ClockMode::Live: return "";
  }
  return "";
}

OperationalNow operationalNow(const Snapshot& s, const ExerciseClock* exercise,
                              std::optional<TimeUtc> scrub, TimeUtc wall) {
  if (scrub) return {*scrub, ClockMode::Past};
  if (exercise && exercise->started && s.isExercise())
    return {displayTime(*exercise, scenarioAt(*exercise, wall)), ClockMode::Exercise};
  if (const Incident* i = s.mainIncident(); i && i->end && *i->end < wall)
    return {*i->end, ClockMode::Ended};
  return {wall, ClockMode::Live};
}

bool overdue(const Task& t, TimeUtc now) {
  return t.status != TaskStatus::Done && t.due && *t.due < now;
}

}  // namespace liaison::core
