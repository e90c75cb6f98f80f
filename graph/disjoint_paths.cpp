#include "graph/disjoint_paths.hpp"

#include <algorithm>
#include <vector>

namespace liaison::graph {

DisjointPaths::DisjointPaths(const Graph& graph, Id source, Id target, DisjointOptions options)
    : m_graph(graph),
      m_s(graph.requireNode(source)),
      m_t(graph.requireNode(target)),
      m_options(std::move(options)) {
  m_ownMask = std::make_unique<ActiveMask>(graph, m_options.failed);
  m_mask = m_ownMask.get();
}

DisjointPaths::DisjointPaths(const Graph& graph, Index source, Index target, const ActiveMask& mask,
                             DisjointOptions options)
    : m_graph(graph), m_s(source), m_t(target), m_options(std::move(options)), m_mask(&mask) {}

void DisjointPaths::run() {
  m_edge = m_node = 0;
  if (m_s == m_t || !m_mask->nodeActive(m_s) || !m_mask->nodeActive(m_t)) return;
  if (m_options.edgeDisjoint) m_edge = countEdgeDisjoint();
  // Node-disjoint paths are edge-disjoint too, so the edge count bounds the node count and
  // spares the final whole-graph search when they are equal.
  if (m_options.nodeDisjoint)
    m_node = (m_options.edgeDisjoint && m_edge <= 1)
                 ? m_edge
                 : countNodeDisjoint(m_options.edgeDisjoint ? m_edge : -1);
}

// Residual network on the undirected adjacency: arc 2e+r has capacity 1 when it may be
// travelled (r == 0 always, r == 1 when the edge is two-way), and flow[e] in {-1, 0, 1} is the
// net flow from -> to. An arc can be pushed when it keeps |flow| within its capacities.
int DisjointPaths::countEdgeDisjoint() const {
  const Adjacency adj = m_graph.undirected();
  const Index n = m_graph.nodeCount();
  std::vector<signed char> flow(m_graph.edgeCount(), 0);
  std::vector<Index> parentArc(n, -1), queue;
  std::vector<int> seen(n, 0);
  queue.reserve(n);
  auto canPush = [&](Index arc) {
    const Index e = arc >> 1;
    if ((arc & 1) == 0) return flow[e] < 1;
    return flow[e] > 0 || (flow[e] == 0 && (m_options.ignoreDirection || m_graph.edge(e).twoWay));
  };
  // No more paths than usable arcs out of s or into t: stop there without a final,
  // whole-graph search that would only prove it.
  int outS = 0, inT = 0;
  for (Index i = adj.offsets[m_s]; i < adj.offsets[m_s + 1]; ++i)
    if (m_mask->arcActive(adj.arcs[i], adj.targets[i]) && canPush(adj.arcs[i])) ++outS;
  for (Index i = adj.offsets[m_t]; i < adj.offsets[m_t + 1]; ++i)
    if (m_mask->arcActive(adj.arcs[i] ^ 1, m_t) && m_mask->nodeActive(adj.targets[i]) &&
        canPush(adj.arcs[i] ^ 1))
      ++inT;
  const int bound = std::min(outS, inT);
  // Each round searches forward from s; a backward search from t runs interleaved and ends the
  // round as soon as it exhausts t's side without meeting s, so the final (failing) round costs
  // the smaller side of the cut instead of the whole graph.
  std::vector<int> bseen(n, 0);
  std::vector<Index> bqueue;
  int paths = 0;
  for (int stamp = 1; paths < bound; ++stamp) {
    queue.assign(1, m_s);
    seen[m_s] = stamp;
    bqueue.assign(1, m_t);
    bseen[m_t] = stamp;
    bool found = false, meets = false;
    std::size_t h = 0, bh = 0;
    while (!found && h < queue.size()) {
      const Index v = queue[h++];
      for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
        const Index w = adj.targets[i], arc = adj.arcs[i];
        if (seen[w] == stamp || !m_mask->arcActive(arc, w) || !canPush(arc)) continue;
        seen[w] = stamp;
        parentArc[w] = arc;
        if (w == m_t) {
          found = true;
          break;
        }
        queue.push_back(w);
      }
      // The backward search only pays when the forward one is not finding t quickly.
      if (found || meets || h < 64) continue;
      if (bh == bqueue.size()) break;  // t's side exhausted without s: no augmenting path
      const Index x = bqueue[bh++];
      for (Index i = adj.offsets[x], end = adj.offsets[x + 1]; i < end; ++i) {
        const Index u = adj.targets[i], arc = adj.arcs[i] ^ 1;  // arc u -> x
        if (bseen[u] == stamp || !m_mask->arcActive(arc, u) || !canPush(arc)) continue;
        bseen[u] = stamp;
        if (u == m_s) meets = true;
        bqueue.push_back(u);
      }
    }
    if (!found) return paths;
    ++paths;
    for (Index v = m_t; v != m_s;) {
      const Index arc = parentArc[v], e = arc >> 1;
      flow[e] = static_cast<signed char>(flow[e] + ((arc & 1) ? -1 : 1));
      v = (arc & 1) ? m_graph.edgeTo(e) : m_graph.edgeFrom(e);
    }
  }
  return paths;
}

