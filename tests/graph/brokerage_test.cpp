// Hand-checked Gould–Fernandez brokerage roles and Burt's constraint.
#include <catch2/catch.hpp>

#include "graph/brokerage.hpp"
#include "graph/constraint.hpp"
#include "test_helpers.hpp"

using namespace liaison::graph;
using liaison::graph::test::makeGraph;

TEST_CASE("brokerage: each role from one open two-path a->b->c", "[graph][brokerage]") {
  auto roleOfMiddle = [](std::vector<Id> groups) {
    const Graph g = makeGraph(3, {{0, 1}, {1, 2}}, false, groups);
    Brokerage b(g);
    b.run();
    CHECK(b.roles()[0].total() == 0);
    CHECK(b.roles()[2].total() == 0);
    return b.roles()[1];
  };
  CHECK(roleOfMiddle({1, 1, 1}).coordinator == 1);
  CHECK(roleOfMiddle({1, 2, 1}).itinerant == 1);
  CHECK(roleOfMiddle({1, 1, 2}).representative == 1);
  CHECK(roleOfMiddle({2, 1, 1}).gatekeeper == 1);
  CHECK(roleOfMiddle({1, 2, 3}).liaison == 1);
}

TEST_CASE("brokerage: closed triads do not count; two-way ties count both ways",
          "[graph][brokerage]") {
  const Graph closed = makeGraph(3, {{0, 1}, {1, 2}, {0, 2}}, false);
  Brokerage c(closed);
  c.run();
  CHECK(c.roles()[1].total() == 0);
  const Graph und = makeGraph(3, {{0, 1}, {1, 2}}, true, {1, 2, 3});
  Brokerage u(und);
  u.run();
  CHECK(u.roles()[1].liaison == 2);  // 0->1->2 and 2->1->0
  const Graph par = makeGraph(3, {{0, 1}, {0, 1}, {1, 2}}, false, {1, 1, 1});
  Brokerage p(par);
  p.run();
  CHECK(p.roles()[1].coordinator == 1);  // parallel edges are one tie
}

TEST_CASE("constraint: triangle, path and isolated node", "[graph][brokerage]") {
  const Graph tri = makeGraph(3, {{0, 1}, {1, 2}, {2, 0}});
  Constraint t(tri);
  t.run();
  for (double c : t.scores()) CHECK(c == Approx(1.125));
  const Graph path = makeGraph(4, {{0, 1}, {1, 2}});
  Constraint p(path);
  p.run();
  CHECK(p.scores()[0] == Approx(1.0));
  CHECK(p.scores()[1] == Approx(0.5));
  CHECK(std::isnan(p.scores()[3]));
}
