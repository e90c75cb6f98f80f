// The files people hand a liaison officer, end to end: map layers written by GDAL (KML, KMZ,
// GeoPackage, GeoJSONSeq, a Shapefile in UTM) and the demo's scenario folder saved as one
// workbook (XLSX, ODS), each recognised by its content and imported; hostile and wrong ones
// refused with the place and nothing written.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using liaison::test::readFile;
using liaison::test::run;
using liaison::test::TempDir;
using liaison::test::writeFile;

namespace {

const fs::path kDemo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";
const fs::path kWorkbook = fs::path(LIAISON_SOURCE_DIR) / "tests" / "e2e" / "tools" /
                           "scenario_workbook.py";

bool sh(const std::string& cmd) { return std::system(cmd.c_str()) == 0; }

bool have(const char* tool) {
  return sh(std::string("command -v ") + tool + " >/dev/null 2>&1");
}

}  // namespace

TEST_CASE("map layers written by GDAL import as one layer each, recognised by content",
          "[e2e][foreign]") {
  if (!have("ogr2ogr")) liaison::test::skipTest("ogr2ogr (gdal-bin) is not installed");
  TempDir tmp;
  const fs::path features = kDemo / "features.geojson";
  const std::string d = tmp.path().string();
  REQUIRE(sh("ogr2ogr -f KML '" + d + "/plume.kml' '" + features.string() + "' 2>/dev/null"));
  REQUIRE(sh("ogr2ogr -f GPKG '" + d + "/plume.gpkg' '" + features.string() + "'"));
  REQUIRE(sh("ogr2ogr -f GeoJSONSeq '" + d + "/plume.geojsonl' '" + features.string() + "'"));
  REQUIRE(sh("ogr2ogr -f 'ESRI Shapefile' -t_srs EPSG:32618 -nlt POLYGON -where "
             "\"OGR_GEOMETRY='POLYGON'\" '" + d + "/shp' '" + features.string() + "'"));
  // A KMZ is a ZIP of the KML; a file named .dat is still read by what it holds.
  REQUIRE(sh("cd '" + d + "' && python3 -c \"import zipfile; z=zipfile.ZipFile('plume.kmz','w'); "
             "z.write('plume.kml','doc.kml'); z.close()\""));
  fs::copy_file(tmp.path() / "plume.gpkg", tmp.path() / "layer.dat");

  for (const auto& [file, kind, count] :
       {std::tuple{"plume.kml", "KML", "53"}, {"plume.kmz", "KMZ", "53"},
        {"plume.gpkg", "GeoPackage", "53"}, {"plume.geojsonl", "GeoJSONSeq", "53"},
        {"layer.dat", "GeoPackage", "53"}, {"shp/features.shp", "Shapefile", "11"}}) {
    INFO(file);
    const fs::path ws = tmp.path() / (std::string(kind) + ".liaison");
    fs::remove(ws);
    const auto r = run({"import", (tmp.path() / file).string(), "--into", ws.string()});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("imported " + std::string(count) + " map features from " + kind) !=
          std::string::npos);
    // Importing the same file again replaces its layer instead of doubling it.
    const auto again = run({"import", (tmp.path() / file).string(), "--into", ws.string()});
    REQUIRE(again.code == 0);
    CHECK(run({"verify", ws.string()}).code == 0);
  }
  // The Shapefile was written in UTM zone 18N: reprojected back, and said so.
  const auto shp = run({"import", (tmp.path() / "shp/features.shp").string(), "--into",
                        (tmp.path() / "utm.liaison").string()});
  CHECK(shp.out.find("reprojected from WGS 84 / UTM zone 18N to WGS 84") != std::string::npos);
  const auto json = run({"export", (tmp.path() / "utm.liaison").string(), "--to",
                         (tmp.path() / "utm-out").string()});
  REQUIRE(json.code == 0);
  CHECK(readFile(tmp.path() / "utm-out" / "features.geojson").find("-77.1") != std::string::npos);
}

