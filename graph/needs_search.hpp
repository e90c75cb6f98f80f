// Internal: the searches the needs engine runs once per source End, shared by all of that
// End's demands (pair_search.hpp has those between one pair of Ends). Not public API.
//
// Why one search serves every target End: a search from S that never re-enters S settles
// nodes in order of distance; the first member of a target End T to be settled is a nearest
// one, and its search-tree path has no other member of T inside (those would have been settled
// before it). So the path is a minimal route (see needs_engine.hpp) and the distance is the
// shortest over minimal routes, without blocking T, which differs from one demand to the next.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "graph/needs_net.hpp"

namespace liaison::graph::detail {

// The target Ends of one source End, as lists per node: node v belongs to the Ends forEach(v).
class TargetSet {
 public:
  explicit TargetSet(Index n) : m_first(static_cast<std::size_t>(n), -1) {}
  void set(const std::vector<const std::vector<Index>*>& ends);
  int count() const { return m_count; }
  bool any(Index v) const { return m_first[static_cast<std::size_t>(v)] >= 0; }
  template <class Fn>
  void forEach(Index v, Fn&& fn) const {
    for (int k = m_first[static_cast<std::size_t>(v)]; k >= 0;
         k = m_entries[static_cast<std::size_t>(k)].next)
      fn(m_entries[static_cast<std::size_t>(k)].end);
  }

 private:
  struct Entry {
    int end, next;
  };
  std::vector<int> m_first;
  std::vector<Entry> m_entries;
  std::vector<Index> m_nodes;
  int m_count = 0;
};

enum class SearchKind {
  Latency,      // least latency
  Reliability,  // least -ln r; reliability-0 edges unusable
  FewestHops,   // fewest edges, then least latency
  Reach,        // breadth-first, any route
  Combined,     // least -ln r + lambda * latency (PairSearch only; see setLambda)
};

class PathSearch {
 public:
  explicit PathSearch(const NeedsNet& net);
  // Settles nodes from every source (distance 0) until each target End has a settled member or
  // nothing more can be reached. Sources must be active and distinct.
  void run(SearchKind kind, const std::vector<Index>& sources, const TargetSet& targets);
  // The first settled member of target End j, or kNoIndex.
  Index hit(int j) const { return m_hit[static_cast<std::size_t>(j)]; }
  // The arcs of the search-tree path to a settled node, and the source it starts from.
  std::vector<Index> arcsTo(Index v, Index& source) const;

 private:
  template <class Key, class Len>
  void dijkstra(const std::vector<Index>& sources, const TargetSet& targets, Len&& len);
  void breadthFirst(const std::vector<Index>& sources, const TargetSet& targets);
  bool settle(Index v, const TargetSet& targets);  // true when every target End is hit

  const NeedsNet& m_net;
  std::vector<std::uint32_t> m_seen, m_done;  // stamps
  std::uint32_t m_stamp = 0;
  std::vector<Index> m_parent;     // arc into the node, -1 at a source
  std::vector<double> m_d1, m_d2;  // distance (and latency for FewestHops)
  std::vector<Index> m_hit, m_queue;
  int m_remaining = 0;
};

// Demand-weighted load of one source End's demands (multi-source Brandes): for each demand, the
// weight split over the shortest minimal routes under the metric to its target End, routes
// counted as edge sequences (parallel edges distinct), added to the interior nodes and to the
// edges of the routes.
class LoadSearch {
 public:
  LoadSearch(const NeedsNet& net, Metric metric);
  // weights[j]: the total weight of the demands towards target End j. routed[j] is set to
  // whether End j is reached. nodeAcc / edgeAcc are by node / edge index (edgeAcc may be null).
  void run(const std::vector<Index>& sources, const TargetSet& targets,
           const std::vector<const std::vector<Index>*>& ends, const std::vector<double>& weights,
           double* nodeAcc, double* edgeAcc, std::vector<std::uint8_t>& routed);

 private:
  void breadthFirst(const std::vector<Index>& sources, const TargetSet& targets);
  void dijkstra(const std::vector<Index>& sources, const TargetSet& targets);
  bool successor(Index v, Index i) const;
  void discover(Index v, double dist, double sigma, Index rank);
  bool reachTargets(Index v, const TargetSet& targets);

  const NeedsNet& m_net;
  Metric m_metric;
  std::vector<double> m_len;  // per entry, for weighted metrics
  std::vector<std::uint32_t> m_seen, m_src;
  std::uint32_t m_stamp = 0;
  int m_remaining = 0;
  double m_farthest = 0.0;
  std::vector<Index> m_rank;  // settle position (weighted) or level (hops); valid when seen
  std::vector<double> m_dist, m_sigma, m_coef, m_weight;
  std::vector<Index> m_order;  // settled, in order
  std::vector<double> m_best;  // per target End: distance of its nearest member (+inf: none)
};

}  // namespace liaison::graph::detail
