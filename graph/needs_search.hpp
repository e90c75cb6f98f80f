// Internal: the searches the needs engine runs once per source End, shared by all of that
// End's demands. Not public API.
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

// The shortest minimal route between one pair of Ends: a bidirectional search, forwards from S
// (never re-entering S, never leaving T) and backwards from T over the same arcs, the side with
// the nearer frontier first, stopped when the two frontiers' distances add up to the best
// meeting found. It settles two balls of about half the route's length instead of one ball of
// all of it: the choice for a source End with few target Ends.
class QuadAdapter;

class PairSearch {
 public:
  explicit PairSearch(const NeedsNet& net);
  ~PairSearch();
  // marks must be set to S and T (disjoint, not empty). False when no route.
  bool run(SearchKind kind, const std::vector<Index>& sources, const std::vector<Index>& targets,
           const EndMarks& marks, Index& source, std::vector<Index>& arcs);
  void setLambda(double lambda) { m_lambda = lambda; }
  // After a run of a one-number kind (not FewestHops): lower bounds on the distance from S to v
  // and from v to T (exact where that side of the search settled v, else its final frontier).
  double boundFromS(Index v) const {
    return settledFromS(v) ? m_f[static_cast<std::size_t>(v)].dist : m_fRadius;
  }
  double boundToT(Index v) const {
    return settledToT(v) ? m_b[static_cast<std::size_t>(v)].dist : m_bRadius;
  }
  bool settledFromS(Index v) const {
    return m_f[static_cast<std::size_t>(v)].mark == 2 * m_stamp + 1;
  }
  bool settledToT(Index v) const {
    return m_b[static_cast<std::size_t>(v)].mark == 2 * m_stamp + 1;
  }

 private:
  template <class Key, class Len>
  bool bidirectional(const std::vector<Index>& sources, const std::vector<Index>& targets,
                     const EndMarks& marks, Len&& len);
  bool layered(const std::vector<Index>& sources, const std::vector<Index>& targets,
               const EndMarks& marks);

  // Per node and side: mark (2 * stamp labelled, 2 * stamp + 1 settled), the arc into the node
  // (forward) or out of it (backward), -1 at the Ends, and the distance.
  struct State {
    std::uint32_t mark;
    Index arc;
    double dist;
  };
  const NeedsNet& m_net;
  std::vector<State> m_f, m_b;
  std::uint32_t m_stamp = 0;
  std::vector<double> m_f2, m_b2;  // FewestHops: the hop level of a node on each side
  std::vector<Index> m_front[3];   // FewestHops: the two frontier layers and the next one
  Index m_meet = kNoIndex;
  double m_lambda = 0.0;
  double m_fRadius = 0.0, m_bRadius = 0.0;  // frontier distances when the search stopped
  std::unique_ptr<QuadAdapter> m_fq, m_bq;  // heaps for the one-number kinds
};

// The hop-count load of one pair of Ends: a layered bidirectional breadth-first search with
// path counts. Layers grow from S and from T, the smaller frontier layer first; the first layer
// that touches the other side is the meeting layer M, and every shortest route crosses M once,
// so sigma_ST = sum over m in M of sigma_S(m) * sigma_T(m). Counts of the continuations to M
// (forward) and from M (backward) then give each node's and arc's share. Two balls of half the
// route's length instead of one of all of it (see PairSearch).
class PairLoad {
 public:
  explicit PairLoad(const NeedsNet& net);
  // Adds weight * (share of the shortest minimal routes through each node / edge) to nodeAcc /
  // edgeAcc (End members excluded); marks set to S and T. False when there is no route.
  bool run(const std::vector<Index>& sources, const std::vector<Index>& targets,
           const EndMarks& marks, double weight, double* nodeAcc, double* edgeAcc);

 private:
  struct State {
    std::uint32_t mark;  // stamp: labelled on this side
    Index level;
    double sigma, coef;
  };
  void accumulate(int side, double scale, double* nodeAcc, double* edgeAcc);

  const NeedsNet& m_net;
  std::vector<State> m_state[2];
  std::vector<Index> m_layers[2];       // nodes in discovery order
  std::vector<std::size_t> m_start[2];  // layer l = m_layers[m_start[l] .. m_start[l + 1])
  std::vector<Index> m_meet;
  std::uint32_t m_stamp = 0;
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
