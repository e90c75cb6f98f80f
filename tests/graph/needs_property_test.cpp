// The needs engine against brute force on hundreds of random small graphs: one-way and two-way
// edges, parallel edges, self-loops, down and failed nodes and edges, reliability-0 and
// latency-0 edges, group and person Ends (overlapping ones too). Every simple minimal route is
// listed and each answer is checked against its definition in needs_engine.hpp.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "graph/disjoint_paths.hpp"
#include "graph/needs_engine.hpp"
#include "needs_brute.hpp"

using namespace liaison::graph;
using liaison::graph::test::BruteNet;
using liaison::graph::test::BruteRoute;

namespace {

struct Case {
  Graph graph;
  Failures failed;
  bool ignoreDirection = false;
  int groups = 2;
};

Case randomCase(std::mt19937& rng, int trial) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const int n = 6 + trial % 4;
  Case c;
  c.groups = 2 + trial % 3;
  std::vector<NodeSpec> nodes;
  for (int i = 0; i < n; ++i)
    nodes.push_back({i, static_cast<Id>(rng() % c.groups), u(rng) < 0.08});
  const int m = n + static_cast<int>(rng() % (n + 3));
  const int style = trial % 5;  // 0: all two-way, 1: all one-way, else mixed
  const double latencies[] = {0.0, 1.0, 2.0, 3.0, 1.5};
  const double rels[] = {0.0, 0.5, 0.8, 0.9, 1.0, 0.95};
  std::vector<EdgeSpec> edges;
  for (int e = 0; e < m; ++e) {
    EdgeSpec s;
    s.id = e;
    if (!edges.empty() && u(rng) < 0.15) {  // a parallel channel
      const EdgeSpec& o = edges[rng() % edges.size()];
      s.from = u(rng) < 0.5 ? o.from : o.to;
      s.to = s.from == o.from ? o.to : o.from;
    } else {
      s.from = static_cast<Id>(rng() % n);
      s.to = static_cast<Id>(rng() % n);
    }
    s.latency = latencies[u(rng) < 0.1 ? 0 : 1 + rng() % 4];
    s.reliability = rels[u(rng) < 0.08 ? 0 : 1 + rng() % 5];
    s.twoWay = style == 0 ? true : style == 1 ? false : u(rng) < 0.5;
    s.down = u(rng) < 0.07;
    edges.push_back(s);
  }
  c.graph = Graph(std::move(nodes), std::move(edges));
  if (u(rng) < 0.4) c.failed.nodes.push_back(static_cast<Id>(rng() % (n + 2)));
  if (u(rng) < 0.4) c.failed.edges.push_back(static_cast<Id>(rng() % (m + 2)));
  c.ignoreDirection = style >= 2 && u(rng) < 0.25;
  return c;
}

End randomEnd(std::mt19937& rng, const Case& c) {
  const int pick = static_cast<int>(rng() % 6);
  const Id n = c.graph.nodeCount();
  if (pick <= 2) return End::ofGroup(static_cast<Id>(rng() % c.groups));
  if (pick == 3) return End::ofNode(static_cast<Id>(rng() % n));
  if (pick == 4) return End::ofNodes({static_cast<Id>(rng() % n), static_cast<Id>(rng() % n)});
  return End::ofNodes(
      {static_cast<Id>(rng() % (n + 3)), static_cast<Id>(rng() % n), static_cast<Id>(rng() % n)});
}

std::vector<GroupDemand> demandsFor(std::mt19937& rng, const Case& c) {
  std::vector<GroupDemand> out;
  Id id = 100;
  for (int a = 0; a < c.groups; ++a)
    for (int b = 0; b < c.groups; ++b)
      if (a != b) out.push_back({id++, End::ofGroup(a), End::ofGroup(b), kInf, 1.0});
  for (int k = 0; k < 6; ++k)
    out.push_back({id++, randomEnd(rng, c), randomEnd(rng, c), kInf, 1.0 + k % 3});
  // The same pair of Ends again (the engine computes counts and cuts once per pair).
  out.push_back({id++, out.front().source, out.front().target, kInf, 2.5});
  out.push_back({id++, out.back().source, out.back().target, kInf, 0.5});
  // One source End towards every person and pair of neighbours: enough target Ends (>= 12) for
  // the engine's one-search-for-all form, besides the per-pair searches of the others.
  const End hub = randomEnd(rng, c);
  const Id n = c.graph.nodeCount();
  for (Id v = 0; v < n; ++v) {
    out.push_back({id++, hub, End::ofNode(v), kInf, 1.0});
    out.push_back({id++, hub, End::ofNodes({v, (v + 1) % n}), kInf, 0.5});
  }
  return out;
}

