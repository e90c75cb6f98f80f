// The GeoJSON reader and writer: geometries, line:column errors, deterministic output.
#include <catch2/catch.hpp>

#include "core/formats/geojson.hpp"

#include <string>

using namespace liaison::core;

namespace {

std::string geoError(std::string_view text) {
  try {
    parseFeatureCollection(text);
  } catch (const GeoJsonError& e) {
    return std::to_string(e.pos().line) + ":" + std::to_string(e.pos().column) + ": " + e.what();
  }
  return "no error";
}

std::string collection(const std::string& features) {
  return "{\"type\": \"FeatureCollection\", \"features\": [\n" + features + "\n]}";
}

std::string feature(const std::string& geometry) {
  return "{\"type\": \"Feature\", \"id\": 1, \"geometry\": " + geometry +
         ", \"properties\": {\"kind\": \"zone\"}}";
}

}  // namespace

TEST_CASE("geojson: every supported geometry", "[geojson]") {
  const std::string text = collection(
      feature(R"({"type": "Point", "coordinates": [1.5, 2]})") + ",\n" +
      feature(R"({"type": "LineString", "coordinates": [[0, 0], [1, 1, 30]]})") + ",\n" +
      feature(
          R"({"type": "Polygon", "coordinates": [[[0,0],[4,0],[4,4],[0,0]], [[1,1],[2,1],[2,2],[1,1]]]})") +
      ",\n" + feature(R"({"type": "MultiPoint", "coordinates": [[0, 0], [1, 1]]})") + ",\n" +
      feature(
          R"({"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]]})") +
      ",\n" +
      feature(
          R"({"type": "MultiPolygon", "coordinates": [[[[0,0],[1,0],[1,1],[0,0]]], [[[5,5],[6,5],[6,6],[5,5]]]]})"));
  const auto fs = parseFeatureCollection(text);
  REQUIRE(fs.size() == 6);
  CHECK(fs[0].geometry.type == GeoType::Point);
  CHECK(fs[0].geometry.parts[0][0][0] == LonLat{1.5, 2});
  CHECK(fs[0].pos.line == 2);
  CHECK(fs[0].pos.column == 1);
  CHECK(fs[0].id_json == "1");
  REQUIRE(fs[0].properties.size() == 1);
  CHECK(fs[0].properties[0].key == "kind");
  CHECK(fs[0].properties[0].json == "\"zone\"");
  CHECK(fs[1].geometry.parts[0][0].size() == 2);  // altitude dropped, position kept
  CHECK(fs[2].geometry.parts[0].size() == 2);     // outer ring and one hole
  CHECK(fs[3].geometry.parts.size() == 2);
  CHECK(fs[4].geometry.parts.size() == 2);
  CHECK(fs[5].geometry.type == GeoType::MultiPolygon);
  CHECK(fs[5].geometry.parts.size() == 2);
}

TEST_CASE("geojson: syntax errors are reported at their line and character", "[geojson]") {
  CHECK(geoError("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}") ==
        "3:16: malformed JSON: syntax error while parsing value - unexpected ','; expected "
        "'[', '{', or a literal");
  // Columns count characters, not bytes.
  CHECK(geoError("{\"a\": \"ÄÖÜ\" \"b\"}") ==
        "1:13: malformed JSON: syntax error while parsing object - unexpected string literal; "
        "expected '}'");
  CHECK(geoError("{\"type\": \"FeatureCollection\", \"features\": [1e999]}") ==
        "1:44: malformed JSON: number 1e999 is too large; expected a number of at most about "
        "1.8e308");
  // An unterminated string is reported where it starts.
  CHECK(geoError("{\"features\": [\n  {\"type\": \"Feat}]}") ==
        "2:12: malformed JSON: syntax error while parsing value - invalid string: missing "
        "closing quote; last read: '\"Feat}]}'");
  CHECK(geoError("{\"type\": \"FeatureCollection\", \"features\": [\xFF]}") ==
        "1:44: invalid UTF-8 (byte 0xFF); save the file as UTF-8");
}

