#include "graph/single_points_of_failure.hpp"

#include <algorithm>

#include "graph/active_mask.hpp"
#include "graph/biconnected.hpp"

namespace liaison::graph {

SinglePointsOfFailure::SinglePointsOfFailure(const Graph& graph, std::vector<Demand> needs,
                                             Failures failed)
    : m_graph(graph), m_needs(std::move(needs)), m_failed(std::move(failed)) {}

namespace {
// Labels weak components of the active undirected graph (-1 for inactive nodes).
void label(const Graph& g, const ActiveMask& mask, std::vector<int>& lab, std::vector<Index>& q) {
  const Adjacency und = g.undirected();
  std::fill(lab.begin(), lab.end(), -1);
  int next = 0;
  for (Index s = 0; s < g.nodeCount(); ++s) {
    if (lab[s] >= 0 || !mask.nodeActive(s)) continue;
    lab[s] = next;
    q.assign(1, s);
    for (std::size_t h = 0; h < q.size(); ++h)
      for (Index i = und.offsets[q[h]]; i < und.offsets[q[h] + 1]; ++i) {
        const Index w = und.targets[i];
        if (lab[w] < 0 && mask.arcActive(und.arcs[i], w)) {
          lab[w] = next;
          q.push_back(w);
        }
      }
    ++next;
  }
}
}  // namespace

void SinglePointsOfFailure::run() {
  ActiveMask mask(m_graph, m_failed);
  Biconnected bic(m_graph, mask, false);
  bic.run();
  const Index n = m_graph.nodeCount();
  std::vector<int> base(n), cut(n);
  std::vector<Index> queue;
  label(m_graph, mask, base, queue);
  std::vector<std::pair<Index, Index>> ends;
  for (const Demand& d : m_needs)
    ends.emplace_back(m_graph.nodeIndex(d.source), m_graph.nodeIndex(d.target));
  m_perNeed.assign(m_needs.size(), {});
  m_ranking.clear();
  for (Id apId : bic.articulationPoints()) {
    const Index ap = m_graph.requireNode(apId);
    mask.setNode(ap, false);
    label(m_graph, mask, cut, queue);
    mask.setNode(ap, true);
    Entry entry{apId, 0, 0.0};
    for (std::size_t i = 0; i < ends.size(); ++i) {
      const auto [s, t] = ends[i];
      if (s == kNoIndex || t == kNoIndex || s == t || s == ap || t == ap) continue;
      if (base[s] < 0 || base[s] != base[t] || cut[s] == cut[t]) continue;
      m_perNeed[i].push_back(apId);
      ++entry.needs;
      entry.weight += m_needs[i].weight;
    }
    if (entry.needs > 0) m_ranking.push_back(entry);
  }
  std::stable_sort(m_ranking.begin(), m_ranking.end(),
                   [](const Entry& a, const Entry& b) { return a.weight > b.weight; });
}

}  // namespace liaison::graph
