// The network view's toolbar, mouse and keyboard handling, and ImDrawList drawing of the records
// built by app/render/network_draw.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "app/shell/agency_style.hpp"
#include "core/analysis/analysis.hpp"
#include "network_view.hpp"

#include <cfloat>

#include "app/wall/importance.hpp"

namespace liaison::app {
namespace {

ImU32 withAlpha(ImU32 c, float a) {
  return (c & ~IM_COL32_A_MASK) |
         (static_cast<ImU32>(std::clamp(a, 0.0f, 1.0f) * 255.0f) << IM_COL32_A_SHIFT);
}

constexpr std::size_t kDenseEdges = 1500;

ImVec2 iv(Vec2f v) {
  return ImVec2(v.x, v.y);
}

// Dashes drawn as segments; long lines at a fine pattern fall back to a solid faint line.
void dashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float width, float dash, float gap) {
  const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) return;
  const float period = dash + gap;
  if (len / period > 400) {
    dl->AddLine(a, b, withAlpha(col, 0.6f * ((col >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f), width);
    return;
  }
  const float ux = dx / len, uy = dy / len;
  for (float t = 0; t < len; t += period) {
    const float e = std::min(t + dash, len);
    dl->AddLine(ImVec2(a.x + ux * t, a.y + uy * t), ImVec2(a.x + ux * e, a.y + uy * e), col, width);
  }
}

void styledLine(ImDrawList* dl, ImVec2 a, ImVec2 b, core::Medium medium, bool forceDash, ImU32 col,
                float width, float em) {
  if (forceDash) {
    dashedLine(dl, a, b, col, width, 0.45f * em, 0.3f * em);
    return;
  }
  switch (medium) {
    case core::Medium::Radio:
      dl->AddLine(a, b, col, width);
      break;
    case core::Medium::Phone:
      dashedLine(dl, a, b, col, width, 0.5f * em, 0.3f * em);
      break;
    case core::Medium::Email:
      dashedLine(dl, a, b, col, width * 1.2f, 0.12f * em, 0.28f * em);
      break;
    case core::Medium::InPerson:
      dl->AddLine(a, b, col, width * 2.4f);
      break;
    case core::Medium::DataLink: {
      const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
      if (len < 1e-3f) return;
      const float off = std::max(1.5f, width * 1.2f);
      const float nx = -dy / len * off, ny = dx / len * off;
      dl->AddLine(ImVec2(a.x + nx, a.y + ny), ImVec2(b.x + nx, b.y + ny), col, width * 0.8f);
      dl->AddLine(ImVec2(a.x - nx, a.y - ny), ImVec2(b.x - nx, b.y - ny), col, width * 0.8f);
      break;
    }
  }
}

const char* contactName(core::ContactKind k) {
  switch (k) {
    case core::ContactKind::Phone:
      return "Phone";
    case core::ContactKind::Cell:
      return "Cell";
    case core::ContactKind::Radio:
      return "Radio";
    case core::ContactKind::Email:
      return "E-mail";
    case core::ContactKind::Pager:
      return "Pager";
    case core::ContactKind::SatPhone:
      return "Sat phone";
    case core::ContactKind::Fax:
      return "Fax";
    case core::ContactKind::Other:
      return "Other";
  }
  return "";
}

}  // namespace

void NetworkView::drawToolbar(AppContext& ctx) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  if (!ctx.wallMode()) {
    ImGui::SetNextItemWidth(std::min(18.0f * em, ImGui::GetContentRegionAvail().x * 0.3f));
    const bool enter = ImGui::InputTextWithHint("##network-search", "Find a person or agency",
                                                &m_search, ImGuiInputTextFlags_EnterReturnsTrue);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    m_searchRect = {a.x, a.y, b.x, b.y};
    if (enter || m_search != m_appliedSearch) runSearch(enter);
    if (!m_search.empty() && m_found < 0) {
      ImGui::SameLine();
      ImGui::TextColored(theme.danger, "no match");
    }
    ImGui::SameLine(0, 1.0f * em);
  }
  if (ImGui::Button("Fit")) m_autoFit = true, m_followFound = false;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom to fit (F)");
  ImGui::SameLine();
  static const char* kSizes[] = {"Size: channels", "Size: load", "Size: betweenness"};
  int size = static_cast<int>(m_sizeMode);
  ImGui::SetNextItemWidth(11.0f * em);
  if (ImGui::Combo("##network-size", &size, kSizes, 3)) {
    m_sizeMode = static_cast<SizeMode>(size);
    m_sizeChosen = true;
  }
  ImGui::SameLine();
  static const char* kLayouts[] = {"Layout: network", "Layout: geographic"};
  int mode = static_cast<int>(m_mode);
  ImGui::SetNextItemWidth(11.0f * em);
  if (ImGui::Combo("##network-layout", &mode, kLayouts, 2)) {
    m_mode = static_cast<NetworkLayoutMode>(mode);
    m_frame.reset();
    m_autoFit = true;
    if (m_mode == NetworkLayoutMode::Force)
      submitLayout(m_pos, std::vector<bool>(m_pos.size(), true));
  }
  ImGui::SameLine();
  if (!ctx.wallMode()) {  // on the wall: from the context menu, to leave room for the counts
    if (ImGui::Button("Collapse all")) std::fill(m_collapsed.begin(), m_collapsed.end(), true);
    ImGui::SameLine();
    if (ImGui::Button("Expand all")) std::fill(m_collapsed.begin(), m_collapsed.end(), false);
    ImGui::SameLine();
  }
  ImGui::Checkbox("Legend", &m_showLegend);