TEST_CASE("geojson: semantic errors point at the offending member", "[geojson]") {
  CHECK(geoError(collection(feature(R"({"type": "Point", "coordinates": [200, 1]})"))) ==
        "2:76: longitude 200 is out of range; expected -180 to 180");
  CHECK(geoError(collection(feature(R"({"type": "Point", "coordinates": [2, -91.5]})"))) ==
        "2:79: latitude -91.5 is out of range; expected -90 to 90");
  CHECK(geoError(collection(feature(R"({"type": "Point", "coordinates": ["x", 1]})"))) ==
        "2:75: a position is [\"x\",1]; expected [longitude, latitude] in degrees");
  CHECK(geoError(
            collection(feature(R"({"type": "Polygon", "coordinates": [[[0,0],[1,0],[0,0]]]})"))) ==
        "2:78: a polygon ring has 3 position(s); expected at least 4, the last equal to the first");
  CHECK(geoError(collection(
            feature(R"({"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,1]]]})"))) ==
        "2:97: the polygon ring is not closed; expected the last position to equal the first "
        "(0, 0)");
  CHECK(geoError(collection(feature(R"({"type": "LineString", "coordinates": [[0,0]]})"))) ==
        "2:80: a LineString has 1 position(s); expected at least 2");
  CHECK(geoError(collection(feature(R"({"type": "GeometryCollection", "geometries": []})"))) ==
        "2:87: the GeometryCollection has no geometries; expected at least one");
  CHECK(geoError(R"({"type": "Topology", "objects": {}})") ==
        "1:10: the top level is a Topology; expected a FeatureCollection, a Feature or a geometry "
        "(Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon or "
        "GeometryCollection)");
  CHECK(geoError(collection(R"({"type": "Point", "coordinates": [0, 0]})")) ==
        "2:1: a member of \"features\" is a Point; expected a Feature");
}

TEST_CASE("geojson: the writer is deterministic and reads back the same", "[geojson]") {
  GeoFeature point;
  point.id_json = "7";
  point.geometry.type = GeoType::Point;
  point.geometry.parts = {{{LonLat{-77.1921, 41.2047}}}};
  point.properties = {{"kind", "\"shelter\"", {}},
                      {"label", "\"Northside \\\"High\\\"\"", {}},
                      {"extra", R"({"b":[1,2.5],"a":{"z":null}})", {}}};
  GeoFeature poly;
  poly.id_json = "8";
  poly.geometry.type = GeoType::Polygon;
  poly.geometry.parts = {{{{0, 0}, {0.1, 0}, {0.1, 0.1}, {0, 0}}}};
  const std::string text = writeFeatureCollection({point, poly});
  CHECK(text ==
        "{\n"
        "  \"type\": \"FeatureCollection\",\n"
        "  \"features\": [\n"
        "    {\n"
        "      \"type\": \"Feature\",\n"
        "      \"id\": 7,\n"
        "      \"geometry\": {\n"
        "        \"type\": \"Point\",\n"
        "        \"coordinates\": [-77.1921, 41.2047]\n"
        "      },\n"
        "      \"properties\": {\n"
        "        \"kind\": \"shelter\",\n"
        "        \"label\": \"Northside \\\"High\\\"\",\n"
        "        \"extra\": {\n"
        "          \"a\": {\n"
        "            \"z\": null\n"
        "          },\n"
        "          \"b\": [1, 2.5]\n"
        "        }\n"
        "      }\n"
        "    },\n"
        "    {\n"
        "      \"type\": \"Feature\",\n"
        "      \"id\": 8,\n"
        "      \"geometry\": {\n"
        "        \"type\": \"Polygon\",\n"
        "        \"coordinates\": [\n"
        "          [\n"
        "            [0, 0],\n"
        "            [0.1, 0],\n"
        "            [0.1, 0.1],\n"
        "            [0, 0]\n"
        "          ]\n"
        "        ]\n"
        "      },\n"
        "      \"properties\": {}\n"
        "    }\n"
        "  ]\n"
        "}\n");
  const auto back = parseFeatureCollection(text);
  REQUIRE(back.size() == 2);
  CHECK(back[0].geometry.parts == point.geometry.parts);
  CHECK(back[1].geometry.parts == poly.geometry.parts);
  // Written again from what was read (properties sorted by key on reading): stable.
  CHECK(writeFeatureCollection(back) ==
        writeFeatureCollection(parseFeatureCollection(writeFeatureCollection(back))));
  CHECK(writeFeatureCollection({}) ==
        "{\n  \"type\": \"FeatureCollection\",\n  \"features\": []\n}\n");
}

