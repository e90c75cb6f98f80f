// The map view's drawing of the workspace: features (lines, zones with their triangulated
// fill, point symbols with labels that never overlap), agencies in their type's colour, and
// the hover and selection highlights. See map_view.hpp.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "app/shell/agency_style.hpp"
#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "map_view.hpp"
#include "app/wall/importance.hpp"
#include "map_view_parts.hpp"

namespace liaison::app {
namespace tiles = core::tiles;
using map_view_parts::colour;
using map_view_parts::isBasemap;
using map_view_parts::overlapsAny;
namespace {

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

void MapView::drawFeatures(AppContext& ctx, const float em) {
  const Theme& theme = themeData(ctx.theme);
  const ImVec2 origin(m_originX, m_originY);
  auto screen = [&](const tiles::World& m) {
    double x = 0, y = 0;
    m_view.toScreen(m, x, y);
    return ImVec2(origin.x + static_cast<float>(x), origin.y + static_cast<float>(y));
  };

  ImDrawList* dl = ImGui::GetWindowDrawList();
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
      const std::size_t e = it.ringEnd(r);
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
        const std::size_t e = it.ringEnd(r);
        pts.clear();
        for (std::size_t i = b; i < e; ++i) pts.push_back(screen(it.points[i]));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour(zc), ImDrawFlags_Closed,
                        1.5f * line_w);
      }
    }
  }
  const float r = 0.45f * em;
  m_wallLabels.clear();
  m_labelBoxes.clear();  // label rectangles drawn so far (x0, y0, x1, y1)
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& it : m_items) {
      const core::MapFeature& f = *it.feature;
      if (f.geometry != core::GeometryKind::Point || it.points.empty()) continue;
      // Pass 0: the most important places (incident, command post) claim their label room.
      const bool first =
          f.kind == core::FeatureKind::IncidentSite || f.kind == core::FeatureKind::CommandPost;
      if ((pass == 0) != first) continue;
      const ImVec2 p = screen(m_dragging && f.id == m_dragFeature ? m_dragAt : it.points[0]);
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
      if (ctx.wallMode()) {  // placed with the agencies' codes, by importance (drawWallLabels)
        const bool site = f.kind == core::FeatureKind::IncidentSite;
        m_wallLabels.add(label, true, 0, p.x, p.y, 1.4f * r, site ? 3 : first ? 4 : 6, 0, site);
        continue;
      }
      const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
      const ImVec2 lp(p.x + 1.2f * r, p.y - ts.y / 2);
      // A label that would cover another is left out (the marker stays): readable beats complete.
      const std::array<float, 4> box{lp.x, lp.y, lp.x + ts.x, lp.y + ts.y};
      if (overlapsAny(box, m_labelBoxes)) continue;
      m_labelBoxes.push_back(box);
      dl->AddRectFilled(ImVec2(lp.x - 0.15f * em, lp.y),
                        ImVec2(lp.x + ts.x + 0.15f * em, lp.y + ts.y),
                        colour(theme.background, 0.7f));
      dl->AddText(lp, colour(theme.text), label.c_str());
    }
}

void MapView::drawAgencies(AppContext& ctx, float em) {
  const Theme& theme = themeData(ctx.theme);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // The wall's em is huge: smaller discs there leave the incident's places visible.
  const float r = (ctx.wallMode() ? 0.3f : 0.5f) * em, line_w = std::max(1.0f, 0.12f * em);
  const auto importance = wall::agencyImportance(ctx.analysis.get());
  for (const PlacedAgency& pa : m_agencies) {
    const MapScreenPoint sp = screenOf(tiles::toLonLat(pa.at));
    const ImVec2 p(sp.x, sp.y);
    // A disc in the type's colour (the network view's legend) in a ring: not a feature marker.
    dl->AddCircleFilled(p, r, agencyTypeStyle(pa.agency->type).colour, 20);
    dl->AddCircle(p, r, colour(theme.text), 20, 1.5f * line_w);
    const std::string& code = pa.agency->code;
    if (code.empty()) continue;
    if (ctx.wallMode()) {
      const auto it = importance.find(pa.agency->id);
      const wall::AgencyImportance imp =
          it == importance.end() ? wall::AgencyImportance{} : it->second;
      m_wallLabels.add(code, true, pa.agency->id, p.x, p.y, r, imp.priority(), 0,
                       imp.essential());
      continue;
    }
    ImFont* font = ctx.fonts.bold ? ctx.fonts.bold : ImGui::GetFont();
    const ImVec2 ts = font->CalcTextSizeA(em, FLT_MAX, 0, code.c_str());
    // Right of the disc, else left, below or above it; a code that would cover a label
    // already drawn in every place is left out (the disc stays, hovering names it).
    const ImVec2 places[] = {
        ImVec2(p.x + 1.3f * r, p.y - ts.y / 2), ImVec2(p.x - 1.3f * r - ts.x, p.y - ts.y / 2),
        ImVec2(p.x - ts.x / 2, p.y + 1.1f * r), ImVec2(p.x - ts.x / 2, p.y - 1.1f * r - ts.y)};
    const ImVec2* chosen = nullptr;
    for (const ImVec2& c : places)
      if (!overlapsAny({c.x, c.y, c.x + ts.x, c.y + ts.y}, m_labelBoxes)) {
        chosen = &c;
        break;
      }
    if (!chosen) continue;
    const ImVec2 lp = *chosen;
    m_labelBoxes.push_back({lp.x, lp.y, lp.x + ts.x, lp.y + ts.y});
    dl->AddRectFilled(ImVec2(lp.x - 0.15f * em, lp.y),
                      ImVec2(lp.x + ts.x + 0.15f * em, lp.y + ts.y),
                      colour(theme.background, 0.7f));
    dl->AddText(font, em, lp, colour(theme.text), code.c_str());
  }
}