  // Right: counts and the layout's state.
  char info[200];
  const bool running =
      m_mode == NetworkLayoutMode::Force && !m_layoutSettled && !m_model.nodes.empty();
  const bool stale = ctx.analysis && ctx.snapshot && ctx.analysis->version != ctx.snapshot->version;
  std::snprintf(info, sizeof info, "%zu agencies, %zu people, %zu channels%s%s",
                m_model.clusters.size(), m_model.nodes.size() - m_model.clusters.size(),
                m_model.edges.size(), running ? "  \xC2\xB7  arranging\xE2\x80\xA6" : "",
                stale ? "  \xC2\xB7  analysis updating\xE2\x80\xA6" : "");
  const float w = ImGui::CalcTextSize(info).x;
  ImGui::SameLine();
  const float right = ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetCursorPosX() + w < right) ImGui::SetCursorPosX(right - w);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(theme.text_muted, "%s", info);
}

void NetworkView::handleInput(AppContext& ctx, bool hovered, bool active) {
  ImGuiIO& io = ImGui::GetIO();
  const float em = ImGui::GetFontSize();
  const Vec2f mouse{io.MousePos.x, io.MousePos.y};
  // Hit-test against last frame's records (what the user sees).
  m_hovered = hovered ? hitNode(m_draw, mouse, 0.3f * em) : -1;
  m_hoveredEdge = hovered && m_hovered < 0 ? hitEdge(m_draw, mouse, 0.35f * em) : -1;

  if (hovered && io.MouseWheel != 0) {
    zoomAt(mouse, std::pow(1.2f, io.MouseWheel));
    m_autoFit = false;
  }
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    m_pressNode = m_hovered;
    m_draggingNode = false;
    m_panning = false;
  }
  if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.3f * em)) {
    if (m_pressNode >= 0 && !m_model.nodes[static_cast<std::size_t>(m_pressNode)].hub &&
        m_mode == NetworkLayoutMode::Force) {
      m_draggingNode = true;
      m_autoFit = false;  // the user arranges by hand: the view stays where it is
      m_pos[static_cast<std::size_t>(m_pressNode)] = m_view.toWorld(mouse);
    } else if (m_pressNode < 0) {
      m_panning = true;
      m_view.centre.x -= io.MouseDelta.x / m_view.zoom;
      m_view.centre.y -= io.MouseDelta.y / m_view.zoom;
      m_autoFit = m_followFound = false;
    }
  }
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
      (m_draggingNode || m_panning || m_pressNode >= -1)) {
    if (m_draggingNode) {
      const auto i = static_cast<std::size_t>(m_pressNode);
      m_pinned[i] = true;
      m_worker.pin(m_pressNode, m_pos[i], true);
      savePositions(ctx);
    } else if (!m_panning && hovered) {
      if (m_pressNode >= 0) {
        selectNode(ctx, m_pressNode);
      } else if (int c = hitCluster(m_draw, mouse); c >= 0) {
        ctx.selection = Selection{core::EntityKind::Agency,
                                  m_model.clusters[static_cast<std::size_t>(c)].agency};
      }
    }
    m_draggingNode = m_panning = false;
    m_pressNode = -1;
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    int cluster = m_hovered >= 0 ? m_model.nodes[static_cast<std::size_t>(m_hovered)].cluster
                                 : hitCluster(m_draw, mouse);
    if (cluster >= 0)
      m_collapsed[static_cast<std::size_t>(cluster)] =
          !m_collapsed[static_cast<std::size_t>(cluster)];
  }
  if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
    m_menuNode = m_hovered;
    m_menuEdge = m_hoveredEdge;
    m_menuCluster = m_hovered >= 0 ? m_model.nodes[static_cast<std::size_t>(m_hovered)].cluster
                                   : hitCluster(m_draw, mouse);
    ImGui::OpenPopup("##network-menu");
  }

  // Keyboard: when the pointer is over the view and no text field has the keys.
  if ((hovered || ImGui::IsWindowFocused()) && !io.WantTextInput) {
    const float step = 3.0f * em / m_view.zoom;
    auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    bool moved = false;
    if (key(ImGuiKey_LeftArrow)) m_view.centre.x -= step, moved = true;
    if (key(ImGuiKey_RightArrow)) m_view.centre.x += step, moved = true;
    if (key(ImGuiKey_UpArrow)) m_view.centre.y -= step, moved = true;
    if (key(ImGuiKey_DownArrow)) m_view.centre.y += step, moved = true;
    const Vec2f mid{m_view.origin.x + m_view.size.x * 0.5f, m_view.origin.y + m_view.size.y * 0.5f};
    // GLFW key codes: '=' / '+', '-', keypad + (334) and - (333), 'F'.
    if (ImGui::IsKeyPressed('=') || ImGui::IsKeyPressed(334)) zoomAt(mid, 1.25f), moved = true;
    if (ImGui::IsKeyPressed('-') || ImGui::IsKeyPressed(333)) zoomAt(mid, 0.8f), moved = true;
    if (moved) m_autoFit = m_followFound = false;
    if (ImGui::IsKeyPressed('F') && !io.KeyCtrl) m_autoFit = true, m_followFound = false;
  }
}

