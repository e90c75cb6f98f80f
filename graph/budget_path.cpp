#include "graph/budget_path.hpp"

#include <algorithm>
#include <cmath>
#include <queue>

namespace liaison::graph::detail {

namespace {
struct Entry {
  double first, second;
  Index index;
  bool operator>(const Entry& o) const {
    if (first != o.first) return first > o.first;
    if (second != o.second) return second > o.second;
    return index > o.index;
  }
};
using MinQueue = std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>>;
}  // namespace

BudgetSearch::BudgetSearch(const NeedsNet& net)
    : m_net(net),
      m_lbSeen(static_cast<std::size_t>(net.nodeCount()), 0),
      m_lbDone(static_cast<std::size_t>(net.nodeCount()), 0),
      m_latSeen(static_cast<std::size_t>(net.nodeCount()), 0),
      m_lb(static_cast<std::size_t>(net.nodeCount()), kInf),
      m_minLatency(static_cast<std::size_t>(net.nodeCount()), kInf) {}

// Latency from each node to T over minimal-route arcs (never into S, never out of T), settled up
// to `limit`; nodes left unsettled are farther than the limit.
void BudgetSearch::lowerBounds(const std::vector<Index>& targets, const EndMarks& marks,
                               double limit) {
  MinQueue queue;
  for (Index t : targets) {
    m_lbSeen[static_cast<std::size_t>(t)] = m_stamp;
    m_lb[static_cast<std::size_t>(t)] = 0.0;
    queue.push({0.0, 0.0, t});
  }
  const Adjacency& adj = m_net.adj;
  while (!queue.empty()) {
    const Entry top = queue.top();
    queue.pop();
    const Index x = top.index;
    const std::size_t ux = static_cast<std::size_t>(x);
    if (m_lbDone[ux] == m_stamp) continue;
    if (top.first > limit) break;
    m_lbDone[ux] = m_stamp;
    if (marks.isS(x)) continue;  // a route never passes through S
    for (Index i = adj.offsets[x], end = adj.offsets[x + 1]; i < end; ++i) {
      if (!m_net.in[static_cast<std::size_t>(i)]) continue;
      const Index u = adj.targets[i];
      const std::size_t uu = static_cast<std::size_t>(u);
      if (marks.isT(u) || m_lbDone[uu] == m_stamp) continue;
      const double d = top.first + m_net.latency[static_cast<std::size_t>(i)];
      if (m_lbSeen[uu] == m_stamp && !(d < m_lb[uu])) continue;
      m_lbSeen[uu] = m_stamp;
      m_lb[uu] = d;
      queue.push({d, 0.0, u});
    }
  }
}

bool BudgetSearch::run(const std::vector<Index>& sources, const std::vector<Index>& targets,
                       const EndMarks& marks, double budget, Index& source,
                       std::vector<Index>& arcs) {
  ++m_stamp;
  m_labels.clear();
  arcs.clear();
  source = kNoIndex;
  if (!(budget >= 0.0)) return false;
  // Pruning keeps a little slack: lower bounds are summed in the other direction and may round
  // up; the exact test is withinBudget() on the label's own latency.
  const double limit = budget + 1e-9 * std::fabs(budget);
  lowerBounds(targets, marks, limit);
  MinQueue queue;
  auto latencyAt = [&](Index v) {
    const std::size_t u = static_cast<std::size_t>(v);
    return m_latSeen[u] == m_stamp ? m_minLatency[u] : kInf;
  };
  for (Index s : sources) {
    if (!(bound(s) <= limit)) continue;
    m_labels.push_back({0.0, 0.0, s, -1, -1});
    queue.push({0.0, 0.0, static_cast<Index>(m_labels.size() - 1)});
  }
  const Adjacency& adj = m_net.adj;
  while (!queue.empty()) {
    const Index li = queue.top().index;
    queue.pop();
    const Label label = m_labels[static_cast<std::size_t>(li)];
    const Index v = label.node;
    if (!(label.latency < latencyAt(v))) continue;  // dominated by a label settled at v
    m_latSeen[static_cast<std::size_t>(v)] = m_stamp;
    m_minLatency[static_cast<std::size_t>(v)] = label.latency;
    if (marks.isT(v)) {
      if (!withinBudget(label.latency, budget)) continue;
      source = v;
      for (Index k = li; k >= 0; k = m_labels[static_cast<std::size_t>(k)].parent) {
        const Label& l = m_labels[static_cast<std::size_t>(k)];
        if (l.arc >= 0) arcs.push_back(l.arc);
        source = l.node;
      }
      std::reverse(arcs.begin(), arcs.end());
      return true;
    }
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
      const std::size_t ui = static_cast<std::size_t>(i);
      if (!m_net.out[ui]) continue;
      const Index w = adj.targets[i];
      const double c = m_net.cost[ui];
      if (c == kInf || marks.isS(w)) continue;
      const double lat = label.latency + m_net.latency[ui];
      if (!(lat + bound(w) <= limit) || !(lat < latencyAt(w))) continue;
      m_labels.push_back({label.cost + c, lat, w, li, adj.arcs[i]});
      queue.push({label.cost + c, lat, static_cast<Index>(m_labels.size() - 1)});
    }
  }
  return false;
}

}  // namespace liaison::graph::detail
