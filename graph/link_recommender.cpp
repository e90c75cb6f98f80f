#include "graph/link_recommender.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "graph/active_mask.hpp"
#include "graph/needs_net.hpp"

namespace liaison::graph {

NeedsSummary summarize(const std::vector<NeedAnswer>& answers) {
  NeedsSummary s;
  std::set<Id> cuts;
  for (const NeedAnswer& a : answers) {
    if (!a.reachable) ++s.unroutedNeeds;
    if (a.reachable && (!a.cutNodes.empty() || !a.cutEdges.empty())) ++s.singlePathNeeds;
    cuts.insert(a.cutNodes.begin(), a.cutNodes.end());
  }
  s.singlePoints = static_cast<int>(cuts.size());
  return s;
}

LinkRecommender::LinkRecommender(const Graph& graph, std::vector<GroupDemand> demands,
                                 std::vector<CandidateLink> candidates, RecommendOptions options)
    : m_graph(graph),
      m_demands(std::move(demands)),
      m_candidates(std::move(candidates)),
      m_options(std::move(options)) {}

namespace {
// Whether an answer can still change when links are added (see the header).
bool open(const NeedAnswer& a) {
  return !a.reachable || (!a.overlap && (!a.cutNodes.empty() || !a.cutEdges.empty()));
}

bool contains(const std::vector<Id>& v, Id x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}
}  // namespace

bool LinkRecommender::run() {
  m_chosen.clear();
  m_initial = {};
  // The augmented graph: the candidates as edges with fresh ids after the largest edge id,
  // switched off through the failures until they are tried or chosen.
  std::vector<EdgeSpec> edges = m_graph.edges();
  Id nextId = 0;
  for (const EdgeSpec& e : edges) nextId = std::max(nextId, e.id + 1);
  std::vector<Id> linkId(m_candidates.size(), -1);
  for (std::size_t c = 0; c < m_candidates.size(); ++c) {
    const CandidateLink& l = m_candidates[c];
    if (m_graph.nodeIndex(l.from) == kNoIndex || m_graph.nodeIndex(l.to) == kNoIndex) continue;
    linkId[c] = nextId;
    edges.push_back({nextId++, l.from, l.to, l.latency, l.reliability, l.twoWay, false});
  }
  const Graph augmented(m_graph.nodes(), std::move(edges));
  std::vector<std::uint8_t> on(m_candidates.size(), 0);

  NeedsOptions opt = m_options.needs;
  opt.paths = opt.budgetPaths = opt.load = false;
  opt.counts = opt.cuts = true;
  opt.countCap = 2;  // the summary only tells 0, 1 and more
  auto failures = [&](std::size_t trying) {
    Failures f = m_options.needs.failed;
    for (std::size_t c = 0; c < m_candidates.size(); ++c)
      if (linkId[c] >= 0 && !on[c] && c != trying) f.edges.push_back(linkId[c]);
    return f;
  };

  // Needs with an End nobody can serve stay unreachable whatever is added.
  const ActiveMask mask(augmented, m_options.needs.failed);
  std::vector<std::uint8_t> servable(m_demands.size(), 0);
  // Each End's available members, group Ends listed once per group (not one scan of every
  // node per demand).
  std::map<Id, std::set<Id>> groupMembers;
  for (Index v = 0; v < augmented.nodeCount(); ++v)
    if (mask.nodeActive(v)) groupMembers[augmented.node(v).group].insert(augmented.node(v).id);
  auto members = [&](const End& e) {
    if (e.nodes.empty()) {
      auto it = groupMembers.find(e.group);
      return it == groupMembers.end() ? std::set<Id>{} : it->second;
    }
    std::set<Id> out;
    for (Index v : detail::endMembers(augmented, mask, e.group, e.nodes))
      out.insert(augmented.node(v).id);
    return out;
  };
  std::vector<std::set<Id>> sourceMembers(m_demands.size()), targetMembers(m_demands.size());
  for (std::size_t d = 0; d < m_demands.size(); ++d) {
    sourceMembers[d] = members(m_demands[d].source);
    targetMembers[d] = members(m_demands[d].target);
    servable[d] = !sourceMembers[d].empty() && !targetMembers[d].empty();
  }
  // The known effect of candidate c on the open needs it joins directly (see the header),
  // as a summary: from the current one, with the counts of each cut node updated only for the
  // needs the link changes (no copy of the answers).
  auto predicted = [&](std::size_t c, const std::vector<NeedAnswer>& answers,
                       const NeedsSummary& now, const std::map<Id, int>& cutCount) {
    NeedsSummary p = now;
    std::map<Id, int> change;  // cut node -> change of its count
    const CandidateLink& l = m_candidates[c];
    for (std::size_t d = 0; d < answers.size(); ++d) {
      const NeedAnswer& a = answers[d];
      if (!servable[d] || !open(a)) continue;
      const bool joins = (sourceMembers[d].count(l.from) && targetMembers[d].count(l.to)) ||
                         (l.twoWay && sourceMembers[d].count(l.to) && targetMembers[d].count(l.from));
      if (!joins) continue;
      if (a.reachable) {
        if (contains(a.cutNodes, l.from) || contains(a.cutNodes, l.to)) continue;
        for (Id v : a.cutNodes) --change[v];
        --p.singlePathNeeds;
      } else {
        --p.unroutedNeeds;
        ++p.singlePathNeeds;
        if (m_options.needs.endpointsCanFail) {
          ++change[l.from];
          ++change[l.to];
        }
      }
    }
    for (const auto& [v, delta] : change) {
      auto it = cutCount.find(v);
      const int before = it == cutCount.end() ? 0 : it->second;
      if (before == 0 && before + delta > 0) ++p.singlePoints;
      if (before > 0 && before + delta <= 0) --p.singlePoints;
    }
    return p;
  };
  std::vector<NeedAnswer> current;
  if (m_given.size() == m_demands.size()) {
    current = std::move(m_given);
  } else {
    opt.failed = failures(m_candidates.size());
    NeedsEngine first(augmented, m_demands, opt);
    if (!first.run()) return false;
    current = first.answers();
  }
  m_initial = summarize(current);
  for (int round = 0; round < m_options.k; ++round) {
    // Only the needs that a new link can change are re-run.
    std::vector<GroupDemand> openDemands;
    std::vector<std::size_t> openIndex;
    for (std::size_t d = 0; d < current.size(); ++d)
      if (servable[d] && open(current[d])) {
        openDemands.push_back(m_demands[d]);
        openIndex.push_back(d);
      }
    if (openDemands.empty()) break;
    // The other needs have no cuts and no single path: only their unreachable ones count.
    int closedUnrouted = 0;
    for (std::size_t d = 0; d < current.size(); ++d)
      if (!(servable[d] && open(current[d])) && !current[d].reachable) ++closedUnrouted;
    const NeedsSummary now = summarize(current);
    NeedsSummary best = now;
    std::size_t pick = m_candidates.size();
    std::vector<NeedAnswer> pickAnswers;
    // The candidates run exactly this round: all, or the best predicted ones.
    std::vector<std::size_t> tries;
    for (std::size_t c = 0; c < m_candidates.size(); ++c)
      if (linkId[c] >= 0 && !on[c]) tries.push_back(c);
    if (m_options.exactCandidates > 0 &&
        tries.size() > static_cast<std::size_t>(m_options.exactCandidates)) {
      std::map<Id, int> cutCount;
      for (const NeedAnswer& a : current)
        for (Id v : a.cutNodes) ++cutCount[v];
      std::vector<std::pair<NeedsSummary, std::size_t>> ranked;
      for (std::size_t c : tries) {
        const NeedsSummary p = predicted(c, current, now, cutCount);
        if (p < now) ranked.emplace_back(p, c);
      }
      std::stable_sort(ranked.begin(), ranked.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      if (ranked.size() > static_cast<std::size_t>(m_options.exactCandidates))
        ranked.resize(static_cast<std::size_t>(m_options.exactCandidates));
      tries.clear();
      for (const auto& r : ranked) tries.push_back(r.second);
      std::sort(tries.begin(), tries.end());  // ties keep going to the earlier candidate
    }
    for (std::size_t c : tries) {
      opt.failed = failures(c);
      NeedsEngine trial(augmented, openDemands, opt);
      if (!trial.run()) return false;
      NeedsSummary s = summarize(trial.answers());
      s.unroutedNeeds += closedUnrouted;
      if (s < best) {
        best = s;
        pick = c;
        pickAnswers = trial.answers();
      }
    }
    if (pick == m_candidates.size()) break;
    on[pick] = 1;
    m_chosen.push_back({m_candidates[pick], now, best});
    for (std::size_t k = 0; k < openIndex.size(); ++k) current[openIndex[k]] = pickAnswers[k];
  }
  return true;
}

}  // namespace liaison::graph
