#include "network_draw.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace liaison::app {
namespace {

enum : std::int8_t { kCulled = 0, kDrawn = 1, kFolded = 2, kHidden = 3 };

struct Rect {
  float x0, y0, x1, y1;
  bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

bool segmentVisible(Vec2f a, Vec2f b, const Rect& v) {
  return std::max(a.x, b.x) >= v.x0 && std::min(a.x, b.x) <= v.x1 && std::max(a.y, b.y) >= v.y0 &&
         std::min(a.y, b.y) <= v.y1;
}

std::uint64_t pairKey(std::int64_t a, std::int64_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) ^ static_cast<std::uint64_t>(b & 0xffffffff);
}

// Labels that must not overlap, bucketed on a coarse screen grid so each test is local.
class LabelPlacer {
 public:
  LabelPlacer(const Rect& view, float cellW, float cellH)
      : m_view(view),
        m_cw(cellW),
        m_ch(cellH),
        m_cols(std::max(1, static_cast<int>((view.x1 - view.x0) / cellW) + 1)),
        m_rows(std::max(1, static_cast<int>((view.y1 - view.y0) / cellH) + 1)),
        m_buckets(static_cast<std::size_t>(m_cols * m_rows)) {}

  bool tryPlace(const Rect& r) {
    if (r.x0 < m_view.x0 || r.x1 > m_view.x1 || r.y0 < m_view.y0 || r.y1 > m_view.y1) return false;
    const int c0 = col(r.x0), c1 = col(r.x1), r0 = row(r.y0), r1 = row(r.y1);
    for (int y = r0; y <= r1; ++y)
      for (int x = c0; x <= c1; ++x)
        for (int i : m_buckets[static_cast<std::size_t>(y * m_cols + x)])
          if (m_rects[static_cast<std::size_t>(i)].overlaps(r)) return false;
    const int index = static_cast<int>(m_rects.size());
    m_rects.push_back(r);
    for (int y = r0; y <= r1; ++y)
      for (int x = c0; x <= c1; ++x)
        m_buckets[static_cast<std::size_t>(y * m_cols + x)].push_back(index);
    return true;
  }
  // Reserve an area (a drawn node) so later labels avoid it.
  void block(const Rect& r) {
    const Rect c{std::max(r.x0, m_view.x0), std::max(r.y0, m_view.y0), std::min(r.x1, m_view.x1),
                 std::min(r.y1, m_view.y1)};
    if (c.x0 >= c.x1 || c.y0 >= c.y1) return;
    const int index = static_cast<int>(m_rects.size());
    m_rects.push_back(c);
    for (int y = row(c.y0); y <= row(c.y1); ++y)
      for (int x = col(c.x0); x <= col(c.x1); ++x)
        m_buckets[static_cast<std::size_t>(y * m_cols + x)].push_back(index);
  }

 private:
  int col(float x) const {
    return std::clamp(static_cast<int>((x - m_view.x0) / m_cw), 0, m_cols - 1);
  }
  int row(float y) const {
    return std::clamp(static_cast<int>((y - m_view.y0) / m_ch), 0, m_rows - 1);
  }
  Rect m_view;
  float m_cw, m_ch;
  int m_cols, m_rows;
  std::vector<std::vector<int>> m_buckets;
  std::vector<Rect> m_rects;
};

}  // namespace

void NetworkDrawList::clear() {
  clusters.clear();
  edges.clear();
  foldedEdges.clear();
  nodes.clear();
  folds.clear();
  labels.clear();
  brokenNeeds.clear();
  pathHops.clear();
  stats = {};
}

