// GeoJSON (RFC 7946): a reader that checks geometries and reports every problem at its line and
// character column, and a deterministic pretty writer of FeatureCollections (stable key order,
// shortest round-trip numbers) so exported files diff cleanly.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::core {

struct TextPos {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in characters (UTF-8 code points)
};

class GeoJsonError : public std::runtime_error {
 public:
  GeoJsonError(TextPos pos, const std::string& reason) : std::runtime_error(reason), m_pos(pos) {}
  TextPos pos() const { return m_pos; }

 private:
  TextPos m_pos;
};

enum class GeoType {
  Point,
  LineString,
  Polygon,
  MultiPoint,
  MultiLineString,
  MultiPolygon,
  GeometryCollection
};
std::string_view toString(GeoType type);

// Each part is a list of rings: a point is one ring of one position, a line string one ring,
// a polygon its outer ring then its holes (closed: first == last). Single geometries have one
// part; Multi* geometries one part per member. A GeometryCollection has no parts of its own but
// its member geometries (collections inside it flattened into it).
struct GeoGeometry {
  GeoType type = GeoType::Point;
  std::vector<std::vector<std::vector<LonLat>>> parts;
  std::vector<GeoGeometry> members;  // GeometryCollection only
};

// One property: its key, its value as compact JSON text, and where the value starts.
struct GeoProperty {
  std::string key;
  std::string json;
  TextPos pos;
};

struct GeoFeature {
  TextPos pos;          // the feature object's opening brace
  std::string id_json;  // the "id" member as compact JSON text, "" when absent
  TextPos id_pos;
  GeoGeometry geometry;
  std::vector<GeoProperty> properties;  // reader: sorted by key; writer: in this order
  TextPos properties_pos;               // the properties object, or the feature when absent/null
};

// Limits on what a GeoJSON file may hold (docs/scenario-format.md, "Limits").
inline constexpr int kMaxJsonDepth = 64;  // nested arrays and objects; a MultiPolygon needs 9
inline constexpr std::size_t kMaxPropertiesBytes = 256 * 1024;  // one feature's, as JSON

// What a GeoJSON file holds: its features (a FeatureCollection's, a top-level Feature, or a
// top-level geometry as one feature without properties), what was skipped, and how its
// coordinates were taken.
struct GeoDocument {
  std::vector<GeoFeature> features;
  int null_geometries = 0;  // features whose "geometry" is null (or absent): skipped
  // The top level has a "liaison" member: the file was written by Liaison's export.
  bool liaison_marker = false;
  std::string crs;  // the declared "crs" name, "" when none (RFC 7946: WGS 84)
  // How the coordinates were taken when a crs is declared: "" (WGS 84 as it is), or a note
  // such as "NAD83 (EPSG:4269) taken as WGS 84 (within about a metre)" or "reprojected from
  // WGS 84 / UTM zone 18S (urn:ogc:def:crs:EPSG::32718) to WGS 84".
  std::string crs_note;
};

// Parses a GeoJSON text (RFC 7946). Refuses (GeoJsonError, at the offending value's line and
// character column) invalid UTF-8, JSON syntax errors, nesting deeper than kMaxJsonDepth, top-level
// values that are no GeoJSON object, malformed coordinates, positions outside -180..180 /
// -90..90 (after reprojection), line strings with fewer than 2 positions, polygon rings with
// fewer than 4 positions or not closed, a feature's properties above kMaxPropertiesBytes, and a
// crs PROJ does not know. A null geometry is skipped and counted. A third coordinate (altitude)
// is ignored. A declared crs: WGS 84 as it is, NAD83 / ETRS89 taken as WGS 84, any other
// reprojected with PROJ.
GeoDocument parseGeoJson(std::string_view text);

// parseGeoJson(text).features.
std::vector<GeoFeature> parseFeatureCollection(std::string_view text);

// The first offset where arrays and objects nest deeper than `max_depth`, or nullopt. Strings
// are skipped; the text need not be valid JSON.
std::optional<std::size_t> findJsonDepthExcess(std::string_view text, int max_depth);

// Writes a FeatureCollection: two-space indentation, LF, members in the order type, liaison
// (the marker {"format": "features", "version": 1}, when `liaison_marker`), features; in each
// feature type, id, geometry, properties; each position on one line; numbers in their shortest
// exact form.
std::string writeFeatureCollection(const std::vector<GeoFeature>& features,
                                   bool liaison_marker = false);

}  // namespace liaison::core
