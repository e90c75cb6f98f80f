// core/network_builder, core/analysis and core/analysis_service on a tiny hand-made exercise:
//
//   agency 1 "FIRE": reps 11 (Liaison Officer), 12          agency 3 "RAIL": rep 31
//   agency 2 "EOC":  reps 21 (Duty Officer), 22 (Agency Representative)
//   channels: 101 11-12 (1 min, 0.9)   102 11-21 (2 min, 0.9)   103 12-22 (5 min, 0.8)
//             104 21-22 (1 min, 0.99)  105 21-31 (3 min, 0.95)  106 22-31 down
//             107 agency FIRE-RAIL (20 min, 0.5): attached to 11 and 31 (primary contacts)
//   needs: 201 FIRE-EOC, 202 EOC-RAIL, 203 FIRE-RAIL
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>
#include <tuple>
#include <utility>

#include "core/analysis/analysis.hpp"
#include "core/analysis/analysis_service.hpp"
#include "core/analysis/network_builder.hpp"

using namespace liaison::core;

namespace {

Snapshot tiny(bool agencyLine = true) {
  Snapshot s;
  s.version = 7;
  for (auto [id, code] : {std::pair<Id, const char*>{1, "FIRE"}, {2, "EOC"}, {3, "RAIL"}}) {
    Agency a;
    a.id = id;
    a.code = code;
    s.agencies.push_back(a);
  }
  auto rep = [](Id id, Id agency, std::string name, std::string position) {
    Representative r;
    r.id = id;
    r.agency = agency;
    r.name = std::move(name);
    r.position = std::move(position);
    return r;
  };
  s.representatives = {rep(11, 1, "Ann", "Fire Liaison Officer"), rep(12, 1, "Bob", "Captain"),
                       rep(21, 2, "Cy", "Duty Officer"), rep(22, 2, "Di", "Agency Representative"),
                       rep(31, 3, "Ed", "Dispatcher")};
  ContactMethod cell;
  cell.kind = ContactKind::Cell;
  cell.value = "555-0199";
  cell.sensitive = true;
  s.representatives[4].contacts.push_back(cell);
  auto ch = [](Id id, Id a, Id b, double lat, double rel) {
    Channel c;
    c.id = id;
    c.from_rep = a;
    c.to_rep = b;
    c.latency_min = lat;
    c.reliability = rel;
    c.identifier = "TG " + std::to_string(id);
    return c;
  };
  s.channels = {ch(101, 11, 12, 1, 0.9), ch(102, 11, 21, 2, 0.9), ch(103, 12, 22, 5, 0.8),
                ch(104, 21, 22, 1, 0.99), ch(105, 21, 31, 3, 0.95), ch(106, 22, 31, 1, 0.99)};
  s.channels[4].identifier = "555-0199";  // a sensitive cell: never printed
  s.channels[5].status = ChannelStatus::Down;
  if (agencyLine) {
    Channel c;
    c.id = 107;
    c.from_agency = 1;
    c.to_agency = 3;
    c.latency_min = 20;
    c.reliability = 0.5;
    s.channels.push_back(c);
  }
  for (auto [id, a, b] : {std::tuple<Id, Id, Id>{201, 1, 2}, {202, 2, 3}, {203, 1, 3}}) {
    Need n;
    n.id = id;
    n.agency_a = a;
    n.agency_b = b;
    s.needs.push_back(n);
  }
  return s;
}

}  // namespace

TEST_CASE("primary contacts: Liaison / Agency Representative first, else first on duty",
          "[analysis]") {
  Snapshot s = tiny();
  CHECK(primaryContact(s, 1) == 11);
  CHECK(primaryContact(s, 2) == 22);
  CHECK(primaryContact(s, 3) == 31);
  s.representatives[3].on_duty = false;
  CHECK(primaryContact(s, 2) == 21);
  CHECK(primaryContact(s, 99) == 0);
}

TEST_CASE("network builder at both levels", "[analysis]") {
  const Snapshot s = tiny();
  Network reps = buildNetwork(s);
  CHECK(reps.graph.nodeCount() == 5);
  CHECK(reps.graph.edgeCount() == 7);
  const auto& line = reps.graph.edge(reps.graph.requireEdge(107));
  CHECK(line.from == 11);
  CHECK(line.to == 31);
  CHECK(reps.graph.edge(reps.graph.requireEdge(106)).down);
  CHECK(reps.graph.node(reps.graph.requireNode(22)).group == 2);
  CHECK(reps.members.at(2) == std::vector<Id>{21, 22});

  NetworkOptions o;
  o.level = NetworkLevel::Agencies;
  Network ag = buildNetwork(s, o);
  CHECK(ag.graph.nodeCount() == 3);
  CHECK(ag.graph.edgeCount() == 5);  // 101 and 104 stay inside one agency
  CHECK(ag.dropped == std::vector<Id>{101, 104});
  const auto& e = ag.graph.edge(ag.graph.requireEdge(103));
  CHECK(e.from == 1);
  CHECK(e.to == 2);
}

