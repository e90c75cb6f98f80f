// The best path for each need (fastest, most reliable or fewest hops), explainable hop by hop.
// One search per distinct source, stopped as soon as all of that source's targets are settled;
// parallel over sources. Conventions as ShortestPaths (path() of an unreachable need has
// found == false).
#pragma once

#include <vector>

#include "graph/path.hpp"

namespace liaison::graph {

class NeedPaths {
 public:
  NeedPaths(const Graph& graph, std::vector<Demand> needs, Metric metric = Metric::Latency,
            bool ignoreDirection = false, Failures failed = {}, RunControl control = {});
  bool run();  // false when cancelled
  // In need order.
  const std::vector<Path>& paths() const { return m_paths; }

 private:
  const Graph& m_graph;
  std::vector<Demand> m_needs;
  Metric m_metric;
  bool m_ignoreDirection;
  Failures m_failed;
  RunControl m_control;
  std::vector<Path> m_paths;
};

}  // namespace liaison::graph
