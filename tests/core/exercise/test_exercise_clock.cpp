// The exercise clock as pure arithmetic (pause, speed changes, jump and rewind, reset) and
// resuming after a restart from the state saved in the workspace; scenario offsets and the
// network-effect syntax.
#include <catch2/catch.hpp>

#include "core/exercise/exercise_clock.hpp"
#include "core/model/exercise.hpp"
#include "core/store/exercise_store.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;

TEST_CASE("the exercise clock runs at its speed and stops when paused", "[exercise][clock]") {
  ExerciseClock c;
  CHECK(scenarioAt(c, 1000) == 0);  // not started
  c = startClock(c, 1000);
  CHECK(scenarioAt(c, 1000) == 0);
  CHECK(scenarioAt(c, 1010) == 10);
  c = setSpeed(c, 1010, 60);  // 10 s at 1x, then 60x
  CHECK(scenarioAt(c, 1011) == 70);
  CHECK(scenarioAt(c, 1020) == 610);
  c = pauseClock(c, 1020);
  CHECK(c.paused);
  CHECK(scenarioAt(c, 5000) == 610);
  c = resumeClock(c, 6000);  // paused time does not count
  CHECK(scenarioAt(c, 6001) == 670);
  c = setSpeed(c, 6001, 10);
  CHECK(scenarioAt(c, 6003) == 690);
  CHECK(setSpeed(c, 6003, 500).speed == 60);  // clamped
  CHECK(setSpeed(c, 6003, 0).speed == 1);
  CHECK(scenarioAt(c, 5000) == 670);  // a wall time before the last change never goes back
}

TEST_CASE("jump and rewind move the scenario time, reset goes back to the start",
          "[exercise][clock]") {
  ExerciseClock c = setSpeed(startClock({}, 100), 100, 2);
  CHECK(scenarioAt(c, 110) == 20);
  c = jumpClock(c, 110, 3600);
  CHECK(scenarioAt(c, 111) == 3602);
  c = jumpClock(c, 111, 1800);  // rewind
  CHECK(scenarioAt(c, 112) == 1802);
  c = jumpClock(c, 112, -5);
  CHECK(scenarioAt(c, 112) == 0);
  c = pauseClock(jumpClock(c, 120, 900), 120);
  CHECK(scenarioAt(c, 999) == 900);
  CHECK(wallWhen(c, 1000) == std::nullopt);  // paused
  c = resumeClock(c, 200);
  CHECK(wallWhen(c, 1000) == 250);          // 100 scenario seconds at 2x
  CHECK(wallWhen(c, 1001) == 251);          // first whole second at or past
  CHECK(wallWhen(c, 800) == std::nullopt);  // already past
  const ExerciseClock r = resetClock(c);
  CHECK(!r.started);
  CHECK(r.paused);
  CHECK(scenarioAt(r, 99999) == 0);
  CHECK(r.speed == 2);  // reset keeps the speed and the epoch
}

TEST_CASE("a restarted process resumes the clock from the saved state", "[exercise][clock]") {
  testing::TempDir tmp;
  const auto path = tmp.file("clock.liaison");
  ExerciseClock c = setSpeed(startClock({}, 1000), 1000, 30);
  c.epoch = 1778761800;
  c.overdue_window = 300;
  {
    auto store = Store::create(path);
    store->transact("controller", [&](Transaction& t) { writeClock(t, c, "started"); });
  }
  auto store = Store::open(path);
  const ExerciseState s = loadExercise(*store);
  CHECK(s.clock == c);
  // The process was gone for 100 wall seconds: the running clock kept counting.
  CHECK(scenarioAt(s.clock, 1100) == 3000);
  const auto journal = store->journal();
  REQUIRE(!journal.empty());
  CHECK(journal.back().entity == "exercise_clock");
  CHECK(journal.back().summary == "started");
  CHECK(store->verify().ok);
}

TEST_CASE("scenario offsets and network effects have one spelling", "[exercise][values]") {
  CHECK(parseOffset("01:15:00") == 4500);
  CHECK(parseOffset("00:00:00") == 0);
  CHECK(parseOffset("1:15") == 4500);
  CHECK(parseOffset("100:00:01") == 360001);
  CHECK_FALSE(parseOffset("01:60:00"));
  CHECK_FALSE(parseOffset("01:15:7"));
  CHECK_FALSE(parseOffset("0115"));
  CHECK_FALSE(parseOffset("-01:00:00"));
  CHECK_FALSE(parseOffset(""));
  CHECK(formatOffset(4500) == "01:15:00");
  CHECK(formatOffset(360001) == "100:00:01");

  auto e = parseNetworkEffect("down channel:1326");
  REQUIRE(e);
  CHECK(e->target == NetworkEffect::Target::Channel);
  CHECK(e->change == NetworkEffect::Change::Down);
  CHECK(e->id == 1326);
  CHECK(formatNetworkEffect(*e) == "down channel:1326");
  CHECK(formatNetworkEffect(*parseNetworkEffect("up rep:183")) == "up rep:183");
  CHECK(formatNetworkEffect(*parseNetworkEffect("degraded channel:7")) == "degraded channel:7");
  CHECK(parseNetworkEffect("")->empty());
  CHECK_FALSE(parseNetworkEffect("degraded rep:1"));
  CHECK_FALSE(parseNetworkEffect("down channel:"));
  CHECK_FALSE(parseNetworkEffect("Down channel:1"));
  CHECK_FALSE(parseNetworkEffect("down tower:1"));
}