TEST_CASE("analysis of the tiny exercise, hand-checked", "[analysis]") {
  const Snapshot s = tiny();
  AnalysisResult r = analyze(s);
  CHECK(r.version == 7);
  CHECK_FALSE(r.cancelled);
  // FIRE-EOC: fastest 11-21 (2 min); two independent paths (11-21 and 12-22).
  const NeedResult* n201 = r.need(201);
  REQUIRE(n201);
  CHECK(n201->fastest.path.latency == Approx(2.0));
  CHECK(n201->independentPaths == 2);
  CHECK(n201->state == NeedState::Ok);
  // EOC-RAIL: 21 -> 31 (3 min) or 22-12-11-31 via the agency line (106 is down); both end
  // at Ed, RAIL's only person, so one independent path.
  const NeedResult* n202 = r.need(202);
  CHECK(n202->fastest.path.latency == Approx(3.0));
  CHECK(n202->independentPaths == 1);
  CHECK(n202->state == NeedState::SinglePath);
  // FIRE-RAIL: 11-21-31 (5 min) vs the agency line 11-31 (20 min): fastest via Cy.
  const NeedResult* n203 = r.need(203);
  CHECK(n203->fastest.path.nodes == std::vector<Id>{11, 21, 31});
  CHECK(n203->reliable.path.reliability == Approx(0.9 * 0.95));
  CHECK(n203->fewestHops.path.nodes == std::vector<Id>{11, 31});
  // Sensitive identifiers never appear; the explanation speaks of people and channels.
  CHECK(n203->fastest.sentence.find("555-0199") == std::string::npos);
  CHECK(n203->fastest.sentence.find("Ann (FIRE Fire Liaison Officer) calls Cy (EOC Duty Officer)") == 0);
  CHECK(n203->fastest.sentence.find("who relays to Ed (RAIL Dispatcher)") != std::string::npos);
  // Ed (31) is RAIL's only person: every RAIL need hangs on him; he is no articulation point.
  CHECK(n203->singlePoints == std::vector<Id>{31});
  CHECK(n203->state == NeedState::SinglePath);
  CHECK(r.articulationPoints.empty());
  CHECK(r.bridges.empty());
  CHECK(r.weakComponents == 1);
  // Unweighted betweenness (raw, undirected pairs once): the 5-cycle 11-12-22-21-11 plus
  // 31 joined to 21 and 11.
  double total = 0;
  for (const auto& n : r.nodes) total += n.betweenness;
  CHECK(total > 0);
}

TEST_CASE("a down agency line and no other path: broken need, slow need", "[analysis]") {
  Snapshot s = tiny(false);
  s.channels[4].status = ChannelStatus::Down;  // 105: RAIL is now cut off
  s.channels[0].latency_min = 30;               // nothing on FIRE-EOC gets slower than 2 min
  s.needs[0].latency_budget = 1.5;  // FIRE-EOC: its budget, not the priority's 30 min
  AnalysisResult r = analyze(s);
  CHECK(r.need(202)->state == NeedState::Broken);
  CHECK(r.need(203)->state == NeedState::Broken);
  CHECK(r.need(201)->state == NeedState::Slow);
  CHECK(r.weakComponents == 2);
}

TEST_CASE("what-if: losing Cy breaks nothing but slows FIRE-RAIL to the agency line",
          "[analysis]") {
  const Snapshot s = tiny();
  FailureSet f;
  f.representatives = {21};
  WhatIfResult w = whatIf(s, f);
  auto impact = [](const WhatIfResult& r, Id need) -> const NeedImpact* {
    for (const NeedImpact& n : r.needs)
      if (n.need == need) return &n;
    return nullptr;
  };
  // Only the needs whose figures changed are listed.
  REQUIRE(impact(w, 203));
  const NeedImpact& fr = *impact(w, 203);
  CHECK_FALSE(fr.broken());
  CHECK(fr.degraded());
  CHECK(fr.latencyBefore == Approx(5.0));
  CHECK(fr.latencyAfter == Approx(20.0));
  CHECK(w.needs.size() + static_cast<std::size_t>(w.unchanged) == 3);
  FailureSet rail;
  rail.agencies = {3};
  WhatIfResult w2 = whatIf(s, rail);
  REQUIRE(impact(w2, 202));
  REQUIRE(impact(w2, 203));
  CHECK(impact(w2, 202)->broken());
  CHECK(impact(w2, 203)->broken());
  CHECK(impact(w2, 201) == nullptr);  // FIRE-EOC does not change at all
  CHECK(w2.unchanged == 1);
}