float nodeWorldRadius(const NetworkModel& model, const ResolvedOverlay* overlay, int node,
                      SizeMode mode, float base) {
  const NetNode& n = model.nodes[static_cast<std::size_t>(node)];
  if (n.hub) {
    const auto members =
        n.cluster >= 0 ? model.clusters[static_cast<std::size_t>(n.cluster)].members.size() : 0;
    return base * (1.4f + 0.35f * std::sqrt(static_cast<float>(members)));
  }
  float value = n.degree, top = 8.0f;  // degree: 8 channels or more is full size
  if (overlay && mode == SizeMode::Load && overlay->loadMax > 0) {
    value = overlay->load[static_cast<std::size_t>(node)];
    top = overlay->loadMax;
  } else if (overlay && mode == SizeMode::Betweenness && overlay->betweennessMax > 0) {
    value = overlay->betweenness[static_cast<std::size_t>(node)];
    top = overlay->betweennessMax;
  }
  value = std::min(value, top);
  const float t = top > 0 ? std::sqrt(std::max(0.0f, value) / top) : 0.0f;
  return base * (0.7f + 0.9f * t);
}

void clusterCircles(const NetworkModel& model, const std::vector<Vec2f>& positions, float pad,
                    std::vector<Vec2f>& centres, std::vector<float>& radii) {
  centres.assign(model.clusters.size(), Vec2f{});
  radii.assign(model.clusters.size(), pad);
  for (std::size_t ci = 0; ci < model.clusters.size(); ++ci) {
    const auto& c = model.clusters[ci];
    if (c.members.empty()) {
      centres[ci] = positions[static_cast<std::size_t>(c.hub)];
      continue;
    }
    Vec2f s;
    for (int m : c.members) {
      s.x += positions[static_cast<std::size_t>(m)].x;
      s.y += positions[static_cast<std::size_t>(m)].y;
    }
    const float inv = 1.0f / static_cast<float>(c.members.size());
    centres[ci] = {s.x * inv, s.y * inv};
    float r = 0;
    for (int m : c.members) {
      const Vec2f p = positions[static_cast<std::size_t>(m)];
      r = std::max(r, std::hypot(p.x - centres[ci].x, p.y - centres[ci].y));
    }
    radii[ci] = r + pad;
  }
}

