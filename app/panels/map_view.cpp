// The map view: the frame (fit, pan, smooth zoom), the basemap (opened from the workspace's
// setting, tiles through TileCache), the overlay (scale bar, coordinates, attribution) and the
// tooltip. Features and agencies are drawn in map_view_draw.cpp, the editing tools are in
// map_view_edit.cpp.
#include "map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "app/platform/gl_texture_uploader.hpp"
#include "app/render/triangulate.hpp"
#include "app/shell/agency_style.hpp"
#include "app/shell/app_context.hpp"
#include "app/shell/clock_text.hpp"
#include "app/shell/theme.hpp"
#include "core/model/snapshot.hpp"
#include "map_view_parts.hpp"

namespace liaison::app {
namespace tiles = core::tiles;
using map_view_parts::colour;
using map_view_parts::isBasemap;
namespace {

constexpr double kMinZoom = 0.0, kMaxViewZoom = 22.0;

ImTextureID textureId(TextureHandle h) {
  return reinterpret_cast<ImTextureID>(h);
}

}  // namespace

MapView::MapView() = default;

MapView::~MapView() {
  m_tiles.reset();  // joins the worker before the reader and the uploader go
}

std::size_t MapView::fillTriangles() const {
  std::size_t n = 0;
  for (const auto& it : m_items) n += it.triangles.size();
  return n;
}

void MapView::setBasemap(const std::filesystem::path& mbtiles) {
  m_followSetting = false;
  m_wantedPath = mbtiles.string();
}

void MapView::setTextureUploader(std::unique_ptr<TextureUploader> uploader) {
  m_tiles.reset();
  m_uploader = std::move(uploader);
  m_openPath.clear();  // reopen with the new uploader
  m_reader.reset();
}

bool MapView::settleTiles(double seconds) {
  if (!m_tiles) return true;
  m_tiles->uploadAllNextFrame();
  return m_tiles->waitDecoded(seconds);
}

void MapView::prepare(const core::Snapshot& s) {
  m_items.clear();
  m_min = {HUGE_VAL, HUGE_VAL};
  m_max = {-HUGE_VAL, -HUGE_VAL};
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
        const tiles::World m = tiles::toWorld(ll);
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
        m_min.x = std::min(m_min.x, t.x);
        m_max.x = std::max(m_max.x, t.x);
        m_min.y = std::min(m_min.y, t.y);
        m_max.y = std::max(m_max.y, t.y);
      }
    }
    m_items.push_back(std::move(p));
  }
  m_agencies.clear();
  for (const core::Agency& a : s.agencies) {
    if (!a.position) continue;
    const tiles::World w = tiles::toWorld(*a.position);
    m_agencies.push_back({&a, w});
    m_min.x = std::min(m_min.x, w.x);
    m_max.x = std::max(m_max.x, w.x);
    m_min.y = std::min(m_min.y, w.y);
    m_max.y = std::max(m_max.y, w.y);
  }
  m_hasFeatures = m_min.x <= m_max.x;
  if (!m_hasFeatures) {
    m_min = {0, 0};
    m_max = {1, 1};
  }
}

void MapView::followSetting(const AppContext& ctx) {
  // The loop reads the setting with the snapshot (one read transaction), never this frame.
  if (m_followSetting) m_wantedPath = ctx.basemap_path;
}

void MapView::openBasemap() {
  // A basemap that would not open (file moved, share not mounted yet) is tried again every
  // few seconds, so it appears once it is back.
  const double now = ImGui::GetTime();
  if (m_wantedPath == m_openPath && (m_reader || m_wantedPath.empty() || now - m_openedAt < 5.0))
    return;
  m_openPath = m_wantedPath;
  m_openedAt = now;
  m_tiles.reset();
  m_reader.reset();
  m_basemapProblem.clear();
  m_attribution.clear();
  if (m_wantedPath.empty()) return;
  try {
    m_reader = core::MbtilesReader::open(m_wantedPath);
  } catch (const std::exception& e) {
    m_basemapProblem = e.what();
    return;
  }
  if (!m_uploader) m_uploader = makeGlTextureUploaderIfCurrent();
  if (!m_uploader) {
    m_basemapProblem = "no GL context to draw the basemap with";
    return;
  }
  m_attribution = core::plainAttribution(m_reader->info().attribution);
  const std::shared_ptr<core::MbtilesReader> reader = m_reader;
  m_tiles = std::make_unique<TileCache>([reader](const TileId& t) { return reader->tile(t); },
                                        *m_uploader, m_reader->info().minzoom,
                                        m_reader->info().maxzoom, m_cacheOptions);
}

