#include "graph/shortest_paths.hpp"

#include <algorithm>

namespace liaison::graph {

ShortestPaths::ShortestPaths(const Graph& graph, Id source, PathOptions options)
    : m_graph(graph), m_source(graph.requireNode(source)), m_options(std::move(options)) {
  m_ownMask = std::make_unique<ActiveMask>(graph, m_options.failed);
  m_mask = m_ownMask.get();
}

ShortestPaths::ShortestPaths(const Graph& graph, Index sourceIndex, const ActiveMask& mask,
                             PathOptions options)
    : m_graph(graph), m_source(sourceIndex), m_options(std::move(options)), m_mask(&mask) {}

void ShortestPaths::run() {
  const Index n = m_graph.nodeCount();
  m_buf.resize(n);
  m_dist.assign(n, kInf);
  if (!m_mask->nodeActive(m_source)) return;
  const Adjacency adj = m_options.ignoreDirection ? m_graph.undirected() : m_graph.out();
  if (m_options.metric == Metric::Hops) {
    detail::bfsCount<true>(adj, m_mask, m_source, m_buf);
  } else {
    const std::vector<double> len = m_graph.lengths(m_options.metric);
    detail::dijkstraCount<true>(adj, len.data(), m_mask, m_source, 0.0, m_buf);
  }
  for (Index v : m_buf.order) m_dist[v] = m_buf.dist[v];
}

double ShortestPaths::pathCount(Id target) const {
  const Index t = m_graph.requireNode(target);
  return m_dist[t] == kInf ? 0.0 : m_buf.sigma[t];
}

std::vector<Index> ShortestPaths::arcsTo(Index target) const {
  std::vector<Index> arcs;
  if (m_dist[target] == kInf) return arcs;
  for (Index v = target; v != m_source;) {
    const Index arc = m_buf.parentArc[v];
    arcs.push_back(arc);
    const Index e = arcEdge(arc);
    v = (arc & 1) ? m_graph.edgeTo(e) : m_graph.edgeFrom(e);
  }
  std::reverse(arcs.begin(), arcs.end());
  return arcs;
}

Path ShortestPaths::path(Id target) const {
  const Index t = m_graph.requireNode(target);
  if (m_dist[t] == kInf) return {};
  return makePath(m_graph, m_source, arcsTo(t), m_options.metric);
}

}  // namespace liaison::graph
