// The basemap tile cache without GL: a fake uploader stands in for textures, a fake source
// for the MBTiles file. Eviction order (least recently used), pinning of the tiles drawn this
// frame, the parent drawn with the right UV sub-rectangle while a child loads, the upload
// budget per frame, sparse files, and every texture freed in the end. The worker thread is
// waited for with waitDecoded(), never timed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "app/panels/map_view.hpp"
#include "app/render/tile_cache.hpp"
#include "app/shell/app_context.hpp"
#include "core/geo/tile_math.hpp"
#include "headless_imgui.hpp"
#include "tests/support/mbtiles_fixture.hpp"

using namespace liaison;
using app::TileCache;
using core::tiles::TileId;
using core::tiles::UvRect;

namespace {

class FakeUploader final : public app::TextureUploader {
 public:
  app::TextureHandle upload(const app::TileImage& image) override {
    const app::TextureHandle h = ++m_next;
    live[h] = {image.rgba[0], image.rgba[1], image.rgba[2]};
    ++uploads;
    return h;
  }
  void release(app::TextureHandle texture) override {
    CHECK(live.erase(texture) == 1);
    ++releases;
  }
  std::map<app::TextureHandle, test::Rgb> live;  // texture -> the tile's colour
  int uploads = 0, releases = 0;

 private:
  app::TextureHandle m_next = 100;
};

// A source with every tile from z0 to z4 except `missing`; counts reads.
struct FakeSource {
  std::set<TileId> missing;
  std::shared_ptr<std::atomic<int>> reads = std::make_shared<std::atomic<int>>(0);
  app::TileFetch fetch() const {
    return [missing = missing, reads = reads](const TileId& t)
               -> std::optional<std::vector<std::uint8_t>> {
      ++*reads;
      if (missing.contains(t)) return std::nullopt;
      return test::encodePng(4, 4, test::fixtureColour(t.z, t.x, t.y));
    };
  }
};

app::TileCacheOptions unlimited(std::size_t capacity = 64) {
  app::TileCacheOptions o;
  o.capacity = capacity;
  o.uploads_per_frame = 1000;
  o.upload_ms_per_frame = 0;
  return o;
}

// One frame drawing `tiles`; returns what each lookup gave.
std::vector<std::optional<TileCache::Draw>> frame(TileCache& c, const std::vector<TileId>& tiles) {
  std::vector<std::optional<TileCache::Draw>> out;
  c.beginFrame();
  for (const TileId& t : tiles) out.push_back(c.lookup(t));
  c.endFrame();
  return out;
}

// Frames until every tile is resident (each frame asks, the worker decodes, the next uploads).
void load(TileCache& c, const std::vector<TileId>& tiles) {
  for (int i = 0; i < 50; ++i) {
    frame(c, tiles);
    if (std::all_of(tiles.begin(), tiles.end(), [&](const TileId& t) { return c.resident(t); }))
      return;
    REQUIRE(c.waitDecoded(30.0));
  }
  FAIL("tiles never became resident");
}

}  // namespace

TEST_CASE("Tile cache: a loading tile is drawn from its parent's UV sub-rectangle",
          "[tile_cache]") {
  FakeUploader up;
  FakeSource src;
  TileCache cache(src.fetch(), up, 0, 4, unlimited());
  CHECK_FALSE(frame(cache, {{2, 3, 1}})[0]);  // nothing loaded yet: nothing to draw
  load(cache, {{0, 0, 0}});
  CHECK(cache.resident({0, 0, 0}));

  cache.beginFrame();
  const auto d = cache.lookup({2, 1, 2});
  cache.endFrame();
  REQUIRE(d);
  CHECK(d->source == TileId{0, 0, 0});
  CHECK(d->uv == UvRect{0.25f, 0.5f, 0.5f, 0.75f});
  CHECK(up.live.at(d->texture) == test::fixtureColour(0, 0, 0));

  // Once the child is there it is drawn itself, whole.
  load(cache, {{2, 1, 2}});
  const auto own = frame(cache, {{2, 1, 2}})[0];
  REQUIRE(own);
  CHECK(own->source == TileId{2, 1, 2});
  CHECK(own->uv == UvRect{});
  CHECK(up.live.at(own->texture) == test::fixtureColour(2, 1, 2));

  // The nearest loaded ancestor wins: z1 over z0 for a z3 tile inside it.
  load(cache, {{1, 1, 0}});
  const auto near = frame(cache, {{3, 6, 1}})[0];
  REQUIRE(near);
  CHECK(near->source == TileId{1, 1, 0});
  CHECK(near->uv == UvRect{0.5f, 0.25f, 0.75f, 0.5f});
}

