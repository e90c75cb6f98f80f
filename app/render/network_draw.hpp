// Snapshot model + layout positions + view transform -> plain draw records for the network view:
// culled to the viewport, nodes smaller than a few pixels folded into one mark per screen cell,
// labels only where they do not collide. No ImGui: the panel turns records into ImDrawList calls.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "network_model.hpp"

namespace liaison::app {

struct Vec2f {
  float x = 0, y = 0;
  bool operator==(const Vec2f&) const = default;
};

// World (layout units) <-> screen pixels. `centre` is the world point at the viewport's middle.
struct ViewTransform {
  Vec2f origin;       // viewport top-left on screen
  Vec2f size;         // viewport size in pixels
  Vec2f centre;       // world
  float zoom = 1.0f;  // pixels per world unit
  Vec2f toScreen(Vec2f w) const {
    return {origin.x + size.x * 0.5f + (w.x - centre.x) * zoom,
            origin.y + size.y * 0.5f + (w.y - centre.y) * zoom};
  }
  Vec2f toWorld(Vec2f s) const {
    return {centre.x + (s.x - origin.x - size.x * 0.5f) / zoom,
            centre.y + (s.y - origin.y - size.y * 0.5f) / zoom};
  }
};

enum class SizeMode { Degree, Load, Betweenness };

struct DrawOptions {
  float em = 16.0f;          // font size in pixels (label height, spacing)
  float nodeRadius = 0.22f;  // world units (k = 1): the radius of an average node
  float foldPx = 2.5f;       // a node smaller than this (radius, pixels) is folded
  float foldCellPx = 7.0f;   // one folded mark per screen cell of this size
  float labelMinPx = 4.0f;   // a node needs at least this radius (pixels) for its label
  int maxLabels = 400;
  SizeMode size = SizeMode::Degree;
  // Label width in pixels; default: 0.55 em per byte (the panel passes ImGui::CalcTextSize).
  std::function<float(const std::string&)> textWidth;
};

struct DrawState {
  const NetworkModel* model = nullptr;
  const std::vector<Vec2f>* positions = nullptr;  // per model node (world)
  const ResolvedOverlay* overlay = nullptr;       // may be null
  const std::vector<bool>* collapsed = nullptr;   // per cluster; null: none
  int selectedNode = -1, hoveredNode = -1, foundNode = -1;
  const std::vector<bool>* pinned = nullptr;  // per node; may be null
};

struct NodeRec {
  Vec2f c;
  float r = 0;
  int node = 0;  // model node (a hub for a collapsed cluster)
  std::uint16_t flags = 0;
  int colour = 0;
};
struct EdgeRec {
  Vec2f a, b;
  int edge = 0;
  std::uint16_t flags = 0;
  int count = 1;  // channels merged into this line (collapsed clusters)
};
struct FoldRec {
  Vec2f c;
  int count = 0;
  int colour = 0;  // of the first node folded into it
};
struct ClusterRec {
  Vec2f c;
  float r = 0;
  int cluster = 0;
  bool collapsed = false;
};
struct LabelRec {
  Vec2f pos;  // top-left
  int node = -1;
  int cluster = -1;  // a cluster caption when >= 0
  const std::string* text = nullptr;
};
struct LineRec {
  Vec2f a, b;
  int number = 0;  // hop number for paths
};

struct DrawStats {
  int culledNodes = 0, foldedNodes = 0, drawnNodes = 0;
  int culledEdges = 0, drawnEdges = 0;
  int labels = 0, hiddenLabels = 0;
};

struct NetworkDrawList {
  std::vector<ClusterRec> clusters;
  std::vector<EdgeRec> edges;
  std::vector<LineRec> foldedEdges;
  std::vector<NodeRec> nodes;
  std::vector<FoldRec> folds;
  std::vector<LabelRec> labels;
  std::vector<LineRec> brokenNeeds;
  std::vector<LineRec> pathHops;
  DrawStats stats;
  void clear();
};

// World radius of a node for the size mode (hubs of collapsed clusters are larger).
float nodeWorldRadius(const NetworkModel& model, const ResolvedOverlay* overlay, int node,
                      SizeMode mode, float base);

// Fills `out` (cleared first; its buffers are reused between frames).
void buildNetworkDrawList(const DrawState& state, const ViewTransform& view,
                          const DrawOptions& options, NetworkDrawList& out);

// The drawn node under `p` (within its radius + slack pixels), nearest first; -1 when none.
int hitNode(const NetworkDrawList& list, Vec2f p, float slack);
// The drawn channel line nearest to `p` within `slack` pixels (model edge index); -1 when none.
int hitEdge(const NetworkDrawList& list, Vec2f p, float slack);
// The expanded cluster whose circle contains `p` (smallest first); -1 when none.
int hitCluster(const NetworkDrawList& list, Vec2f p);

// Centre of each cluster and the radius of the circle around its members (world units).
void clusterCircles(const NetworkModel& model, const std::vector<Vec2f>& positions, float pad,
                    std::vector<Vec2f>& centres, std::vector<float>& radii);

}  // namespace liaison::app
