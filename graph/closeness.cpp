#include "graph/closeness.hpp"

#include <atomic>

#include "graph/parallel_sources.hpp"
#include "graph/worker_pool.hpp"

namespace liaison::graph {

Closeness::Closeness(const Graph& graph, ClosenessOptions options)
    : m_graph(graph), m_options(std::move(options)) {}

bool Closeness::run() {
  const Index n = m_graph.nodeCount();
  const ActiveMask mask(m_graph, m_options.failed);
  const Adjacency adj = m_options.ignoreDirection ? m_graph.undirected() : m_graph.out();
  const bool weighted = m_options.metric != Metric::Hops;
  const std::vector<double> len =
      weighted ? m_graph.lengths(m_options.metric) : std::vector<double>{};
  m_score.assign(n, std::numeric_limits<double>::quiet_NaN());
  m_reached.assign(n, 0);
  std::atomic<Index> next{0};
  std::atomic<bool> cancelled{false};
  auto worker = [&]() {
    detail::SsspBuffers b(n);
    for (Index s; (s = next.fetch_add(1)) < n;) {
      if (m_options.control.cancel && m_options.control.cancel->load()) {
        cancelled = true;
        return;
      }
      if (!mask.nodeActive(s)) continue;
      if (weighted)
        detail::dijkstraCount<true>(adj, len.data(), &mask, s, 0.0, b);
      else
        detail::bfsCount<true>(adj, &mask, s, b);
      double sum = 0.0;
      for (Index v : b.order) sum += b.dist[v];
      const Index reached = static_cast<Index>(b.order.size());
      m_reached[s] = reached;
      if (reached > 1) m_score[s] = (m_options.normalized ? (reached - 1) : 1.0) / sum;
      b.reset();
    }
  };
  const unsigned threads = detail::threadCount(m_options.control, static_cast<std::size_t>(n));
  detail::runOnWorkers(threads, [&](unsigned) { worker(); });
  if (m_options.control.progress) m_options.control.progress(1.0);
  return !cancelled;
}

}  // namespace liaison::graph