void MapView::handleInput(AppContext& ctx, const float em, bool hovered) {
  ImGuiIO& io = ImGui::GetIO();
  const double mx = io.MousePos.x - m_originX, my = io.MousePos.y - m_originY;
  auto zoomBy = [&](double levels, double ax, double ay) {
    m_anchorX = ax;
    m_anchorY = ay;
    m_anchorWorld = m_view.toWorld(ax, ay);
    m_targetZoom = std::clamp(m_targetZoom + levels, kMinZoom, kMaxViewZoom);
    m_fitted = false;
  };
  if (hovered) {
    if ((ImGui::IsMouseDragging(ImGuiMouseButton_Left) && m_dragFeature == 0) ||
        ImGui::IsMouseDragging(ImGuiMouseButton_Middle)) {
      const double s = m_view.pixelsPerWorld();
      m_view.centre.x -= io.MouseDelta.x / s;
      m_view.centre.y -= io.MouseDelta.y / s;
      m_targetZoom = m_view.zoom;  // a drag ends a zoom animation where it is
      m_fitted = false;
    }
    if (io.MouseWheel != 0) zoomBy(0.5 * io.MouseWheel, mx, my);
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && m_tool != Tool::DrawZone)
      m_fitted = true;
  }
  if ((hovered || ImGui::IsWindowFocused()) && !io.WantTextInput) {
    auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    const double step = 3.0 * em / m_view.pixelsPerWorld();
    bool moved = false;
    if (key(ImGuiKey_LeftArrow)) m_view.centre.x -= step, moved = true;
    if (key(ImGuiKey_RightArrow)) m_view.centre.x += step, moved = true;
    if (key(ImGuiKey_UpArrow)) m_view.centre.y -= step, moved = true;
    if (key(ImGuiKey_DownArrow)) m_view.centre.y += step, moved = true;
    if (moved) m_fitted = false, m_targetZoom = m_view.zoom;
    // GLFW key codes: '=' / '+', '-', keypad + (334) and - (333), 'F'.
    if (ImGui::IsKeyPressed('=') || ImGui::IsKeyPressed(334))
      zoomBy(1, m_view.width / 2, m_view.height / 2);
    if (ImGui::IsKeyPressed('-') || ImGui::IsKeyPressed(333))
      zoomBy(-1, m_view.width / 2, m_view.height / 2);
    if (ImGui::IsKeyPressed('F') && !io.KeyCtrl) m_fitted = true;
  }
  (void)ctx;
}

