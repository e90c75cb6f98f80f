// The map view's editing tools (a workstation that writes, showing the present): the toolbar,
// "Add point" (click, then a label), "Draw zone" (corners, then a label), dragging a selected
// point, and the picking they rely on (hitTest). Every change leaves as a command in the
// outbox; the rules are core's (validate_entity) and map_edit.hpp's. See map_view.hpp.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/shell/app_context.hpp"
#include "app/shell/clock_text.hpp"
#include "app/shell/theme.hpp"
#include "core/model/snapshot.hpp"
#include "core/model/validate_entity.hpp"
#include "map_view.hpp"
#include "map_view_parts.hpp"

namespace liaison::app {
namespace tiles = core::tiles;
using map_view_parts::colour;
using map_view_parts::isBasemap;

// Topmost first: agencies, then point features, lines, polygons (the liaison's own layers
// before the basemap layer); the last drawn of a kind wins.
MapView::Hit MapView::hitTest(float x, float y, float em) const {
  const MapScreenPoint p{x, y};
  auto screen = [&](const tiles::World& w) {
    double sx = 0, sy = 0;
    m_view.toScreen(w, sx, sy);
    return MapScreenPoint{m_originX + static_cast<float>(sx), m_originY + static_cast<float>(sy)};
  };
  auto dist = [](MapScreenPoint a, MapScreenPoint b) { return std::hypot(a.x - b.x, a.y - b.y); };
  Hit best;
  float bestD = 0.8f * em;
  for (const PlacedAgency& a : m_agencies)
    if (const float d = dist(p, screen(a.at)); d <= bestD) {
      best = {core::EntityKind::Agency, a.agency->id, nullptr};
      bestD = d;
    }
  if (best.id) return best;
  for (int base = 0; base < 2; ++base) {
    bestD = 0.8f * em;
    for (const Prepared& it : m_items) {
      if (isBasemap(*it.feature) != (base == 1)) continue;
      if (it.feature->geometry != core::GeometryKind::Point || it.points.empty()) continue;
      if (const float d = dist(p, screen(it.points[0])); d <= bestD) {
        best = {core::EntityKind::MapFeature, it.feature->id, &it};
        bestD = d;
      }
    }
    if (best.id) return best;
    std::vector<MapScreenPoint> pts;
    for (auto i = m_items.rbegin(); i != m_items.rend(); ++i) {
      const Prepared& it = *i;
      const core::MapFeature& f = *it.feature;
      if (isBasemap(f) != (base == 1) || f.geometry == core::GeometryKind::Point) continue;
      bool inside = false;
      for (std::size_t r = 0; r < it.ring_starts.size(); ++r) {
        const std::size_t b = it.ring_starts[r];
        const std::size_t e = it.ringEnd(r);
        pts.clear();
        for (std::size_t k = b; k < e; ++k) pts.push_back(screen(it.points[k]));
        if (pts.size() < 2) continue;
        const bool closed = f.geometry == core::GeometryKind::Polygon;
        for (std::size_t k = 0; k + 1 < pts.size() + (closed ? 1 : 0); ++k)
          if (distanceToSegment(p, pts[k], pts[(k + 1) % pts.size()]) <= 0.4f * em)
            return {core::EntityKind::MapFeature, f.id, &it};
        if (closed && pts.size() >= 3 && insidePolygon(p, pts)) inside = !inside;
      }
      if (inside) {
        best = {core::EntityKind::MapFeature, f.id, &it};
        break;
      }
    }
    if (best.id) return best;
  }
  return best;
}

void MapView::drawToolbar(AppContext& ctx, bool editable) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  auto rectOfLast = [] {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    return ScreenRect{a.x, a.y, b.x, b.y};
  };
  auto toolButton = [&](const char* label, Tool tool) {
    const bool on = m_tool == tool;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(label);
    if (on) ImGui::PopStyleColor();
    if (pressed) {
      m_tool = on ? Tool::Select : tool;
      m_zone.clear();
    }
    return rectOfLast();
  };
  ImGui::BeginDisabled(!editable);
  m_addPointRect = toolButton("Add point", Tool::AddPoint);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(8 * em);
  const auto& kinds = pointKindChoices();
  m_pointKind = std::clamp(m_pointKind, 0, static_cast<int>(kinds.size()) - 1);
  if (ImGui::BeginCombo("##map-point-kind", kinds[static_cast<std::size_t>(m_pointKind)].label)) {
    for (std::size_t i = 0; i < kinds.size(); ++i)
      if (ImGui::Selectable(kinds[i].label, static_cast<int>(i) == m_pointKind))
        m_pointKind = static_cast<int>(i);
    ImGui::EndCombo();
  }
  ImGui::SameLine(0, 1.5f * em);
  m_drawZoneRect = toolButton("Draw zone", Tool::DrawZone);
  ImGui::EndDisabled();
  ImGui::SameLine(0, 1.5f * em);
  ImGui::AlignTextToFramePadding();
  if (ctx.view_time) {
    ImGui::TextColored(theme.warn, "Showing the map as it was at %s; return to live to edit",
                       clockUtc(*ctx.view_time, true).c_str());
    ImGui::SameLine();
    if (ImGui::Button("Return to live")) ctx.view_time.reset();
  } else if (ctx.read_only) {
    ImGui::TextColored(theme.text_muted, "Read-only station: the map cannot be edited here");
  } else if (m_tool == Tool::AddPoint) {
    ImGui::TextColored(theme.text_muted, "Click on the map to place the point; Esc cancels");
  } else if (m_tool == Tool::DrawZone) {
    ImGui::TextColored(theme.text_muted,
                       "Click the zone's corners (%zu so far); double-click or Enter closes it, "
                       "Esc cancels",
                       m_zone.size());
  } else {
    ImGui::TextColored(theme.text_muted,
                       "Click to select, drag a selected point to move it, hover for details");
  }
}