void NetworkView::drawContextMenu(AppContext& ctx) {
  if (!ImGui::BeginPopup("##network-menu")) return;
  const Theme& theme = themeData(ctx.theme);
  if (m_menuNode >= 0 && !m_model.nodes[static_cast<std::size_t>(m_menuNode)].hub) {
    const NetNode& n = m_model.nodes[static_cast<std::size_t>(m_menuNode)];
    ImGui::TextColored(theme.text_muted, "%s", n.label.c_str());
    const bool down = ctx.whatif_down_reps.count(n.id) > 0;
    if (ImGui::MenuItem("Mark down (what-if)", nullptr, down))
      ctx.outbox.put(WhatIfChange{down ? WhatIfChange::Op::Restore : WhatIfChange::Op::MarkDown,
                                  core::EntityKind::Representative, {n.id}});
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    m_markDownRect = {a.x, a.y, b.x, b.y};
    if (ImGui::MenuItem(m_pinned[static_cast<std::size_t>(m_menuNode)] ? "Unpin" : "Pin"))
      togglePin(ctx, m_menuNode);
    if (ImGui::MenuItem("Select")) selectNode(ctx, m_menuNode);
  }
  if (m_menuNode < 0 && m_menuEdge >= 0) {
    const NetEdge& e = m_model.edges[static_cast<std::size_t>(m_menuEdge)];
    ImGui::TextColored(theme.text_muted, "Channel %lld", static_cast<long long>(e.channel));
    const bool down = ctx.whatif_down_channels.count(e.channel) > 0;
    if (ImGui::MenuItem("Mark channel down (what-if)", nullptr, down))
      ctx.outbox.put(WhatIfChange{down ? WhatIfChange::Op::Restore : WhatIfChange::Op::MarkDown,
                                  core::EntityKind::Channel, {e.channel}});
    ImGui::Separator();
  }
  if (m_menuCluster >= 0) {
    const auto c = static_cast<std::size_t>(m_menuCluster);
    const NetCluster& cl = m_model.clusters[c];
    if (m_menuNode >= 0) ImGui::Separator();
    ImGui::TextColored(theme.text_muted, "%s", cl.code.c_str());
    bool allDown = !cl.members.empty();
    for (int m : cl.members)
      allDown =
          allDown && ctx.whatif_down_reps.count(m_model.nodes[static_cast<std::size_t>(m)].id);
    if (ImGui::MenuItem("Mark agency down (what-if)", nullptr, allDown, !cl.members.empty())) {
      WhatIfChange change{allDown ? WhatIfChange::Op::Restore : WhatIfChange::Op::MarkDown,
                          core::EntityKind::Representative, {}};
      for (int m : cl.members) change.ids.push_back(m_model.nodes[static_cast<std::size_t>(m)].id);
      ctx.outbox.put(std::move(change));
    }
    if (ImGui::MenuItem(m_collapsed[c] ? "Expand agency" : "Collapse agency"))
      m_collapsed[c] = !m_collapsed[c];
    if (ImGui::MenuItem("Select agency"))
      ctx.selection = Selection{core::EntityKind::Agency, cl.agency};
  }
  ImGui::Separator();
  if (ImGui::MenuItem("Collapse all")) std::fill(m_collapsed.begin(), m_collapsed.end(), true);
  if (ImGui::MenuItem("Expand all")) std::fill(m_collapsed.begin(), m_collapsed.end(), false);
  if (ImGui::MenuItem("Clear what-if", nullptr, false,
                      !ctx.whatif_down_reps.empty() || !ctx.whatif_down_channels.empty()))
    ctx.outbox.put(WhatIfChange{WhatIfChange::Op::Clear, core::EntityKind::Representative, {}});
  if (ImGui::MenuItem("Zoom to fit", "F")) m_autoFit = true;
  ImGui::EndPopup();
}

