#include "graph/active_mask.hpp"

#include <algorithm>

namespace liaison::graph {

ActiveMask::ActiveMask(const Graph& graph, const Failures& failed)
    : m_node(graph.nodeCount(), 1), m_edge(graph.edgeCount(), 1) {
  for (Index v = 0; v < graph.nodeCount(); ++v)
    if (graph.node(v).down) m_node[v] = 0;
  for (Index e = 0; e < graph.edgeCount(); ++e)
    if (graph.edge(e).down) m_edge[e] = 0;
  for (Id id : failed.nodes)
    if (Index v = graph.nodeIndex(id); v != kNoIndex) m_node[v] = 0;
  for (Id id : failed.edges)
    if (Index e = graph.edgeIndex(id); e != kNoIndex) m_edge[e] = 0;
  recount();
}

void ActiveMask::setNode(Index v, bool active) {
  m_node[v] = active ? 1 : 0;
  recount();
}

void ActiveMask::setEdge(Index e, bool active) {
  m_edge[e] = active ? 1 : 0;
  recount();
}

void ActiveMask::recount() {
  m_activeNodes = static_cast<Index>(std::count(m_node.begin(), m_node.end(), 1));
  m_allActive = m_activeNodes == static_cast<Index>(m_node.size()) &&
                std::count(m_edge.begin(), m_edge.end(), 0) == 0;
}

}  // namespace liaison::graph
