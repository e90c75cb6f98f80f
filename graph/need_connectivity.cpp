#include "graph/need_connectivity.hpp"

#include <algorithm>
#include <atomic>

#include "graph/biconnected.hpp"
#include "graph/disjoint_paths.hpp"
#include "graph/parallel_sources.hpp"
#include "graph/worker_pool.hpp"

namespace liaison::graph {

NeedConnectivity::NeedConnectivity(const Graph& graph, std::vector<Demand> needs,
                                   bool ignoreDirection, Failures failed)
    : m_graph(graph),
      m_needs(std::move(needs)),
      m_ignoreDirection(ignoreDirection),
      m_failed(std::move(failed)) {}

namespace {
// Labels of the components of the active undirected graph, optionally without some edges.
std::vector<int> labels(const Graph& g, const ActiveMask& mask,
                        const std::vector<std::uint8_t>* skipEdge) {
  const Adjacency und = g.undirected();
  std::vector<int> lab(g.nodeCount(), -1);
  std::vector<Index> queue;
  int next = 0;
  for (Index s = 0; s < g.nodeCount(); ++s) {
    if (lab[s] >= 0 || !mask.nodeActive(s)) continue;
    lab[s] = next;
    queue.assign(1, s);
    for (std::size_t h = 0; h < queue.size(); ++h)
      for (Index i = und.offsets[queue[h]]; i < und.offsets[queue[h] + 1]; ++i) {
        const Index w = und.targets[i];
        if (lab[w] >= 0 || !mask.arcActive(und.arcs[i], w)) continue;
        if (skipEdge && (*skipEdge)[arcEdge(und.arcs[i])]) continue;
        lab[w] = next;
        queue.push_back(w);
      }
    ++next;
  }
  return lab;
}
}  // namespace

// On undirected graphs, the block structure answers most needs without a max-flow: ends in
// different components have no path; ends separated by a bridge have exactly one edge-disjoint
// path; ends that share no biconnected block have exactly one node-disjoint path. The rest run
// DisjointPaths, in parallel over needs.
void NeedConnectivity::run() {
  const ActiveMask mask(m_graph, m_failed);
  const bool undirected = m_ignoreDirection || m_graph.isUndirected();
  std::vector<int> comp, twoEdge;
  std::vector<std::vector<int>> blocksOf;
  if (undirected) {
    Biconnected bic(m_graph, mask, true);
    bic.run();
    std::vector<std::uint8_t> isBridge(m_graph.edgeCount(), 0);
    for (Id e : bic.bridges()) isBridge[m_graph.requireEdge(e)] = 1;
    comp = labels(m_graph, mask, nullptr);
    twoEdge = labels(m_graph, mask, &isBridge);
    blocksOf.resize(m_graph.nodeCount());
    for (std::size_t b = 0; b < bic.componentNodes().size(); ++b)
      for (Id v : bic.componentNodes()[b])
        blocksOf[m_graph.requireNode(v)].push_back(static_cast<int>(b));
  }
  auto shareBlock = [&](Index s, Index t) {
    for (int a : blocksOf[s])
      if (std::find(blocksOf[t].begin(), blocksOf[t].end(), a) != blocksOf[t].end()) return true;
    return false;
  };
  m_results.assign(m_needs.size(), {});
  auto solve = [&](std::size_t i) {
    const Demand& need = m_needs[i];
    NeedStatus st{need, false, 0, 0};
    const Index s = m_graph.nodeIndex(need.source), t = m_graph.nodeIndex(need.target);
    if (s == kNoIndex || t == kNoIndex || !mask.nodeActive(s) || !mask.nodeActive(t)) {
      m_results[i] = st;
      return;
    }
    if (s == t) {
      st.reachable = true;
      m_results[i] = st;
      return;
    }
    DisjointOptions opt;
    opt.ignoreDirection = m_ignoreDirection;
    if (undirected) {
      if (comp[s] != comp[t]) {
        m_results[i] = st;
        return;
      }
      opt.edgeDisjoint = twoEdge[s] == twoEdge[t];
      opt.nodeDisjoint = shareBlock(s, t);
    }
    DisjointPaths dp(m_graph, s, t, mask, opt);
    dp.run();
    st.edgeDisjoint = opt.edgeDisjoint ? dp.edgeDisjoint() : 1;
    st.nodeDisjoint = opt.nodeDisjoint ? dp.nodeDisjoint() : 1;
    st.reachable = st.edgeDisjoint > 0;
    m_results[i] = st;
  };
  std::atomic<std::size_t> next{0};
  auto worker = [&]() {
    for (std::size_t i; (i = next.fetch_add(1)) < m_needs.size();) solve(i);
  };
  const unsigned threads = m_needs.size() < 16 ? 1 : detail::threadCount({}, m_needs.size());
  detail::runOnWorkers(threads, [&](unsigned) { worker(); });
}

int NeedConnectivity::unreachableCount() const {
  return static_cast<int>(std::count_if(m_results.begin(), m_results.end(),
                                        [](const NeedStatus& s) { return !s.reachable; }));
}

}  // namespace liaison::graph