void buildNetworkDrawList(const DrawState& st, const ViewTransform& view, const DrawOptions& opt,
                          NetworkDrawList& out) {
  out.clear();
  if (!st.model || !st.positions || st.positions->size() != st.model->nodes.size()) return;
  const NetworkModel& model = *st.model;
  const auto& pos = *st.positions;
  const std::size_t n = model.nodes.size();
  const Rect viewRect{view.origin.x, view.origin.y, view.origin.x + view.size.x,
                      view.origin.y + view.size.y};
  auto collapsed = [&](int cluster) {
    return cluster >= 0 && st.collapsed &&
           static_cast<std::size_t>(cluster) < st.collapsed->size() &&
           (*st.collapsed)[static_cast<std::size_t>(cluster)];
  };
  auto overlayFlags = [&](int node) -> std::uint16_t {
    return st.overlay ? st.overlay->nodeFlags[static_cast<std::size_t>(node)] : 0;
  };

  // Clusters: circles around expanded ones, one big node for collapsed ones.
  std::vector<Vec2f> centres;
  std::vector<float> radii;
  clusterCircles(model, pos, opt.nodeRadius * 2.2f, centres, radii);
  std::vector<Vec2f> clusterScreen(model.clusters.size());
  std::vector<float> clusterScreenR(model.clusters.size());
  for (std::size_t ci = 0; ci < model.clusters.size(); ++ci) {
    clusterScreen[ci] = view.toScreen(centres[ci]);
    clusterScreenR[ci] = radii[ci] * view.zoom;
  }

  // Where each node is drawn: its own mark, its cluster's node, folded, or nowhere.
  std::vector<Vec2f> screen(n);
  std::vector<std::int8_t> state(n, kCulled);
  std::vector<std::int64_t> cell(n, -1);
  std::vector<int> drawnAs(n);  // the node that stands for it (the hub when collapsed)
  std::unordered_map<std::int64_t, int> foldIndex;
  for (std::size_t i = 0; i < n; ++i) {
    const NetNode& node = model.nodes[i];
    const int ci = node.cluster;
    const bool asHub = node.hub || collapsed(ci);
    drawnAs[i] =
        asHub && ci >= 0 ? model.clusters[static_cast<std::size_t>(ci)].hub : static_cast<int>(i);
    if (asHub && ci >= 0) {
      screen[i] = clusterScreen[static_cast<std::size_t>(ci)];
      const bool shown =
          collapsed(ci) || model.clusters[static_cast<std::size_t>(ci)].members.empty();
      if (!node.hub || !shown) {
        state[i] = kHidden;
        continue;
      }
    } else {
      screen[i] = view.toScreen(pos[i]);
    }
    const float r =
        nodeWorldRadius(model, st.overlay, static_cast<int>(i), opt.size, opt.nodeRadius) *
        view.zoom;
    const Vec2f c = screen[i];
    if (c.x + r < viewRect.x0 || c.x - r > viewRect.x1 || c.y + r < viewRect.y0 ||
        c.y - r > viewRect.y1) {
      ++out.stats.culledNodes;
      continue;
    }
    std::uint16_t flags = overlayFlags(static_cast<int>(i));
    if (node.hub) flags |= kNodeHub;
    if (static_cast<int>(i) == st.selectedNode) flags |= kNodeSelected;
    if (static_cast<int>(i) == st.hoveredNode) flags |= kNodeHovered;
    if (static_cast<int>(i) == st.foundNode) flags |= kNodeFound;
    if (st.pinned && i < st.pinned->size() && (*st.pinned)[i]) flags |= kNodePinned;
    const bool important = flags & (kNodeSelected | kNodeFound | kNodePath | kNodeHub);
    if (r < opt.foldPx && !important) {
      const auto cx = static_cast<std::int64_t>(std::floor((c.x - viewRect.x0) / opt.foldCellPx));
      const auto cy = static_cast<std::int64_t>(std::floor((c.y - viewRect.y0) / opt.foldCellPx));
      const std::int64_t key = (cy << 20) + cx;
      cell[i] = key;
      state[i] = kFolded;
      ++out.stats.foldedNodes;
      const auto [it, fresh] = foldIndex.try_emplace(key, static_cast<int>(out.folds.size()));
      if (fresh) {
        out.folds.push_back({{viewRect.x0 + (static_cast<float>(cx) + 0.5f) * opt.foldCellPx,
                              viewRect.y0 + (static_cast<float>(cy) + 0.5f) * opt.foldCellPx},
                             0,
                             node.colour});
      }
      ++out.folds[static_cast<std::size_t>(it->second)].count;
      continue;
    }
    state[i] = kDrawn;
    out.nodes.push_back({c, std::max(r, opt.foldPx), static_cast<int>(i), flags, node.colour});
  }
  out.stats.drawnNodes = static_cast<int>(out.nodes.size());

  for (std::size_t ci = 0; ci < model.clusters.size(); ++ci) {
    const bool isCollapsed = collapsed(static_cast<int>(ci));
    if (isCollapsed || model.clusters[ci].members.empty()) continue;
    const Vec2f c = clusterScreen[ci];
    const float r = clusterScreenR[ci];
    if (c.x + r < viewRect.x0 || c.x - r > viewRect.x1 || c.y + r < viewRect.y0 ||
        c.y - r > viewRect.y1)
      continue;
    out.clusters.push_back({c, r, static_cast<int>(ci), false});
  }

  // Edges, merged where clusters are collapsed or both ends folded into the same cells.
  std::unordered_set<std::uint64_t> foldedPairs;
  std::unordered_map<std::uint64_t, int> mergedEdges;
  for (std::size_t e = 0; e < model.edges.size(); ++e) {
    const NetEdge& edge = model.edges[e];
    const int a = drawnAs[static_cast<std::size_t>(edge.a)],
              b = drawnAs[static_cast<std::size_t>(edge.b)];
    if (a == b) continue;
    const auto sa = state[static_cast<std::size_t>(a)], sb = state[static_cast<std::size_t>(b)];
    Vec2f pa = screen[static_cast<std::size_t>(a)], pb = screen[static_cast<std::size_t>(b)];
    std::uint16_t flags = st.overlay ? st.overlay->edgeFlags[e] : 0;
    if (edge.agencyLevel) {
      flags |= kEdgeAgency;
      // Between expanded clusters the line runs from circle to circle, not through the members.
      const float dx = pb.x - pa.x, dy = pb.y - pa.y, len = std::hypot(dx, dy);
      const int ca = model.nodes[static_cast<std::size_t>(a)].cluster;
      const int cb = model.nodes[static_cast<std::size_t>(b)].cluster;
      if (len > 1e-3f) {
        if (ca >= 0 && !collapsed(ca) &&
            !model.clusters[static_cast<std::size_t>(ca)].members.empty()) {
          const float ra = std::min(clusterScreenR[static_cast<std::size_t>(ca)], len * 0.45f);
          pa = {pa.x + dx / len * ra, pa.y + dy / len * ra};
        }
        if (cb >= 0 && !collapsed(cb) &&
            !model.clusters[static_cast<std::size_t>(cb)].members.empty()) {
          const float rb = std::min(clusterScreenR[static_cast<std::size_t>(cb)], len * 0.45f);
          pb = {pb.x - dx / len * rb, pb.y - dy / len * rb};
        }
      }
    }
    if (!segmentVisible(pa, pb, viewRect)) {
      ++out.stats.culledEdges;
      continue;
    }
    if (static_cast<int>(edge.a) == st.selectedNode ||
        static_cast<int>(edge.b) == st.selectedNode || a == st.selectedNode || b == st.selectedNode)
      flags |= kEdgeSelected;
    const bool special = flags & (kEdgePath | kEdgeBridge | kEdgeSelected);
    if ((sa == kFolded || sb == kFolded) && !special && !edge.agencyLevel) {
      const std::int64_t ka = sa == kFolded ? cell[static_cast<std::size_t>(a)] : -2 - a;
      const std::int64_t kb = sb == kFolded ? cell[static_cast<std::size_t>(b)] : -2 - b;
      if (ka == kb || !foldedPairs.insert(pairKey(ka, kb)).second) continue;
      out.foldedEdges.push_back({pa, pb, 0});
      continue;
    }
    const bool merged = model.nodes[static_cast<std::size_t>(a)].hub ||
                        model.nodes[static_cast<std::size_t>(b)].hub;
    if (merged && !edge.agencyLevel) {
      const auto [it, fresh] =
          mergedEdges.try_emplace(pairKey(a, b), static_cast<int>(out.edges.size()));
      if (!fresh) {
        auto& rec = out.edges[static_cast<std::size_t>(it->second)];
        ++rec.count;
        rec.flags |= flags & (kEdgePath | kEdgeBridge | kEdgeSelected);
        continue;
      }
    }
    out.edges.push_back({pa, pb, static_cast<int>(e), flags, 1});
  }
  out.stats.drawnEdges = static_cast<int>(out.edges.size() + out.foldedEdges.size());

  if (st.overlay) {
    for (const auto& [ca, cb] : st.overlay->brokenNeeds) {
      const Vec2f a = clusterScreen[static_cast<std::size_t>(ca)],
                  b = clusterScreen[static_cast<std::size_t>(cb)];
      if (segmentVisible(a, b, viewRect)) out.brokenNeeds.push_back({a, b, 0});
    }
    const auto& path = st.overlay->pathNodes;
    for (std::size_t h = 0; h + 1 < path.size(); ++h) {
      const Vec2f a = screen[static_cast<std::size_t>(drawnAs[static_cast<std::size_t>(path[h])])];
      const Vec2f b =
          screen[static_cast<std::size_t>(drawnAs[static_cast<std::size_t>(path[h + 1])])];
      out.pathHops.push_back({a, b, static_cast<int>(h + 1)});
    }
  }

  // Labels: cluster captions first, then the most important and largest nodes, where there is room.
  auto width = [&](const std::string& s) {
    return opt.textWidth ? opt.textWidth(s) : 0.55f * opt.em * static_cast<float>(s.size());
  };
  LabelPlacer placer(viewRect, 8.0f * opt.em, 2.0f * opt.em);
  for (const auto& cr : out.clusters) {
    const std::string& text = model.clusters[static_cast<std::size_t>(cr.cluster)].code;
    const float w = width(text);
    const Rect r{cr.c.x - w * 0.5f, cr.c.y - cr.r - opt.em * 1.15f, cr.c.x + w * 0.5f,
                 cr.c.y - cr.r - opt.em * 0.1f};
    if (cr.r > opt.em * 0.8f && placer.tryPlace(r)) {
      out.labels.push_back({{r.x0, r.y0}, -1, cr.cluster, &text});
    } else {
      ++out.stats.hiddenLabels;
    }
  }
  std::vector<int> order;
  order.reserve(out.nodes.size());
  for (std::size_t i = 0; i < out.nodes.size(); ++i)
    if (out.nodes[i].r >= opt.labelMinPx ||
        (out.nodes[i].flags & (kNodeSelected | kNodeFound | kNodeHub)))
      order.push_back(static_cast<int>(i));
    else
      ++out.stats.hiddenLabels;
  auto rank = [&](const NodeRec& r) {
    if (r.flags & (kNodeSelected | kNodeFound | kNodeHovered)) return 0;
    if (r.flags & (kNodePath | kNodeHub)) return 1;
    if (r.flags & (kNodeBottleneck | kNodeArticulation)) return 2;
    return 3;
  };
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    const NodeRec& a = out.nodes[static_cast<std::size_t>(x)];
    const NodeRec& b = out.nodes[static_cast<std::size_t>(y)];
    const int ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    if (a.r != b.r) return a.r > b.r;
    return a.node < b.node;
  });
  for (const auto& nr : out.nodes)
    if (nr.r >= opt.labelMinPx)
      placer.block({nr.c.x - nr.r, nr.c.y - nr.r, nr.c.x + nr.r, nr.c.y + nr.r});
  int placed = 0;
  for (int idx : order) {
    const NodeRec& nr = out.nodes[static_cast<std::size_t>(idx)];
    const std::string& text = model.nodes[static_cast<std::size_t>(nr.node)].label;
    const float w = width(text);
    const bool hub = nr.flags & kNodeHub;
    // Hubs are captioned below their disc, people to the right of theirs.
    const Rect r = hub ? Rect{nr.c.x - w * 0.5f, nr.c.y + nr.r + opt.em * 0.1f, nr.c.x + w * 0.5f,
                              nr.c.y + nr.r + opt.em * 1.1f}
                       : Rect{nr.c.x + nr.r + opt.em * 0.25f, nr.c.y - opt.em * 0.5f,
                              nr.c.x + nr.r + opt.em * 0.25f + w, nr.c.y + opt.em * 0.5f};
    if (placed < opt.maxLabels && placer.tryPlace(r)) {
      out.labels.push_back({{r.x0, r.y0}, nr.node, -1, &text});
      ++placed;
    } else {
      ++out.stats.hiddenLabels;
    }
  }
  out.stats.labels = static_cast<int>(out.labels.size());
}

