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
#include "graph/needs_engine.hpp"
#include "test_helpers.hpp"

using namespace liaison::graph;

namespace {
void runEverything(const Graph& g, const std::vector<Demand>& needs, const Failures& failed) {
  std::vector<GroupDemand> groupDemands;
  for (const Demand& d : needs) {
    groupDemands.push_back({0, End::ofNode(d.source), End::ofNode(d.target), 10.0, d.weight});
    groupDemands.push_back({1, End::ofGroup(0), End::ofNode(d.target), kInf, d.weight});
  }
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
    NeedsOptions no;
    no.loadMetric = m;
    no.failed = failed;
    NeedsEngine ne(g, groupDemands, no);
    CHECK(ne.run());
    CHECK(ne.answers().size() == groupDemands.size());
    for (const GroupDemand& d : groupDemands) {
      RouteAlternatives alt(g, d.source, d.target, 3, m, false, failed);
      alt.run();
    }
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
  RecommendOptions ro;
  ro.needs.failed = failed;
  LinkRecommender none(g, groupDemands, {}, ro);
  CHECK(none.run());
  CHECK(none.chosen().empty());
  LinkRecommender some(g, groupDemands, {{1, 2}, {42, 7}, {0, 3}}, ro);
  CHECK(some.run());
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
