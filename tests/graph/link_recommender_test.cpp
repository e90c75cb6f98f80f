// The link recommender: a hand-checked greedy run, and on random graphs its figures against
// fresh needs-engine runs on graphs with the links added (the before/after figures are exact
// re-runs), and its choices against trying every candidate with fresh runs.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "graph/link_recommender.hpp"
#include "test_helpers.hpp"

using namespace liaison::graph;
using liaison::graph::test::makeGraph;

namespace {

NeedsSummary freshSummary(const Graph& base, const std::vector<CandidateLink>& links,
                          const std::vector<GroupDemand>& demands, const NeedsOptions& options) {
  std::vector<EdgeSpec> edges = base.edges();
  Id next = 0;
  for (const EdgeSpec& e : edges) next = std::max(next, e.id + 1);
  for (const CandidateLink& l : links)
    edges.push_back({next++, l.from, l.to, l.latency, l.reliability, l.twoWay, false});
  const Graph g(base.nodes(), edges);
  NeedsEngine engine(g, demands, options);
  REQUIRE(engine.run());
  return summarize(engine.answers());
}

}  // namespace

TEST_CASE("recommend: connect the cut-off need first, then remove single points of failure",
          "[graph][recommend]") {
  // 0-1-2 and 3-4. Needs 0 -> 2 (cut point 1) and 0 -> 4 (cut off).
  const Graph g = makeGraph(5, {{0, 1}, {1, 2}, {3, 4}});
  const std::vector<GroupDemand> needs{{0, End::ofNode(0), End::ofNode(2)},
                                       {1, End::ofNode(0), End::ofNode(4)}};
  RecommendOptions o;
  o.needs.endpointsCanFail = false;  // the people themselves are not the risk
  const std::vector<CandidateLink> candidates{{0, 2}, {2, 3}, {0, 3}};
  LinkRecommender r(g, needs, candidates, o);
  REQUIRE(r.run());
  CHECK(r.initial() == NeedsSummary{1, 1, 1});
  REQUIRE(r.chosen().size() == 2);
  // 0-3 connects 0 -> 4 with one cut point (3) where 2-3 would leave three (1, 2, 3).
  CHECK(r.chosen()[0].link.from == 0);
  CHECK(r.chosen()[0].link.to == 3);
  CHECK(r.chosen()[0].before == NeedsSummary{1, 1, 1});
  CHECK(r.chosen()[0].after == NeedsSummary{0, 2, 2});
  // Then 0-2 and 2-3 both leave {0, 1, 1}: the earlier candidate wins. Nothing improves after.
  CHECK(r.chosen()[1].link.to == 2);
  CHECK(r.chosen()[1].before == r.chosen()[0].after);
  CHECK(r.chosen()[1].after == NeedsSummary{0, 1, 1});
}

TEST_CASE("recommend: nothing to choose, unknown endpoints, an End nobody can serve",
          "[graph][recommend]") {
  const Graph g = makeGraph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}}, true, {1, 1, 2, 2});
  LinkRecommender none(g, {{0, End::ofGroup(1), End::ofGroup(2)}}, {{0, 99}, {5, 6}});
  REQUIRE(none.run());
  CHECK(none.chosen().empty());
  RecommendOptions o;
  o.needs.failed.nodes = {0, 1};  // group 1 entirely unavailable
  LinkRecommender cutOff(g, {{0, End::ofGroup(1), End::ofGroup(2)}}, {{0, 2}, {1, 3}}, o);
  REQUIRE(cutOff.run());
  CHECK(cutOff.initial().unroutedNeeds == 1);
  CHECK(cutOff.chosen().empty());
}

