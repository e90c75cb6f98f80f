// The network as the engine sees it: nodes and edges with stable 64-bit ids, built once from
// plain lists, immutable afterwards, with CSR adjacency arrays for the hot loops.
#pragma once

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/common.hpp"

namespace liaison::graph {

struct NodeSpec {
  Id id = 0;
  Id group = 0;  // e.g. the agency; used by brokerage
  bool down = false;
};

// An edge from -> to. twoWay edges can be travelled both ways (an undirected edge).
// latency: minutes, finite and >= 0. reliability: in [0, 1].
// Self-loops and parallel edges are allowed; self-loops are kept in degree counts but never lie
// on a path, and are left out of the adjacency arrays.
struct EdgeSpec {
  Id id = 0;
  Id from = 0;
  Id to = 0;
  double latency = 1.0;
  double reliability = 1.0;
  bool twoWay = true;
  bool down = false;
};

// Compressed adjacency. For node v, entries offsets[v]..offsets[v+1]-1 give the neighbour
// `targets[i]` and the arc `arcs[i]` = 2*edgeIndex + r, where r = 0 when the edge is travelled
// from -> to and r = 1 when travelled to -> from.
struct Adjacency {
  std::span<const Index> offsets;
  std::span<const Index> targets;
  std::span<const Index> arcs;
  std::span<const Index> neighbours(Index v) const {
    return targets.subspan(offsets[v], offsets[v + 1] - offsets[v]);
  }
};

inline Index arcEdge(Index arc) {
  return arc >> 1;
}

class Graph {
 public:
  Graph() = default;
  // Throws std::invalid_argument on duplicate ids, edges to unknown nodes, non-finite or negative
  // latency, reliability outside [0,1].
  Graph(std::vector<NodeSpec> nodes, std::vector<EdgeSpec> edges);

  Index nodeCount() const { return static_cast<Index>(m_nodes.size()); }
  Index edgeCount() const { return static_cast<Index>(m_edges.size()); }
  // True when every edge is two-way: the graph is undirected, and betweenness counts each
  // unordered pair once.
  bool isUndirected() const { return m_undirected; }
  // True when some node or edge is marked down.
  bool hasDown() const { return m_hasDown; }

  const NodeSpec& node(Index v) const { return m_nodes[v]; }
  const EdgeSpec& edge(Index e) const { return m_edges[e]; }
  const std::vector<NodeSpec>& nodes() const { return m_nodes; }
  const std::vector<EdgeSpec>& edges() const { return m_edges; }
  Index edgeFrom(Index e) const { return m_from[e]; }
  Index edgeTo(Index e) const { return m_to[e]; }

  // kNoIndex when the id is unknown.
  Index nodeIndex(Id id) const;
  Index edgeIndex(Id id) const;
  // Throws std::out_of_range when the id is unknown.
  Index requireNode(Id id) const;
  Index requireEdge(Id id) const;

  // Arcs that can be travelled out of / into each node, and every edge both ways ignoring
  // direction (used by structure algorithms). Down flags are NOT applied here; see ActiveMask.
  Adjacency out() const { return view(m_out); }
  Adjacency in() const { return view(m_undirected ? m_out : m_in); }
  Adjacency undirected() const { return view(m_undirected ? m_out : m_und); }

  // Length of edge e under a metric (Hops: 1; Reliability: -ln r, +inf when r == 0).
  double length(Index e, Metric metric) const;
  // All edge lengths under a metric, indexed by edge index.
  std::vector<double> lengths(Metric metric) const;

 private:
  struct Csr {
    std::vector<Index> offsets, targets, arcs;
  };
  static Adjacency view(const Csr& c) { return {c.offsets, c.targets, c.arcs}; }
  void buildCsr(Csr& csr, bool outgoing, bool ignoreDirection) const;

  std::vector<NodeSpec> m_nodes;
  std::vector<EdgeSpec> m_edges;
  std::vector<Index> m_from, m_to;
  bool m_denseNodeIds = true, m_denseEdgeIds = true;  // id == index: no hash lookups
  std::unordered_map<Id, Index> m_nodeIndex, m_edgeIndex;
  bool m_undirected = true;
  bool m_hasDown = false;
  Csr m_out, m_in, m_und;
};

}  // namespace liaison::graph
