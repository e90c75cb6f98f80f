// Shared vocabulary of liaison::graph: ids, metrics, demands, run control and the tie rule.
#pragma once

#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

namespace liaison::graph {

using Id = std::int64_t;     // stable id chosen by the caller (node or edge)
using Index = std::int32_t;  // dense internal index, 0..count-1
inline constexpr Index kNoIndex = -1;
inline constexpr double kInf = std::numeric_limits<double>::infinity();

// What a path "length" means.
//  Latency:     sum of latency minutes (edge.latency).
//  Reliability: sum of -ln(reliability); the shortest is the most reliable path (max product).
//               An edge with reliability 0 is unusable.
//  Hops:        number of edges.
enum class Metric { Latency, Reliability, Hops };

// A pair that must be able to talk, with a weight (e.g. message volume). Direction matters only
// on one-way edges: the path runs source -> target.
struct Demand {
  Id source = 0;
  Id target = 0;
  double weight = 1.0;
};

// Failed elements for what-if questions. Nodes and edges marked down in the graph are always
// treated as failed as well.
struct Failures {
  std::vector<Id> nodes;
  std::vector<Id> edges;
};

// Cancellation and progress for the heavy algorithms. `cancel` is polled between sources;
// a cancelled run leaves the algorithm with hasRun() == false. `progress` receives values in
// [0,1], called from worker threads (serialised by the algorithm, never concurrently).
struct RunControl {
  const std::atomic<bool>* cancel = nullptr;
  std::function<void(double)> progress;
  unsigned threads = 0;  // 0 = std::thread::hardware_concurrency()
};

// Tie rule for real-valued path lengths, the same as igraph's igraph_cmp_epsilon with
// IGRAPH_SHORTEST_PATH_EPSILON = 1e-10: a and b are equal when |a-b| / (|a|+|b|) < 1e-10.
// Returns -1, 0 or 1.
inline constexpr double kTieEpsilon = 1e-10;
inline int compareLengths(double a, double b) {
  if (a == b) return 0;
  const double diff = std::fabs(a - b);
  const double absSum = std::fabs(a) + std::fabs(b);
  constexpr double kMin = std::numeric_limits<double>::min();
  if (a == 0 || b == 0 || absSum < kMin) {
    if (diff < kTieEpsilon * kMin) return 0;
  } else if (diff / std::fmin(absSum, std::numeric_limits<double>::max()) < kTieEpsilon) {
    return 0;
  }
  return a < b ? -1 : 1;
}

}  // namespace liaison::graph
