#include "graph/group_flow.hpp"

#include <algorithm>
#include <climits>

namespace liaison::graph::detail {

GroupFlow::GroupFlow(const NeedsNet& net) : m_net(net) {
  const std::size_t n = static_cast<std::size_t>(net.nodeCount());
  const std::size_t m = static_cast<std::size_t>(net.graph.edgeCount());
  m_fSeen.assign(2 * n, 0);
  m_bSeen.assign(2 * n, 0);
  m_fParent.assign(2 * n, -1);
  m_fArc.assign(2 * n, -1);
  m_bNext.assign(2 * n, -1);
  m_bArc.assign(2 * n, -1);
  m_flow.assign(m, 0);
  m_used.assign(2 * m, 0);
  m_through.assign(n, 0);
  m_onPath.assign(n, 0);
  m_position.assign(n, 0);
  m_edgeTaken.assign(m, 0);
}

void GroupFlow::resetFlow() {
  for (Index e : m_touchedEdges) m_flow[static_cast<std::size_t>(e)] = 0;
  for (Index a : m_touchedArcs) m_used[static_cast<std::size_t>(a)] = 0;
  for (Index v : m_touchedNodes) m_through[static_cast<std::size_t>(v)] = 0;
  m_touchedEdges.clear();
  m_touchedArcs.clear();
  m_touchedNodes.clear();
}

// Arc 2e+r, r = 0 from -> to, r = 1 to -> from; flow[e] is the net flow from -> to. An arc can
// take a unit when it cancels the flow in the other direction, or when the edge is empty and
// the arc may be travelled.
bool GroupFlow::residualOut(Index i, Index arc) const {
  const signed char f = m_flow[static_cast<std::size_t>(arcEdge(arc))];
  const signed char against = (arc & 1) ? 1 : -1;
  return f == against || (f == 0 && m_net.out[static_cast<std::size_t>(i)]);
}

bool GroupFlow::residualIn(Index i, Index arc) const {
  const signed char f = m_flow[static_cast<std::size_t>(arcEdge(arc))];
  const signed char against = (arc & 1) ? 1 : -1;
  return f == against || (f == 0 && m_net.in[static_cast<std::size_t>(i)]);
}

void GroupFlow::solve(const std::vector<Index>& sources, const std::vector<Index>& targets,
                      const EndMarks& marks, const Request& request, Result& result) {
  m_marks = &marks;
  m_epcf = request.endpointsCanFail;
  result = Result{};
  const bool wantCuts = request.cutNodes || request.cutEdges;
  // Cuts need to know whether a count is exactly 1.
  const int cap = request.cap > 0 ? std::max(request.cap, wantCuts ? 2 : 1) : INT_MAX;
  const Adjacency& adj = m_net.adj;

  // Upper bounds from the arcs leaving S and entering T.
  // Ports: the members with an arc leaving S (entering T). The others can neither start nor end
  // a route, so the searches below start from the ports alone.
  m_sPorts.clear();
  m_tPorts.clear();
  int outArcs = 0, inArcs = 0, sFree = 0, tFree = 0;
  int nPlus = 0, nMinus = 0, nPlusInner = 0, nMinusInner = 0, pairs = 0;
  std::uint32_t st = ++m_stamp;
  for (Index s : sources) {
    bool any = false;
    const std::uint32_t pairStamp = ++m_stamp;  // distinct targets joined directly to s
    for (Index i = adj.offsets[s], end = adj.offsets[s + 1]; i < end; ++i) {
      const Index w = adj.targets[i];
      if (!m_net.out[static_cast<std::size_t>(i)] || marks.isS(w)) continue;
      ++outArcs;
      any = true;
      if (m_fSeen[static_cast<std::size_t>(w)] != st) {
        m_fSeen[static_cast<std::size_t>(w)] = st;
        ++nPlus;
        if (!marks.isT(w)) ++nPlusInner;
      }
      if (marks.isT(w) && m_bSeen[static_cast<std::size_t>(w)] != pairStamp) {
        m_bSeen[static_cast<std::size_t>(w)] = pairStamp;
        ++pairs;
      }
    }
    if (any) {
      ++sFree;
      m_sPorts.push_back(s);
    }
  }
  st = ++m_stamp;
  for (Index t : targets) {
    bool any = false;
    for (Index i = adj.offsets[t], end = adj.offsets[t + 1]; i < end; ++i) {
      const Index u = adj.targets[i];
      if (!m_net.in[static_cast<std::size_t>(i)] || marks.isT(u)) continue;
      ++inArcs;
      any = true;
      if (m_bSeen[static_cast<std::size_t>(u)] != st) {
        m_bSeen[static_cast<std::size_t>(u)] = st;
        ++nMinus;
        if (!marks.isS(u)) ++nMinusInner;
      }
    }
    if (any) {
      ++tFree;
      m_tPorts.push_back(t);
    }
  }

  const int edges = edgeFlow(m_sPorts, m_tPorts, std::min({outArcs, inArcs, cap}), request.seeds);
  const Index edgeStart = m_pathStart;
  const std::vector<Index> edgePath = m_pathArcs;
  resetFlow();

  // Node-disjoint routes are edge-disjoint too: at most `edges` of them, and exactly `edges`
  // when that is 0 or 1 (a route exists). Without endpoint capacities, the direct pairs are
  // routes of their own and the flow runs without them.
  int nodes = edges;
  Index nodeStart = edgeStart;
  std::vector<Index> nodePath = edgePath;
  if (edges >= 2) {
    int flowBound, direct = 0;
    if (m_epcf) {
      flowBound = std::min({edges, sFree, tFree, nPlus, nMinus});
    } else {
      direct = std::min(pairs, edges);
      flowBound = std::min({edges - direct, nPlusInner, nMinusInner});
    }
    const int flow = nodeFlow(m_sPorts, m_tPorts, std::min(flowBound, cap - direct), request.seeds);
    nodes = direct + flow;
    nodeStart = m_pathStart;
    nodePath = m_pathArcs;
    resetFlow();
  } else if (!m_epcf && pairs > 0) {
    nodePath.clear();
  }

  const bool cutEdges = request.cutEdges && edges == 1;
  const bool cutNodes = request.cutNodes && nodes == 1 && !nodePath.empty();
  if (cutEdges && cutNodes) {
    cutSweep(m_sPorts, m_tPorts, edgeStart, edgePath, true, true, result);
  } else if (cutEdges) {
    cutSweep(m_sPorts, m_tPorts, edgeStart, edgePath, false, true, result);
  } else if (cutNodes) {
    cutSweep(m_sPorts, m_tPorts, nodeStart, nodePath, true, false, result);
  }
  result.edgeDisjoint = request.cap > 0 ? std::min(edges, request.cap) : edges;
  result.nodeDisjoint = request.cap > 0 ? std::min(nodes, request.cap) : nodes;
}

int GroupFlow::edgeFlow(const std::vector<Index>& sources, const std::vector<Index>& targets,
                        int limit, const std::vector<Seed>* seeds) {
  const Adjacency& adj = m_net.adj;
  m_pathStart = kNoIndex;
  m_pathArcs.clear();
  std::vector<Index> path;
  int paths = 0;
  if (seeds) {
    // Pairwise edge-disjoint routes are a flow: take them as they come.
    const std::uint32_t st = ++m_stamp;
    for (const Seed& seed : *seeds) {
      if (paths >= limit || seed.arcs.empty()) break;
      bool free = true;
      for (Index a : seed.arcs)
        free = free && m_edgeTaken[static_cast<std::size_t>(arcEdge(a))] != st;
      if (!free) continue;
      for (Index a : seed.arcs) {
        const Index e = arcEdge(a);
        m_edgeTaken[static_cast<std::size_t>(e)] = st;
        m_flow[static_cast<std::size_t>(e)] = static_cast<signed char>((a & 1) ? -1 : 1);
        m_touchedEdges.push_back(e);
      }
      if (paths == 0) {
        m_pathStart = seed.source;
        m_pathArcs = seed.arcs;
      }
      ++paths;
    }
  }
  while (paths < limit) {
    const std::uint32_t st = ++m_stamp;
    m_fQueue.clear();
    m_bQueue.clear();
    for (Index s : sources) {
      m_fSeen[static_cast<std::size_t>(s)] = st;
      m_fArc[static_cast<std::size_t>(s)] = -1;
      m_fQueue.push_back(s);
    }
    for (Index t : targets) {
      m_bSeen[static_cast<std::size_t>(t)] = st;
      m_bArc[static_cast<std::size_t>(t)] = -1;
      m_bQueue.push_back(t);
    }
    Index meet = kNoIndex;
    std::size_t fh = 0, bh = 0;
    while (meet == kNoIndex && fh < m_fQueue.size() && bh < m_bQueue.size()) {
      if (m_fQueue.size() - fh <= m_bQueue.size() - bh) {
        const Index v = m_fQueue[fh++];
        for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
          const Index w = adj.targets[i], arc = adj.arcs[i];
          const std::size_t uw = static_cast<std::size_t>(w);
          if (m_fSeen[uw] == st || !residualOut(i, arc) || m_marks->isS(w)) continue;
          m_fSeen[uw] = st;
          m_fArc[uw] = arc;
          if (m_bSeen[uw] == st) {
            meet = w;
            break;
          }
          m_fQueue.push_back(w);
        }
      } else {
        const Index x = m_bQueue[bh++];
        for (Index i = adj.offsets[x], end = adj.offsets[x + 1]; i < end; ++i) {
          const Index u = adj.targets[i], arc = adj.arcs[i] ^ 1;  // u -> x
          const std::size_t uu = static_cast<std::size_t>(u);
          if (m_bSeen[uu] == st || !residualIn(i, arc) || m_marks->isT(u)) continue;
          m_bSeen[uu] = st;
          m_bArc[uu] = arc;
          if (m_fSeen[uu] == st) {
            meet = u;
            break;
          }
          m_bQueue.push_back(u);
        }
      }
    }
    if (meet == kNoIndex) break;
    path.clear();
    Index v = meet;
    for (Index a; (a = m_fArc[static_cast<std::size_t>(v)]) >= 0; v = m_net.tail(a))
      path.push_back(a);
    const Index start = v;
    std::reverse(path.begin(), path.end());
    for (Index a, x = meet; (a = m_bArc[static_cast<std::size_t>(x)]) >= 0; x = m_net.head(a))
      path.push_back(a);
    for (Index a : path) {
      const Index e = arcEdge(a);
      m_flow[static_cast<std::size_t>(e)] =
          static_cast<signed char>(m_flow[static_cast<std::size_t>(e)] + ((a & 1) ? -1 : 1));
      m_touchedEdges.push_back(e);
    }
    if (paths == 0) {
      m_pathStart = start;
      m_pathArcs = path;
    }
    ++paths;
  }
  return paths;
}

