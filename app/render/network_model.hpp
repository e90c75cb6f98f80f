// The network view's picture of a snapshot, built once per snapshot version: one node per
// representative plus one hidden hub per agency (the cluster's centre, and its single node when
// collapsed), channels as edges between them, and the engine's overlays resolved to indices.
// No ImGui, so it is unit-testable.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/model/snapshot.hpp"

namespace liaison::app {

// Engine answers shown on the network. The shell fills it from the analysis result (see
// overlayFromAnalysis in the panel); every field may be empty.
struct NetworkOverlay {
  std::uint64_t version = 0;                         // snapshot version analysed (0: unknown)
  std::unordered_map<core::Id, double> load;         // per representative
  std::unordered_map<core::Id, double> betweenness;  // per representative
  std::vector<core::Id> bottlenecks;                 // representatives, highest load first
  std::vector<core::Id> articulation;                // representatives
  std::vector<core::Id> bridges;                     // channel ids
  std::vector<std::pair<core::Id, core::Id>> broken_needs;  // agency pairs without a path
  std::vector<core::Id> path_nodes;                         // representatives, in hop order
  std::vector<core::Id> path_edges;                         // channel ids, in hop order
  bool empty() const {
    return load.empty() && betweenness.empty() && bottlenecks.empty() && articulation.empty() &&
           bridges.empty() && broken_needs.empty() && path_nodes.empty() && path_edges.empty();
  }
};

struct NetNode {
  core::Id id = 0;     // representative id, or the agency id for a hub
  int cluster = -1;    // index into NetworkModel::clusters
  bool hub = false;    // the agency's own node
  int colour = 0;      // static_cast<int>(AgencyType)
  float degree = 0;    // channels touching it
  std::string label;   // name (representatives) or code (hubs)
  std::string search;  // lower-case "name position agency-code agency-name"
};

struct NetEdge {
  core::Id channel = 0;
  int a = 0, b = 0;  // node indices (hubs for agency-to-agency channels)
  core::Medium medium = core::Medium::Phone;
  core::ChannelStatus status = core::ChannelStatus::Up;
  bool agencyLevel = false;
};

struct NetCluster {
  core::Id agency = 0;
  int hub = 0;               // node index of the hub
  std::vector<int> members;  // node indices of its representatives
  int colour = 0;
  std::string code, name;
};

struct NetworkModel {
  std::uint64_t version = 0;
  std::vector<NetNode> nodes;  // representatives first (snapshot order), then hubs
  std::vector<NetEdge> edges;
  std::vector<NetCluster> clusters;
  std::unordered_map<core::Id, int> repIndex, agencyCluster, channelEdge;

  int nodeOfRep(core::Id id) const;
  int clusterOfAgency(core::Id id) const;
  int edgeOfChannel(core::Id id) const;
  // Edges for the force layout: every channel plus hub-to-member spokes (which hold clusters).
  std::vector<std::pair<int, int>> layoutEdges() const;
  // Attraction weight per layout edge: strong spokes, normal links inside an agency, weak links
  // between agencies (so clusters stay apart and readable).
  std::vector<double> layoutWeights() const;
  // Layout groups (agency id per node) for group gravity.
  std::vector<std::int64_t> layoutGroups() const;
};

NetworkModel buildNetworkModel(const core::Snapshot& snapshot);

enum NodeFlag : std::uint16_t {
  kNodeBottleneck = 1 << 0,
  kNodeArticulation = 1 << 1,
  kNodePath = 1 << 2,
  kNodeDown = 1 << 3,  // what-if: marked down
  kNodeSelected = 1 << 4,
  kNodeHovered = 1 << 5,
  kNodePinned = 1 << 6,
  kNodeHub = 1 << 7,  // a collapsed cluster (or an agency without representatives)
  kNodeFound = 1 << 8,
};

enum EdgeFlag : std::uint16_t {
  kEdgeBridge = 1 << 0,
  kEdgePath = 1 << 1,
  kEdgeDown = 1 << 2,      // what-if: the channel or one of its ends is marked down
  kEdgeFolded = 1 << 3,    // between folded marks: drawn plain and faint
  kEdgeAgency = 1 << 4,    // agency-to-agency channel
  kEdgeSelected = 1 << 5,  // touches the selection
};

// The overlay turned into per-index flags and values (once per overlay / what-if change).
struct ResolvedOverlay {
  std::vector<std::uint16_t> nodeFlags;          // per node (without selection/hover)
  std::vector<std::uint16_t> edgeFlags;          // per edge
  std::vector<float> load, betweenness;          // per node, 0 when unknown
  float loadMax = 0, betweennessMax = 0;         // largest values (node sizes are relative to them)
  std::vector<std::pair<int, int>> brokenNeeds;  // cluster index pairs
  std::vector<int> pathNodes;                    // node indices in hop order
  std::vector<int> pathEdges;                    // edge indices in hop order
};

ResolvedOverlay resolveOverlay(const NetworkModel& model, const NetworkOverlay& overlay,
                               const std::set<core::Id>& downReps,
                               const std::set<core::Id>& downChannels);

}  // namespace liaison::app
