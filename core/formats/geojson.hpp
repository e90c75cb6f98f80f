// GeoJSON (RFC 7946) FeatureCollections: a reader that checks geometries and reports every
// problem at its line and character column, and a deterministic pretty writer (stable key
// order, shortest round-trip numbers) so exported files diff cleanly.
#pragma once

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

enum class GeoType { Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon };
std::string_view toString(GeoType type);

// Each part is a list of rings: a point is one ring of one position, a line string one ring,
// a polygon its outer ring then its holes (closed: first == last). Single geometries have one
// part; Multi* geometries one part per member.
struct GeoGeometry {
  GeoType type = GeoType::Point;
  std::vector<std::vector<std::vector<LonLat>>> parts;
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

// Parses a FeatureCollection. Refuses (GeoJsonError) invalid UTF-8, JSON syntax errors, other
// top-level types, features without a geometry, GeometryCollection, malformed coordinates,
// positions outside -180..180 / -90..90, line strings with fewer than 2 positions, and polygon
// rings with fewer than 4 positions or not closed. A third coordinate (altitude) is ignored.
std::vector<GeoFeature> parseFeatureCollection(std::string_view text);

// Writes a FeatureCollection: two-space indentation, LF, members in the order type, id,
// geometry, properties; each position on one line; numbers in their shortest exact form.
std::string writeFeatureCollection(const std::vector<GeoFeature>& features);

}  // namespace liaison::core
