// ICS 202 objectives as records: a status per objective, the tasks that serve it, journaled,
// and a removed task dropped from the objective's list.
#include <catch2/catch.hpp>

#include "core/model/enums.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;

TEST_CASE("an objective is marked met; a removed task leaves its list", "[objectives]") {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("o.liaison"));
  Incident inc;
  inc.id = 1;
  inc.name = "I";
  inc.start = 100;
  OperationalPeriod p;
  p.id = 1;
  p.incident = 1;
  p.start = 100;
  p.end = 200;
  Task t1, t2;
  t1.id = 1;
  t1.title = "Open shelter";
  t2.id = 2;
  t2.title = "Close road";
  store->apply({put(inc), put(p), put(t1), put(t2)}, "t");
  Objective o;
  o.period = 1;
  o.text = "Shelter every evacuee of Zone A";
  o.tasks = {1, 2};
  const Id id = store->apply(put(o), "t").ids.at(0);
  Objective met = *store->load()->find<Objective>(id);
  CHECK(met.status == ObjectiveStatus::NotStarted);
  met.status = ObjectiveStatus::Met;
  store->apply(put(met), "t");
  CHECK(store->load()->find<Objective>(id)->status == ObjectiveStatus::Met);
  const auto journal = store->journal();
  CHECK(journal.back().entity == "objective");
  CHECK(journal.back().summary.find("status") != std::string::npos);
  store->apply(remove(EntityKind::Task, 2), "t");
  CHECK(store->load()->find<Objective>(id)->tasks == std::vector<Id>{1});
  Objective bad;
  bad.period = 9;
  bad.text = "x";
  CHECK_THROWS_WITH(store->apply(put(bad), "t"),
                    Catch::Contains("period refers to operational period 9, which does not exist"));
  CHECK(toString(ObjectiveStatus::NotMet) == "not_met");
}
