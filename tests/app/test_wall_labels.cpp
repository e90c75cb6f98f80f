// The wall's label placement (app/wall/label_placement.hpp): no overlaps, inside the pane,
// priority respected, essential labels never silently dropped; hand-checked small cases and a
// property test on random inputs.
#include <catch2/catch.hpp>

#include <random>

#include "app/wall/label_placement.hpp"

using namespace liaison::app::wall;

namespace {

std::pair<float, float> marker(int n) {
  return {n >= 10 ? 24.0f : 14.0f, 14.0f};
}

void requireValid(const Placement& p, const Box& pane, const std::vector<Box>& obstacles) {
  const auto boxes = p.boxes();
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    INFO("box " << i);
    CHECK(boxes[i].inside(pane));
    for (const Box& o : obstacles) CHECK_FALSE(boxes[i].overlaps(o));
    for (std::size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(boxes[i].overlaps(boxes[j]));
  }
}

}  // namespace

TEST_CASE("wall labels: the first choice is right of the anchor", "[wall][labels]") {
  const Box pane{0, 0, 200, 100};
  const std::vector<LabelWish> wishes = {{50, 50, 5, 40, 10, 0, 0, false, 1}};
  const Placement p = placeLabels(pane, wishes, {}, marker, 2);
  REQUIRE(p.labels.size() == 1);
  // x0 = 50 + 5 + 2 = 57, centred vertically on y = 50.
  CHECK(p.labels[0].box.x0 == 57);
  CHECK(p.labels[0].box.x1 == 97);
  CHECK(p.labels[0].box.y0 == 45);
  CHECK(p.labels[0].box.y1 == 55);
}

TEST_CASE("wall labels: at the right edge the label goes left, never cut", "[wall][labels]") {
  const Box pane{0, 0, 200, 100};
  const std::vector<LabelWish> wishes = {{190, 50, 5, 40, 10, 0, 0, false, 1}};
  const Placement p = placeLabels(pane, wishes, {}, marker, 2);
  REQUIRE(p.labels.size() == 1);
  CHECK(p.labels[0].box.x1 == 183);  // 190 - 5 - 2
  CHECK(p.labels[0].box.inside(pane));
}

TEST_CASE("wall labels: the more important label wins the contested spot", "[wall][labels]") {
  // Two anchors with one spot between them in a pane only one label high.
  const Box pane{0, 0, 100, 12};
  std::vector<LabelWish> wishes = {
      {10, 6, 0, 70, 10, 5, 9.0, false, 1},  // heavy but low priority
      {90, 6, 0, 70, 10, 1, 0.0, false, 2},  // priority 1: placed first
  };
  const Placement p = placeLabels(pane, wishes, {}, marker, 2);
  REQUIRE(p.labels.size() == 1);
  CHECK(p.labels[0].wish == 1);
  CHECK(p.dropped == std::vector<int>{0});
  // Within a priority, the heavier first.
  wishes[0].priority = 1;
  wishes[0].weight = 9;
  const Placement q = placeLabels(pane, wishes, {}, marker, 2);
  REQUIRE(q.labels.size() == 1);
  CHECK(q.labels[0].wish == 0);
}

TEST_CASE("wall labels: an essential label without room becomes a numbered marker",
          "[wall][labels]") {
  const Box pane{0, 0, 100, 40};
  const std::vector<LabelWish> wishes = {
      {50, 20, 4, 300, 10, 0, 0, true, 7},   // wider than the pane: marker 1
      {20, 20, 4, 300, 10, 0, 0, false, 8},  // same, not essential: dropped
  };
  const Placement p = placeLabels(pane, wishes, {}, marker, 2);
  CHECK(p.labels.empty());
  REQUIRE(p.markers.size() == 1);
  CHECK(p.markers[0].wish == 0);
  CHECK(p.markers[0].number == 1);
  // On the anchor: 14 x 14 centred on (50, 20).
  CHECK(p.markers[0].box.x0 == 43);
  CHECK(p.markers[0].box.y0 == 13);
  CHECK(p.dropped == std::vector<int>{1});
  // An obstacle over the whole pane: no room even for the marker; the legend still names it.
  const Placement q = placeLabels(pane, wishes, {{0, 0, 100, 40}}, marker, 2);
  CHECK(q.markers.empty());
  CHECK(q.legend_only == std::vector<int>{0});
}