TEST_CASE("Tile cache: a tile the file lacks is drawn from an ancestor the cache fetches",
          "[tile_cache]") {
  FakeUploader up;
  FakeSource src;
  src.missing = {{3, 2, 2}, {2, 1, 1}};
  TileCache cache(src.fetch(), up, 0, 3, unlimited());
  std::optional<TileCache::Draw> d;
  for (int i = 0; i < 20 && !(d = frame(cache, {{3, 2, 2}})[0]); ++i) REQUIRE(cache.waitDecoded(30.0));
  REQUIRE(d);
  CHECK(d->source == TileId{1, 0, 0});  // 3/2/2 and 2/1/1 are missing; 1/0/0 is the next up
  CHECK(d->uv == UvRect{0.5f, 0.5f, 0.75f, 0.75f});
  // The missing tiles are remembered, not read again every frame.
  const int reads = *src.reads;
  for (int i = 0; i < 3; ++i) frame(cache, {{3, 2, 2}});
  REQUIRE(cache.waitDecoded(30.0));
  CHECK(*src.reads == reads);
}

TEST_CASE("Tile cache: textures made per frame stay within the budget", "[tile_cache]") {
  FakeUploader up;
  FakeSource src;
  app::TileCacheOptions o = unlimited();
  o.uploads_per_frame = 3;
  TileCache cache(src.fetch(), up, 2, 2, o);
  std::vector<TileId> all;
  for (int x = 0; x < 4; ++x)
    for (int y = 0; y < 4; ++y) all.push_back({2, x, y});
  frame(cache, all);  // asks for them (the worker may already have a few ready for it)
  const int first = cache.uploadsLastFrame();
  CHECK(first <= 3);
  REQUIRE(cache.waitDecoded(30.0));  // all 16 decoded and waiting
  std::vector<int> perFrame;
  while (cache.residentCount() < all.size() && perFrame.size() < 20) {
    frame(cache, all);
    perFrame.push_back(cache.uploadsLastFrame());
  }
  CHECK(cache.residentCount() == 16);
  // With everything decoded, each frame makes exactly the budget but the last (the rest).
  REQUIRE_FALSE(perFrame.empty());
  for (std::size_t i = 0; i + 1 < perFrame.size(); ++i) CHECK(perFrame[i] == 3);
  CHECK(perFrame.back() >= 1);
  CHECK(perFrame.back() <= 3);
  int total = first;
  for (int n : perFrame) total += n;
  CHECK(total == 16);
  CHECK(up.uploads == 16);
  CHECK(cache.idle());
}

TEST_CASE("Tile cache: evicts the least recently used tile first", "[tile_cache]") {
  FakeUploader up;
  FakeSource src;
  TileCache cache(src.fetch(), up, 2, 2, unlimited(3));
  const TileId a{2, 0, 0}, b{2, 1, 0}, c{2, 2, 0}, d{2, 3, 0};
  load(cache, {a, b, c});
  frame(cache, {c, b, a});  // used in this order: c is now the least recently used...
  frame(cache, {a});        // ...and a the most
  CHECK(cache.residentByAge() == std::vector<TileId>{c, b, a});
  load(cache, {d});
  CHECK(cache.residentCount() == 3);
  CHECK_FALSE(cache.resident(c));
  CHECK(cache.resident(b));
  CHECK(cache.resident(a));
  CHECK(cache.resident(d));
  CHECK(cache.evictions() == 1);
  CHECK(up.releases == 1);
}

