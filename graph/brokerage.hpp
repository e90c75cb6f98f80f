// Gould–Fernandez brokerage roles per node, given each node's group (its agency).
//
// Conventions (as R sna's brokerage()): for each broker b, count the open two-paths a -> b -> c
// with a, b, c distinct, a -> b and b -> c active ties, and no active tie a -> c. A two-way edge
// is a tie both ways, so on an undirected graph each open triple a - b - c counts twice (a->b->c
// and c->b->a). Parallel edges and self-loops do not add ties. Classified by groups:
//   coordinator    a, b, c all in the same group
//   itinerant      a and c in one group, b in another (sna's "consultant", w_O)
//   representative a and b in one group, c in another (b speaks for its group, b_IO)
//   gatekeeper     b and c in one group, a in another (b lets others in, b_OI)
//   liaison        a, b, c all in different groups (b_O)
// total() is the sum of the five.
#pragma once

#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

struct BrokerageRoles {
  double coordinator = 0, itinerant = 0, representative = 0, gatekeeper = 0, liaison = 0;
  double total() const { return coordinator + itinerant + representative + gatekeeper + liaison; }
};

class Brokerage {
 public:
  explicit Brokerage(const Graph& graph, bool ignoreDirection = false, Failures failed = {});
  void run();
  // By node index.
  const std::vector<BrokerageRoles>& roles() const { return m_roles; }

 private:
  const Graph& m_graph;
  bool m_ignoreDirection;
  Failures m_failed;
  std::vector<BrokerageRoles> m_roles;
};

}  // namespace liaison::graph