void NetworkView::drawCanvas(AppContext& ctx, ImDrawList* dl) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const bool wall = ctx.wallMode();
  dl->AddRectFilled(iv(m_view.origin),
                    ImVec2(m_view.origin.x + m_view.size.x, m_view.origin.y + m_view.size.y),
                    ImGui::GetColorU32(theme.background));

  int selected = -1;
  if (ctx.selection.kind == core::EntityKind::Representative)
    selected = m_model.nodeOfRep(ctx.selection.id);
  if (ctx.selection.kind == core::EntityKind::Agency)
    if (int c = m_model.clusterOfAgency(ctx.selection.id); c >= 0)
      selected = m_model.clusters[static_cast<std::size_t>(c)].hub;

  DrawState st;
  st.model = &m_model;
  st.positions = &m_pos;
  st.overlay = &m_resolved;
  st.collapsed = &m_collapsed;
  st.selectedNode = selected;
  st.hoveredNode = m_hovered;
  st.foundNode = m_found;
  st.pinned = &m_pinned;
  DrawOptions opt;
  opt.em = em;
  opt.size = m_sizeMode;
  opt.labelMinPx = wall ? 0.3f * em : 0.28f * em;
  opt.textWidth = [](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; };
  buildNetworkDrawList(st, m_view, opt, m_draw);

  const ImU32 text = ImGui::GetColorU32(theme.text);
  const ImU32 muted = ImGui::GetColorU32(theme.text_muted);
  const ImU32 warn = ImGui::GetColorU32(theme.warn);
  const ImU32 danger = ImGui::GetColorU32(theme.danger);
  const ImU32 accent = ImGui::GetColorU32(theme.accent);
  const ImU32 bg = ImGui::GetColorU32(theme.background);
  const float line = std::max(1.0f, 0.08f * em);

  for (const auto& c : m_draw.clusters) {
    const ImU32 col =
        agencyTypeStyle(m_model.clusters[static_cast<std::size_t>(c.cluster)].colour).colour;
    const bool sel = selected == m_model.clusters[static_cast<std::size_t>(c.cluster)].hub;
    dl->AddCircleFilled(iv(c.c), c.r, withAlpha(col, wall ? 0.13f : 0.09f), 48);
    dl->AddCircle(iv(c.c), c.r, withAlpha(col, sel ? 0.95f : 0.45f), 48, sel ? 2.5f * line : line);
  }
  for (const auto& l : m_draw.foldedEdges)
    dl->AddLine(iv(l.a), iv(l.b), withAlpha(muted, 0.18f), 1.0f);

  const ImU32 edgeUp = withAlpha(muted, wall ? 0.85f : 0.6f);
  // Thousands of lines on screen: line styles cannot be told apart any more, so plain thin lines
  // (status colours and overlays stay).
  const bool dense = m_draw.edges.size() > kDenseEdges;
  for (const auto& e : m_draw.edges) {
    const NetEdge& edge = m_model.edges[static_cast<std::size_t>(e.edge)];
    ImU32 col = edgeUp;
    float width = line * (e.flags & kEdgeAgency ? 1.6f : 1.0f) * (e.count > 1 ? 1.5f : 1.0f);
    bool dash = false;
    if (edge.status == core::ChannelStatus::Degraded) col = warn;
    if (edge.status == core::ChannelStatus::Down) col = withAlpha(danger, 0.85f), dash = true;
    if (e.flags & kEdgeBridge) col = warn, width *= 2.2f;
    if (e.flags & kEdgeDown) col = withAlpha(danger, 0.55f), dash = true;
    if (e.flags & kEdgeSelected)
      col = (e.flags & kEdgeDown) ? col : withAlpha(text, 0.9f), width *= 1.4f;
    if (e.flags & kEdgePath) col = accent, width = std::max(width, 3.0f * line), dash = false;
    if (dense && !(e.flags & (kEdgePath | kEdgeBridge | kEdgeSelected)))
      dl->AddLine(iv(e.a), iv(e.b), dash ? withAlpha(col, 0.5f) : withAlpha(col, 0.45f), line);
    else
      styledLine(dl, iv(e.a), iv(e.b), edge.medium, dash, col, width, em);
  }
  for (const auto& l : m_draw.brokenNeeds)
    dashedLine(dl, iv(l.a), iv(l.b), danger, 2.2f * line, 0.7f * em, 0.4f * em);

  for (const auto& f : m_draw.folds)
    dl->AddRectFilled(ImVec2(f.c.x - 1.5f, f.c.y - 1.5f), ImVec2(f.c.x + 1.5f, f.c.y + 1.5f),
                      withAlpha(agencyTypeStyle(f.colour).colour,
                                std::min(1.0f, 0.45f + 0.1f * static_cast<float>(f.count))));

  for (const auto& n : m_draw.nodes) {
    const ImVec2 c = iv(n.c);
    const ImU32 col = agencyTypeStyle(n.colour).colour;
    if (n.r < 0.3f * em && n.flags == 0) {  // a dot: no outline, few segments
      dl->AddCircleFilled(c, n.r, col, 6);
      continue;
    }
    const int seg = n.r < 6 ? 10 : n.r < 20 ? 20 : 32;
    if (n.flags & kNodeBottleneck) dl->AddCircleFilled(c, n.r * 1.9f, withAlpha(warn, 0.35f), seg);
    if (n.flags & kNodeFound) dl->AddCircle(c, n.r + 0.45f * em, accent, seg, 2.5f * line);
    const bool down = n.flags & kNodeDown;
    dl->AddCircleFilled(c, n.r, down ? withAlpha(col, 0.3f) : col, seg);
    dl->AddCircle(c, n.r, bg, seg, std::max(1.0f, n.r * 0.12f));
    if (n.flags & kNodeHub) {
      dl->AddCircle(c, n.r + 0.18f * em, withAlpha(col, 0.7f), seg, line);
      const NetNode& hub = m_model.nodes[static_cast<std::size_t>(n.node)];
      char count[16];
      std::snprintf(count, sizeof count, "%zu",
                    m_model.clusters[static_cast<std::size_t>(hub.cluster)].members.size());
      const ImVec2 ts = ImGui::CalcTextSize(count);
      if (ts.x < n.r * 1.6f)
        dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), IM_COL32(10, 10, 10, 255), count);
    }
    if (n.flags & kNodeArticulation) {
      const float d = n.r + 0.3f * em;
      dl->AddQuad(ImVec2(c.x, c.y - d), ImVec2(c.x + d, c.y), ImVec2(c.x, c.y + d),
                  ImVec2(c.x - d, c.y), danger, 2.0f * line);
    }
    if (down) {
      const float d = n.r * 0.8f;
      dl->AddLine(ImVec2(c.x - d, c.y - d), ImVec2(c.x + d, c.y + d), danger, 2.5f * line);
      dl->AddLine(ImVec2(c.x - d, c.y + d), ImVec2(c.x + d, c.y - d), danger, 2.5f * line);
    }
    if (n.flags & kNodePath) dl->AddCircle(c, n.r + 0.15f * em, accent, seg, 2.5f * line);
    if (n.flags & kNodeSelected)
      dl->AddCircle(c, n.r + 0.25f * em, text, seg, 2.0f * line);
    else if (n.flags & kNodeHovered)
      dl->AddCircle(c, n.r + 0.15f * em, withAlpha(text, 0.7f), seg, line);
    if ((n.flags & kNodePinned) && n.r > 0.3f * em)
      dl->AddCircleFilled(ImVec2(c.x + n.r * 0.75f, c.y - n.r * 0.75f), std::max(2.0f, 0.14f * em),
                          text, 8);
  }

  for (const auto& h : m_draw.pathHops) {
    const ImVec2 mid((h.a.x + h.b.x) * 0.5f, (h.a.y + h.b.y) * 0.5f);
    char num[8];
    std::snprintf(num, sizeof num, "%d", h.number);
    const ImVec2 ts = ImGui::CalcTextSize(num);
    const float r = std::max(ts.x, ts.y) * 0.5f + 0.2f * em;
    dl->AddCircleFilled(mid, r, accent, 20);
    dl->AddText(ImVec2(mid.x - ts.x * 0.5f, mid.y - ts.y * 0.5f), IM_COL32(0, 0, 0, 255), num);
  }

  // The wall places its own labels: by importance, never colliding, essential ones as markers.
  if (wall) {
    m_draw.labels.clear();
    placeWallLabels(ctx, dl);
  } else {
    m_wallLabels.clear();
  }
  // Labels on a dark backing so they stay legible over lines.
  const ImU32 backing = withAlpha(bg, 0.72f);
  for (const auto& l : m_draw.labels) {
    const ImVec2 ts = ImGui::CalcTextSize(l.text->c_str());
    const bool caption = l.cluster >= 0;
    ImFont* font = caption && ctx.fonts.bold ? ctx.fonts.bold : nullptr;
    dl->AddRectFilled(ImVec2(l.pos.x - 0.15f * em, l.pos.y),
                      ImVec2(l.pos.x + ts.x + 0.15f * em, l.pos.y + ts.y), backing, 0.2f * em);
    const ImU32 col =
        caption ? agencyTypeStyle(m_model.clusters[static_cast<std::size_t>(l.cluster)].colour).colour
                : text;
    if (font)
      dl->AddText(font, em, iv(l.pos), col, l.text->c_str());
    else
      dl->AddText(iv(l.pos), col, l.text->c_str());
  }

  if (m_model.nodes.empty()) {
    const char* msg = "No agencies or people yet: import a scenario to see the network.";
    const ImVec2 ts = ImGui::CalcTextSize(msg);
    dl->AddText(ImVec2(m_view.origin.x + (m_view.size.x - ts.x) * 0.5f,
                       m_view.origin.y + m_view.size.y * 0.45f),
                muted, msg);
  }
}