std::vector<Index> membersOf(const BruteNet& net, const End& e) {
  return net.members(e.group, e.nodes);
}

// The path is a minimal route S -> T on usable arcs, with its totals right.
void checkRoute(const BruteNet& net, const Path& p, const std::vector<Index>& S,
                const std::vector<Index>& T, Metric metric) {
  const Graph& g = net.g;
  REQUIRE(p.found);
  REQUIRE(p.nodes.size() == p.hops.size() + 1);
  REQUIRE(p.nodes.size() >= 2);
  auto inSet = [&](const std::vector<Index>& set, Id id) {
    return std::find(set.begin(), set.end(), g.nodeIndex(id)) != set.end();
  };
  CHECK(inSet(S, p.nodes.front()));
  CHECK(inSet(T, p.nodes.back()));
  for (std::size_t i = 1; i + 1 < p.nodes.size(); ++i) {
    CHECK_FALSE(inSet(S, p.nodes[i]));
    CHECK_FALSE(inSet(T, p.nodes[i]));
  }
  std::set<Id> distinct(p.nodes.begin(), p.nodes.end());
  CHECK(distinct.size() == p.nodes.size());
  double lat = 0, rel = 1, len = 0;
  for (std::size_t h = 0; h < p.hops.size(); ++h) {
    const Hop& hop = p.hops[h];
    CHECK(hop.from == p.nodes[h]);
    CHECK(hop.to == p.nodes[h + 1]);
    const Index e = g.requireEdge(hop.edge);
    bool usable = false;
    for (auto [w, f] : net.steps(g.requireNode(hop.from)))
      if (f == e && w == g.requireNode(hop.to)) usable = true;
    CHECK(usable);
    lat += g.edge(e).latency;
    rel *= g.edge(e).reliability;
    len += g.length(e, metric);
  }
  CHECK(p.latency == Approx(lat));
  CHECK(p.reliability == Approx(rel));
  CHECK(p.length == Approx(len));
}

struct LoadTotals {
  std::vector<double> node, edge;
  double unrouted = 0.0;
};

