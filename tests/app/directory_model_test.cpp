// The directory's filter and the fixed layout's arithmetic, without drawing.
#include <catch2/catch.hpp>

#include "app/panels/directory_model.hpp"
#include "app/shell/dashboard.hpp"

using namespace liaison;

TEST_CASE("filterDirectoryRows: every term must match, in any field, any case") {
  std::vector<app::DirectoryRow> rows(3);
  rows[0].search = "rcfd\nriver city fire\nfire\nassisting\ndana whitfield\n";
  rows[1].search = "rcpd\nriver city police\nlaw enforcement\nassisting\npriya\n";
  rows[2].search = "arc\nred cross\nngo\ncooperating\n\n";
  using Idx = std::vector<std::size_t>;
  CHECK(app::filterDirectoryRows(rows, "") == Idx{0, 1, 2});
  CHECK(app::filterDirectoryRows(rows, "   ") == Idx{0, 1, 2});
  CHECK(app::filterDirectoryRows(rows, "RIVER") == Idx{0, 1});
  CHECK(app::filterDirectoryRows(rows, "river  police") == Idx{1});
  CHECK(app::filterDirectoryRows(rows, "assisting dana") == Idx{0});
  CHECK(app::filterDirectoryRows(rows, "fire priya").empty());
  // A term never spans two fields.
  CHECK(app::filterDirectoryRows(rows, "fireassisting").empty());
}

TEST_CASE("agency type labels read well") {
  CHECK(app::agencyTypeLabel(core::AgencyType::Ems) == "EMS");
  CHECK(app::agencyTypeLabel(core::AgencyType::PublicWorks) == "Public works");
  CHECK(app::contactKindLabel(core::ContactKind::SatPhone) == "Sat phone");
}

TEST_CASE("removalImpact names what goes with an agency, as the store's cascade does") {
  core::Snapshot s;
  core::Agency fire;
  fire.id = 1;
  fire.code = "RCFD";
  fire.name = "River City Fire";
  core::Agency police = fire;
  police.id = 2;
  police.code = "RCPD";
  police.name = "River City Police";
  s.agencies = {fire, police};
  core::Representative dana;
  dana.id = 101;
  dana.agency = 1;
  dana.name = "Dana Whitfield";
  core::Representative luis = dana;
  luis.id = 201;
  luis.agency = 2;
  luis.name = "Luis Ortega";
  s.representatives = {dana, luis};
  core::Channel radio;
  radio.id = 1001;
  radio.from_rep = 101;
  radio.to_rep = 201;
  radio.medium = core::Medium::Radio;
  radio.identifier = "TAC-2";
  core::Channel phone;
  phone.id = 1002;
  phone.from_agency = 2;
  phone.to_agency = 1;
  s.channels = {radio, phone};
  core::Need need;
  need.id = 7;
  need.agency_a = 2;
  need.agency_b = 1;
  need.reason = "traffic control";
  s.needs = {need};
  core::Task task;
  task.id = 3;
  task.title = "Close River Road";
  task.owner_rep = 101;
  task.involved = {1, 2};
  s.tasks = {task};

  const app::RemovalImpact a = app::removalImpact(s, core::EntityKind::Agency, 1);
  CHECK(a.what == "agency RCFD (River City Fire)");
  CHECK(a.removed == std::vector<std::string>{
                         "representative Dana Whitfield",
                         "channel 1001 (Radio TAC-2: Dana Whitfield (RCFD) - Luis Ortega (RCPD))",
                         "channel 1002 (Phone: RCPD - RCFD)",
                         "need 7 (RCPD - RCFD: traffic control)"});
  CHECK(a.detached ==
        std::vector<std::string>{
            "task 3 (Close River Road) loses its owner Dana Whitfield (RCFD)",
            "task 3 (Close River Road) no longer names it"});

  const app::RemovalImpact r = app::removalImpact(s, core::EntityKind::Representative, 201);
  CHECK(r.what == "representative Luis Ortega (RCPD)");
  CHECK(r.removed.size() == 1);
  CHECK(app::removalImpact(s, core::EntityKind::Need, 7).removed.empty());

  const app::AgencyRelations rel = app::agencyRelations(s, 2);
  CHECK(rel.reps.size() == 1);
  CHECK(rel.channels.size() == 2);
  CHECK(rel.needs.size() == 1);
}

TEST_CASE("computeLayout gives an empty slot's room to the others") {
  const float em = 16;
  SECTION("only the left slot: it takes the whole work area") {
    const auto l = app::computeLayout(0, 20, 1920, 1000, true, false, false, false, em);
    CHECK(l.left.used);
    CHECK_FALSE(l.centre.used);
    CHECK(l.left.w == Approx(1920));
    CHECK(l.left.h == Approx(1000));
  }
  SECTION("left and centre: 3 to 7") {
    const auto l = app::computeLayout(0, 0, 1000, 800, true, true, false, false, em);
    CHECK(l.left.w == Approx((1000 - 0.15f * em) * 0.3f));
    CHECK(l.centre.x == Approx(l.left.w + 0.15f * em));
    CHECK(l.centre.x + l.centre.w == Approx(1000));
  }
  SECTION("a bottom slot takes 30% of the height under the columns") {
    const auto l = app::computeLayout(0, 0, 1000, 1000, false, true, true, true, em);
    CHECK(l.bottom.used);
    CHECK(l.bottom.h == Approx(300));
    CHECK(l.bottom.y == Approx(700));
    CHECK(l.centre.h == Approx(700 - 0.15f * em));
    CHECK(l.right.x + l.right.w == Approx(1000));
  }
}
