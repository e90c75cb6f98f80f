// Shortest paths from one source to a few targets, stopped as soon as every target is settled:
// the kernel behind "the best path of each need" when there are many needs on one graph.
//
// Conventions are those of ShortestPaths: lengths equal within compareLengths() are ties and
// the first-found parent arc is kept, so arcsTo() returns exactly the path ShortestPaths would
// (a node's parent is final once it is settled, so stopping early changes nothing for the
// targets). Fewest hops runs a breadth-first search. Unreachable or inactive targets are
// reported as not reached.
//
// The shared part (adjacency, arc lengths for one metric, the mask) is built once and is
// read-only; each thread runs its own Searcher, whose buffers are reused between searches and
// reset in time proportional to what the last search touched.
#pragma once

#include <vector>

#include "graph/active_mask.hpp"
#include "graph/graph.hpp"
#include "graph/sssp_kernel.hpp"

namespace liaison::graph {

class TargetedSearch {
 public:
  // `mask` must outlive this object and every Searcher made from it.
  TargetedSearch(const Graph& graph, const ActiveMask& mask, Metric metric,
                 bool ignoreDirection = false);

  const Graph& graph() const { return m_graph; }
  Metric metric() const { return m_metric; }

  class Searcher {
   public:
    explicit Searcher(const TargetedSearch& shared);
    // Searches from `source` until every target is settled (or nothing more is reachable).
    void run(Index source, const std::vector<Index>& targets);
    bool reached(Index target) const { return m_buf.dist[target] != kInf; }
    double distance(Index target) const { return m_buf.dist[target]; }
    // The arcs of the path to `target` (empty for the source or when unreached).
    std::vector<Index> arcsTo(Index target) const;

   private:
    void reset();
    const TargetedSearch& m_shared;
    detail::SsspBuffers m_buf;
    std::vector<Index> m_touched;
    std::vector<std::uint8_t> m_isTarget;
    Index m_source = kNoIndex;
  };

 private:
  const Graph& m_graph;
  const ActiveMask& m_mask;
  Metric m_metric;
  Adjacency m_adj;
  std::vector<double> m_len;  // by edge index
};

}  // namespace liaison::graph
