// The force-directed layout: converges, repeats for a seed, stays put when a small thing changes,
// never moves pinned nodes, and handles large graphs through its grid.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

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

namespace {

// The exact FR force (every pair), attraction and gravity as ForceLayout defines them.
std::vector<LayoutPoint> exactForces(const std::vector<LayoutPoint>& p,
                                     const std::vector<std::pair<Index, Index>>& edges,
                                     const ForceLayoutOptions& o, double weight = 1.0) {
  const std::size_t n = p.size();
  const double k = o.idealLength;
  std::vector<LayoutPoint> f(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const double dx = p[i].x - p[j].x, dy = p[i].y - p[j].y, d2 = dx * dx + dy * dy;
      f[i].x += k * k * dx / d2;
      f[i].y += k * k * dy / d2;
    }
  for (const auto& [a, b] : edges) {
    const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
    const double dx = p[ua].x - p[ub].x, dy = p[ua].y - p[ub].y;
    const double d = std::hypot(dx, dy) / k * weight;
    f[ua].x -= dx * d, f[ua].y -= dy * d;
    f[ub].x += dx * d, f[ub].y += dy * d;
  }
  const double g = o.gravity * std::sqrt(static_cast<double>(n));
  for (std::size_t v = 0; v < n; ++v) {
    f[v].x -= g / o.aspect * p[v].x;
    f[v].y -= g * o.aspect * p[v].y;
  }
  return f;
}

}  // namespace

TEST_CASE("force layout: the grid's forces match the exact sums", "[layout][grid]") {
  // Clustered and uniform pictures, as a layout passes through both.
  for (const bool clustered : {false, true}) {
    const Index n = 1500;
    const auto edges = ringWithChords(n);
    ForceLayoutOptions o{.seed = 11, .groupGravity = 0.0};
    ForceLayout layout(n, edges, o);
    if (clustered) {
      // 30 tight clusters of 50 on a wide ring.
      std::vector<LayoutPoint> pos(static_cast<std::size_t>(n));
      std::uint64_t s = 5;
      for (Index v = 0; v < n; ++v) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        const double a = 6.283185307179586 * (v / 50) / 30.0;
        const double r = static_cast<double>(s >> 40) / 16777216.0;
        const double t = static_cast<double>((s >> 16) & 0xFFFFFF) / 16777216.0 * 6.2831853;
        pos[static_cast<std::size_t>(v)] = {40 * std::cos(a) + 2.5 * r * std::cos(t),
                                            40 * std::sin(a) + 2.5 * r * std::sin(t)};
      }
      layout.warmStart(pos, std::vector<bool>(static_cast<std::size_t>(n), true));
    }
    const std::vector<LayoutPoint> pos = layout.positions();
    const auto approx = layout.forces();
    const auto exact = exactForces(pos, edges, o);
    // The error against the typical force: median and worst node.
    std::vector<double> err, size;
    for (std::size_t v = 0; v < pos.size(); ++v) {
      err.push_back(std::hypot(approx[v].x - exact[v].x, approx[v].y - exact[v].y));
      size.push_back(std::hypot(exact[v].x, exact[v].y));
    }
    std::vector<double> sortedSize = size;
    std::sort(sortedSize.begin(), sortedSize.end());
    const double typical = sortedSize[sortedSize.size() / 2];
    std::sort(err.begin(), err.end());
    INFO("clustered " << clustered << ": median error " << err[err.size() / 2] << ", max "
                      << err.back() << ", typical force " << typical);
    CHECK(err[err.size() / 2] < 0.01 * typical);
    CHECK(err.back() < 0.05 * typical);
  }
}

TEST_CASE("force layout: nodes on one spot are pulled apart on the grid too", "[layout][grid]") {
  const Index n = 600;
  ForceLayout layout(n, ringWithChords(n), {.seed = 2});
  std::vector<LayoutPoint> pos(static_cast<std::size_t>(n), LayoutPoint{3.0, -1.0});
  for (Index v = 0; v < 100; ++v) pos[static_cast<std::size_t>(v)] = {0.1 * v, 0.0};
  layout.warmStart(pos, std::vector<bool>(static_cast<std::size_t>(n), true));
  layout.step(50);
  const auto& p = layout.positions();
  std::size_t together = 0;
  for (std::size_t v = 101; v < p.size(); ++v)
    if (dist(p[v], p[v - 1]) < 1e-6) ++together;
  CHECK(together == 0);
  for (const auto& q : p) CHECK(std::isfinite(q.x));
}

TEST_CASE("force layout: the grid is deterministic and settles the same with or without reuse",
          "[layout][grid]") {
  const Index n = 3000;
  ForceLayout a(n, ringWithChords(n), {.seed = 9, .tolerance = 0.0});
  ForceLayout b(n, ringWithChords(n), {.seed = 9, .tolerance = 0.0});
  a.step(400);
  b.step(400);
  CHECK(a.positions() == b.positions());
  // Late in the run the grid and then the repulsion are reused while the nodes barely move.
  // forces() rebuilds everything, so calling it before every step turns the reuse off: the
  // pictures must agree closely.
  ForceLayout c(n, ringWithChords(n), {.seed = 9, .tolerance = 0.0});
  for (int i = 0; i < 400; ++i) {
    (void)c.forces();
    c.step(1);
  }
  // The tail of a layout is chaotic (tiny differences in force pick among near-equal moves), so
  // compare the pictures, not node by node: the same energy, and most nodes in the same place.
  std::vector<double> moved;
  for (std::size_t v = 0; v < c.positions().size(); ++v)
    moved.push_back(dist(a.positions()[v], c.positions()[v]));
  std::sort(moved.begin(), moved.end());
  const double ea = a.energy(), ec = c.energy();
  INFO("energy " << ea << " vs " << ec << "; median difference " << moved[moved.size() / 2]
                 << ", 90th percentile " << moved[moved.size() * 9 / 10]);
  CHECK(std::fabs(ea - ec) < 1e-3 * std::fabs(ec));
  CHECK(moved[moved.size() / 2] < 0.05);
}

TEST_CASE("force layout: edge weights set late in a run are used by the grid", "[layout][grid]") {
  const Index n = 1200;
  const auto edges = ringWithChords(n);
  const ForceLayoutOptions o{.seed = 4, .groupGravity = 0.0, .tolerance = 0.0};
  ForceLayout layout(n, edges, o);
  layout.step(300);  // cold: the grid and the repulsion are being reused
  layout.setEdgeWeights(std::vector<double>(edges.size(), 3.0));
  layout.step(2);
  for (const auto& p : layout.positions()) REQUIRE(std::isfinite(p.x));
  const auto approx = layout.forces();
  const auto exact = exactForces(layout.positions(), edges, o, 3.0);
  double worst = 0, typical = 0;
  for (std::size_t v = 0; v < approx.size(); ++v) {
    worst = std::max(worst, std::hypot(approx[v].x - exact[v].x, approx[v].y - exact[v].y));
    typical += std::hypot(exact[v].x, exact[v].y) / static_cast<double>(approx.size());
  }
  INFO("worst " << worst << ", mean force " << typical);
  // Near equilibrium the net forces are small next to their terms: compare with the attraction.
  double pull = 0;
  for (const auto& [a, b] : edges) {
    const auto& pa = layout.positions()[static_cast<std::size_t>(a)];
    const auto& pb = layout.positions()[static_cast<std::size_t>(b)];
    pull = std::max(pull, 3.0 * std::pow(std::hypot(pa.x - pb.x, pa.y - pb.y), 2));
  }
  CHECK(worst < 0.05 * pull);
}
