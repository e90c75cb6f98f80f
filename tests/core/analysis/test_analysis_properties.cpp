// Properties of the analysis on hundreds of random small workspaces (off-duty people, down and
// degraded channels, infrastructure that is down, agency lines between primary contacts):
//  - no route it reports uses a person or a channel that cannot carry traffic;
//  - a need is single-path exactly when it lists a single point (person or channel), and
//    its counts agree with its state;
//  - the top recommendation keeps its promise: a fresh analysis with the link added gives
//    exactly its after-figures, and the next recommendation starts from them;
//  - path listings agree with their own counts.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "core/analysis/analysis.hpp"

using namespace liaison::core;

namespace {

Snapshot randomWorkspace(std::mt19937_64& rng) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  Snapshot s;
  s.version = 1;
  const int agencies = 3 + pick(4);
  Id rep = 1;
  std::vector<std::vector<Id>> members(static_cast<std::size_t>(agencies + 1));
  for (int a = 1; a <= agencies; ++a) {
    Agency ag;
    ag.id = a;
    ag.code = "A" + std::to_string(a);
    if (pick(15) == 0) ag.status = Status::Down;
    s.agencies.push_back(ag);
    const int people = 1 + pick(3);
    for (int k = 0; k < people; ++k) {
      Representative r;
      r.id = rep++;
      r.agency = a;
      r.name = "P" + std::to_string(r.id);
      r.position = k == 0 ? "Agency Representative" : "Staff";
      r.on_duty = pick(6) != 0;
      s.representatives.push_back(r);
      members[static_cast<std::size_t>(a)].push_back(r.id);
    }
  }
  Infrastructure tower;
  tower.id = 1;
  tower.name = "Tower";
  tower.kind = InfrastructureKind::Tower;
  tower.status = pick(3) == 0 ? Status::Down : pick(3) == 0 ? Status::Degraded : Status::Up;
  s.infrastructure.push_back(tower);
  const int channels = agencies + pick(3 * agencies);
  for (int k = 1; k <= channels; ++k) {
    Channel c;
    c.id = k;
    if (pick(6) == 0) {  // an agency line, attached to the primary contacts
      c.from_agency = 1 + pick(agencies);
      do c.to_agency = 1 + pick(agencies);
      while (c.to_agency == c.from_agency);
    } else {
      c.from_rep = 1 + pick(static_cast<int>(rep - 1));
      do c.to_rep = 1 + pick(static_cast<int>(rep - 1));
      while (c.to_rep == c.from_rep);
    }
    c.medium = pick(2) ? Medium::Radio : Medium::Phone;
    c.latency_min = 0.5 + pick(20) * 0.5;
    c.reliability = 0.7 + pick(30) * 0.01;
    c.two_way = pick(5) != 0;
    c.status = pick(10) == 0 ? Status::Down : pick(10) == 0 ? Status::Degraded : Status::Up;
    if (c.medium == Medium::Radio && pick(2)) c.carried_by = {1};
    s.channels.push_back(c);
  }
  Id need = 1;
  for (int a = 1; a <= agencies; ++a)
    for (int b = 1; b <= agencies; ++b)
      if (a != b && pick(3) == 0) {
        Need n;
        n.id = need++;
        n.agency_a = a;
        n.agency_b = b;
        n.priority = static_cast<Priority>(pick(4));
        s.needs.push_back(n);
      }
  return s;
}

struct Figures {
  int unrouted = 0, spof = 0, singlePath = 0;
  bool operator==(const Figures&) const = default;
};

Figures figures(const AnalysisResult& r) {
  Figures f;
  f.unrouted = r.count(NeedState::Broken);
  f.singlePath = r.count(NeedState::SinglePath);
  f.spof = static_cast<int>(r.singlePoints.size());
  return f;
}

// The channel "Add channel" puts for a recommendation.
Channel channelFor(const LinkSuggestion& l, NetworkLevel level, Id id) {
  Channel c;
  c.id = id;
  if (level == NetworkLevel::Representatives) {
    c.from_rep = l.from;
    c.to_rep = l.to;
  } else {
    c.from_agency = l.from;
    c.to_agency = l.to;
  }
  c.medium = l.medium;
  c.identifier = l.identifier;
  c.latency_min = l.latency;
  c.reliability = l.reliability;
  c.two_way = true;
  return c;
}

