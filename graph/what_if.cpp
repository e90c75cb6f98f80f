#include "graph/what_if.hpp"

#include <map>

#include "graph/betweenness.hpp"
#include "graph/demand_load.hpp"
#include "graph/shortest_paths.hpp"

namespace liaison::graph {

WhatIf::WhatIf(const Graph& graph, Failures failed, std::vector<Demand> needs,
               WhatIfOptions options)
    : m_graph(graph),
      m_failed(std::move(failed)),
      m_needs(std::move(needs)),
      m_options(std::move(options)) {}

namespace {
// Best latency and reliability (and the fastest path) per need, one search per distinct source.
void bestPaths(const Graph& g, const ActiveMask& mask, bool ignoreDirection,
               const std::vector<Demand>& needs, std::vector<NeedChange>& out, bool after) {
  std::map<Index, std::vector<std::size_t>> bySource;
  for (std::size_t i = 0; i < needs.size(); ++i) {
    const Index s = g.nodeIndex(needs[i].source);
    if (s != kNoIndex && g.nodeIndex(needs[i].target) != kNoIndex) bySource[s].push_back(i);
  }
  for (auto& [s, idx] : bySource) {
    ShortestPaths fast(g, s, mask, {Metric::Latency, ignoreDirection, {}});
    ShortestPaths safe(g, s, mask, {Metric::Reliability, ignoreDirection, {}});
    fast.run();
    safe.run();
    for (std::size_t i : idx) {
      const Index t = g.nodeIndex(needs[i].target);
      NeedChange& c = out[i];
      const bool reach = fast.distances()[t] != kInf;
      const double lat = fast.distances()[t];
      const double rel = reach ? std::exp(-safe.distances()[t]) : 0.0;
      if (after) {
        c.reachableAfter = reach;
        c.latencyAfter = lat;
        c.reliabilityAfter = rel;
        if (reach) c.fastestAfter = makePath(g, s, fast.arcsTo(t), Metric::Latency);
      } else {
        c.reachableBefore = reach;
        c.latencyBefore = lat;
        c.reliabilityBefore = rel;
      }
    }
  }
}
}  // namespace

bool WhatIf::run() {
  m_changes.assign(m_needs.size(), {});
  for (std::size_t i = 0; i < m_needs.size(); ++i) m_changes[i].need = m_needs[i];
  const ActiveMask before(m_graph), after(m_graph, m_failed);
  bestPaths(m_graph, before, m_options.ignoreDirection, m_needs, m_changes, false);
  bestPaths(m_graph, after, m_options.ignoreDirection, m_needs, m_changes, true);
  LoadOptions lo;
  lo.metric = m_options.loadMetric;
  lo.ignoreDirection = m_options.ignoreDirection;
  lo.control = m_options.control;
  DemandLoad loadBefore(m_graph, m_needs, lo);
  lo.failed = m_failed;
  DemandLoad loadAfter(m_graph, m_needs, lo);
  if (!loadBefore.run() || !loadAfter.run()) return false;
  m_topBefore = topNodes(m_graph, loadBefore.scores(), m_options.topCount);
  m_topAfter = topNodes(m_graph, loadAfter.scores(), m_options.topCount);
  return true;
}

std::vector<NeedChange> WhatIf::lost() const {
  std::vector<NeedChange> out;
  for (const auto& c : m_changes)
    if (c.reachableBefore && !c.reachableAfter) out.push_back(c);
  return out;
}

std::vector<NeedChange> WhatIf::slower() const {
  std::vector<NeedChange> out;
  for (const auto& c : m_changes)
    if (c.reachableBefore && c.reachableAfter &&
        compareLengths(c.latencyAfter, c.latencyBefore) > 0)
      out.push_back(c);
  return out;
}

std::vector<NeedChange> WhatIf::lessReliable() const {
  std::vector<NeedChange> out;
  for (const auto& c : m_changes)
    if (c.reachableBefore && c.reachableAfter &&
        compareLengths(c.reliabilityAfter, c.reliabilityBefore) < 0)
      out.push_back(c);
  return out;
}

}  // namespace liaison::graph
