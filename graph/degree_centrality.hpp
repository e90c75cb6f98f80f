// Degree centrality per node: in, out, total, and valued degree.
//
// Conventions (as igraph's degree(loops=TRUE)):
//  - A two-way edge counts once in, once out and once in total at each end (it is one tie);
//    a one-way edge a->b counts out at a, in at b, total at both.
//  - total = number of edge ends at the node: a self-loop counts 2 in total, as in igraph;
//    a two-way self-loop counts 2 in and 2 out, a one-way self-loop 1 in and 1 out.
//  - Parallel edges each count.
//  - valued = sum over incident edges of reliability (Valued::Reliability) or of 1
//    (Valued::Count, equal to total); self-loops count twice.
//  - Failed/down edges and edges touching failed/down nodes are not counted; failed nodes get 0.
#pragma once

#include <vector>

#include "graph/active_mask.hpp"

namespace liaison::graph {

class DegreeCentrality {
 public:
  enum class Valued { Reliability, Count };
  explicit DegreeCentrality(const Graph& graph, Failures failed = {},
                            Valued valued = Valued::Reliability);
  void run();

  // By node index.
  const std::vector<int>& in() const { return m_in; }
  const std::vector<int>& out() const { return m_out; }
  const std::vector<int>& total() const { return m_total; }
  const std::vector<double>& valued() const { return m_valued; }

 private:
  const Graph& m_graph;
  ActiveMask m_mask;
  Valued m_kind;
  std::vector<int> m_in, m_out, m_total;
  std::vector<double> m_valued;
};

}  // namespace liaison::graph
