// Which new links would help most: a greedy choice of up to k links from a candidate set
// (for example, representatives of the agencies in a need).
//
// Objectives (both lexicographic, smaller is better, first the weight of needs without any
// path, so that connecting a cut-off need always comes first):
//  WorstLoad:              (unrouted need weight, highest demand-weighted load of any node)
//  SinglePointsOfFailure:  (unrouted need weight, sum over needs of weight x number of nodes
//                           whose loss alone cuts that need; see single_points_of_failure.hpp)
// Greedy: each round adds the candidate that gives the best objective; stops early when no
// candidate improves it. Ties go to the earlier candidate. Evaluation uses one augmented copy of
// the graph (candidates as extra edges, switched on through the failure mask), built once.
#pragma once

#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

struct CandidateLink {
  Id from = 0;
  Id to = 0;
  double latency = 1.0;
  double reliability = 1.0;
  bool twoWay = true;
};

struct RecommendOptions {
  enum class Objective { WorstLoad, SinglePointsOfFailure };
  Objective objective = Objective::WorstLoad;
  int k = 1;
  Metric loadMetric = Metric::Hops;
  Failures failed;
};

class LinkRecommender {
 public:
  LinkRecommender(const Graph& graph, std::vector<Demand> needs,
                  std::vector<CandidateLink> candidates, RecommendOptions options = {});
  void run();

  struct Score {
    double unrouted = 0.0;
    double value = 0.0;  // worst load, or weighted count of single points of failure
    bool operator<(const Score& o) const {
      return unrouted != o.unrouted ? unrouted < o.unrouted : value < o.value;
    }
  };
  struct Step {
    CandidateLink link;
    Score before, after;
  };
  Score initial() const { return m_initial; }
  const std::vector<Step>& chosen() const { return m_chosen; }

 private:
  Score evaluate(const Graph& g, const Failures& off) const;

  const Graph& m_graph;
  std::vector<Demand> m_needs;
  std::vector<CandidateLink> m_candidates;
  RecommendOptions m_options;
  Score m_initial;
  std::vector<Step> m_chosen;
};

}  // namespace liaison::graph
