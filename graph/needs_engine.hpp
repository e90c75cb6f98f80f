// The needs engine: for every demand between two groups of nodes (two agencies, or one person
// and an agency, or two people), the best paths, the number of independent paths, the single
// points of failure, and the demand-weighted load, in one batched run. The product
// (core::analyze), the command line, the panels, the wall and bench/engine_peer all call this.
//
// Ends. A demand joins two Ends. An End is either a group (NodeSpec::group: "reaching the
// agency" means reaching any of its available members) or an explicit list of node ids (one
// person). Unknown ids and unavailable (down or failed) nodes are not members. An End with no
// available member makes the demand unreachable.
//
// Overlapping Ends. When the two Ends share an available node (possible with explicit node
// lists) the demand is trivially met: reachable and overlap are true, every path (and the budget
// path, when 0 meets the budget) is the zero-hop path at the shared node of smallest index, the
// counts are 0 (as DisjointPaths for source == target), there are no cuts and no load.
// RouteAlternatives returns that one path.
//
// Paths (minimal routes). A route runs from an available member of the source End to an
// available member of the target End, along edge directions (two-way edges both ways; one-way
// edges forward only) unless ignoreDirection. A route touches the source End only at its first
// node and the target End only at its last node: once any member of the target agency is
// reached the agency is reached, so "...-> H2 -> H1" inside the target agency is never a route.
// (A person End is just that one node, so a route may pass through colleagues of a person End.)
// Routes never repeat a node; self-loops never lie on one; failed and down elements are not used.
//  fastest       least total latency (minutes)
//  mostReliable  greatest product of reliabilities (least sum of -ln r). As Metric::Reliability,
//                a reliability-0 edge is unusable here (and for the budget path), while it is a
//                channel like any other for reachability, latency, hops, counts and cuts: a
//                demand whose every route crosses one is reachable with mostReliable.found false.
//  fewestHops    fewest edges; ties broken by lower latency
//  reliableWithinBudget  the most reliable route whose latency meets latencyBudget, exact (a
//                resource-constrained shortest path); found == false when no route meets the
//                budget. A latency meets the budget when compareLengths(latency, budget) <= 0
//                (latency summed hop by hop, as Path::latency). Equals mostReliable when that one
//                meets the budget. Path::length is -ln of its reliability.
// Latency-0 edges are fine everywhere. Ties between equal lengths are broken deterministically.
//
// Independent paths (Menger, by max-flow over a super source joined to every available source
// member and a super sink joined from every available target member):
//  edgeDisjoint  the most routes that share no edge (channel). Parallel edges count separately.
//  nodeDisjoint  the most routes that share no node. A member of either End counts like any other
//                node (capacity 1): an agency reachable only through one person has 1. With
//                endpointsCanFail == false (the agencies level, where each End is one node) the
//                End nodes are not capacitated: routes may share End members but no other node,
//                and direct source-target edges count as one route per pair of members they join
//                (one route for a single pair, however many parallel edges, as DisjointPaths).
//  Counting only minimal routes changes no maximum: a flow path through S or T cut down to its
//  last S node and first T node after it is a minimal route with no more nodes or edges.
//  Always nodeDisjoint <= edgeDisjoint. With countCap > 0 both counts stop at countCap: a count
//  equal to countCap is a lower bound, below it exact; countsAtLeast is true when edgeDisjoint
//  reached countCap (nodeDisjoint can only reach it then). With counts == false both stay 0.
//  Worked example: A = {a1, a2}, B = {b1}; edges a1-x, a2-x, x-b1, a2-b1. Routes: a1-x-b1,
//  a2-x-b1, a2-b1. edgeDisjoint = 2 (a1-x-b1, a2-b1); nodeDisjoint = 1 (every route ends at b1,
//  the only member of B): b1 is the single point of failure.
//
// Single points of failure (ids ascending; cuts are exact whatever countCap):
//  cutNodes  nodes whose loss alone leaves no route (exactly the nodes lying on every route;
//            End members included when endpointsCanFail, never otherwise). Empty when
//            nodeDisjoint >= 2 or when unreachable.
//  cutEdges  edges whose loss alone leaves no route (on every route). Empty when
//            edgeDisjoint >= 2 or when unreachable.
//
// Load: demand-weighted betweenness over the demands (see demand_load.hpp), each demand routed
// between its two Ends over the minimal routes that are shortest under loadMetric (fewest hops
// by default), split evenly over equally short routes; routes are told apart as edge sequences
// (parallel edges are distinct routes, as betweenness.hpp), and lengths tie as there
// (compareLengths on distances offset by 1). End members carry no load for their own demand.
// A weighted loadMetric needs lengths > 0, as weighted betweenness does: over zero-length edges
// (latency 0, reliability 1) "the shortest routes" include ones that differ by zero-length
// detours, and the split follows the search order instead of counting them. load() and
// edgeLoad() stay 0 when options.load is false.
// unroutedWeight() sums the weights of the demands the load could not route: the unreachable
// ones, and (loadMetric Reliability only) those whose every route crosses a reliability-0 edge.
// With options.load false, the unreachable ones.
//
// What to compute: paths, budgetPaths, counts, cuts and load switch the parts on and off;
// reachable is always set. Cuts without counts still run the flows (capped at 2).
//
// Cost. Per source End with fewer than 12 target Ends, a bidirectional search per pair of Ends
// and metric (the side with the smaller frontier first); from 12 target Ends on, one search per
// metric from the source End serves them all. Hop-count load per pair by a layered bidirectional
// count (weighted load: one Brandes search per source End). Budget paths only where the most
// reliable route misses the budget and the fastest meets it: Lagrangian rounds, then an exact
// bidirectional label search (budget_path.hpp). Counts: unit max-flows seeded with the best
// paths, bidirectional augmenting searches, stopped by cheap upper bounds and countCap; cuts by
// a two-ended sweep along one route (group_flow.hpp). So most parts cost two balls of half a
// route's length, and the run grows about linearly with the number of demands. Parallel over
// source Ends, then over demands (RunControl::threads); the same answers and, bit for bit, the
// same load whatever the number of threads; cancellable (run() returns false and answers() is
// empty); progress in [0, 1], never decreasing.
#pragma once

