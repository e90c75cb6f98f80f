#include "graph/pair_search.hpp"

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

PairSearch::PairSearch(const NeedsNet& net)
    : m_net(net),
      m_f(static_cast<std::size_t>(net.nodeCount()), State{0, -1, 0.0}),
      m_b(static_cast<std::size_t>(net.nodeCount()), State{0, -1, 0.0}),
      m_fLevel(static_cast<std::size_t>(net.nodeCount()), 0.0),
      m_bLevel(static_cast<std::size_t>(net.nodeCount()), 0.0),
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
      found = bidirectional(sources, targets, marks,
                            [&](Index i) { return net.latency[static_cast<std::size_t>(i)]; });
      break;
    case SearchKind::Reliability:
      found = bidirectional(sources, targets, marks,
                            [&](Index i) { return net.cost[static_cast<std::size_t>(i)]; });
      break;
    case SearchKind::FewestHops:
      found = layered(sources, targets, marks);
      break;
    case SearchKind::Reach:
      found = bidirectional(sources, targets, marks, [](Index) { return 1.0; });
      break;
    case SearchKind::Combined:
      found = bidirectional(sources, targets, marks, [&](Index i) {
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
  double* const level[2] = {m_fLevel.data(), m_bLevel.data()};
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

template <class Len>
bool PairSearch::bidirectional(const std::vector<Index>& sources, const std::vector<Index>& targets,
                               const EndMarks& marks, Len&& len) {
  QuadAdapter& fHeap = *m_fq;
  QuadAdapter& bHeap = *m_bq;
  fHeap.clear();
  bHeap.clear();
  // Marks: 2 * stamp = labelled, 2 * stamp + 1 = settled.
  const std::uint32_t seen = 2 * m_stamp, done = seen + 1;
  State* const fs = m_f.data();
  State* const bs = m_b.data();
  bool have = false;
  double best = kInf;
  m_meet = kNoIndex;
  for (Index s : sources) {
    fs[s] = {seen, -1, 0.0};
    fHeap.update(0.0, s);
  }
  for (Index t : targets) {
    bs[t] = {seen, -1, 0.0};
    bHeap.update(0.0, t);
  }
  const Index* const off = m_net.adj.offsets.data();
  const Index* const tgt = m_net.adj.targets.data();
  const Index* const arcs = m_net.adj.arcs.data();
  // End members carry distance 0 on their own side, so no relaxation ever improves them: arcs
  // into S (forward) and out of T (backward) need no test of their own.
  for (;;) {
    if (fHeap.empty() || bHeap.empty()) break;
    if (have && !(fHeap.topKey() + bHeap.topKey() < best)) break;
    const bool forward = fHeap.size() <= bHeap.size();
    State* const me = forward ? fs : bs;
    const State* const other = forward ? bs : fs;
    const std::uint8_t* const ok = forward ? m_net.out.data() : m_net.in.data();
    QuadAdapter& heap = forward ? fHeap : bHeap;
    const Index v = heap.popNode();
    me[v].mark = done;
    if (forward ? marks.isT(v) : marks.isS(v)) continue;  // a route ends (starts) there
    const double dv = me[v].dist;
    for (Index i = off[v], end = off[v + 1]; i < end; ++i) {
      if (!ok[i]) continue;
      const Index w = tgt[i];
      State& sw = me[w];
      if (sw.mark == done) continue;
      const double l = len(i);
      if (l == kInf) continue;
      const double nd = dv + l;
      if (sw.mark == seen && !(nd < sw.dist)) continue;
      sw = {seen, forward ? arcs[i] : (arcs[i] ^ 1), nd};
      heap.update(nd, w);
      if ((other[w].mark >> 1) == m_stamp) {
        const double total = nd + other[w].dist;
        if (!have || total < best) {
          have = true;
          best = total;
          m_meet = w;
        }
      }
    }
  }
  // Every node a side has not settled is at least as far as its frontier (+inf when the side
  // ran dry: it settled everything it can reach).
  m_fRadius = fHeap.empty() ? kInf : fHeap.topKey();
  m_bRadius = bHeap.empty() ? kInf : bHeap.topKey();
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

}  // namespace liaison::graph::detail
