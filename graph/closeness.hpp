// Closeness centrality: how near a node is to the nodes it can reach.
//
// Conventions (as igraph 0.10's igraph_closeness): computed over reachable nodes only;
// raw closeness(v) = 1 / sum of distances from v to every node it reaches (out-paths, or
// either way when ignoreDirection); normalized multiplies by (reached - 1), i.e. 1 / mean
// distance. A node that reaches no other node (or a failed node) gets NaN.
// Metric::Hops counts edges; Latency / Reliability sum the edge lengths.
#pragma once

#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

struct ClosenessOptions {
  Metric metric = Metric::Hops;
  bool ignoreDirection = false;
  bool normalized = false;
  Failures failed;
  RunControl control;
};

class Closeness {
 public:
  explicit Closeness(const Graph& graph, ClosenessOptions options = {});
  bool run();  // false when cancelled
  // By node index.
  const std::vector<double>& scores() const { return m_score; }
  // Number of nodes reached from each node, itself included (0 for failed nodes).
  const std::vector<Index>& reachedCounts() const { return m_reached; }

 private:
  const Graph& m_graph;
  ClosenessOptions m_options;
  std::vector<double> m_score;
  std::vector<Index> m_reached;
};

}  // namespace liaison::graph