void MapView::handleEdit(AppContext& ctx, float em, bool hovered, bool editable) {
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 mouse = io.MousePos;
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    m_pressed = true;
    m_pressX = mouse.x;
    m_pressY = mouse.y;
    m_dragFeature = 0;
    m_dragging = false;
    // A press on the selected point (liaison's own layers) may become a move.
    if (editable && m_tool == Tool::Select && m_hover.item &&
        ctx.selection.is(core::EntityKind::MapFeature, m_hover.id) &&
        m_hover.item->feature->geometry == core::GeometryKind::Point &&
        !isBasemap(*m_hover.item->feature) && !m_hover.item->points.empty()) {
      m_dragFeature = m_hover.id;
      m_dragFrom = m_dragAt = m_hover.item->points[0];
    }
  }
  if (m_pressed && m_dragFeature && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    const float dx = mouse.x - m_pressX, dy = mouse.y - m_pressY;
    if (m_dragging || dx * dx + dy * dy >= io.MouseDragThreshold * io.MouseDragThreshold) {
      m_dragging = true;
      const double s = m_view.pixelsPerWorld();
      m_dragAt = {m_dragFrom.x + dx / s, std::clamp(m_dragFrom.y + dy / s, 0.0, 1.0)};
    }
  }
  if (m_tool == Tool::DrawZone && hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    m_pressed = false;  // its release adds no corner: the first click of the pair did
    finishZone(ctx);
  }
  if (m_pressed && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    m_pressed = false;
    const float dx = mouse.x - m_pressX, dy = mouse.y - m_pressY;
    const bool click = std::max(io.MouseDragMaxDistanceSqr[0], dx * dx + dy * dy) <
                       io.MouseDragThreshold * io.MouseDragThreshold;
    if (m_dragging) {
      // One command on release, not one per frame.
      if (const core::MapFeature* f = ctx.snapshot->feature(m_dragFeature)) {
        core::MapFeature moved = *f;
        moved.rings = {{tidyLonLat(tiles::toLonLat(m_dragAt))}};
        const auto problems =
            core::entityProblems(core::SnapshotLookup(*ctx.snapshot), core::Entity{moved});
        if (problems.empty())
          ctx.outbox.command(core::put(moved));
        else
          ctx.status_message = core::describeProblem(moved, problems.front());
      }
    } else if (click) {
      clickAt(ctx, mouse.x, mouse.y);
    }
    m_dragFeature = 0;
    m_dragging = false;
  }

  if (!editable || io.WantTextInput || !(hovered || ImGui::IsWindowFocused())) return;
  auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
  if (key(ImGuiKey_Escape)) {
    m_tool = Tool::Select;
    m_zone.clear();
    m_dragFeature = 0;
    m_dragging = false;
  }
  if (m_tool == Tool::DrawZone && (key(ImGuiKey_Enter) || key(ImGuiKey_KeyPadEnter)))
    finishZone(ctx);
  (void)em;
}

void MapView::clickAt(AppContext& ctx, float x, float y) {
  const tiles::World w = worldAt(x, y);
  const bool onEarth = w.y >= 0 && w.y <= 1;
  switch (m_tool) {
    case Tool::Select:
      if (m_hover.id)
        ctx.selection = {m_hover.kind, m_hover.id};
      else if (ctx.selection.kind == core::EntityKind::MapFeature ||
               ctx.selection.kind == core::EntityKind::Agency)
        ctx.selection = {};  // the map's own kinds; a need picked elsewhere stays
      break;
    case Tool::AddPoint: {
      if (!onEarth) break;
      const core::Incident* inc = ctx.snapshot->mainIncident();
      const auto& kinds = pointKindChoices();
      m_pending =
          newPointFeature(tiles::toLonLat(w), kinds[static_cast<std::size_t>(m_pointKind)].kind, "",
                          inc ? inc->id : 0);
      m_openLabel = true;
      m_popupX = x;
      m_popupY = y;
      m_tool = Tool::Select;
      break;
    }
    case Tool::DrawZone:
      if (onEarth) m_zone.push_back(tidyLonLat(tiles::toLonLat(w)));
      m_popupX = x;
      m_popupY = y;
      break;
  }
}

