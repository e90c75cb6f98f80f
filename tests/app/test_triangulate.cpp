// Ear clipping with holes: every triangle counter-clockwise, areas summing to the polygon's.
#include <catch2/catch.hpp>

#include <cmath>

#include "app/render/triangulate.hpp"

using liaison::app::TriPoint;

namespace {

double ringArea(const std::vector<TriPoint>& r) {
  double a = 0;
  const std::size_t n = r.size();
  for (std::size_t i = 0; i < n; ++i) a += r[i].x * r[(i + 1) % n].y - r[(i + 1) % n].x * r[i].y;
  return std::fabs(a) / 2;
}

// Sum of triangle areas; fails the test on a clockwise or out-of-range triangle.
double meshArea(const std::vector<std::vector<TriPoint>>& rings) {
  const auto pts = liaison::app::flattenRings(rings);
  const auto tris = liaison::app::triangulate(rings);
  double sum = 0;
  for (const auto& t : tris) {
    REQUIRE(t[0] < pts.size());
    REQUIRE(t[1] < pts.size());
    REQUIRE(t[2] < pts.size());
    const TriPoint &a = pts[t[0]], &b = pts[t[1]], &c = pts[t[2]];
    const double cr = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    CHECK(cr > 0);
    sum += cr / 2;
  }
  return sum;
}

}  // namespace

TEST_CASE("triangulate: convex and closed rings") {
  const std::vector<std::vector<TriPoint>> square = {{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}};
  CHECK(liaison::app::flattenRings(square).size() == 4);  // the closing point is dropped
  CHECK(liaison::app::triangulate(square).size() == 2);
  CHECK(meshArea(square) == Approx(1.0));
  // Clockwise input gives the same area.
  const std::vector<std::vector<TriPoint>> cw = {{{0, 0}, {0, 1}, {1, 1}, {1, 0}}};
  CHECK(meshArea(cw) == Approx(1.0));
}

TEST_CASE("triangulate: concave polygons") {
  // An L and a comb (a shape with several reflex vertices).
  const std::vector<std::vector<TriPoint>> l = {{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}};
  CHECK(liaison::app::triangulate(l).size() == 4);
  CHECK(meshArea(l) == Approx(3.0));
  std::vector<TriPoint> comb = {{0, 0}, {7, 0}, {7, 3}};
  for (int i = 6; i >= 0; --i) comb.push_back({static_cast<double>(i), i % 2 ? 1.0 : 3.0});
  comb.pop_back();
  comb.push_back({0, 3});
  CHECK(meshArea({comb}) == Approx(ringArea(comb)));
  CHECK(liaison::app::triangulate({comb}).size() == comb.size() - 2);
}

TEST_CASE("triangulate: holes are left empty") {
  const std::vector<std::vector<TriPoint>> donut = {
      {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}},
      {{3, 3}, {7, 3}, {7, 7}, {3, 7}, {3, 3}},
  };
  CHECK(meshArea(donut) == Approx(100.0 - 16.0));
  // Two holes, one of them counter-clockwise (any winding is accepted).
  const std::vector<std::vector<TriPoint>> two = {
      {{0, 0}, {20, 0}, {20, 10}, {0, 10}},
      {{2, 2}, {2, 8}, {8, 8}, {8, 2}},
      {{12, 2}, {18, 2}, {18, 8}, {12, 8}},
  };
  CHECK(meshArea(two) == Approx(200.0 - 36.0 - 36.0));
}

TEST_CASE("triangulate: degenerate input never loops") {
  CHECK(liaison::app::triangulate({}).empty());
  CHECK(liaison::app::triangulate({{{0, 0}, {1, 1}}}).empty());
  CHECK(liaison::app::triangulate({{{0, 0}, {1, 0}, {2, 0}, {3, 0}}}).empty());  // collinear
  // A bow tie (self-intersecting): some triangles, bounded work.
  const auto bow = liaison::app::triangulate({{{0, 0}, {2, 2}, {2, 0}, {0, 2}}});
  CHECK(bow.size() <= 2);
}
