#include "graph/k_shortest_paths.hpp"

#include <algorithm>
#include <set>

#include "graph/shortest_paths.hpp"

namespace liaison::graph {

KShortestPaths::KShortestPaths(const Graph& graph, Id source, Id target, int k, Metric metric,
                               bool ignoreDirection, Failures failed)
    : m_graph(graph),
      m_s(graph.requireNode(source)),
      m_t(graph.requireNode(target)),
      m_k(k),
      m_metric(metric),
      m_ignoreDirection(ignoreDirection),
      m_failed(std::move(failed)) {}

namespace {
struct Candidate {
  double length;
  std::size_t order;  // discovery order breaks ties deterministically
  std::vector<Index> arcs;
  bool operator<(const Candidate& o) const {
    return length != o.length ? length < o.length : order < o.order;
  }
};

Index arcHead(const Graph& g, Index arc) {
  return (arc & 1) ? g.edgeFrom(arcEdge(arc)) : g.edgeTo(arcEdge(arc));
}
}  // namespace

void KShortestPaths::run() {
  m_paths.clear();
  if (m_k <= 0) return;
  ActiveMask mask(m_graph, m_failed);
  PathOptions opt{m_metric, m_ignoreDirection, {}};
  if (m_s == m_t) {
    if (mask.nodeActive(m_s)) m_paths.push_back(makePath(m_graph, m_s, {}, m_metric));
    return;
  }
  auto lengthOf = [&](const std::vector<Index>& arcs) {
    double sum = 0.0;
    for (Index a : arcs) sum += m_graph.length(arcEdge(a), m_metric);
    return sum;
  };
  std::vector<std::vector<Index>> accepted;
  {
    ShortestPaths sp(m_graph, m_s, mask, opt);
    sp.run();
    if (sp.distances()[m_t] == kInf) return;
    accepted.push_back(sp.arcsTo(m_t));
  }
  std::set<Candidate> candidates;
  std::set<std::vector<Index>> seen{accepted.front()};
  std::size_t discovered = 0;
  while (static_cast<int>(accepted.size()) < m_k) {
    const std::vector<Index>& last = accepted.back();
    Index spur = m_s;
    for (std::size_t i = 0; i < last.size(); ++i) {
      // Root = last[0..i); block the next arc of every accepted path sharing this root, and
      // every root node except the spur node.
      std::vector<Index> blockedEdges, blockedNodes;
      for (const auto& p : accepted)
        if (p.size() > i && std::equal(last.begin(), last.begin() + i, p.begin()))
          blockedEdges.push_back(arcEdge(p[i]));
      Index at = m_s;
      for (std::size_t j = 0; j < i; ++j) {
        blockedNodes.push_back(at);
        at = arcHead(m_graph, last[j]);
      }
      std::vector<Index> offEdges, offNodes;  // only what we switch off is switched back on
      for (Index e : blockedEdges)
        if (mask.edgeActive(e)) {
          mask.setEdge(e, false);
          offEdges.push_back(e);
        }
      for (Index v : blockedNodes)
        if (mask.nodeActive(v)) {
          mask.setNode(v, false);
          offNodes.push_back(v);
        }
      ShortestPaths sp(m_graph, spur, mask, opt);
      sp.run();
      if (sp.distances()[m_t] != kInf) {
        std::vector<Index> total(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(i));
        const std::vector<Index> tail = sp.arcsTo(m_t);
        total.insert(total.end(), tail.begin(), tail.end());
        if (seen.insert(total).second) candidates.insert({lengthOf(total), discovered++, total});
      }
      for (Index e : offEdges) mask.setEdge(e, true);
      for (Index v : offNodes) mask.setNode(v, true);
      spur = arcHead(m_graph, last[i]);
    }
    if (candidates.empty()) break;
    accepted.push_back(candidates.begin()->arcs);
    candidates.erase(candidates.begin());
  }
  for (const auto& arcs : accepted) m_paths.push_back(makePath(m_graph, m_s, arcs, m_metric));
}

}  // namespace liaison::graph
