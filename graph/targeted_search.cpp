#include "graph/targeted_search.hpp"

#include <algorithm>

namespace liaison::graph {

TargetedSearch::TargetedSearch(const Graph& graph, const ActiveMask& mask, Metric metric,
                               bool ignoreDirection)
    : m_graph(graph),
      m_mask(mask),
      m_metric(metric),
      m_adj(ignoreDirection ? graph.undirected() : graph.out()),
      m_len(metric == Metric::Hops ? std::vector<double>{} : graph.lengths(metric)) {}

TargetedSearch::Searcher::Searcher(const TargetedSearch& shared)
    : m_shared(shared), m_buf(shared.m_graph.nodeCount()),
      m_isTarget(shared.m_graph.nodeCount(), 0) {}

void TargetedSearch::Searcher::reset() {
  for (Index v : m_touched) {
    m_buf.dist[v] = kInf;
    m_buf.rank[v] = -1;
    m_buf.parentArc[v] = -1;
    m_buf.level[v] = -1;
  }
  m_touched.clear();
  m_buf.order.clear();
}

void TargetedSearch::Searcher::run(Index source, const std::vector<Index>& targets) {
  reset();
  m_source = source;
  const ActiveMask& mask = m_shared.m_mask;
  if (source == kNoIndex || !mask.nodeActive(source)) return;
  const Adjacency& adj = m_shared.m_adj;
  int remaining = 0;
  for (Index t : targets)
    if (t != kNoIndex && t != source && !m_isTarget[t] && mask.nodeActive(t)) {
      m_isTarget[t] = 1;
      ++remaining;
    }
  detail::SsspBuffers& b = m_buf;
  b.dist[source] = 0.0;
  b.rank[source] = 0;
  m_touched.push_back(source);
  if (m_shared.m_metric == Metric::Hops) {
    // Breadth-first: a node's parent is fixed when it is first reached, so stop right then.
    b.level[source] = 0;
    b.order.push_back(source);
    for (std::size_t head = 0; head < b.order.size() && remaining > 0; ++head) {
      const Index v = b.order[head];
      const Index lv = b.level[v] + 1;
      for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end && remaining > 0; ++i) {
        const Index w = adj.targets[i];
        if (b.level[w] >= 0 || !mask.arcActive(adj.arcs[i], w)) continue;
        b.level[w] = lv;
        b.dist[w] = lv;
        b.parentArc[w] = adj.arcs[i];
        b.order.push_back(w);
        m_touched.push_back(w);
        if (m_isTarget[w]) --remaining;
      }
    }
  } else {
    // Dijkstra with ShortestPaths' relaxation rule (ties within tolerance keep the first parent).
    const double* len = m_shared.m_len.data();
    detail::QuadHeap heap(b);
    heap.push(0.0, source);
    while (!heap.empty() && remaining > 0) {
      const Index v = heap.pop();
      b.rank[v] = 0;  // settled
      if (m_isTarget[v]) --remaining;
      const double dv = b.dist[v];
      for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
        const Index w = adj.targets[i];
        const Index arc = adj.arcs[i];
        if (!mask.arcActive(arc, w)) continue;
        const double l = len[arc >> 1];
        if (l == kInf) continue;
        const double alt = dv + l;
        if (detail::relaxKind(alt, b.dist[w]) != 1) continue;
        const bool fresh = b.dist[w] == kInf;
        b.dist[w] = alt;
        b.parentArc[w] = arc;
        if (fresh) {
          m_touched.push_back(w);
          heap.push(alt, w);
        } else if (heap.contains(w)) {
          heap.decrease(alt, w);
        }
      }
    }
    while (!heap.empty()) heap.pop();  // leaves heapPos clean for the next search
    // Only settled distances are final: forget tentative ones so reached() means settled.
    for (Index v : m_touched)
      if (b.rank[v] < 0) b.dist[v] = kInf;
  }
  for (Index t : targets)
    if (t != kNoIndex) m_isTarget[t] = 0;
}

std::vector<Index> TargetedSearch::Searcher::arcsTo(Index target) const {
  std::vector<Index> arcs;
  if (target == kNoIndex || !reached(target)) return arcs;
  const Graph& g = m_shared.m_graph;
  for (Index v = target; v != m_source;) {
    const Index arc = m_buf.parentArc[v];
    arcs.push_back(arc);
    const Index e = arcEdge(arc);
    v = (arc & 1) ? g.edgeTo(e) : g.edgeFrom(e);
  }
  std::reverse(arcs.begin(), arcs.end());
  return arcs;
}

}  // namespace liaison::graph
