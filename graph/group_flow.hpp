// Internal: independent routes between two Ends and their single points of failure, by unit
// max-flow from a super source joined to S to a super sink joined from T. Not public API; the
// definitions are those of needs_engine.hpp.
//
// The flow network is the minimal-route network: arcs into S and arcs out of T are left out,
// and the searches start from the ports (members with an arc leaving S / entering T).
// (A flow path through S or T can be cut down to a minimal route with no more nodes or edges,
// so this changes no maximum.) Two-way edges carry one unit in either direction.
//
// Cost: known routes (the engine passes the best paths) start the flows when they are disjoint;
// each further augmenting path is found by a bidirectional breadth-first search (from S forwards
// and from T backwards over the residual network, the smaller frontier first), which meets
// quickly on well-connected networks; the final, failing search stops as soon as one side is
// exhausted, so it costs the smaller side of the cut. Counts stop at a cap and at simple upper
// bounds (the usable arcs and distinct neighbours out of S and into T), which often spares the
// failing search altogether.
//
// Cuts: a node (edge) lies on every route iff no route bypasses it. Along one route
// P = sigma, p1..pk, tau, a search from each position a over nodes off P finds far(a), the
// furthest position it reaches (without the arc of P that leaves p_a); p_i is on every route
// iff no far(a) with a < i passes i, and the edge p_i -> p_(i+1) iff none with a <= i does. The
// same sweep runs backwards from tau; the two sweeps alternate and stop when they have
// classified every position or when they meet (a node seen by both, or one reaching a
// position the other has still to do): then every position between them is bypassed. So
// the sweep costs about the two smaller regions at the ends, not the well-connected middle.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/needs_net.hpp"

namespace liaison::graph::detail {

class GroupFlow {
 public:
  explicit GroupFlow(const NeedsNet& net);

  // A known minimal route: its first node and arcs.
  struct Seed {
    Index source = kNoIndex;
    std::vector<Index> arcs;
  };
  struct Request {
    bool endpointsCanFail = true;
    int cap = 0;  // counts stop here (0: none)
    bool cutNodes = false, cutEdges = false;
    // Routes already known (the best paths): those disjoint from the ones before them start the
    // flows, sparing their augmenting searches.
    const std::vector<Seed>* seeds = nullptr;
  };
  struct Result {
    int edgeDisjoint = 0, nodeDisjoint = 0;
    std::vector<Index> cutNodes, cutEdges;  // node / edge indices, ascending
  };
  // S and T: the available members, disjoint and not empty; marks must be set to them.
  void solve(const std::vector<Index>& sources, const std::vector<Index>& targets,
             const EndMarks& marks, const Request& request, Result& result);

 private:
  int edgeFlow(const std::vector<Index>& sources, const std::vector<Index>& targets, int limit,
               const std::vector<Seed>* seeds);
  int nodeFlow(const std::vector<Index>& sources, const std::vector<Index>& targets, int limit,
               const std::vector<Seed>* seeds);
  void resetFlow();
  void cutSweep(const std::vector<Index>& sources, const std::vector<Index>& targets, Index start,
                const std::vector<Index>& arcs, bool wantNodes, bool wantEdges, Result& result);

  // Residual tests for the edge flow at entry i of a node, for arc `arc` leaving (out) or
  // entering (in) it.
  bool residualOut(Index i, Index arc) const;
  bool residualIn(Index i, Index arc) const;
  bool capacitated(Index v) const { return m_epcf || (!m_marks->isS(v) && !m_marks->isT(v)); }
  bool directArc(Index from, Index to) const {
    return !m_epcf && m_marks->isS(from) && m_marks->isT(to);
  }

  const NeedsNet& m_net;
  const EndMarks* m_marks = nullptr;
  bool m_epcf = true;
  // Searches: stamps per node (edge flow) or per node state 2v / 2v+1 (node flow).
  std::vector<std::uint32_t> m_fSeen, m_bSeen;
  std::uint32_t m_stamp = 0;
  std::vector<Index> m_fParent, m_fArc, m_bNext, m_bArc, m_fQueue, m_bQueue;
  // Edge flow: net flow from -> to per edge (-1, 0, 1). Node flow: arcs used, nodes used.
  std::vector<signed char> m_flow;
  std::vector<std::uint8_t> m_used, m_through;
  std::vector<Index> m_touchedEdges, m_touchedArcs, m_touchedNodes;
  // The first augmenting path of the last flow: its first node and arcs (a minimal route).
  Index m_pathStart = kNoIndex;
  std::vector<Index> m_pathArcs;
  // Cut sweep: position of each node of the route.
  std::vector<std::uint32_t> m_onPath;
  std::vector<Index> m_position;
  std::vector<std::uint32_t> m_edgeTaken;  // seeds: stamp per edge
  std::vector<Index> m_sPorts, m_tPorts;   // members with an arc leaving S / entering T
};

}  // namespace liaison::graph::detail
