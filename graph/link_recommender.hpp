// Which new links help the needs most: a greedy choice of up to k links from a candidate set,
// judged by exact re-runs of the needs engine (needs_engine.hpp), in the units the product lists.
//
// The summary of a set of needs (smaller is better, compared in this order):
//  unroutedNeeds    needs that are not reachable
//  singlePoints     distinct nodes that are a single point of failure (cutNodes) of some need
//  singlePathNeeds  reachable needs that one node or one edge can cut (cutNodes or cutEdges not
//                   empty; at the representatives' level the same as nodeDisjoint == 1)
// Greedy: each round adds the candidate whose summary is lexicographically smallest, if it is
// strictly better than the current one; ties go to the earlier candidate; at most k rounds.
// Each step's `after` is exactly what a fresh NeedsEngine run on the graph with the links chosen
// so far reports (with options.needs: failures, direction, endpointsCanFail), and step i+1's
// `before` is step i's `after`.
//
// Cost: adding a link only adds routes, so a need that is reachable without cuts (or whose Ends
// overlap) keeps having none whatever is added, and a need with an End that has no available
// member stays unreachable. Only the other needs (unreachable, or with a cut) are re-run per
// candidate, with counts capped at 2 and no paths or load. Candidates with an unknown endpoint
// are never chosen.
//
// Large networks (exactCandidates > 0): the effect of a link on the needs whose two Ends it
// joins directly (an available member of each) is known without a search: such a need with
// cuts that do not include the link's two nodes has none afterwards, an unreachable one becomes
// reachable through exactly that link (its two nodes as cut nodes when End members count,
// otherwise the link as a cut edge). That predicted summary, a lower bound of the real gain
// since a link never makes anything worse, ranks the candidates; only the best exactCandidates
// of them are run exactly, and the best exact one is chosen. Its figures are still exact.
#pragma once

#include <vector>

#include "graph/needs_engine.hpp"

namespace liaison::graph {

struct NeedsSummary {
  int unroutedNeeds = 0;
  int singlePoints = 0;     // distinct cut nodes over all demands
  int singlePathNeeds = 0;  // reachable demands with nodeDisjoint == 1
  bool operator==(const NeedsSummary&) const = default;
  bool operator<(const NeedsSummary& o) const {
    if (unroutedNeeds != o.unroutedNeeds) return unroutedNeeds < o.unroutedNeeds;
    if (singlePoints != o.singlePoints) return singlePoints < o.singlePoints;
    return singlePathNeeds < o.singlePathNeeds;
  }
};

// The summary of an engine run (it must have counts and cuts).
NeedsSummary summarize(const std::vector<NeedAnswer>& answers);

struct CandidateLink {
  Id from = 0, to = 0;
  double latency = 1.0, reliability = 0.95;
  bool twoWay = true;
};

struct RecommendOptions {
  int k = 3;
  NeedsOptions needs;  // failed, ignoreDirection, endpointsCanFail, control (threads, cancel)
  int exactCandidates = 0;  // 0: every candidate run exactly each round; n: the n best predicted
};

class LinkRecommender {
 public:
  LinkRecommender(const Graph& graph, std::vector<GroupDemand> demands,
                  std::vector<CandidateLink> candidates, RecommendOptions options = {});
  bool run();  // false when cancelled
  // The engine's answers for the demands without any candidate, when the caller has them
  // already (a run with counts and cuts on the same graph and options): run() then starts from
  // them instead of running the engine once more.
  void setInitialAnswers(std::vector<NeedAnswer> answers) { m_given = std::move(answers); }

  struct Step {
    CandidateLink link;
    NeedsSummary before, after;
  };
  NeedsSummary initial() const { return m_initial; }
  const std::vector<Step>& chosen() const { return m_chosen; }

 private:
  const Graph& m_graph;
  std::vector<GroupDemand> m_demands;
  std::vector<CandidateLink> m_candidates;
  RecommendOptions m_options;
  NeedsSummary m_initial;
  std::vector<Step> m_chosen;
  std::vector<NeedAnswer> m_given;
};

}  // namespace liaison::graph