void checkRoute(const Snapshot& s, const Availability& av, NetworkLevel level,
                const ExplainedPath& p) {
  if (!p.path.found) return;
  for (Id v : p.path.nodes) {
    if (level == NetworkLevel::Representatives)
      CHECK(av.personAvailable(v));
    else
      CHECK(av.agencyUp(v));
  }
  for (const liaison::graph::Hop& h : p.path.hops) {
    CHECK(av.channelStatus(h.edge) != Status::Down);
    if (level == NetworkLevel::Agencies) {
      const Channel* c = s.channel(h.edge);
      REQUIRE(c);
      if (c->betweenReps()) {
        CHECK(av.personAvailable(c->from_rep));
        CHECK(av.personAvailable(c->to_rep));
      }
    }
  }
}

}  // namespace

TEST_CASE("analysis properties on random workspaces", "[analysis][property]") {
  std::mt19937_64 rng(20261202);
  int recommended = 0, kept = 0, pairsChecked = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const Snapshot s = randomWorkspace(rng);
    for (NetworkLevel level : {NetworkLevel::Representatives, NetworkLevel::Agencies}) {
      INFO("trial " << trial << (level == NetworkLevel::Agencies ? " agencies" : " people"));
      AnalysisOptions o;
      o.network.level = level;
      o.recommendations = 2;
      const AnalysisResult r = analyze(s, o);
      REQUIRE_FALSE(r.cancelled);
      const Availability av(s);
      for (const NeedResult& n : r.needs) {
        INFO("need " << n.need);
        for (const ExplainedPath* p :
             {&n.fastest, &n.reliable, &n.reliableInBudget, &n.fewestHops, &n.recommended})
          checkRoute(s, av, level, *p);
        const bool single = !n.singlePoints.empty() || !n.singleChannels.empty();
        CHECK((n.state == NeedState::SinglePath) == single);
        CHECK((n.state == NeedState::Broken) == !n.fastest.path.found);
        if (n.state != NeedState::Broken) {
          CHECK(n.nodeDisjoint >= 1);
          CHECK(n.nodeDisjoint <= n.edgeDisjoint);
          if (level == NetworkLevel::Representatives) CHECK((n.nodeDisjoint == 1) == single);
        }
        if (level == NetworkLevel::Agencies)  // a need's own agencies are never its cut
          for (Id v : n.singlePoints) CHECK((v != n.agency_a && v != n.agency_b));
      }
      if (r.recommendations.empty()) continue;
      ++recommended;
      const LinkSuggestion& top = r.recommendations.front();
      CHECK(top.unroutedBefore == figures(r).unrouted);
      CHECK(top.spofBefore == figures(r).spof);
      CHECK(top.singlePathBefore == figures(r).singlePath);
      Snapshot with = s;
      with.channels.push_back(channelFor(top, level, 1000));
      const AnalysisResult after = analyze(with, o);
      const Figures promised{top.unroutedAfter, top.spofAfter, top.singlePathAfter};
      CHECK(figures(after) == promised);
      kept += figures(after) == promised;
      if (r.recommendations.size() > 1) {
        const LinkSuggestion& next = r.recommendations[1];
        CHECK(next.unroutedBefore == top.unroutedAfter);
        CHECK(next.spofBefore == top.spofAfter);
        Snapshot both = with;
        both.channels.push_back(channelFor(next, level, 1001));
        const AnalysisResult twice = analyze(both, o);
        CHECK(figures(twice) == Figures{next.unroutedAfter, next.spofAfter, next.singlePathAfter});
      }
    }
    // Path listings agree with their own counts: two listed routes that share no channel mean
    // at least two edge-disjoint paths, and none shares a person with another when the count
    // of node-disjoint paths is at least the number of routes sharing nobody.
    PairQuery q;
    q.from = {EntityKind::Agency, s.agencies.front().id};
    q.to = {EntityKind::Agency, s.agencies.back().id};
    q.alternatives = 5;
    const PairResult p = pairPaths(s, q);
    for (std::size_t i = 0; i < p.alternatives.size(); ++i)
      for (std::size_t j = i + 1; j < p.alternatives.size(); ++j) {
        std::set<Id> edges;
        for (const auto& h : p.alternatives[i].path.hops) edges.insert(h.edge);
        bool shared = false;
        for (const auto& h : p.alternatives[j].path.hops) shared |= edges.count(h.edge) > 0;
        if (!shared) {
          CHECK(p.edgeDisjoint >= 2);
          ++pairsChecked;
        }
        CHECK(p.alternatives[i].path.nodes != p.alternatives[j].path.nodes);
      }
  }
  INFO(recommended << " recommendations, " << kept << " kept, " << pairsChecked << " pairs");
  CHECK(recommended > 50);
  CHECK(kept == recommended);
  CHECK(pairsChecked > 20);
}
