#include "graph/betweenness.hpp"

#include <algorithm>
#include <numeric>

#include "graph/brandes.hpp"
#include "graph/parallel_sources.hpp"

namespace liaison::graph {

Betweenness::Betweenness(const Graph& graph, BetweennessOptions options)
    : m_graph(graph), m_options(std::move(options)) {}

namespace {
template <bool kMasked, bool kWeighted>
bool runBrandes(const Graph& g, const Adjacency& adj, const double* len, const ActiveMask& mask,
                bool wantEdges, const RunControl& control, std::vector<double>& node,
                std::vector<double>& edge, const detail::QueuePlan& plan) {
  const ActiveMask* mp = &mask;
  auto fn = [&](std::size_t s, detail::SsspBuffers& b, double* nodeAcc, double* edgeAcc) {
    const Index src = static_cast<Index>(s);
    if constexpr (kMasked)
      if (!mp->nodeActive(src)) return;
    if constexpr (kWeighted) {
      detail::brandesDijkstra<kMasked>(adj, len, mp, src, b, nullptr, nodeAcc, edgeAcc, plan);
    } else {
      detail::brandesBfs<kMasked>(adj, mp, src, b, nullptr, nodeAcc, edgeAcc);
    }
  };
  return detail::runSourceBlocks(static_cast<std::size_t>(g.nodeCount()), g.nodeCount(),
                                 g.edgeCount(), wantEdges, control, fn, node, edge);
}
}  // namespace

bool Betweenness::run() {
  m_hasRun = false;
  const ActiveMask mask(m_graph, m_options.failed);
  const bool undirected = m_options.ignoreDirection || m_graph.isUndirected();
  const Adjacency adj = undirected ? m_graph.undirected() : m_graph.out();
  const bool weighted = m_options.metric != Metric::Hops;
  const std::vector<double> len =
      weighted ? detail::arcLengths(adj, m_graph.lengths(m_options.metric)) : std::vector<double>{};
  const double* lp = weighted ? len.data() : nullptr;
  const detail::QueuePlan plan(len);
  const bool e = m_options.edges;
  const RunControl& c = m_options.control;
  bool ok;
  if (mask.allActive())
    ok = weighted ? runBrandes<false, true>(m_graph, adj, lp, mask, e, c, m_node, m_edge, plan)
                  : runBrandes<false, false>(m_graph, adj, lp, mask, e, c, m_node, m_edge, plan);
  else
    ok = weighted ? runBrandes<true, true>(m_graph, adj, lp, mask, e, c, m_node, m_edge, plan)
                  : runBrandes<true, false>(m_graph, adj, lp, mask, e, c, m_node, m_edge, plan);
  if (!ok) return false;
  double nodeScale = undirected ? 0.5 : 1.0, edgeScale = nodeScale;
  if (m_options.normalized) {
    const double n = mask.activeNodeCount();
    nodeScale = n > 2 ? 1.0 / ((n - 1) * (n - 2)) : 0.0;
    edgeScale = n > 1 ? 1.0 / (n * (n - 1)) : 0.0;
  }
  for (double& x : m_node) x *= nodeScale;
  for (double& x : m_edge) x *= edgeScale;
  m_hasRun = true;
  return true;
}

std::vector<std::pair<Id, double>> Betweenness::top(std::size_t k) const {
  return topNodes(m_graph, m_node, k);
}

std::vector<std::pair<Id, double>> topNodes(const Graph& graph, const std::vector<double>& values,
                                            std::size_t k) {
  std::vector<Index> idx(values.size());
  std::iota(idx.begin(), idx.end(), 0);
  k = std::min(k, idx.size());
  std::partial_sort(
      idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(),
      [&](Index a, Index b) { return values[a] != values[b] ? values[a] > values[b] : a < b; });
  std::vector<std::pair<Id, double>> out;
  for (std::size_t i = 0; i < k; ++i) out.emplace_back(graph.node(idx[i]).id, values[idx[i]]);
  return out;
}

}  // namespace liaison::graph
