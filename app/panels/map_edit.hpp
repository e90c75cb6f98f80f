// The map view's editing and picking rules, without ImGui: the features a click or a drawn zone
// becomes (checked against core's rules before the view emits them), hit tests in screen
// space, and the hover tooltip's lines from a feature's GeoJSON properties.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::app {

struct MapScreenPoint {
  float x = 0, y = 0;
};

// Point kinds the "Add point" combo offers, in order, with their labels.
struct MapKindChoice {
  core::FeatureKind kind;
  const char* label;
};
const std::vector<MapKindChoice>& pointKindChoices();
const char* featureKindLabel(core::FeatureKind kind);

// A coordinate as stored: longitude wrapped into [-180, 180), both rounded to 1e-7 degrees
// (about a centimetre), so the workspace and its GeoJSON export hold no float noise.
core::LonLat tidyLonLat(core::LonLat p);

// A new point feature in the liaison's own layer ("workspace"); id 0 lets the store allocate.
core::MapFeature newPointFeature(core::LonLat at, core::FeatureKind kind, std::string label,
                                 core::Id incident);
// Vertices that differ from every one before them (a double-click adds one twice).
std::size_t distinctVertices(const std::vector<core::LonLat>& vertices);
// A zone (Polygon, kind zone) with the vertices as its closed outer ring: repeated
// consecutive vertices dropped, the first repeated at the end (RFC 7946).
core::MapFeature newZoneFeature(const std::vector<core::LonLat>& vertices, std::string label,
                                core::Id incident);

// Hit tests in screen space.
float distanceToSegment(MapScreenPoint p, MapScreenPoint a, MapScreenPoint b);
bool insidePolygon(MapScreenPoint p, const std::vector<MapScreenPoint>& ring);

// "key: value" lines of a JSON object's members (strings unquoted, the rest as compact JSON),
// at most `max_lines`; when there are more the last line says how many were left out.
// Anything but an object gives no lines.
std::vector<std::string> propertyLines(const std::string& properties_json, std::size_t max_lines);

}  // namespace liaison::app