void MapView::drawContent(AppContext& ctx) {
  // The scrubber in the past: the state then (features that existed, where they were).
  const core::SnapshotPtr shown = ctx.view_time ? ctx.shownSnapshot() : ctx.snapshot;
  if (!shown) return;
  const core::Snapshot& s = *shown;
  if (shown.get() != m_snapshotId || s.version != m_version) {
    prepare(s);
    followSetting(ctx);  // a re-import of the basemap bumps the revision too
    m_shown = shown;
    m_snapshotId = shown.get();
    m_version = s.version;
    m_hover = {};
  }
  openBasemap();

  // Editing is for a workstation that writes, showing the present.
  const bool editable = !ctx.wallMode() && !ctx.read_only && !ctx.view_time;
  if (!editable) {
    m_tool = Tool::Select;
    m_zone.clear();
    m_dragFeature = 0;
    m_dragging = false;
    m_pending.reset();
  }
  m_addPointRect = m_drawZoneRect = ScreenRect{};
  if (!ctx.wallMode()) drawToolbar(ctx, editable);

  const float em = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 4.0f * em);
  size.y = std::max(size.y, 4.0f * em);
  if (!m_hasFeatures && !m_reader) {
    ImGui::TextDisabled("No map features in this workspace.");
    if (!m_basemapProblem.empty())
      ImGui::TextColored(themeData(ctx.theme).warn, "Basemap not shown: %s",
                         m_basemapProblem.c_str());
    return;
  }
  ImGui::InvisibleButton("##map", size);
  const bool hovered = ImGui::IsItemHovered();
  m_originX = origin.x;
  m_originY = origin.y;
  m_view.width = size.x;
  m_view.height = size.y;

  // Fit: the features' bounds (else the basemap's, else the world) with a margin; tiles are
  // drawn from the nearest whole level, scaled (legibility of the features comes first).
  if (m_fitted || ctx.wallMode()) {
    tiles::World a = m_min, b = m_max;
    if (!m_hasFeatures && m_reader && m_reader->info().bounds) {
      const auto& bb = *m_reader->info().bounds;
      a = tiles::toWorld({bb[0], bb[3]});
      b = tiles::toWorld({bb[2], bb[1]});
    }
    double z =
        tiles::zoomToFit(a, b, std::max(1.0, size.x - 2.0 * em), std::max(1.0, size.y - 2.0 * em));
    m_view.zoom = m_targetZoom = std::clamp(z, kMinZoom, kMaxViewZoom);
    m_view.centre = {(a.x + b.x) / 2, (a.y + b.y) / 2};
  }
  if (!ctx.wallMode()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    m_hover = hovered && !m_dragging ? hitTest(mouse.x, mouse.y, em) : Hit{};
    handleEdit(ctx, em, hovered, editable);
    handleInput(ctx, em, hovered);
    // Right-click on a zone (a plume, a flood extent, an outage area): what if it fails? The
    // what-if writes nothing, so a read-only station and the past may ask it too.
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && m_hover.item &&
        m_hover.item->feature->geometry == core::GeometryKind::Polygon) {
      m_menuZone = m_hover.id;
      ImGui::OpenPopup("##map-zone-menu");
    }
  } else {
    m_hover = {};
  }

  // Smooth zoom: ease towards the target, keeping the anchor's world point under it.
  bool animating = false;
  if (std::abs(m_targetZoom - m_view.zoom) > 1e-3) {
    const double dt = std::clamp(static_cast<double>(ImGui::GetIO().DeltaTime), 0.0, 0.1);
    const double k = 1.0 - std::exp(-14.0 * dt);
    m_view.zoom += (m_targetZoom - m_view.zoom) * k;
    if (std::abs(m_targetZoom - m_view.zoom) < 2e-3) m_view.zoom = m_targetZoom;
    const double sc = m_view.pixelsPerWorld();
    m_view.centre = {m_anchorWorld.x - (m_anchorX - m_view.width / 2) / sc,
                     m_anchorWorld.y - (m_anchorY - m_view.height / 2) / sc};
    animating = true;
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  drawBasemap(ctx, em);
  drawFeatures(ctx, em);
  drawHighlights(ctx, em);  // under the agencies' discs and codes
  drawAgencies(ctx, em);
  if (ctx.wallMode()) drawWallLabels(ctx, em);
  drawZoneDraft(ctx, em);
  drawOverlay(ctx, em, hovered);
  dl->PopClipRect();
  drawLabelPopup(ctx);
  drawZoneMenu(ctx);
  if (m_hover.id != 0 && !m_pending && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) drawTooltip(ctx);
  if (animating || (m_tiles && !m_tiles->idle())) requestAnotherFrame();
}

void MapView::drawBasemap(AppContext& ctx, const float em) {
  m_tilesDrawn = 0;
  if (!m_tiles) return;
  const core::MbtilesInfo& info = m_reader->info();
  m_tileZoom = tiles::tileZoomFor(m_view.zoom, info.minzoom, info.maxzoom);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  m_tiles->beginFrame();
  for (const TileId& t : tiles::visibleTiles(m_view, m_tileZoom)) {
    const auto d = m_tiles->lookup(t);
    if (!d) continue;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    m_view.toScreen(tiles::tileOrigin(t), x0, y0);
    m_view.toScreen(tiles::tileEnd(t), x1, y1);
    dl->AddImage(textureId(d->texture),
                 ImVec2(m_originX + static_cast<float>(x0), m_originY + static_cast<float>(y0)),
                 ImVec2(m_originX + static_cast<float>(x1), m_originY + static_cast<float>(y1)),
                 ImVec2(d->uv.u0, d->uv.v0), ImVec2(d->uv.u1, d->uv.v1));
    ++m_tilesDrawn;
  }
  m_tiles->endFrame();
  (void)ctx;
  (void)em;
}

