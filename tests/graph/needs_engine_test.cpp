// Hand-checked needs: the worked example of needs_engine.hpp, direction, parallel channels,
// off-duty members, a group of one, budgets, overlapping Ends, caps, cancellation, and the
// cases of the classes the engine replaced (NeedPaths, NeedConnectivity, SinglePointsOfFailure,
// WhatIf), now asked with person Ends.
#include <catch2/catch.hpp>

#include <atomic>

#include "graph/needs_engine.hpp"
#include "test_helpers.hpp"

using namespace liaison::graph;
using liaison::graph::test::makeGraph;

namespace {

NeedAnswer ask(const Graph& g, End source, End target, NeedsOptions opt = {},
               double budget = kInf) {
  NeedsEngine e(g, {{7, std::move(source), std::move(target), budget, 1.0}}, std::move(opt));
  REQUIRE(e.run());
  REQUIRE(e.answers().size() == 1);
  CHECK(e.answers()[0].id == 7);
  return e.answers()[0];
}

EdgeSpec edge(Id id, Id a, Id b, double latency = 1.0, double reliability = 0.9,
              bool twoWay = true) {
  return {id, a, b, latency, reliability, twoWay, false};
}

// The header's worked example: A = {a1 = 0, a2 = 1}, B = {b1 = 3}, x = 2.
Graph worked() {
  return Graph({{0, 1, false}, {1, 1, false}, {2, 0, false}, {3, 2, false}},
               {edge(0, 0, 2), edge(1, 1, 2), edge(2, 2, 3), edge(3, 1, 3)});
}

}  // namespace

TEST_CASE("needs: the worked example of the header", "[graph][needs]") {
  const Graph g = worked();
  const NeedAnswer a = ask(g, End::ofGroup(1), End::ofGroup(2));
  CHECK(a.reachable);
  CHECK(a.edgeDisjoint == 2);  // a1-x-b1 and a2-b1
  CHECK(a.nodeDisjoint == 1);  // every route ends at b1
  CHECK(a.cutNodes == std::vector<Id>{3});
  CHECK(a.cutEdges.empty());
  CHECK(a.fewestHops.nodes == std::vector<Id>{1, 3});
  // Without endpoint capacities (End members never fail), a2-b1 and a1-x-b1 share only b1.
  NeedsOptions loose;
  loose.endpointsCanFail = false;
  const NeedAnswer b = ask(g, End::ofGroup(1), End::ofGroup(2), loose);
  CHECK(b.nodeDisjoint == 2);
  CHECK(b.cutNodes.empty());
}

TEST_CASE("needs: direction changes the answer", "[graph][needs]") {
  // 0 -> 1 -> 3 one-way and fast; 0 - 2 - 3 two-way and slow. A = {0}, B = {3}.
  const Graph g({{0, 1, false}, {1, 0, false}, {2, 0, false}, {3, 2, false}},
                {edge(0, 0, 1, 1, 0.9, false), edge(1, 1, 3, 1, 0.9, false), edge(2, 0, 2, 5),
                 edge(3, 2, 3, 5)});
  const NeedAnswer there = ask(g, End::ofGroup(1), End::ofGroup(2));
  CHECK(there.fastest.latency == 2.0);
  CHECK(there.edgeDisjoint == 2);
  CHECK(there.cutNodes == std::vector<Id>{0, 3});  // the group of one at each end
  const NeedAnswer back = ask(g, End::ofGroup(2), End::ofGroup(1));
  CHECK(back.fastest.latency == 10.0);
  CHECK(back.fastest.nodes == std::vector<Id>{3, 2, 0});
  CHECK(back.edgeDisjoint == 1);
  CHECK(back.cutNodes == std::vector<Id>{0, 2, 3});
  CHECK(back.cutEdges == std::vector<Id>{2, 3});
  NeedsOptions any;
  any.ignoreDirection = true;
  const NeedAnswer both = ask(g, End::ofGroup(2), End::ofGroup(1), any);
  CHECK(both.fastest.latency == 2.0);
  CHECK(both.edgeDisjoint == 2);
  CHECK(both.cutEdges.empty());
}

