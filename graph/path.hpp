// A path through the network, explainable hop by hop: through whom, over which channel, with
// what latency and reliability.
#pragma once

#include <string>
#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

struct Hop {
  Id from = 0;
  Id to = 0;
  Id edge = 0;
  double latency = 0.0;      // minutes
  double reliability = 1.0;  // 0..1
};

struct Path {
  bool found = false;        // false: no path (all other fields empty / neutral)
  std::vector<Id> nodes;     // source first, target last; just the source when source == target
  std::vector<Hop> hops;     // nodes.size() - 1 hops
  double latency = 0.0;      // sum of hop latencies
  double reliability = 1.0;  // product of hop reliabilities
  double length = 0.0;       // under the metric used to find it (hops for Metric::Hops)
  // "a -> b via edge e (5 min, 0.95)\n" per hop, then the totals.
  std::string explain() const;
};

// Builds a Path from a source node index and the arcs travelled (arc = 2*edge + reversed).
Path makePath(const Graph& graph, Index source, const std::vector<Index>& arcs, Metric metric);

}  // namespace liaison::graph