void MapView::drawWallLabels(AppContext& ctx, float em) {
  const Theme& theme = themeData(ctx.theme);
  // Above the scale bar and the attribution along the bottom.
  const wall::Box pane{m_originX, m_originY, m_originX + static_cast<float>(m_view.width),
                       m_originY + static_cast<float>(m_view.height) - 2.8f * em};
  m_wallLabels.place(pane, {}, ImGui::GetFont(), ctx.fonts.bold, em);
  wall::LabelLayer::Colours colours;
  colours.text = colour(theme.text);
  colours.backing = colour(theme.background, 0.75f);
  colours.legend_bg = colour(theme.panel);
  colours.marker = colour(theme.accent);
  colours.marker_text = IM_COL32(0, 0, 0, 255);
  m_wallLabels.draw(ImGui::GetWindowDrawList(), colours);
}

void MapView::drawHighlights(AppContext& ctx, float em) {
  const Theme& theme = themeData(ctx.theme);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line_w = std::max(1.0f, 0.12f * em);
  auto screen = [&](const tiles::World& w) {
    const MapScreenPoint p = screenOf(tiles::toLonLat(w));
    return ImVec2(p.x, p.y);
  };
  auto outline = [&](const Prepared& it, ImU32 c, float w) {
    if (it.feature->geometry == core::GeometryKind::Point) {
      if (it.points.empty()) return;
      const tiles::World at =
          m_dragging && it.feature->id == m_dragFeature ? m_dragAt : it.points[0];
      dl->AddCircle(screen(at), 1.1f * em, c, 28, w);
      return;
    }
    std::vector<ImVec2> pts;
    for (std::size_t r = 0; r < it.ring_starts.size(); ++r) {
      const std::size_t b = it.ring_starts[r];
      const std::size_t e = it.ringEnd(r);
      pts.clear();
      for (std::size_t i = b; i < e; ++i) pts.push_back(screen(it.points[i]));
      if (pts.size() < 2) continue;
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), c,
                      it.feature->geometry == core::GeometryKind::Polygon ? ImDrawFlags_Closed
                                                                          : ImDrawFlags_None,
                      w);
    }
  };
  const ImU32 sel = colour(theme.accent), hover = colour(theme.text, 0.6f);
  // Hover (a lighter outline), then the selection whoever set it.
  if (m_hover.item && !ctx.selection.is(m_hover.kind, m_hover.id))
    outline(*m_hover.item, hover, 1.5f * line_w);
  if (m_hover.kind == core::EntityKind::Agency && m_hover.id &&
      !ctx.selection.is(m_hover.kind, m_hover.id))
    for (const PlacedAgency& pa : m_agencies)
      if (pa.agency->id == m_hover.id)
        dl->AddCircle(screen(pa.at), 0.95f * em, hover, 24, 1.5f * line_w);
  m_selectionShown = false;
  if (ctx.selection.kind == core::EntityKind::MapFeature && !ctx.selection.empty()) {
    for (const Prepared& it : m_items)
      if (it.feature->id == ctx.selection.id) {
        outline(it, sel, 3.0f * line_w);
        m_selectionShown = true;
      }
  } else if (!ctx.selection.empty()) {
    // An agency, or a person picked in the directory or the network: their agency.
    core::Id agency = 0;
    if (ctx.selection.kind == core::EntityKind::Agency) agency = ctx.selection.id;
    if (ctx.selection.kind == core::EntityKind::Representative)
      if (const core::Representative* r = m_shown->representative(ctx.selection.id))
        agency = r->agency;
    for (const PlacedAgency& pa : m_agencies)
      if (agency != 0 && pa.agency->id == agency) {
        dl->AddCircle(screen(pa.at), 0.95f * em, sel, 24, 3.0f * line_w);
        m_selectionShown = true;
      }
  }
}

}  // namespace liaison::app
