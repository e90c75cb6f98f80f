// What-if: what happens to the needs if some nodes or edges fail. Compares the graph as it is
// (only its own down flags) with the same graph plus the failures, through masks: no copy.
//
// For each need: reachable before/after, the fastest path's latency and the most reliable
// path's reliability before/after (latency +inf and reliability 0 when unreachable).
//  lost():         reachable before, not after.
//  slower():       reachable both times, fastest latency grew (beyond the tie tolerance).
//  lessReliable(): reachable both times, best reliability dropped (beyond the tie tolerance).
// topLoad*(): the nodes with the highest demand-weighted load (demand_load.hpp, loadMetric),
// before and after: the new bottlenecks. Paths follow directions unless ignoreDirection.
#pragma once

#include <utility>
#include <vector>

#include "graph/path.hpp"

namespace liaison::graph {

struct WhatIfOptions {
  bool ignoreDirection = false;
  Metric loadMetric = Metric::Hops;
  std::size_t topCount = 5;
  RunControl control;
};

struct NeedChange {
  Demand need;
  bool reachableBefore = false, reachableAfter = false;
  double latencyBefore = kInf, latencyAfter = kInf;        // fastest path, minutes
  double reliabilityBefore = 0.0, reliabilityAfter = 0.0;  // most reliable path
  Path fastestAfter;                                       // the detour, if any
};

class WhatIf {
 public:
  WhatIf(const Graph& graph, Failures failed, std::vector<Demand> needs,
         WhatIfOptions options = {});
  bool run();  // false when cancelled

  const std::vector<NeedChange>& changes() const { return m_changes; }  // in need order
  std::vector<NeedChange> lost() const;
  std::vector<NeedChange> slower() const;
  std::vector<NeedChange> lessReliable() const;
  const std::vector<std::pair<Id, double>>& topLoadBefore() const { return m_topBefore; }
  const std::vector<std::pair<Id, double>>& topLoadAfter() const { return m_topAfter; }

 private:
  const Graph& m_graph;
  Failures m_failed;
  std::vector<Demand> m_needs;
  WhatIfOptions m_options;
  std::vector<NeedChange> m_changes;
  std::vector<std::pair<Id, double>> m_topBefore, m_topAfter;
};

}  // namespace liaison::graph
