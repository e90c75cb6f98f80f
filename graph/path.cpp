#include "graph/path.hpp"

#include <cstdio>

namespace liaison::graph {

Path makePath(const Graph& graph, Index source, const std::vector<Index>& arcs, Metric metric) {
  Path p;
  p.found = true;
  p.nodes.push_back(graph.node(source).id);
  Index at = source;
  for (Index arc : arcs) {
    const Index e = arcEdge(arc);
    const EdgeSpec& spec = graph.edge(e);
    const Index next = (arc & 1) ? graph.edgeFrom(e) : graph.edgeTo(e);
    p.hops.push_back(
        {graph.node(at).id, graph.node(next).id, spec.id, spec.latency, spec.reliability});
    p.nodes.push_back(graph.node(next).id);
    p.latency += spec.latency;
    p.reliability *= spec.reliability;
    p.length += graph.length(e, metric);
    at = next;
  }
  return p;
}

std::string Path::explain() const {
  if (!found) return "no path\n";
  std::string out;
  char line[256];
  for (const Hop& h : hops) {
    std::snprintf(line, sizeof line, "%lld -> %lld via edge %lld (%.3g min, reliability %.4g)\n",
                  static_cast<long long>(h.from), static_cast<long long>(h.to),
                  static_cast<long long>(h.edge), h.latency, h.reliability);
    out += line;
  }
  std::snprintf(line, sizeof line, "total: %zu hops, %.3g min, reliability %.4g\n", hops.size(),
                latency, reliability);
  out += line;
  return out;
}

}  // namespace liaison::graph
