// The shared entity rules (validate_entity.hpp) against a snapshot: every problem is listed
// with its field, and the store says the same thing for the first one.
#include <catch2/catch.hpp>

#include "core/model/validate_entity.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;
using namespace liaison::core::testing;

namespace {

Snapshot seeded() {
  Snapshot s;
  s.agencies = {makeAgency(1, "RCFD", "River City Fire Department"),
                makeAgency(2, "RCPD", "River City Police Department")};
  s.representatives = {makeRep(101, 1, "Dana Whitfield"), makeRep(102, 2, "Luis Ortega")};
  s.channels = {repChannel(1001, 101, 102)};
  s.needs = {makeNeed(1, 1, 2)};
  return s;
}

std::vector<std::string> fields(const std::vector<FieldProblem>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(p.field);
  return out;
}

}  // namespace

TEST_CASE("a valid entity has no problems, new (id 0) or existing", "[validate]") {
  const Snapshot s = seeded();
  const SnapshotLookup lookup(s);
  CHECK(entityProblems(lookup, makeAgency(0, "MEMS", "Metro EMS")).empty());
  CHECK(entityProblems(lookup, s.agencies[0]).empty());  // its own code is not a duplicate
  CHECK(entityProblems(lookup, makeRep(0, 2, "Ann Lee")).empty());
  CHECK(entityProblems(lookup, repChannel(0, 101, 102)).empty());
  CHECK(entityProblems(lookup, agencyChannel(0, 1, 2)).empty());
  CHECK(entityProblems(lookup, makeNeed(0, 2, 1)).empty());
}

TEST_CASE("agency rules: required fields, unique code, valid enum values", "[validate]") {
  const Snapshot s = seeded();
  const SnapshotLookup lookup(s);
  Agency a = makeAgency(0, "RCPD", "");
  a.personnel = -2;
  a.type = static_cast<AgencyType>(99);
  const auto ps = entityProblems(lookup, a);
  CHECK(fields(ps) == std::vector<std::string>{"code", "name", "type", "personnel"});
  CHECK(problemsOf(ps, "code") ==
        "code \"RCPD\" is already used by agency 2; agency codes must be unique");
  CHECK(problemsOf(ps, "name") == "name is empty; it needs a value");
  CHECK(problemsOf(ps, "type") ==
        "type is 99; it must be fire, law, ems, hospital, public_health, public_works, utility, "
        "school, transit, ngo, media, government, military, private or other");
  CHECK(problemsOf(ps, "personnel") == "personnel is -2; it must be a whole number, 0 or more");
  CHECK(problemsOf(ps, "role").empty());

  Agency blank = makeAgency(0, "  ", "Somebody");
  CHECK(problemsOf(entityProblems(lookup, blank), "code") == "code is empty; it needs a value");
}

TEST_CASE("representative rules: an existing agency, a name, contact values", "[validate]") {
  const Snapshot s = seeded();
  const SnapshotLookup lookup(s);
  Representative r = makeRep(101, 9, " ");
  r.contacts.push_back({ContactKind::Email, "", false, ""});
  const auto ps = entityProblems(lookup, r);
  CHECK(fields(ps) == std::vector<std::string>{"agency", "name", "contacts[2].value"});
  CHECK(problemsOf(ps, "agency") ==
        "agency refers to agency 9, which does not exist; use the id of an existing agency");
  // A field's sub-fields belong to it.
  CHECK(problemsOf(ps, "contacts") == "contacts[2].value is empty; it needs a value");
  CHECK(problemsOf(ps, "contacts[2].value") == "contacts[2].value is empty; it needs a value");
  CHECK(problemsOf(ps, "contacts[1].value").empty());
  r.agency = 0;
  CHECK(problemsOf(entityProblems(lookup, r), "agency") ==
        "agency is not set; it must name an existing agency");
}

TEST_CASE("channel rules: endpoints exist and differ, latency >= 0, reliability 0..1",
          "[validate]") {
  const Snapshot s = seeded();
  const SnapshotLookup lookup(s);
  Channel c = repChannel(0, 101, 999);
  c.latency_min = -1;
  c.reliability = 1.5;
  auto ps = entityProblems(lookup, c);
  CHECK(fields(ps) == std::vector<std::string>{"to_rep", "latency_min", "reliability"});
  CHECK(problemsOf(ps, "latency_min") == "latency_min is -1; it must be a number of minutes, 0 or more");
  CHECK(problemsOf(ps, "reliability") == "reliability is 1.5; it must be a number from 0 to 1");

  ps = entityProblems(lookup, agencyChannel(0, 2, 2));
  CHECK(problemsOf(ps, "to_agency") ==
        "to_agency is the same agency as from_agency (2); a channel joins two different agencies");

  Channel none;
  CHECK(fields(entityProblems(lookup, none)) == std::vector<std::string>{"endpoints"});
}

TEST_CASE("need rules: two different existing agencies", "[validate]") {
  const Snapshot s = seeded();
  const SnapshotLookup lookup(s);
  auto ps = entityProblems(lookup, makeNeed(0, 1, 1));
  CHECK(problemsOf(ps, "agency_b") ==
        "agency_b is the same agency as agency_a (1); a need joins two different agencies");
  ps = entityProblems(lookup, makeNeed(0, 0, 0));
  CHECK(fields(ps) == std::vector<std::string>{"agency_a", "agency_b"});  // not "the same"
  Need n = makeNeed(0, 1, 2);
  n.priority = static_cast<Priority>(7);
  CHECK(problemsOf(entityProblems(lookup, n), "priority") ==
        "priority is 7; it must be critical, high, normal or low");
}

TEST_CASE("the store refuses with the same words as the editor shows", "[validate][store]") {
  TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  seed(*store);
  const auto snap = store->load();
  const SnapshotLookup lookup(*snap);
  Channel flaky = repChannel(1005, 101, 102);
  flaky.reliability = 2;
  const auto ps = entityProblems(lookup, flaky);
  REQUIRE(ps.size() == 1);
  CHECK_THROWS_WITH(store->apply(put(flaky), "tester"), describeProblem(flaky, ps.front()));
  CHECK(describeProblem(flaky, ps.front()) ==
        "channel 1005: reliability is 2; it must be a number from 0 to 1");
}
