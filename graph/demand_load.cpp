#include "graph/demand_load.hpp"

#include <algorithm>
#include <map>

#include "graph/brandes.hpp"
#include "graph/parallel_sources.hpp"

namespace liaison::graph {

DemandLoad::DemandLoad(const Graph& graph, std::vector<Demand> demands, LoadOptions options)
    : m_graph(graph), m_demands(std::move(demands)), m_options(std::move(options)) {}

double DemandLoad::maxScore() const {
  return m_node.empty() ? 0.0 : *std::max_element(m_node.begin(), m_node.end());
}

bool DemandLoad::run() {
  const ActiveMask mask(m_graph, m_options.failed);
  const bool undirected = m_options.ignoreDirection || m_graph.isUndirected();
  const Adjacency adj = undirected ? m_graph.undirected() : m_graph.out();
  const bool weighted = m_options.metric != Metric::Hops;
  const std::vector<double> arcLen =
      weighted ? detail::arcLengths(adj, m_graph.lengths(m_options.metric)) : std::vector<double>{};

  // Group the demands by source (sources in index order for determinism).
  std::map<Index, std::vector<std::pair<Index, double>>> bySource;
  double unknown = 0.0;
  for (const Demand& d : m_demands) {
    const Index s = m_graph.nodeIndex(d.source), t = m_graph.nodeIndex(d.target);
    if (s == kNoIndex || t == kNoIndex) unknown += d.weight;
    if (s == kNoIndex || t == kNoIndex || s == t) continue;
    bySource[s].emplace_back(t, d.weight);
  }
  std::vector<std::pair<Index, std::vector<std::pair<Index, double>>>> groups(bySource.begin(),
                                                                              bySource.end());
  std::vector<double> unroutedPerGroup(groups.size(), 0.0);
  const bool masked = !mask.allActive();
  const detail::QueuePlan plan(arcLen);
  auto fn = [&](std::size_t gi, detail::SsspBuffers& b, double* nodeAcc, double* edgeAcc) {
    const auto& [s, targets] = groups[gi];
    if (!mask.nodeActive(s)) {
      for (auto& [t, w] : targets) unroutedPerGroup[gi] += w;
      return;
    }
    Index distinct = 0;  // weighted targets, for the breadth-first search's early stop
    for (auto& [t, w] : targets) {
      if (!(b.targetWeight[t] > 0.0) && w > 0.0) ++distinct;
      b.targetWeight[t] += w;
    }
    const detail::Inspect inspect = [&](const detail::SsspBuffers& sb) {
      for (auto& [t, w] : targets)
        if (sb.dist[t] == kInf && sb.level[t] < 0) unroutedPerGroup[gi] += w;
    };
    double* tw = b.targetWeight.data();
    if (weighted) {
      if (masked)
        detail::brandesDijkstra<true>(adj, arcLen.data(), &mask, s, b, tw, nodeAcc, edgeAcc, plan,
                                      &inspect);
      else
        detail::brandesDijkstra<false>(adj, arcLen.data(), &mask, s, b, tw, nodeAcc, edgeAcc, plan,
                                       &inspect);
    } else {
      if (masked)
        detail::brandesBfs<true>(adj, &mask, s, b, tw, nodeAcc, edgeAcc, &inspect, distinct);
      else
        detail::brandesBfs<false>(adj, &mask, s, b, tw, nodeAcc, edgeAcc, &inspect, distinct);
    }
    for (auto& [t, w] : targets) b.targetWeight[t] = 0.0;
  };
  if (!detail::runSourceBlocks(groups.size(), m_graph.nodeCount(), m_graph.edgeCount(),
                               m_options.edges, m_options.control, fn, m_node, m_edge))
    return false;
  m_unrouted = unknown;
  for (double u : unroutedPerGroup) m_unrouted += u;
  return true;
}

}  // namespace liaison::graph