TEST_CASE("Tile cache: tiles drawn this frame are never evicted, even over capacity",
          "[tile_cache]") {
  FakeUploader up;
  FakeSource src;
  TileCache cache(src.fetch(), up, 2, 2, unlimited(2));
  const std::vector<TileId> view{{2, 0, 0}, {2, 1, 0}, {2, 0, 1}, {2, 1, 1}};
  load(cache, view);  // four visible tiles in a cache for two: all stay while drawn
  for (int i = 0; i < 3; ++i) {
    const auto drawn = frame(cache, view);
    for (std::size_t k = 0; k < view.size(); ++k) {
      REQUIRE(drawn[k]);
      CHECK(drawn[k]->source == view[k]);
    }
  }
  CHECK(cache.residentCount() == 4);
  CHECK(cache.evictions() == 0);
  // Scrolled: only one of them is on screen now; the cache shrinks back to its capacity and
  // keeps the one drawn.
  frame(cache, {{2, 1, 1}});
  CHECK(cache.residentCount() == 2);
  CHECK(cache.resident({2, 1, 1}));
  CHECK(cache.evictions() == 2);
}

TEST_CASE("Tile cache: every texture is freed when the cache goes", "[tile_cache]") {
  FakeUploader up;
  FakeSource src;
  {
    TileCache cache(src.fetch(), up, 0, 2, unlimited());
    load(cache, {{0, 0, 0}, {1, 0, 0}, {1, 1, 1}});
    CHECK(up.live.size() == 3);
  }
  CHECK(up.live.empty());
  CHECK(up.releases == up.uploads);
}

TEST_CASE("Tile decoding: PNG to RGBA, and a broken tile is refused with a reason",
          "[tile_cache]") {
  const auto img = app::decodeTile(test::encodePng(8, 4, {10, 20, 30}), nullptr);
  REQUIRE(img);
  CHECK(img->width == 8);
  CHECK(img->height == 4);
  CHECK(img->rgba.size() == 8 * 4 * 4);
  CHECK(img->rgba[0] == 10);
  CHECK(img->rgba[3] == 255);
  std::string why;
  CHECK_FALSE(app::decodeTile({1, 2, 3, 4, 5}, &why));
  CHECK_THAT(why, Catch::Contains("does not decode"));

  // The cache notes the broken tile and draws its parent instead.
  FakeUploader up;
  app::TileFetch broken = [](const TileId& t) -> std::optional<std::vector<std::uint8_t>> {
    if (t.z == 1) return std::vector<std::uint8_t>{1, 2, 3};
    return test::encodePng(4, 4, test::fixtureColour(t.z, t.x, t.y));
  };
  TileCache cache(broken, up, 0, 1, unlimited());
  load(cache, {{0, 0, 0}});
  for (int i = 0; i < 3; ++i) {
    frame(cache, {{1, 0, 1}});
    REQUIRE(cache.waitDecoded(30.0));
  }
  CHECK_THAT(cache.lastError(), Catch::Contains("tile 1/0/1"));
  const auto d = frame(cache, {{1, 0, 1}})[0];
  REQUIRE(d);
  CHECK(d->source == TileId{0, 0, 0});
}

