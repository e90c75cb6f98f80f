// Turns a workspace snapshot into the engine's graph, at the level of representatives (people
// grouped by agency) or of agencies, and routes needs between groups of nodes.
//
// Representatives level: one node per representative (node id = representative id, group =
// agency id); one edge per channel (edge id = channel id, latency, reliability, two-way flag;
// down when the channel is down; degraded channels keep their numbers). Off-duty people stay
// reachable unless NetworkOptions::offDutyDown. A channel between two agencies is attached to
// each agency's primary contact (see primaryContact()); a channel touching an agency without any
// representative is left out (listed in Network::dropped).
// Agencies level: one node per agency (node id = group = agency id); every channel mapped to its
// two agencies (channels inside one agency are dropped; parallel edges kept).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/snapshot.hpp"
#include "graph/active_mask.hpp"
#include "graph/graph.hpp"
#include "graph/path.hpp"

namespace liaison::core {

enum class NetworkLevel { Representatives, Agencies };

struct NetworkOptions {
  NetworkLevel level = NetworkLevel::Representatives;
  bool offDutyDown = false;  // treat off-duty representatives as unreachable
};

// The primary contact of an agency, through whom agency-to-agency channels run: the first
// on-duty representative (lowest id first) whose position contains "Agency Representative" or
// "Liaison" (case-insensitive), else the first on-duty representative, else the lowest id.
// 0 when the agency has no representative.
Id primaryContact(const Snapshot& snapshot, Id agency);

struct Network {
  NetworkLevel level = NetworkLevel::Representatives;
  graph::Graph graph;
  // Agency id -> its node ids (ascending). Every agency of the snapshot has an entry.
  std::unordered_map<Id, std::vector<Id>> members;
  // Agency id -> primary contact (representatives level only; absent when it has nobody).
  std::unordered_map<Id, Id> primary;
  // Channels that did not become an edge (inside one agency at the agencies level, or touching
  // an agency without representatives).
  std::vector<Id> dropped;
};

Network buildNetwork(const Snapshot& snapshot, NetworkOptions options = {});

// Paths and independent paths between two groups of nodes (the representatives of two
// agencies): the best over every pair, computed once on an augmented copy of the graph with a
// super-source per group (one-way zero-latency edges to its members) and a super-sink (one-way
// edges from its members). Super edges have reliability 1 and are stripped from the paths.
class GroupRouter {
 public:
  GroupRouter(const graph::Graph& graph, const std::unordered_map<Id, std::vector<Id>>& groups);

  const graph::Graph& augmented() const { return m_aug; }
  // kNoIndex when the group is unknown or empty.
  graph::Index sourceOf(Id group) const;
  graph::Index sinkOf(Id group) const;
  // Strips the super edges from a path found on the augmented graph: a path of the real graph.
  graph::Path realPath(graph::Index superSource, const std::vector<graph::Index>& arcs,
                       graph::Metric metric) const;
  // Node-disjoint paths between two groups (people who could each carry the message).
  int independentPaths(Id groupA, Id groupB, const graph::ActiveMask& mask) const;

 private:
  const graph::Graph& m_real;
  graph::Graph m_aug;
  std::unordered_map<Id, std::pair<graph::Index, graph::Index>> m_super;
};

// The k best loop-free paths (Yen) from any node of `from` to any node of `to` under a metric,
// and the number of edge- and node-disjoint paths between the two sets (through a super-source
// and super-sink when either side has several nodes; the super edges are stripped).
struct PathAnswer {
  std::vector<graph::Path> paths;
  int edgeDisjoint = 0, nodeDisjoint = 0;
};
PathAnswer pathsBetween(const graph::Graph& graph, const std::vector<Id>& from,
                        const std::vector<Id>& to, graph::Metric metric, int k);

}  // namespace liaison::core
