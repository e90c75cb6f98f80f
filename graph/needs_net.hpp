// Internal: the network as the needs engine reads it during one run, and the per-thread marks of
// a demand's two Ends. Not public API.
//
// Every search of the engine walks the undirected adjacency (Graph::undirected(): each edge
// listed at both ends) and asks one byte per entry whether that entry may be travelled out of
// the node (`out`) or into it (`in`). The byte already folds in the down flags, the failures,
// the edge's direction and ignoreDirection, so the hot loops make one test per arc, and flows
// (which need both directions of an edge at one node) read the same arrays as the searches.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/active_mask.hpp"
#include "graph/graph.hpp"

namespace liaison::graph::detail {

struct NeedsNet {
  NeedsNet(const Graph& graph, const ActiveMask& mask, bool ignoreDirection);

  const Graph& graph;
  Adjacency adj;  // Graph::undirected(): entry i of node v leads to adj.targets[i] by adj.arcs[i]
  // Per entry i of node v (other end w, arc a: v -> w): out[i] = v -> w may be travelled;
  // in[i] = w -> v may be travelled. Both imply that the edge, v and w are active.
  std::vector<std::uint8_t> out, in;
  std::vector<double> latency;  // per entry
  std::vector<double> cost;     // per entry: -ln(reliability), +inf when the reliability is 0
  std::vector<std::uint8_t> nodeActive;
  bool allZeroFree = true;  // every usable entry has latency > 0 and cost > 0

  Index nodeCount() const { return graph.nodeCount(); }
  // The node an arc leaves / enters.
  Index tail(Index arc) const {
    return (arc & 1) ? graph.edgeTo(arcEdge(arc)) : graph.edgeFrom(arcEdge(arc));
  }
  Index head(Index arc) const {
    return (arc & 1) ? graph.edgeFrom(arcEdge(arc)) : graph.edgeTo(arcEdge(arc));
  }
};

// The available members of an End given as a group id (when `nodes` is empty) or node ids,
// ascending and distinct. Unknown ids and inactive nodes are left out.
std::vector<Index> endMembers(const Graph& graph, const ActiveMask& mask, Id group,
                              const std::vector<Id>& nodes);

// Which nodes belong to the current demand's source End (S) and target End (T): stamps, so
// that switching to the next demand costs only its members.
class EndMarks {
 public:
  explicit EndMarks(Index n)
      : m_s(static_cast<std::size_t>(n), 0), m_t(static_cast<std::size_t>(n), 0) {}
  void set(const std::vector<Index>& sources, const std::vector<Index>& targets) {
    ++m_stamp;
    for (Index v : sources) m_s[static_cast<std::size_t>(v)] = m_stamp;
    for (Index v : targets) m_t[static_cast<std::size_t>(v)] = m_stamp;
  }
  bool isS(Index v) const { return m_s[static_cast<std::size_t>(v)] == m_stamp; }
  bool isT(Index v) const { return m_t[static_cast<std::size_t>(v)] == m_stamp; }

 private:
  std::vector<std::uint32_t> m_s, m_t;
  std::uint32_t m_stamp = 0;
};

}  // namespace liaison::graph::detail
