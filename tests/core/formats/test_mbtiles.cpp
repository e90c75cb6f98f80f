// The MBTiles reader on files the test writes itself (metadata + solid-colour PNG tiles at
// zoom 0..2): metadata, XYZ addressing over TMS rows, derived zoom levels, tiles as a view,
// and clear refusals of files that are not MBTiles.
#include <catch2/catch.hpp>
#include <stb_image.h>

#include <sys/stat.h>

#include <chrono>
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

namespace {

void sql(const fs::path& file, const std::string& text) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  test::exec(db, text);
  sqlite3_close(db);
}

const fs::path kMbtilesData = fs::path(LIAISON_TEST_DATA) / "mbtiles";

}  // namespace

TEST_CASE("MBTiles: an untrusted file's views are never run, only tables read", "[mbtiles]") {
  TempDir dir;
  // A tiles view that never ends hung import, screenshot and wall.
  const fs::path endless = dir.path / "endless.mbtiles";
  sql(endless,
      "CREATE TABLE metadata (name TEXT, value TEXT); INSERT INTO metadata VALUES ('format', 'png');"
      "CREATE VIEW tiles AS WITH RECURSIVE r(zoom_level, tile_column, tile_row, tile_data) AS "
      "(SELECT 0, 0, 0, x'00' UNION ALL SELECT zoom_level, tile_column + 1, tile_row, tile_data "
      "FROM r) SELECT * FROM r");
  const auto start = std::chrono::steady_clock::now();
  CHECK(openError(endless) ==
        "'" + endless.string() +
            "': its 'tiles' is a view, not a table; Liaison reads only tables from a basemap (a "
            "view runs the file's own SQL)");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  // A metadata view returning 500 MB took 2.2 GB.
  const fs::path huge = dir.path / "huge.mbtiles";
  test::writeMbtiles(huge, {});
  sql(huge, "ALTER TABLE metadata RENAME TO meta2; CREATE VIEW metadata AS SELECT 'name' AS name, "
            "hex(zeroblob(250000000)) AS value");
  CHECK_THAT(openError(huge), Catch::Contains("its 'metadata' is a view, not a table"));
  // A trigger or a view elsewhere in the file changes nothing: they are never run.
  const fs::path extra = dir.path / "extra.mbtiles";
  test::writeMbtiles(extra, {});
  sql(extra, "CREATE VIEW other AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x FROM r) "
             "SELECT x FROM r; CREATE TRIGGER t AFTER INSERT ON tiles BEGIN DELETE FROM metadata; END");
  CHECK(MbtilesReader::open(extra)->info().tile_count == 21);
}

TEST_CASE("MBTiles: values, metadata rows and query time are limited", "[mbtiles]") {
  TempDir dir;
  const fs::path big = dir.path / "big.mbtiles";
  test::writeMbtiles(big, {});
  sql(big, "INSERT INTO metadata VALUES ('description', zeroblob(30000000))");
  CHECK_THAT(openError(big), Catch::Contains("a value is larger than 16 MB; expected tiles and "
                                             "metadata values below that"));
  const fs::path rows = dir.path / "rows.mbtiles";
  test::writeMbtiles(rows, {});
  sql(rows, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) "
            "INSERT INTO metadata SELECT 'k' || i, 'v' FROM n");
  CHECK_THAT(openError(rows), Catch::Contains("the metadata table has more than 1000 rows"));
  // A long value below the limit is not kept (nor is it read into the info).
  const fs::path longer = dir.path / "long.mbtiles";
  test::writeMbtiles(longer, {});
  sql(longer, "UPDATE metadata SET value = hex(zeroblob(100000)) WHERE name = 'attribution'");
  CHECK(MbtilesReader::open(longer)->info().attribution.empty());
  // Every query has a time budget: here a few milliseconds for counting 300,000 tiles.
  const fs::path many = dir.path / "many.mbtiles";
  test::writeMbtiles(many, {});
  sql(many, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) "
            "INSERT INTO tiles SELECT 20, i, i, x'00' FROM n");
  MbtilesBudgets quick;
  quick.open_query_seconds = 0.002;
  try {
    MbtilesReader::open(many, quick);
    FAIL("counted 300,000 tiles within 2 ms");
  } catch (const MbtilesError& e) {
    CHECK_THAT(e.what(), Catch::Contains("a query took longer than 0.002 s"));
  }
  CHECK(MbtilesReader::open(many)->info().tile_count == 300021);
}

TEST_CASE("MBTiles: a FIFO or a directory is refused before SQLite opens it", "[mbtiles]") {
  TempDir dir;
  const fs::path fifo = dir.path / "fifo.mbtiles";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(openError(fifo) ==
        "'" + fifo.string() + "': not a regular file (a FIFO); expected an MBTiles file");
  fs::create_directory(dir.path / "dir.mbtiles");
  CHECK_THAT(openError(dir.path / "dir.mbtiles"), Catch::Contains("not a regular file (a directory)"));
}

TEST_CASE("MBTiles: MapProxy's caches (empty metadata) read their format from the tiles, WEBP "
          "included",
          "[mbtiles][files]") {
  // tests/data/mbtiles, made by scripts/make_reader_fixtures.py: MapProxy's schema, tiles
  // encoded by GDAL. Refused before ("the metadata has no 'format'"; WEBP not supported).
  for (const auto& [file, format] : {std::pair<const char*, TileFormat>{"mapproxy_png.mbtiles", TileFormat::Png},
                                     {"mapproxy_webp.mbtiles", TileFormat::Webp}}) {
    INFO(file);
    const auto r = MbtilesReader::open(kMbtilesData / file);
    CHECK(r->info().format == format);
    CHECK(r->info().name.empty());
    CHECK(r->info().minzoom == 12);
    CHECK(r->info().maxzoom == 12);
    CHECK(r->info().tile_count == 4);
  }
  TempDir dir;
  const fs::path vector = dir.path / "vector.mbtiles";
  test::writeMbtiles(vector, {});
  sql(vector, "DELETE FROM metadata WHERE name = 'format'; UPDATE tiles SET tile_data = x'1f8b0800'");
  CHECK_THAT(openError(vector), Catch::Contains("the metadata has no 'format' and the first tile "
                                                "is neither PNG, JPEG nor WEBP"));
  CHECK(std::string(toString(TileFormat::Webp)) == "webp");
}
