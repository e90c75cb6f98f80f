// The structural measures `liaison analyze` reports for any network (a workspace's or a
// GraphML file's): degrees, betweenness (unweighted and with a length), articulation points,
// bridges, components and the diameter; and how a directed network is made undirected.
//
// Undirected conventions (--undirected):
//  Collapse  the weak symmetrisation: one undirected edge per pair of nodes joined in either
//            direction, mutual arcs and parallel edges collapsed into one (as NetworkX
//            DiGraph.to_undirected(), R igraph as.undirected(mode = "collapse") and sna
//            symmetrize(rule = "weak")); the edge keeps the smallest length and the highest
//            reliability of the arcs it replaces.
//  Each      every arc becomes an undirected edge of its own, parallel edges kept (as
//            python-igraph betweenness(directed = False) on the directed graph).
#pragma once

#include <cstdint>
#include <vector>

#include "graph/graph.hpp"

namespace liaison::core {

enum class Undirected { No, Collapse, Each };

graph::Graph undirectedCopy(const graph::Graph& g, Undirected how);

struct Measures {
  std::vector<int> din, dout, deg;
  std::vector<double> bw, bww;  // bww: with the metric, when weighted
  std::vector<graph::Id> ap, bridges;
  std::vector<std::uint8_t> isAp;
  int weak = 0, strong = 0;
  long diameter = 0;  // hops, longest finite shortest path
};

Measures measure(const graph::Graph& g, bool weighted, graph::Metric weightMetric);

}  // namespace liaison::core