TEST_CASE("needs: parallel channels count for edges, not for nodes or alternatives",
          "[graph][needs]") {
  const Graph g({{0, 1, false}, {1, 2, false}},
                {edge(0, 0, 1, 4.0, 0.9), edge(1, 0, 1, 2.0, 0.8), edge(2, 0, 1, 3.0, 0.99)});
  const NeedAnswer a = ask(g, End::ofNode(0), End::ofNode(1));
  CHECK(a.edgeDisjoint == 3);
  CHECK(a.nodeDisjoint == 1);
  CHECK(a.cutNodes == std::vector<Id>{0, 1});
  CHECK(a.cutEdges.empty());
  CHECK(a.fastest.hops[0].edge == 1);
  CHECK(a.mostReliable.hops[0].edge == 2);
  NeedsOptions loose;
  loose.endpointsCanFail = false;
  const NeedAnswer b = ask(g, End::ofNode(0), End::ofNode(1), loose);
  CHECK(b.nodeDisjoint == 1);  // direct edges count as one route
  CHECK(b.cutNodes.empty());
  RouteAlternatives alt(g, End::ofNode(0), End::ofNode(1), 3);
  alt.run();
  REQUIRE(alt.paths().size() == 1);
  CHECK(alt.paths()[0].hops[0].edge == 1);  // the fastest of the parallel channels
  CHECK(alt.exhausted());
}

TEST_CASE("needs: an off-duty member carries nothing; an End with no one available is cut off",
          "[graph][needs]") {
  // Agency 1 = {0 (off duty), 1}; 0 has the fast link to 3 (agency 2), 1 a slow one.
  const Graph g({{0, 1, true}, {1, 1, false}, {2, 0, false}, {3, 2, false}},
                {edge(0, 0, 3, 1), edge(1, 1, 2, 4), edge(2, 2, 3, 4)});
  const NeedAnswer a = ask(g, End::ofGroup(1), End::ofGroup(2));
  CHECK(a.fastest.nodes == std::vector<Id>{1, 2, 3});
  CHECK(a.cutNodes == std::vector<Id>{1, 2, 3});
  const NeedAnswer none = ask(g, End::ofNode(0), End::ofGroup(2));
  CHECK_FALSE(none.reachable);
  CHECK_FALSE(none.fastest.found);
  CHECK(none.edgeDisjoint == 0);
  NeedsOptions failed;
  failed.failed.nodes = {1};  // the other member fails too
  const NeedAnswer gone = ask(g, End::ofGroup(1), End::ofGroup(2), failed);
  CHECK_FALSE(gone.reachable);
  const NeedAnswer unknown = ask(g, End::ofGroup(9), End::ofGroup(2));
  CHECK_FALSE(unknown.reachable);
}

TEST_CASE("needs: routes are minimal, never crossing either agency", "[graph][needs]") {
  // A = {0}, B = {1, 2}: 0 - 3 - 2 - 1 would pass through B; the route ends at 2.
  const Graph g({{0, 1, false}, {1, 2, false}, {2, 2, false}, {3, 0, false}},
                {edge(0, 0, 3, 1), edge(1, 3, 2, 1), edge(2, 2, 1, 1), edge(3, 0, 1, 5)});
  const NeedAnswer a = ask(g, End::ofGroup(1), End::ofGroup(2));
  CHECK(a.fastest.nodes == std::vector<Id>{0, 3, 2});
  CHECK(a.edgeDisjoint == 2);  // 0-3-2 and 0-1; the edge 2-1 inside B is never used
  // A person End is just that person: reaching 1 through colleague 2 is a route.
  const NeedAnswer p = ask(g, End::ofGroup(1), End::ofNode(1));
  CHECK(p.fastest.nodes == std::vector<Id>{0, 3, 2, 1});
}

TEST_CASE("needs: the most reliable route within a latency budget", "[graph][needs]") {
  // Fast and flaky 0-1-3 (2 min, 0.5 * 0.5); slow and sure 0-2-3 (10 min, 0.99 * 0.99).
  const Graph g({{0, 1, false}, {1, 0, false}, {2, 0, false}, {3, 2, false}},
                {edge(0, 0, 1, 1, 0.5), edge(1, 1, 3, 1, 0.5), edge(2, 0, 2, 5, 0.99),
                 edge(3, 2, 3, 5, 0.99)});
  const NeedAnswer wide = ask(g, End::ofGroup(1), End::ofGroup(2), {}, 20.0);
  CHECK(wide.reliableWithinBudget.nodes == std::vector<Id>{0, 2, 3});
  CHECK(wide.reliableWithinBudget.nodes == wide.mostReliable.nodes);
  const NeedAnswer tight = ask(g, End::ofGroup(1), End::ofGroup(2), {}, 5.0);
  CHECK(tight.reliableWithinBudget.nodes == std::vector<Id>{0, 1, 3});
  CHECK(tight.reliableWithinBudget.reliability == Approx(0.25));
  const NeedAnswer exact = ask(g, End::ofGroup(1), End::ofGroup(2), {}, 10.0);
  CHECK(exact.reliableWithinBudget.nodes == std::vector<Id>{0, 2, 3});  // 10 <= 10
  const NeedAnswer none = ask(g, End::ofGroup(1), End::ofGroup(2), {}, 1.0);
  CHECK(none.reachable);
  CHECK_FALSE(none.reliableWithinBudget.found);
}

