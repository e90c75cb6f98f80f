#include "graph/constraint.hpp"

#include <algorithm>
#include <limits>

#include "graph/active_mask.hpp"

namespace liaison::graph {

Constraint::Constraint(const Graph& graph, Weight weight, Failures failed)
    : m_graph(graph), m_weight(weight), m_failed(std::move(failed)) {}

void Constraint::run() {
  const Index n = m_graph.nodeCount();
  const ActiveMask mask(m_graph, m_failed);
  const Adjacency und = m_graph.undirected();
  // p[i] as sorted (neighbour, proportion) lists.
  std::vector<std::vector<std::pair<Index, double>>> p(n);
  for (Index i = 0; i < n; ++i) {
    if (!mask.nodeActive(i)) continue;
    auto& row = p[i];
    double total = 0.0;
    for (Index k = und.offsets[i]; k < und.offsets[i + 1]; ++k) {
      if (!mask.arcActive(und.arcs[k], und.targets[k])) continue;
      const Index e = arcEdge(und.arcs[k]);
      const double w = m_weight == Weight::Count ? 1.0 : m_graph.edge(e).reliability;
      row.emplace_back(und.targets[k], w);
      total += w;
    }
    std::sort(row.begin(), row.end());
    std::vector<std::pair<Index, double>> merged;
    for (auto& [j, w] : row) {
      if (!merged.empty() && merged.back().first == j)
        merged.back().second += w;
      else
        merged.emplace_back(j, w);
    }
    for (auto& [j, w] : merged) w /= total;
    row = std::move(merged);
  }
  m_score.assign(n, std::numeric_limits<double>::quiet_NaN());
  std::vector<double> direct(n, 0.0);
  for (Index i = 0; i < n; ++i) {
    if (p[i].empty()) continue;
    for (auto& [j, pij] : p[i]) direct[j] = pij;
    double c = 0.0;
    for (auto& [j, pij] : p[i]) {
      double indirect = 0.0;
      for (auto& [q, pqj] : p[j])  // p_iq * p_qj summed over q adjacent to both
        if (q != i && direct[q] > 0) {
          // p_qj is needed, not p_jq: look it up in q's row.
          const auto& rq = p[q];
          auto it = std::lower_bound(rq.begin(), rq.end(), std::make_pair(j, -1.0));
          if (it != rq.end() && it->first == j) indirect += direct[q] * it->second;
          (void)pqj;
        }
      c += (pij + indirect) * (pij + indirect);
    }
    m_score[i] = c;
    for (auto& [j, pij] : p[i]) direct[j] = 0.0;
  }
}

}  // namespace liaison::graph
