// Labels by importance, never colliding: the wall's network and map panes place their labels
// greedily, most important first, at candidate positions around each anchor (right, left,
// above, below, the four corners, then the same one step farther out), each checked against
// the labels already placed, the obstacles (drawn legends, keys) and the pane's edge. A label
// that cannot be placed is dropped, unless it is essential (an agency of a broken or
// single-path need): then it becomes a numbered marker at its anchor, and the caller prints
// "N  TEXT" in a legend line. An essential label with no room even for its marker is listed
// in `legend_only` (the legend names it without a marker). Pure; no ImGui.
#pragma once

#include <functional>
#include <vector>

namespace liaison::app::wall {

struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
  // Touching edges do not overlap.
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool inside(const Box& outer) const {
    return x0 >= outer.x0 && y0 >= outer.y0 && x1 <= outer.x1 && y1 <= outer.y1;
  }
};

struct LabelWish {
  float ax = 0, ay = 0;  // anchor (screen pixels)
  float ar = 0;          // anchor radius: a label clears the disc's bounding box
  float w = 0, h = 0;    // the label's size
  int priority = 0;      // lower is placed first
  double weight = 0;     // within a priority, larger first (e.g. load)
  bool essential = false;
  int id = 0;  // the caller's; ties are broken by it, so the result is deterministic
};

struct PlacedLabel {
  int wish = 0;  // index into the wishes passed in
  Box box;
};
struct Marker {
  int wish = 0;
  int number = 0;  // 1, 2, ... in placement order
  Box box;
};
struct Placement {
  std::vector<PlacedLabel> labels;
  std::vector<Marker> markers;
  std::vector<int> legend_only;  // essential wishes without a marker
  std::vector<int> dropped;      // other wishes that found no room
  // Every box placed (labels and markers): none overlaps another or an obstacle.
  std::vector<Box> boxes() const;
};

// marker_size(number) -> the marker's box size (w, h) for that number's text.
Placement placeLabels(const Box& pane, const std::vector<LabelWish>& wishes,
                      const std::vector<Box>& obstacles,
                      const std::function<std::pair<float, float>(int)>& marker_size,
                      float gap = 2.0f);

// The legend naming the markers (and the essential labels without one) in lines along the
// pane's bottom, left to right. An entry is (number, wish): number 0 for a label without a
// marker. When they do not fit in max_lines, the last item is (-N, -1): "+N more".
struct LegendItem {
  int number = 0;
  int wish = -1;
  Box box;
};
struct Legend {
  std::vector<LegendItem> items;
  int lines = 0;
};
using LegendWidth = std::function<float(int number, int wish)>;
// Nothing when the pane is lower than one line.
Legend layoutLegend(const Box& pane, const std::vector<std::pair<int, int>>& entries,
                    const LegendWidth& width, float line_h, float text_h, float gap,
                    int max_lines);

// placeLabels, then the legend for its markers, with the legend's lines reserved at the
// pane's bottom (placing again until the reserve holds the legend).
struct LabelsAndLegend {
  Placement placement;
  Legend legend;
};
LabelsAndLegend placeWithLegend(const Box& pane, const std::vector<LabelWish>& wishes,
                                const std::vector<Box>& obstacles,
                                const std::function<std::pair<float, float>(int)>& marker_size,
                                const LegendWidth& legend_width, float line_h, float text_h,
                                float gap);

// The order placeLabels uses: priority, then weight (larger first), then id.
std::vector<int> placementOrder(const std::vector<LabelWish>& wishes);

}  // namespace liaison::app::wall