TEST_CASE("recommend: figures are exact engine re-runs, choices are the greedy best",
          "[graph][recommend][property]") {
  std::mt19937 rng(606);
  int steps = 0;
  for (int trial = 0; trial < 120; ++trial) {
    const int n = 8 + trial % 9, groups = 2 + trial % 4;
    std::vector<NodeSpec> nodes;
    for (int i = 0; i < n; ++i)
      nodes.push_back({i, static_cast<Id>(rng() % groups), rng() % 15 == 0});
    std::vector<EdgeSpec> edges;
    const int m = n + static_cast<int>(rng() % n);
    for (int e = 0; e < m; ++e)
      edges.push_back({e, static_cast<Id>(rng() % n), static_cast<Id>(rng() % n),
                       1.0 + double(rng() % 3), 0.9, trial % 3 != 0 || rng() % 2 == 0,
                       rng() % 12 == 0});
    const Graph g(nodes, edges);
    std::vector<GroupDemand> demands;
    for (int a = 0; a < groups; ++a)
      for (int b = 0; b < groups; ++b)
        if (a != b && rng() % 2 == 0)
          demands.push_back({static_cast<Id>(demands.size()), End::ofGroup(a), End::ofGroup(b)});
    for (int k = 0; k < 3; ++k)
      demands.push_back({static_cast<Id>(demands.size()), End::ofNode(static_cast<Id>(rng() % n)),
                         End::ofGroup(static_cast<Id>(rng() % groups))});
    std::vector<CandidateLink> candidates;
    std::set<std::pair<Id, Id>> used;
    while (candidates.size() < 6) {
      const Id a = static_cast<Id>(rng() % n), b = static_cast<Id>(rng() % n);
      if (a == b || !used.insert({a, b}).second) continue;
      candidates.push_back({a, b, 1.0, 0.9, rng() % 4 != 0});
    }
    RecommendOptions o;
    o.k = 1 + trial % 3;
    o.needs.endpointsCanFail = trial % 2 == 0;
    o.needs.ignoreDirection = trial % 7 == 0;
    if (trial % 5 == 0) o.needs.failed.edges = {static_cast<Id>(rng() % m)};
    LinkRecommender r(g, demands, candidates, o);
    REQUIRE(r.run());
    INFO("trial " << trial);
    CHECK(r.initial() == freshSummary(g, {}, demands, o.needs));
    std::vector<CandidateLink> chosen;
    std::vector<bool> taken(candidates.size(), false);
    NeedsSummary current = r.initial();
    for (std::size_t step = 0; step <= r.chosen().size() && static_cast<int>(step) < o.k; ++step) {
      // Brute force: every candidate not taken, with fresh runs.
      std::size_t best = candidates.size();
      NeedsSummary bestSummary = current;
      for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (taken[c]) continue;
        std::vector<CandidateLink> links = chosen;
        links.push_back(candidates[c]);
        const NeedsSummary s = freshSummary(g, links, demands, o.needs);
        if (s < bestSummary) {
          bestSummary = s;
          best = c;
        }
      }
      if (step == r.chosen().size()) {
        CHECK(best == candidates.size());  // stopped: nothing improves (or k reached)
        break;
      }
      const LinkRecommender::Step& st = r.chosen()[step];
      REQUIRE(best < candidates.size());
      CHECK(st.link.from == candidates[best].from);
      CHECK(st.link.to == candidates[best].to);
      CHECK(st.before == current);
      CHECK(st.after == bestSummary);
      CHECK(st.after < st.before);
      chosen.push_back(candidates[best]);
      taken[best] = true;
      current = st.after;
      ++steps;
    }
  }
  CHECK(steps > 60);
}

TEST_CASE("recommend with a predicted preselection: figures stay exact, never worse than none",
          "[graph][recommend][property]") {
  // Candidates join members of the demands' own Ends (as the product proposes them), and only
  // the best predicted one is run exactly each round.
  std::mt19937 rng(707);
  int steps = 0;
  for (int trial = 0; trial < 120; ++trial) {
    const int n = 8 + trial % 9, groups = 2 + trial % 4;
    std::vector<NodeSpec> nodes;
    for (int i = 0; i < n; ++i)
      nodes.push_back({i, static_cast<Id>(i % groups), rng() % 15 == 0});
    std::vector<EdgeSpec> edges;
    const int m = n / 2 + static_cast<int>(rng() % n);
    for (int e = 0; e < m; ++e)
      edges.push_back({e, static_cast<Id>(rng() % n), static_cast<Id>(rng() % n), 1.0, 0.9,
                       rng() % 4 != 0, rng() % 12 == 0});
    const Graph g(nodes, edges);
    std::vector<GroupDemand> demands;
    for (int a = 0; a < groups; ++a)
      for (int b = 0; b < groups; ++b)
        if (a != b && rng() % 2 == 0)
          demands.push_back({static_cast<Id>(demands.size()), End::ofGroup(a), End::ofGroup(b)});
    std::vector<CandidateLink> candidates;
    for (const GroupDemand& d : demands)
      for (int k = 0; k < 2; ++k) {
        const Id a = d.source.group + groups * static_cast<Id>(rng() % 2);
        const Id b = d.target.group + groups * static_cast<Id>(rng() % 2);
        if (a < n && b < n) candidates.push_back({a, b, 1.0, 0.9, true});
      }
    RecommendOptions o;
    o.k = 3;
    o.exactCandidates = 1;
    o.needs.endpointsCanFail = trial % 2 == 0;
    LinkRecommender r(g, demands, candidates, o);
    REQUIRE(r.run());
    INFO("trial " << trial);
    std::vector<CandidateLink> chosen;
    NeedsSummary current = r.initial();
    for (const LinkRecommender::Step& st : r.chosen()) {
      chosen.push_back(st.link);
      CHECK(st.before == current);
      CHECK(st.after == freshSummary(g, chosen, demands, o.needs));
      CHECK(st.after < st.before);
      current = st.after;
      ++steps;
    }
  }
  CHECK(steps > 40);
}