TEST_CASE("needs: reliability-0 and latency-0 channels", "[graph][needs]") {
  // The only route crosses a dead channel (reliability 0): reachable, but no reliable route.
  const Graph g({{0, 1, false}, {1, 0, false}, {2, 2, false}},
                {edge(0, 0, 1, 0.0, 1.0), edge(1, 1, 2, 2.0, 0.0)});
  const NeedAnswer a = ask(g, End::ofGroup(1), End::ofGroup(2));
  CHECK(a.reachable);
  CHECK(a.fastest.found);
  CHECK(a.fastest.latency == 2.0);
  CHECK_FALSE(a.mostReliable.found);
  CHECK_FALSE(a.reliableWithinBudget.found);
  CHECK(a.edgeDisjoint == 1);
  CHECK(a.cutEdges == std::vector<Id>{0, 1});
}

TEST_CASE("needs: Ends sharing a node are reachable in zero hops, with no counts",
          "[graph][needs]") {
  const Graph g = makeGraph(4, {{0, 1}, {1, 2}, {2, 3}}, true, {1, 1, 2, 2});
  const NeedAnswer a = ask(g, End::ofNodes({3, 1}), End::ofGroup(1));
  CHECK(a.reachable);
  CHECK(a.overlap);
  CHECK(a.fastest.nodes == std::vector<Id>{1});
  CHECK(a.fastest.hops.empty());
  CHECK(a.reliableWithinBudget.found);
  CHECK(a.edgeDisjoint == 0);
  CHECK(a.nodeDisjoint == 0);
  CHECK(a.cutNodes.empty());
  RouteAlternatives alt(g, End::ofNodes({3, 1}), End::ofGroup(1), 2);
  alt.run();
  REQUIRE(alt.paths().size() == 1);
  CHECK(alt.exhausted());
}

TEST_CASE("needs: countCap stops the counts and says so", "[graph][needs]") {
  // Three disjoint two-hop routes between 0 and 4.
  const Graph g = makeGraph(5, {{0, 1}, {1, 4}, {0, 2}, {2, 4}, {0, 3}, {3, 4}});
  NeedsOptions opt;
  opt.endpointsCanFail = false;
  CHECK(ask(g, End::ofNode(0), End::ofNode(4), opt).nodeDisjoint == 3);
  opt.countCap = 2;
  const NeedAnswer a = ask(g, End::ofNode(0), End::ofNode(4), opt);
  CHECK(a.edgeDisjoint == 2);
  CHECK(a.nodeDisjoint == 2);
  CHECK(a.countsAtLeast);
  opt.countCap = 5;
  const NeedAnswer b = ask(g, End::ofNode(0), End::ofNode(4), opt);
  CHECK(b.edgeDisjoint == 3);
  CHECK_FALSE(b.countsAtLeast);
}

TEST_CASE("needs: demand-weighted load, split over equal routes, nothing on the Ends",
          "[graph][needs]") {
  // A = {0, 1} both linked to x = 2; x to y = 3 and z = 4; y, z to B = {5}. Weight 2.
  const Graph g =
      makeGraph(6, {{0, 2}, {1, 2}, {2, 3}, {2, 4}, {3, 5}, {4, 5}}, true, {1, 1, 0, 0, 0, 2});
  NeedsEngine e(g, {{1, End::ofGroup(1), End::ofGroup(2), kInf, 2.0},
                    {2, End::ofGroup(2), End::ofGroup(9), kInf, 0.5}});
  REQUIRE(e.run());
  CHECK(e.load() == std::vector<double>{0, 0, 2, 1, 1, 0});
  CHECK(e.edgeLoad() == std::vector<double>{1, 1, 1, 1, 1, 1});
  CHECK(e.unroutedWeight() == 0.5);
}