void NetworkView::placeWallLabels(AppContext& ctx, ImDrawList* dl) {
  m_wallLabels.clear();
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const auto importance = wall::agencyImportance(ctx.analysis.get());
  const wall::Box pane{m_view.origin.x, m_view.origin.y, m_view.origin.x + m_view.size.x,
                       m_view.origin.y + m_view.size.y};

  // One anchor per agency: its circle, its hub (collapsed) or its first drawn member.
  struct Anchor {
    Vec2f c;
    float r = -1;
  };
  std::vector<Anchor> anchors(m_model.clusters.size());
  for (const auto& c : m_draw.clusters)
    anchors[static_cast<std::size_t>(c.cluster)] = {c.c, c.r};
  for (const auto& n : m_draw.nodes) {
    const int cl = m_model.nodes[static_cast<std::size_t>(n.node)].cluster;
    if (cl < 0) continue;
    Anchor& a = anchors[static_cast<std::size_t>(cl)];
    if (a.r < 0 || (n.flags & kNodeHub)) a = {n.c, n.r};
  }
  for (std::size_t c = 0; c < m_model.clusters.size(); ++c) {
    const NetCluster& cl = m_model.clusters[c];
    const auto it = importance.find(cl.agency);
    const wall::AgencyImportance imp =
        it == importance.end() ? wall::AgencyImportance{} : it->second;
    // Culled (outside the view): an essential agency is still named in the legend.
    if (anchors[c].r < 0 && !imp.essential()) continue;
    const Anchor a = anchors[c].r >= 0 ? anchors[c] : Anchor{{-1e6f, -1e6f}, 0};
    m_wallLabels.add(cl.code, true, cl.agency, a.c.x, a.c.y, a.r, imp.priority(),
                     static_cast<double>(cl.members.size()), imp.essential());
  }
  // People: single points of failure and bottlenecks first, then the largest discs.
  for (const auto& n : m_draw.nodes) {
    if (n.flags & kNodeHub) continue;
    const NetNode& node = m_model.nodes[static_cast<std::size_t>(n.node)];
    const bool key = n.flags & (kNodeArticulation | kNodeBottleneck);
    m_wallLabels.add(node.label, false, 0, n.c.x, n.c.y, n.r, key ? 3 : 5, n.r, false);
  }
  m_wallLabels.place(pane, {}, ImGui::GetFont(), ctx.fonts.bold, em);
  wall::LabelLayer::Colours colours;
  colours.text = ImGui::GetColorU32(theme.text);
  colours.backing = withAlpha(ImGui::GetColorU32(theme.background), 0.8f);
  colours.legend_bg = ImGui::GetColorU32(theme.panel);
  colours.marker = ImGui::GetColorU32(theme.accent);
  colours.marker_text = IM_COL32(0, 0, 0, 255);
  colours.agency = [&](std::int64_t agency) {
    const int c = m_model.clusterOfAgency(agency);
    return c >= 0 ? agencyTypeStyle(m_model.clusters[static_cast<std::size_t>(c)].colour).colour
                  : colours.text;
  };
  m_wallLabels.draw(dl, colours);
}

