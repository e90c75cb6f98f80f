#include "graph/needs_search.hpp"

#include <algorithm>

#include "graph/sssp_kernel.hpp"

namespace liaison::graph::detail {

// The same interface over the project's indexed 4-ary heap (one entry per node, decrease-key).
class QuadAdapter {
 public:
  explicit QuadAdapter(Index n) : m_buf(n, SsspBuffers::DistancesOnly{}), m_heap(m_buf) {}
  QuadAdapter(const QuadAdapter&) = delete;
  QuadAdapter& operator=(const QuadAdapter&) = delete;
  bool empty() const { return m_heap.empty(); }
  std::size_t size() const { return m_heap.end - QuadHeap::kRoot; }
  double topKey() const { return m_heap.key[QuadHeap::kRoot]; }
  Index topNode() const { return m_heap.node[QuadHeap::kRoot]; }
  Index popNode() { return m_heap.pop(); }
  void update(double key, Index v) {
    if (m_heap.contains(v))
      m_heap.decrease(key, v);
    else
      m_heap.push(key, v);
  }
  void clear() {
    for (std::size_t i = QuadHeap::kRoot; i < m_heap.end; ++i) m_heap.pos[m_heap.node[i]] = -1;
    m_heap.end = QuadHeap::kRoot;
  }

