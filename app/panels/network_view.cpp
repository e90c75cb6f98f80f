#include "network_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "app/shell/clock_text.hpp"
#include "app/render/network_overlay.hpp"
#include "app/shell/app_context.hpp"
#include "app/shell/station_settings.hpp"
#include "app/shell/theme.hpp"

namespace liaison::app {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Layout key of a node: "r<id>" for people, "a<id>" for agency hubs (stable across versions).
std::string nodeKey(const NetNode& n) {
  std::string key(1, n.hub ? 'a' : 'r');  // not "a" + to_string(): GCC 12 -Wrestrict false positive
  key += std::to_string(n.id);
  return key;
}

}  // namespace

void NetworkView::setOverlay(NetworkOverlay overlay) {
  m_overlay = std::move(overlay);
  m_overlayDirty = true;
}

void NetworkView::syncModel(AppContext& ctx) {
  // With the timeline's scrubber in the past: people and channels as they were then.
  m_shown = ctx.view_time ? ctx.shownSnapshot() : ctx.snapshot;
  const core::Snapshot* snap = m_shown.get();
  const std::uint64_t version = snap ? snap->version : 0;
  if (m_built && snap == m_source && version == m_sourceVersion) return;

  // Keep what the user had: positions, pins and collapsed agencies, by stable id.
  std::unordered_map<std::string, std::pair<Vec2f, bool>> previous;
  for (std::size_t i = 0; i < m_model.nodes.size() && i < m_pos.size(); ++i)
    previous[nodeKey(m_model.nodes[i])] = {m_pos[i], i < m_pinned.size() && m_pinned[i]};
  std::set<core::Id> collapsedAgencies;
  for (std::size_t c = 0; c < m_model.clusters.size() && c < m_collapsed.size(); ++c)
    if (m_collapsed[c]) collapsedAgencies.insert(m_model.clusters[c].agency);

  m_model = snap ? buildNetworkModel(*snap) : NetworkModel{};
  m_source = snap;
  m_sourceVersion = version;
  m_built = true;
  ++m_generation;
  m_overlayDirty = true;
  m_hovered = m_found = m_pressNode = -1;
  m_draggingNode = false;

  const std::size_t n = m_model.nodes.size();
  std::vector<Vec2f> start(n);
  std::vector<bool> known(n, false);
  m_pinned.assign(n, false);
  for (std::size_t i = 0; i < n; ++i)
    if (const auto it = previous.find(nodeKey(m_model.nodes[i])); it != previous.end()) {
      start[i] = it->second.first;
      known[i] = true;
      m_pinned[i] = it->second.second;
    }
  m_collapsed.assign(m_model.clusters.size(), false);
  for (std::size_t c = 0; c < m_model.clusters.size(); ++c)
    m_collapsed[c] = collapsedAgencies.count(m_model.clusters[c].agency) > 0;
  if (!m_savedLoaded) loadSaved(ctx, start, known);

  // Until the worker publishes, show the warm start (unknown nodes on a ring by agency).
  m_pos = start;
  const float ring = std::sqrt(static_cast<float>(n) + 1.0f) * 0.8f;
  for (std::size_t i = 0; i < n; ++i)
    if (!known[i]) {
      const int c = std::max(0, m_model.nodes[i].cluster);
      const float a = 6.2831853f * static_cast<float>(c) /
                      std::max<float>(1.0f, static_cast<float>(m_model.clusters.size()));
      const float jitter = 0.3f * static_cast<float>(i % 7);
      m_pos[i] = {std::cos(a) * ring + jitter, std::sin(a) * ring + jitter};
    }
  m_frame.reset();
  m_layoutSettled = false;
  m_savedSinceSettle = false;
  computeGeographic();
  submitLayout(start, known);
}