// Each demand's weight split over its shortest minimal routes (edge sequences).
LoadTotals bruteLoad(const BruteNet& net, const std::vector<GroupDemand>& demands, Metric metric) {
  LoadTotals out{std::vector<double>(net.g.nodeCount(), 0.0),
                 std::vector<double>(net.g.edgeCount(), 0.0), 0.0};
  for (const GroupDemand& d : demands) {
    const auto S = membersOf(net, d.source), T = membersOf(net, d.target);
    std::vector<Index> common;
    std::set_intersection(S.begin(), S.end(), T.begin(), T.end(), std::back_inserter(common));
    if (!common.empty()) continue;  // overlap: reachable, no load
    if (S.empty() || T.empty()) {
      out.unrouted += d.weight;
      continue;
    }
    auto routes = liaison::graph::test::allRoutes(net, S, T);
    auto length = [&](const BruteRoute& r) {
      return metric == Metric::Hops      ? double(r.hops())
             : metric == Metric::Latency ? r.latency
                                         : r.cost;
    };
    double best = kInf;
    for (const auto& r : routes) best = std::min(best, length(r));
    if (best == kInf) {
      out.unrouted += d.weight;
      continue;
    }
    std::vector<const BruteRoute*> shortest;
    for (const auto& r : routes)
      if (length(r) != kInf && compareLengths(1.0 + length(r), 1.0 + best) == 0)
        shortest.push_back(&r);
    for (const BruteRoute* r : shortest) {
      const double share = d.weight / static_cast<double>(shortest.size());
      for (std::size_t i = 1; i + 1 < r->nodes.size(); ++i) out.node[r->nodes[i]] += share;
      for (Index e : r->edges) out.edge[e] += share;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("needs engine: paths, budgets, counts and cuts equal brute force",
          "[graph][needs][property]") {
  std::mt19937 rng(20261202);
  int compared = 0, budgetSearches = 0, cutCases = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const Case c = randomCase(rng, trial);
    const BruteNet net(c.graph, c.failed, c.ignoreDirection);
    std::vector<GroupDemand> demands = demandsFor(rng, c);
    // Budgets: around the latencies of actual routes, so that they bind and hit exactly.
    for (GroupDemand& d : demands) {
      const auto S = membersOf(net, d.source), T = membersOf(net, d.target);
      const auto routes = liaison::graph::test::allRoutes(net, S, T);
      if (!routes.empty() && rng() % 4 != 0) {
        const BruteRoute& r = routes[rng() % routes.size()];
        d.latencyBudget = r.latency + (rng() % 3 == 0 ? -0.5 : 0.0);
      }
    }
    for (bool epcf : {true, false}) {
      NeedsOptions opt;
      opt.failed = c.failed;
      opt.ignoreDirection = c.ignoreDirection;
      opt.endpointsCanFail = epcf;
      NeedsEngine engine(c.graph, demands, opt);
      REQUIRE(engine.run());
      REQUIRE(engine.answers().size() == demands.size());
      for (std::size_t i = 0; i < demands.size(); ++i) {
        const GroupDemand& d = demands[i];
        const NeedAnswer& a = engine.answers()[i];
        INFO("trial " << trial << " demand " << i << " epcf " << epcf);
        CHECK(a.id == d.id);
        const auto S = membersOf(net, d.source), T = membersOf(net, d.target);
        std::vector<Index> common;
        std::set_intersection(S.begin(), S.end(), T.begin(), T.end(), std::back_inserter(common));
        if (!common.empty()) {
          CHECK(a.reachable);
          CHECK(a.overlap);
          CHECK(a.fastest.found);
          CHECK(a.fastest.hops.empty());
          CHECK(a.fastest.nodes == std::vector<Id>{c.graph.node(common[0]).id});
          CHECK(a.edgeDisjoint == 0);
          CHECK(a.nodeDisjoint == 0);
          CHECK(a.cutNodes.empty());
          CHECK(a.cutEdges.empty());
          continue;
        }
        CHECK_FALSE(a.overlap);
        const auto routes = S.empty() || T.empty() ? std::vector<BruteRoute>{}
                                                   : liaison::graph::test::allRoutes(net, S, T);
        ++compared;
        CHECK(a.reachable == !routes.empty());
        if (routes.empty()) {
          CHECK_FALSE(a.fastest.found);
          CHECK_FALSE(a.mostReliable.found);
          CHECK_FALSE(a.fewestHops.found);
          CHECK_FALSE(a.reliableWithinBudget.found);
          CHECK(a.edgeDisjoint == 0);
          CHECK(a.nodeDisjoint == 0);
          CHECK(a.cutNodes.empty());
          CHECK(a.cutEdges.empty());
          continue;
        }
        // Paths.
        double fastest = kInf, safest = kInf, budgetBest = kInf;
        std::pair<int, double> fewest{1 << 30, kInf};
        for (const auto& r : routes) {
          fastest = std::min(fastest, r.latency);
          safest = std::min(safest, r.cost);
          fewest = std::min(fewest, std::make_pair(r.hops(), r.latency));
          if (r.cost != kInf && compareLengths(r.latency, d.latencyBudget) <= 0)
            budgetBest = std::min(budgetBest, r.cost);
        }
        checkRoute(net, a.fastest, S, T, Metric::Latency);
        CHECK(a.fastest.latency == Approx(fastest));
        checkRoute(net, a.fewestHops, S, T, Metric::Hops);
        CHECK(static_cast<int>(a.fewestHops.hops.size()) == fewest.first);
        CHECK(a.fewestHops.latency == Approx(fewest.second));
        CHECK(a.mostReliable.found == (safest != kInf));
        if (safest != kInf) {
          checkRoute(net, a.mostReliable, S, T, Metric::Reliability);
          CHECK(a.mostReliable.reliability == Approx(std::exp(-safest)));
        }
        CHECK(a.reliableWithinBudget.found == (budgetBest != kInf));
        if (budgetBest != kInf) {
          checkRoute(net, a.reliableWithinBudget, S, T, Metric::Reliability);
          CHECK(a.reliableWithinBudget.reliability == Approx(std::exp(-budgetBest)));
          CHECK(compareLengths(a.reliableWithinBudget.latency, d.latencyBudget) <= 0);
          if (compareLengths(a.mostReliable.latency, d.latencyBudget) > 0) ++budgetSearches;
        }
        // Counts.
        const int edgeBrute = liaison::graph::test::bruteEdgeDisjoint(routes);
        const int nodeBrute = liaison::graph::test::bruteNodeDisjoint(routes, epcf);
        CHECK(a.edgeDisjoint == edgeBrute);
        CHECK(a.nodeDisjoint == nodeBrute);
        CHECK(a.nodeDisjoint <= a.edgeDisjoint);
        CHECK_FALSE(a.countsAtLeast);
        // Cuts: on every route (End members only when they can fail).
        std::uint64_t nodesAll = ~std::uint64_t{0}, edgesAll = ~std::uint64_t{0};
        for (const auto& r : routes) {
          nodesAll &= epcf ? r.nodeMask() : r.interiorMask();
          edgesAll &= r.edgeMask();
        }
        std::vector<Id> cutNodes, cutEdges;
        for (Index v = 0; v < c.graph.nodeCount(); ++v)
          if (nodesAll >> v & 1) cutNodes.push_back(c.graph.node(v).id);
        for (Index e = 0; e < c.graph.edgeCount(); ++e)
          if (edgesAll >> e & 1) cutEdges.push_back(c.graph.edge(e).id);
        CHECK(a.cutNodes == cutNodes);
        CHECK(a.cutEdges == cutEdges);
        if (!cutNodes.empty() || !cutEdges.empty()) ++cutCases;
      }
    }
  }
  WARN("compared " << compared << " budget searches " << budgetSearches << " cut cases "
                   << cutCases);
  CHECK(compared > 3000);
  CHECK(budgetSearches > 50);
  CHECK(cutCases > 500);
}

TEST_CASE("needs engine: load equals brute force over shortest minimal routes",
          "[graph][needs][property]") {
  std::mt19937 rng(4242);
  for (int trial = 0; trial < 300; ++trial) {
    Case c = randomCase(rng, trial);
    // Weighted splits need positive lengths (see needs_engine.hpp): no latency-0 or
    // reliability-1 edges in the weighted rounds.
    std::vector<EdgeSpec> positive = c.graph.edges();
    for (EdgeSpec& e : positive) {
      if (e.latency == 0.0) e.latency = 2.0;
      if (e.reliability == 1.0) e.reliability = 0.9;
    }
    const Graph weighted(c.graph.nodes(), positive);
    const std::vector<GroupDemand> demands = demandsFor(rng, c);
    for (Metric metric : {Metric::Hops, Metric::Latency, Metric::Reliability}) {
      const Graph& g = metric == Metric::Hops ? c.graph : weighted;
      const BruteNet net(g, c.failed, c.ignoreDirection);
      NeedsOptions opt;
      opt.failed = c.failed;
      opt.ignoreDirection = c.ignoreDirection;
      opt.loadMetric = metric;
      NeedsEngine engine(g, demands, opt);
      REQUIRE(engine.run());
      const LoadTotals brute = bruteLoad(net, demands, metric);
      INFO("trial " << trial << " metric " << int(metric));
      for (Index v = 0; v < g.nodeCount(); ++v)
        CHECK(engine.load()[v] == Approx(brute.node[v]).margin(1e-9));
      for (Index e = 0; e < g.edgeCount(); ++e)
        CHECK(engine.edgeLoad()[e] == Approx(brute.edge[e]).margin(1e-9));
      CHECK(engine.unroutedWeight() == Approx(brute.unrouted));
    }
  }
}

TEST_CASE("route alternatives: distinct node sequences, best first, none missed",
          "[graph][needs][property]") {
  std::mt19937 rng(777);
  int nonTrivial = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const Case c = randomCase(rng, trial);
    const BruteNet net(c.graph, c.failed, c.ignoreDirection);
    for (int q = 0; q < 4; ++q) {
      const End src = randomEnd(rng, c), dst = randomEnd(rng, c);
      const Metric metric = static_cast<Metric>(rng() % 3);
      const int k = 1 + static_cast<int>(rng() % 6);
      RouteAlternatives alt(c.graph, src, dst, k, metric, c.ignoreDirection, c.failed);
      alt.run();
      const auto S = membersOf(net, src), T = membersOf(net, dst);
      std::vector<Index> common;
      std::set_intersection(S.begin(), S.end(), T.begin(), T.end(), std::back_inserter(common));
      INFO("trial " << trial << " query " << q << " k " << k);
      if (!common.empty()) {
        REQUIRE(alt.paths().size() == 1);
        CHECK(alt.paths()[0].hops.empty());
        CHECK(alt.exhausted() == (k > 1));
        continue;
      }
      // Brute: node sequences, each hop at its best parallel edge.
      std::map<std::vector<Index>, double> best;
      if (!S.empty() && !T.empty())
        for (const auto& r : liaison::graph::test::allRoutes(net, S, T)) {
          double len = 0.0;
          for (std::size_t h = 0; h < r.edges.size(); ++h) {
            double hop = kInf;
            for (auto [w, e] : net.steps(r.nodes[h]))
              if (w == r.nodes[h + 1]) hop = std::min(hop, c.graph.length(e, metric));
            len += hop;
          }
          if (len != kInf) best[r.nodes] = len;
        }
      std::vector<double> lengths;
      for (auto& [seq, len] : best) lengths.push_back(len);
      std::sort(lengths.begin(), lengths.end());
      const std::size_t expect = std::min<std::size_t>(k, lengths.size());
      REQUIRE(alt.paths().size() == expect);
      CHECK(alt.exhausted() == (lengths.size() < static_cast<std::size_t>(k)));
      std::set<std::vector<Id>> seqs;
      for (std::size_t i = 0; i < expect; ++i) {
        const Path& p = alt.paths()[i];
        checkRoute(net, p, S, T, metric);
        CHECK(p.length == Approx(lengths[i]));
        seqs.insert(p.nodes);
        std::vector<Index> idx;
        for (Id id : p.nodes) idx.push_back(c.graph.requireNode(id));
        REQUIRE(best.count(idx) == 1);
        CHECK(p.length == Approx(best[idx]));  // each hop on its best parallel edge
      }
      CHECK(seqs.size() == expect);
      if (expect >= 2) ++nonTrivial;
    }
  }
  CHECK(nonTrivial > 200);
}

TEST_CASE("route alternatives that share no edge imply edgeDisjoint >= 2",
          "[graph][needs][property]") {
  std::mt19937 rng(31337);
  int pairsSeen = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const Case c = randomCase(rng, trial);
    const End src = End::ofGroup(0), dst = End::ofGroup(1);
    RouteAlternatives alt(c.graph, src, dst, 6, Metric::Latency, c.ignoreDirection, c.failed);
    alt.run();
    bool disjointPair = false;
    const auto& ps = alt.paths();
    for (std::size_t i = 0; i < ps.size(); ++i)
      for (std::size_t j = i + 1; j < ps.size(); ++j) {
        std::set<Id> ei, ej;
        for (const Hop& h : ps[i].hops) ei.insert(h.edge);
        bool shared = false;
        for (const Hop& h : ps[j].hops) shared = shared || ei.count(h.edge);
        if (!shared && !ps[i].hops.empty()) disjointPair = true;
      }
    NeedsOptions opt;
    opt.failed = c.failed;
    opt.ignoreDirection = c.ignoreDirection;
    NeedsEngine engine(c.graph, {{1, src, dst}}, opt);
    REQUIRE(engine.run());
    if (disjointPair) {
      ++pairsSeen;
      CHECK(engine.answers()[0].edgeDisjoint >= 2);
    }
  }
  CHECK(pairsSeen > 20);
}

