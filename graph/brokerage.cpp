#include "graph/brokerage.hpp"

#include <algorithm>

#include "graph/active_mask.hpp"

namespace liaison::graph {

Brokerage::Brokerage(const Graph& graph, bool ignoreDirection, Failures failed)
    : m_graph(graph), m_ignoreDirection(ignoreDirection), m_failed(std::move(failed)) {}

namespace {
// Sorted, de-duplicated active neighbour lists.
std::vector<std::vector<Index>> simpleLists(const Adjacency& adj, const ActiveMask& mask, Index n) {
  std::vector<std::vector<Index>> out(n);
  for (Index v = 0; v < n; ++v) {
    if (!mask.nodeActive(v)) continue;
    for (Index i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i)
      if (mask.arcActive(adj.arcs[i], adj.targets[i])) out[v].push_back(adj.targets[i]);
    std::sort(out[v].begin(), out[v].end());
    out[v].erase(std::unique(out[v].begin(), out[v].end()), out[v].end());
  }
  return out;
}
}  // namespace

void Brokerage::run() {
  const Index n = m_graph.nodeCount();
  const ActiveMask mask(m_graph, m_failed);
  const auto outs = simpleLists(m_ignoreDirection ? m_graph.undirected() : m_graph.out(), mask, n);
  const auto ins = simpleLists(m_ignoreDirection ? m_graph.undirected() : m_graph.in(), mask, n);
  m_roles.assign(n, {});
  std::vector<int> tiedFromA(n, -1);  // tiedFromA[c] == a when a -> c
  for (Index b = 0; b < n; ++b) {
    BrokerageRoles& r = m_roles[b];
    const Id gb = m_graph.node(b).group;
    for (Index a : ins[b]) {
      for (Index c : outs[a]) tiedFromA[c] = a;
      const Id ga = m_graph.node(a).group;
      for (Index c : outs[b]) {
        if (c == a || tiedFromA[c] == a) continue;
        const Id gc = m_graph.node(c).group;
        if (ga == gb && gb == gc)
          r.coordinator += 1;
        else if (ga == gc)
          r.itinerant += 1;
        else if (ga == gb)
          r.representative += 1;
        else if (gb == gc)
          r.gatekeeper += 1;
        else
          r.liaison += 1;
      }
    }
  }
}

}  // namespace liaison::graph
