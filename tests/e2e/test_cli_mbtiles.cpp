// End-to-end: `liaison import FILE.mbtiles --into WORKSPACE` registers an offline basemap
// (absolute path in the workspace settings, one journal entry, the chain still verifies) and
// refuses files that are not MBTiles with the reason, leaving the workspace untouched;
// `liaison import FILE.geojson --into WORKSPACE` adds map features or names file:line:column.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "cli_runner.hpp"
#include "tests/support/mbtiles_fixture.hpp"

namespace fs = std::filesystem;
using liaison::test::readFile;
using liaison::test::run;
using liaison::test::TempDir;
using liaison::test::writeFile;

namespace {

const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";

std::string query(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

std::string basemapSetting(const fs::path& ws) {
  return query(ws, "SELECT value FROM settings WHERE key = 'basemap.mbtiles'");
}

std::string journalLength(const fs::path& ws) {
  return query(ws, "SELECT count(*) FROM journal");
}

}  // namespace

TEST_CASE("import FILE.mbtiles registers the basemap by absolute path, journaled", "[e2e]") {
  TempDir tmp;
  const fs::path ws = tmp.path() / "ws.liaison";
  REQUIRE(run({"import", kDemo.string(), "--into", ws.string()}).code == 0);
  const std::string before = journalLength(ws);
  const fs::path tiles = tmp.path() / "county.mbtiles";
  liaison::test::writeMbtiles(tiles, {});

  // A relative path on the command line is stored absolute.
  const fs::path cwd = fs::current_path();
  fs::current_path(tmp.path());
  const auto r = run({"import", "county.mbtiles", "--into", ws.string()});
  fs::current_path(cwd);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("basemap Test basemap (png, zoom 0 to 2, 21 tiles)"));
  CHECK(basemapSetting(ws) == fs::weakly_canonical(tiles).string());
  CHECK(std::stoi(journalLength(ws)) == std::stoi(before) + 1);
  CHECK_THAT(query(ws, "SELECT summary FROM journal ORDER BY seq DESC LIMIT 1"),
             Catch::Contains("Basemap set to county.mbtiles"));
  CHECK(run({"verify", ws.string()}).code == 0);

  // Registering another one replaces it.
  const fs::path other = tmp.path() / "other.mbtiles";
  liaison::test::MbtilesFixture f;
  f.maxzoom = 1;
  f.write_zoom_metadata = false;
  liaison::test::writeMbtiles(other, f);
  REQUIRE(run({"import", other.string(), "--into", ws.string()}).code == 0);
  CHECK(basemapSetting(ws) == fs::weakly_canonical(other).string());
  CHECK(run({"verify", ws.string()}).code == 0);
}

TEST_CASE("import refuses a file that is not MBTiles and leaves the workspace as it was",
          "[e2e]") {
  TempDir tmp;
  const fs::path ws = tmp.path() / "ws.liaison";
  REQUIRE(run({"import", kDemo.string(), "--into", ws.string()}).code == 0);
  const std::string before = journalLength(ws);

  const fs::path text = tmp.path() / "notes.mbtiles";
  writeFile(text, "These are notes, not a map. SQLite will not take this for a database.\n");
  auto r = run({"import", text.string(), "--into", ws.string()});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("is not an MBTiles file: it is not an SQLite database"));

  liaison::test::MbtilesFixture f;
  f.maxzoom = 0;
  f.format = "pbf";
  const fs::path vector = tmp.path() / "vector.mbtiles";
  liaison::test::writeMbtiles(vector, f);
  r = run({"import", vector.string(), "--into", ws.string()});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("tile format 'pbf' is not supported; expected png, jpg or webp"));

  CHECK(basemapSetting(ws).empty());
  CHECK(journalLength(ws) == before);

  // Aimed at a workspace that does not exist yet: none is created.
  const fs::path fresh = tmp.path() / "fresh.liaison";
  CHECK(run({"import", text.string(), "--into", fresh.string()}).code == 1);
  CHECK_FALSE(fs::exists(fresh));
  // A file of another kind is a usage error.
  const fs::path csv = tmp.path() / "list.csv";
  writeFile(csv, "a,b\n");
  r = run({"import", csv.string(), "--into", ws.string()});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("list.csv: cannot import this kind of file"));
  CHECK_THAT(r.err, Catch::Contains("expected a scenario folder or workbook"));
  CHECK_THAT(r.err, Catch::Contains("an MBTiles basemap or CAP 1.2 alerts"));
}

TEST_CASE("import FILE.geojson adds map features, or names file:line:column", "[e2e]") {
  TempDir tmp;
  const fs::path ws = tmp.path() / "ws.liaison";
  REQUIRE(run({"import", kDemo.string(), "--into", ws.string()}).code == 0);
  const std::string features = query(ws, "SELECT count(*) FROM map_features");

  const fs::path good = tmp.path() / "shelters.geojson";
  writeFile(good,
            "{\"type\": \"FeatureCollection\", \"features\": [\n"
            "  {\"type\": \"Feature\", \"id\": 900,\n"
            "   \"geometry\": {\"type\": \"Point\", \"coordinates\": [-77.15, 41.30]},\n"
            "   \"properties\": {\"kind\": \"shelter\", \"label\": \"School gym\"}}\n"
            "]}\n");
  auto r = run({"import", good.string(), "--into", ws.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("imported 1 map features"));
  CHECK(std::stoi(query(ws, "SELECT count(*) FROM map_features")) == std::stoi(features) + 1);
  CHECK(run({"verify", ws.string()}).code == 0);

  const std::string journal = journalLength(ws);
  // Liaison's own form (its marker): a wrong kind is refused where it is.
  const fs::path bad = tmp.path() / "bad.geojson";
  writeFile(bad,
            "{\"type\": \"FeatureCollection\", \"liaison\": {\"format\": \"features\", "
            "\"version\": 1}, \"features\": [\n"
            "  {\"type\": \"Feature\", \"id\": 901,\n"
            "   \"geometry\": {\"type\": \"Point\", \"coordinates\": [-77.15, 41.30]},\n"
            "   \"properties\": {\"kind\": \"castle\", \"label\": \"Keep\"}}\n"
            "]}\n");
  r = run({"import", bad.string(), "--into", ws.string()});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains(bad.string() + ":4:"));
  CHECK_THAT(r.err, Catch::Contains("is not a valid feature kind"));
  CHECK(journalLength(ws) == journal);
}

