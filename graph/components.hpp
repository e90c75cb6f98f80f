// Connected components: weak (direction ignored) and strong (along edge directions; Boost's
// strong_components). Failed/down nodes belong to no component (label -1).
// Labels are 0..count-1, numbered in order of each component's lowest node index.
#pragma once

#include <vector>

#include "graph/active_mask.hpp"

namespace liaison::graph {

class Components {
 public:
  explicit Components(const Graph& graph, Failures failed = {});
  void run();

  int weakCount() const { return m_weakCount; }
  int strongCount() const { return m_strongCount; }
  // By node index; -1 for inactive nodes.
  const std::vector<int>& weakLabels() const { return m_weak; }
  const std::vector<int>& strongLabels() const { return m_strong; }
  // Node ids of each weak component, components ordered by label.
  std::vector<std::vector<Id>> weakComponents() const;

 private:
  const Graph& m_graph;
  ActiveMask m_mask;
  std::vector<int> m_weak, m_strong;
  int m_weakCount = 0, m_strongCount = 0;
};

}  // namespace liaison::graph
