// Demand-weighted load: betweenness counted only over the pairs that need to talk.
// The bottleneck measure a liaison cares about: who carries the needed traffic.
//
// Conventions:
//  load(v) = sum over demands (s, t, w) with s != v != t of w * sigma_st(v) / sigma_st,
//  where sigma counts shortest paths under options.metric (Hops by default; weighted ties as in
//  betweenness.hpp). Each listed demand counts once, in its direction (s -> t); list a pair twice
//  to count both directions. Demands with s == t, unknown or failed endpoints, or no path add
//  nothing to the load; their weight is reported by unroutedWeight(). Edge load likewise.
//  With every ordered pair (directed) or every unordered pair (undirected graph) as demands of
//  weight 1, load equals raw betweenness.
#pragma once

#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

struct LoadOptions {
  Metric metric = Metric::Hops;
  bool ignoreDirection = false;
  bool edges = false;
  Failures failed;
  RunControl control;
};

class DemandLoad {
 public:
  DemandLoad(const Graph& graph, std::vector<Demand> demands, LoadOptions options = {});
  bool run();  // false when cancelled
  // By node / edge index.
  const std::vector<double>& scores() const { return m_node; }
  const std::vector<double>& edgeScores() const { return m_edge; }
  double score(Id node) const { return m_node[m_graph.requireNode(node)]; }
  double maxScore() const;
  double unroutedWeight() const { return m_unrouted; }

 private:
  const Graph& m_graph;
  std::vector<Demand> m_demands;
  LoadOptions m_options;
  std::vector<double> m_node, m_edge;
  double m_unrouted = 0.0;
};

}  // namespace liaison::graph
