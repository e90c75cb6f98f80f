#include "label_placement.hpp"

#include <algorithm>
#include <numeric>

namespace liaison::app::wall {
namespace {

bool isFree(const Box& b, const Box& pane, const std::vector<Box>& taken) {
  if (!b.inside(pane)) return false;
  return std::none_of(taken.begin(), taken.end(), [&](const Box& t) { return t.overlaps(b); });
}

// Candidate boxes of size w x h around a disc of radius r at (ax, ay), at distance d from it.
std::vector<Box> candidates(float ax, float ay, float r, float w, float h, float d) {
  const float e = r + d;
  return {
      {ax + e, ay - h / 2, ax + e + w, ay + h / 2},              // right
      {ax - e - w, ay - h / 2, ax - e, ay + h / 2},              // left
      {ax - w / 2, ay - e - h, ax + w / 2, ay - e},              // above
      {ax - w / 2, ay + e, ax + w / 2, ay + e + h},              // below
      {ax + e * 0.7f, ay - e * 0.7f - h, ax + e * 0.7f + w, ay - e * 0.7f},  // upper right
      {ax + e * 0.7f, ay + e * 0.7f, ax + e * 0.7f + w, ay + e * 0.7f + h},  // lower right
      {ax - e * 0.7f - w, ay - e * 0.7f - h, ax - e * 0.7f, ay - e * 0.7f},  // upper left
      {ax - e * 0.7f - w, ay + e * 0.7f, ax - e * 0.7f, ay + e * 0.7f + h},  // lower left
  };
}

}  // namespace

std::vector<Box> Placement::boxes() const {
  std::vector<Box> out;
  for (const auto& l : labels) out.push_back(l.box);
  for (const auto& m : markers) out.push_back(m.box);
  return out;
}

std::vector<int> placementOrder(const std::vector<LabelWish>& wishes) {
  std::vector<int> order(wishes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const LabelWish& x = wishes[static_cast<std::size_t>(a)];
    const LabelWish& y = wishes[static_cast<std::size_t>(b)];
    if (x.priority != y.priority) return x.priority < y.priority;
    if (x.weight != y.weight) return x.weight > y.weight;
    return x.id < y.id;
  });
  return order;
}

Placement placeLabels(const Box& pane, const std::vector<LabelWish>& wishes,
                      const std::vector<Box>& obstacles,
                      const std::function<std::pair<float, float>(int)>& marker_size, float gap) {
  Placement out;
  std::vector<Box> taken = obstacles;
  for (int i : placementOrder(wishes)) {
    const LabelWish& w = wishes[static_cast<std::size_t>(i)];
    bool placed = false;
    if (w.w > 0 && w.h > 0)
      for (float d : {gap, gap + 0.5f * w.h, gap + 1.5f * w.h}) {
        for (const Box& b : candidates(w.ax, w.ay, w.ar, w.w, w.h, d))
          if (isFree(b, pane, taken)) {
            out.labels.push_back({i, b});
            taken.push_back(b);
            placed = true;
            break;
          }
        if (placed) break;
      }
    if (placed) continue;
    if (!w.essential) {
      out.dropped.push_back(i);
      continue;
    }
    // A numbered marker on the anchor itself, or just beside it.
    const int number = static_cast<int>(out.markers.size()) + 1;
    const auto [mw, mh] = marker_size(number);
    std::vector<Box> spots = {{w.ax - mw / 2, w.ay - mh / 2, w.ax + mw / 2, w.ay + mh / 2}};
    for (float d : {gap, gap + 0.5f * mh}) {
      const auto more = candidates(w.ax, w.ay, w.ar, mw, mh, d);
      spots.insert(spots.end(), more.begin(), more.end());
    }
    for (const Box& b : spots)
      if (isFree(b, pane, taken)) {
        out.markers.push_back({i, number, b});
        taken.push_back(b);
        placed = true;
        break;
      }
    if (!placed) out.legend_only.push_back(i);
  }
  return out;
}

Legend layoutLegend(const Box& pane, const std::vector<std::pair<int, int>>& entries,
                    const LegendWidth& width, float line_h, float text_h, float gap,
                    int max_lines) {
  Legend out;
  // Not even one line fits: nothing (a legend cut by the pane's edge would mislead).
  if (entries.empty() || max_lines <= 0 || pane.height() < text_h) return out;
  float x = pane.x0 + gap;
  int line = 0;
  auto at = [&](float w) {
    const float y1 = pane.y1 - static_cast<float>(line) * line_h;
    return Box{x, y1 - text_h, std::min(x + w, pane.x1), y1};
  };
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto [number, wish] = entries[k];
    const float w = width(number, wish);
    if (x + w > pane.x1 && x > pane.x0 + gap) {
      x = pane.x0 + gap;
      ++line;
    }
    // Keep room on the last line for "+N more" when more entries follow.
    const int more = static_cast<int>(entries.size() - k);
    const bool last_line = line == max_lines - 1;
    if (line >= max_lines ||
        (last_line && more > 1 && x + w + gap + width(-(more - 1), -1) > pane.x1)) {
      if (line >= max_lines) {
        line = max_lines - 1;
        // Replace the last item of the last line with the count.
        if (!out.items.empty()) {
          x = out.items.back().box.x0;
          out.items.pop_back();
          const int n = more + 1;
          out.items.push_back({-n, -1, at(width(-n, -1))});
        }
      } else {
        out.items.push_back({-more, -1, at(width(-more, -1))});
      }
      break;
    }
    out.items.push_back({number, wish, at(w)});
    x += w + gap;
  }
  out.lines = line + 1;
  return out;
}

LabelsAndLegend placeWithLegend(const Box& pane, const std::vector<LabelWish>& wishes,
                                const std::vector<Box>& obstacles,
                                const std::function<std::pair<float, float>(int)>& marker_size,
                                const LegendWidth& legend_width, float line_h, float text_h,
                                float gap) {
  LabelsAndLegend out;
  const int max_lines = std::max(1, static_cast<int>(pane.height() * 0.5f / line_h));
  auto place = [&](int reserved) {
    std::vector<Box> taken = obstacles;
    if (reserved > 0)
      taken.push_back({pane.x0, pane.y1 - static_cast<float>(reserved) * line_h, pane.x1, pane.y1});
    out.placement = placeLabels(pane, wishes, taken, marker_size, gap);
    std::vector<std::pair<int, int>> entries;
    for (const auto& m : out.placement.markers) entries.push_back({m.number, m.wish});
    for (int i : out.placement.legend_only) entries.push_back({0, i});
    out.legend = layoutLegend(pane, entries, legend_width, line_h, text_h, gap, max_lines);
    return out.legend.items.empty() ? 0 : out.legend.lines;
  };
  int reserved = 0;
  for (int pass = 0; pass < 4; ++pass) {
    const int needed = place(reserved);
    if (needed <= reserved) return out;
    reserved = needed;
  }
  // Not settled (each reserve moved labels into markers): reserve the most the legend may take.
  place(max_lines);
  return out;
}

}  // namespace liaison::app::wall