void NetworkView::submitLayout(const std::vector<Vec2f>& start, const std::vector<bool>& known) {
  LayoutJob job;
  job.generation = m_generation;
  job.nodeCount = static_cast<int>(m_model.nodes.size());
  job.edges = m_model.layoutEdges();
  job.weights = m_model.layoutWeights();
  job.groups = m_model.layoutGroups();
  job.start = start;
  job.known = known;
  job.pinned = m_pinned;
  // Fill the view's shape (wide on a monitor or a wall) rather than a square.
  if (m_view.size.x > 0 && m_view.size.y > 0)
    job.aspect = std::clamp(static_cast<double>(m_view.size.x / m_view.size.y), 1.0, 2.5);
  m_worker.submit(std::move(job));
}

void NetworkView::loadSaved(AppContext& ctx, std::vector<Vec2f>& start, std::vector<bool>& known) {
  m_savedLoaded = true;
  // The station's settings, read by the shell at start (station_settings.hpp).
  const std::string text = ctx.uiSetting(kNetworkPositionsSetting);
  if (text.empty()) return;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object() || !json.contains("nodes") || !json["nodes"].is_object()) return;
  const auto& nodes = json["nodes"];
  for (std::size_t i = 0; i < m_model.nodes.size(); ++i) {
    const auto it = nodes.find(nodeKey(m_model.nodes[i]));
    if (it == nodes.end() || !it->is_array() || it->size() < 3) continue;
    const auto& v = *it;
    if (!v[0].is_number() || !v[1].is_number()) continue;
    start[i] = {v[0].get<float>(), v[1].get<float>()};
    known[i] = true;
    m_pinned[i] = v[2].is_number() && v[2].get<int>() != 0;
  }
  if (json.contains("collapsed") && json["collapsed"].is_array()) {
    m_collapsed.assign(m_model.clusters.size(), false);
    for (const auto& a : json["collapsed"])
      if (a.is_number_integer())
        if (int c = m_model.clusterOfAgency(a.get<core::Id>()); c >= 0)
          m_collapsed[static_cast<std::size_t>(c)] = true;
  }
}

void NetworkView::savePositions(AppContext& ctx) {
  // The station's UI state, kept outside the workspace; never from a read-only follower.
  if (ctx.read_only) return;
  nlohmann::json nodes = nlohmann::json::object();
  for (std::size_t i = 0; i < m_model.nodes.size() && i < m_pos.size(); ++i) {
    const float x = std::round(m_pos[i].x * 1000.0f) / 1000.0f,
                y = std::round(m_pos[i].y * 1000.0f) / 1000.0f;
    nodes[nodeKey(m_model.nodes[i])] = nlohmann::json::array({x, y, m_pinned[i] ? 1 : 0});
  }
  nlohmann::json collapsed = nlohmann::json::array();
  for (std::size_t c = 0; c < m_collapsed.size(); ++c)
    if (m_collapsed[c]) collapsed.push_back(m_model.clusters[c].agency);
  const nlohmann::json json{{"version", 1}, {"nodes", nodes}, {"collapsed", collapsed}};
  ctx.outbox.put(UiSetting{kNetworkPositionsSetting, json.dump()});
}

void NetworkView::pullPositions() {
  if (m_mode == NetworkLayoutMode::Geographic) {
    if (m_geo.size() == m_model.nodes.size()) m_pos = m_geo;
    return;
  }
  auto frame = m_worker.latest();
  if (!frame || frame == m_frame || frame->generation != m_generation ||
      frame->positions.size() != m_model.nodes.size())
    return;
  m_frame = frame;
  const int dragged = m_draggingNode ? m_pressNode : -1;
  const Vec2f keep = dragged >= 0 ? m_pos[static_cast<std::size_t>(dragged)] : Vec2f{};
  m_pos = frame->positions;
  if (dragged >= 0) m_pos[static_cast<std::size_t>(dragged)] = keep;
  m_layoutSettled = frame->settled;
}

bool NetworkView::waitLayout(double seconds) {
  const bool ok = m_worker.waitSettled(seconds);
  pullPositions();
  return ok;
}