int hitNode(const NetworkDrawList& list, Vec2f p, float slack) {
  int best = -1;
  float bestD = 0;
  for (const auto& n : list.nodes) {
    const float d = std::hypot(n.c.x - p.x, n.c.y - p.y);
    if (d <= n.r + slack && (best < 0 || d - n.r < bestD)) {
      best = n.node;
      bestD = d - n.r;
    }
  }
  return best;
}

int hitEdge(const NetworkDrawList& list, Vec2f p, float slack) {
  int best = -1;
  float bestD = slack;
  for (const auto& e : list.edges) {
    const float dx = e.b.x - e.a.x, dy = e.b.y - e.a.y, len2 = dx * dx + dy * dy;
    if (len2 < 1e-6f) continue;
    const float t = std::clamp(((p.x - e.a.x) * dx + (p.y - e.a.y) * dy) / len2, 0.0f, 1.0f);
    const float d = std::hypot(e.a.x + t * dx - p.x, e.a.y + t * dy - p.y);
    if (d <= bestD) {
      best = e.edge;
      bestD = d;
    }
  }
  return best;
}

int hitCluster(const NetworkDrawList& list, Vec2f p) {
  int best = -1;
  float bestR = 0;
  for (const auto& c : list.clusters) {
    if (std::hypot(c.c.x - p.x, c.c.y - p.y) <= c.r && (best < 0 || c.r < bestR)) {
      best = c.cluster;
      bestR = c.r;
    }
  }
  return best;
}

}  // namespace liaison::app
