#include "graph/needs_search.hpp"

#include <algorithm>

#include "graph/sssp_kernel.hpp"

namespace liaison::graph::detail {

namespace {

// Binary min-heap with lazy deletion (a node may sit in it several times; the first pop
// settles it, later pops are skipped).
template <class Key>
class LazyHeap {
 public:
  struct Item {
    Key key;
    Index node;
  };
  bool empty() const { return m_items.empty(); }
  void clear() { m_items.clear(); }
  void push(const Key& key, Index v) {
    m_items.push_back({key, v});
    std::push_heap(m_items.begin(), m_items.end(), later);
  }
  const Item& top() const { return m_items.front(); }
  // The QuadAdapter interface (entries are lazy: callers skip settled nodes).
  const Key& topKey() const { return m_items.front().key; }
  std::size_t size() const { return m_items.size(); }
  Index topNode() const { return m_items.front().node; }
  Index popNode() { return pop().node; }
  void update(const Key& key, Index v) { push(key, v); }
  Item pop() {
    std::pop_heap(m_items.begin(), m_items.end(), later);
    const Item top = m_items.back();
    m_items.pop_back();
    return top;
  }

 private:
  static bool later(const Item& a, const Item& b) { return b.key < a.key; }
  std::vector<Item> m_items;
};

struct HopKey {
  double hops, latency;
  bool operator<(const HopKey& o) const {
    return hops != o.hops ? hops < o.hops : latency < o.latency;
  }
};

}  // namespace

void TargetSet::set(const std::vector<const std::vector<Index>*>& ends) {
  for (Index v : m_nodes) m_first[static_cast<std::size_t>(v)] = -1;
  m_nodes.clear();
  m_entries.clear();
  m_count = static_cast<int>(ends.size());
  for (int j = 0; j < m_count; ++j)
    for (Index v : *ends[static_cast<std::size_t>(j)]) {
      int& first = m_first[static_cast<std::size_t>(v)];
      if (first < 0) m_nodes.push_back(v);
      m_entries.push_back({j, first});
      first = static_cast<int>(m_entries.size()) - 1;
    }
}

PathSearch::PathSearch(const NeedsNet& net)
    : m_net(net),
      m_seen(static_cast<std::size_t>(net.nodeCount()), 0),
      m_done(static_cast<std::size_t>(net.nodeCount()), 0),
      m_parent(static_cast<std::size_t>(net.nodeCount()), -1),
      m_d1(static_cast<std::size_t>(net.nodeCount()), 0.0),
      m_d2(static_cast<std::size_t>(net.nodeCount()), 0.0) {}

bool PathSearch::settle(Index v, const TargetSet& targets) {
  m_done[static_cast<std::size_t>(v)] = m_stamp;
  if (targets.any(v))
    targets.forEach(v, [&](int j) {
      if (m_hit[static_cast<std::size_t>(j)] == kNoIndex) {
        m_hit[static_cast<std::size_t>(j)] = v;
        --m_remaining;
      }
    });
  return m_remaining == 0;
}

void PathSearch::run(SearchKind kind, const std::vector<Index>& sources, const TargetSet& targets) {
  ++m_stamp;
  m_hit.assign(static_cast<std::size_t>(targets.count()), kNoIndex);
  m_remaining = targets.count();
  if (m_remaining == 0 || sources.empty()) return;
  const NeedsNet& net = m_net;
  switch (kind) {
    case SearchKind::Latency:
      dijkstra<double>(sources, targets,
                       [&](const double& d, Index i) { return d + net.latency[i]; });
      break;
    case SearchKind::Reliability:
      dijkstra<double>(sources, targets, [&](const double& d, Index i) { return d + net.cost[i]; });
      break;
    case SearchKind::FewestHops:
      dijkstra<HopKey>(sources, targets, [&](const HopKey& d, Index i) {
        return HopKey{d.hops + 1.0, d.latency + net.latency[i]};
      });
      break;
    case SearchKind::Reach:
    case SearchKind::Combined:
      breadthFirst(sources, targets);
      break;
  }
}

template <class Key, class Len>
void PathSearch::dijkstra(const std::vector<Index>& sources, const TargetSet& targets, Len&& len) {
  static thread_local LazyHeap<Key> heap;
  heap.clear();
  auto keyOf = [&](Index v) {
    if constexpr (std::is_same_v<Key, double>)
      return m_d1[static_cast<std::size_t>(v)];
    else
      return HopKey{m_d1[static_cast<std::size_t>(v)], m_d2[static_cast<std::size_t>(v)]};
  };
  auto store = [&](Index v, const Key& k) {
    if constexpr (std::is_same_v<Key, double>) {
      m_d1[static_cast<std::size_t>(v)] = k;
    } else {
      m_d1[static_cast<std::size_t>(v)] = k.hops;
      m_d2[static_cast<std::size_t>(v)] = k.latency;
    }
  };
  for (Index s : sources) {
    m_seen[static_cast<std::size_t>(s)] = m_stamp;
    m_parent[static_cast<std::size_t>(s)] = -1;
    store(s, Key{});
    heap.push(Key{}, s);
  }
  const Adjacency& adj = m_net.adj;
  while (!heap.empty()) {
    const auto item = heap.pop();
    const Index v = item.node;
    if (m_done[static_cast<std::size_t>(v)] == m_stamp) continue;
    if (settle(v, targets)) break;
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
      if (!m_net.out[static_cast<std::size_t>(i)]) continue;
      const Index w = adj.targets[i];
      if (m_done[static_cast<std::size_t>(w)] == m_stamp) continue;
      const Key nk = len(item.key, i);
      if constexpr (std::is_same_v<Key, double>)
        if (nk == kInf) continue;
      if (m_seen[static_cast<std::size_t>(w)] == m_stamp && !(nk < keyOf(w))) continue;
      m_seen[static_cast<std::size_t>(w)] = m_stamp;
      store(w, nk);
      m_parent[static_cast<std::size_t>(w)] = adj.arcs[i];
      heap.push(nk, w);
    }
  }
  heap.clear();
}

