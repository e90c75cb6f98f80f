// Betweenness centrality of nodes and edges (Brandes), unweighted or with a path metric,
// parallel over sources, cancellable, deterministic.
//
// Conventions (the same as igraph's igraph_betweenness and NetworkX's defaults):
//  - Raw counts, not normalised: score(v) = sum over pairs (s,t), s != v != t, of
//    sigma_st(v) / sigma_st, where sigma counts shortest paths. Unreachable pairs add nothing.
//  - Undirected (every edge two-way, or ignoreDirection): each unordered pair counted once.
//    Otherwise ordered pairs along the edge directions. Boost halves undirected results by
//    a different route; ours equals igraph's numbers directly.
//  - Parallel edges are distinct shortest paths; self-loops never lie on a path.
//  - Weighted ties: two path lengths equal within compareLengths() (relative 1e-10, distances
//    offset by 1 at the source exactly as igraph does) are ties, so results match igraph.
//    Lengths must be > 0 for weighted runs (Reliability of a perfect link is 0: avoid it there).
//  - normalized: nodes divided by (n-1)(n-2) (halved when undirected), edges by n(n-1) (halved
//    when undirected), where n counts the active (not failed, not down) nodes.
//  - Failed and down elements are skipped; their score is 0.
#pragma once

#include <utility>
#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

struct BetweennessOptions {
  Metric metric = Metric::Hops;  // Hops = unweighted
  bool ignoreDirection = false;
  bool edges = false;  // also compute edge betweenness
  bool normalized = false;
  Failures failed;
  RunControl control;
};

class Betweenness {
 public:
  explicit Betweenness(const Graph& graph, BetweennessOptions options = {});
  // Returns false (and hasRun() stays false) when cancelled.
  bool run();
  bool hasRun() const { return m_hasRun; }

  // By node index (see Graph::nodeIndex) / edge index. edgeScores() is empty unless
  // options.edges.
  const std::vector<double>& scores() const { return m_node; }
  const std::vector<double>& edgeScores() const { return m_edge; }
  double score(Id node) const { return m_node[m_graph.requireNode(node)]; }
  // The k highest-scoring nodes as (id, score), highest first, ties by lower index.
  std::vector<std::pair<Id, double>> top(std::size_t k) const;

 private:
  const Graph& m_graph;
  BetweennessOptions m_options;
  std::vector<double> m_node, m_edge;
  bool m_hasRun = false;
};

// The k best (id, value) by value, highest first; ties by lower index.
std::vector<std::pair<Id, double>> topNodes(const Graph& graph, const std::vector<double>& values,
                                            std::size_t k);

}  // namespace liaison::graph