void NetworkView::computeGeographic() {
  // Agencies at their lon/lat (equirectangular around the mean latitude), scaled so the picture
  // has about the force layout's extent; people on a ring around their agency.
  const std::size_t n = m_model.nodes.size();
  m_geo.assign(n, Vec2f{});
  if (!m_source) return;
  std::vector<std::optional<core::LonLat>> where(m_model.clusters.size());
  double lat0 = 0;
  int count = 0;
  for (std::size_t c = 0; c < m_model.clusters.size(); ++c)
    if (const auto* a = m_source->agency(m_model.clusters[c].agency); a && a->position) {
      where[c] = a->position;
      lat0 += a->position->lat;
      ++count;
    }
  if (count) lat0 /= count;
  const double cosLat = std::cos(lat0 * 3.14159265358979 / 180.0);
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  for (const auto& w : where)
    if (w) {
      x0 = std::min(x0, w->lon * cosLat), x1 = std::max(x1, w->lon * cosLat);
      y0 = std::min(y0, -w->lat), y1 = std::max(y1, -w->lat);
    }
  const double extent = std::max({x1 - x0, y1 - y0, 1e-9});
  const double target = 2.2 * std::sqrt(static_cast<double>(n) + 1.0);
  const double scale = count ? target / extent : 1.0;
  const float cx = count ? static_cast<float>((x0 + x1) * 0.5) : 0.0f;
  const float cy = count ? static_cast<float>((y0 + y1) * 0.5) : 0.0f;
  int unplaced = 0;
  for (std::size_t c = 0; c < m_model.clusters.size(); ++c) {
    const auto& cl = m_model.clusters[c];
    Vec2f centre;
    if (where[c]) {
      centre = {static_cast<float>((where[c]->lon * cosLat - cx) * scale),
                static_cast<float>((-where[c]->lat - cy) * scale)};
    } else {  // no position: a row under the map
      centre = {static_cast<float>(-target * 0.5 + 2.0 * unplaced++),
                static_cast<float>(target * 0.5 + 3.0)};
    }
    m_geo[static_cast<std::size_t>(cl.hub)] = centre;
    const float r = 0.35f + 0.12f * static_cast<float>(cl.members.size());
    for (std::size_t k = 0; k < cl.members.size(); ++k) {
      const float a = 6.2831853f * static_cast<float>(k) / static_cast<float>(cl.members.size());
      m_geo[static_cast<std::size_t>(cl.members[k])] = {centre.x + r * std::cos(a),
                                                        centre.y + r * std::sin(a)};
    }
  }
}

void NetworkView::syncOverlay(const AppContext& ctx) {
  if (!m_overlayDirty && ctx.whatif_down_reps == m_resolvedDownReps &&
      ctx.whatif_down_channels == m_resolvedDownChannels)
    return;
  m_resolvedDownReps = ctx.whatif_down_reps;
  m_resolvedDownChannels = ctx.whatif_down_channels;
  m_resolved = resolveOverlay(m_model, m_overlay, m_resolvedDownReps, m_resolvedDownChannels);
  m_overlayDirty = false;
}

void NetworkView::syncAnalysis(const AppContext& ctx) {
  const core::Id need = ctx.selection.kind == core::EntityKind::Need ? ctx.selection.id : 0;
  const auto pair = ctx.show_pair_path ? ctx.pair : nullptr;
  const bool past = ctx.view_time.has_value();
  if (ctx.analysis == m_analysisSeen && ctx.whatif == m_whatifSeen && need == m_pathNeed &&
      pair == m_pairSeen && past == m_pastSeen)
    return;
  m_pastSeen = past;
  if (past) {  // the engine's answers are about now, not about the past state on screen
    m_analysisSeen = ctx.analysis;
    m_whatifSeen = ctx.whatif;
    m_pathNeed = need;
    m_pairSeen = pair;
    setOverlay({});
    return;
  }
  m_analysisSeen = ctx.analysis;
  m_whatifSeen = ctx.whatif;
  m_pathNeed = need;
  m_pairSeen = pair;
  if (!ctx.analysis) return;  // nothing from the engine yet: keep an overlay set by hand
  setOverlay(overlayFromAnalysis(*ctx.analysis, ctx.whatif.get(), need,
                                 pair ? &pair->fastest.path : nullptr));
  if (!m_sizeChosen && !m_overlay.load.empty()) m_sizeMode = SizeMode::Load;
}