TEST_CASE("needs: cancellation and progress", "[graph][needs]") {
  const Graph g = makeGraph(40, {{0, 1}, {1, 2}, {2, 3}}, true);
  std::vector<GroupDemand> demands;
  for (int i = 0; i < 30; ++i) demands.push_back({i, End::ofNode(i), End::ofNode(i + 1)});
  std::atomic<bool> stop{true};
  NeedsOptions opt;
  opt.control.cancel = &stop;
  NeedsEngine cancelled(g, demands, opt);
  CHECK_FALSE(cancelled.run());
  double last = 0;
  opt.control.cancel = nullptr;
  opt.control.progress = [&](double p) {
    CHECK(p >= last);
    last = p;
  };
  NeedsEngine done(g, demands, opt);
  CHECK(done.run());
  CHECK(last == 1.0);
}

// Ported from the what-if tests: failures through the options, before and after.
TEST_CASE("needs: what-if, lost, slower and less reliable needs, new bottlenecks",
          "[graph][needs][whatif]") {
  // 0-1-2 fast (latency 1, reliability 0.99), 0-3-2 slow (latency 5, 0.9), 2-4 the only link.
  std::vector<NodeSpec> nodes;
  for (int i = 0; i < 5; ++i) nodes.push_back({i, 0, false});
  const Graph g(nodes, {edge(0, 0, 1, 1, 0.99), edge(1, 1, 2, 1, 0.99), edge(2, 0, 3, 5, 0.9),
                        edge(3, 3, 2, 5, 0.9), edge(4, 2, 4, 1, 0.99)});
  const std::vector<GroupDemand> needs{{0, End::ofNode(0), End::ofNode(2)},
                                       {1, End::ofNode(0), End::ofNode(4)},
                                       {2, End::ofNode(1), End::ofNode(2)}};
  NeedsOptions opt;
  opt.loadMetric = Metric::Latency;  // the load follows the fastest routes
  NeedsEngine before(g, needs, opt);
  REQUIRE(before.run());
  opt.failed.nodes = {1};
  NeedsEngine after(g, needs, opt);
  REQUIRE(after.run());
  const auto &b = before.answers(), &a = after.answers();
  CHECK(b[0].fastest.latency == 2.0);
  CHECK(a[0].fastest.latency == 10.0);
  CHECK(a[0].mostReliable.reliability == Approx(0.81));
  CHECK(a[0].fastest.nodes == std::vector<Id>{0, 3, 2});
  CHECK(b[2].reachable);
  CHECK_FALSE(a[2].reachable);  // its source failed
  CHECK(after.unroutedWeight() == 1.0);
  CHECK(before.load()[1] == 2.0);  // 0->2 and 0->4 go through 1
  CHECK(after.load()[3] == 2.0);   // ... and through 3 once 1 is gone
  CHECK(after.load()[1] == 0.0);
  opt.failed = {{}, {4}};
  NeedsEngine edgeCut(g, needs, opt);
  REQUIRE(edgeCut.run());
  CHECK_FALSE(edgeCut.answers()[1].reachable);
  CHECK(edgeCut.answers()[0].reachable);
}

// Ported from the structure tests: two triangles 0-1-2 and 3-4-5 joined by the bridge 2-3.
TEST_CASE("needs: person needs, independent path counts and single points of failure",
          "[graph][needs][structure]") {
  const Graph g = makeGraph(6, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 5}, {5, 3}});
  NeedsOptions opt;
  opt.endpointsCanFail = false;  // a person need: the two people themselves are not the risk
  NeedsEngine e(g,
                {{0, End::ofNode(0), End::ofNode(1)},
                 {1, End::ofNode(0), End::ofNode(5)},
                 {2, End::ofNode(0), End::ofNode(9)},
                 {3, End::ofNode(2), End::ofNode(4)}},
                opt);
  REQUIRE(e.run());
  const auto& r = e.answers();
  CHECK(r[0].reachable);
  CHECK(r[0].edgeDisjoint == 2);
  CHECK(r[0].nodeDisjoint == 2);
  CHECK(r[0].cutNodes.empty());
  CHECK(r[1].edgeDisjoint == 1);
  CHECK(r[1].cutNodes == std::vector<Id>{2, 3});
  CHECK(r[1].cutEdges == std::vector<Id>{3});
  CHECK_FALSE(r[2].reachable);  // unknown node
  CHECK(r[3].cutNodes == std::vector<Id>{3});
}