TEST_CASE("geojson: positions on one long line, members in any order", "[geojson]") {
  const std::string text =
      R"({"features":[{"properties":{"kind":"zone","label":"Ä"},"id":1,"type":"Feature",)"
      R"("geometry":{"type":"Point","coordinates":[0,0]}},{"type":"Feature","geometry":)"
      R"({"type":"Point","coordinates":[1,1]},"id":2,"properties":{"label":"é","kind":"road"}}],)"
      R"("type":"FeatureCollection"})";
  const auto fs = parseFeatureCollection(text);
  REQUIRE(fs.size() == 2);
  const auto col = [&](std::string_view needle) { return static_cast<int>(text.find(needle)) + 1; };
  CHECK(fs[0].pos.column == col("{\"properties"));
  CHECK(fs[0].id_pos.column == col("1,\"type") - 1);  // after the 2-byte Ä
  CHECK(fs[0].properties_pos.column == col("{\"kind"));
  CHECK(fs[1].pos.column == col("{\"type\":\"Feature\",\"geometry") - 1);  // one 2-byte char before
  CHECK(fs[1].id_pos.column == col("2,\"properties") - 1);
  REQUIRE(fs[1].properties.size() == 2);
  CHECK(fs[1].properties[0].key == "kind");                    // sorted by key
  CHECK(fs[1].properties[0].pos.column == col("\"road") - 2);  // after Ä and é
  CHECK(fs[1].properties[0].pos.line == 1);
}

