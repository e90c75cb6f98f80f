#include "graph/needs_net.hpp"

#include <algorithm>
#include <cmath>

namespace liaison::graph::detail {

NeedsNet::NeedsNet(const Graph& g, const ActiveMask& mask, bool ignoreDirection)
    : graph(g), adj(g.undirected()) {
  const std::size_t entries = adj.targets.size();
  out.assign(entries, 0);
  in.assign(entries, 0);
  latency.resize(entries);
  cost.resize(entries);
  nodeActive.resize(static_cast<std::size_t>(g.nodeCount()));
  for (Index v = 0; v < g.nodeCount(); ++v)
    nodeActive[static_cast<std::size_t>(v)] = mask.nodeActive(v);
  for (Index v = 0; v < g.nodeCount(); ++v) {
    for (Index i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i) {
      const Index w = adj.targets[i], arc = adj.arcs[i], e = arcEdge(arc);
      const EdgeSpec& spec = g.edge(e);
      const bool ok = mask.edgeActive(e) && mask.nodeActive(v) && mask.nodeActive(w);
      const bool both = ignoreDirection || spec.twoWay;
      // arc v -> w is the edge's own direction when its low bit is 0; w -> v is arc ^ 1.
      out[i] = ok && ((arc & 1) == 0 || both);
      in[i] = ok && (((arc ^ 1) & 1) == 0 || both);
      latency[i] = spec.latency;
      cost[i] = spec.reliability > 0 ? -std::log(spec.reliability) : kInf;
      if ((out[i] || in[i]) && (!(latency[i] > 0) || !(cost[i] > 0))) allZeroFree = false;
    }
  }
}

std::vector<Index> endMembers(const Graph& graph, const ActiveMask& mask, Id group,
                              const std::vector<Id>& nodes) {
  std::vector<Index> members;
  if (nodes.empty()) {
    for (Index v = 0; v < graph.nodeCount(); ++v)
      if (graph.node(v).group == group && mask.nodeActive(v)) members.push_back(v);
    return members;
  }
  for (Id id : nodes)
    if (Index v = graph.nodeIndex(id); v != kNoIndex && mask.nodeActive(v)) members.push_back(v);
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  return members;
}

}  // namespace liaison::graph::detail