void MapView::drawOverlay(AppContext& ctx, const float em, bool hovered) {
  const Theme& theme = themeData(ctx.theme);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = 0.4f * em, line_w = std::max(1.0f, 0.12f * em);
  const float left = m_originX + 0.6f * em;
  float bottom = m_originY + static_cast<float>(m_view.height) - 0.6f * em;
  auto panel = [&](ImVec2 a, ImVec2 b) {
    dl->AddRectFilled(ImVec2(a.x - pad, a.y - pad), ImVec2(b.x + pad, b.y + pad),
                      colour(theme.background, 0.75f), 0.25f * em);
  };

  // Scale bar: a round length of at most 8 em at the view centre's latitude.
  const double lat = tiles::toLonLat(m_view.centre).lat;
  const double mpp = tiles::metresPerPixel(lat, m_view.zoom);
  const double metres = tiles::roundScaleLength(8.0 * em * mpp);
  if (metres > 0) {
    const float bar = static_cast<float>(metres / mpp);
    const std::string label = tiles::formatDistance(metres);
    const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    const float top = bottom - ts.y - 0.5f * em;
    panel(ImVec2(left, top), ImVec2(left + std::max(bar, ts.x), bottom));
    dl->AddText(ImVec2(left, top), colour(theme.text), label.c_str());
    const ImU32 c = colour(theme.text);
    dl->AddLine(ImVec2(left, bottom), ImVec2(left + bar, bottom), c, 1.5f * line_w);
    dl->AddLine(ImVec2(left, bottom), ImVec2(left, bottom - 0.4f * em), c, line_w);
    dl->AddLine(ImVec2(left + bar, bottom), ImVec2(left + bar, bottom - 0.4f * em), c, line_w);
    bottom = top - 2 * pad - 0.2f * em;
  }

  // The coordinates under the cursor (workstation only: the wall has no cursor).
  if (hovered && !ctx.wallMode()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const tiles::World w = m_view.toWorld(mouse.x - m_originX, mouse.y - m_originY);
    if (w.y >= 0 && w.y <= 1) {
      tiles::World wrapped = w;
      wrapped.x -= std::floor(wrapped.x);
      const std::string text = tiles::formatLatLon(tiles::toLonLat(wrapped));
      const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
      const ImVec2 a(left, bottom - ts.y);
      panel(a, ImVec2(a.x + ts.x, a.y + ts.y));
      dl->AddText(a, colour(theme.text), text.c_str());
    }
  }

  // The scrubber in the past: say so (top right), on the wall as at a desk.
  if (ctx.view_time) {
    const std::string text = "PAST " + clockUtc(*ctx.view_time);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const ImVec2 a(m_originX + static_cast<float>(m_view.width) - 0.6f * em - ts.x,
                   m_originY + 0.6f * em);
    panel(a, ImVec2(a.x + ts.x, a.y + ts.y));
    dl->AddText(a, colour(theme.warn), text.c_str());
  }

  // Attribution (bottom right) and a basemap that could not be shown (top left).
  if (m_reader && !m_attribution.empty()) {
    const float right = m_originX + static_cast<float>(m_view.width) - 0.6f * em;
    const float base = m_originY + static_cast<float>(m_view.height) - 0.6f * em;
    ImFont* font = ImGui::GetFont();
    const float fs = 0.8f * em;
    const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, m_attribution.c_str());
    const ImVec2 a(right - ts.x, base - ts.y);
    panel(a, ImVec2(right, base));
    dl->AddText(font, fs, a, colour(theme.text_muted), m_attribution.c_str());
  }
  std::string problem = m_basemapProblem;
  // Tiles that fail to read (the file moved or is damaged) leave gaps: say why.
  if (problem.empty() && m_tiles && m_tilesDrawn == 0)
    if (std::string e = m_tiles->lastError(); !e.empty()) problem = e;
  if (!problem.empty()) {
    const std::string text = "Basemap not shown: " + problem;
    const ImVec2 a(m_originX + 0.6f * em, m_originY + 0.6f * em);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    panel(a, ImVec2(a.x + ts.x, a.y + ts.y));
    dl->AddText(a, colour(theme.warn), text.c_str());
  }
}

MapScreenPoint MapView::screenOf(const core::LonLat& p) const {
  double x = 0, y = 0;
  m_view.toScreen(tiles::toWorld(p), x, y);
  return {m_originX + static_cast<float>(x), m_originY + static_cast<float>(y)};
}

void MapView::drawTooltip(AppContext& ctx) {
  const core::Snapshot& s = *m_shown;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  if (m_hover.kind == core::EntityKind::Agency) {
    if (const core::Agency* a = s.agency(m_hover.id)) {
      if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
      ImGui::Text("%s  %s", a->code.c_str(), a->name.c_str());
      if (ctx.fonts.bold) ImGui::PopFont();
      ImGui::TextUnformatted(agencyTypeStyle(a->type).label);
      if (!a->location.empty()) ImGui::TextUnformatted(a->location.c_str());
    }
  } else if (m_hover.item) {
    const core::MapFeature& f = *m_hover.item->feature;
    if (m_tooltipFor != f.id || m_tooltipVersion != m_version) {
      m_tooltipLines = propertyLines(f.properties_json, 12);
      m_tooltipFor = f.id;
      m_tooltipVersion = m_version;
    }
    if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(f.label.empty() ? "(no label)" : f.label.c_str());
    if (ctx.fonts.bold) ImGui::PopFont();
    ImGui::TextColored(themeData(ctx.theme).text_muted, "%s, layer %s", featureKindLabel(f.kind),
                       f.layer.c_str());
    if (!m_tooltipLines.empty()) ImGui::Separator();
    for (const std::string& line : m_tooltipLines) ImGui::TextUnformatted(line.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace liaison::app