TEST_CASE("needs engine: the same answers with 1 and 2 threads", "[graph][needs][determinism]") {
  std::mt19937 rng(5);
  const int n = 400;
  std::vector<NodeSpec> nodes;
  for (int i = 0; i < n; ++i) nodes.push_back({i, i / 8, i % 37 == 5});
  std::vector<EdgeSpec> edges;
  std::uniform_real_distribution<double> lat(0.5, 9.0), rel(0.7, 1.0);
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < 3; ++k) {
      const int j = (k == 0) ? (i + 1) % n : static_cast<int>(rng() % n);
      edges.push_back({static_cast<Id>(edges.size()), i, j, std::round(lat(rng)), rel(rng),
                       rng() % 5 != 0, rng() % 29 == 0});
    }
  const Graph g(nodes, edges);
  std::vector<GroupDemand> demands;
  for (int k = 0; k < 300; ++k) {
    const Id a = static_cast<Id>(rng() % 50), b = static_cast<Id>(rng() % 50);
    GroupDemand d{k, End::ofGroup(a), End::ofGroup(b), 20.0 + double(rng() % 30), 1.0 + k % 4};
    if (k % 7 == 0) d.target = End::ofNode(static_cast<Id>(rng() % n));
    demands.push_back(d);
  }
  auto runWith = [&](unsigned threads) {
    NeedsOptions opt;
    opt.control.threads = threads;
    opt.failed.nodes = {3, 77};
    auto e = std::make_unique<NeedsEngine>(g, demands, opt);
    REQUIRE(e->run());
    return e;
  };
  const auto one = runWith(1), two = runWith(2);
  REQUIRE(one->answers().size() == two->answers().size());
  int cuts = 0, reachable = 0;
  for (std::size_t i = 0; i < demands.size(); ++i) {
    const NeedAnswer &a = one->answers()[i], &b = two->answers()[i];
    CHECK(a.reachable == b.reachable);
    CHECK(a.fastest.nodes == b.fastest.nodes);
    CHECK(a.mostReliable.nodes == b.mostReliable.nodes);
    CHECK(a.fewestHops.nodes == b.fewestHops.nodes);
    CHECK(a.reliableWithinBudget.nodes == b.reliableWithinBudget.nodes);
    CHECK(a.edgeDisjoint == b.edgeDisjoint);
    CHECK(a.nodeDisjoint == b.nodeDisjoint);
    CHECK(a.cutNodes == b.cutNodes);
    CHECK(a.cutEdges == b.cutEdges);
    cuts += !a.cutNodes.empty();
    reachable += a.reachable;
  }
  CHECK(one->load() == two->load());  // bit for bit
  CHECK(one->edgeLoad() == two->edgeLoad());
  CHECK(one->unroutedWeight() == two->unroutedWeight());
  CHECK(reachable > 100);
  CHECK(cuts > 5);
}