void NetworkView::fit() {
  if (m_pos.empty() || m_view.size.x <= 0 || m_view.size.y <= 0) return;
  float x0 = m_pos[0].x, x1 = x0, y0 = m_pos[0].y, y1 = y0;
  for (const auto& p : m_pos) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  const float margin = 1.2f;  // world units: room for cluster rings and captions
  x0 -= margin, x1 += margin, y0 -= margin * 1.6f, y1 += margin;
  m_view.zoom =
      std::clamp(std::min(m_view.size.x / (x1 - x0), m_view.size.y / (y1 - y0)), 0.05f, 400.0f);
  m_view.centre = {(x0 + x1) * 0.5f, (y0 + y1) * 0.5f};
  // Keep the legend (bottom left) off the network: slide right into spare width, and shrink
  // only when there is not enough of it.
  if (!m_showLegend || m_legendWidth <= 0 || m_legendWidth > m_view.size.x * 0.4f) return;
  const float spare = (m_view.size.x - (x1 - x0) * m_view.zoom) * 0.5f;
  if (spare >= m_legendWidth) return;
  const float w = m_view.size.x - m_legendWidth;
  if (spare < m_legendWidth * 0.5f)
    m_view.zoom = std::min(m_view.zoom, std::max(w, 1.0f) / (x1 - x0));
  const float left = m_view.size.x * 0.5f - (x1 - x0) * 0.5f * m_view.zoom;  // content's left edge
  const float shift = std::max(0.0f, m_legendWidth - left);
  m_view.centre.x -= shift / m_view.zoom;
}

void NetworkView::centreOn(int node) {
  if (node < 0 || static_cast<std::size_t>(node) >= m_pos.size()) return;
  const NetNode& n = m_model.nodes[static_cast<std::size_t>(node)];
  if (n.hub || (n.cluster >= 0 && m_collapsed[static_cast<std::size_t>(n.cluster)])) {
    std::vector<Vec2f> centres;
    std::vector<float> radii;
    clusterCircles(m_model, m_pos, 0, centres, radii);
    m_view.centre = centres[static_cast<std::size_t>(n.cluster)];
  } else {
    m_view.centre = m_pos[static_cast<std::size_t>(node)];
  }
  // Close enough that its name shows.
  const float em = ImGui::GetFontSize();
  m_view.zoom = std::max(m_view.zoom, 2.2f * em / 0.22f / 2.0f);
}

void NetworkView::zoomAt(Vec2f screen, float factor) {
  const Vec2f before = m_view.toWorld(screen);
  m_view.zoom = std::clamp(m_view.zoom * factor, 0.05f, 400.0f);
  const Vec2f after = m_view.toWorld(screen);
  m_view.centre.x += before.x - after.x;
  m_view.centre.y += before.y - after.y;
}

void NetworkView::runSearch(bool next) {
  m_appliedSearch = m_search;
  const std::string needle = lower(m_search);
  if (needle.empty()) {
    m_found = -1;
    m_followFound = false;
    return;
  }
  // People first (names are what one types), then agencies; Enter moves to the next match.
  const int n = static_cast<int>(m_model.nodes.size());
  const int from = next && m_found >= 0 ? m_found + 1 : 0;
  for (int k = 0; k < n; ++k) {
    const int i = (from + k) % n;
    if (m_model.nodes[static_cast<std::size_t>(i)].search.find(needle) != std::string::npos) {
      m_found = i;
      m_followFound = true;
      m_autoFit = false;
      return;
    }
  }
  m_found = -1;
  m_followFound = false;
}

std::optional<Vec2f> NetworkView::screenOfRep(core::Id rep) const {
  const int i = m_model.nodeOfRep(rep);
  if (i < 0) return std::nullopt;
  const int c = m_model.nodes[static_cast<std::size_t>(i)].cluster;
  if (c >= 0 && m_collapsed[static_cast<std::size_t>(c)])
    return screenOfAgency(m_model.clusters[static_cast<std::size_t>(c)].agency);
  return m_view.toScreen(m_pos[static_cast<std::size_t>(i)]);
}

