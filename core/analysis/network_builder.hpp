// Turns a workspace snapshot into the engine's graph, at the level of representatives (people
// grouped by agency) or of agencies, with the one set of availability rules
// (availability.hpp) applied: what cannot carry traffic now is marked down, so no route, count
// or figure ever uses an off-duty person, a down agency, a down channel or a channel whose
// infrastructure is down.
//
// Representatives level: one node per representative (node id = representative id, group =
// agency id), down when the person is unavailable; one edge per channel (edge id = channel id,
// latency, reliability, two-way flag), down when the channel is; degraded channels keep their
// numbers and are listed in Network::degraded. A channel between two agencies is attached to
// each agency's primary contact (see primaryContact()); a channel touching an agency without any
// representative is left out (listed in Network::dropped).
// Agencies level: one node per agency (node id = group = agency id), down when the agency is
// down or none of its people is available; every channel mapped to its two agencies (channels
// inside one agency are dropped; parallel edges kept), down when the channel is down or one of
// its people is unavailable.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/analysis/availability.hpp"
#include "core/model/snapshot.hpp"
#include "graph/graph.hpp"
#include "graph/path.hpp"

namespace liaison::core {

enum class NetworkLevel { Representatives, Agencies };

struct NetworkOptions {
  NetworkLevel level = NetworkLevel::Representatives;
  FailureSet failed;  // a what-if, on top of the workspace's own state
};

// The primary contact of an agency, through whom agency-to-agency channels run: the first
// available representative (lowest id first) whose position contains "Agency Representative"
// or "Liaison" (case-insensitive), else the first available representative, else the lowest
// id. 0 when the agency has no representative. Without `availability`: on duty counts as
// available.
Id primaryContact(const Snapshot& snapshot, Id agency, const Availability* availability = nullptr);

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
  // Channels that carry traffic but degraded (their own status, or their infrastructure's).
  std::unordered_set<Id> degraded;
  // The rules the network was built with (who is out and why).
  std::shared_ptr<const Availability> availability;
};

Network buildNetwork(const Snapshot& snapshot, const NetworkOptions& options = {});

}  // namespace liaison::core