// The map view itself, headless with the fake uploader: the basemap goes under the features.
TEST_CASE("Map view: draws the MBTiles basemap's tiles with a fake uploader", "[map_view]") {
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / "liaison-map-view-test.mbtiles";
  test::writeMbtiles(file, {});
  app::test::HeadlessImGui imgui(1024, 768);
  app::AppContext ctx;
  auto snap = std::make_shared<core::Snapshot>();
  snap->version = 1;
  ctx.snapshot = snap;
  app::MapView map;
  auto up = std::make_unique<FakeUploader>();
  FakeUploader* fake = up.get();
  map.setTextureUploader(std::move(up));
  map.setBasemap(file);
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Map", nullptr, ImGuiWindowFlags_NoDecoration);
    map.drawContent(ctx);
    ImGui::End();
  };
  imgui.frame(draw);
  REQUIRE(map.basemap() != nullptr);
  CHECK(map.basemapProblem().empty());
  CHECK(map.basemap()->maxzoom == 2);
  // No features: the view fits the basemap's bounds (the world): 1024 x 768 less margins is
  // a little under 3 tiles of 256 pixels high.
  CHECK(map.viewport().zoom > 1.0);
  CHECK(map.viewport().zoom < 1.6);
  CHECK(map.tileZoom() == std::lround(map.viewport().zoom));
  for (int i = 0; i < 10 && fake->uploads < 4; ++i) {
    REQUIRE(map.settleTiles(30.0));
    imgui.frame(draw);
  }
  imgui.frame(draw);
  CHECK(fake->uploads >= 4);
  CHECK(map.tilesDrawn() >= 4);
  // The draw list holds textured quads with the fake's textures.
  std::set<ImTextureID> used;
  const ImDrawData* dd = ImGui::GetDrawData();
  for (int l = 0; l < dd->CmdListsCount; ++l)
    for (const ImDrawCmd& cmd : dd->CmdLists[l]->CmdBuffer) used.insert(cmd.TextureId);
  int tileTextures = 0;
  for (const auto& [h, colour] : fake->live)
    tileTextures += used.contains(reinterpret_cast<ImTextureID>(h));
  CHECK(tileTextures >= 4);

  // A file that is not MBTiles: the map says why instead of drawing it.
  const fs::path bad = fs::temp_directory_path() / "liaison-map-view-bad.mbtiles";
  { std::ofstream(bad) << "not a database at all, not even close, definitely just text here"; }
  map.setBasemap(bad);
  imgui.frame(draw);
  CHECK(map.basemap() == nullptr);
  CHECK_THAT(map.basemapProblem(), Catch::Contains("not an SQLite database"));

  // A basemap that is missing (file moved, share not mounted) appears once it is back: the
  // view tries again every 5 s of ImGui time (frames of 1/60 s here, no clock involved).
  const fs::path later = fs::temp_directory_path() / "liaison-map-view-later.mbtiles";
  fs::remove(later);
  map.setBasemap(later);
  imgui.frame(draw);
  CHECK_THAT(map.basemapProblem(), Catch::Contains("no such file"));
  test::writeMbtiles(later, {});
  imgui.frame(draw);
  CHECK(map.basemap() == nullptr);  // not at once...
  for (int i = 0; i < 6 * 60 && !map.basemap(); ++i) imgui.frame(draw);
  CHECK(map.basemap() != nullptr);  // ...but within the retry interval
  CHECK(map.basemapProblem().empty());
  fs::remove(file);
  fs::remove(bad);
  fs::remove(later);
}

namespace {

std::shared_ptr<core::Snapshot> threePlaces() {
  auto s = std::make_shared<core::Snapshot>();
  s->version = 1;
  const core::LonLat pts[] = {{-77.16, 41.30}, {-77.10, 41.33}, {-77.20, 41.27}};
  core::Id id = 1;
  for (const auto& p : pts) {
    core::MapFeature f;
    f.id = id++;
    f.kind = core::FeatureKind::Shelter;
    f.geometry = core::GeometryKind::Point;
    f.layer = "operations";
    f.label = "Shelter " + std::to_string(f.id);
    f.rings = {{p}};
    s->features.push_back(f);
  }
  return s;
}

}  // namespace

