// Hand-checked what-if analysis and link recommendation.
#include <catch2/catch.hpp>

#include "graph/link_recommender.hpp"
#include "graph/what_if.hpp"
#include "test_helpers.hpp"

using namespace liaison::graph;
using liaison::graph::test::makeGraph;

namespace {
// 0-1-2 fast (latency 1 each, reliability 0.99), 0-3-2 slow (latency 5, reliability 0.9),
// 2-4 only link to 4.
Graph net() {
  std::vector<NodeSpec> nodes;
  for (int i = 0; i < 5; ++i) nodes.push_back({i, 0, false});
  std::vector<EdgeSpec> edges{{0, 0, 1, 1, 0.99, true, false},
                              {1, 1, 2, 1, 0.99, true, false},
                              {2, 0, 3, 5, 0.9, true, false},
                              {3, 3, 2, 5, 0.9, true, false},
                              {4, 2, 4, 1, 0.99, true, false}};
  return Graph(nodes, edges);
}
}  // namespace

TEST_CASE("what-if: lost, slower and less reliable needs, new bottlenecks", "[graph][whatif]") {
  const Graph g = net();
  const std::vector<Demand> needs{{0, 2, 1.0}, {0, 4, 1.0}, {1, 2, 1.0}};
  WhatIf w(g, Failures{{1}, {}}, needs);
  REQUIRE(w.run());
  const auto& c = w.changes();
  CHECK(c[0].latencyBefore == Approx(2.0));
  CHECK(c[0].latencyAfter == Approx(10.0));
  CHECK(c[0].reliabilityAfter == Approx(0.81));
  CHECK(c[0].fastestAfter.nodes == std::vector<Id>{0, 3, 2});
  CHECK(w.lost().size() == 1);  // need 1-2: node 1 itself failed
  CHECK(w.lost()[0].need.source == 1);
  CHECK(w.slower().size() == 2);
  CHECK(w.lessReliable().size() == 2);
  CHECK(w.topLoadBefore()[0].first == 1);                       // 0->2 and 0->4 go through 1
  CHECK(w.topLoadAfter()[0] == std::pair<Id, double>{3, 2.0});  // 0->2 and 0->4 via 3
  WhatIf edgeCut(g, Failures{{}, {4}}, needs);
  edgeCut.run();
  CHECK(edgeCut.lost().size() == 1);
  CHECK(edgeCut.lost()[0].need.target == 4);
}

TEST_CASE("recommend: the link that most reduces the worst load, greedy k", "[graph][recommend]") {
  const Graph line = makeGraph(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
  const std::vector<Demand> needs{{0, 4, 1.0}, {1, 4, 1.0}};
  RecommendOptions o;
  o.k = 2;
  LinkRecommender r(line, needs, {{1, 3}, {0, 4}, {2, 4}}, o);
  r.run();
  CHECK(r.initial().value == 2.0);  // nodes 2 and 3 carry both needs
  REQUIRE(!r.chosen().empty());
  CHECK(r.chosen()[0].link.from == 0);  // 0-4 leaves 1->4 via 2,3: worst load 1
  CHECK(r.chosen()[0].after.value == 1.0);
  CHECK(r.chosen().back().after.value < r.initial().value);
}

TEST_CASE("recommend: remove single points of failure, connect cut-off needs first",
          "[graph][recommend]") {
  const Graph g = makeGraph(5, {{0, 1}, {1, 2}, {3, 4}});
  const std::vector<Demand> needs{{0, 2, 1.0}, {0, 4, 1.0}};
  RecommendOptions o;
  o.objective = RecommendOptions::Objective::SinglePointsOfFailure;
  o.k = 2;
  LinkRecommender r(g, needs, {{0, 2}, {2, 3}, {0, 3}}, o);
  r.run();
  CHECK(r.initial().unrouted == 1.0);
  REQUIRE(r.chosen().size() == 2);
  CHECK(r.chosen()[0].after.unrouted == 0.0);
  CHECK(r.chosen().back().after.value < r.chosen()[0].after.value);
}
