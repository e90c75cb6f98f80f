// Properties against brute-force definitions on random small graphs: betweenness by
// enumerating every shortest path, cut points and bridges by deleting them, disjoint path
// counts by minimum cuts over all subsets.
#include <catch2/catch.hpp>

#include <functional>
#include <random>

#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"
#include "graph/components.hpp"
#include "graph/disjoint_paths.hpp"
#include "graph/needs_engine.hpp"
#include "graph/shortest_paths.hpp"

using namespace liaison::graph;

namespace {

Graph randomGraph(std::mt19937& rng, int n, int m, bool directed, bool integerLengths) {
  std::vector<NodeSpec> nodes;
  for (int i = 0; i < n; ++i) nodes.push_back({i, 0, false});
  std::vector<EdgeSpec> edges;
  std::uniform_int_distribution<int> node(0, n - 1), len(1, 3);
  for (int e = 0; e < m; ++e) {
    const double l = integerLengths ? len(rng) : 1.0;
    edges.push_back({e, node(rng), node(rng), l, 0.9, !directed, false});
  }
  return Graph(nodes, edges);
}

// Every shortest path s->t enumerated explicitly (arcs from Graph::out(), lengths exact).
std::vector<double> bruteBetweenness(const Graph& g, Metric metric) {
  const Index n = g.nodeCount();
  const Adjacency adj = g.out();
  std::vector<double> score(n, 0.0);
  for (Index s = 0; s < n; ++s) {
    // Bellman-Ford style exact distances (small graphs, integer lengths).
    std::vector<double> d(n, kInf);
    d[s] = 0;
    for (int round = 0; round < n; ++round)
      for (Index v = 0; v < n; ++v)
        for (Index i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i)
          if (d[v] + g.length(arcEdge(adj.arcs[i]), metric) < d[adj.targets[i]])
            d[adj.targets[i]] = d[v] + g.length(arcEdge(adj.arcs[i]), metric);
    for (Index t = 0; t < n; ++t) {
      if (t == s || d[t] == kInf) continue;
      std::vector<int> through(n, 0);
      int paths = 0;
      std::vector<Index> stack{s};
      std::function<void(Index)> walk = [&](Index v) {
        if (v == t) {
          ++paths;
          for (Index x : stack) ++through[x];
          return;
        }
        for (Index i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i) {
          const Index w = adj.targets[i];
          if (d[v] + g.length(arcEdge(adj.arcs[i]), metric) == d[w] && d[w] <= d[t]) {
            stack.push_back(w);
            walk(w);
            stack.pop_back();
          }
        }
      };
      walk(s);
      for (Index v = 0; v < n; ++v)
        if (v != s && v != t) score[v] += double(through[v]) / paths;
    }
  }
  if (g.isUndirected())
    for (double& x : score) x /= 2;
  return score;
}

int weakCount(const Graph& g, const Failures& f) {
  Components c(g, f);
  c.run();
  return c.weakCount();
}

}  // namespace

TEST_CASE("property: betweenness equals the enumeration of all shortest paths",
          "[graph][property]") {
  std::mt19937 rng(12345);
  for (int trial = 0; trial < 60; ++trial) {
    const bool directed = trial % 2 == 1;
    const Graph g = randomGraph(rng, 7, 9 + trial % 6, directed, true);
    for (Metric metric : {Metric::Hops, Metric::Latency}) {
      BetweennessOptions o;
      o.metric = metric;
      Betweenness b(g, o);
      b.run();
      const auto want = bruteBetweenness(g, metric);
      for (Index v = 0; v < g.nodeCount(); ++v) {
        INFO("trial " << trial << " node " << v);
        CHECK(b.scores()[v] == Approx(want[v]).margin(1e-12));
      }
    }
  }
}

TEST_CASE("property: cut points and bridges are what disconnects when removed",
          "[graph][property]") {
  std::mt19937 rng(777);
  for (int trial = 0; trial < 60; ++trial) {
    const Graph g = randomGraph(rng, 8, 7 + trial % 6, false, false);
    Biconnected b(g);
    b.run();
    const int base = weakCount(g, {});
    for (Index v = 0; v < g.nodeCount(); ++v) {
      // Removing v leaves v out of the count: compare against the components without it.
      const bool cut =
          weakCount(g, {{v}, {}}) > base - (g.undirected().neighbours(v).empty() ? 1 : 0);
      INFO("trial " << trial << " node " << v);
      CHECK(b.isArticulationPoint(v) == cut);
    }
    Biconnected lean(g, {}, false);  // the path without component lists
    lean.run();
    CHECK(lean.articulationPoints() == b.articulationPoints());
    CHECK(lean.bridges() == b.bridges());
    std::vector<Id> bridges;
    for (Index e = 0; e < g.edgeCount(); ++e)
      if (g.edgeFrom(e) != g.edgeTo(e) && weakCount(g, {{}, {e}}) > base) bridges.push_back(e);
    CHECK(b.bridges() == bridges);
  }
}

