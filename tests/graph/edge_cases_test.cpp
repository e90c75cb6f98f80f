// Degenerate inputs: empty graphs, a lone node, everything failed, unknown ids.
#include <catch2/catch.hpp>

#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"
#include "graph/brokerage.hpp"
#include "graph/closeness.hpp"
#include "graph/components.hpp"
#include "graph/constraint.hpp"
#include "graph/degree_centrality.hpp"
#include "graph/demand_load.hpp"
#include "graph/distance_matrix.hpp"
#include "graph/k_shortest_paths.hpp"
#include "graph/link_recommender.hpp"
#include "graph/need_connectivity.hpp"
#include "graph/need_paths.hpp"
#include "graph/single_points_of_failure.hpp"
#include "graph/what_if.hpp"
#include "test_helpers.hpp"

using namespace liaison::graph;

namespace {
void runEverything(const Graph& g, const std::vector<Demand>& needs, const Failures& failed) {
  for (Metric m : {Metric::Hops, Metric::Latency, Metric::Reliability}) {
    BetweennessOptions bo;
    bo.metric = m;
    bo.edges = true;
    bo.normalized = true;
    bo.failed = failed;
    Betweenness b(g, bo);
    CHECK(b.run());
    LoadOptions lo;
    lo.metric = m;
    lo.failed = failed;
    DemandLoad load(g, needs, lo);
    CHECK(load.run());
    ClosenessOptions co;
    co.metric = m;
    co.failed = failed;
    Closeness c(g, co);
    CHECK(c.run());
    NeedPaths np(g, needs, m, false, failed);
    CHECK(np.run());
  }
  Biconnected bic(g, failed);
  bic.run();
  Components comp(g, failed);
  comp.run();
  DegreeCentrality deg(g, failed);
  deg.run();
  Brokerage br(g, false, failed);
  br.run();
  Constraint con(g, Constraint::Weight::Count, failed);
  con.run();
  NeedConnectivity nc(g, needs, false, failed);
  nc.run();
  SinglePointsOfFailure spof(g, needs, failed);
  spof.run();
  WhatIf wi(g, failed, needs);
  CHECK(wi.run());
  LinkRecommender lr(g, needs, {}, {});
  lr.run();
  CHECK(lr.chosen().empty());
}
}  // namespace

TEST_CASE("edge cases: empty graph, lone node, all failed, unknown ids", "[graph][edge]") {
  const Graph empty({}, {});
  runEverything(empty, {}, {});
  runEverything(empty, {{1, 2, 1.0}}, {{5}, {7}});
  const Graph lone({{42, 0, false}}, {});
  runEverything(lone, {{42, 42, 1.0}, {42, 7, 1.0}}, {});
  const Graph small = test::makeGraph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 3}, {0, 1}});
  runEverything(small, {{0, 3, 1.0}, {3, 0, 2.0}}, {{0, 1, 2, 3}, {}});
  runEverything(small, {{0, 3, 1.0}}, {{}, {0, 1, 2, 3, 4}});
  CHECK_THROWS_AS(ShortestPaths(small, 99), std::out_of_range);
  KShortestPaths none(small, 0, 3, 3, Metric::Hops, false, {{1}, {}});
  none.run();
  CHECK(none.paths().empty());
  KShortestPaths self(small, 2, 2, 3);
  self.run();
  REQUIRE(self.paths().size() == 1);
  CHECK(self.paths()[0].hops.empty());
}
