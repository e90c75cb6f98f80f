#include "graph/budget_path.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>

namespace liaison::graph::detail {

namespace {
struct Entry {
  double key, latency;
  int index;
  bool operator>(const Entry& o) const {
    if (key != o.key) return key > o.key;
    if (latency != o.latency) return latency > o.latency;
    return index > o.index;
  }
};
using MinQueue = std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>>;

// Removes cycles (possible where the two halves of a join cross on zero-length arcs).
void removeCycles(const NeedsNet& net, Route& r) {
  std::vector<Index> nodes{r.source};
  for (Index a : r.arcs) nodes.push_back(net.head(a));
  for (std::size_t i = 0; i < nodes.size(); ++i)
    for (std::size_t j = nodes.size(); j-- > i + 1;)
      if (nodes[j] == nodes[i]) {
        nodes.erase(nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                    nodes.begin() + static_cast<std::ptrdiff_t>(j) + 1);
        r.arcs.erase(r.arcs.begin() + static_cast<std::ptrdiff_t>(i),
                     r.arcs.begin() + static_cast<std::ptrdiff_t>(j));
        break;
      }
}
}  // namespace

BudgetSearch::BudgetSearch(const NeedsNet& net) : m_net(net), m_pair(net), m_bounds(net) {
  const std::size_t n = static_cast<std::size_t>(net.nodeCount());
  for (Side& s : m_side) {
    s.seen.assign(n, 0);
    s.head.assign(n, -1);
  }
}

void BudgetSearch::measure(Route& r) const {
  r.cost = 0.0;
  r.latency = 0.0;
  for (Index a : r.arcs) {
    const EdgeSpec& e = m_net.graph.edge(arcEdge(a));
    r.latency += e.latency;
    r.cost += e.reliability > 0 ? -std::log(e.reliability) : kInf;
  }
}

bool BudgetSearch::run(const std::vector<Index>& sources, const std::vector<Index>& targets,
                       const EndMarks& marks, double budget, const Route& fastest,
                       const Route& reliable, Route& out) {
  m_budget = budget;
  Route feasible = fastest, infeasible = reliable;
  double lambda = 0.0;
  bool keyBounds = false;  // m_pair holds the search for the key with this lambda
  if (feasible.cost < kInf) {
    // LARAC rounds: each either finds nothing better for this lambda (then lambda is the
    // Lagrangian optimum) or replaces one of the two routes.
    for (int round = 0; round < 12; ++round) {
      const double dl = infeasible.latency - feasible.latency;
      if (!(dl > 0.0)) {
        keyBounds = false;
        break;
      }
      lambda = std::max(0.0, (feasible.cost - infeasible.cost) / dl);
      m_pair.setLambda(lambda);
      Route r;
      keyBounds = m_pair.run(SearchKind::Combined, sources, targets, marks, r.source, r.arcs);
      if (!keyBounds) break;
      measure(r);
      m_keyShortest = r.cost + lambda * r.latency;
      const double key = r.cost + lambda * r.latency;
      const double best = infeasible.cost + lambda * infeasible.latency;
      if (compareLengths(key, best) >= 0) {
        // The Lagrangian bound: no route within the budget costs less than this.
        const double bound = key - lambda * budget;
        if (compareLengths(bound, feasible.cost) >= 0) {
          out = feasible;
          return true;
        }
        break;
      }
      if (withinBudget(r.latency, budget)) {
        if (!(r.cost < feasible.cost)) break;
        feasible = std::move(r);
      } else {
        infeasible = std::move(r);
      }
    }
  }
  if (labelSearch(sources, targets, marks, lambda, keyBounds, feasible.cost, out)) return true;
  if (!(feasible.cost < kInf)) return false;
  out = feasible;
  return true;
}

double BudgetSearch::remainingKey(int side, Index v) const {
  if (side == 0) {
    double b = m_pair.boundToT(v);
    if (m_pair.settledFromS(v)) b = std::max(b, m_keyShortest - m_pair.boundFromS(v));
    return b;
  }
  double b = m_pair.boundFromS(v);
  if (m_pair.settledToT(v)) b = std::max(b, m_keyShortest - m_pair.boundToT(v));
  return b;
}

double BudgetSearch::remaining(int side, Index v) const {
  if (side == 0) {
    double b = m_bounds.boundToT(v);
    if (m_bounds.settledFromS(v)) b = std::max(b, m_fastest - m_bounds.boundFromS(v));
    return b;
  }
  double b = m_bounds.boundFromS(v);
  if (m_bounds.settledToT(v)) b = std::max(b, m_fastest - m_bounds.boundToT(v));
  return b;
}

Route BudgetSearch::chain(int fwd, int bwd) const {
  Route r;
  for (int k = fwd; k >= 0; k = m_side[0].labels[static_cast<std::size_t>(k)].parent) {
    const Label& l = m_side[0].labels[static_cast<std::size_t>(k)];
    if (l.arc >= 0) r.arcs.push_back(l.arc);
    r.source = l.node;
  }
  std::reverse(r.arcs.begin(), r.arcs.end());
  for (int k = bwd; k >= 0; k = m_side[1].labels[static_cast<std::size_t>(k)].parent) {
    const Label& l = m_side[1].labels[static_cast<std::size_t>(k)];
    if (l.arc >= 0) r.arcs.push_back(l.arc);
  }
  return r;
}

int BudgetSearch::make(int side, double cost, double latency, Index node, int parent, Index arc) {
  Side& s = m_side[side];
  const std::size_t u = static_cast<std::size_t>(node);
  if (s.seen[u] != m_stamp) {
    s.seen[u] = m_stamp;
    s.head[u] = -1;
  }
  for (int k = s.head[u]; k >= 0; k = s.labels[static_cast<std::size_t>(k)].next) {
    const Label& l = s.labels[static_cast<std::size_t>(k)];
    if (!l.dead && l.cost <= cost && l.latency <= latency) return -1;
  }
  for (int k = s.head[u]; k >= 0; k = s.labels[static_cast<std::size_t>(k)].next) {
    Label& l = s.labels[static_cast<std::size_t>(k)];
    if (cost <= l.cost && latency <= l.latency) l.dead = true;
  }
  s.labels.push_back({cost, latency, node, parent, arc, s.head[u], false});
  const int index = static_cast<int>(s.labels.size()) - 1;
  s.head[u] = index;
  // Join with the other side's labels at this node.
  const Side& o = m_side[1 - side];
  if (o.seen[u] == m_stamp)
    for (int k = o.head[u]; k >= 0; k = o.labels[static_cast<std::size_t>(k)].next) {
      const Label& l = o.labels[static_cast<std::size_t>(k)];
      if (l.dead || !(cost + l.cost < m_best) || !withinBudget(latency + l.latency, m_budget))
        continue;
      const int f = side == 0 ? index : k, b = side == 0 ? k : index;
      Route r = chain(f, b);
      measure(r);
      if (!withinBudget(r.latency, m_budget)) continue;  // the sum in path order decides
      m_best = cost + l.cost;
      m_bestF = f;
      m_bestB = b;
    }
  return index;
}

bool BudgetSearch::labelSearch(const std::vector<Index>& sources, const std::vector<Index>& targets,
                               const EndMarks& marks, double lambda, bool keyBounds,
                               double incumbent, Route& out) {
  ++m_stamp;
  m_side[0].labels.clear();
  m_side[1].labels.clear();
  m_best = incumbent;
  m_bestF = m_bestB = -1;
  if (!(m_budget >= 0.0)) return false;
  // A little slack on the limits: sums in another order may round the other way; joins test
  // the exact hop-by-hop latency.
  const double latLimit = m_budget + 1e-9 * std::fabs(m_budget);
  {
    Index source;
    std::vector<Index> arcs;
    if (!m_bounds.run(SearchKind::Latency, sources, targets, marks, source, arcs)) return false;
    Route fastest{source, arcs};
    measure(fastest);
    // Bounds are sums in other orders than the labels': keep them a hair low.
    m_fastest = fastest.latency * (1 - 1e-12);
  }
  MinQueue queue[2];
  for (Index s : sources)
    if (int k = make(0, 0.0, 0.0, s, -1, -1); k >= 0) queue[0].push({0.0, 0.0, k});
  for (Index t : targets)
    if (int k = make(1, 0.0, 0.0, t, -1, -1); k >= 0) queue[1].push({0.0, 0.0, k});
  const Adjacency& adj = m_net.adj;
  for (;;) {
    // Every route within the budget cheaper than mu has key < K = mu + lambda * budget. Once the
    // two sides' least unsettled keys add up to K, each such route has a node where its prefix
    // key passes the forward frontier's share and its suffix key stays within the backward
    // one's: the two labels there have met. Until then, the side with fewer labels waiting.
    const double limit = (m_best + lambda * m_budget) * (1 + 1e-9);
    if (queue[0].empty() || queue[1].empty() || queue[0].top().key + queue[1].top().key >= limit)
      break;
    const int side = queue[0].size() <= queue[1].size() ? 0 : 1;
    const int li = queue[side].top().index;
    queue[side].pop();
    Side& s = m_side[side];
    const Label label = s.labels[static_cast<std::size_t>(li)];
    if (label.dead) continue;
    const Index v = label.node;
    if (side == 0 ? marks.isT(v) : marks.isS(v)) continue;  // a route ends there
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
      const std::size_t ui = static_cast<std::size_t>(i);
      const Index w = adj.targets[i];
      if (side == 0 ? (!m_net.out[ui] || marks.isS(w)) : (!m_net.in[ui] || marks.isT(w))) continue;
      const double c = m_net.cost[ui];
      const double lat = label.latency + m_net.latency[ui];
      if (c == kInf || lat + remaining(side, w) * (1 - 1e-12) > latLimit) continue;
      const double cost = label.cost + c;
      if (!(cost < m_best)) continue;
      const double key = cost + lambda * lat;
      // No completion can bring the key below K: such a label cannot improve mu.
      if (keyBounds &&
          key + remainingKey(side, w) * (1 - 1e-12) >= (m_best + lambda * m_budget) * (1 + 1e-9))
        continue;
      const Index arc = side == 0 ? adj.arcs[i] : (adj.arcs[i] ^ 1);
      if (int k = make(side, cost, lat, w, li, arc); k >= 0) queue[side].push({key, lat, k});
    }
  }
  if (m_bestF < 0) return false;
  out = chain(m_bestF, m_bestB);
  removeCycles(m_net, out);
  measure(out);
  return true;
}

}  // namespace liaison::graph::detail