TEST_CASE("property: disjoint path counts equal minimum cuts", "[graph][property]") {
  std::mt19937 rng(4242);
  for (int trial = 0; trial < 40; ++trial) {
    const bool directed = trial % 2 == 1;
    const Index n = 7;
    const Graph g = randomGraph(rng, n, 12, directed, false);
    const Index s = 0, t = n - 1;
    DisjointPaths dp(g, s, t);
    dp.run();
    // Edge cut: min over node sets S (s in S, t not) of edges leaving S.
    int edgeCut = 1 << 30;
    for (int mask = 0; mask < (1 << n); ++mask) {
      if (!(mask & 1) || (mask >> t & 1)) continue;
      int crossing = 0;
      for (Index e = 0; e < g.edgeCount(); ++e) {
        const bool a = mask >> g.edgeFrom(e) & 1, b = mask >> g.edgeTo(e) & 1;
        if ((a && !b) || (!directed && b && !a)) ++crossing;
      }
      edgeCut = std::min(edgeCut, crossing);
    }
    // Node cut: smallest set of other nodes whose removal separates s from t once direct
    // s->t edges are set aside; a direct edge adds one path.
    bool adjacent = false;
    std::vector<Id> direct;
    for (Index e = 0; e < g.edgeCount(); ++e) {
      const bool st = g.edgeFrom(e) == s && g.edgeTo(e) == t;
      const bool ts = g.edgeFrom(e) == t && g.edgeTo(e) == s;
      if (st || (!directed && ts)) {
        adjacent = true;
        direct.push_back(e);
      }
    }
    int nodeCut = 1 << 30;
    for (int mask = 0; mask < (1 << n); ++mask) {
      if ((mask & 1) || (mask >> t & 1)) continue;
      Failures f{{}, direct};
      for (Index v = 0; v < n; ++v)
        if (mask >> v & 1) f.nodes.push_back(v);
      DisjointPaths probe(g, s, t, DisjointOptions{false, true, false, f});
      probe.run();
      if (probe.edgeDisjoint() == 0) nodeCut = std::min(nodeCut, __builtin_popcount(mask));
    }
    INFO("trial " << trial);
    CHECK(dp.edgeDisjoint() == edgeCut);
    CHECK(dp.nodeDisjoint() == nodeCut + (adjacent ? 1 : 0));
  }
}

TEST_CASE("property: person needs agree with plain max-flow and single-source paths",
          "[graph][property]") {
  std::mt19937 rng(99);
  for (int trial = 0; trial < 40; ++trial) {
    const Graph g = randomGraph(rng, 12, 14 + trial % 8, trial % 3 == 2, true);
    std::vector<GroupDemand> needs;
    for (Id s = 0; s < 12; s += 3)
      for (Id t = 1; t < 12; t += 4)
        needs.push_back({static_cast<Id>(needs.size()), End::ofNode(s), End::ofNode(t)});
    NeedsOptions opt;
    opt.endpointsCanFail = false;  // DisjointPaths' convention for one source and one target
    NeedsEngine engine(g, needs, opt);
    REQUIRE(engine.run());
    for (std::size_t i = 0; i < needs.size(); ++i) {
      INFO("trial " << trial << " need " << i);
      const Id s = needs[i].source.nodes[0], t = needs[i].target.nodes[0];
      const NeedAnswer& a = engine.answers()[i];
      if (s == t) {
        CHECK(a.overlap);
        continue;
      }
      DisjointPaths dp(g, s, t);
      dp.run();
      CHECK(a.edgeDisjoint == dp.edgeDisjoint());
      CHECK(a.nodeDisjoint == dp.nodeDisjoint());
      ShortestPaths sp(g, s, {Metric::Latency, false, {}});
      sp.run();
      CHECK(a.fastest.found == sp.reached(t));
      if (a.fastest.found) CHECK(a.fastest.latency == Approx(sp.distance(t)));
    }
  }
}