TEST_CASE("geojson: a declared crs is reprojected with PROJ, or refused at the crs member when "
          "unknown",
          "[geojson]") {
  const auto withCrs = [](const std::string& crs, const std::string& coordinates) {
    return "{\"type\": \"FeatureCollection\",\n\"crs\": " + crs + ",\n\"features\": [" +
           feature(R"({"type": "Point", "coordinates": )" + coordinates + "}") + "]}";
  };
  const auto named = [](const std::string& name) {
    return "{\"type\": \"name\", \"properties\": {\"name\": \"" + name + "\"}}";
  };
  // UTM zone 18S (as the 2008 GeoJSON format allowed): reprojected to WGS 84.
  GeoDocument utm = parseGeoJson(withCrs(named("urn:ogc:def:crs:EPSG::32718"), "[554143.9, 9370463.6]"));
  REQUIRE(utm.features.size() == 1);
  const LonLat p = utm.features[0].geometry.parts[0][0][0];
  CHECK(p.lon == Approx(-74.5110306850961).margin(1e-7));  // gdaltransform's figures
  CHECK(p.lat == Approx(-5.69521787288103).margin(1e-7));
  CHECK(utm.crs == "urn:ogc:def:crs:EPSG::32718");
  CHECK(utm.crs_note == "reprojected from WGS 84 / UTM zone 18S (urn:ogc:def:crs:EPSG::32718) to WGS 84");
  // The draft's {"type": "EPSG", "properties": {"code": N}} too.
  const GeoDocument north = parseGeoJson(
      withCrs(R"({"type": "EPSG", "properties": {"code": 32618}})", "[500000, 4540000]"));
  CHECK(north.features[0].geometry.parts[0][0][0].lon == Approx(-75).margin(1e-9));
  CHECK(north.features[0].geometry.parts[0][0][0].lat == Approx(41.0111966726172).margin(1e-7));
  // Reprojected positions are still checked, and the message shows both.
  CHECK(geoError(withCrs(named("EPSG:32618"), "[500000, 1e12]")) ==
        "3:88: position [500000, 1000000000000] cannot be reprojected from WGS 84 / UTM zone 18N "
        "to WGS 84; expected a position inside the area of that system");
  // A name PROJ does not know, and a crs that is not a name: refused where they are.
  CHECK(geoError(withCrs(named("EPSG:999999"), "[1, 2]"))
            .starts_with("2:48: the file's coordinates are in EPSG:999999: PROJ does not know"));
  CHECK(geoError(withCrs(R"({"type": "link", "properties": {"href": "x.prj"}})", "[1, 2]"))
            .starts_with("2:8: \"crs\" is an object, not a named crs; expected {\"type\": \"name\""));
  // NAD83 and ETRS89 are within about a metre of WGS 84 for a map: taken as they are.
  for (const char* name : {"urn:ogc:def:crs:EPSG::4269", "EPSG:4269", "urn:ogc:def:crs:OGC:1.3:CRS83",
                           "urn:ogc:def:crs:EPSG::4258", "http://www.opengis.net/def/crs/EPSG/0/4258"}) {
    INFO(name);
    const GeoDocument d = parseGeoJson(withCrs(named(name), "[-77.2, 41.2]"));
    CHECK(d.features[0].geometry.parts[0][0][0] == LonLat{-77.2, 41.2});
    CHECK(d.crs_note.find("taken as WGS 84 (within about a metre)") != std::string::npos);
  }
  // CRS84 and EPSG:4326 are WGS 84 longitude / latitude: accepted as RFC 7946 data.
  for (const char* name :
       {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"})
    CHECK(geoError("{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", "
                   "\"properties\": {\"name\": \"" +
                   std::string(name) + "\"}}, \"features\": [" +
                   feature(R"({"type": "Point", "coordinates": [2, 1]})") + "]}") == "no error");
}

TEST_CASE("geojson: a null geometry is skipped and counted, not a refusal of the file",
          "[geojson]") {
  // RFC 7946 3.2: "geometry": null is an unlocated feature; so is one without a geometry.
  const GeoDocument d = parseGeoJson(collection(
      feature("null") + ",\n" + feature(R"({"type": "Point", "coordinates": [1, 2]})") +
      ",\n{\"type\": \"Feature\", \"properties\": {\"name\": \"nowhere\"}}"));
  REQUIRE(d.features.size() == 1);
  CHECK(d.null_geometries == 2);
  CHECK(d.features[0].geometry.parts[0][0][0] == LonLat{1, 2});
  CHECK(d.features[0].pos.line == 3);
}

TEST_CASE("geojson: a top-level Feature, a bare geometry and GeometryCollections are read",
          "[geojson]") {
  // osmium's own example: one Feature as the whole file.
  const GeoDocument one = parseGeoJson(
      R"({"type": "Feature", "id": 5, "geometry": {"type": "Point", "coordinates": [3, 4]}, )"
      R"("properties": {"name": "Hut"}})");
  REQUIRE(one.features.size() == 1);
  CHECK(one.features[0].id_json == "5");
  CHECK(one.features[0].properties[0].json == "\"Hut\"");
  CHECK(parseGeoJson(R"({"type": "Feature", "geometry": null, "properties": {}})").null_geometries == 1);
  const GeoDocument bare = parseGeoJson(R"({"type": "LineString", "coordinates": [[0, 0], [1, 1]]})");
  REQUIRE(bare.features.size() == 1);
  CHECK(bare.features[0].geometry.type == GeoType::LineString);
  CHECK(bare.features[0].properties.empty());
  // A collection inside a collection is flattened into it.
  const GeoDocument gc = parseGeoJson(collection(feature(
      R"({"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, 1]},)"
      R"( {"type": "GeometryCollection", "geometries": [{"type": "LineString", "coordinates": [[0, 0], [2, 2]]}]}]})")));
  REQUIRE(gc.features.size() == 1);
  const GeoGeometry& g = gc.features[0].geometry;
  CHECK(g.type == GeoType::GeometryCollection);
  REQUIRE(g.members.size() == 2);
  CHECK(g.members[0].type == GeoType::Point);
  CHECK(g.members[1].type == GeoType::LineString);
  CHECK(geoError(collection(feature(R"({"type": "GeometryCollection", "geometries": [null]})"))) ==
        "2:88: a member of \"geometries\" is null; expected a geometry");
  CHECK(geoError(collection(feature(
            R"({"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [500, 1]}]})"))) ==
        "2:122: longitude 500 is out of range; expected -180 to 180");
  // Written back as a collection.
  const std::string text = writeFeatureCollection(gc.features);
  CHECK(text.find("\"type\": \"GeometryCollection\",\n        \"geometries\": [\n          {\n"
                  "            \"type\": \"Point\",") != std::string::npos);
  const GeoDocument back = parseGeoJson(text);
  CHECK(back.features[0].geometry.members.size() == 2);
  CHECK(writeFeatureCollection(back.features) == text);
}

