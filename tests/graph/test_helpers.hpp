// Small builders shared by the graph tests.
#pragma once

#include <initializer_list>
#include <utility>
#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph::test {

// Nodes 0..n-1 (group = id / groupSize unless groups given), edges in order with ids 0..m-1.
inline Graph makeGraph(int n, std::initializer_list<std::pair<Id, Id>> edges, bool twoWay = true,
                       std::vector<Id> groups = {}) {
  std::vector<NodeSpec> nodes(n);
  for (int i = 0; i < n; ++i) nodes[i] = {i, groups.empty() ? 0 : groups[i], false};
  std::vector<EdgeSpec> es;
  for (auto [a, b] : edges) {
    EdgeSpec e;
    e.id = static_cast<Id>(es.size());
    e.from = a;
    e.to = b;
    e.twoWay = twoWay;
    es.push_back(e);
  }
  return Graph(std::move(nodes), std::move(es));
}

}  // namespace liaison::graph::test
