#include "graph/degree_centrality.hpp"

namespace liaison::graph {

DegreeCentrality::DegreeCentrality(const Graph& graph, Failures failed, Valued valued)
    : m_graph(graph), m_mask(graph, failed), m_kind(valued) {}

void DegreeCentrality::run() {
  const Index n = m_graph.nodeCount();
  m_in.assign(n, 0);
  m_out.assign(n, 0);
  m_total.assign(n, 0);
  m_valued.assign(n, 0.0);
  for (Index e = 0; e < m_graph.edgeCount(); ++e) {
    const Index a = m_graph.edgeFrom(e), b = m_graph.edgeTo(e);
    if (!m_mask.edgeActive(e) || !m_mask.nodeActive(a) || !m_mask.nodeActive(b)) continue;
    const EdgeSpec& spec = m_graph.edge(e);
    const double value = m_kind == Valued::Reliability ? spec.reliability : 1.0;
    ++m_out[a];
    ++m_in[b];
    if (spec.twoWay) {  // a two-way self-loop thus counts 2 in, 2 out (igraph, undirected)
      ++m_out[b];
      ++m_in[a];
    }
    ++m_total[a];
    ++m_total[b];
    m_valued[a] += value;
    m_valued[b] += value;
  }
}

}  // namespace liaison::graph
