// A force-directed layout (Fruchterman-Reingold) for drawing networks: deterministic for a seed,
// run in small steps so a worker can publish pictures as it goes, with pinned nodes and warm
// starts so that one change to the network does not make the whole picture jump.
//
// Conventions: positions are in layout units; `idealLength` is the FR constant k (the preferred
// edge length). Repulsion is exact below kExactLimit nodes and otherwise uses a uniform grid of
// about eight nodes a cell: exact between nodes in the same or adjacent cells; farther out, one
// force per pair of cells (between their centroids, mass = count) shared by the cell's members,
// so one step costs about O(72 n + (n / 8)^2 / 2) pair evaluations (G <= 40 cells a side).
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
  bool pinned(Index v) const { return m_pinned[static_cast<std::size_t>(v)]; }
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

  // The FR energy sum_edges d^3/(3k) - sum_pairs k^2 ln d + gravity terms, exact (O(n^2)): for
  // tests and small graphs.
  double energy() const;

 private:
  void randomStart();
  void repulseExact(std::vector<LayoutPoint>& disp) const;
  void repulseGrid(std::vector<LayoutPoint>& disp) const;
  void attract(std::vector<LayoutPoint>& disp) const;
  void gravitate(std::vector<LayoutPoint>& disp) const;
  double spread() const;

  ForceLayoutOptions m_opt;
  std::vector<LayoutPoint> m_pos;
  std::vector<std::pair<Index, Index>> m_edges;
  std::vector<double> m_weights;  // empty: all 1
  std::vector<Id> m_groups;
  std::vector<bool> m_pinned;
  double m_temperature = 0.0;
  double m_lastMax = 0.0;
  int m_iterations = 0;
  bool m_settled = false;
};

}  // namespace liaison::graph
