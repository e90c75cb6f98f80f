// The force-directed layout: converges, repeats for a seed, stays put when a small thing changes,
// never moves pinned nodes, and handles large graphs through its grid.
#include <catch2/catch.hpp>

#include <cmath>

#include "graph/force_layout.hpp"

using namespace liaison::graph;

namespace {

// A ring of `n` with chords every 5 nodes: connected, not trivial.
std::vector<std::pair<Index, Index>> ringWithChords(Index n) {
  std::vector<std::pair<Index, Index>> e;
  for (Index i = 0; i < n; ++i) e.emplace_back(i, (i + 1) % n);
  for (Index i = 0; i + 5 < n; i += 5) e.emplace_back(i, i + 5);
  return e;
}

double dist(const LayoutPoint& a, const LayoutPoint& b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

}  // namespace

TEST_CASE("force layout converges: energy decreases and moves fall below the tolerance",
          "[layout]") {
  ForceLayout layout(40, ringWithChords(40), {.seed = 7, .idealLength = 1.0});
  const double before = layout.energy();
  int total = 0;
  while (!layout.settled() && total < 2000) total += layout.step(10);
  CHECK(layout.settled());
  CHECK(layout.lastMaxDisplacement() < 0.002);
  CHECK(layout.energy() < before);
  for (const auto& p : layout.positions()) CHECK(std::isfinite(p.x));
}

TEST_CASE("force layout is deterministic for a seed", "[layout]") {
  ForceLayout a(30, ringWithChords(30), {.seed = 3});
  ForceLayout b(30, ringWithChords(30), {.seed = 3});
  a.step(50);
  b.step(50);
  CHECK(a.positions() == b.positions());
  ForceLayout c(30, ringWithChords(30), {.seed = 4});
  c.step(50);
  CHECK(c.positions() != a.positions());
}

TEST_CASE("force layout: adding one edge with a warm start moves the others little", "[layout]") {
  auto edges = ringWithChords(60);
  ForceLayout first(60, edges, {.seed = 11});
  while (!first.settled()) first.step(20);
  const auto settledPos = first.positions();

  edges.emplace_back(2, 9);
  ForceLayout second(60, edges, {.seed = 11});
  second.warmStart(settledPos, std::vector<bool>(60, true));
  while (!second.settled()) second.step(20);

  // The nodes away from the new edge move a fraction of one edge length (k = 1) on average:
  // the same picture, not a new one (a cold start lands several k away).
  double sum = 0, cold = 0;
  int count = 0;
  ForceLayout fresh(60, edges, {.seed = 12});
  while (!fresh.settled()) fresh.step(20);
  for (Index v = 12; v < 60; ++v) {
    sum += dist(settledPos[v], second.positions()[v]);
    cold += dist(settledPos[v], fresh.positions()[v]);
    ++count;
  }
  INFO("warm " << sum / count << " cold " << cold / count);
  CHECK(sum / count < 0.75);
  CHECK(sum < cold * 0.25);
}

TEST_CASE("force layout: a new node joins next to its neighbours", "[layout]") {
  auto edges = ringWithChords(20);
  ForceLayout first(20, edges, {.seed = 5});
  while (!first.settled()) first.step(20);
  auto pos = first.positions();
  pos.push_back({});
  edges.emplace_back(3, 20);
  ForceLayout second(21, edges, {.seed = 5});
  std::vector<bool> known(21, true);
  known[20] = false;
  second.warmStart(pos, known);
  CHECK(dist(second.positions()[20], pos[3]) < 1.0);
}

TEST_CASE("force layout: pinned nodes stay exactly where they are", "[layout]") {
  ForceLayout layout(25, ringWithChords(25), {.seed = 9});
  layout.setPosition(0, {5.0, -3.0});
  layout.setPinned(0, true);
  layout.setPinned(12, true);
  const LayoutPoint p12 = layout.positions()[12];
  while (!layout.settled()) layout.step(10);
  CHECK(layout.positions()[0] == LayoutPoint{5.0, -3.0});
  CHECK(layout.positions()[12] == p12);
  CHECK(layout.pinned(0));
  layout.setPinned(0, false);
  layout.reheat(0.5);
  layout.step(5);
  CHECK_FALSE(layout.positions()[0] == LayoutPoint{5.0, -3.0});
}

TEST_CASE("force layout: group gravity keeps groups together", "[layout]") {
  // Two groups of 10 with no edges at all: only group gravity can gather them.
  std::vector<Id> groups;
  for (int i = 0; i < 20; ++i) groups.push_back(i < 10 ? 1 : 2);
  ForceLayout layout(20, {}, {.seed = 2, .groupGravity = 0.5});
  layout.setGroups(groups);
  while (!layout.settled()) layout.step(20);
  auto centroid = [&](int from) {
    LayoutPoint c;
    for (int i = from; i < from + 10; ++i) {
      c.x += layout.positions()[static_cast<std::size_t>(i)].x / 10;
      c.y += layout.positions()[static_cast<std::size_t>(i)].y / 10;
    }
    return c;
  };
  double within = 0;
  const LayoutPoint c1 = centroid(0);
  for (int i = 0; i < 10; ++i)
    within += dist(layout.positions()[static_cast<std::size_t>(i)], c1) / 10;
  CHECK(within < dist(c1, centroid(10)));
}

TEST_CASE("force layout: large graphs use the grid and settle to a sensible spread", "[layout]") {
  const Index n = 2000;
  ForceLayout layout(n, ringWithChords(n), {.seed = 1});
  int total = 0;
  while (!layout.settled() && total < 600) total += layout.step(20);
  CHECK(layout.settled());
  // No collapse (every node on one spot) and no explosion.
  double x0 = 1e9, x1 = -1e9;
  for (const auto& p : layout.positions()) {
    REQUIRE(std::isfinite(p.x));
    x0 = std::min(x0, p.x);
    x1 = std::max(x1, p.x);
  }
  CHECK(x1 - x0 > 5.0);
  CHECK(x1 - x0 < 20.0 * std::sqrt(static_cast<double>(n)));
}

TEST_CASE("force layout rejects bad input", "[layout]") {
  CHECK_THROWS(ForceLayout(3, {{0, 3}}));
  CHECK_THROWS(ForceLayout(3, {}, {.idealLength = 0}));
  ForceLayout empty(0, {});
  CHECK(empty.settled());
  CHECK(empty.step(5) == 0);
}