TEST_CASE("the demo's scenario folder saved as one workbook gives the same workspace",
          "[e2e][foreign]") {
  TempDir tmp;
  const fs::path folderWs = tmp.path() / "folder.liaison";
  REQUIRE(run({"import", kDemo.string(), "--into", folderWs.string()}).code == 0);
  REQUIRE(run({"export", folderWs.string(), "--to", (tmp.path() / "from-folder").string()}).code ==
          0);
  const std::string expected = [&] {
    std::string all;
    for (const char* f : {"incidents.csv", "periods.csv", "agencies.csv", "representatives.csv",
                          "contacts.csv", "channels.csv", "needs.csv", "events.csv", "tasks.csv",
                          "infrastructure.csv"})
      all += readFile(tmp.path() / "from-folder" / f);
    return all;
  }();
  for (const char* book : {"demo.xlsx", "demo.ods"}) {
    INFO(book);
    const fs::path file = tmp.path() / book;
    if (std::string(book).ends_with(".xlsx") &&
        !sh("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null"))
      continue;  // python3-openpyxl missing: the ODS case still runs
    REQUIRE(sh("/usr/bin/python3 '" + kWorkbook.string() + "' '" + kDemo.string() + "' '" +
               file.string() + "'"));
    const fs::path ws = tmp.path() / (std::string(book) + ".liaison");
    const auto r = run({"import", file.string(), "--into", ws.string()});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("imported 33 agencies, 120 representatives") != std::string::npos);
    const fs::path out = tmp.path() / (std::string(book) + "-out");
    REQUIRE(run({"export", ws.string(), "--to", out.string()}).code == 0);
    std::string got;
    for (const char* f : {"incidents.csv", "periods.csv", "agencies.csv", "representatives.csv",
                          "contacts.csv", "channels.csv", "needs.csv", "events.csv", "tasks.csv",
                          "infrastructure.csv"})
      got += readFile(out / f);
    CHECK(got == expected);
  }
}

TEST_CASE("a wrong workbook or layer is refused at its place and nothing is written",
          "[e2e][foreign]") {
  TempDir tmp;
  const fs::path book = tmp.path() / "bad.ods";
  const fs::path folder = tmp.path() / "folder";
  fs::copy(kDemo, folder, fs::copy_options::recursive);
  // Row 3 of the agencies sheet gets an invalid kind in column 4.
  std::string agencies = readFile(folder / "agencies.csv");
  const auto line2 = agencies.find('\n', agencies.find('\n') + 1) + 1;
  const auto c3 = [&] {
    std::size_t p = line2;
    for (int i = 0; i < 3; ++i) p = agencies.find(',', p) + 1;
    return p;
  }();
  agencies.replace(c3, agencies.find(',', c3) - c3, "spaceship");
  writeFile(folder / "agencies.csv", agencies);
  REQUIRE(sh("/usr/bin/python3 '" + kWorkbook.string() + "' '" + folder.string() + "' '" +
             book.string() + "'"));
  const fs::path ws = tmp.path() / "w.liaison";
  const auto r = run({"import", book.string(), "--into", ws.string()});
  CHECK(r.code == 1);
  CHECK(r.err.find("bad.ods:agencies:3:4:") != std::string::npos);
  CHECK_FALSE(fs::exists(ws));

  // Not a layer, not a workbook: said what it is, nothing created.
  writeFile(tmp.path() / "notes.xml", "<?xml version=\"1.0\"?><notes/>");
  const auto x = run({"import", (tmp.path() / "notes.xml").string(), "--into", ws.string()});
  CHECK(x.code == 2);
  CHECK(x.err.find("neither KML") != std::string::npos);
  // A KML that GDAL cannot read.
  writeFile(tmp.path() / "broken.kml", "<kml><Document><Placemark><Point><coordinates>1,2");
  const auto k = run({"import", (tmp.path() / "broken.kml").string(), "--into", ws.string()});
  CHECK(k.code == 1);
  CHECK(k.err.find("broken.kml") != std::string::npos);
  CHECK_FALSE(fs::exists(ws));
}
