// What counts as an input file (core/formats/input_file.hpp) and what a scenario folder may
// hold: regular files only (a FIFO, a device, a directory refused at once and never called
// missing), size limits, symbolic links not followed out of the folder, nothing of a file of
// another kind echoed; and files re-saved by spreadsheets or written by other programs: TRUE /
// FALSE booleans, GeoJSON layers whose features have a "kind", a "Layer" property, null
// geometries, other coordinate systems.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include "core/formats/input_file.hpp"
#include "core/formats/mapped_file.hpp"
#include "core/formats/scenario.hpp"

using namespace liaison::core;
namespace fs = std::filesystem;

namespace {

class Scratch {
 public:
  Scratch() {
    std::random_device rd;
    m_path = fs::temp_directory_path() /
             ("liaison-input-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    fs::create_directories(m_path);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const fs::path& path() const { return m_path; }
  fs::path operator/(const std::string& name) const { return m_path / name; }

 private:
  fs::path m_path;
};

void writeText(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string readError(const fs::path& path, const std::string& what = "expected an MSEL CSV file") {
  try {
    readInputFile(path, path.filename().string(), what);
  } catch (const ImportError& e) {
    return e.what();
  }
  return "(read)";
}

std::string importError(const fs::path& dir, Store& store) {
  try {
    importScenario(dir, store);
  } catch (const ImportError& e) {
    return e.what();
  }
  return "(no error)";
}

// A minimal valid scenario folder: one agency.
void minimalFolder(const fs::path& dir) {
  fs::create_directories(dir);
  writeText(dir / "agencies.csv", "id,code,name,type,role\n1,RCFD,River City Fire,fire,assisting\n");
}

const std::string kPoint = R"({"type": "Point", "coordinates": [-77.15, 41.3]})";

}  // namespace

TEST_CASE("input files: a FIFO, a device and a directory are refused at once, not as missing",
          "[input]") {
  Scratch tmp;
  const fs::path fifo = tmp / "drill.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Opening a FIFO without a writer would block for ever; it is refused within milliseconds.
  const auto start = std::chrono::steady_clock::now();
  CHECK(readError(fifo) == "drill.csv: not a regular file (a FIFO); expected an MSEL CSV file");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  fs::create_directory(tmp / "folder.csv");
  CHECK(readError(tmp / "folder.csv") ==
        "folder.csv: not a regular file (a directory); expected an MSEL CSV file");
  // A link to /dev/zero read until memory ran out.
  fs::create_symlink("/dev/zero", tmp / "zero.csv");
  CHECK(readError(tmp / "zero.csv") ==
        "zero.csv: not a regular file (a character device); expected an MSEL CSV file");
  CHECK(readError(tmp / "absent.csv") ==
        "absent.csv: the file is missing; expected an MSEL CSV file");
  // The mapped reader (GraphML) checks the same.
  try {
    MappedFile m(fifo, "expected a GraphML file");
    FAIL("mapped a FIFO");
  } catch (const InputFileError& e) {
    CHECK(std::string(e.what()) == "not a regular file (a FIFO); expected a GraphML file");
  }
  try {
    MappedFile m(tmp / "zero.csv", "expected a GraphML file");
    FAIL("mapped /dev/zero");
  } catch (const InputFileError& e) {
    CHECK(std::string(e.what()) == "not a regular file (a character device); expected a GraphML file");
  }
}

TEST_CASE("input files: each format has a size limit, checked before reading", "[input]") {
  Scratch tmp;
  const fs::path big = tmp / "big.csv";
  { std::ofstream(big, std::ios::binary) << "x"; }
  fs::resize_file(big, kMaxCsvBytes + 1);  // sparse: costs no disk
  CHECK(readError(big) ==
        "big.csv: the file is 65 MB, more than the limit of 64 MB for this kind of file; "
        "expected an MSEL CSV file");
  try {
    readInputFile(big, "big.csv", "expected x", 1024);
    FAIL("read past the limit");
  } catch (const ImportError& e) {
    CHECK(std::string(e.reason()).starts_with("the file is 65 MB, more than the limit of 1 MB"));
  }
  fs::resize_file(big, 1000);
  CHECK(readInputFile(big, "big.csv", "expected x", 1000).size() == 1000);
}

TEST_CASE("input files: quoted text is short and free of control characters", "[input]") {
  CHECK(excerpt("plain") == "plain");
  CHECK(excerpt("a\x1b[31mred\x07") == "a?[31mred?");
  CHECK(excerpt(std::string(100, 'x'), 10) == "xxxxxxxxxx...");
  CHECK(excerpt("caf\xC3\xA9 \xFF\xC2\x85.") == "caf\xC3\xA9 ??.");  // invalid byte, C1 control
}

TEST_CASE("scenario folder: a FIFO, a directory or a device in place of a file is refused",
          "[input][scenario]") {
  Scratch tmp;
  const fs::path dir = tmp / "folder";
  minimalFolder(dir);
  auto store = Store::create(tmp / "ws.liaison");
  // Optional files that are not regular files were silently skipped (0 imported).
  REQUIRE(::mkfifo((dir / "channels.csv").c_str(), 0600) == 0);
  CHECK(importError(dir, *store) ==
        "channels.csv: not a regular file (a FIFO); expected a CSV file");
  fs::remove(dir / "channels.csv");
  fs::create_directory(dir / "features.geojson");
  CHECK(importError(dir, *store) ==
        "features.geojson: not a regular file (a directory); expected a GeoJSON file of map "
        "features");
  fs::remove(dir / "features.geojson");
  // The required file as a directory is "not a regular file", not "missing".
  fs::remove(dir / "agencies.csv");
  fs::create_directory(dir / "agencies.csv");
  CHECK(importError(dir, *store) ==
        "agencies.csv: not a regular file (a directory); every scenario folder needs agencies.csv");
  CHECK(store->revision() == 0);
}

TEST_CASE("scenario folder: a symbolic link is followed only inside the folder, and another "
          "kind of file is not echoed",
          "[input][scenario]") {
  Scratch tmp;
  const fs::path dir = tmp / "folder";
  minimalFolder(dir);
  auto store = Store::create(tmp / "ws.liaison");
  // A link to /etc/passwd was followed and its first line quoted in the error.
  fs::create_symlink("/etc/passwd", dir / "events.csv");
  std::string err = importError(dir, *store);
  CHECK(err ==
        "events.csv: a symbolic link that leads outside the folder; expected a CSV file inside "
        "the folder (copy the file in instead of linking to it)");
  CHECK(err.find("root") == std::string::npos);
  fs::remove(dir / "events.csv");
  // Through a relative link out of the folder too.
  writeText(tmp / "outside.csv", "id,incident,time,kind,text\n");
  fs::create_symlink("../outside.csv", dir / "events.csv");
  CHECK(importError(dir, *store).starts_with("events.csv: a symbolic link that leads outside"));
  fs::remove(dir / "events.csv");
  // A dangling link is refused, not skipped as absent.
  fs::create_symlink("nowhere.csv", dir / "events.csv");
  CHECK(importError(dir, *store) ==
        "events.csv: a symbolic link to a file that does not exist; expected a CSV file (copy "
        "the file into the folder)");
  fs::remove(dir / "events.csv");
  // A link inside the folder is fine.
  fs::create_directory(dir / "sheets");
  writeText(dir / "sheets" / "agencies.csv",
            "id,code,name,type,role\n2,RCPD,River City Police,law,assisting\n");
  fs::remove(dir / "agencies.csv");
  fs::create_symlink("sheets/agencies.csv", dir / "agencies.csv");
  CHECK(importScenario(dir, *store).agencies == 1);
  CHECK(store->load()->agency(2));

  // A file of another kind copied in under a scenario name: its first line is not quoted.
  fs::remove(dir / "agencies.csv");
  writeText(dir / "agencies.csv", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/bin/sh\n");
  err = importError(dir, *store);
  CHECK(err ==
        "agencies.csv:1:1: the first line names none of the columns of agencies.csv, so it is "
        "not a header of this file; expected a header line with the columns id, code, name, "
        "type, role, discipline, jurisdiction, location, lat, lon, agreements, resources, "
        "personnel, condition, constraints, rep_location, notes, status");
  CHECK(err.find("root") == std::string::npos);
  // An unknown column among known ones is quoted, short and without control characters.
  writeText(dir / "agencies.csv",
            "id,code,name,type,role,\x1b]0;pwned\x07" + std::string(200, 'z') + "\n");
  err = importError(dir, *store);
  CHECK(err.starts_with("agencies.csv:1:6: unexpected column '?]0;pwned?zzzz"));
  CHECK(err.find('\x1b') == std::string::npos);
  CHECK(err.find(std::string(61, 'z')) == std::string::npos);
}

TEST_CASE("scenario folder: booleans as spreadsheets re-save them are read", "[input][scenario]") {
  Scratch tmp;
  const fs::path dir = tmp / "folder";
  minimalFolder(dir);
  // LibreOffice and Excel turn true/false into TRUE/FALSE when they save a CSV file.
  writeText(dir / "incidents.csv",
            "id,name,exercise,start\n1,Drill,TRUE,2026-05-14T08:30:00Z\n"
            "2,Real,False,2026-05-14T08:30:00Z\n3,Other,yes,2026-05-14T08:30:00Z\n");
  writeText(dir / "representatives.csv",
            "id,agency,name,on_duty\n101,1,Dana,FALSE\n102,1,Lee,1\n103,1,Kim,no\n");
  auto store = Store::create(tmp / "ws.liaison");
  REQUIRE(importError(dir, *store) == "(no error)");
  const SnapshotPtr s = store->load();
  CHECK(s->incident(1)->exercise);
  CHECK_FALSE(s->incident(2)->exercise);
  CHECK(s->incident(3)->exercise);
  CHECK_FALSE(s->representative(101)->on_duty);
  CHECK(s->representative(102)->on_duty);
  CHECK_FALSE(s->representative(103)->on_duty);
  writeText(dir / "incidents.csv", "id,name,exercise,start\n1,Drill,maybe,2026-05-14T08:30:00Z\n");
  CHECK(importError(dir, *store) ==
        "incidents.csv:2:3: exercise 'maybe' is not a boolean; expected true or false "
        "(TRUE/FALSE, yes/no and 1/0 are read too)");
}

TEST_CASE("GeoJSON layers: Liaison's own form by its marker, or by ids and kinds; a foreign "
          "layer whose features have a kind or a Layer stays one layer",
          "[input][geojson]") {
  Scratch tmp;
  auto store = Store::create(tmp / "ws.liaison");
  // A foreign layer whose features have a "kind" (OSM-style values) was taken for Liaison's own
  // format and refused. It is another program's layer: fresh ids, the file's name as layer.
  const fs::path osm = tmp / "landuse.geojson";
  writeText(osm, "{\"type\": \"FeatureCollection\", \"features\": [\n"
                 "{\"type\": \"Feature\", \"id\": 1, \"geometry\": " + kPoint +
                 ", \"properties\": {\"kind\": \"residential\", \"name\": \"Elm Park\"}}]}\n");
  ImportSummary s = importFeatures(osm, *store);
  CHECK(s.features == 1);
  SnapshotPtr snap = store->load();
  REQUIRE(snap->features.size() == 1);
  CHECK(snap->features[0].layer == "landuse");
  CHECK(snap->features[0].label == "Elm Park");
  CHECK(snap->features[0].kind == FeatureKind::Other);
  CHECK(snap->features[0].properties_json.find("\"kind\":\"residential\"") != std::string::npos);

  // ogr2ogr's DXF exports give every feature a "Layer": it stayed the map layer's name, so a
  // second import did not find the layer to replace and duplicated it.
  const fs::path dxf = tmp / "site_plan.geojson";
  writeText(dxf, "{\"type\": \"FeatureCollection\", \"features\": [\n"
                 "{\"type\": \"Feature\", \"geometry\": " + kPoint +
                 ", \"properties\": {\"Layer\": \"0\", \"EntityHandle\": \"1F\"}},\n"
                 "{\"type\": \"Feature\", \"geometry\": " + kPoint +
                 ", \"properties\": {\"Layer\": \"WALLS\"}}]}\n");
  importFeatures(dxf, *store);
  importFeatures(dxf, *store);
  snap = store->load();
  int onLayer = 0;
  for (const MapFeature& f : snap->features) onLayer += f.layer == "site_plan";
  CHECK(onLayer == 2);
  CHECK(snap->features.size() == 3);

  // Liaison's own form: by the marker, even when a kind is wrong (then refused where it is)...
  const fs::path own = tmp / "ops.geojson";
  writeText(own, "{\"type\": \"FeatureCollection\", \"liaison\": {\"format\": \"features\", "
                 "\"version\": 1}, \"features\": [\n"
                 "{\"type\": \"Feature\", \"id\": 900, \"geometry\": " + kPoint +
                 ", \"properties\": {\"kind\": \"castle\", \"layer\": \"ops\"}}]}\n");
  CHECK_THROWS_WITH(importFeatures(own, *store),
                    Catch::StartsWith(own.string() + ":2:117: kind \"castle\" is not a valid feature kind"));
  // ...and a file written before the marker: every feature with an id and a valid kind.
  writeText(own, "{\"type\": \"FeatureCollection\", \"features\": [\n"
                 "{\"type\": \"Feature\", \"id\": 900, \"geometry\": " + kPoint +
                 ", \"properties\": {\"kind\": \"shelter\", \"layer\": \"ops\", \"label\": \"Gym\"}}]}\n");
  importFeatures(own, *store);
  snap = store->load();
  REQUIRE(snap->feature(900));
  CHECK(snap->feature(900)->layer == "ops");
  CHECK(snap->feature(900)->kind == FeatureKind::Shelter);
}

TEST_CASE("GeoJSON layers: null geometries skipped and counted, another CRS reprojected and "
          "said so",
          "[input][geojson]") {
  Scratch tmp;
  auto store = Store::create(tmp / "ws.liaison");
  const fs::path file = tmp / "sites.geojson";
  writeText(file,
            "{\"type\": \"FeatureCollection\",\n"
            " \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::32618\"}},\n"
            " \"features\": [\n"
            "{\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"name\": \"HQ (no address)\"}},\n"
            "{\"type\": \"Feature\", \"geometry\": {\"type\": \"GeometryCollection\", \"geometries\": [\n"
            "  {\"type\": \"Point\", \"coordinates\": [500000, 4540000]},\n"
            "  {\"type\": \"LineString\", \"coordinates\": [[500000, 4540000], [501000, 4541000]]}]},\n"
            " \"properties\": {\"name\": \"Yard\"}}]}\n");
  const ImportSummary s = importFeatures(file, *store);
  CHECK(s.features == 2);  // the collection's point and line
  CHECK(s.features_skipped == 1);
  REQUIRE(s.notes.size() == 2);
  CHECK(s.notes[0] == file.string() + ": 1 feature without a geometry (null) skipped: nothing to draw");
  CHECK(s.notes[1] == file.string() +
                          ": reprojected from WGS 84 / UTM zone 18N (urn:ogc:def:crs:EPSG::32618) "
                          "to WGS 84");
  const SnapshotPtr snap = store->load();
  REQUIRE(snap->features.size() == 2);
  CHECK(snap->features[0].geometry == GeometryKind::Point);
  CHECK(snap->features[0].rings[0][0].lon == Approx(-75).margin(1e-9));
  CHECK(snap->features[1].geometry == GeometryKind::Line);
  CHECK(snap->features[1].label == "Yard");
}

TEST_CASE("GeoJSON layers written by ogr2ogr: NAD83, ETRS89 and UTM, null geometries, a "
          "GeometryCollection, a DXF export's Layer",
          "[input][geojson][files]") {
  const fs::path data = fs::path(LIAISON_TEST_DATA) / "geojson";
  // Made by scripts/make_reader_fixtures.py: the same three sites in three systems.
  for (const char* name : {"sites_nad83", "sites_etrs89", "sites_utm18n"}) {
    INFO(name);
    Scratch tmp;
    auto store = Store::create(tmp / "ws.liaison");
    const ImportSummary s = importFeatures(data / (std::string(name) + ".geojson"), *store);
    CHECK(s.features == 3);  // Station 1, and the rail yard's point and line
    CHECK(s.features_skipped == 1);  // the headquarters without an address
    const SnapshotPtr snap = store->load();
    REQUIRE(snap->features.size() == 3);
    for (const MapFeature& f : snap->features) CHECK(f.layer == name);
    const LonLat station = snap->features[0].rings[0][0];
    // Within a metre or so of where they were written (ogr2ogr from WGS 84).
    CHECK(station.lon == Approx(-77.19).margin(2e-5));
    CHECK(station.lat == Approx(41.2).margin(2e-5));
    CHECK(snap->features[0].label == "Station 1");
    CHECK(snap->features[0].properties_json.find("\"kind\":\"residential\"") != std::string::npos);
    CHECK(snap->features[1].geometry == GeometryKind::Point);
    CHECK(snap->features[2].geometry == GeometryKind::Line);
    CHECK(snap->features[2].label == "Rail yard");
  }
  Scratch tmp;
  auto store = Store::create(tmp / "ws.liaison");
  const fs::path dxf = data / "site_plan_dxf.geojson";
  importFeatures(dxf, *store);
  importFeatures(dxf, *store);  // again: replaces the layer
  const SnapshotPtr snap = store->load();
  REQUIRE(snap->features.size() == 2);
  for (const MapFeature& f : snap->features) {
    CHECK(f.layer == "site_plan_dxf");
    CHECK(f.properties_json.find("\"Layer\":\"0\"") != std::string::npos);
  }
}