TEST_CASE("wall labels: random inputs never overlap, stay inside and keep every essential",
          "[wall][labels][property]") {
  std::mt19937 rng(17);
  std::uniform_real_distribution<float> u(0, 1);
  for (int round = 0; round < 300; ++round) {
    const Box pane{0, 0, 200 + 800 * u(rng), 100 + 500 * u(rng)};
    std::vector<Box> obstacles;
    if (u(rng) < 0.5f)
      obstacles.push_back({pane.x0, pane.y1 - 30, pane.x0 + 150, pane.y1});  // a legend
    const int n = 1 + static_cast<int>(u(rng) * 60);
    std::vector<LabelWish> wishes;
    for (int i = 0; i < n; ++i) {
      LabelWish w;
      // Some anchors outside the pane (culled nodes near the edge).
      w.ax = pane.x0 - 20 + (pane.width() + 40) * u(rng);
      w.ay = pane.y0 - 20 + (pane.height() + 40) * u(rng);
      w.ar = 10 * u(rng);
      w.w = 10 + 200 * u(rng);
      w.h = 8 + 30 * u(rng);
      w.priority = static_cast<int>(u(rng) * 4);
      w.weight = u(rng);
      w.essential = u(rng) < 0.3f;
      w.id = i;
      wishes.push_back(w);
    }
    INFO("round " << round);
    const Placement p = placeLabels(pane, wishes, obstacles, marker, 2);
    requireValid(p, pane, obstacles);
    // Every wish is accounted for exactly once; essentials are never dropped.
    std::vector<int> seen(static_cast<std::size_t>(n), 0);
    for (const auto& l : p.labels) ++seen[static_cast<std::size_t>(l.wish)];
    for (const auto& m : p.markers) ++seen[static_cast<std::size_t>(m.wish)];
    for (int i : p.legend_only) ++seen[static_cast<std::size_t>(i)];
    for (int i : p.dropped) {
      ++seen[static_cast<std::size_t>(i)];
      CHECK_FALSE(wishes[static_cast<std::size_t>(i)].essential);
    }
    for (int s : seen) CHECK(s == 1);
    // Priority: a label is dropped only if some candidate spot of it was taken or out of the
    // pane; checked here as: placing it alone (with the obstacles) in the same pane also works
    // or fails the same way when nothing more important was placed.
    for (int i : p.dropped) {
      const auto& w = wishes[static_cast<std::size_t>(i)];
      bool blockedByMoreImportant = false;
      const Placement alone = placeLabels(pane, {w}, obstacles, marker, 2);
      if (alone.labels.empty()) continue;  // no room even alone: fine
      for (const auto& l : p.labels) {
        const auto& o = wishes[static_cast<std::size_t>(l.wish)];
        if (o.priority < w.priority || (o.priority == w.priority && o.weight >= w.weight))
          blockedByMoreImportant = true;
      }
      for (const auto& m : p.markers) {
        const auto& o = wishes[static_cast<std::size_t>(m.wish)];
        if (o.priority <= w.priority) blockedByMoreImportant = true;
      }
      CHECK(blockedByMoreImportant);
    }
    // Determinism: the same input, the same picture.
    const Placement again = placeLabels(pane, wishes, obstacles, marker, 2);
    REQUIRE(again.labels.size() == p.labels.size());
    for (std::size_t k = 0; k < p.labels.size(); ++k) {
      CHECK(again.labels[k].wish == p.labels[k].wish);
      CHECK(again.labels[k].box.x0 == p.labels[k].box.x0);
    }
  }
}