TEST_CASE("geojson: nesting deeper than 64 levels is refused where it starts, never a crash",
          "[geojson]") {
  // 100,000 levels crashed the importer (a recursion in the JSON library's dump()).
  std::string deep = "{\"type\": \"FeatureCollection\", \"features\": [" + feature(
      R"({"type": "Point", "coordinates": )" + std::string(100000, '[') + std::string(100000, ']') + "}") + "]}";
  CHECK(geoError(deep) ==
        "1:178: arrays and objects nest deeper than 64 levels here; expected at most 64 (a "
        "GeoJSON MultiPolygon needs 9)");
  // Deep properties too, and brackets inside strings do not count.
  const std::string props = "{\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"a\": \"" +
                            std::string(200, '[') + "\", \"b\": " + std::string(70, '[') +
                            std::string(70, ']') + "}}";
  CHECK(geoError(props).starts_with("1:330: arrays and objects nest deeper than 64"));
  CHECK(findJsonDepthExcess("[[[]]]", 3) == std::nullopt);
  CHECK(findJsonDepthExcess("[[[[]]]]", 3) == std::optional<std::size_t>(3));
  CHECK(findJsonDepthExcess(R"(["[[[[", {"x": "\"[[[["}])", 2) == std::nullopt);
}

TEST_CASE("geojson: a feature's properties are limited in size", "[geojson]") {
  const std::string big = "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
                          "\"coordinates\": [0, 0]}, \"properties\": {\"note\": \"" +
                          std::string(300 * 1024, 'x') + "\"}}";
  CHECK(geoError(big) ==
        "1:89: the feature's properties take more than 256 KB as JSON; expected at most that "
        "much per feature");
}

TEST_CASE("geojson: what is not JSON is refused without quoting it; long tokens are cut",
          "[geojson]") {
  // A file of another kind (here /etc/passwd's first line) is not echoed.
  CHECK(geoError("root:x:0:0:root:/root:/bin/bash\n") ==
        "1:1: the file does not start with '{' or '[', so it is no JSON object; expected a "
        "GeoJSON object");
  const std::string err = geoError("{\"features\": [\n  \"" + std::string(5000, 'y'));
  CHECK(err.size() < 200);
  CHECK(err.find("last read: '\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy...'") != std::string::npos);
}

TEST_CASE("geojson: the liaison marker says the file is Liaison's own", "[geojson]") {
  const std::string features = "[" + feature(R"({"type": "Point", "coordinates": [1, 2]})") + "]";
  CHECK(parseGeoJson("{\"type\": \"FeatureCollection\", \"liaison\": {\"format\": \"features\", "
                     "\"version\": 1}, \"features\": " + features + "}").liaison_marker);
  CHECK_FALSE(parseGeoJson("{\"type\": \"FeatureCollection\", \"features\": " + features + "}")
                  .liaison_marker);
  CHECK(geoError("{\"type\": \"FeatureCollection\", \"liaison\": true, \"features\": []}") ==
        "1:42: the \"liaison\" member is true; expected {\"format\": \"features\", \"version\": 1} as "
        "Liaison's export writes it (or no \"liaison\" member in a file from another program)");
  CHECK(geoError("{\"type\": \"FeatureCollection\", \"liaison\": {\"version\": 2}, \"features\": []}") ==
        "1:42: the file is in Liaison's features format version 2, written by another version "
        "of Liaison; expected version 1");
  const std::string written = writeFeatureCollection({}, true);
  CHECK(written ==
        "{\n  \"type\": \"FeatureCollection\",\n  \"liaison\": {\"format\": \"features\", "
        "\"version\": 1},\n  \"features\": []\n}\n");
  CHECK(parseGeoJson(written).liaison_marker);
}
