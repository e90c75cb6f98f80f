// Call-down rounds as timeline events: who was notified, who acknowledged when, the outstanding
// ones and when they are due to be called again; bad acknowledgements refused.
#include <catch2/catch.hpp>

#include "core/reports/calldown.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;

TEST_CASE("a call-down round with two agencies outstanding", "[calldown]") {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("c.liaison"));
  std::vector<Command> setup;
  for (Id id = 1; id <= 3; ++id) {
    Agency a;
    a.id = id;
    a.code = "A" + std::to_string(id);
    a.name = "Agency " + std::to_string(id);
    setup.push_back(put(a));
  }
  store->apply(setup, "t");
  const TimelineEvent start =
      callDownStart(*store->load(), "Plume shift", "Shelter in place east of Main St", "phone",
                    {1, 2, 3}, 15, 1000);
  const Id round = store->apply(put(start), "t").ids[0];
  store->apply(put(callDownAck(*store->load(), round, 2, "Dana", 1300)), "t");
  const auto rounds = callDownRounds(*store->load());
  REQUIRE(rounds.size() == 1);
  const CallDownRound& r = rounds[0];
  CHECK(r.subject == "Plume shift");
  CHECK(r.message == "Shelter in place east of Main St");
  CHECK(r.method == "phone");
  CHECK(r.repeat_min == 15);
  CHECK(r.outstanding() == 2);
  CHECK_FALSE(r.recipients[0].acked_at);
  CHECK(r.recipients[1].acked_at == std::optional<TimeUtc>(1300));
  CHECK(r.recipients[1].acked_by == "Dana");
  CHECK(r.nextRepeat(1300) == std::optional<TimeUtc>(1900));
  CHECK(r.nextRepeat(1900) == std::optional<TimeUtc>(2800));
  CHECK_THROWS_WITH(callDownAck(*store->load(), round, 2, "", 1400),
                    "A2 acknowledged call-down round " + std::to_string(round) + " already");
  CHECK_THROWS_WITH(callDownAck(*store->load(), 999, 1, "", 1400),
                    "there is no call-down round 999");
  CHECK_THROWS_WITH(callDownStart(*store->load(), "x", "", "phone", {1, 1}, 0, 0),
                    "agency A1 is listed twice");
  store->apply(put(callDownAck(*store->load(), round, 1, "", 1500)), "t");
  store->apply(put(callDownAck(*store->load(), round, 3, "", 1600)), "t");
  const CallDownRound done = callDownRounds(*store->load())[0];
  CHECK(done.outstanding() == 0);
  CHECK_FALSE(done.nextRepeat(2000));
}