// Node splitting without copies: state 2v is v's "in" side, 2v+1 its "out" side. The inner arc
// in -> out has capacity 1 when v is capacitated (through[v] says it is used); each travel
// direction of an edge is a unit arc out -> in (used[arc]).
int GroupFlow::nodeFlow(const std::vector<Index>& sources, const std::vector<Index>& targets,
                        int limit, const std::vector<Seed>* seeds) {
  const Adjacency& adj = m_net.adj;
  const EndMarks& marks = *m_marks;
  m_pathStart = kNoIndex;
  m_pathArcs.clear();
  int paths = 0;
  if (seeds) {
    // Routes that share no capacitated node are a flow (direct routes are counted apart when
    // End members are not capacitated, so they are not seeds then).
    for (const Seed& seed : *seeds) {
      if (paths >= limit || seed.arcs.empty()) break;
      if (!m_epcf && seed.arcs.size() == 1) continue;
      bool free =
          capacitated(seed.source) ? !m_through[static_cast<std::size_t>(seed.source)] : true;
      for (Index a : seed.arcs) {
        const Index w = m_net.head(a);
        if (capacitated(w) && m_through[static_cast<std::size_t>(w)]) free = false;
      }
      if (!free) continue;
      auto take = [&](Index v) {
        if (!capacitated(v)) return;
        m_through[static_cast<std::size_t>(v)] = 1;
        m_touchedNodes.push_back(v);
      };
      take(seed.source);
      for (Index a : seed.arcs) {
        m_used[static_cast<std::size_t>(a)] = 1;
        m_touchedArcs.push_back(a);
        take(m_net.head(a));
      }
      if (paths == 0) {
        m_pathStart = seed.source;
        m_pathArcs = seed.arcs;
      }
      ++paths;
    }
  }
  while (paths < limit) {
    const std::uint32_t st = ++m_stamp;
    m_fQueue.clear();
    m_bQueue.clear();
    for (Index s : sources) {
      const std::size_t y = 2 * static_cast<std::size_t>(s);
      m_fSeen[y] = st;
      m_fParent[y] = -1;
      m_fQueue.push_back(static_cast<Index>(y));
    }
    for (Index t : targets) {
      const std::size_t z = 2 * static_cast<std::size_t>(t) + 1;
      m_bSeen[z] = st;
      m_bNext[z] = -1;
      m_bQueue.push_back(static_cast<Index>(z));
    }
    Index meet = -1;
    auto visitF = [&](Index y, Index from, Index arc) {
      const std::size_t u = static_cast<std::size_t>(y);
      if (m_fSeen[u] == st) return false;
      m_fSeen[u] = st;
      m_fParent[u] = from;
      m_fArc[u] = arc;
      if (m_bSeen[u] == st) {
        meet = y;
        return true;
      }
      m_fQueue.push_back(y);
      return false;
    };
    auto visitB = [&](Index z, Index next, Index arc) {
      const std::size_t u = static_cast<std::size_t>(z);
      if (m_bSeen[u] == st) return false;
      m_bSeen[u] = st;
      m_bNext[u] = next;
      m_bArc[u] = arc;
      if (m_fSeen[u] == st) {
        meet = z;
        return true;
      }
      m_bQueue.push_back(z);
      return false;
    };
    std::size_t fh = 0, bh = 0;
    while (meet < 0 && fh < m_fQueue.size() && bh < m_bQueue.size()) {
      if (m_fQueue.size() - fh <= m_bQueue.size() - bh) {
        const Index x = m_fQueue[fh++], v = x >> 1;
        const bool used = m_through[static_cast<std::size_t>(v)] != 0;
        if ((x & 1) == 0) {  // v in: through v, or back along a used arc w -> v
          if ((!capacitated(v) || !used) && visitF(x + 1, x, -1)) break;
          for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
            const Index back = adj.arcs[i] ^ 1;
            if (m_used[static_cast<std::size_t>(back)] && visitF(2 * adj.targets[i] + 1, x, back))
              break;
          }
        } else {  // v out: undo the inner arc, or leave along an unused arc
          if (capacitated(v) && used && visitF(x - 1, x, -1)) break;
          if (marks.isT(v)) continue;
          for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
            const Index w = adj.targets[i], arc = adj.arcs[i];
            if (m_used[static_cast<std::size_t>(arc)] || !m_net.out[static_cast<std::size_t>(i)] ||
                marks.isS(w) || directArc(v, w))
              continue;
            if (visitF(2 * w, x, arc)) break;
          }
        }
      } else {
        const Index y = m_bQueue[bh++], v = y >> 1;
        const bool used = m_through[static_cast<std::size_t>(v)] != 0;
        if ((y & 1) == 1) {  // v out: reached from v in, or from w in by undoing used v -> w
          if ((!capacitated(v) || !used) && visitB(y - 1, y, -1)) break;
          for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
            const Index arc = adj.arcs[i];
            if (m_used[static_cast<std::size_t>(arc)] && visitB(2 * adj.targets[i], y, arc)) break;
          }
        } else {  // v in: reached from v out (undoing the inner arc), or from u out by u -> v
          if (capacitated(v) && used && visitB(y + 1, y, -1)) break;
          if (marks.isS(v)) continue;
          for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end; ++i) {
            const Index u = adj.targets[i], arc = adj.arcs[i] ^ 1;  // u -> v
            if (m_used[static_cast<std::size_t>(arc)] || !m_net.in[static_cast<std::size_t>(i)] ||
                marks.isT(u) || directArc(u, v))
              continue;
            if (visitB(2 * u + 1, y, arc)) break;
          }
        }
      }
    }
    if (meet < 0) break;
    // Apply the moves: from the meeting state back to S, then on to T.
    auto apply = [&](Index from, Index arc) {
      const Index v = from >> 1;
      if (arc < 0) {
        if ((from & 1) == 0) {
          if (capacitated(v)) {
            m_through[static_cast<std::size_t>(v)] = 1;
            m_touchedNodes.push_back(v);
          }
        } else {
          m_through[static_cast<std::size_t>(v)] = 0;
        }
      } else if (from & 1) {
        m_used[static_cast<std::size_t>(arc)] = 1;
        m_touchedArcs.push_back(arc);
      } else {
        m_used[static_cast<std::size_t>(arc)] = 0;
      }
    };
    std::vector<Index> route;  // real arcs in order, kept for the first path only
    Index y = meet;
    for (Index x; (x = m_fParent[static_cast<std::size_t>(y)]) >= 0; y = x) {
      const Index arc = m_fArc[static_cast<std::size_t>(y)];
      apply(x, arc);
      if (paths == 0 && arc >= 0) route.push_back(arc);
    }
    const Index start = y >> 1;
    std::reverse(route.begin(), route.end());
    for (Index z = meet, nz; (nz = m_bNext[static_cast<std::size_t>(z)]) >= 0; z = nz) {
      const Index arc = m_bArc[static_cast<std::size_t>(z)];
      apply(z, arc);
      if (paths == 0 && arc >= 0) route.push_back(arc);
    }
    if (paths == 0) {
      m_pathStart = start;
      m_pathArcs = std::move(route);
    }
    ++paths;
  }
  return paths;
}

}  // namespace liaison::graph::detail