namespace {

// Whether a minimal route exists from S to T with one node or edge deleted: a search from S that
// never re-enters S and never leaves T.
bool reaches(const BruteNet& net, std::vector<Index> S, std::vector<Index> T, Index noNode,
             Index noEdge) {
  S.erase(std::remove(S.begin(), S.end(), noNode), S.end());
  T.erase(std::remove(T.begin(), T.end(), noNode), T.end());
  std::vector<char> inS(net.g.nodeCount(), 0), inT(net.g.nodeCount(), 0),
      seen(net.g.nodeCount(), 0);
  for (Index v : S) inS[v] = seen[v] = 1;
  for (Index v : T) inT[v] = 1;
  std::vector<Index> queue(S.begin(), S.end());
  for (std::size_t h = 0; h < queue.size(); ++h) {
    const Index v = queue[h];
    if (inT[v]) return true;
    for (auto [w, e] : net.steps(v)) {
      if (e == noEdge || w == noNode || seen[w] || inS[w]) continue;
      seen[w] = 1;
      queue.push_back(w);
    }
  }
  return false;
}

// Beads on a string: clusters joined by one or two links, plus a few long one-way shortcuts, so
// that routes are long, cuts are many and sit all along them.
Graph beads(std::mt19937& rng, int clusters, std::vector<int>& clusterOf) {
  std::vector<NodeSpec> nodes;
  std::vector<EdgeSpec> edges;
  std::vector<std::vector<Id>> members(clusters);
  clusterOf.clear();
  for (int c = 0; c < clusters; ++c) {
    const int size = 1 + static_cast<int>(rng() % 5);
    for (int i = 0; i < size; ++i) {
      const Id id = static_cast<Id>(nodes.size());
      nodes.push_back({id, c == 0 ? 1 : c == clusters - 1 ? 2 : 0, rng() % 40 == 0});
      clusterOf.push_back(c);
      for (Id o : members[c])
        if (rng() % 3 != 0)
          edges.push_back({static_cast<Id>(edges.size()), o, id, 1.0 + double(rng() % 3), 0.9,
                           rng() % 6 != 0, false});
      members[c].push_back(id);
    }
  }
  auto pick = [&](int c) { return members[c][rng() % members[c].size()]; };
  for (int c = 0; c + 1 < clusters; ++c) {
    const int links = 1 + static_cast<int>(rng() % 4 == 0);
    for (int k = 0; k < links; ++k)
      edges.push_back(
          {static_cast<Id>(edges.size()), pick(c), pick(c + 1), 2.0, 0.8, rng() % 5 != 0, false});
  }
  for (int k = 0; k < clusters / 6; ++k) {
    const int a = static_cast<int>(rng() % clusters), b = static_cast<int>(rng() % clusters);
    edges.push_back({static_cast<Id>(edges.size()), pick(std::min(a, b)), pick(std::max(a, b)), 5.0,
                     0.7, rng() % 2 == 0, false});
  }
  return Graph(nodes, edges);
}

}  // namespace

