// How many independent ways one node can reach another: the maximum number of edge-disjoint
// and of internally node-disjoint paths (max-flow with unit capacities, augmenting paths).
//
// Conventions (as igraph's edge_disjoint_paths / vertex_disjoint_paths):
//  - A two-way edge can carry one path in either direction; a one-way edge only forward,
//    unless ignoreDirection.
//  - Parallel edges count separately for edge-disjoint paths. For node-disjoint paths, direct
//    source-target edges count as one path however many there are.
//  - source == target: both counts are 0. Failed/down elements are not used.
#pragma once

#include <memory>

#include "graph/active_mask.hpp"

namespace liaison::graph {

struct DisjointOptions {
  bool ignoreDirection = false;
  bool edgeDisjoint = true;  // compute edgeDisjoint()
  bool nodeDisjoint = true;  // compute nodeDisjoint()
  Failures failed;
};

class DisjointPaths {
 public:
  DisjointPaths(const Graph& graph, Id source, Id target, DisjointOptions options = {});
  // With a caller-owned mask (options.failed ignored).
  DisjointPaths(const Graph& graph, Index source, Index target, const ActiveMask& mask,
                DisjointOptions options);
  void run();
  int edgeDisjoint() const { return m_edge; }
  int nodeDisjoint() const { return m_node; }

 private:
  int countEdgeDisjoint() const;
  int countNodeDisjoint(int limit) const;  // limit < 0: none

  const Graph& m_graph;
  Index m_s, m_t;
  DisjointOptions m_options;
  std::unique_ptr<ActiveMask> m_ownMask;
  const ActiveMask* m_mask;
  int m_edge = 0, m_node = 0;
};

}  // namespace liaison::graph
