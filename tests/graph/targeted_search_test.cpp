// TargetedSearch against ShortestPaths (the same path, arc for arc, for every metric), and the
// demand-load breadth-first search's early stop against a brute-force count of shortest paths.
#include <catch2/catch.hpp>

#include <functional>
#include <random>

#include "graph/demand_load.hpp"
#include "graph/shortest_paths.hpp"
#include "graph/targeted_search.hpp"

using namespace liaison::graph;

namespace {

Graph randomGraph(std::mt19937& rng, int n, int m, bool directed, bool someDown) {
  std::vector<NodeSpec> nodes;
  for (int i = 0; i < n; ++i) nodes.push_back({i, 0, someDown && i % 11 == 5});
  std::vector<EdgeSpec> edges;
  std::uniform_int_distribution<int> node(0, n - 1), len(1, 3), rel(0, 2);
  const double rels[3] = {0.9, 0.81, 0.729};  // products tie exactly: 0.9 * 0.9 == 0.81
  for (int e = 0; e < m; ++e)
    edges.push_back({e, node(rng), node(rng), double(len(rng)), rels[rel(rng)], !directed,
                     someDown && e % 13 == 7});
  return Graph(nodes, edges);
}

}  // namespace

TEST_CASE("TargetedSearch returns ShortestPaths' path for every target and metric",
          "[paths][targeted]") {
  std::mt19937 rng(777);
  for (int round = 0; round < 60; ++round) {
    const bool directed = round % 2 == 1;
    const Graph g = randomGraph(rng, 12 + round % 9, 20 + round % 17, directed, round % 3 == 0);
    const ActiveMask mask(g);
    for (Metric metric : {Metric::Latency, Metric::Reliability, Metric::Hops}) {
      const TargetedSearch shared(g, mask, metric);
      TargetedSearch::Searcher searcher(shared);
      std::uniform_int_distribution<Index> pick(0, g.nodeCount() - 1);
      for (int q = 0; q < 6; ++q) {
        const Index s = pick(rng);
        std::vector<Index> targets{pick(rng), pick(rng)};
        if (q % 2) targets.push_back(pick(rng));
        searcher.run(s, targets);
        PathOptions po;
        po.metric = metric;
        ShortestPaths full(g, s, mask, po);
        full.run();
        for (Index t : targets) {
          if (t == s) continue;
          INFO("round " << round << " metric " << int(metric) << " s " << s << " t " << t);
          REQUIRE(searcher.reached(t) == (full.distances()[t] != kInf));
          if (!searcher.reached(t)) continue;
          CHECK(searcher.distance(t) == Approx(full.distances()[t]));
          CHECK(searcher.arcsTo(t) == full.arcsTo(t));
        }
      }
    }
  }
}

TEST_CASE("TargetedSearch: inactive source or targets are not reached", "[paths][targeted]") {
  std::vector<NodeSpec> nodes{{1, 0, false}, {2, 0, true}, {3, 0, false}};
  std::vector<EdgeSpec> edges{{10, 1, 2, 1, 1, true, false}, {11, 2, 3, 1, 1, true, false}};
  const Graph g(nodes, edges);
  const ActiveMask mask(g);
  const TargetedSearch shared(g, mask, Metric::Latency);
  TargetedSearch::Searcher s(shared);
  s.run(g.nodeIndex(1), {g.nodeIndex(3), g.nodeIndex(2)});
  CHECK_FALSE(s.reached(g.nodeIndex(3)));  // only through the down node 2
  CHECK_FALSE(s.reached(g.nodeIndex(2)));
  CHECK(s.arcsTo(g.nodeIndex(3)).empty());
  s.run(g.nodeIndex(2), {g.nodeIndex(1)});
  CHECK_FALSE(s.reached(g.nodeIndex(1)));
}

TEST_CASE("Demand load (fewest hops, early stop) equals the brute-force split over shortest paths",
          "[load][property]") {
  std::mt19937 rng(4242);
  for (int round = 0; round < 40; ++round) {
    const Graph g = randomGraph(rng, 10 + round % 7, 16 + round % 13, round % 2 == 1, false);
    const Index n = g.nodeCount();
    std::uniform_int_distribution<Index> pick(0, n - 1);
    std::vector<Demand> demands;
    for (int d = 0; d < 3; ++d) demands.push_back({g.node(pick(rng)).id, g.node(pick(rng)).id, 1.0 + d});
    DemandLoad load(g, demands);
    REQUIRE(load.run());
    // Brute force: every fewest-hop path of each demand, its weight split evenly over them.
    const Adjacency adj = g.out();
    std::vector<double> expect(n, 0.0);
    for (const Demand& dm : demands) {
      const Index s = g.nodeIndex(dm.source), t = g.nodeIndex(dm.target);
      if (s == t) continue;
      std::vector<int> d(n, -1);
      d[s] = 0;
      std::vector<Index> queue{s};
      for (std::size_t h = 0; h < queue.size(); ++h)
        for (Index i = adj.offsets[queue[h]]; i < adj.offsets[queue[h] + 1]; ++i)
          if (d[adj.targets[i]] < 0) {
            d[adj.targets[i]] = d[queue[h]] + 1;
            queue.push_back(adj.targets[i]);
          }
      if (d[t] < 0) continue;
      std::vector<double> through(n, 0.0);
      double paths = 0;
      std::vector<Index> stack{s};
      std::function<void(Index)> walk = [&](Index v) {
        if (v == t) {
          ++paths;
          for (Index x : stack) through[x] += 1;
          return;
        }
        for (Index i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i) {
          const Index w = adj.targets[i];
          if (d[w] != d[v] + 1 || d[w] > d[t]) continue;
          stack.push_back(w);
          walk(w);
          stack.pop_back();
        }
      };
      walk(s);
      for (Index x = 0; x < n; ++x)
        if (x != s && x != t) expect[x] += dm.weight * through[x] / paths;
    }
    for (Index x = 0; x < n; ++x) {
      INFO("round " << round << " node " << x);
      CHECK(load.scores()[x] == Approx(expect[x]).margin(1e-9));
    }
  }
}
