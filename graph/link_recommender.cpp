#include "graph/link_recommender.hpp"

#include <algorithm>

#include "graph/demand_load.hpp"
#include "graph/need_connectivity.hpp"
#include "graph/single_points_of_failure.hpp"

namespace liaison::graph {

LinkRecommender::LinkRecommender(const Graph& graph, std::vector<Demand> needs,
                                 std::vector<CandidateLink> candidates, RecommendOptions options)
    : m_graph(graph),
      m_needs(std::move(needs)),
      m_candidates(std::move(candidates)),
      m_options(std::move(options)) {}

LinkRecommender::Score LinkRecommender::evaluate(const Graph& g, const Failures& off) const {
  Score score;
  if (m_options.objective == RecommendOptions::Objective::WorstLoad) {
    LoadOptions lo;
    lo.metric = m_options.loadMetric;
    lo.failed = off;
    lo.control.threads = 1;  // candidates are many and small; avoid thread churn
    DemandLoad load(g, m_needs, lo);
    load.run();
    score.unrouted = load.unroutedWeight();
    score.value = load.maxScore();
  } else {
    NeedConnectivity reach(g, m_needs, false, off);
    reach.run();
    for (const auto& st : reach.results())
      if (!st.reachable) score.unrouted += st.need.weight;
    SinglePointsOfFailure spof(g, m_needs, off);
    spof.run();
    for (std::size_t i = 0; i < m_needs.size(); ++i)
      score.value += m_needs[i].weight * static_cast<double>(spof.criticalNodes()[i].size());
  }
  return score;
}

void LinkRecommender::run() {
  m_chosen.clear();
  // The augmented graph: candidates become edges with fresh ids after the largest edge id.
  std::vector<EdgeSpec> edges = m_graph.edges();
  Id nextId = 0;
  for (const EdgeSpec& e : edges) nextId = std::max(nextId, e.id + 1);
  std::vector<Id> candidateIds;
  for (const CandidateLink& c : m_candidates) {
    candidateIds.push_back(nextId);
    edges.push_back({nextId++, c.from, c.to, c.latency, c.reliability, c.twoWay, false});
  }
  const Graph augmented(m_graph.nodes(), std::move(edges));
  std::vector<bool> on(m_candidates.size(), false);
  auto failures = [&](std::size_t extra) {
    Failures f = m_options.failed;
    for (std::size_t i = 0; i < on.size(); ++i)
      if (!on[i] && i != extra) f.edges.push_back(candidateIds[i]);
    return f;
  };
  m_initial = evaluate(augmented, failures(on.size()));
  Score current = m_initial;
  for (int round = 0; round < m_options.k; ++round) {
    std::size_t best = on.size();
    Score bestScore = current;
    for (std::size_t i = 0; i < on.size(); ++i) {
      if (on[i]) continue;
      const Score s = evaluate(augmented, failures(i));
      if (s < bestScore) {
        bestScore = s;
        best = i;
      }
    }
    if (best == on.size()) break;
    on[best] = true;
    m_chosen.push_back({m_candidates[best], current, bestScore});
    current = bestScore;
  }
}

}  // namespace liaison::graph
