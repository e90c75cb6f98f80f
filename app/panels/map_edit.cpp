#include "map_edit.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace liaison::app {

const std::vector<MapKindChoice>& pointKindChoices() {
  using K = core::FeatureKind;
  static const std::vector<MapKindChoice> kChoices = {
      {K::IncidentSite, "Incident site"},
      {K::CommandPost, "Command post"},
      {K::StagingArea, "Staging area"},
      {K::Shelter, "Shelter"},
      {K::Hospital, "Hospital"},
      {K::Landmark, "Landmark"},
      {K::Other, "Other"},
  };
  return kChoices;
}

const char* featureKindLabel(core::FeatureKind kind) {
  using K = core::FeatureKind;
  switch (kind) {
    case K::Zone:
      return "Zone";
    case K::Road:
      return "Road";
    case K::River:
      return "River";
    case K::Boundary:
      return "Boundary";
    default:
      break;
  }
  for (const MapKindChoice& c : pointKindChoices())
    if (c.kind == kind) return c.label;
  return "Other";
}

core::LonLat tidyLonLat(core::LonLat p) {
  auto round7 = [](double v) { return std::round(v * 1e7) / 1e7; };
  double lon = std::fmod(p.lon + 180.0, 360.0);
  if (lon < 0) lon += 360.0;
  return {round7(lon - 180.0), round7(p.lat)};
}

core::MapFeature newPointFeature(core::LonLat at, core::FeatureKind kind, std::string label,
                                 core::Id incident) {
  core::MapFeature f;
  f.geometry = core::GeometryKind::Point;
  f.kind = kind;
  f.label = std::move(label);
  f.incident = incident;
  f.layer = "workspace";
  f.rings = {{tidyLonLat(at)}};
  return f;
}

std::size_t distinctVertices(const std::vector<core::LonLat>& vertices) {
  std::vector<core::LonLat> seen;
  for (const core::LonLat& v : vertices) {
    bool dup = false;
    for (const core::LonLat& s : seen) dup = dup || s == v;
    if (!dup) seen.push_back(v);
  }
  return seen.size();
}

core::MapFeature newZoneFeature(const std::vector<core::LonLat>& vertices, std::string label,
                                core::Id incident) {
  core::MapFeature f;
  f.geometry = core::GeometryKind::Polygon;
  f.kind = core::FeatureKind::Zone;
  f.label = std::move(label);
  f.incident = incident;
  f.layer = "workspace";
  std::vector<core::LonLat> ring;
  for (const core::LonLat& v : vertices) {
    const core::LonLat t = tidyLonLat(v);
    if (ring.empty() || !(ring.back() == t)) ring.push_back(t);
  }
  while (ring.size() > 1 && ring.back() == ring.front()) ring.pop_back();
  if (!ring.empty()) ring.push_back(ring.front());
  f.rings = {ring};
  return f;
}

float distanceToSegment(MapScreenPoint p, MapScreenPoint a, MapScreenPoint b) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len2 = dx * dx + dy * dy;
  float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0f;
  t = std::fmax(0.0f, std::fmin(1.0f, t));
  const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return std::sqrt(ex * ex + ey * ey);
}

bool insidePolygon(MapScreenPoint p, const std::vector<MapScreenPoint>& ring) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const MapScreenPoint& a = ring[i];
    const MapScreenPoint& b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

std::vector<std::string> propertyLines(const std::string& properties_json, std::size_t max_lines) {
  std::vector<std::string> out;
  const nlohmann::json j = nlohmann::json::parse(properties_json, nullptr, false);
  if (!j.is_object() || max_lines == 0) return out;
  const std::size_t n = j.size();
  for (const auto& [key, value] : j.items()) {
    if (out.size() + 1 == max_lines && n > max_lines) {
      out.push_back("... " + std::to_string(n - out.size()) + " more");
      break;
    }
    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (text.size() > 80) {
      std::size_t cut = 77;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut) + "...";
    }
    out.push_back(key + ": " + text);
  }
  return out;
}

}  // namespace liaison::app