#include <vector>

#include "graph/path.hpp"

namespace liaison::graph {

struct End {
  Id group = 0;            // used when nodes is empty
  std::vector<Id> nodes;   // explicit members (e.g. one person)
  static End ofGroup(Id g) { return End{g, {}}; }
  static End ofNodes(std::vector<Id> n) { return End{0, std::move(n)}; }
  static End ofNode(Id n) { return End{0, {n}}; }
};

struct GroupDemand {
  Id id = 0;  // the caller's id (e.g. the need id), echoed in NeedAnswer
  End source, target;
  double latencyBudget = kInf;  // minutes; for reliableWithinBudget
  double weight = 1.0;          // for load and unroutedWeight
};

struct NeedsOptions {
  Failures failed;  // on top of the graph's own down flags
  bool ignoreDirection = false;
  bool endpointsCanFail = true;
  int countCap = 0;  // 0: exact counts
  // What to compute (everything by default).
  bool paths = true;
  bool budgetPaths = true;
  bool counts = true;
  bool cuts = true;
  bool load = true;
  Metric loadMetric = Metric::Hops;
  RunControl control;
};

struct NeedAnswer {
  Id id = 0;
  bool reachable = false;
  bool overlap = false;  // the Ends share an available node (see "Overlapping Ends")
  Path fastest, mostReliable, fewestHops;
  Path reliableWithinBudget;
  int edgeDisjoint = 0, nodeDisjoint = 0;
  bool countsAtLeast = false;
  std::vector<Id> cutNodes;  // ascending id
  std::vector<Id> cutEdges;  // ascending id
};

class NeedsEngine {
 public:
  NeedsEngine(const Graph& graph, std::vector<GroupDemand> demands, NeedsOptions options = {});
  bool run();  // false when cancelled

  const std::vector<NeedAnswer>& answers() const { return m_answers; }  // in demand order
  const std::vector<double>& load() const { return m_load; }            // by node index
  const std::vector<double>& edgeLoad() const { return m_edgeLoad; }    // by edge index
  double unroutedWeight() const { return m_unrouted; }

 private:
  const Graph& m_graph;
  std::vector<GroupDemand> m_demands;
  NeedsOptions m_options;
  std::vector<NeedAnswer> m_answers;
  std::vector<double> m_load, m_edgeLoad;
  double m_unrouted = 0.0;
};

// The k best distinct minimal routes between two Ends under a metric, best first (Yen's
// algorithm on minimal routes, with a virtual source before S so that a route may deviate at its
// first node). Two routes are the same when they visit the same sequence of nodes: a parallel
// channel between the same two people is not an alternative (each hop uses the best of its
// parallel edges: least length under the metric, then least latency, then lowest edge index; a
// route's length is the sum of its hops'). Equal lengths keep the order they were found in.
// With Metric::Reliability, reliability-0 edges are unusable. exhausted() is true when fewer than
// k distinct routes exist (k <= 0: no paths, not exhausted). Overlapping Ends: the zero-hop path
// only. Cost: about k times the route length spur searches, each a Dijkstra stopped at T.
class RouteAlternatives {
 public:
  RouteAlternatives(const Graph& graph, End source, End target, int k,
                    Metric metric = Metric::Latency, bool ignoreDirection = false,
                    Failures failed = {});
  void run();
  const std::vector<Path>& paths() const { return m_paths; }
  bool exhausted() const { return m_exhausted; }

 private:
  const Graph& m_graph;
  End m_source, m_target;
  int m_k;
  Metric m_metric;
  bool m_ignoreDirection;
  Failures m_failed;
  std::vector<Path> m_paths;
  bool m_exhausted = false;
};

}  // namespace liaison::graph
