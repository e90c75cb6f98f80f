// The GeoJSON reader and writer: geometries, line:column errors, deterministic output.
#include <catch2/catch.hpp>

#include "core/formats/geojson.hpp"

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
        "2:42: GeometryCollection is not supported; expected a Point, LineString, Polygon, "
        "MultiPoint, MultiLineString or MultiPolygon (split the collection into one feature per "
        "geometry)");
  CHECK(geoError(collection(feature("null"))) ==
        "2:42: the feature has no geometry; expected a Point, LineString, Polygon, MultiPoint, "
        "MultiLineString or MultiPolygon");
  CHECK(geoError(R"({"type": "Feature", "geometry": null})") ==
        "1:1: the top level is a Feature; expected a FeatureCollection");
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

TEST_CASE("geojson: a declared crs other than WGS 84 is refused at the crs member", "[geojson]") {
  const std::string utm =
      "{\"type\": \"FeatureCollection\",\n\"crs\": {\"type\": \"name\", \"properties\": "
      "{\"name\": \"urn:ogc:def:crs:EPSG::32718\"}},\n\"features\": []}";
  const std::string err = geoError(utm);
  CHECK(err.rfind("2:8: the file's coordinates are in urn:ogc:def:crs:EPSG::32718", 0) == 0);
  CHECK(err.find("ogr2ogr -t_srs EPSG:4326") != std::string::npos);
  // CRS84 and EPSG:4326 are WGS 84 longitude / latitude: accepted as RFC 7946 data.
  for (const char* name :
       {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"})
    CHECK(geoError("{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", "
                   "\"properties\": {\"name\": \"" +
                   std::string(name) + "\"}}, \"features\": [" +
                   feature(R"({"type": "Point", "coordinates": [2, 1]})") + "]}") == "no error");
}
