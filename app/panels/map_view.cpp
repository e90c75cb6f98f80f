#include "map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include <imgui_stdlib.h>

#include "app/panels/agency_style.hpp"
#include "app/panels/timeline_panel.hpp"  // clockUtc
#include "app/platform/gl_texture_uploader.hpp"
#include "app/render/triangulate.hpp"
#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/formats/basemap.hpp"
#include "core/model/snapshot.hpp"
#include "core/store/store.hpp"
#include "core/model/validate_entity.hpp"

namespace liaison::app {
namespace tiles = core::tiles;
namespace {

constexpr double kMinZoom = 0.0, kMaxViewZoom = 22.0;

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

bool overlapsAny(const std::array<float, 4>& b, const std::vector<std::array<float, 4>>& boxes) {
  for (const auto& o : boxes)
    if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) return true;
  return false;
}

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

void MapView::followSetting(AppContext& ctx) {
  if (!m_followSetting || !ctx.store) return;
  try {
    m_wantedPath = core::basemapPath(*ctx.store);
  } catch (const std::exception& e) {
    m_basemapProblem = std::string("cannot read the basemap setting: ") + e.what();
  }
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
  drawZoneDraft(ctx, em);
  drawOverlay(ctx, em, hovered);
  dl->PopClipRect();
  drawLabelPopup(ctx);
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
          ctx.emit(core::put(moved));
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

void MapView::drawAgencies(AppContext& ctx, float em) {
  const Theme& theme = themeData(ctx.theme);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // The wall's em is huge: smaller discs there leave the incident's places visible.
  const float r = (ctx.wallMode() ? 0.3f : 0.5f) * em, line_w = std::max(1.0f, 0.12f * em);
  for (const PlacedAgency& pa : m_agencies) {
    const MapScreenPoint sp = screenOf(tiles::toLonLat(pa.at));
    const ImVec2 p(sp.x, sp.y);
    // A disc in the type's colour (the network view's legend) in a ring: not a feature marker.
    dl->AddCircleFilled(p, r, agencyTypeStyle(pa.agency->type).colour, 20);
    dl->AddCircle(p, r, colour(theme.text), 20, 1.5f * line_w);
    const std::string& code = pa.agency->code;
    if (code.empty()) continue;
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
      ctx.emit(core::put(f));
      m_pending.reset();
      ImGui::CloseCurrentPopup();
    }
  } else if (cancel) {
    m_pending.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
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
