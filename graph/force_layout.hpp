// A force-directed layout (Fruchterman-Reingold) for drawing networks: deterministic for a seed,
// run in small steps so a worker can publish pictures as it goes, with pinned nodes and warm
// starts so that one change to the network does not make the whole picture jump.
//
// Conventions: positions are in layout units; `idealLength` is the FR constant k (the preferred
// edge length). Repulsion is exact below kExactLimit nodes. Above, it runs on a pyramid of grids
// whose finest level adapts to hold two to six nodes an occupied cell: exact between nodes in
// the same or adjacent finest cells (each pair once); farther out through the cells' masses and
// centroids, each cell taking at most 27 cells a level and passing the field down as a
// first-order expansion. Against the exact sums the force on a node is off by about 0.3% of a
// typical force (1.5% at worst; tests/graph/force_layout_test.cpp). The pair loops run on
// floats, in lanes of eight (AVX2 where the
// CPU has it): results are deterministic for a seed on a given machine, and may differ in the
// last bits between CPUs with and without AVX2. A second thread was tried and measured no faster
// on the 2-vCPU machines this runs on (the vector loops share a core's units), so there is none.
// Late in a layout, when the nodes barely move, the grid and then the repulsion are reused
// while the nodes have drifted less than kDriftShare of a cell and kNearDrift k since they
// were computed; the attraction is always computed anew.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "graph/common.hpp"
#include "graph/graph.hpp"

namespace liaison::graph {

struct LayoutPoint {
  double x = 0.0;
  double y = 0.0;
  bool operator==(const LayoutPoint&) const = default;
};

struct ForceLayoutOptions {
  std::uint64_t seed = 1;
  double idealLength = 1.0;    // k
  double gravity = 0.05;       // pull of every node towards the origin (keeps components close)
  double groupGravity = 0.15;  // pull of every node towards its group's centroid
  double cooling = 0.95;       // temperature factor per iteration
  double initialTemperature = 0.0;  // 0: one tenth of the initial spread
  double tolerance = 0.002;         // settled when the largest move is below tolerance * k
  double aspect = 1.0;  // width / height the picture should take (gravity is anisotropic)
};

class ForceLayout {
 public:
  static constexpr Index kExactLimit = 400;

  // Nodes 0..n-1 and undirected edges between them (self-loops and duplicates are harmless).
  ForceLayout(Index n, std::vector<std::pair<Index, Index>> edges, ForceLayoutOptions options = {});
  // From a Graph: the node order of the graph, groups from NodeSpec::group (0: no group).
  explicit ForceLayout(const Graph& graph, ForceLayoutOptions options = {});

  Index nodeCount() const { return static_cast<Index>(m_pos.size()); }

  // Group of each node (agency); nodes with group 0 feel no group gravity.
  void setGroups(std::vector<Id> groups);
  // Attraction weight per edge (same order as the edges; default 1): weaker links between
  // groups and stronger ones inside them give separate, readable clusters.
  void setEdgeWeights(std::vector<double> weights);
  // Warm start: known[v] says whether positions[v] is meaningful. Unknown nodes are placed near
  // their known neighbours (or their group's known members), and the temperature starts low so
  // known nodes move little. Sizes must equal nodeCount().
  void warmStart(std::span<const LayoutPoint> positions, const std::vector<bool>& known);
  // A pinned node never moves (except through setPosition).
  void setPinned(Index v, bool pinned);
  bool pinned(Index v) const { return m_pinned[static_cast<std::size_t>(v)] != 0; }
  void setPosition(Index v, LayoutPoint p);
  // Raise the temperature to at least t * k (after a drag or an edit) and clear `settled`.
  void reheat(double t);

  // Runs up to `iterations` iterations; stops early once settled. Returns the iterations run.
  int step(int iterations = 1);
  bool settled() const { return m_settled; }
  double temperature() const { return m_temperature; }
  // Largest move of the last iteration, in layout units.
  double lastMaxDisplacement() const { return m_lastMax; }
  int iterations() const { return m_iterations; }

  const std::vector<LayoutPoint>& positions() const { return m_pos; }

  // The force on every node at the current positions, as the next step would use it (repulsion,
  // attraction, gravity), without moving anything. The grid is rebuilt for it, so this is the
  // approximation without reuse. For tests and diagnostics.
  std::vector<LayoutPoint> forces();

  // The FR energy sum_edges d^3/(3k) - sum_pairs k^2 ln d + gravity terms, exact (O(n^2)): for
  // tests and small graphs.
  double energy() const;

 private:
  void randomStart();
  void repulseExact(std::vector<LayoutPoint>& disp) const;
  void repulseGrid(std::vector<LayoutPoint>& disp);
  void fieldsAndAttraction(std::vector<LayoutPoint>& disp, bool repulsion);
  static constexpr double kRebuild = 1e300;   // m_gridDrift that forces a rebuild
  static constexpr double kDriftShare = 0.02;  // reuse the grid below this drift (in cells)
  static constexpr double kNearDrift = 0.002;  // reuse the repulsion below this drift (in k)
  void attract(std::vector<LayoutPoint>& disp) const;
  void gravitate(std::vector<LayoutPoint>& disp) const;

  ForceLayoutOptions m_opt;
  std::vector<LayoutPoint> m_pos;
  std::vector<std::pair<Index, Index>> m_edges;
  std::vector<double> m_weights;  // empty: all 1
  std::vector<Id> m_groups;
  std::vector<int> m_groupIndex;  // dense index of each node's group, -1 for none
  int m_groupCount = 0;
  std::vector<std::uint8_t> m_pinned;  // bytes, not bits: read once per node per iteration
  // Scratch of the grid, kept between steps: positions as floats in cell order, the pyramid of
  // levels, and per node the float position and attraction.
  struct Level {
    std::vector<float> cx, cy, mass;
    std::vector<float> h;  // per cell: H (re, im) and H' (re, im) at the centroid
  };
  int m_gridLevels = 0;  // the finest level has 2^m_gridLevels cells a side (0: not chosen yet)
  double m_gridDrift = kRebuild;  // sum of the largest moves since the grid was built
  double m_nearDrift = kRebuild;  // ... since the repulsion was last computed
  double m_gridCell = 0.0, m_gridX0 = 0.0, m_gridY0 = 0.0;  // finest cell side, grid corner
  std::vector<int> m_cellStart, m_cellOfNode, m_order, m_fill;
  std::vector<float> m_fx, m_fy, m_fjx, m_fjy;
  std::vector<float> m_ffx, m_ffy;  // per node in cell order: the repulsion found
  std::vector<Level> m_levels;
  struct Float2 {
    float x = 0.0f, y = 0.0f;
  };
  std::vector<Float2> m_p2, m_a2;  // by node: position from the grid's corner, attraction
  std::vector<float> m_weightsF;
  std::vector<LayoutPoint> m_jitter;  // per node: fixed tiny direction for coincident pairs
  double m_temperature = 0.0;
  double m_lastMax = 0.0;
  int m_iterations = 0;
  bool m_settled = false;
};

}  // namespace liaison::graph
