// Single points of failure: articulation points (cut vertices), bridges (cut edges) and
// biconnected components, always on the undirected version of the graph (direction ignored).
//
// Conventions (as igraph): self-loops are ignored; a pair of parallel edges is never a bridge;
// an isolated node or a node with one neighbour is not an articulation point; a biconnected
// component is a maximal set of edges (a bridge is a component of its own), reported as edge
// ids and the node ids they touch. Failed/down elements are left out.
#pragma once

#include <memory>
#include <vector>

#include "graph/active_mask.hpp"

namespace liaison::graph {

class Biconnected {
 public:
  // withComponents = false skips building componentEdges()/componentNodes() (faster).
  explicit Biconnected(const Graph& graph, Failures failed = {}, bool withComponents = true);
  Biconnected(const Graph& graph, const ActiveMask& mask, bool withComponents = true);
  void run();

  // Ids in increasing node/edge index order.
  const std::vector<Id>& articulationPoints() const { return m_cutNodes; }
  const std::vector<Id>& bridges() const { return m_bridges; }
  // By node index.
  bool isArticulationPoint(Index v) const { return m_isCut[v] != 0; }
  const std::vector<std::vector<Id>>& componentEdges() const { return m_compEdges; }
  const std::vector<std::vector<Id>>& componentNodes() const { return m_compNodes; }

 private:
  const Graph& m_graph;
  std::unique_ptr<ActiveMask> m_ownMask;
  const ActiveMask* m_mask;
  bool m_withComponents = true;
  std::vector<std::uint8_t> m_isCut;
  std::vector<Id> m_cutNodes, m_bridges;
  std::vector<std::vector<Id>> m_compEdges, m_compNodes;
};

}  // namespace liaison::graph
