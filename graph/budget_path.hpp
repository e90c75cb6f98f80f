// Internal: the most reliable minimal route whose latency stays within a budget (a
// resource-constrained shortest path), exact. Not public API; see needs_engine.hpp.
//
// Called only when the most reliable route misses the budget and the fastest meets it.
//  1. Lagrangian relaxation (LARAC): routes minimising -ln r + lambda * latency, by the
//     bidirectional PairSearch, for the lambda that balances the best feasible and the best
//     infeasible route found so far. A few rounds give a feasible incumbent, often optimal, and
//     a lower bound on the optimum (min over routes of cost + lambda * (latency - budget)); when
//     the bound meets the incumbent (compareLengths), the incumbent is the answer.
//  2. Otherwise an exact bidirectional label setting closes the gap: Pareto labels over
//     (cost, latency) grow from S and, over the same arcs reversed, from T, each side settling
//     its labels in order of key = cost + lambda * latency, the side with fewer labels waiting
//     first, until the two sides' least unsettled keys add up to K = mu + lambda * budget, mu
//     being the cheapest route within the budget known so far; each label is joined, when made,
//     with the other side's labels at its node. A route within the budget cheaper than mu has
//     key k < K; with the forward frontier at a and the backward at b >= K - a, it has a node
//     where its prefix key first passes k * a / K, and both labels there are made by settled
//     labels (prefix <= k * a / K < a, suffix < k * b / K < b), so the route is found. The key
//     keeps slow detours out of both halves; dominated labels (cost and latency no lower than
//     another label's at the node) are dropped, and so are labels that cannot finish within the
//     budget: a bidirectional latency search gives exact distances to T (from S) inside its two
//     balls, its frontier outside them, and F - d(S, v) (F - d(v, T)) where the other ball knows d.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/needs_net.hpp"
#include "graph/pair_search.hpp"

namespace liaison::graph::detail {

// A route meets a budget when compareLengths(latency, budget) <= 0 (latency summed hop by hop
// from the source, as Path::latency).
inline bool withinBudget(double latency, double budget) {
  return compareLengths(latency, budget) <= 0;
}

struct Route {
  Index source = kNoIndex;
  std::vector<Index> arcs;
  double cost = kInf, latency = kInf;  // summed hop by hop from the source
  bool found() const { return source != kNoIndex; }
};

class BudgetSearch {
 public:
  explicit BudgetSearch(const NeedsNet& net);
  // fastest: a route meeting the budget (the least-latency one); reliable: the least-cost route,
  // which misses it. Sets `out` and returns true, or false when no route of finite cost meets
  // the budget.
  bool run(const std::vector<Index>& sources, const std::vector<Index>& targets,
           const EndMarks& marks, double budget, const Route& fastest, const Route& reliable,
           Route& out);
  std::size_t labelsMade() const { return m_side[0].labels.size() + m_side[1].labels.size(); }
  void measure(Route& r) const;  // sets cost and latency from source and arcs

 private:
  struct Label {
    double cost, latency;
    Index node, parent, arc;  // parent: label index on the same side (-1 at an End); arc in
                              // travel order (forward: into node; backward: out of node)
    int next;                 // the side's previous label made at the same node
    bool dead;                // dominated by a later label at the node
  };
  struct Side {
    std::vector<Label> labels;
    std::vector<std::uint32_t> seen;  // stamp: head valid
    std::vector<int> head;            // last label made at the node
  };
  // Returns the label's index, or -1 when a label at the node dominates it.
  int make(int side, double cost, double latency, Index node, int parent, Index arc);
  // A lower bound on the latency still needed from node v (forward: to T; backward: from S).
  double remaining(int side, Index v) const;
  // The same for the key, from the last Lagrangian search (it used the label search's lambda).
  double remainingKey(int side, Index v) const;
  Route chain(int fwd, int bwd) const;
  bool labelSearch(const std::vector<Index>& sources, const std::vector<Index>& targets,
                   const EndMarks& marks, double lambda, bool keyBounds, double incumbent,
                   Route& out);

  const NeedsNet& m_net;
  PairSearch m_pair;
  PairSearch m_bounds;  // a latency search whose distances bound the labels' latencies
  double m_fastest = 0.0;
  double m_keyShortest = 0.0;  // the least key of a route, from the last Lagrangian search
  Side m_side[2];
  std::uint32_t m_stamp = 0;
  double m_budget = 0.0;
  double m_best = kInf;  // mu
  int m_bestF = -1, m_bestB = -1;
};

}  // namespace liaison::graph::detail
