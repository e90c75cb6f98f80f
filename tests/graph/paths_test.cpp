// Hand-checked shortest paths, Yen's k best paths and disjoint path counts.
#include <catch2/catch.hpp>

#include "graph/disjoint_paths.hpp"
#include "graph/distance_matrix.hpp"
#include "graph/k_shortest_paths.hpp"
#include "graph/shortest_paths.hpp"
#include "test_helpers.hpp"

using namespace liaison::graph;

namespace {
// 0 -fast,flaky- 1 -fast,flaky- 3 ; 0 -slow,solid- 2 -slow,solid- 3 ; 0 - 4 - 5 - 3 (mid).
Graph diamond() {
  std::vector<NodeSpec> nodes;
  for (int i = 0; i < 6; ++i) nodes.push_back({i * 10, 0, false});
  std::vector<EdgeSpec> edges{
      {100, 0, 10, 1.0, 0.9, true, false},  {101, 10, 30, 1.0, 0.9, true, false},
      {102, 0, 20, 5.0, 0.99, true, false}, {103, 20, 30, 5.0, 0.99, true, false},
      {104, 0, 40, 1.0, 0.95, true, false}, {105, 40, 50, 1.0, 0.95, true, false},
      {106, 50, 30, 1.5, 0.95, true, false}};
  return Graph(nodes, edges);
}
}  // namespace

TEST_CASE("paths: fastest, most reliable and fewest hops differ and explain themselves",
          "[graph][paths]") {
  const Graph g = diamond();
  ShortestPaths fast(g, 0, {Metric::Latency, false, {}});
  fast.run();
  CHECK(fast.distance(30) == Approx(2.0));
  const Path p = fast.path(30);
  REQUIRE(p.found);
  CHECK(p.nodes == std::vector<Id>{0, 10, 30});
  REQUIRE(p.hops.size() == 2);
  CHECK(p.hops[0].edge == 100);
  CHECK(p.hops[1].latency == 1.0);
  CHECK(p.reliability == Approx(0.81));
  CHECK(p.explain().find("0 -> 10 via edge 100") != std::string::npos);

  ShortestPaths safe(g, 0, {Metric::Reliability, false, {}});
  safe.run();
  CHECK(safe.path(30).nodes == std::vector<Id>{0, 20, 30});
  CHECK(safe.path(30).reliability == Approx(0.9801));

  ShortestPaths hops(g, 0, {Metric::Hops, false, {}});
  hops.run();
  CHECK(hops.distance(30) == 2.0);
  CHECK(hops.pathCount(30) == 2.0);  // via 10 and via 20
  CHECK(hops.distance(0) == 0.0);
}

TEST_CASE("paths: failures and down flags are honoured without copying", "[graph][paths]") {
  const Graph g = diamond();
  ShortestPaths sp(g, 0, {Metric::Latency, false, {{10}, {}}});
  sp.run();
  CHECK(sp.distance(30) == Approx(3.5));  // 0-40-50-30
  ShortestPaths cut(g, 0, {Metric::Latency, false, {{10, 20, 40}, {}}});
  cut.run();
  CHECK_FALSE(cut.reached(30));
  CHECK_FALSE(cut.path(30).found);
}

TEST_CASE("paths: one-way edges are followed only forward", "[graph][paths]") {
  const Graph g = test::makeGraph(3, {{0, 1}, {1, 2}}, false);
  ShortestPaths fwd(g, 0, {Metric::Hops, false, {}});
  fwd.run();
  CHECK(fwd.distance(2) == 2.0);
  ShortestPaths back(g, 2, {Metric::Hops, false, {}});
  back.run();
  CHECK_FALSE(back.reached(0));
  ShortestPaths und(g, 2, {Metric::Hops, true, {}});
  und.run();
  CHECK(und.distance(0) == 2.0);
}

TEST_CASE("paths: Yen's k best loop-free paths, best first", "[graph][paths]") {
  const Graph g = diamond();
  KShortestPaths ksp(g, 0, 30, 5, Metric::Latency);
  ksp.run();
  REQUIRE(ksp.paths().size() == 3);
  CHECK(ksp.paths()[0].latency == Approx(2.0));
  CHECK(ksp.paths()[1].latency == Approx(3.5));
  CHECK(ksp.paths()[2].latency == Approx(10.0));
  // Parallel edges are distinct alternatives.
  const Graph multi = test::makeGraph(3, {{0, 1}, {0, 1}, {1, 2}});
  KShortestPaths two(multi, 0, 2, 3, Metric::Hops);
  two.run();
  REQUIRE(two.paths().size() == 2);
  CHECK(two.paths()[0].hops[0].edge != two.paths()[1].hops[0].edge);
}

TEST_CASE("paths: edge- and node-disjoint counts", "[graph][paths]") {
  const Graph g = diamond();
  DisjointPaths dp(g, 0, 30);
  dp.run();
  CHECK(dp.edgeDisjoint() == 3);
  CHECK(dp.nodeDisjoint() == 3);
  // Bowtie: two triangles sharing node 2: 2 edge-disjoint paths from 0 to 4, 1 node-disjoint.
  const Graph bow = test::makeGraph(5, {{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {2, 4}});
  DisjointPaths b(bow, 0, 4);
  b.run();
  CHECK(b.edgeDisjoint() == 2);
  CHECK(b.nodeDisjoint() == 1);
  // Parallel direct edges: each is an edge-disjoint path, together one node-disjoint path.
  const Graph par = test::makeGraph(3, {{0, 1}, {0, 1}, {0, 2}, {2, 1}});
  DisjointPaths p(par, 0, 1);
  p.run();
  CHECK(p.edgeDisjoint() == 3);
  CHECK(p.nodeDisjoint() == 2);
  // Directed: a one-way cycle gives one path each way.
  const Graph cyc = test::makeGraph(3, {{0, 1}, {1, 2}, {2, 0}}, false);
  DisjointPaths c(cyc, 0, 2);
  c.run();
  CHECK(c.edgeDisjoint() == 1);
  const Graph two = test::makeGraph(3, {{0, 1}});
  DisjointPaths disconnected(two, 0, 2);
  disconnected.run();
  CHECK(disconnected.edgeDisjoint() == 0);
}

TEST_CASE("paths: distance matrix rows equal single-source runs", "[graph][paths]") {
  const Graph g = diamond();
  DistanceMatrix dm(g, {0, 30, 50}, {Metric::Latency, false, {}});
  REQUIRE(dm.run());
  for (std::size_t i = 0; i < 3; ++i) {
    ShortestPaths sp(g, std::vector<Id>{0, 30, 50}[i], {Metric::Latency, false, {}});
    sp.run();
    CHECK(dm.row(i) == sp.distances());
  }
}
