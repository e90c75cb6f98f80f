// Shortest paths from one source to every node: fastest (Latency), most reliable
// (Reliability, i.e. shortest on -ln r) or fewest hops.
//
// Conventions: distance() is +inf for unreachable or inactive targets and 0 for the source.
// pathCount() counts shortest paths with the tie rule of common.hpp (parallel edges distinct).
// path() returns one shortest path, the first found (deterministic for a given graph).
// Direction: edges are followed in their direction unless ignoreDirection.
#pragma once

#include <memory>
#include <vector>

#include "graph/active_mask.hpp"
#include "graph/path.hpp"
#include "graph/sssp_kernel.hpp"

namespace liaison::graph {

struct PathOptions {
  Metric metric = Metric::Latency;
  bool ignoreDirection = false;
  Failures failed;
};

class ShortestPaths {
 public:
  ShortestPaths(const Graph& graph, Id source, PathOptions options = {});
  // Same, with a caller-owned mask (it must outlive run()); options.failed is then ignored.
  ShortestPaths(const Graph& graph, Index sourceIndex, const ActiveMask& mask, PathOptions options);
  void run();

  double distance(Id target) const { return m_dist[m_graph.requireNode(target)]; }
  bool reached(Id target) const { return distance(target) != kInf; }
  double pathCount(Id target) const;
  Path path(Id target) const;
  // By node index.
  const std::vector<double>& distances() const { return m_dist; }
  // The arcs of the first-found shortest path to a node index (empty if unreached/source).
  std::vector<Index> arcsTo(Index target) const;

 private:
  const Graph& m_graph;
  Index m_source;
  PathOptions m_options;
  std::unique_ptr<ActiveMask> m_ownMask;
  const ActiveMask* m_mask;
  detail::SsspBuffers m_buf;
  std::vector<double> m_dist;
};

}  // namespace liaison::graph