TEST_CASE("needs engine: cuts along long routes equal deletion tests, counts equal max-flow",
          "[graph][needs][property]") {
  std::mt19937 rng(8080);
  int cutsSeen = 0;
  for (int trial = 0; trial < 150; ++trial) {
    std::vector<int> clusterOf;
    const Graph g = beads(rng, 6 + trial % 25, clusterOf);
    const BruteNet net(g, {}, false);
    std::vector<GroupDemand> demands{{0, End::ofGroup(1), End::ofGroup(2)},
                                     {1, End::ofGroup(2), End::ofGroup(1)}};
    for (int k = 0; k < 6; ++k)
      demands.push_back(
          {2 + k, End::ofNode(static_cast<Id>(rng() % g.nodeCount())),
           k % 2 ? End::ofGroup(2) : End::ofNode(static_cast<Id>(rng() % g.nodeCount()))});
    for (bool epcf : {true, false}) {
      NeedsOptions opt;
      opt.endpointsCanFail = epcf;
      NeedsEngine engine(g, demands, opt);
      REQUIRE(engine.run());
      for (std::size_t i = 0; i < demands.size(); ++i) {
        const NeedAnswer& a = engine.answers()[i];
        const auto S = membersOf(net, demands[i].source), T = membersOf(net, demands[i].target);
        if (a.overlap || S.empty() || T.empty()) continue;
        INFO("trial " << trial << " demand " << i << " epcf " << epcf);
        CHECK(a.reachable == reaches(net, S, T, kNoIndex, kNoIndex));
        if (!a.reachable) continue;
        std::vector<Id> cutNodes, cutEdges;
        for (Index v = 0; v < g.nodeCount(); ++v) {
          const bool end = std::count(S.begin(), S.end(), v) || std::count(T.begin(), T.end(), v);
          if ((epcf || !end) && !reaches(net, S, T, v, kNoIndex)) cutNodes.push_back(g.node(v).id);
        }
        for (Index e = 0; e < g.edgeCount(); ++e)
          if (!reaches(net, S, T, kNoIndex, e)) cutEdges.push_back(g.edge(e).id);
        CHECK(a.cutNodes == cutNodes);
        CHECK(a.cutEdges == cutEdges);
        cutsSeen += static_cast<int>(cutNodes.size() + cutEdges.size());
        // Counts: DisjointPaths between a super source and a super sink of a rebuilt graph
        // (arcs into S and out of T dropped; the super arcs numerous enough never to bind).
        std::vector<NodeSpec> nodes = g.nodes();
        const Id sigma = 100000, tau = 100001;
        nodes.push_back({sigma, 0, false});
        nodes.push_back({tau, 0, false});
        std::vector<EdgeSpec> edges;
        auto inS = [&](Id id) { return std::count(S.begin(), S.end(), g.requireNode(id)) > 0; };
        auto inT = [&](Id id) { return std::count(T.begin(), T.end(), g.requireNode(id)) > 0; };
        for (const EdgeSpec& e : g.edges()) {
          if (e.down || e.from == e.to) continue;
          const bool fwd = !inS(e.to) && !inT(e.from);
          const bool bwd = e.twoWay && !inS(e.from) && !inT(e.to);
          if (fwd && bwd)
            edges.push_back(e);
          else if (fwd)
            edges.push_back({e.id, e.from, e.to, e.latency, e.reliability, false, false});
          else if (bwd)
            edges.push_back({e.id, e.to, e.from, e.latency, e.reliability, false, false});
        }
        Id next = 1000000;
        for (Index s : S)
          for (int c = 0; c < 20; ++c)
            edges.push_back({next++, sigma, g.node(s).id, 1, 1, false, false});
        for (Index t : T)
          for (int c = 0; c < 20; ++c)
            edges.push_back({next++, g.node(t).id, tau, 1, 1, false, false});
        const Graph aug(nodes, edges);
        DisjointPaths dp(aug, sigma, tau);
        dp.run();
        CHECK(a.edgeDisjoint == dp.edgeDisjoint());
        if (epcf) CHECK(a.nodeDisjoint == dp.nodeDisjoint());
        CHECK(a.nodeDisjoint <= a.edgeDisjoint);
      }
    }
  }
  CHECK(cutsSeen > 1000);
}
