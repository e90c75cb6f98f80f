// The k best loop-free paths between two nodes (Yen's algorithm), best first, under a metric.
//
// Conventions: paths are distinct as sequences of edges (parallel edges give distinct paths);
// no node repeats within a path. Equal-length paths are ordered by discovery (deterministic).
// Fewer than k paths are returned when fewer exist. source == target gives one empty path.
#pragma once

#include <vector>

#include "graph/path.hpp"

namespace liaison::graph {

class KShortestPaths {
 public:
  KShortestPaths(const Graph& graph, Id source, Id target, int k, Metric metric = Metric::Latency,
                 bool ignoreDirection = false, Failures failed = {});
  void run();
  const std::vector<Path>& paths() const { return m_paths; }

 private:
  const Graph& m_graph;
  Index m_s, m_t;
  int m_k;
  Metric m_metric;
  bool m_ignoreDirection;
  Failures m_failed;
  std::vector<Path> m_paths;
};

}  // namespace liaison::graph