void PathSearch::breadthFirst(const std::vector<Index>& sources, const TargetSet& targets) {
  m_queue.clear();
  for (Index s : sources) {
    m_seen[static_cast<std::size_t>(s)] = m_stamp;
    m_parent[static_cast<std::size_t>(s)] = -1;
    m_queue.push_back(s);
  }
  const Adjacency& adj = m_net.adj;
  for (std::size_t h = 0; h < m_queue.size(); ++h) {
    const Index v = m_queue[h];
    if (settle(v, targets)) return;
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
      const Index w = adj.targets[i];
      if (!m_net.out[static_cast<std::size_t>(i)] || m_seen[static_cast<std::size_t>(w)] == m_stamp)
        continue;
      m_seen[static_cast<std::size_t>(w)] = m_stamp;
      m_parent[static_cast<std::size_t>(w)] = adj.arcs[i];
      m_queue.push_back(w);
    }
  }
}

std::vector<Index> PathSearch::arcsTo(Index v, Index& source) const {
  std::vector<Index> arcs;
  while (m_parent[static_cast<std::size_t>(v)] >= 0) {
    const Index arc = m_parent[static_cast<std::size_t>(v)];
    arcs.push_back(arc);
    v = m_net.tail(arc);
  }
  source = v;
  std::reverse(arcs.begin(), arcs.end());
  return arcs;
}

LoadSearch::LoadSearch(const NeedsNet& net, Metric metric)
    : m_net(net),
      m_metric(metric),
      m_seen(static_cast<std::size_t>(net.nodeCount()), 0),
      m_src(static_cast<std::size_t>(net.nodeCount()), 0),
      m_rank(static_cast<std::size_t>(net.nodeCount()), -1),
      m_dist(static_cast<std::size_t>(net.nodeCount()), kInf),
      m_sigma(static_cast<std::size_t>(net.nodeCount()), 0.0),
      m_coef(static_cast<std::size_t>(net.nodeCount()), 0.0),
      m_weight(static_cast<std::size_t>(net.nodeCount()), 0.0) {
  if (metric == Metric::Latency) m_len = net.latency;
  if (metric == Metric::Reliability) m_len = net.cost;
}