 private:
  SsspBuffers m_buf;
  QuadHeap m_heap;
};

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

// ---------------------------------------------------------------------------------------------

PairSearch::PairSearch(const NeedsNet& net)
    : m_net(net),
      m_f(static_cast<std::size_t>(net.nodeCount()), State{0, -1, 0.0}),
      m_b(static_cast<std::size_t>(net.nodeCount()), State{0, -1, 0.0}),
      m_f2(static_cast<std::size_t>(net.nodeCount()), 0.0),
      m_b2(static_cast<std::size_t>(net.nodeCount()), 0.0),
      m_fq(std::make_unique<QuadAdapter>(net.nodeCount())),
      m_bq(std::make_unique<QuadAdapter>(net.nodeCount())) {}

PairSearch::~PairSearch() = default;

bool PairSearch::run(SearchKind kind, const std::vector<Index>& sources,
                     const std::vector<Index>& targets, const EndMarks& marks, Index& source,
                     std::vector<Index>& arcs) {
  ++m_stamp;
  arcs.clear();
  source = kNoIndex;
  const NeedsNet& net = m_net;
  bool found = false;
  switch (kind) {
    case SearchKind::Latency:
      found = bidirectional<double>(sources, targets, marks, [&](Index i) {
        return net.latency[static_cast<std::size_t>(i)];
      });
      break;
    case SearchKind::Reliability:
      found = bidirectional<double>(sources, targets, marks,
                                    [&](Index i) { return net.cost[static_cast<std::size_t>(i)]; });
      break;
    case SearchKind::FewestHops:
      found = layered(sources, targets, marks);
      break;
    case SearchKind::Reach:
      found = bidirectional<double>(sources, targets, marks, [](Index) { return 1.0; });
      break;
    case SearchKind::Combined:
      found = bidirectional<double>(sources, targets, marks, [&](Index i) {
        const std::size_t u = static_cast<std::size_t>(i);
        return net.cost[u] + m_lambda * net.latency[u];
      });
      break;
  }
  if (!found) return false;
  // The forward chain to the meeting node, then the backward chain from it.
  Index v = m_meet;
  for (Index a; (a = m_f[static_cast<std::size_t>(v)].arc) >= 0; v = m_net.tail(a))
    arcs.push_back(a);
  source = v;
  std::reverse(arcs.begin(), arcs.end());
  for (Index a, x = m_meet; (a = m_b[static_cast<std::size_t>(x)].arc) >= 0; x = m_net.head(a))
    arcs.push_back(a);
  // Zero-length cycles can make the two chains cross: cut them out (same length, and the
  // remaining interior still avoids both Ends).
  std::vector<Index> nodes{source};
  for (Index a : arcs) nodes.push_back(m_net.head(a));
  for (std::size_t i = 0; i < nodes.size(); ++i)
    for (std::size_t j = nodes.size(); j-- > i + 1;)
      if (nodes[j] == nodes[i]) {
        nodes.erase(nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                    nodes.begin() + static_cast<std::ptrdiff_t>(j) + 1);
        arcs.erase(arcs.begin() + static_cast<std::ptrdiff_t>(i),
                   arcs.begin() + static_cast<std::ptrdiff_t>(j));
        break;
      }
  return true;
}

// Fewest hops, then least latency: breadth-first layers from both Ends, the smaller frontier
// first; a node keeps its least-latency parent in the layer before it (that layer is complete
// when the node's is made). The first layer that touches the other side's newest layer is the
// meeting layer: every fewest-hop route crosses it, so the best one meets there.
bool PairSearch::layered(const std::vector<Index>& sources, const std::vector<Index>& targets,
                         const EndMarks& marks) {
  const std::uint32_t seen = 2 * m_stamp;
  State* const st[2] = {m_f.data(), m_b.data()};
  double* const level[2] = {m_f2.data(), m_b2.data()};
  std::vector<Index>* front[2] = {&m_front[0], &m_front[1]};
  const std::vector<Index>* ends[2] = {&sources, &targets};
  for (int side = 0; side < 2; ++side) {
    front[side]->clear();
    for (Index v : *ends[side]) {
      st[side][v] = {seen, -1, 0.0};
      level[side][v] = 0.0;
      front[side]->push_back(v);
    }
  }
  const Index* const off = m_net.adj.offsets.data();
  const Index* const tgt = m_net.adj.targets.data();
  const Index* const arcs = m_net.adj.arcs.data();
  const double* const lat = m_net.latency.data();
  double depth[2] = {0.0, 0.0};
  int touched = -1;
  std::vector<Index>& next = m_front[2];
  while (touched < 0) {
    if (front[0]->empty() || front[1]->empty()) return false;
    const int side = front[0]->size() <= front[1]->size() ? 0 : 1;
    State* const me = st[side];
    const State* const other = st[1 - side];
    const std::uint8_t* const ok = side == 0 ? m_net.out.data() : m_net.in.data();
    const double lv = depth[side] + 1.0;
    next.clear();
    for (Index v : *front[side]) {
      if (side == 0 ? marks.isT(v) : marks.isS(v)) continue;  // a route ends (starts) there
      const double dv = me[v].dist;
      for (Index i = off[v], end = off[v + 1]; i < end; ++i) {
        if (!ok[i]) continue;
        const Index w = tgt[i];
        State& sw = me[w];
        const double nl = dv + lat[i];
        if ((sw.mark >> 1) != m_stamp) {
          sw = {seen, side == 0 ? arcs[i] : (arcs[i] ^ 1), nl};
          level[side][w] = lv;
          next.push_back(w);
          if ((other[w].mark >> 1) == m_stamp) touched = side;
        } else if (level[side][w] == lv && nl < sw.dist) {
          sw.dist = nl;
          sw.arc = side == 0 ? arcs[i] : (arcs[i] ^ 1);
        }
      }
    }
    front[side]->swap(next);
    depth[side] = lv;
  }
  m_meet = kNoIndex;
  double best = kInf;
  for (Index m : *front[touched])
    if ((st[1 - touched][m].mark >> 1) == m_stamp) {
      const double total = st[0][m].dist + st[1][m].dist;
      if (m_meet == kNoIndex || total < best) {
        best = total;
        m_meet = m;
      }
    }
  return true;
}

template <class Key, class Len>
bool PairSearch::bidirectional(const std::vector<Index>& sources, const std::vector<Index>& targets,
                               const EndMarks& marks, Len&& len) {
  static thread_local LazyHeap<HopKey> fLazy, bLazy;
  auto& fHeap = [&]() -> auto& {
    if constexpr (std::is_same_v<Key, double>)
      return *m_fq;
    else
      return fLazy;
  }
  ();
  auto& bHeap = [&]() -> auto& {
    if constexpr (std::is_same_v<Key, double>)
      return *m_bq;
    else
      return bLazy;
  }
  ();
  fHeap.clear();
  bHeap.clear();
  // Marks: 2 * stamp = labelled, 2 * stamp + 1 = settled.
  const std::uint32_t seen = 2 * m_stamp, done = seen + 1;
  State* const fs = m_f.data();
  State* const bs = m_b.data();
  auto keyOf = [&](const State* st, const std::vector<double>& second, Index v) {
    if constexpr (std::is_same_v<Key, double>) {
      (void)second;
      return st[v].dist;
    } else {
      return HopKey{st[v].dist, second[static_cast<std::size_t>(v)]};
    }
  };
  auto store = [](State* st, std::vector<double>& second, Index v, const Key& k) {
    if constexpr (std::is_same_v<Key, double>) {
      st[v].dist = k;
      (void)second;
    } else {
      st[v].dist = k.hops;
      second[static_cast<std::size_t>(v)] = k.latency;
    }
  };
  auto add = [](const Key& a, const Key& b) {
    if constexpr (std::is_same_v<Key, double>)
      return a + b;
    else
      return HopKey{a.hops + b.hops, a.latency + b.latency};
  };
  bool have = false;
  Key best{};
  m_meet = kNoIndex;
  auto meet = [&](Index v) {
    const Key total = add(keyOf(fs, m_f2, v), keyOf(bs, m_b2, v));
    if (!have || total < best) {
      have = true;
      best = total;
      m_meet = v;
    }
  };
  for (Index s : sources) {
    fs[s] = {seen, -1, 0.0};
    store(fs, m_f2, s, Key{});
    fHeap.update(Key{}, s);
  }
  for (Index t : targets) {
    bs[t] = {seen, -1, 0.0};
    store(bs, m_b2, t, Key{});
    bHeap.update(Key{}, t);
  }
  const Index* const off = m_net.adj.offsets.data();
  const Index* const tgt = m_net.adj.targets.data();
  const Index* const arcs = m_net.adj.arcs.data();
  // End members carry key 0 on their own side, so no relaxation ever improves them: arcs into S
  // (forward) and out of T (backward) need no test of their own.
  for (;;) {
    while (!fHeap.empty() && fs[fHeap.topNode()].mark == done) fHeap.popNode();
    while (!bHeap.empty() && bs[bHeap.topNode()].mark == done) bHeap.popNode();
    if (fHeap.empty() || bHeap.empty()) break;
    const Key topF = fHeap.topKey(), topB = bHeap.topKey();
    if (have && !(add(topF, topB) < best)) break;
    const bool forward = fHeap.size() <= bHeap.size();
    State* const me = forward ? fs : bs;
    const State* const other = forward ? bs : fs;
    std::vector<double>& second = forward ? m_f2 : m_b2;
    const std::uint8_t* const ok = forward ? m_net.out.data() : m_net.in.data();
    const Index v = forward ? fHeap.popNode() : bHeap.popNode();
    me[v].mark = done;
    if (forward ? marks.isT(v) : marks.isS(v)) continue;  // a route ends (starts) there
    const Key dv = keyOf(me, second, v);
    for (Index i = off[v], end = off[v + 1]; i < end; ++i) {
      if (!ok[i]) continue;
      const Index w = tgt[i];
      State& sw = me[w];
      if (sw.mark == done) continue;
      const Key l = len(i);
      if constexpr (std::is_same_v<Key, double>)
        if (l == kInf) continue;
      const Key nk = add(dv, l);
      if (sw.mark == seen && !(nk < keyOf(me, second, w))) continue;
      sw.mark = seen;
      sw.arc = forward ? arcs[i] : (arcs[i] ^ 1);
      store(me, second, w, nk);
      if (forward)
        fHeap.update(nk, w);
      else
        bHeap.update(nk, w);
      if ((other[w].mark >> 1) == m_stamp) meet(w);
    }
  }
  // Every node a side has not settled is at least as far as its frontier (+inf when the side
  // ran dry: it settled everything it can reach).
  if constexpr (std::is_same_v<Key, double>) {
    m_fRadius = fHeap.empty() ? kInf : fHeap.topKey();
    m_bRadius = bHeap.empty() ? kInf : bHeap.topKey();
  }
  fHeap.clear();
  bHeap.clear();
  return have;
}

PairLoad::PairLoad(const NeedsNet& net) : m_net(net) {
  for (auto& st : m_state)
    st.assign(static_cast<std::size_t>(net.nodeCount()), State{0, 0, 0.0, 0.0});
}

bool PairLoad::run(const std::vector<Index>& sources, const std::vector<Index>& targets,
                   const EndMarks& marks, double weight, double* nodeAcc, double* edgeAcc) {
  ++m_stamp;
  m_meet.clear();
  const std::vector<Index>* ends[2] = {&sources, &targets};
  for (int side = 0; side < 2; ++side) {
    m_layers[side].clear();
    m_start[side].assign(1, 0);
    for (Index v : *ends[side]) {
      m_state[side][static_cast<std::size_t>(v)] = {m_stamp, 0, 1.0, 0.0};
      m_layers[side].push_back(v);
    }
    m_start[side].push_back(m_layers[side].size());
  }
  const Index* const off = m_net.adj.offsets.data();
  const Index* const tgt = m_net.adj.targets.data();
  bool touched = false;
  while (!touched) {
    const std::size_t fSize = m_start[0].back() - m_start[0][m_start[0].size() - 2];
    const std::size_t bSize = m_start[1].back() - m_start[1][m_start[1].size() - 2];
    if (fSize == 0 || bSize == 0) return false;
    const int side = fSize <= bSize ? 0 : 1;
    State* const me = m_state[side].data();
    const State* const other = m_state[1 - side].data();
    const std::uint8_t* const ok = side == 0 ? m_net.out.data() : m_net.in.data();
    const std::size_t lo = m_start[side][m_start[side].size() - 2], hi = m_start[side].back();
    const Index level = static_cast<Index>(m_start[side].size()) - 1;  // of the new layer
    for (std::size_t k = lo; k < hi; ++k) {
      const Index v = m_layers[side][k];
      if (side == 0 ? marks.isT(v) : marks.isS(v)) continue;  // a route ends there
      const double sv = me[v].sigma;
      for (Index i = off[v], end = off[v + 1]; i < end; ++i) {
        if (!ok[i]) continue;
        const Index w = tgt[i];
        State& sw = me[w];
        if (sw.mark != m_stamp) {
          sw = {m_stamp, level, sv, 0.0};
          m_layers[side].push_back(w);
          if (other[w].mark == m_stamp) {
            touched = true;
            m_meet.push_back(w);
          }
        } else if (sw.level == level) {
          sw.sigma += sv;
        }
      }
    }
    m_start[side].push_back(m_layers[side].size());
  }
  // Every shortest route crosses the meeting layer once.
  double total = 0.0;
  for (Index m : m_meet)
    total += m_state[0][static_cast<std::size_t>(m)].sigma *
             m_state[1][static_cast<std::size_t>(m)].sigma;
  if (!(total > 0.0)) return false;
  const double scale = weight / total;
  for (Index m : m_meet) {
    const std::size_t u = static_cast<std::size_t>(m);
    m_state[0][u].coef = m_state[1][u].sigma;  // continuations from m to T
    m_state[1][u].coef = m_state[0][u].sigma;  // from S to m
    if (!marks.isS(m) && !marks.isT(m))
      nodeAcc[m] += scale * m_state[0][u].sigma * m_state[1][u].sigma;
  }
  accumulate(0, scale, nodeAcc, edgeAcc);
  accumulate(1, scale, nodeAcc, edgeAcc);
  return true;
}

// Walks one side's layers back from its newest layer, which holds the meeting layer M on both
// sides (a new layer can only touch the other side's newest layer: a node of an older one was
// expanded, and would have found the new layer's parent first). coef(v) = the continuations from
// v to M, times the other side's counts at M; v carries sigma(v) * coef(v) routes.
void PairLoad::accumulate(int side, double scale, double* nodeAcc, double* edgeAcc) {
  State* const st = m_state[side].data();
  const std::uint8_t* const ok = side == 0 ? m_net.out.data() : m_net.in.data();
  const Index* const off = m_net.adj.offsets.data();
  const Index* const tgt = m_net.adj.targets.data();
  const Index* const arcs = m_net.adj.arcs.data();
  const std::vector<std::size_t>& start = m_start[side];
  const int top = static_cast<int>(start.size()) - 2;  // the newest layer
  for (int l = top - 1; l >= 0; --l) {
    for (std::size_t k = start[static_cast<std::size_t>(l)];
         k < start[static_cast<std::size_t>(l) + 1]; ++k) {
      const Index v = m_layers[side][k];
      State& sv = st[v];
      double sum = 0.0;
      for (Index i = off[v], end = off[v + 1]; i < end; ++i) {
        if (!ok[i]) continue;
        const State& sw = st[tgt[i]];
        if (sw.mark != m_stamp || sw.level != l + 1 || sw.coef == 0.0) continue;
        sum += sw.coef;
        if (edgeAcc) edgeAcc[arcEdge(arcs[i])] += scale * sv.sigma * sw.coef;
      }
      sv.coef = sum;
      if (l > 0) nodeAcc[v] += scale * sv.sigma * sum;  // layer 0: End members
    }
  }
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
