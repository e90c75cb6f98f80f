#include "core/analysis/graph_measures.hpp"

#include <algorithm>
#include <map>

#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"
#include "graph/components.hpp"
#include "graph/degree_centrality.hpp"
#include "graph/distance_matrix.hpp"

namespace liaison::core {

using graph::Index;
using graph::Metric;

graph::Graph undirectedCopy(const graph::Graph& g, Undirected how) {
  std::vector<graph::EdgeSpec> edges;
  if (how == Undirected::Each) {
    edges = g.edges();
    for (auto& e : edges) e.twoWay = true;
    return graph::Graph(g.nodes(), std::move(edges));
  }
  if (how == Undirected::No) return graph::Graph(g.nodes(), g.edges());
  std::map<std::pair<graph::Id, graph::Id>, std::size_t> pair;  // unordered pair -> edge
  for (const graph::EdgeSpec& e : g.edges()) {
    const auto key = std::minmax(e.from, e.to);
    auto [it, fresh] = pair.emplace(std::make_pair(key.first, key.second), edges.size());
    if (fresh) {
      edges.push_back(e);
      edges.back().twoWay = true;
      continue;
    }
    graph::EdgeSpec& kept = edges[it->second];
    kept.latency = std::min(kept.latency, e.latency);
    kept.reliability = std::max(kept.reliability, e.reliability);
    kept.down = kept.down && e.down;
  }
  return graph::Graph(g.nodes(), std::move(edges));
}

Measures measure(const graph::Graph& g, bool weighted, Metric weightMetric) {
  Measures m;
  graph::DegreeCentrality d(g, {}, graph::DegreeCentrality::Valued::Count);
  d.run();
  m.din = d.in();
  m.dout = d.out();
  m.deg = d.total();
  graph::Betweenness b(g, {});
  b.run();
  m.bw = b.scores();
  if (weighted) {
    graph::BetweennessOptions o;
    o.metric = weightMetric;
    graph::Betweenness bw(g, o);
    bw.run();
    m.bww = bw.scores();
  }
  graph::Biconnected bc(g, {}, false);
  bc.run();
  m.ap = bc.articulationPoints();
  m.bridges = bc.bridges();
  m.isAp.resize(static_cast<std::size_t>(g.nodeCount()));
  for (Index v = 0; v < g.nodeCount(); ++v) m.isAp[v] = bc.isArticulationPoint(v);
  graph::Components c(g);
  c.run();
  m.weak = c.weakCount();
  m.strong = c.strongCount();
  std::vector<graph::Id> all;
  for (const auto& n : g.nodes()) all.push_back(n.id);
  graph::PathOptions po;
  po.metric = Metric::Hops;
  graph::DistanceMatrix dm(g, all, po);
  dm.run();
  double diameter = 0;
  for (std::size_t i = 0; i < dm.rowCount(); ++i)
    for (double x : dm.row(i))
      if (x != graph::kInf) diameter = std::max(diameter, x);
  m.diameter = static_cast<long>(diameter);
  return m;
}

}  // namespace liaison::core
