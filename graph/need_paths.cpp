#include "graph/need_paths.hpp"

#include <algorithm>
#include <atomic>
#include <map>

#include "graph/active_mask.hpp"
#include "graph/parallel_sources.hpp"
#include "graph/worker_pool.hpp"

namespace liaison::graph {

NeedPaths::NeedPaths(const Graph& graph, std::vector<Demand> needs, Metric metric,
                     bool ignoreDirection, Failures failed, RunControl control)
    : m_graph(graph),
      m_needs(std::move(needs)),
      m_metric(metric),
      m_ignoreDirection(ignoreDirection),
      m_failed(std::move(failed)),
      m_control(std::move(control)) {}

namespace {
// Dijkstra (or BFS when all lengths are 1) from s recording first-found parent arcs, stopping
// once `remaining` targets are settled. Touched nodes are listed in `touched` for the reset.
void search(const Adjacency& adj, const double* arcLen, const ActiveMask& mask, Index s,
            int remaining, const std::vector<std::uint8_t>& isTarget, detail::SsspBuffers& b,
            std::vector<Index>& touched) {
  detail::QuadHeap heap(b);
  b.dist[s] = 0.0;
  touched.assign(1, s);
  heap.push(0.0, s);
  while (!heap.empty() && remaining > 0) {
    const Index v = heap.pop();
    b.rank[v] = 0;  // settled
    if (isTarget[v]) --remaining;
    const double dv = b.dist[v];
    for (Index i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i) {
      const Index w = adj.targets[i];
      const double alt = dv + arcLen[i];
      const double cur = b.dist[w];
      if (!(alt < cur) || !mask.arcActive(adj.arcs[i], w)) continue;
      b.dist[w] = alt;
      b.parentArc[w] = adj.arcs[i];
      if (cur == kInf) {
        touched.push_back(w);
        heap.push(alt, w);
      } else {
        heap.decrease(alt, w);
      }
    }
  }
  while (!heap.empty()) heap.pop();  // leaves heapPos clean
}
}  // namespace

bool NeedPaths::run() {
  const ActiveMask mask(m_graph, m_failed);
  const Adjacency adj = m_ignoreDirection ? m_graph.undirected() : m_graph.out();
  std::vector<double> arcLen(adj.arcs.size());
  for (std::size_t i = 0; i < arcLen.size(); ++i)
    arcLen[i] = m_graph.length(arcEdge(adj.arcs[i]), m_metric);
  std::map<Index, std::vector<std::size_t>> bySource;
  m_paths.assign(m_needs.size(), {});
  for (std::size_t i = 0; i < m_needs.size(); ++i) {
    const Index s = m_graph.nodeIndex(m_needs[i].source), t = m_graph.nodeIndex(m_needs[i].target);
    if (s != kNoIndex && t != kNoIndex && mask.nodeActive(s) && mask.nodeActive(t))
      bySource[s].push_back(i);
  }
  const std::vector<std::pair<Index, std::vector<std::size_t>>> groups(bySource.begin(),
                                                                       bySource.end());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> cancelled{false};
  auto worker = [&]() {
    detail::SsspBuffers b(m_graph.nodeCount());
    std::vector<std::uint8_t> isTarget(m_graph.nodeCount(), 0);
    std::vector<Index> touched, arcs;
    for (std::size_t g; (g = next.fetch_add(1)) < groups.size();) {
      if (m_control.cancel && m_control.cancel->load()) {
        cancelled = true;
        return;
      }
      const auto& [s, needIdx] = groups[g];
      int remaining = 0;
      for (std::size_t i : needIdx) {
        const Index t = m_graph.nodeIndex(m_needs[i].target);
        if (!isTarget[t]) ++remaining;
        isTarget[t] = 1;
      }
      search(adj, arcLen.data(), mask, s, remaining, isTarget, b, touched);
      for (std::size_t i : needIdx) {
        const Index t = m_graph.nodeIndex(m_needs[i].target);
        isTarget[t] = 0;
        if (b.rank[t] < 0 && t != s) continue;  // not reached
        arcs.clear();
        for (Index v = t; v != s;) {
          const Index arc = b.parentArc[v];
          arcs.push_back(arc);
          v = (arc & 1) ? m_graph.edgeTo(arcEdge(arc)) : m_graph.edgeFrom(arcEdge(arc));
        }
        std::reverse(arcs.begin(), arcs.end());
        m_paths[i] = makePath(m_graph, s, arcs, m_metric);
      }
      for (Index v : touched) {
        b.dist[v] = kInf;
        b.rank[v] = -1;
        b.parentArc[v] = -1;
      }
    }
  };
  const unsigned threads = groups.size() < 8 ? 1 : detail::threadCount(m_control, groups.size());
  detail::runOnWorkers(threads, [&](unsigned) { worker(); });
  return !cancelled;
}

}  // namespace liaison::graph