void NetworkView::drawLegend(AppContext& ctx, ImDrawList* dl) {
  if (!m_showLegend || m_model.nodes.empty()) return;
  // The wall's pane is for the network and its names at reading size (the key would cover
  // labels placed by importance).
  if (ctx.wallMode()) return;
  // On a wall pane the key must not cover the network: keep it only where there is room.
  if (ctx.wallMode() && m_legendWidth * 3.5f > m_view.size.x) return;
  const Theme& theme = themeData(ctx.theme);
  // On the wall the body text is huge; the legend, a key rather than content, is set smaller,
  // but never below 16 arc-minutes (app/wall/legibility.hpp).
  const float scale = ctx.wallMode() ? wall::kSmallTextFactor : 1.0f;
  const float em = ImGui::GetFontSize() * scale;
  ImFont* font = ImGui::GetFont();
  auto textW = [&](const char* t) { return ImGui::CalcTextSize(t).x * scale; };
  bool present[15] = {};
  for (const auto& c : m_model.clusters) present[std::clamp(c.colour, 0, 14)] = true;
  struct Row {
    int type;  // >= 0: an agency type; < 0: a line style
    const char* text;
  };
  std::vector<Row> rows;
  for (int t = 0; t < 15; ++t)
    if (present[t]) rows.push_back({t, agencyTypeStyle(t).label});
  const bool hasOverlay = !m_overlay.empty();
  const Row lines[] = {{-1, "radio"},     {-2, "phone"},    {-3, "e-mail"}, {-4, "in person"},
                       {-5, "data link"}, {-6, "degraded"}, {-7, "down"}};
  const Row marks[] = {
      {-8, "bottleneck"}, {-9, "single point of failure"}, {-10, "bridge"}, {-11, "need cut"}};
  const float row = 1.25f * em;
  // Two columns: agency types, then channel styles (and overlay marks when there are any).
  const std::size_t right = std::size(lines) + (hasOverlay ? std::size(marks) : 0);
  const std::size_t height = std::max(rows.size(), right);
  float typeW = 0, lineW = 0;
  for (const auto& r : rows) typeW = std::max(typeW, textW(r.text));
  for (const auto& r : marks) lineW = std::max(lineW, textW(r.text));
  for (const auto& r : lines) lineW = std::max(lineW, textW(r.text));
  const float col1 = 1.6f * em + typeW, col2 = 2.8f * em + lineW;
  const float w = col1 + col2 + 1.2f * em, h = static_cast<float>(height) * row + 0.8f * em;
  const ImVec2 p0(m_view.origin.x + 0.6f * em, m_view.origin.y + m_view.size.y - h - 0.6f * em);
  m_legendWidth = w + 1.2f * em;
  dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), ImGui::GetColorU32(theme.panel), 0.3f * em);
  dl->AddRect(p0, ImVec2(p0.x + w, p0.y + h), ImGui::GetColorU32(theme.border), 0.3f * em);
  const ImU32 text = ImGui::GetColorU32(theme.text), muted = ImGui::GetColorU32(theme.text_muted);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const float y = p0.y + 0.4f * em + static_cast<float>(i) * row;
    dl->AddCircleFilled(ImVec2(p0.x + 0.9f * em, y + 0.5f * em), 0.38f * em,
                        agencyTypeStyle(rows[i].type).colour, 16);
    dl->AddText(font, em, ImVec2(p0.x + 1.6f * em, y), text, rows[i].text);
  }
  const float x = p0.x + col1 + 0.6f * em;
  const float lw = std::max(1.0f, 0.08f * em);
  auto drawRow = [&](std::size_t i, const Row& r) {
    const float y = p0.y + 0.4f * em + static_cast<float>(i) * row, cy = y + 0.5f * em;
    const ImVec2 a(x, cy), b(x + 1.8f * em, cy);
    switch (r.type) {
      case -1:
        styledLine(dl, a, b, core::Medium::Radio, false, muted, lw, em);
        break;
      case -2:
        styledLine(dl, a, b, core::Medium::Phone, false, muted, lw, em);
        break;
      case -3:
        styledLine(dl, a, b, core::Medium::Email, false, muted, lw, em);
        break;
      case -4:
        styledLine(dl, a, b, core::Medium::InPerson, false, muted, lw, em);
        break;
      case -5:
        styledLine(dl, a, b, core::Medium::DataLink, false, muted, lw, em);
        break;
      case -6:
        dl->AddLine(a, b, ImGui::GetColorU32(theme.warn), lw);
        break;
      case -7:
        dashedLine(dl, a, b, ImGui::GetColorU32(theme.danger), lw, 0.45f * em, 0.3f * em);
        break;
      case -8:
        dl->AddCircleFilled(ImVec2(x + 0.9f * em, cy), 0.45f * em,
                            withAlpha(ImGui::GetColorU32(theme.warn), 0.5f), 16);
        break;
      case -9: {
        const float d = 0.42f * em, cx = x + 0.9f * em;
        dl->AddQuad(ImVec2(cx, cy - d), ImVec2(cx + d, cy), ImVec2(cx, cy + d), ImVec2(cx - d, cy),
                    ImGui::GetColorU32(theme.danger), 2 * lw);
        break;
      }
      case -10:
        dl->AddLine(a, b, ImGui::GetColorU32(theme.warn), 2.2f * lw);
        break;
      case -11:
        dashedLine(dl, a, b, ImGui::GetColorU32(theme.danger), 2.2f * lw, 0.5f * em, 0.3f * em);
        break;
      default:
        break;
    }
    dl->AddText(font, em, ImVec2(x + 2.2f * em, y), text, r.text);
  };
  std::size_t i = 0;
  for (const auto& r : lines) drawRow(i++, r);
  if (hasOverlay)
    for (const auto& r : marks) drawRow(i++, r);
}

