#include "map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/render/triangulate.hpp"
#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/snapshot.hpp"

namespace liaison::app {
namespace {

constexpr double kPi = 3.14159265358979323846;

bool isBasemap(const core::MapFeature& f) {
  return f.layer == "basemap";
}

ImU32 colour(const ImVec4& c, float alpha = 1.0f) {
  return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha));
}

// Places people look for on a wall get a label there; everything gets one at a desk.
bool keyPlace(core::FeatureKind k) {
  using K = core::FeatureKind;
  return k == K::IncidentSite || k == K::CommandPost || k == K::StagingArea || k == K::Shelter ||
         k == K::Hospital;
}

std::string shortLabel(const std::string& label) {
  const std::size_t cut = std::min(label.find(" - "), label.find(" ("));
  return cut == std::string::npos ? label : label.substr(0, cut);
}

}  // namespace

MercatorPoint toMercator(const core::LonLat& p) {
  const double lat = std::clamp(p.lat, -85.05112878, 85.05112878) * kPi / 180.0;
  return {(p.lon + 180.0) / 360.0,
          (1.0 - std::log(std::tan(lat) + 1.0 / std::cos(lat)) / kPi) / 2.0};
}

std::size_t MapView::fillTriangles() const {
  std::size_t n = 0;
  for (const auto& it : m_items) n += it.triangles.size();
  return n;
}

void MapView::prepare(const core::Snapshot& s) {
  m_items.clear();
  m_minX = m_minY = HUGE_VAL;
  m_maxX = m_maxY = -HUGE_VAL;
  // Basemap first so operations draw on top.
  std::vector<const core::MapFeature*> order;
  for (const auto& f : s.features) order.push_back(&f);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* a, const auto* b) { return isBasemap(*a) > isBasemap(*b); });
  for (const core::MapFeature* f : order) {
    Prepared p;
    p.feature = f;
    std::vector<std::vector<TriPoint>> rings;
    for (const auto& ring : f->rings) {
      std::vector<TriPoint> r;
      for (const auto& ll : ring) {
        const MercatorPoint m = toMercator(ll);
        r.push_back({m.x, m.y});
      }
      rings.push_back(std::move(r));
    }
    if (f->geometry == core::GeometryKind::Polygon) {
      p.triangles = triangulate(rings);
      for (auto& r : rings)
        if (r.size() >= 2 && r.front().x == r.back().x && r.front().y == r.back().y) r.pop_back();
    }
    for (const auto& r : rings) {
      p.ring_starts.push_back(p.points.size());
      for (const auto& t : r) {
        p.points.push_back({t.x, t.y});
        m_minX = std::min(m_minX, t.x);
        m_maxX = std::max(m_maxX, t.x);
        m_minY = std::min(m_minY, t.y);
        m_maxY = std::max(m_maxY, t.y);
      }
    }
    m_items.push_back(std::move(p));
  }
  if (m_minX > m_maxX) {
    m_minX = m_minY = 0;
    m_maxX = m_maxY = 1;
  }
}