TEST_CASE("analysis service: the last snapshot wins, results arrive, clean shutdown",
          "[analysis]") {
  AnalysisService service;
  CHECK(service.latest() == nullptr);
  auto a = std::make_shared<Snapshot>(tiny());
  a->version = 1;
  auto b = std::make_shared<Snapshot>(tiny());
  b->version = 2;
  service.submit(a);
  service.submit(b);
  service.waitIdle();
  REQUIRE(service.latest());
  CHECK(service.latest()->version == 2);
  CHECK_FALSE(service.running());
  FailureSet f;
  f.representatives = {31};
  service.requestWhatIf(f);
  service.waitIdle();
  REQUIRE(service.latestWhatIf());
  CHECK(service.latestWhatIf()->version == 2);
  REQUIRE_FALSE(service.latestWhatIf()->needs.empty());
  CHECK(service.latestWhatIf()->needs[0].broken());  // broken first
  // Destruction with work pending must join cleanly.
  auto c = std::make_shared<Snapshot>(tiny());
  c->version = 3;
  service.submit(c);
}

TEST_CASE("paths between any two people or agencies, hand-checked", "[analysis][pair]") {
  const Snapshot s = tiny();
  PairQuery q;
  q.from = {EntityKind::Representative, 12};  // Bob (FIRE): no need of his own
  q.to = {EntityKind::Representative, 31};    // Ed (RAIL)
  q.alternatives = 3;
  const PairResult r = pairPaths(s, q);
  CHECK(r.error.empty());
  CHECK(r.version == 7);
  // 12-11-21-31: 1+2+3 = 6 min; 12-22-21-31: 5+1+3 = 9; 12-11-31 over the agency line: 21.
  REQUIRE(r.alternatives.size() == 3);
  CHECK(r.fastest.path.nodes == std::vector<Id>{12, 11, 21, 31});
  CHECK(r.alternatives[1].path.latency == Approx(9.0));
  CHECK(r.alternatives[2].path.latency == Approx(21.0));
  // Reliability 0.9*0.9*0.95 = 0.7695 beats 0.8*0.99*0.95 = 0.7524 and 0.9*0.5.
  CHECK(r.reliable.path.reliability == Approx(0.7695));
  CHECK(r.fewestHops.path.nodes == std::vector<Id>{12, 11, 31});
  // 12-11-31 and 12-22-21-31 share no one; Ed has two working channels (106 is down).
  CHECK(r.nodeDisjoint == 2);
  CHECK(r.edgeDisjoint == 2);
  CHECK(r.fastest.sentence.find("Bob (FIRE Captain) calls Ann") == 0);

  PairQuery agencies;
  agencies.from = {EntityKind::Agency, 2};
  agencies.to = {EntityKind::Agency, 3};
  const PairResult ar = pairPaths(s, agencies);
  CHECK(ar.fastest.path.nodes == std::vector<Id>{21, 31});
  CHECK(ar.fewestHops.path.hops.size() == 1);

  PairQuery unknown;
  unknown.from = {EntityKind::Representative, 99};
  unknown.to = {EntityKind::Agency, 3};
  CHECK_FALSE(pairPaths(s, unknown).error.empty());
}

TEST_CASE("analysis service answers pair questions on the latest snapshot", "[analysis][pair]") {
  AnalysisService service;
  PairQuery q;
  q.from = {EntityKind::Agency, 1};
  q.to = {EntityKind::Agency, 3};
  service.requestPair(q);  // nothing submitted yet: ignored
  service.waitIdle();
  CHECK(service.latestPair() == nullptr);
  service.submit(std::make_shared<Snapshot>(tiny()));
  service.requestPair(q);
  service.waitIdle();
  const auto pr = service.latestPair();
  REQUIRE(pr);
  CHECK(pr->query == q);
  CHECK(pr->fastest.path.nodes == std::vector<Id>{11, 21, 31});
  REQUIRE(service.latest());  // the analysis still ran
}
