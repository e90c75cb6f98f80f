#include "graph/biconnected.hpp"

#include <algorithm>

namespace liaison::graph {

Biconnected::Biconnected(const Graph& graph, Failures failed, bool withComponents)
    : m_graph(graph), m_mask(nullptr), m_withComponents(withComponents) {
  if (ActiveMask::needed(graph, failed)) {
    m_ownMask = std::make_unique<ActiveMask>(graph, failed);
    m_mask = m_ownMask.get();
  }
}

Biconnected::Biconnected(const Graph& graph, const ActiveMask& mask, bool withComponents)
    : m_graph(graph), m_mask(&mask), m_withComponents(withComponents) {}

// Iterative Tarjan–Hopcroft. The DFS skips only the edge it arrived by (not every edge to the
// parent), which makes parallel edges form a cycle. An edge stack yields the components.
void Biconnected::run() {
  const Adjacency adj = m_graph.undirected();
  const Index n = m_graph.nodeCount();
  const bool masked = m_mask && !m_mask->allActive();
  const bool fast = !masked && !m_withComponents;
  std::vector<Index> disc(n, -1), low(n, 0), parentEdge(n, -1), cursor(n, 0), stack;
  stack.reserve(static_cast<std::size_t>(n));  // a DFS path is at most n long: no regrowth
  std::vector<Index> parentNode(fast ? n : 0, -1);
  std::vector<Index> edgeStack;
  std::vector<int> nodeMark(m_withComponents ? n : 0, -1);
  m_isCut.assign(n, 0);
  m_cutNodes.clear();
  m_bridges.clear();
  m_compEdges.clear();
  m_compNodes.clear();
  std::vector<std::uint8_t> isBridge(m_graph.edgeCount(), 0);
  Index time = 0;
  auto popComponent = [&](Index untilEdge) {
    std::vector<Id> edges, nodes;
    const int mark = static_cast<int>(m_compEdges.size());
    for (;;) {
      const Index e = edgeStack.back();
      edgeStack.pop_back();
      edges.push_back(m_graph.edge(e).id);
      for (Index x : {m_graph.edgeFrom(e), m_graph.edgeTo(e)})
        if (nodeMark[x] != mark) {
          nodeMark[x] = mark;
          nodes.push_back(m_graph.node(x).id);
        }
      if (e == untilEdge) break;
    }
    m_compEdges.push_back(std::move(edges));
    m_compNodes.push_back(std::move(nodes));
  };
  for (Index root = 0; root < n; ++root) {
    if (disc[root] >= 0 || (masked && !m_mask->nodeActive(root))) continue;
    Index rootChildren = 0;
    disc[root] = low[root] = time++;
    cursor[root] = adj.offsets[root];
    stack.assign(1, root);
    while (!stack.empty()) {
      const Index v = stack.back();
      // Scan v's remaining arcs with locals; stop at the first unvisited neighbour.
      const Index pe = parentEdge[v], dv = disc[v], end = adj.offsets[v + 1];
      Index lowv = low[v], i = cursor[v], child = -1;
      if (fast) {
        // No mask, no component lists: skip the way back by node (the first arc to the parent
        // counts as the tree edge; a parallel one is a back edge) and read arcs only to descend.
        Index pv = parentNode[v];
        for (; i < end; ++i) {
          const Index w = adj.targets[i];
          if (w == pv) {
            pv = -1;
            continue;
          }
          const Index dw = disc[w];
          if (dw < 0) {
            child = w;
            parentNode[w] = v;
            parentEdge[w] = adj.arcs[i] >> 1;
            ++i;
            break;
          }
          lowv = std::min(lowv, dw);
        }
        parentNode[v] = pv;
      }
      for (; !fast && i < end; ++i) {
        const Index w = adj.targets[i], arc = adj.arcs[i], e = arc >> 1;
        if (e == pe || (masked && !m_mask->arcActive(arc, w))) continue;
        const Index dw = disc[w];
        if (dw < 0) {
          child = w;
          parentEdge[w] = e;
          if (m_withComponents) edgeStack.push_back(e);
          ++i;
          break;
        }
        // A visited neighbour: a back edge if dw < dv; for a descendant (dw > dv) the min is a
        // no-op because lowv <= dv, so the update needs no branch.
        lowv = std::min(lowv, dw);
        if (m_withComponents && dw < dv) edgeStack.push_back(e);
      }
      cursor[v] = i;
      low[v] = lowv;
      if (child >= 0) {
        disc[child] = low[child] = time++;
        cursor[child] = adj.offsets[child];
        stack.push_back(child);
        if (v == root) ++rootChildren;
        continue;
      }
      stack.pop_back();
      if (stack.empty()) break;
      const Index p = stack.back();
      low[p] = std::min(low[p], lowv);
      if (lowv >= disc[p]) {
        if (p != root) m_isCut[p] = 1;
        if (m_withComponents) popComponent(parentEdge[v]);
      }
      if (lowv > disc[p]) isBridge[parentEdge[v]] = 1;
    }
    if (rootChildren > 1) m_isCut[root] = 1;
  }
  for (Index v = 0; v < n; ++v)
    if (m_isCut[v]) m_cutNodes.push_back(m_graph.node(v).id);
  for (Index e = 0; e < m_graph.edgeCount(); ++e)
    if (isBridge[e]) m_bridges.push_back(m_graph.edge(e).id);
}

}  // namespace liaison::graph
