// Single points of failure for the needs: the nodes whose loss alone cuts a needed pair.
//
// Works on the undirected version of the graph (as articulation points do): a node v (other
// than the need's own ends) is critical for a need when the two ends are connected but every
// path between them passes through v. Only articulation points can be critical; each is tested
// with one traversal that masks it, so the cost is O(#articulation points * (n + m)).
#pragma once

#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

class SinglePointsOfFailure {
 public:
  SinglePointsOfFailure(const Graph& graph, std::vector<Demand> needs, Failures failed = {});
  void run();

  // For need i (in input order), the critical node ids in increasing index order.
  const std::vector<std::vector<Id>>& criticalNodes() const { return m_perNeed; }
  // Critical nodes with the number of needs each one cuts and their total weight, sorted by
  // weight (highest first, ties by lower index).
  struct Entry {
    Id node;
    int needs;
    double weight;
  };
  const std::vector<Entry>& ranking() const { return m_ranking; }

 private:
  const Graph& m_graph;
  std::vector<Demand> m_needs;
  Failures m_failed;
  std::vector<std::vector<Id>> m_perNeed;
  std::vector<Entry> m_ranking;
};

}  // namespace liaison::graph