void LoadSearch::run(const std::vector<Index>& sources, const TargetSet& targets,
                     const std::vector<const std::vector<Index>*>& ends,
                     const std::vector<double>& weights, double* nodeAcc, double* edgeAcc,
                     std::vector<std::uint8_t>& routed) {
  ++m_stamp;
  m_order.clear();
  m_best.assign(static_cast<std::size_t>(targets.count()), kInf);
  routed.assign(static_cast<std::size_t>(targets.count()), 0);
  if (sources.empty() || targets.count() == 0) return;
  if (m_metric == Metric::Hops)
    breadthFirst(sources, targets);
  else
    dijkstra(sources, targets);
  const bool weighted = m_metric != Metric::Hops;
  // Each demand's weight, split over its nearest target members in proportion to the routes
  // ending there: weight(t) = w * sigma(t) / sum of sigma over the nearest members.
  std::vector<Index> weightedNodes;
  for (std::size_t j = 0; j < ends.size(); ++j) {
    if (m_best[j] == kInf) continue;
    routed[j] = 1;
    auto nearest = [&](Index t) {
      const std::size_t u = static_cast<std::size_t>(t);
      if (m_seen[u] != m_stamp || m_rank[u] < 0) return false;
      return weighted ? compareLengths(m_dist[u], m_best[j]) == 0 : m_dist[u] == m_best[j];
    };
    double total = 0.0;
    for (Index t : *ends[j])
      if (nearest(t)) total += m_sigma[static_cast<std::size_t>(t)];
    if (!(total > 0.0) || weights[j] == 0.0) continue;
    for (Index t : *ends[j])
      if (nearest(t)) {
        const std::size_t u = static_cast<std::size_t>(t);
        if (m_weight[u] == 0.0) weightedNodes.push_back(t);
        m_weight[u] += weights[j] * m_sigma[u] / total;
      }
  }
  // Brandes' backward pass: coef(v) = (weight(v) + dependency(v)) / sigma(v).
  const Adjacency& adj = m_net.adj;
  for (std::size_t k = m_order.size(); k-- > 0;) {
    const Index v = m_order[k];
    const std::size_t u = static_cast<std::size_t>(v);
    const double sv = m_sigma[u];
    double sum = 0.0;
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
      if (!successor(v, i)) continue;
      const double c = m_coef[static_cast<std::size_t>(adj.targets[i])];
      if (c == 0.0) continue;
      sum += c;
      if (edgeAcc) edgeAcc[arcEdge(adj.arcs[i])] += sv * c;
    }
    const double dep = sv * sum;
    m_coef[u] = (m_weight[u] + dep) / sv;
    if (m_src[u] != m_stamp) nodeAcc[v] += dep;  // sources carry nothing
  }
  for (Index t : weightedNodes) m_weight[static_cast<std::size_t>(t)] = 0.0;
}

bool LoadSearch::successor(Index v, Index i) const {
  if (!m_net.out[static_cast<std::size_t>(i)]) return false;
  const std::size_t w = static_cast<std::size_t>(m_net.adj.targets[i]);
  const std::size_t u = static_cast<std::size_t>(v);
  if (m_seen[w] != m_stamp || m_rank[w] < 0 || m_src[w] == m_stamp) return false;
  if (m_metric == Metric::Hops) return m_rank[w] == m_rank[u] + 1;
  const double l = m_len[static_cast<std::size_t>(i)];
  return m_rank[w] > m_rank[u] && l != kInf && compareLengths(m_dist[u] + l, m_dist[w]) == 0;
}

