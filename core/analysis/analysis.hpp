// The full analysis of a workspace snapshot, as a plain value the UI and the command line read:
// per person (or agency) measures, single points of failure, the state and best paths of every
// need, bottlenecks, brokerage roles and recommended new links; plus what-if questions.
//
// Needs are between agencies. At the representatives level a need's best path is the best over
// every pair (a representative of A, a representative of B), and its independent paths are the
// node-disjoint paths between the two groups (see GroupRouter). A need is
//   broken       no working path (or an agency without representatives),
//   single path  exactly one independent path (one person or channel can cut it),
//   slow         its fastest path takes longer than AnalysisOptions::slowMinutes (15 min),
//   ok           otherwise. Broken beats single path beats slow.
// Betweenness is unweighted, along channel directions, raw (igraph's convention). Load is the
// engine's DemandLoad (fewest hops) over one demand per need: its fewest-hop representative pair.
// Articulation points, bridges and single points of failure ignore direction; down channels
// (and off-duty people when asked) are left out everywhere.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis/network_builder.hpp"
#include "graph/brokerage.hpp"

namespace liaison::core {

struct AnalysisOptions {
  NetworkOptions network;
  double slowMinutes = 15.0;
  std::size_t topCount = 10;  // bottlenecks kept
  int recommendations = 3;    // new links proposed (0 = skip)
  std::size_t maxCandidates = 40;
  // Independent paths are counted exactly (max-flow per need) up to this many nodes; above it
  // the count is a bound from the single points of failure: 1 when one node cuts the need,
  // else "2 or more" (NeedResult::independentPathsAtLeast).
  int exactIndependentPathsUpTo = 2000;
  // All-pairs betweenness (Brandes over every node) is a separate, optional measure; the full
  // analysis proper is needs + load + single points of failure. Unset: computed only up to
  // allPairsBetweennessUpTo nodes (AnalysisResult::betweennessSkipped says when it was not);
  // true / false: always / never.
  std::optional<bool> allPairsBetweenness;
  int allPairsBetweennessUpTo = 1000;
  graph::RunControl control;  // cancel flag and progress (0..1)
};

enum class NeedState { Ok, Slow, SinglePath, Broken };
const char* toString(NeedState s);

// A path explained in domain words. steps[i] explains hop i.
struct ExplainedPath {
  graph::Path path;  // path.found == false: no path
  std::vector<std::string> steps;
  std::string sentence;  // "call X on phone 555-0142 (2 min, 0.95), who relays to Y ..."
};

struct NeedResult {
  Id need = 0, agency_a = 0, agency_b = 0;
  Priority priority = Priority::Normal;
  std::string reason;
  NeedState state = NeedState::Broken;
  ExplainedPath fastest, reliable, fewestHops;
  int independentPaths = 0;              // node-disjoint, between the two groups
  bool independentPathsAtLeast = false;  // true: a lower bound (large networks, see options)
  std::vector<Id> singlePoints;  // nodes whose loss alone cuts this need (direction ignored)
};

struct NodeResult {
  Id id = 0;  // representative id (or agency id at the agencies level)
  Id agency = 0;
  std::string name;  // "Nadia Ellsworth (TCEMA Duty Officer)" or the agency code
  int degreeIn = 0, degreeOut = 0, degree = 0;
  double betweenness = 0.0;
  double load = 0.0;
  bool articulationPoint = false;
  graph::BrokerageRoles brokerage;
};

struct Bottleneck {
  Id node = 0;
  double load = 0.0;
  double betweenness = 0.0;
  std::vector<Id> needs;  // needs whose fewest-hop path runs through this node
};

struct SinglePoint {
  Id node = 0;
  std::vector<Id> needs;  // the needs its loss cuts
};

struct LinkSuggestion {
  Id from = 0, to = 0;
  std::string text;  // "link A (X) and B (Y)"
  double unroutedBefore = 0, unroutedAfter = 0;
  double valueBefore = 0, valueAfter = 0;  // weighted count of single points of failure
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
  std::vector<Id> droppedChannels;
  bool betweennessSkipped = false;  // true: NodeResult/Bottleneck betweenness left 0
  double seconds = 0.0;             // wall time of the analysis
  // Wall time per phase, in order ("network", "needs", "betweenness", ...), for benchmarks.
  std::vector<std::pair<std::string, double>> phases;
  bool cancelled = false;

  const NodeResult* node(Id id) const;
  const NeedResult* need(Id id) const;
};

// Throws nothing for ordinary data; a cancelled run returns a result with cancelled == true.
AnalysisResult analyze(const Snapshot& snapshot, const AnalysisOptions& options = {});

// ---- what-if ---------------------------------------------------------------------------------

struct FailureSet {
  std::vector<Id> representatives;
  std::vector<Id> agencies;  // all of their representatives (at the agencies level: the node)
  std::vector<Id> channels;
  bool empty() const { return representatives.empty() && agencies.empty() && channels.empty(); }
};

struct NeedImpact {
  Id need = 0;
  NeedState before = NeedState::Ok, after = NeedState::Ok;
  double latencyBefore = graph::kInf, latencyAfter = graph::kInf;
  double reliabilityBefore = 0, reliabilityAfter = 0;
  ExplainedPath detour;  // the fastest path after the failure
  bool broken() const { return before != NeedState::Broken && after == NeedState::Broken; }
  bool degraded() const;  // slower, less reliable, or fewer independent paths
};

struct WhatIfResult {
  std::uint64_t version = 0;
  FailureSet failed;
  std::vector<NeedImpact> needs;  // every need, in snapshot order
  std::vector<Bottleneck> topBefore, topAfter;
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
  int alternatives = 3;  // fastest paths listed (Yen), the first being the fastest
  bool operator==(const PairQuery&) const = default;
};

struct PairResult {
  std::uint64_t version = 0;
  PairQuery query;
  ExplainedPath fastest, reliable, fewestHops;  // path.found == false: no working path
  std::vector<ExplainedPath> alternatives;      // the k fastest loop-free paths
  int edgeDisjoint = 0, nodeDisjoint = 0;       // independent paths between the two ends
  std::string error;                            // unknown agency or person (nothing computed)
};

// Paths between any two agencies or people of the snapshot (not only recorded needs), with the
// network options of `options` (level, off-duty). Directions are followed as recorded.
PairResult pairPaths(const Snapshot& snapshot, const PairQuery& query,
                     const AnalysisOptions& options = {});

// Human words for a node (representative "Name (Position)" or agency code) and a channel hop.
std::string describeNode(const Snapshot& snapshot, NetworkLevel level, Id node);

}  // namespace liaison::core
