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
