// For each need (a pair that must be able to talk): is there a working path, and how many
// independent ones (edge-disjoint and node-disjoint, see disjoint_paths.hpp).
// Paths follow edge directions from source to target unless ignoreDirection.
#pragma once

#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

struct NeedStatus {
  Demand need;
  bool reachable = false;
  int edgeDisjoint = 0;
  int nodeDisjoint = 0;
};

class NeedConnectivity {
 public:
  NeedConnectivity(const Graph& graph, std::vector<Demand> needs, bool ignoreDirection = false,
                   Failures failed = {});
  void run();
  // In the order of the needs given. Unknown ids: reachable = false, counts 0.
  const std::vector<NeedStatus>& results() const { return m_results; }
  int unreachableCount() const;

 private:
  const Graph& m_graph;
  std::vector<Demand> m_needs;
  bool m_ignoreDirection;
  Failures m_failed;
  std::vector<NeedStatus> m_results;
};

}  // namespace liaison::graph
