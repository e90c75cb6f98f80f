// Distances from a list of sources to every node, in parallel (one row per source).
// Conventions as ShortestPaths: +inf for unreachable, 0 on the diagonal.
#pragma once

#include <vector>

#include "graph/shortest_paths.hpp"

namespace liaison::graph {

class DistanceMatrix {
 public:
  DistanceMatrix(const Graph& graph, std::vector<Id> sources, PathOptions options = {},
                 RunControl control = {});
  bool run();  // false when cancelled
  std::size_t rowCount() const { return m_rows.size(); }
  // Row i belongs to sources[i]; indexed by node index.
  const std::vector<double>& row(std::size_t i) const { return m_rows[i]; }
  double distance(std::size_t i, Id target) const { return m_rows[i][m_graph.requireNode(target)]; }

 private:
  const Graph& m_graph;
  std::vector<Index> m_sources;
  PathOptions m_options;
  RunControl m_control;
  std::vector<std::vector<double>> m_rows;
};

}  // namespace liaison::graph