void NetworkView::drawEdgeTooltip(const AppContext& ctx, int edge) {
  if (!m_source) return;
  const NetEdge& e = m_model.edges[static_cast<std::size_t>(edge)];
  const core::Channel* ch = m_source->channel(e.channel);
  if (!ch) return;
  const Theme& theme = themeData(ctx.theme);
  auto end = [&](int node) -> std::string {
    const NetNode& n = m_model.nodes[static_cast<std::size_t>(node)];
    if (n.hub) return n.label;
    const int c = n.cluster;
    return c >= 0 ? n.label + " (" + m_model.clusters[static_cast<std::size_t>(c)].code + ")"
                  : n.label;
  };
  static const char* kMedium[] = {"Radio", "Phone", "E-mail", "In person", "Data link"};
  static const char* kStatus[] = {"up", "degraded", "down"};
  ImGui::BeginTooltip();
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::Text("%s %s %s", end(e.a).c_str(), ch->two_way ? "\xE2\x86\x94" : "\xE2\x86\x92",
              end(e.b).c_str());
  if (ctx.fonts.bold) ImGui::PopFont();
  ImGui::Text("%s%s%s", kMedium[static_cast<int>(ch->medium)], ch->identifier.empty() ? "" : "  ",
              ch->identifier.c_str());
  ImGui::TextColored(ch->status == core::ChannelStatus::Up         ? theme.ok
                     : ch->status == core::ChannelStatus::Degraded ? theme.warn
                                                                   : theme.danger,
                     "Status: %s", kStatus[static_cast<int>(ch->status)]);
  ImGui::Text("%.0f min, reliability %.2f", ch->latency_min, ch->reliability);
  const auto flags = m_resolved.edgeFlags[static_cast<std::size_t>(edge)];
  if (flags & kEdgeBridge) ImGui::TextColored(theme.warn, "Bridge: its loss splits the network");
  if (flags & kEdgeDown) ImGui::TextColored(theme.danger, "Marked down (what-if)");
  ImGui::EndTooltip();
}

