#include "graph/need_connectivity.hpp"

#include <algorithm>

#include "graph/disjoint_paths.hpp"

namespace liaison::graph {

NeedConnectivity::NeedConnectivity(const Graph& graph, std::vector<Demand> needs,
                                   bool ignoreDirection, Failures failed)
    : m_graph(graph),
      m_needs(std::move(needs)),
      m_ignoreDirection(ignoreDirection),
      m_failed(std::move(failed)) {}

void NeedConnectivity::run() {
  const ActiveMask mask(m_graph, m_failed);
  DisjointOptions opt;
  opt.ignoreDirection = m_ignoreDirection;
  m_results.clear();
  for (const Demand& need : m_needs) {
    NeedStatus st{need, false, 0, 0};
    const Index s = m_graph.nodeIndex(need.source), t = m_graph.nodeIndex(need.target);
    if (s != kNoIndex && t != kNoIndex) {
      if (s == t) {
        st.reachable = mask.nodeActive(s);
      } else {
        DisjointPaths dp(m_graph, s, t, mask, opt);
        dp.run();
        st.edgeDisjoint = dp.edgeDisjoint();
        st.nodeDisjoint = dp.nodeDisjoint();
        st.reachable = st.edgeDisjoint > 0;
      }
    }
    m_results.push_back(st);
  }
}

int NeedConnectivity::unreachableCount() const {
  return static_cast<int>(std::count_if(m_results.begin(), m_results.end(),
                                        [](const NeedStatus& s) { return !s.reachable; }));
}

}  // namespace liaison::graph
