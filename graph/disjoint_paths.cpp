#include "graph/disjoint_paths.hpp"

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

DisjointPaths::DisjointPaths(const Graph& graph, Index source, Index target,
                             const ActiveMask& mask, DisjointOptions options)
    : m_graph(graph), m_s(source), m_t(target), m_options(std::move(options)), m_mask(&mask) {}

void DisjointPaths::run() {
  m_edge = m_node = 0;
  if (m_s == m_t || !m_mask->nodeActive(m_s) || !m_mask->nodeActive(m_t)) return;
  if (m_options.edgeDisjoint) m_edge = countEdgeDisjoint();
  if (m_options.nodeDisjoint) m_node = countNodeDisjoint();
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
  int paths = 0;
  for (int stamp = 1;; ++stamp) {
    queue.clear();
    queue.push_back(m_s);
    seen[m_s] = stamp;
    bool found = false;
    for (std::size_t h = 0; h < queue.size() && !found; ++h) {
      const Index v = queue[h];
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
    }
    if (!found) return paths;
    ++paths;
    for (Index v = m_t; v != m_s;) {
      const Index arc = parentArc[v], e = arc >> 1;
      flow[e] = static_cast<signed char>(flow[e] + ((arc & 1) ? -1 : 1));
      v = (arc & 1) ? m_graph.edgeTo(e) : m_graph.edgeFrom(e);
    }
  }
}

// Node splitting done implicitly: state 2v is v's "in" side, 2v+1 its "out" side; the internal
// arc in->out has capacity 1 except at the source and target. Each travel direction of an edge
// is its own unit-capacity arc (used[arc]).
int DisjointPaths::countNodeDisjoint() const {
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
  int paths = 0;
  for (int stamp = 1;; ++stamp) {
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
}

}  // namespace liaison::graph
