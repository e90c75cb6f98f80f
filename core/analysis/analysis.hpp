// The full analysis of a workspace snapshot, as a plain value the UI and the command line read:
// per person (or agency) measures, the state and best routes of every need, its independent
// paths and single points of failure, bottlenecks, brokerage roles and recommended new links;
// plus what-if questions and paths between any two agencies or people.
//
// One engine answers all of it: graph/needs_engine.hpp, on the network that the one set of
// availability rules builds (availability.hpp, network_builder.hpp), so off-duty people, down
// agencies, down channels and down infrastructure never carry a route, a count or a figure.
//
// Needs are between agencies: "reaching an agency" means reaching any of its available people.
// A need's routes run from agency_a to agency_b along channel directions. Its state, worst
// first (each judged against its service level, need_policy.hpp):
//   broken       no working route;
//   single path  one person or one channel can cut it (its singlePoints or singleChannels are
//                not empty); a person of either agency counts like any other (an agency reached
//                only through one person has one path), except at the agencies level, where a
//                need's own agencies are never its single points of failure;
//   degraded     the recommended route (the most reliable one within the latency budget, else
//                the fastest) runs over a degraded channel or falls below the reliability floor;
//   slow         even the fastest route is over the latency budget;
//   ok.
// Betweenness is unweighted, along channel directions, raw (igraph's convention). Load is the
// engine's demand-weighted load over the needs (fewest hops, group to group). Articulation
// points and bridges ignore direction.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis/need_policy.hpp"
#include "core/analysis/network_builder.hpp"
#include "graph/brokerage.hpp"

namespace liaison::core {

struct AnalysisOptions {
  NetworkOptions network;
  std::size_t topCount = 10;  // bottlenecks kept
  int recommendations = 3;    // new links proposed (0 = skip)
  std::size_t maxCandidates = 60;
  // Independent paths are counted exactly up to this many nodes; above it the counts stop at
  // countCapAbove (NeedResult::countsAtLeast says so).
  int exactCountsUpTo = 20000;
  int countCapAbove = 4;
  // All-pairs betweenness (Brandes over every node) is a separate, optional measure; the full
  // analysis proper is needs + load + single points of failure. Unset: computed only up to
  // allPairsBetweennessUpTo nodes (AnalysisResult::betweennessSkipped says when it was not);
  // true / false: always / never.
  std::optional<bool> allPairsBetweenness;
  int allPairsBetweennessUpTo = 1000;
  graph::RunControl control;  // cancel flag and progress (0..1)
};

enum class NeedState { Ok, Slow, Degraded, SinglePath, Broken };
const char* toString(NeedState s);

// A path explained in domain words. steps[i] explains hop i.
struct ExplainedPath {
  graph::Path path;  // path.found == false: no path
  std::vector<std::string> steps;
  std::string sentence;  // "call X on phone 555-0142 (2 min, 0.95), who relays to Y ..."
  std::vector<Id> degradedChannels;  // hops over a degraded channel
};

struct NeedResult {
  Id need = 0, agency_a = 0, agency_b = 0;
  Priority priority = Priority::Normal;
  std::string reason;
  ServiceLevel level;  // the budget and floor it was judged against
  NeedState state = NeedState::Broken;
  // fastest, most reliable (no budget), most reliable within the latency budget, fewest hops;
  // recommended: the one to use (within budget when one is, else the fastest).
  ExplainedPath fastest, reliable, reliableInBudget, fewestHops, recommended;
  int edgeDisjoint = 0, nodeDisjoint = 0;  // independent paths between the two agencies
  int independentPaths = 0;                // = nodeDisjoint
  bool countsAtLeast = false;              // the counts are lower bounds (large networks)
  std::vector<Id> singlePoints;    // nodes whose loss alone cuts the need
  std::vector<Id> singleChannels;  // channels whose loss alone cuts the need
  std::string why;                 // one sentence: why this state
};

struct NodeResult {
  Id id = 0;  // representative id (or agency id at the agencies level)
  Id agency = 0;
  std::string name;  // "Nadia Ellsworth (TCEMA Duty Officer)" or the agency code
  int degreeIn = 0, degreeOut = 0, degree = 0;
  double betweenness = 0.0;
  double load = 0.0;
  bool articulationPoint = false;
  bool available = true;  // can carry traffic now (availability.hpp)
  graph::BrokerageRoles brokerage;
};

struct Bottleneck {
  Id node = 0;
  double load = 0.0;
  double betweenness = 0.0;
  std::vector<Id> needs;  // needs whose fewest-hop route runs through this node
};

struct SinglePoint {
  Id node = 0;
  std::vector<Id> needs;  // the needs its loss cuts
};

struct LinkSuggestion {
  Id from = 0, to = 0;  // nodes (people, or agencies at the agencies level)
  Medium medium = Medium::Phone;
  std::string identifier;  // a shared talkgroup or line, when there is one
  double latency = 1.0, reliability = 0.95;
  std::string text;  // "link A (X) and B (Y) by radio on TG 2104 (1 min, 0.97)"
  // Exact figures of a fresh analysis before and after adding the link, in the units of the
  // lists beside them: needs without a route, single points of failure, single-path needs.
  int unroutedBefore = 0, unroutedAfter = 0;
  int spofBefore = 0, spofAfter = 0;
  int singlePathBefore = 0, singlePathAfter = 0;
};

// Whether two agencies that share an open task but have no recorded need can reach each other
// (both ways), by the same engine: what "coordination at risk" on the task board asks.
struct PairReach {
  Id a = 0, b = 0;  // a < b
  bool reachable = false;
};

struct AnalysisResult {
  std::uint64_t version = 0;  // Snapshot::version analysed
  NetworkLevel level = NetworkLevel::Representatives;
  std::vector<NodeResult> nodes;       // in snapshot order
  std::vector<Id> articulationPoints;  // node ids
  std::vector<Id> bridges;             // channel ids
  int weakComponents = 0, strongComponents = 0;
  std::vector<NeedResult> needs;          // in snapshot order
  std::vector<Bottleneck> bottlenecks;    // highest load first
  std::vector<SinglePoint> singlePoints;  // most needs cut first
  std::vector<LinkSuggestion> recommendations;
  std::vector<PairReach> taskPairs;  // sorted by (a, b)
  std::vector<Id> droppedChannels;
  std::vector<Id> channelsDown, channelsDegraded;  // effective, from the availability rules
  std::vector<Id> infrastructureDown;
  std::vector<Id> peopleOut;  // representatives who carry no traffic now
  bool betweennessSkipped = false;  // true: NodeResult/Bottleneck betweenness left 0
  double seconds = 0.0;             // wall time of the analysis
  // Wall time per phase, in order ("network", "needs", "betweenness", ...), for benchmarks.
  std::vector<std::pair<std::string, double>> phases;
  bool cancelled = false;