void LoadSearch::discover(Index v, double dist, double sigma, Index rank) {
  const std::size_t u = static_cast<std::size_t>(v);
  m_seen[u] = m_stamp;
  m_dist[u] = dist;
  m_sigma[u] = sigma;
  m_coef[u] = 0.0;
  m_rank[u] = rank;
}

bool LoadSearch::reachTargets(Index v, const TargetSet& targets) {
  if (targets.any(v))
    targets.forEach(v, [&](int j) {
      double& best = m_best[static_cast<std::size_t>(j)];
      if (best == kInf) {
        best = m_dist[static_cast<std::size_t>(v)];
        m_farthest = std::max(m_farthest, best);
        --m_remaining;
      }
    });
  return m_remaining == 0;
}

// Breadth-first with path counts; stops before expanding the level of the farthest nearest
// target, whose counts are final once the level before it is expanded.
void LoadSearch::breadthFirst(const std::vector<Index>& sources, const TargetSet& targets) {
  m_remaining = targets.count();
  m_farthest = 0.0;
  for (Index s : sources) {
    discover(s, 0.0, 1.0, 0);
    m_src[static_cast<std::size_t>(s)] = m_stamp;
    m_order.push_back(s);
  }
  for (Index s : sources) reachTargets(s, targets);
  const Adjacency& adj = m_net.adj;
  for (std::size_t h = 0; h < m_order.size(); ++h) {
    const Index v = m_order[h];
    const Index level = m_rank[static_cast<std::size_t>(v)];
    if (m_remaining == 0 && static_cast<double>(level) >= m_farthest) break;
    const double sv = m_sigma[static_cast<std::size_t>(v)];
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
      if (!m_net.out[static_cast<std::size_t>(i)]) continue;
      const Index w = adj.targets[i];
      const std::size_t x = static_cast<std::size_t>(w);
      if (m_seen[x] != m_stamp) {
        discover(w, static_cast<double>(level + 1), sv, level + 1);
        m_order.push_back(w);
        reachTargets(w, targets);
      } else if (m_rank[x] == level + 1) {
        m_sigma[x] += sv;
      }
    }
  }
}

// Dijkstra with path counts and the tie rule of betweenness.hpp (distances offset by 1 at the
// sources, as igraph). Stops at the first node beyond the farthest nearest target.
void LoadSearch::dijkstra(const std::vector<Index>& sources, const TargetSet& targets) {
  static thread_local LazyHeap<double> heap;
  heap.clear();
  m_remaining = targets.count();
  m_farthest = 0.0;
  for (Index s : sources) {
    discover(s, 1.0, 1.0, -1);
    m_src[static_cast<std::size_t>(s)] = m_stamp;
    heap.push(1.0, s);
  }
  const Adjacency& adj = m_net.adj;
  while (!heap.empty()) {
    const Index v = heap.pop().node;
    const std::size_t u = static_cast<std::size_t>(v);
    if (m_rank[u] >= 0) continue;
    if (m_remaining == 0 && compareLengths(m_dist[u], m_farthest) > 0) break;
    m_rank[u] = static_cast<Index>(m_order.size());
    m_order.push_back(v);
    reachTargets(v, targets);
    const double dv = m_dist[u], sv = m_sigma[u];
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
      if (!m_net.out[static_cast<std::size_t>(i)]) continue;
      const double l = m_len[static_cast<std::size_t>(i)];
      if (l == kInf) continue;
      const Index w = adj.targets[i];
      const std::size_t x = static_cast<std::size_t>(w);
      if (m_seen[x] != m_stamp) discover(w, kInf, 0.0, -1);
      if (m_rank[x] >= 0 || m_src[x] == m_stamp) continue;
      const double alt = dv + l;
      const int kind = relaxKind(alt, m_dist[x]);
      if (kind == 1) {
        m_dist[x] = alt;
        m_sigma[x] = sv;
        heap.push(alt, w);
      } else if (kind == 2) {
        m_sigma[x] += sv;
      }
    }
  }
  heap.clear();
}

}  // namespace liaison::graph::detail
