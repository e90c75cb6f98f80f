// GroupFlow's cut sweep (group_flow.hpp): the nodes and edges that lie on every route, from one
// route and two searches that walk it from both ends.
#include <algorithm>

#include "graph/group_flow.hpp"

namespace liaison::graph::detail {

void GroupFlow::cutSweep(const std::vector<Index>& sources, const std::vector<Index>& targets,
                         Index start, const std::vector<Index>& arcs, bool wantNodes,
                         bool wantEdges, Result& result) {
  const EndMarks& marks = *m_marks;
  const Adjacency& adj = m_net.adj;
  const int k = static_cast<int>(arcs.size()) + 1;  // route p1..pk; sigma = 0, tau = k + 1
  std::vector<Index> node(static_cast<std::size_t>(k) + 2, kNoIndex);
  std::vector<Index> arc(static_cast<std::size_t>(k) + 1, -1);  // arc[i]: p_i -> p_(i+1)
  node[1] = start;
  for (int i = 1; i < k; ++i) {
    arc[static_cast<std::size_t>(i)] = arcs[static_cast<std::size_t>(i - 1)];
    node[static_cast<std::size_t>(i) + 1] = m_net.head(arc[static_cast<std::size_t>(i)]);
  }
  const std::uint32_t st = ++m_stamp;
  for (int i = 1; i <= k; ++i) {
    m_onPath[static_cast<std::size_t>(node[static_cast<std::size_t>(i)])] = st;
    m_position[static_cast<std::size_t>(node[static_cast<std::size_t>(i)])] = i;
  }
  auto onPath = [&](Index v) { return m_onPath[static_cast<std::size_t>(v)] == st; };
  auto position = [&](Index v) {
    return static_cast<int>(m_position[static_cast<std::size_t>(v)]);
  };
  std::vector<std::uint8_t> nodeCut(static_cast<std::size_t>(k) + 2, 0);
  std::vector<std::uint8_t> edgeCut(static_cast<std::size_t>(k) + 1, 0);

  struct Side {
    int pos, far;
    bool started = false;
    std::vector<Index> stack;
  };
  Side fw{0, 0, false, {}}, bw{k + 1, k + 1, false, {}};
  int fNext = 0, bNext = k + 1;  // forward has done 0..fNext-1, backward bNext+1..k+1
  int runF = 0, runB = k + 1;    // max far over forward positions done, min over backward
  bool met = false;

  auto reachF = [&](Index w) {
    if (onPath(w)) {
      fw.far = std::max(fw.far, position(w));
    } else if (m_fSeen[static_cast<std::size_t>(w)] != st) {
      if (m_bSeen[static_cast<std::size_t>(w)] == st) met = true;
      m_fSeen[static_cast<std::size_t>(w)] = st;
      fw.stack.push_back(w);
    }
  };
  auto reachB = [&](Index u) {
    if (onPath(u)) {
      bw.far = std::min(bw.far, position(u));
    } else if (m_bSeen[static_cast<std::size_t>(u)] != st) {
      if (m_fSeen[static_cast<std::size_t>(u)] == st) met = true;
      m_bSeen[static_cast<std::size_t>(u)] = st;
      bw.stack.push_back(u);
    }
  };
  // Arcs of the minimal-route network out of / into v, except `skip` (the route's own arc).
  auto scanOut = [&](Index v, Index skip) {
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end && !met; ++i) {
      const Index w = adj.targets[i];
      if (!m_net.out[static_cast<std::size_t>(i)] || marks.isS(w) || adj.arcs[i] == skip) continue;
      reachF(w);
    }
  };
  auto scanIn = [&](Index v, Index skip) {
    for (Index i = adj.offsets[v], end = adj.offsets[v + 1]; i < end && !met; ++i) {
      const Index u = adj.targets[i];
      if (!m_net.in[static_cast<std::size_t>(i)] || marks.isT(u) || (adj.arcs[i] ^ 1) == skip)
        continue;
      reachB(u);
    }
  };
  auto stepForward = [&]() {
    if (!fw.started) {
      fw.started = true;
      fw.far = fw.pos;
      if (fw.pos == 0) {
        for (Index s : sources)
          if (s != node[1] && !met) reachF(s);
      } else if (!marks.isT(node[static_cast<std::size_t>(fw.pos)])) {
        scanOut(node[static_cast<std::size_t>(fw.pos)],
                fw.pos < k ? arc[static_cast<std::size_t>(fw.pos)] : -1);
      }
    } else if (!fw.stack.empty()) {
      const Index x = fw.stack.back();
      fw.stack.pop_back();
      if (marks.isT(x))
        fw.far = k + 1;  // x -> tau
      else
        scanOut(x, -1);
    } else {
      runF = std::max(runF, fw.far);
      const int a = fw.pos;
      nodeCut[static_cast<std::size_t>(a) + 1] = runF <= a + 1;
      if (a >= 1 && a < k) edgeCut[static_cast<std::size_t>(a)] = runF <= a;
      fNext = ++fw.pos;
      fw.started = false;
    }
  };
  auto stepBackward = [&]() {
    if (!bw.started) {
      bw.started = true;
      bw.far = bw.pos;
      if (bw.pos == k + 1) {
        for (Index t : targets)
          if (t != node[static_cast<std::size_t>(k)] && !met) reachB(t);
      } else if (!marks.isS(node[static_cast<std::size_t>(bw.pos)])) {
        scanIn(node[static_cast<std::size_t>(bw.pos)],
               bw.pos > 1 ? arc[static_cast<std::size_t>(bw.pos) - 1] : -1);
      }
    } else if (!bw.stack.empty()) {
      const Index x = bw.stack.back();
      bw.stack.pop_back();
      if (marks.isS(x))
        bw.far = 0;  // sigma -> x
      else
        scanIn(x, -1);
    } else {
      runB = std::min(runB, bw.far);
      const int b = bw.pos;
      nodeCut[static_cast<std::size_t>(b) - 1] = runB >= b - 1;
      if (b - 1 >= 1 && b - 1 < k) edgeCut[static_cast<std::size_t>(b) - 1] = runB >= b;
      bNext = --bw.pos;
      bw.started = false;
    }
  };
  auto bypassed = [&]() {
    return met || std::max(runF, fw.far) >= bNext || std::min(runB, bw.far) <= fNext;
  };
  while (fNext < bNext) {
    stepForward();
    if (fNext >= bNext || (met = bypassed())) break;
    stepBackward();
    if (fNext >= bNext || (met = bypassed())) break;
  }
  if (met && fNext < bNext) {
    // A bypass from a position <= fNext to one >= bNext: nothing strictly between is on every
    // route, nor any edge from fNext to bNext.
    for (int i = fNext + 1; i < bNext; ++i) nodeCut[static_cast<std::size_t>(i)] = 0;
    for (int i = fNext; i < bNext; ++i) edgeCut[static_cast<std::size_t>(i)] = 0;
  }
  if (wantNodes)
    for (int i = 1; i <= k; ++i) {
      const Index v = node[static_cast<std::size_t>(i)];
      if (nodeCut[static_cast<std::size_t>(i)] && (m_epcf || (!marks.isS(v) && !marks.isT(v))))
        result.cutNodes.push_back(v);
    }
  if (wantEdges)
    for (int i = 1; i < k; ++i)
      if (edgeCut[static_cast<std::size_t>(i)])
        result.cutEdges.push_back(arcEdge(arc[static_cast<std::size_t>(i)]));
  std::sort(result.cutNodes.begin(), result.cutNodes.end());
  std::sort(result.cutEdges.begin(), result.cutEdges.end());
}

}  // namespace liaison::graph::detail