void NetworkView::drawTooltip(const AppContext& ctx, int node) {
  if (!m_source) return;
  const Theme& theme = themeData(ctx.theme);
  const NetNode& n = m_model.nodes[static_cast<std::size_t>(node)];
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  if (n.hub) {
    const NetCluster& cl = m_model.clusters[static_cast<std::size_t>(n.cluster)];
    if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
    ImGui::Text("%s  %s", cl.code.c_str(), cl.name.c_str());
    if (ctx.fonts.bold) ImGui::PopFont();
    ImGui::TextColored(theme.text_muted, "%s, %zu people; double-click to expand",
                       agencyTypeStyle(cl.colour).label, cl.members.size());
  } else if (const auto* rep = m_source->representative(n.id)) {
    if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(rep->name.c_str());
    if (ctx.fonts.bold) ImGui::PopFont();
    if (!rep->position.empty()) ImGui::TextColored(theme.text_muted, "%s", rep->position.c_str());
    if (const auto* a = m_source->agency(rep->agency))
      ImGui::Text("%s  %s", a->code.c_str(), a->name.c_str());
    ImGui::Text("%s", rep->on_duty ? "On duty" : "Off duty");
    for (const auto& c : rep->contacts) {
      if (c.sensitive && ctx.wallMode()) continue;  // never on the wall, not even masked
      const bool mask = c.sensitive && !ctx.mayShowSensitive();
      ImGui::BulletText("%s: %s", contactName(c.kind),
                        mask ? "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2 (hidden)" : c.value.c_str());
    }
    ImGui::Separator();
    ImGui::Text("Channels: %.0f", static_cast<double>(n.degree));
    const auto i = static_cast<std::size_t>(node);
    if (!m_overlay.load.empty()) ImGui::Text("Load: %.1f", static_cast<double>(m_resolved.load[i]));
    if (!m_overlay.betweenness.empty())
      ImGui::Text("Betweenness: %.1f", static_cast<double>(m_resolved.betweenness[i]));
    const auto flags = m_resolved.nodeFlags[i];
    if (flags & kNodeArticulation) ImGui::TextColored(theme.danger, "Single point of failure");
    if (flags & kNodeBottleneck) ImGui::TextColored(theme.warn, "Bottleneck");
    if (flags & kNodeDown) ImGui::TextColored(theme.danger, "Marked down (what-if)");
    if (m_pinned[i]) ImGui::TextColored(theme.text_muted, "Pinned (right-click to unpin)");
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace liaison::app