void MapView::drawContent(AppContext& ctx) {
  const Theme& theme = themeData(ctx.theme);
  const core::Snapshot& s = *ctx.snapshot;
  if (ctx.snapshot.get() != m_snapshotId || s.version != m_version) {
    prepare(s);
    m_snapshotId = ctx.snapshot.get();
    m_version = s.version;
  }
  const float em = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 4.0f * em);
  size.y = std::max(size.y, 4.0f * em);
  if (s.features.empty()) {
    ImGui::TextDisabled("No map features in this workspace.");
    return;
  }
  ImGui::InvisibleButton("##map", size);
  const bool hovered = ImGui::IsItemHovered();
  ImGuiIO& io = ImGui::GetIO();

  // Fit: the features' bounds with a margin, same scale on both axes.
  const double bw = std::max(m_maxX - m_minX, 1e-9), bh = std::max(m_maxY - m_minY, 1e-9);
  const double fit = std::min((size.x - 2.0 * em) / bw, (size.y - 2.0 * em) / bh);
  if (m_fitted || ctx.wallMode()) {
    m_cx = (m_minX + m_maxX) / 2;
    m_cy = (m_minY + m_maxY) / 2;
    m_zoom = 1.0;
  }
  double scale = fit * m_zoom;
  if (!ctx.wallMode() && hovered) {
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left) ||
        ImGui::IsMouseDragging(ImGuiMouseButton_Middle)) {
      m_cx -= io.MouseDelta.x / scale;
      m_cy -= io.MouseDelta.y / scale;
      m_fitted = false;
    }
    if (io.MouseWheel != 0) {
      const double wx = m_cx + (io.MousePos.x - origin.x - size.x / 2) / scale;
      const double wy = m_cy + (io.MousePos.y - origin.y - size.y / 2) / scale;
      m_zoom = std::clamp(m_zoom * std::pow(1.2, io.MouseWheel), 0.2, 200.0);
      scale = fit * m_zoom;
      m_cx = wx - (io.MousePos.x - origin.x - size.x / 2) / scale;
      m_cy = wy - (io.MousePos.y - origin.y - size.y / 2) / scale;
      m_fitted = false;
    }
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) m_fitted = true;
  }
  auto screen = [&](const MercatorPoint& m) {
    return ImVec2(origin.x + size.x / 2 + static_cast<float>((m.x - m_cx) * scale),
                  origin.y + size.y / 2 + static_cast<float>((m.y - m_cy) * scale));
  };

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  const float line_w = std::max(1.0f, 0.12f * em);
  const ImU32 road = colour(theme.text_muted, 0.45f),
              river = colour(ImVec4(0.25f, 0.55f, 0.95f, 1), 0.8f),
              boundary = colour(theme.text_muted, 0.35f);
  std::vector<ImVec2> pts;
  // Lines and polygons first, points (with labels) last so nothing covers them.
  for (const auto& it : m_items) {
    const core::MapFeature& f = *it.feature;
    if (f.geometry == core::GeometryKind::Point) continue;
    const bool base = isBasemap(f);
    for (std::size_t r = 0; r < it.ring_starts.size(); ++r) {
      const std::size_t b = it.ring_starts[r];
      const std::size_t e =
          r + 1 < it.ring_starts.size() ? it.ring_starts[r + 1] : it.points.size();
      pts.clear();
      for (std::size_t i = b; i < e; ++i) pts.push_back(screen(it.points[i]));
      if (pts.size() < 2) continue;
      if (f.geometry == core::GeometryKind::Line) {
        const ImU32 c = f.kind == core::FeatureKind::River ? river : road;
        const float w = f.kind == core::FeatureKind::River ? 1.6f * line_w : line_w;
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), c, ImDrawFlags_None, w);
      } else if (base) {
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), boundary, ImDrawFlags_Closed,
                        line_w);
      }
    }
    if (f.geometry == core::GeometryKind::Polygon && !base) {
      const ImVec4 zc = f.label.find("solation") != std::string::npos ? theme.danger : theme.warn;
      const ImU32 fill = colour(zc, 0.22f);
      for (const auto& t : it.triangles)
        dl->AddTriangleFilled(screen(it.points[t[0]]), screen(it.points[t[1]]),
                              screen(it.points[t[2]]), fill);
      for (std::size_t r = 0; r < it.ring_starts.size(); ++r) {
        const std::size_t b = it.ring_starts[r];
        const std::size_t e =
            r + 1 < it.ring_starts.size() ? it.ring_starts[r + 1] : it.points.size();
        pts.clear();
        for (std::size_t i = b; i < e; ++i) pts.push_back(screen(it.points[i]));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour(zc), ImDrawFlags_Closed,
                        1.5f * line_w);
      }
    }
  }
  const float r = 0.45f * em;
  std::vector<ImVec4> placed;  // label rectangles drawn so far (x0, y0, x1, y1)
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& it : m_items) {
      const core::MapFeature& f = *it.feature;
      if (f.geometry != core::GeometryKind::Point || it.points.empty()) continue;
      // Pass 0: the most important places (incident, command post) claim their label room.
      const bool first =
          f.kind == core::FeatureKind::IncidentSite || f.kind == core::FeatureKind::CommandPost;
      if ((pass == 0) != first) continue;
      const ImVec2 p = screen(it.points[0]);
      using K = core::FeatureKind;
      switch (f.kind) {
        case K::IncidentSite:
          dl->AddTriangleFilled(ImVec2(p.x, p.y - 1.4f * r), ImVec2(p.x + 1.3f * r, p.y + r),
                                ImVec2(p.x - 1.3f * r, p.y + r), colour(theme.danger));
          dl->AddTriangle(ImVec2(p.x, p.y - 1.4f * r), ImVec2(p.x + 1.3f * r, p.y + r),
                          ImVec2(p.x - 1.3f * r, p.y + r), colour(theme.text), line_w);
          break;
        case K::CommandPost:
          dl->AddRectFilled(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r),
                            colour(theme.accent));
          dl->AddRect(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), colour(theme.background),
                      0, 0, line_w);
          break;
        case K::StagingArea:
          dl->AddQuadFilled(ImVec2(p.x, p.y - r), ImVec2(p.x + r, p.y), ImVec2(p.x, p.y + r),
                            ImVec2(p.x - r, p.y), colour(theme.ok));
          break;
        case K::Shelter:
          dl->AddCircleFilled(p, r, colour(theme.ok));
          dl->AddCircle(p, r, colour(theme.background), 0, line_w);
          break;
        case K::Hospital:
          dl->AddRectFilled(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), colour(theme.text));
          dl->AddRectFilled(ImVec2(p.x - 0.25f * r, p.y - 0.75f * r),
                            ImVec2(p.x + 0.25f * r, p.y + 0.75f * r), colour(theme.danger));
          dl->AddRectFilled(ImVec2(p.x - 0.75f * r, p.y - 0.25f * r),
                            ImVec2(p.x + 0.75f * r, p.y + 0.25f * r), colour(theme.danger));
          break;
        default:
          dl->AddCircleFilled(p, 0.3f * r, colour(theme.text_muted, isBasemap(f) ? 0.5f : 0.8f));
          break;
      }
      if (!keyPlace(f.kind) && (ctx.wallMode() || isBasemap(f))) continue;
      const std::string label = ctx.wallMode() ? shortLabel(f.label) : f.label;
      if (label.empty()) continue;
      const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
      const ImVec2 lp(p.x + 1.2f * r, p.y - ts.y / 2);
      // A label that would cover another is left out (the marker stays): readable beats complete.
      const ImVec4 box(lp.x, lp.y, lp.x + ts.x, lp.y + ts.y);
      bool overlaps = false;
      for (const ImVec4& o : placed)
        if (box.x < o.z && o.x < box.z && box.y < o.w && o.y < box.w) overlaps = true;
      if (overlaps) continue;
      placed.push_back(box);
      dl->AddRectFilled(ImVec2(lp.x - 0.15f * em, lp.y),
                        ImVec2(lp.x + ts.x + 0.15f * em, lp.y + ts.y),
                        colour(theme.background, 0.7f));
      dl->AddText(lp, colour(theme.text), label.c_str());
    }
  dl->PopClipRect();
}

}  // namespace liaison::app
