// Hand-checked components, articulation points, bridges and biconnected components. (Needs and
// their single points of failure: needs_engine_test.cpp.)
#include <catch2/catch.hpp>

#include <algorithm>

#include "graph/biconnected.hpp"
#include "graph/components.hpp"
#include "test_helpers.hpp"

using namespace liaison::graph;
using liaison::graph::test::makeGraph;

namespace {
// Two triangles 0-1-2 and 3-4-5 joined by the bridge 2-3 (edge 3).
Graph twoTriangles() {
  return makeGraph(6, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 5}, {5, 3}});
}
}  // namespace

TEST_CASE("structure: articulation points, bridges, biconnected components", "[graph][structure]") {
  const Graph g = twoTriangles();
  Biconnected b(g);
  b.run();
  CHECK(b.articulationPoints() == std::vector<Id>{2, 3});
  CHECK(b.bridges() == std::vector<Id>{3});
  REQUIRE(b.componentEdges().size() == 3);
  std::vector<std::size_t> sizes;
  for (const auto& c : b.componentEdges()) sizes.push_back(c.size());
  std::sort(sizes.begin(), sizes.end());
  CHECK(sizes == std::vector<std::size_t>{1, 3, 3});
}

TEST_CASE("structure: parallel edges are not bridges; direction and loops are ignored",
          "[graph][structure]") {
  const Graph par = makeGraph(3, {{0, 1}, {0, 1}, {1, 2}, {2, 2}}, false);
  Biconnected b(par);
  b.run();
  CHECK(b.bridges() == std::vector<Id>{2});
  CHECK(b.articulationPoints() == std::vector<Id>{1});
  const Graph lonely = makeGraph(3, {{0, 1}});
  Biconnected l(lonely);
  l.run();
  CHECK(l.articulationPoints().empty());
  CHECK(l.bridges() == std::vector<Id>{0});
}

TEST_CASE("structure: failures change the cut points", "[graph][structure]") {
  const Graph g = makeGraph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
  Biconnected whole(g);
  whole.run();
  CHECK(whole.articulationPoints().empty());
  Biconnected broken(g, Failures{{}, {0}});
  broken.run();
  CHECK(broken.articulationPoints() == std::vector<Id>{2, 3});
  CHECK(broken.bridges().size() == 3);
}

TEST_CASE("structure: weak and strong components", "[graph][structure]") {
  // Directed cycle 0->1->2->0, tail 2->3, isolated 4.
  const Graph g = makeGraph(5, {{0, 1}, {1, 2}, {2, 0}, {2, 3}}, false);
  Components c(g);
  c.run();
  CHECK(c.weakCount() == 2);
  CHECK(c.strongCount() == 3);
  CHECK(c.weakLabels() == std::vector<int>{0, 0, 0, 0, 1});
  CHECK(c.strongLabels()[0] == c.strongLabels()[2]);
  CHECK(c.strongLabels()[3] != c.strongLabels()[2]);
  Components f(g, Failures{{2}, {}});
  f.run();
  CHECK(f.weakCount() == 3);
  CHECK(f.weakLabels()[2] == -1);
}