std::optional<Vec2f> NetworkView::screenOfAgency(core::Id agency) const {
  const int c = m_model.clusterOfAgency(agency);
  if (c < 0) return std::nullopt;
  std::vector<Vec2f> centres;
  std::vector<float> radii;
  clusterCircles(m_model, m_pos, 0, centres, radii);
  return m_view.toScreen(centres[static_cast<std::size_t>(c)]);
}

bool NetworkView::pinnedRep(core::Id rep) const {
  const int i = m_model.nodeOfRep(rep);
  return i >= 0 && m_pinned[static_cast<std::size_t>(i)];
}

bool NetworkView::collapsedAgency(core::Id agency) const {
  const int c = m_model.clusterOfAgency(agency);
  return c >= 0 && m_collapsed[static_cast<std::size_t>(c)];
}

void NetworkView::setCollapsed(core::Id agency, bool collapsed) {
  if (int c = m_model.clusterOfAgency(agency); c >= 0)
    m_collapsed[static_cast<std::size_t>(c)] = collapsed;
}

void NetworkView::selectNode(AppContext& ctx, int node) {
  if (node < 0) return;
  const NetNode& n = m_model.nodes[static_cast<std::size_t>(node)];
  ctx.selection = n.hub ? Selection{core::EntityKind::Agency, n.id}
                        : Selection{core::EntityKind::Representative, n.id};
}

void NetworkView::togglePin(AppContext& ctx, int node) {
  if (node < 0) return;
  const auto i = static_cast<std::size_t>(node);
  m_pinned[i] = !m_pinned[i];
  m_worker.pin(node, m_pos[i], m_pinned[i]);
  savePositions(ctx);
}

void NetworkView::drawContent(AppContext& ctx) {
  if (m_view.size.x <= 0) {  // first frame: the layout wants the view's shape
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    m_view.size = {avail.x, avail.y};
  }
  syncModel(ctx);
  pullPositions();
  syncAnalysis(ctx);
  syncOverlay(ctx);
  if (!ctx.wallMode()) drawToolbar(ctx);  // the wall has no controls (keyboard only, read-only)
  if (ctx.view_time) {
    const Theme& th = themeData(ctx.theme);
    ImGui::PushStyleColor(ImGuiCol_Text, th.warn);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("\xE2\x97\x80 The network as it was at %s: channels and people then; the "
                "engine's overlay is for now",
                clockUtc(*ctx.view_time, true).c_str());
    ImGui::PopStyleColor();
    if (!ctx.wallMode()) {
      ImGui::SameLine();
      if (ImGui::Button("Return to live")) ctx.view_time.reset();
    }
  }

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  avail.x = std::max(avail.x, 8.0f);
  avail.y = std::max(avail.y, 8.0f);
  m_view.origin = {origin.x, origin.y};
  m_view.size = {avail.x, avail.y};
  ImGui::InvisibleButton("##network-canvas", avail,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();

  if (m_autoFit) fit();
  if (m_followFound && m_found >= 0) centreOn(m_found);
  handleInput(ctx, hovered, active);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + avail.x, origin.y + avail.y), true);
  drawCanvas(ctx, dl);
  drawLegend(ctx, dl);
  dl->PopClipRect();
  drawContextMenu(ctx);
  if (hovered && !m_draggingNode && !ImGui::IsPopupOpen("##network-menu")) {
    if (m_hovered >= 0)
      drawTooltip(ctx, m_hovered);
    else if (m_hoveredEdge >= 0)
      drawEdgeTooltip(ctx, m_hoveredEdge);
  }

  // Save the settled picture once, so reopening the workspace shows the same network.
  if (m_layoutSettled && !m_savedSinceSettle && m_mode == NetworkLayoutMode::Force) {
    m_savedSinceSettle = true;
    savePositions(ctx);
  }
}

}  // namespace liaison::app