// Node splitting done implicitly: state 2v is v's "in" side, 2v+1 its "out" side; the internal
// arc in->out has capacity 1 except at the source and target. Each travel direction of an edge
// is its own unit-capacity arc (used[arc]).
int DisjointPaths::countNodeDisjoint(int limit) const {
  const Adjacency adj = m_graph.undirected();
  const Index n = m_graph.nodeCount();
  std::vector<std::uint8_t> used(2 * static_cast<std::size_t>(m_graph.edgeCount()), 0);
  std::vector<std::uint8_t> through(n, 0);
  std::vector<Index> parent(2 * n, -1), parentArc(2 * n, -1), queue;
  std::vector<int> seen(2 * n, 0);
  auto allowed = [&](Index arc, Index w) {
    if (!m_mask->arcActive(arc, w)) return false;
    return (arc & 1) == 0 || m_options.ignoreDirection || m_graph.edge(arc >> 1).twoWay;
  };
  int direct = 0;
  for (Index i = adj.offsets[m_s]; i < adj.offsets[m_s + 1]; ++i)
    if (adj.targets[i] == m_t && allowed(adj.arcs[i], m_t)) direct = 1;
  const Index start = 2 * m_s + 1, goal = 2 * m_t;
  // Bound: usable arcs out of s and into t, direct edges excluded.
  int outS = 0, inT = 0;
  for (Index i = adj.offsets[m_s]; i < adj.offsets[m_s + 1]; ++i)
    if (adj.targets[i] != m_t && allowed(adj.arcs[i], adj.targets[i])) ++outS;
  for (Index i = adj.offsets[m_t]; i < adj.offsets[m_t + 1]; ++i)
    if (adj.targets[i] != m_s && m_mask->nodeActive(adj.targets[i]) &&
        allowed(adj.arcs[i] ^ 1, m_t))
      ++inT;
  int bound = std::min(outS, inT);
  if (limit >= 0) bound = std::min(bound, limit - direct);
  int paths = 0;
  for (int stamp = 1; paths < bound; ++stamp) {
    queue.assign(1, start);
    seen[start] = stamp;
    bool found = false;
    auto visit = [&](Index from, Index to, Index arc) {
      if (seen[to] == stamp) return;
      seen[to] = stamp;
      parent[to] = from;
      parentArc[to] = arc;
      if (to == goal) found = true;
      queue.push_back(to);
    };
    for (std::size_t h = 0; h < queue.size() && !found; ++h) {
      const Index state = queue[h], v = state >> 1;
      const bool terminal = v == m_s || v == m_t;
      if ((state & 1) == 0) {  // v in
        if (terminal || !through[v]) visit(state, state + 1, -1);
        for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i)
          if (used[adj.arcs[i] ^ 1]) visit(state, 2 * adj.targets[i] + 1, adj.arcs[i] ^ 1);
      } else {  // v out
        if (!terminal && through[v]) visit(state, state - 1, -1);
        for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
          const Index w = adj.targets[i], arc = adj.arcs[i];
          if (v == m_s && w == m_t) continue;  // direct edges counted once, separately
          if (!used[arc] && allowed(arc, w)) visit(state, 2 * w, arc);
        }
      }
    }
    if (!found) return paths + direct;
    ++paths;
    for (Index state = goal; state != start; state = parent[state]) {
      const Index from = parent[state], arc = parentArc[state];
      if (arc < 0)
        through[state >> 1] = (state & 1) ? 1 : 0;  // in->out uses v, out->in releases it
      else if ((from & 1) == 1)
        used[arc] = 1;  // forward along arc
      else
        used[arc] = 0;  // cancelling arc (travelled backwards)
    }
  }
  return paths + direct;
}

}  // namespace liaison::graph
