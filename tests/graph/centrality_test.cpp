// Hand-checked betweenness, demand load, closeness and degree.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>

#include "graph/betweenness.hpp"
#include "graph/closeness.hpp"
#include "graph/degree_centrality.hpp"
#include "graph/demand_load.hpp"
#include "test_helpers.hpp"

using namespace liaison::graph;
using liaison::graph::test::makeGraph;

namespace {
std::vector<double> bc(const Graph& g, BetweennessOptions o = {}) {
  Betweenness b(g, o);
  REQUIRE(b.run());
  return b.scores();
}
}  // namespace

TEST_CASE("betweenness: path, star and cycle (undirected: each pair once)", "[graph][centrality]") {
  CHECK(bc(makeGraph(4, {{0, 1}, {1, 2}, {2, 3}})) == std::vector<double>{0, 2, 2, 0});
  CHECK(bc(makeGraph(4, {{0, 1}, {0, 2}, {0, 3}})) == std::vector<double>{3, 0, 0, 0});
  // 4-cycle: each opposite pair has two shortest paths, so each node gets 1/2.
  CHECK(bc(makeGraph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}})) ==
        std::vector<double>{0.5, 0.5, 0.5, 0.5});
}

TEST_CASE("betweenness: directed counts ordered pairs along directions", "[graph][centrality]") {
  CHECK(bc(makeGraph(3, {{0, 1}, {1, 2}}, false)) == std::vector<double>{0, 1, 0});
  BetweennessOptions und;
  und.ignoreDirection = true;
  CHECK(bc(makeGraph(3, {{0, 1}, {1, 2}}, false), und) == std::vector<double>{0, 1, 0});
}

TEST_CASE("betweenness: parallel edges are distinct paths, self-loops change nothing",
          "[graph][centrality]") {
  // 0=1 (double edge), 1-3, 0-2, 2-3. Pair (0,3): 2 paths via 1, 1 via 2. Pair (1,2): via 0 or 3.
  const auto s = bc(makeGraph(4, {{0, 1}, {0, 1}, {1, 3}, {0, 2}, {2, 3}, {3, 3}}));
  CHECK(s[0] == Approx(2.0 / 3.0));  // pair (1,2) through 0: 2 of 3 paths
  CHECK(s[1] == Approx(2.0 / 3.0));
  CHECK(s[2] == Approx(1.0 / 3.0));
  CHECK(s[3] == Approx(1.0 / 3.0));
}

TEST_CASE("betweenness: weighted lengths equal within 1e-10 relative are ties (igraph rule)",
          "[graph][centrality]") {
  // 0.1 + 0.2 != 0.3 in binary floating point, yet both routes 0->2 are shortest.
  std::vector<NodeSpec> nodes{{0, 0, false}, {1, 0, false}, {2, 0, false}};
  std::vector<EdgeSpec> edges{{0, 0, 1, 0.1, 1, true, false},
                              {1, 1, 2, 0.2, 1, true, false},
                              {2, 0, 2, 0.3, 1, true, false}};
  BetweennessOptions o;
  o.metric = Metric::Latency;
  CHECK(bc(Graph(nodes, edges), o)[1] == Approx(0.5));
}

TEST_CASE("betweenness: edges, normalisation, disconnected graphs, failures",
          "[graph][centrality]") {
  BetweennessOptions o;
  o.edges = true;
  const Graph path = makeGraph(3, {{0, 1}, {1, 2}});
  Betweenness b(path, o);  // algorithms keep a reference to the graph
  b.run();
  CHECK(b.edgeScores() == std::vector<double>{2, 2});
  o.normalized = true;
  o.edges = false;
  CHECK(bc(makeGraph(4, {{0, 1}, {0, 2}, {0, 3}}), o)[0] == Approx(1.0));
  // Two separate paths: no credit across components.
  CHECK(bc(makeGraph(6, {{0, 1}, {1, 2}, {3, 4}, {4, 5}})) ==
        std::vector<double>{0, 1, 0, 0, 1, 0});
  BetweennessOptions f;
  f.failed.nodes = {1};
  // 4-cycle without node 1 is the path 0-3-2.
  CHECK(bc(makeGraph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}}), f) == std::vector<double>{0, 0, 0, 1});
}

TEST_CASE("betweenness: deterministic across thread counts, cancellable, reports progress",
          "[graph][centrality]") {
  std::vector<std::pair<Id, Id>> list;
  std::vector<EdgeSpec> edges;
  for (int i = 0; i < 200; ++i)
    for (int d : {1, 7, 31})
      edges.push_back({static_cast<Id>(edges.size()), i, (i * 3 + d) % 200, 1.0 + (i % 5) * 0.3,
                       0.9, true, false});
  std::vector<NodeSpec> nodes;
  for (int i = 0; i < 200; ++i) nodes.push_back({i, 0, false});
  const Graph g(nodes, edges);
  BetweennessOptions one, two;
  one.metric = two.metric = Metric::Latency;
  one.control.threads = 1;
  two.control.threads = 2;
  double last = 0;
  two.control.progress = [&](double p) { last = p; };
  CHECK(bc(g, one) == bc(g, two));  // bitwise equal
  CHECK(last == 1.0);
  std::atomic<bool> cancel{true};
  BetweennessOptions c;
  c.control.cancel = &cancel;
  Betweenness cancelled(g, c);
  CHECK_FALSE(cancelled.run());
  CHECK_FALSE(cancelled.hasRun());
}