TEST_CASE("Map view: the wheel zooms smoothly about the cursor and the wall ignores it",
          "[map_view]") {
  app::test::HeadlessImGui imgui(1200, 800);
  app::AppContext ctx;
  ctx.snapshot = threePlaces();
  app::MapView map;
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Map", nullptr, ImGuiWindowFlags_NoDecoration);
    map.drawContent(ctx);
    ImGui::End();
  };
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(300, 250);
  imgui.frame(draw);
  imgui.frame(draw);
  const double fitted = map.viewport().zoom;
  // Three places a few km apart fit at a city-scale zoom.
  CHECK(fitted > 11);
  CHECK(fitted < 16);
  const core::tiles::World under = map.worldAt(300, 250);

  io.MouseWheel = 2;  // two notches: one zoom level
  imgui.frame(draw);
  io.MouseWheel = 0;
  imgui.frame(draw);
  const double midway = map.viewport().zoom;
  CHECK(midway > fitted);
  CHECK(midway < fitted + 1);  // eased, not jumped
  for (int i = 0; i < 120; ++i) imgui.frame(draw);
  CHECK(map.viewport().zoom == Approx(fitted + 1));
  const core::tiles::World after = map.worldAt(300, 250);
  CHECK(after.x == Approx(under.x).epsilon(1e-9));
  CHECK(after.y == Approx(under.y).epsilon(1e-9));

  // The wall shows the fitted view and takes no input.
  ctx.theme = app::ThemeKind::Wall;
  io.MouseWheel = 2;
  imgui.frame(draw);
  io.MouseWheel = 0;
  for (int i = 0; i < 30; ++i) imgui.frame(draw);
  CHECK(map.viewport().zoom < fitted + 0.5);  // back to the fit (the wall's own margins)
}

TEST_CASE("Map view: the basemap is drawn under the features, scaled beyond its deepest level",
          "[map_view]") {
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / "liaison-map-view-under.mbtiles";
  test::writeMbtiles(file, {});
  app::test::HeadlessImGui imgui(1200, 800);
  app::AppContext ctx;
  ctx.snapshot = threePlaces();
  app::MapView map;
  auto up = std::make_unique<FakeUploader>();
  FakeUploader* fake = up.get();
  map.setTextureUploader(std::move(up));
  map.setBasemap(file);
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Map", nullptr, ImGuiWindowFlags_NoDecoration);
    map.drawContent(ctx);
    ImGui::End();
  };
  imgui.frame(draw);
  for (int i = 0; i < 10 && fake->uploads < 1; ++i) {
    REQUIRE(map.settleTiles(30.0));
    imgui.frame(draw);
  }
  imgui.frame(draw);
  // City scale, far below the file's zoom 2: its tile 2/1/1 (Pennsylvania) scaled up.
  CHECK(map.viewport().zoom > 11);
  CHECK(map.tileZoom() == 2);
  CHECK(map.tilesDrawn() == 1);
  REQUIRE(fake->uploads >= 1);
  // In the window's draw list the tile's textured quad comes before the features (drawn
  // with the font atlas's texture).
  const ImDrawData* dd = ImGui::GetDrawData();
  int firstTile = -1, lastFont = -1, index = 0;
  const ImTextureID font = ImGui::GetIO().Fonts->TexID;
  for (int l = 0; l < dd->CmdListsCount; ++l)
    for (const ImDrawCmd& cmd : dd->CmdLists[l]->CmdBuffer) {
      bool tile = false;
      for (const auto& [h, colour] : fake->live)
        if (cmd.TextureId == reinterpret_cast<ImTextureID>(h) &&
            colour == test::fixtureColour(2, 1, 1))
          tile = true;
      if (tile && firstTile < 0) firstTile = index;
      if (cmd.TextureId == font) lastFont = index;
      ++index;
    }
  CHECK(firstTile >= 0);
  CHECK(firstTile < lastFont);
  fs::remove(file);
}
