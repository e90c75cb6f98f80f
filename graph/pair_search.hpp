// Internal: the needs engine's searches between one pair of Ends, from both Ends at once. Not
// public API.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "graph/needs_net.hpp"
#include "graph/needs_search.hpp"

namespace liaison::graph::detail {

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
  template <class Len>
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
  std::vector<double> m_fLevel, m_bLevel;  // FewestHops: the hop level of a node on each side
  std::vector<Index> m_front[3];           // FewestHops: the two frontier layers and the next one
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

}  // namespace liaison::graph::detail
