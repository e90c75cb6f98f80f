// Internal: the most reliable minimal route whose latency stays within a budget (a
// resource-constrained shortest path), exact. Not public API; see needs_engine.hpp.
//
// Method: label setting with Pareto labels over (-ln r, latency). Labels leave the sources in
// order of cost (then latency); a label is kept at a node only when its latency is below that of
// every label already settled there (those all cost no more), so the first label settled at a
// member of T that meets the budget is optimal. A reverse latency search from T, stopped at the
// budget, gives each node a lower bound on the latency still to come; labels that cannot finish
// within the budget are never made. The engine calls this only when the most reliable route
// misses the budget and the fastest one meets it.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/needs_net.hpp"

namespace liaison::graph::detail {

// A route meets a budget when compareLengths(latency, budget) <= 0 (latency summed hop by hop
// from the source, as Path::latency).
inline bool withinBudget(double latency, double budget) {
  return compareLengths(latency, budget) <= 0;
}

class BudgetSearch {
 public:
  explicit BudgetSearch(const NeedsNet& net);
  // False when no minimal route from S to T meets the budget with reliability > 0.
  bool run(const std::vector<Index>& sources, const std::vector<Index>& targets,
           const EndMarks& marks, double budget, Index& source, std::vector<Index>& arcs);
  std::size_t labelsMade() const { return m_labels.size(); }

 private:
  void lowerBounds(const std::vector<Index>& targets, const EndMarks& marks, double limit);
  double bound(Index v) const {
    return m_lbDone[static_cast<std::size_t>(v)] == m_stamp ? m_lb[static_cast<std::size_t>(v)]
                                                            : kInf;
  }

  struct Label {
    double cost, latency;
    Index node, parent, arc;  // parent: label index, -1 at a source
  };
  const NeedsNet& m_net;
  std::vector<std::uint32_t> m_lbSeen, m_lbDone, m_latSeen;
  std::uint32_t m_stamp = 0;
  std::vector<double> m_lb, m_minLatency;
  std::vector<Label> m_labels;
};

}  // namespace liaison::graph::detail
