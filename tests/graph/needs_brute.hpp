// Brute-force definitions of the needs engine's answers, straight from needs_engine.hpp, for
// graphs small enough to list every simple minimal route: the property tests compare the
// engine with these. Nothing here shares code with the engine.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph::test {

struct BruteNet {
  const Graph& g;
  std::vector<bool> nodeUp, edgeUp;
  bool ignoreDirection;

  BruteNet(const Graph& graph, const Failures& failed, bool ignoreDir)
      : g(graph),
        nodeUp(graph.nodeCount(), true),
        edgeUp(graph.edgeCount(), true),
        ignoreDirection(ignoreDir) {
    for (Index v = 0; v < g.nodeCount(); ++v) nodeUp[v] = !g.node(v).down;
    for (Id id : failed.nodes)
      if (g.nodeIndex(id) != kNoIndex) nodeUp[g.nodeIndex(id)] = false;
    for (Index e = 0; e < g.edgeCount(); ++e) edgeUp[e] = !g.edge(e).down;
    for (Id id : failed.edges)
      if (g.edgeIndex(id) != kNoIndex) edgeUp[g.edgeIndex(id)] = false;
  }

  std::vector<Index> members(Id group, const std::vector<Id>& nodes) const {
    std::set<Index> out;
    if (nodes.empty()) {
      for (Index v = 0; v < g.nodeCount(); ++v)
        if (g.node(v).group == group && nodeUp[v]) out.insert(v);
    } else {
      for (Id id : nodes) {
        const Index v = g.nodeIndex(id);
        if (v != kNoIndex && nodeUp[v]) out.insert(v);
      }
    }
    return {out.begin(), out.end()};
  }

  // Every way to step from v: (neighbour, edge index).
  std::vector<std::pair<Index, Index>> steps(Index v) const {
    std::vector<std::pair<Index, Index>> out;
    for (Index e = 0; e < g.edgeCount(); ++e) {
      if (!edgeUp[e]) continue;
      const Index a = g.edgeFrom(e), b = g.edgeTo(e);
      if (a == b) continue;
      const bool both = ignoreDirection || g.edge(e).twoWay;
      if (a == v && nodeUp[b]) out.emplace_back(b, e);
      if (b == v && both && nodeUp[a]) out.emplace_back(a, e);
    }
    return out;
  }
};

struct BruteRoute {
  std::vector<Index> nodes;          // p1..pk
  std::vector<Index> edges;          // k-1 edge indices
  double latency = 0.0, cost = 0.0;  // cost = sum -ln r (+inf if some r == 0)
  int hops() const { return static_cast<int>(edges.size()); }
  std::uint64_t edgeMask() const {
    std::uint64_t m = 0;
    for (Index e : edges) m |= std::uint64_t{1} << e;
    return m;
  }
  std::uint64_t nodeMask() const {
    std::uint64_t m = 0;
    for (Index v : nodes) m |= std::uint64_t{1} << v;
    return m;
  }
  std::uint64_t interiorMask() const {
    std::uint64_t m = 0;
    for (std::size_t i = 1; i + 1 < nodes.size(); ++i) m |= std::uint64_t{1} << nodes[i];
    return m;
  }
};

// Every simple route from S to T touching S only first and T only last (S, T disjoint).
inline std::vector<BruteRoute> allRoutes(const BruteNet& net, const std::vector<Index>& S,
                                         const std::vector<Index>& T) {
  const Graph& g = net.g;
  std::vector<char> inS(g.nodeCount(), 0), inT(g.nodeCount(), 0);
  for (Index v : S) inS[v] = 1;
  for (Index v : T) inT[v] = 1;
  std::vector<std::vector<std::pair<Index, Index>>> steps(g.nodeCount());
  for (Index v = 0; v < g.nodeCount(); ++v) steps[v] = net.steps(v);
  std::vector<BruteRoute> out;
  BruteRoute cur;
  std::vector<char> on(g.nodeCount(), 0);
  std::function<void(Index)> walk = [&](Index v) {
    for (auto [w, e] : steps[v]) {
      if (inS[w] || on[w]) continue;
      const EdgeSpec& spec = g.edge(e);
      const double lat = cur.latency, cost = cur.cost;
      cur.nodes.push_back(w);
      cur.edges.push_back(e);
      cur.latency += spec.latency;
      cur.cost += spec.reliability > 0 ? -std::log(spec.reliability) : kInf;
      if (inT[w]) {
        out.push_back(cur);
      } else {
        on[w] = 1;
        walk(w);
        on[w] = 0;
      }
      cur.nodes.pop_back();
      cur.edges.pop_back();
      cur.latency = lat;
      cur.cost = cost;
    }
  };
  for (Index s : S) {
    cur = BruteRoute{};
    cur.nodes = {s};
    on[s] = 1;
    walk(s);
    on[s] = 0;
  }
  return out;
}

// The largest number of pairwise compatible items (compatible(i, j) symmetric).
inline int maxPacking(int count, const std::function<bool(int, int)>& compatible) {
  int best = 0;
  std::vector<int> all(count);
  for (int i = 0; i < count; ++i) all[i] = i;
  std::function<void(const std::vector<int>&, int)> grow = [&](const std::vector<int>& cand,
                                                               int size) {
    if (size > best) best = size;
    for (std::size_t k = 0; k < cand.size(); ++k) {
      if (size + static_cast<int>(cand.size() - k) <= best) return;
      std::vector<int> next;
      for (std::size_t l = k + 1; l < cand.size(); ++l)
        if (compatible(cand[k], cand[l])) next.push_back(cand[l]);
      grow(next, size + 1);
    }
  };
  grow(all, 0);
  return best;
}

// Max edge-disjoint routes.
inline int bruteEdgeDisjoint(const std::vector<BruteRoute>& routes) {
  std::set<std::uint64_t> distinct;
  for (const auto& r : routes) distinct.insert(r.edgeMask());
  const std::vector<std::uint64_t> masks(distinct.begin(), distinct.end());
  return maxPacking(static_cast<int>(masks.size()),
                    [&](int a, int b) { return (masks[a] & masks[b]) == 0; });
}

// Max node-disjoint routes; without endpoint capacities, routes may share End members, and
// one-hop routes count once per (first, last) pair.
inline int bruteNodeDisjoint(const std::vector<BruteRoute>& routes, bool endpointsCanFail) {
  std::set<std::pair<std::uint64_t, std::int64_t>> distinct;
  for (const auto& r : routes) {
    if (endpointsCanFail)
      distinct.insert({r.nodeMask(), -1});
    else
      distinct.insert(
          {r.interiorMask(), r.hops() == 1 ? std::int64_t(r.nodes[0]) * 1000 + r.nodes[1] : -1});
  }
  const std::vector<std::pair<std::uint64_t, std::int64_t>> items(distinct.begin(), distinct.end());
  return maxPacking(static_cast<int>(items.size()), [&](int a, int b) {
    if (items[a].first & items[b].first) return false;
    return items[a].second < 0 || items[a].second != items[b].second;
  });
}

}  // namespace liaison::graph::test
