// The MBTiles reader on files the test writes itself (metadata + solid-colour PNG tiles at
// zoom 0..2): metadata, XYZ addressing over TMS rows, derived zoom levels, tiles as a view,
// and clear refusals of files that are not MBTiles.
#include <catch2/catch.hpp>
#include <stb_image.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "core/formats/mbtiles.hpp"
#include "tests/support/mbtiles_fixture.hpp"

using namespace liaison;
using namespace liaison::core;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("liaison-mbtiles-" + std::to_string(::getpid()) + "-" +
            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

test::Rgb centreColour(const std::vector<std::uint8_t>& png) {
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &w, &h, &n, 3);
  REQUIRE(px != nullptr);
  const unsigned char* p = px + ((h / 2) * w + w / 2) * 3;
  const test::Rgb c{p[0], p[1], p[2]};
  stbi_image_free(px);
  return c;
}

std::string openError(const fs::path& p) {
  try {
    MbtilesReader::open(p);
  } catch (const MbtilesError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("MBTiles: metadata and tiles by XYZ address over TMS rows", "[mbtiles]") {
  TempDir dir;
  const fs::path file = dir.path / "base.mbtiles";
  test::writeMbtiles(file, {});
  const auto r = MbtilesReader::open(file);
  const MbtilesInfo& info = r->info();
  CHECK(info.name == "Test basemap");
  CHECK(info.format == TileFormat::Png);
  CHECK(info.minzoom == 0);
  CHECK(info.maxzoom == 2);
  CHECK(info.tile_count == 1 + 4 + 16);
  REQUIRE(info.bounds);
  CHECK((*info.bounds)[0] == -180);
  CHECK((*info.bounds)[3] == Approx(85.0511));
  CHECK(plainAttribution(info.attribution) == "\xC2\xA9 Test Map Contributors");
  // Each tile decodes to the colour of its XYZ address: the row flip is right.
  for (int z = 0; z <= 2; ++z)
    for (int x = 0; x < (1 << z); ++x)
      for (int y = 0; y < (1 << z); ++y) {
        const auto png = r->tile({z, x, y});
        REQUIRE(png);
        CHECK(centreColour(*png) == test::fixtureColour(z, x, y));
      }
  CHECK_FALSE(r->tile({3, 0, 0}));   // beyond the file's levels
  CHECK_FALSE(r->tile({2, 4, 0}));   // not a tile
  CHECK_FALSE(r->tile({-1, 0, 0}));
}

TEST_CASE("MBTiles: zoom levels come from the tiles when the metadata lacks them",
          "[mbtiles]") {
  TempDir dir;
  const fs::path file = dir.path / "derived.mbtiles";
  test::MbtilesFixture f;
  f.minzoom = 1;
  f.maxzoom = 2;
  f.write_zoom_metadata = false;
  f.attribution = "";
  f.bounds = "";
  f.tiles_as_view = true;  // and tiles is a view, as mb-util and TileMill write it
  f.missing = {{2, 3, 0}};
  test::writeMbtiles(file, f);
  const auto r = MbtilesReader::open(file);
  CHECK(r->info().minzoom == 1);
  CHECK(r->info().maxzoom == 2);
  CHECK_FALSE(r->info().bounds);
  CHECK(r->info().attribution.empty());
  REQUIRE(r->tile({2, 1, 2}));
  CHECK(centreColour(*r->tile({2, 1, 2})) == test::fixtureColour(2, 1, 2));
  CHECK_FALSE(r->tile({2, 3, 0}));  // left out of the file
  CHECK_FALSE(r->tile({0, 0, 0}));
}

TEST_CASE("MBTiles: files that are not MBTiles are refused with the reason", "[mbtiles]") {
  TempDir dir;
  CHECK_THAT(openError(dir.path / "nowhere.mbtiles"), Catch::Contains("no such file"));

  const fs::path text = dir.path / "text.mbtiles";
  std::ofstream(text) << "this is not a database, just some text that is long enough to matter "
                         "for SQLite's header check ....................................";
  CHECK_THAT(openError(text), Catch::Contains("not an SQLite database"));

  const fs::path empty = dir.path / "empty.mbtiles";
  {
    sqlite3* db = nullptr;
    sqlite3_open(empty.c_str(), &db);
    test::exec(db, "CREATE TABLE something (a INTEGER)");
    sqlite3_close(db);
  }
  CHECK_THAT(openError(empty), Catch::Contains("no 'metadata' table"));

  const fs::path notiles = dir.path / "notiles.mbtiles";
  {
    sqlite3* db = nullptr;
    sqlite3_open(notiles.c_str(), &db);
    test::exec(db, "CREATE TABLE metadata (name TEXT, value TEXT)");
    test::exec(db, "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER)");
    sqlite3_close(db);
  }
  CHECK_THAT(openError(notiles), Catch::Contains("no column 'tile_data'"));

  test::MbtilesFixture f;
  f.maxzoom = 0;
  f.format = "pbf";
  const fs::path vector = dir.path / "vector.mbtiles";
  test::writeMbtiles(vector, f);
  CHECK_THAT(openError(vector), Catch::Contains("tile format 'pbf' is not supported"));

  f.format = "png";
  f.bounds = "west,south,east,north";
  const fs::path bounds = dir.path / "bounds.mbtiles";
  test::writeMbtiles(bounds, f);
  CHECK_THAT(openError(bounds), Catch::Contains("bounds 'west,south,east,north' is not valid"));

  f.bounds = "";
  f.format = "jpg";
  const fs::path jpg = dir.path / "jpg.mbtiles";
  test::writeMbtiles(jpg, f);
  CHECK(MbtilesReader::open(jpg)->info().format == TileFormat::Jpg);
}

TEST_CASE("MBTiles: attribution HTML becomes plain text", "[mbtiles]") {
  CHECK(plainAttribution("<a href=\"https://www.openstreetmap.org/copyright\">&copy; "
                         "OpenStreetMap</a>  contributors") ==
        "\xC2\xA9 OpenStreetMap contributors");
  CHECK(plainAttribution("Tiles &amp; data: county GIS") == "Tiles & data: county GIS");
}
