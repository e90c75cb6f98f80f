// Burt's constraint per node: how much a node's contacts are tied to each other (high = no
// brokerage opportunity, low = structural holes).
//
// Conventions (as igraph's constraint()): direction is ignored; p_ij = (total weight of the
// edges between i and j, either direction, parallel edges summed) / (total weight of i's
// incident edges); self-loops are ignored. constraint(i) = sum over neighbours j of
// (p_ij + sum over q != i, j of p_iq * p_qj)^2. Weights: Reliability (edge.reliability) or Count
// (1 per edge, igraph's unweighted call). Nodes without neighbours get NaN.
#pragma once

#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

class Constraint {
 public:
  enum class Weight { Count, Reliability };
  explicit Constraint(const Graph& graph, Weight weight = Weight::Count, Failures failed = {});
  void run();
  // By node index.
  const std::vector<double>& scores() const { return m_score; }

 private:
  const Graph& m_graph;
  Weight m_weight;
  Failures m_failed;
  std::vector<double> m_score;
};

}  // namespace liaison::graph
