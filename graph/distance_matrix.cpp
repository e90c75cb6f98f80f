#include "graph/distance_matrix.hpp"

#include <atomic>
#include <mutex>

#include "graph/parallel_sources.hpp"
#include "graph/worker_pool.hpp"

namespace liaison::graph {

DistanceMatrix::DistanceMatrix(const Graph& graph, std::vector<Id> sources, PathOptions options,
                               RunControl control)
    : m_graph(graph), m_options(std::move(options)), m_control(std::move(control)) {
  for (Id s : sources) m_sources.push_back(graph.requireNode(s));
}

namespace {
template <bool kMasked>
void searchInto(const Adjacency& adj, const double* arcLen, const ActiveMask& mask, Index s,
                detail::SsspBuffers& b, std::vector<double>& row, double width, std::size_t count) {
  row.assign(b.rank.size(), kInf);
  if (!mask.nodeActive(s)) return;
  if (arcLen) {
    detail::dijkstraDistances<kMasked>(adj, arcLen, &mask, s, row.data(), b, width, count);
    return;
  }
  detail::bfsCount<kMasked>(adj, &mask, s, b);
  for (Index v : b.order) row[v] = b.dist[v];
  b.reset();
}
}  // namespace

bool DistanceMatrix::run() {
  const ActiveMask mask(m_graph, m_options.failed);
  const Adjacency adj = m_options.ignoreDirection ? m_graph.undirected() : m_graph.out();
  const bool weighted = m_options.metric != Metric::Hops;
  std::vector<double> len;
  if (weighted) {
    // Lengths per adjacency entry (contiguous reads); infinite lengths are simply never relaxed.
    // (-ln r is computed once per edge, not once per direction.)
    const std::vector<double> perEdge = m_graph.lengths(m_options.metric);
    len.resize(adj.arcs.size());
    for (std::size_t i = 0; i < len.size(); ++i) len[i] = perEdge[arcEdge(adj.arcs[i])];
  }
  const double* lp = weighted ? len.data() : nullptr;
  double width = 0.0;
  std::size_t count = 0;
  if (!detail::BucketQueue::suitable(len, width, count)) width = 0.0;
  m_rows.assign(m_sources.size(), {});
  std::atomic<std::size_t> next{0};
  std::atomic<bool> cancelled{false};
  std::mutex progressMutex;
  auto worker = [&]() {
    detail::SsspBuffers b = weighted ? detail::SsspBuffers(m_graph.nodeCount(),
                                                           detail::SsspBuffers::DistancesOnly{})
                                     : detail::SsspBuffers(m_graph.nodeCount());
    for (std::size_t i; (i = next.fetch_add(1)) < m_sources.size();) {
      if (m_control.cancel && m_control.cancel->load()) {
        cancelled = true;
        return;
      }
      if (mask.allActive())
        searchInto<false>(adj, lp, mask, m_sources[i], b, m_rows[i], width, count);
      else
        searchInto<true>(adj, lp, mask, m_sources[i], b, m_rows[i], width, count);
      if (m_control.progress) {
        std::lock_guard<std::mutex> lock(progressMutex);
        m_control.progress(double(i + 1) / double(m_sources.size()));
      }
    }
  };
  // Threads pay only for enough work. On the 2-vCPU VMs this runs on, a thread started on the
  // idle second vCPU begins 4-5 ms later (it must first be woken), so a job of a few
  // milliseconds (ten searches on 5,000 nodes: 2 ms, work 5e5) is faster and far steadier on
  // one thread. The calling thread is one of the workers.
  const double work = double(m_sources.size()) * double(m_graph.nodeCount() + adj.arcs.size());
  const unsigned threads = work < 2e6 ? 1 : detail::threadCount(m_control, m_sources.size());
  detail::runOnWorkers(threads, [&](unsigned) { worker(); });
  return !cancelled;
}

}  // namespace liaison::graph
