#include <catch2/catch.hpp>

#include "graph/active_mask.hpp"
#include "test_helpers.hpp"

using namespace liaison::graph;

TEST_CASE("graph: ids map to indices and back, adjacency honours direction", "[graph]") {
  std::vector<NodeSpec> nodes{{100, 1, false}, {200, 1, false}, {300, 2, true}};
  std::vector<EdgeSpec> edges{{7, 100, 200, 2.0, 0.9, false, false},
                              {9, 200, 300, 1.0, 0.5, true, false},
                              {11, 300, 300, 1.0, 1.0, true, false}};
  Graph g(nodes, edges);
  CHECK(g.nodeCount() == 3);
  CHECK(g.nodeIndex(200) == 1);
  CHECK(g.nodeIndex(999) == kNoIndex);
  CHECK(g.edgeIndex(9) == 1);
  CHECK_FALSE(g.isUndirected());
  CHECK(g.out().neighbours(0).size() == 1);
  CHECK(g.in().neighbours(0).size() == 0);
  CHECK(g.undirected().neighbours(0).size() == 1);
  CHECK(g.out().neighbours(2).size() == 1);  // self-loop left out of adjacency
  CHECK(g.length(1, Metric::Reliability) == Approx(-std::log(0.5)));
  ActiveMask mask(g);
  CHECK_FALSE(mask.nodeActive(2));
  CHECK(mask.activeNodeCount() == 2);
}

TEST_CASE("graph: bad input is refused", "[graph]") {
  CHECK_THROWS_AS(Graph({{1, 0, false}, {1, 0, false}}, {}), std::invalid_argument);
  CHECK_THROWS_AS(Graph({{1, 0, false}}, {{0, 1, 2, 1.0, 1.0, true, false}}),
                  std::invalid_argument);
  CHECK_THROWS_AS(Graph({{0, 0, false}}, {{0, 0, 0, -1.0, 1.0, true, false}}),
                  std::invalid_argument);
  CHECK_THROWS_AS(Graph({{0, 0, false}}, {{0, 0, 0, 1.0, 1.5, true, false}}),
                  std::invalid_argument);
}