TEST_CASE("import a GeoJSON layer from another program: fresh ids, its own layer, re-import "
          "replaces it; a projected file is reprojected",
          "[e2e]") {
  TempDir tmp;
  const fs::path ws = tmp.path() / "ws.liaison";
  REQUIRE(run({"import", kDemo.string(), "--into", ws.string()}).code == 0);
  const int before = std::stoi(query(ws, "SELECT count(*) FROM map_features"));
  const std::string demoLabel = query(ws, "SELECT label FROM map_features WHERE id = 1");

  // As QGIS or ogr2ogr write it: no "kind", ids that clash with the workspace's, a NAME.
  const fs::path layer = tmp.path() / "wards.geojson";
  writeFile(layer,
            "{\"type\": \"FeatureCollection\",\n"
            " \"crs\": {\"type\": \"name\", \"properties\": {\"name\": "
            "\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},\n"
            " \"features\": [\n"
            "  {\"type\": \"Feature\", \"id\": 1, \"properties\": {\"NAME\": \"Ward 1\", \"pop\": 5120},\n"
            "   \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [\n"
            "     [[[-77.2, 41.2], [-77.1, 41.2], [-77.1, 41.3], [-77.2, 41.2]]],\n"
            "     [[[-77.0, 41.2], [-76.9, 41.2], [-76.9, 41.3], [-77.0, 41.2]]]]}},\n"
            "  {\"type\": \"Feature\", \"id\": 2, \"properties\": {\"NAME\": \"Creek\"},\n"
            "   \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[-77.2, 41.25], [-77.0, 41.26]]}}\n"
            " ]}\n");
  auto r = run({"import", layer.string(), "--into", ws.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  // Two features in the file; the MultiPolygon's two parts are two map features.
  CHECK(query(ws, "SELECT count(*) FROM map_features WHERE layer = 'wards'") == "3");
  CHECK(std::stoi(query(ws, "SELECT count(*) FROM map_features")) == before + 3);
  CHECK(query(ws, "SELECT label FROM map_features WHERE id = 1") == demoLabel);  // untouched
  CHECK(query(ws, "SELECT count(*) FROM map_features WHERE layer = 'wards' AND label = 'Ward 1'") ==
        "2");
  CHECK(query(ws, "SELECT count(*) FROM map_features WHERE layer = 'wards' AND id <= " +
                      std::to_string(before)) == "0");
  CHECK(run({"verify", ws.string()}).code == 0);

  // Again: the layer is replaced, not doubled.
  REQUIRE(run({"import", layer.string(), "--into", ws.string()}).code == 0);
  CHECK(query(ws, "SELECT count(*) FROM map_features WHERE layer = 'wards'") == "3");
  CHECK(std::stoi(query(ws, "SELECT count(*) FROM map_features")) == before + 3);

  // A 2008-style file in a projected system (UTM 18S) was refused: it is reprojected with PROJ.
  const fs::path utm = tmp.path() / "rivers.geojson";
  writeFile(utm,
            "{\"type\": \"FeatureCollection\",\n"
            " \"crs\": {\"type\": \"name\", \"properties\": {\"name\": "
            "\"urn:ogc:def:crs:EPSG::32718\"}},\n"
            " \"features\": [{\"type\": \"Feature\", \"properties\": {},\n"
            "   \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[554143.9, 9370463.6], "
            "[554090.7, 9370670.5]]}}]}\n");
  r = run({"import", utm.string(), "--into", ws.string()});
  INFO(r.err);
  CHECK(r.code == 0);
  // gdaltransform -s_srs EPSG:32718 -t_srs OGC:CRS84: -74.5110306850961 -5.69521787288103
  const std::string rings = query(ws, "SELECT rings FROM map_features WHERE layer = 'rivers'");
  CHECK_THAT(rings, Catch::StartsWith("[[[-74.51103068"));
  CHECK_THAT(rings, Catch::Contains(",-5.6952178"));
  // One it cannot reproject is refused at its "crs", nothing written.
  const std::string journal = journalLength(ws);
  const fs::path unknown = tmp.path() / "unknown.geojson";
  writeFile(unknown, readFile(utm).replace(readFile(utm).find("EPSG::32718"), 11, "EPSG::999999"));
  r = run({"import", unknown.string(), "--into", ws.string()});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains(unknown.string() + ":2:"));
  CHECK_THAT(r.err, Catch::Contains("EPSG::999999: PROJ does not know"));
  CHECK(journalLength(ws) == journal);

  // A real file from another project when Debian's networkx examples are installed: NUTS 1
  // regions (116 features, MultiPolygons split into parts), all imported.
  const fs::path nuts = "/usr/share/doc/python3-networkx/examples/geospatial/nuts1.geojson";
  if (fs::exists(nuts)) {
    r = run({"import", nuts.string(), "--into", ws.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(std::stoi(query(ws, "SELECT count(*) FROM map_features WHERE layer = 'nuts1'")) >= 116);
  }
}
