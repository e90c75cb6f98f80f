#include "map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "app/platform/gl_texture_uploader.hpp"
#include "app/render/triangulate.hpp"
#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/basemap.hpp"
#include "core/snapshot.hpp"
#include "core/store.hpp"

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
  m_tiles = std::make_unique<TileCache>(
      [reader](const TileId& t) { return reader->tile(t); }, *m_uploader,
      m_reader->info().minzoom, m_reader->info().maxzoom, m_cacheOptions);
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
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left) ||
        ImGui::IsMouseDragging(ImGuiMouseButton_Middle)) {
      const double s = m_view.pixelsPerWorld();
      m_view.centre.x -= io.MouseDelta.x / s;
      m_view.centre.y -= io.MouseDelta.y / s;
      m_targetZoom = m_view.zoom;  // a drag ends a zoom animation where it is
      m_fitted = false;
    }
    if (io.MouseWheel != 0) zoomBy(0.5 * io.MouseWheel, mx, my);
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) m_fitted = true;
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
  const core::Snapshot& s = *ctx.snapshot;
  if (ctx.snapshot.get() != m_snapshotId || s.version != m_version) {
    prepare(s);
    followSetting(ctx);  // a re-import of the basemap bumps the revision too
    m_snapshotId = ctx.snapshot.get();
    m_version = s.version;
  }
  openBasemap();

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
    double z = tiles::zoomToFit(a, b, std::max(1.0, size.x - 2.0 * em),
                                std::max(1.0, size.y - 2.0 * em));
    m_view.zoom = m_targetZoom = std::clamp(z, kMinZoom, kMaxViewZoom);
    m_view.centre = {(a.x + b.x) / 2, (a.y + b.y) / 2};
  }
  if (!ctx.wallMode()) handleInput(ctx, em, hovered);

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
  drawOverlay(ctx, em, hovered);
  dl->PopClipRect();
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

}  // namespace liaison::app
