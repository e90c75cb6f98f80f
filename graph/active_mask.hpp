// Which nodes and edges are usable: the graph's down flags plus a caller's failure set.
// This is how what-if analysis avoids copying the graph: algorithms skip masked elements.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

class ActiveMask {
 public:
  // Everything usable except what the graph marks down and what `failed` lists.
  // Unknown ids in `failed` are ignored.
  explicit ActiveMask(const Graph& graph, const Failures& failed = {});
  // Whether a mask would hide anything (down flags or failures); cheap, no allocation.
  static bool needed(const Graph& graph, const Failures& failed) {
    return graph.hasDown() || !failed.nodes.empty() || !failed.edges.empty();
  }

  bool nodeActive(Index v) const { return m_node[v] != 0; }
  bool edgeActive(Index e) const { return m_edge[e] != 0; }
  // An arc is usable when its edge and both ends are.
  bool arcActive(Index arc, Index target) const { return m_edge[arc >> 1] && m_node[target]; }
  // True when nothing is masked: algorithms may take a faster unchecked path.
  bool allActive() const { return m_allActive; }
  Index activeNodeCount() const { return m_activeNodes; }

  void setNode(Index v, bool active);
  void setEdge(Index e, bool active);

 private:
  void recount();
  std::vector<std::uint8_t> m_node, m_edge;
  Index m_activeNodes = 0;
  bool m_allActive = true;
};

}  // namespace liaison::graph
