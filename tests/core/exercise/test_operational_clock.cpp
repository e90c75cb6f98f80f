// The one clock and local times in the incident's zone, hand-checked.
#include <catch2/catch.hpp>

#include "core/exercise/exercise_clock.hpp"
#include "core/exercise/operational_clock.hpp"
#include "core/model/time_zone.hpp"

using namespace liaison::core;

namespace {

Snapshot incident(bool exercise, std::optional<TimeUtc> end) {
  Snapshot s;
  Incident i;
  i.id = 1;
  i.name = "X";
  i.exercise = exercise;
  i.start = 1778761800;  // 2026-05-14T12:30:00Z
  i.end = end;
  i.time_zone = "America/New_York";
  s.incidents.push_back(i);
  return s;
}

}  // namespace

TEST_CASE("the one clock: past, then exercise time, then an ended incident, then live",
          "[clock]") {
  const TimeUtc wall = 1800000000;  // 2027-01-15
  const Snapshot live = incident(false, std::nullopt);
  CHECK(operationalNow(live, nullptr, std::nullopt, wall).mode == ClockMode::Live);
  CHECK(operationalNow(live, nullptr, std::nullopt, wall).time == wall);
  CHECK(operationalNow(live, nullptr, TimeUtc{1778770000}, wall).mode == ClockMode::Past);
  CHECK(operationalNow(live, nullptr, TimeUtc{1778770000}, wall).time == 1778770000);

  const Snapshot ended = incident(true, TimeUtc{1778848200});
  OperationalNow n = operationalNow(ended, nullptr, std::nullopt, wall);
  CHECK(n.mode == ClockMode::Ended);
  CHECK(n.time == 1778848200);
  CHECK(n.label() == "INCIDENT ENDED");

  // A started exercise clock at 10x: 60 s of wall time are 600 s of scenario time.
  ExerciseClock c;
  c.epoch = 1778761800;
  c = setSpeed(startClock(c, wall), wall, 10);
  n = operationalNow(ended, &c, std::nullopt, wall + 60);
  CHECK(n.mode == ClockMode::Exercise);
  CHECK(n.time == 1778761800 + 600);
  CHECK(n.label() == "EXERCISE TIME");
  // The same clock on a workspace that is not an exercise is not used.
  CHECK(operationalNow(live, &c, std::nullopt, wall).mode == ClockMode::Live);
  // An exercise whose clock never started: the incident's end, as for any ended incident.
  ExerciseClock idle;
  CHECK(operationalNow(ended, &idle, std::nullopt, wall).mode == ClockMode::Ended);

  Task t;
  t.status = TaskStatus::Doing;
  t.due = 1778770000;
  CHECK(overdue(t, 1778770001));
  CHECK_FALSE(overdue(t, 1778770000));
  t.status = TaskStatus::Done;
  CHECK_FALSE(overdue(t, 1778770001));
}

TEST_CASE("local times in the incident's zone, daylight saving included", "[clock][tz]") {
  const TimeUtc t = 1778761800;  // 2026-05-14T12:30:00Z
  CHECK(formatLocal(t, "America/New_York", "%Y-%m-%d %H:%M %Z") == "2026-05-14 08:30 EDT");
  CHECK(formatLocal(t, "America/New_York", "%z") == "-0400");
  CHECK(formatLocal(1767270600, "America/New_York", "%H:%M %Z") == "07:30 EST");  // 2026-01-01T12:30Z
  CHECK(formatLocal(t, "Europe/Berlin", "%H:%M %Z") == "14:30 CEST");
  CHECK(formatLocal(t, "Asia/Kolkata", "%H:%M %z") == "18:00 +0530");
  CHECK(formatLocal(t, "", "%H:%M %Z") == "12:30 UTC");
  CHECK(formatLocal(t, "Mars/Olympus", "%H:%M %Z") == "12:30 UTC");
  CHECK(isTimeZone("America/Chicago"));
  CHECK(isTimeZone(""));
  CHECK_FALSE(isTimeZone("America/Chicag"));
  const LocalTime l = toLocal(t, "Australia/Lord_Howe");  // a half-hour daylight saving zone
  CHECK(l.offsetSeconds == 10 * 3600 + 1800);
  CHECK(l.hour == 23);
}
