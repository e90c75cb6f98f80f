#include "graph/graph.hpp"

#include <stdexcept>
#include <string>

namespace liaison::graph {

namespace {
template <class Spec>
bool denseIds(const std::vector<Spec>& items) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id != static_cast<Id>(i)) return false;
  return true;
}
}  // namespace

Graph::Graph(std::vector<NodeSpec> nodes, std::vector<EdgeSpec> edges)
    : m_nodes(std::move(nodes)), m_edges(std::move(edges)) {
  if (m_nodes.size() >= (1u << 30) || m_edges.size() >= (1u << 30))
    throw std::invalid_argument("graph too large");
  m_denseNodeIds = denseIds(m_nodes);
  m_denseEdgeIds = denseIds(m_edges);
  if (!m_denseNodeIds) {
    m_nodeIndex.reserve(m_nodes.size());
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
      if (!m_nodeIndex.emplace(m_nodes[i].id, static_cast<Index>(i)).second)
        throw std::invalid_argument("duplicate node id " + std::to_string(m_nodes[i].id));
  }
  if (!m_denseEdgeIds) {
    m_edgeIndex.reserve(m_edges.size());
    for (std::size_t i = 0; i < m_edges.size(); ++i)
      if (!m_edgeIndex.emplace(m_edges[i].id, static_cast<Index>(i)).second)
        throw std::invalid_argument("duplicate edge id " + std::to_string(m_edges[i].id));
  }
  m_from.resize(m_edges.size());
  m_to.resize(m_edges.size());
  for (std::size_t e = 0; e < m_edges.size(); ++e) {
    const EdgeSpec& s = m_edges[e];
    m_from[e] = nodeIndex(s.from);
    m_to[e] = nodeIndex(s.to);
    if (m_from[e] == kNoIndex || m_to[e] == kNoIndex)
      throw std::invalid_argument("edge " + std::to_string(s.id) + " refers to an unknown node");
    if (!std::isfinite(s.latency) || s.latency < 0)
      throw std::invalid_argument("edge " + std::to_string(s.id) + ": bad latency");
    if (!(s.reliability >= 0 && s.reliability <= 1))
      throw std::invalid_argument("edge " + std::to_string(s.id) + ": bad reliability");
    if (!s.twoWay) m_undirected = false;
    if (s.down) m_hasDown = true;
  }
  for (const NodeSpec& v : m_nodes)
    if (v.down) m_hasDown = true;
  buildCsr(m_out, true, false);
  if (!m_undirected) {
    buildCsr(m_in, false, false);
    buildCsr(m_und, true, true);
  }
}

void Graph::buildCsr(Csr& csr, bool outgoing, bool ignoreDirection) const {
  const std::size_t n = m_nodes.size(), m = m_edges.size();
  csr.offsets.assign(n + 1, 0);
  // Arc 2e goes from -> to, arc 2e+1 goes to -> from. An out-list holds arcs leaving the node;
  // an in-list holds arcs entering it (its `targets` are then the arcs' tails).
  auto forEachArc = [&](auto&& fn) {
    for (std::size_t e = 0; e < m; ++e) {
      const Index a = m_from[e], b = m_to[e];
      if (a == b) continue;
      const bool both = ignoreDirection || m_edges[e].twoWay;
      const Index fwd = static_cast<Index>(2 * e);
      if (outgoing) {
        fn(a, b, fwd);
        if (both) fn(b, a, fwd + 1);
      } else {
        fn(b, a, fwd);
        if (both) fn(a, b, fwd + 1);
      }
    }
  };
  forEachArc([&](Index at, Index, Index) { ++csr.offsets[at + 1]; });
  for (std::size_t v = 0; v < n; ++v) csr.offsets[v + 1] += csr.offsets[v];
  csr.targets.resize(csr.offsets[n]);
  csr.arcs.resize(csr.offsets[n]);
  std::vector<Index> fill(csr.offsets.begin(), csr.offsets.end() - 1);
  forEachArc([&](Index at, Index other, Index arc) {
    const Index pos = fill[at]++;
    csr.targets[pos] = other;
    csr.arcs[pos] = arc;
  });
}

Index Graph::nodeIndex(Id id) const {
  if (m_denseNodeIds)
    return (id >= 0 && id < static_cast<Id>(m_nodes.size())) ? Index(id) : kNoIndex;
  auto it = m_nodeIndex.find(id);
  return it == m_nodeIndex.end() ? kNoIndex : it->second;
}

Index Graph::edgeIndex(Id id) const {
  if (m_denseEdgeIds)
    return (id >= 0 && id < static_cast<Id>(m_edges.size())) ? Index(id) : kNoIndex;
  auto it = m_edgeIndex.find(id);
  return it == m_edgeIndex.end() ? kNoIndex : it->second;
}

Index Graph::requireNode(Id id) const {
  const Index v = nodeIndex(id);
  if (v == kNoIndex) throw std::out_of_range("unknown node id " + std::to_string(id));
  return v;
}

Index Graph::requireEdge(Id id) const {
  const Index e = edgeIndex(id);
  if (e == kNoIndex) throw std::out_of_range("unknown edge id " + std::to_string(id));
  return e;
}

double Graph::length(Index e, Metric metric) const {
  switch (metric) {
    case Metric::Latency:
      return m_edges[e].latency;
    case Metric::Reliability: {
      const double r = m_edges[e].reliability;
      return r > 0 ? -std::log(r) : kInf;
    }
    case Metric::Hops:
      return 1.0;
  }
  return 1.0;
}

std::vector<double> Graph::lengths(Metric metric) const {
  std::vector<double> out(m_edges.size());
  for (std::size_t e = 0; e < out.size(); ++e) out[e] = length(static_cast<Index>(e), metric);
  return out;
}

}  // namespace liaison::graph