  const NodeResult* node(Id id) const;
  const NeedResult* need(Id id) const;
  int count(NeedState s) const;
  const PairReach* taskPair(Id a, Id b) const;  // either order; nullptr when not asked
};

// Throws nothing for ordinary data; a cancelled run returns a result with cancelled == true.
AnalysisResult analyze(const Snapshot& snapshot, const AnalysisOptions& options = {});

// ---- what-if ---------------------------------------------------------------------------------

struct NeedImpact {
  Id need = 0;
  NeedState before = NeedState::Ok, after = NeedState::Ok;
  double latencyBefore = graph::kInf, latencyAfter = graph::kInf;  // fastest route
  double reliabilityBefore = 0, reliabilityAfter = 0;  // recommended route
  int pathsBefore = 0, pathsAfter = 0;                 // node-disjoint
  ExplainedPath detour;  // the recommended route after the failure
  bool broken() const { return before != NeedState::Broken && after == NeedState::Broken; }
  bool degraded() const;  // slower, less reliable, fewer independent paths or a worse state
};

struct WhatIfResult {
  std::uint64_t version = 0;
  FailureSet failed;
  std::string failedWords;  // describeFailures()
  // Only the needs whose figures changed (state, latency, reliability or independent paths),
  // broken first.
  std::vector<NeedImpact> needs;
  int unchanged = 0;  // needs whose figures did not change
  std::vector<Bottleneck> topBefore, topAfter;
  Availability::ZoneContents inZones;  // what the failed zones hold
  std::vector<Id> channelsLost;        // channels that carry traffic before and not after
  std::vector<Id> peopleLost;          // people likewise
  std::vector<PairReach> taskPairsAfter;  // as AnalysisResult::taskPairs, after the failure
  bool cancelled = false;
};

WhatIfResult whatIf(const Snapshot& snapshot, const FailureSet& failed,
                    const AnalysisOptions& options = {});

// ---- any two agencies or people -------------------------------------------------------------

// One end of a path question: an agency (any of its people) or one representative.
struct Endpoint {
  EntityKind kind = EntityKind::Agency;  // Agency or Representative
  Id id = 0;
  bool operator==(const Endpoint&) const = default;
};

struct PairQuery {
  Endpoint from, to;
  int alternatives = 3;  // distinct fastest routes listed, the first being the fastest
  // Latency budget for the most reliable route; unset: the recorded need's between two
  // agencies, else none.
  std::optional<double> latencyBudget;
  bool operator==(const PairQuery&) const = default;
};

struct PairResult {
  std::uint64_t version = 0;
  PairQuery query;
  ExplainedPath fastest, reliable, fewestHops;  // path.found == false: no working path
  ExplainedPath reliableInBudget;               // when a budget applies
  std::optional<double> budget;
  std::vector<ExplainedPath> alternatives;  // the k fastest distinct routes
  bool fewerAlternatives = false;           // fewer than k distinct routes exist
  int edgeDisjoint = 0, nodeDisjoint = 0;   // independent paths between the two ends
  std::vector<Id> singlePoints, singleChannels;
  std::string error;  // unknown agency or person (nothing computed)
};

// Paths between any two agencies or people of the snapshot (not only recorded needs), with the
// network options of `options` (level, what-if). Directions are followed as recorded.
PairResult pairPaths(const Snapshot& snapshot, const PairQuery& query,
                     const AnalysisOptions& options = {});

// Human words for a node (representative "Name (Position)" or agency code).
std::string describeNode(const Snapshot& snapshot, NetworkLevel level, Id node);

}  // namespace liaison::core