void MapView::finishZone(AppContext& ctx) {
  if (distinctVertices(m_zone) < 3) return;  // core wants a ring of 3 corners at least
  const core::Incident* inc = ctx.snapshot->mainIncident();
  m_pending = newZoneFeature(m_zone, "", inc ? inc->id : 0);
  m_openLabel = true;
  m_zone.clear();
  m_tool = Tool::Select;
}

// The zone being drawn: its corners, its edges and the edge to the cursor.
void MapView::drawZoneDraft(AppContext& ctx, float em) {
  const Theme& theme = themeData(ctx.theme);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line_w = std::max(1.0f, 0.12f * em);
  const ImU32 sel = colour(theme.accent);
  if (m_tool == Tool::DrawZone && !m_zone.empty()) {
    std::vector<ImVec2> pts;
    for (const core::LonLat& v : m_zone) {
      const MapScreenPoint p = screenOf(v);
      pts.push_back(ImVec2(p.x, p.y));
    }
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    pts.push_back(mouse);
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), sel, ImDrawFlags_None, 2.0f * line_w);
    if (pts.size() >= 3) dl->AddLine(mouse, pts.front(), colour(theme.accent, 0.4f), line_w);
    for (std::size_t i = 0; i + 1 < pts.size(); ++i)
      dl->AddCircleFilled(pts[i], 0.3f * em, sel, 12);
  }
}

void MapView::drawLabelPopup(AppContext& ctx) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  if (m_openLabel) {
    ImGui::OpenPopup("##map-label");
    m_openLabel = false;
    m_label.clear();
    m_labelError.clear();
    ImGui::SetNextWindowPos(ImVec2(m_popupX + 0.8f * em, m_popupY + 0.8f * em));
  }
  if (!ImGui::BeginPopup("##map-label")) {
    m_pending.reset();  // closed by a click elsewhere
    return;
  }
  if (!m_pending) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const bool zone = m_pending->geometry == core::GeometryKind::Polygon;
  ImGui::Text("New %s", zone ? "zone" : featureKindLabel(m_pending->kind));
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(16 * em);
  const bool enter = ImGui::InputTextWithHint("##map-label-text", "Label", &m_label,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  if (!m_labelError.empty()) ImGui::TextColored(theme.danger, "%s", m_labelError.c_str());
  const bool add = ImGui::Button("Add") || enter;
  ImGui::SameLine();
  const bool cancel =
      ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  if (add) {
    core::MapFeature f = *m_pending;
    const std::size_t b = m_label.find_first_not_of(" \t");
    const std::size_t e = m_label.find_last_not_of(" \t");
    f.label = b == std::string::npos ? "" : m_label.substr(b, e - b + 1);
    const auto problems =
        core::entityProblems(core::SnapshotLookup(*ctx.snapshot), core::Entity{f});
    if (f.label.empty()) {
      m_labelError = "Type a label: it is what others see on the map";
    } else if (!problems.empty()) {
      m_labelError = core::describeProblem(f, problems.front());
    } else {
      ctx.outbox.command(core::put(f));
      m_pending.reset();
      ImGui::CloseCurrentPopup();
    }
  } else if (cancel) {
    m_pending.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void MapView::drawZoneMenu(AppContext& ctx) {
  if (!ImGui::BeginPopup("##map-zone-menu")) {
    m_zoneMenuRect = ScreenRect{};
    return;
  }
  const core::MapFeature* zone = ctx.snapshot ? ctx.snapshot->feature(m_menuZone) : nullptr;
  ImGui::TextUnformatted(zone ? zone->label.c_str() : "Zone");
  ImGui::Separator();
  const bool down = ctx.whatif_down_zones.count(m_menuZone) != 0;
  if (ImGui::MenuItem(down ? "Restore (what-if)" : "What if everything inside fails?")) {
    ctx.outbox.put(WhatIfChange{down ? WhatIfChange::Op::Restore : WhatIfChange::Op::MarkDown,
                                core::EntityKind::MapFeature,
                                {m_menuZone}});
    ImGui::CloseCurrentPopup();
  }
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  m_zoneMenuRect = ScreenRect{a.x, a.y, b.x, b.y};
  if (ImGui::MenuItem("Select")) {
    ctx.selection = {core::EntityKind::MapFeature, m_menuZone};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace liaison::app