TEST_CASE("load: only needed pairs count, weighted by demand", "[graph][centrality]") {
  const Graph g = makeGraph(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
  DemandLoad load(g, {{0, 2, 3.0}, {1, 4, 1.0}, {0, 0, 9.0}});
  REQUIRE(load.run());
  CHECK(load.scores() == std::vector<double>{0, 3, 1, 1, 0});
  CHECK(load.maxScore() == 3.0);
  CHECK(load.unroutedWeight() == 0.0);
  LoadOptions o;
  o.failed.nodes = {3};
  DemandLoad cut(g, {{0, 2, 3.0}, {1, 4, 1.0}}, o);
  cut.run();
  CHECK(cut.scores() == std::vector<double>{0, 3, 0, 0, 0});
  CHECK(cut.unroutedWeight() == 1.0);
}

TEST_CASE("load: all pairs once equals betweenness", "[graph][centrality]") {
  const Graph g = makeGraph(6, {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {2, 4}, {4, 5}, {1, 5}});
  std::vector<Demand> all;
  for (Id s = 0; s < 6; ++s)
    for (Id t = s + 1; t < 6; ++t) all.push_back({s, t, 1.0});
  for (Metric m : {Metric::Hops, Metric::Latency}) {
    LoadOptions lo;
    lo.metric = m;
    DemandLoad load(g, all, lo);
    load.run();
    BetweennessOptions bo;
    bo.metric = m;
    const auto b = bc(g, bo);
    for (int v = 0; v < 6; ++v) CHECK(load.scores()[v] == Approx(b[v]));
  }
}

TEST_CASE("closeness: reachable nodes only, NaN when isolated", "[graph][centrality]") {
  const Graph g = makeGraph(4, {{0, 1}, {1, 2}});
  Closeness c(g);
  c.run();
  CHECK(c.scores()[0] == Approx(1.0 / 3.0));
  CHECK(c.scores()[1] == Approx(0.5));
  CHECK(std::isnan(c.scores()[3]));
  ClosenessOptions n;
  n.normalized = true;
  Closeness cn(g, n);
  cn.run();
  CHECK(cn.scores()[0] == Approx(2.0 / 3.0));
}

TEST_CASE("degree: in, out, total and valued with loops and parallel edges",
          "[graph][centrality]") {
  std::vector<NodeSpec> nodes{{0, 0, false}, {1, 0, false}, {2, 0, false}};
  std::vector<EdgeSpec> edges{{0, 0, 1, 1, 0.5, false, false},
                              {1, 0, 1, 1, 0.5, true, false},
                              {2, 2, 2, 1, 0.25, true, false}};
  const Graph g(nodes, edges);
  DegreeCentrality d(g);
  d.run();
  CHECK(d.out() == std::vector<int>{2, 1, 2});
  CHECK(d.in() == std::vector<int>{1, 2, 2});
  CHECK(d.total() == std::vector<int>{2, 2, 2});
  CHECK(d.valued() == std::vector<double>{1.0, 1.0, 0.5});
}

TEST_CASE("betweenness: small and large graphs agree with the weighted search at unit lengths",
          "[graph][centrality]") {
  // The unweighted search counts paths one way below 2,049 nodes and another above (see
  // brandes.hpp); both must match the Dijkstra-based search with every length 1.
  for (const int n : {300, 2600}) {
    std::vector<EdgeSpec> edges;
    std::uint64_t x = 99;
    for (int i = 0; i < n; ++i)
      for (int k = 0; k < 3; ++k) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const Id j = static_cast<Id>((x >> 33) % static_cast<std::uint64_t>(n));
        if (j != i) edges.push_back({static_cast<Id>(edges.size()), i, j, 1.0, 0.9, true, false});
      }
    std::vector<NodeSpec> nodes;
    for (int i = 0; i < n; ++i) nodes.push_back({i, 0, false});
    const Graph g(nodes, edges);
    BetweennessOptions hops, unit;
    unit.metric = Metric::Latency;
    const auto a = bc(g, hops), b = bc(g, unit);
    INFO("n = " << n);
    REQUIRE(a.size() == b.size());
    for (std::size_t v = 0; v < a.size(); ++v) CHECK(a[v] == Approx(b[v]).epsilon(1e-9).margin(1e-9));
  }
}
