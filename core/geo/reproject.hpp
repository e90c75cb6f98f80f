// Coordinate reference systems of files from other programs: which declared CRS is WGS 84
// longitude / latitude already (or a datum within about a metre of it, as NAD83 and ETRS89 are
// for a map), and a transform of any other CRS PROJ knows (libproj, the library QGIS and GDAL
// use) to WGS 84 longitude / latitude.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/model/model.hpp"

namespace liaison::core::geo {

enum class CrsClass {
  Wgs84,      // OGC CRS84, EPSG:4326: the coordinates are used as they are
  NearWgs84,  // NAD83 (EPSG:4269, OGC CRS83), ETRS89 (EPSG:4258): within about a metre of WGS 84
  Other,      // anything else: reproject
};

// Classifies a CRS name as GeoJSON 2008 files, GDAL and QGIS write it: "EPSG:4269",
// "urn:ogc:def:crs:EPSG::4269", "urn:ogc:def:crs:EPSG:6.6:4269", "urn:ogc:def:crs:OGC:1.3:CRS84",
// "http://www.opengis.net/def/crs/EPSG/0/4258", "CRS:84". `label` receives a short name for
// messages ("NAD83 (EPSG:4269)") when it is given.
CrsClass classifyCrs(std::string_view name, std::string* label = nullptr);

// A transform from one CRS to WGS 84 longitude / latitude, with both sides in the order GIS
// software writes coordinates (easting then northing, longitude then latitude), as GeoJSON
// files hold them whatever the CRS's official axis order.
class CrsTransform {
 public:
  // Throws std::invalid_argument with PROJ's reason when the CRS is unknown or cannot be
  // transformed to WGS 84.
  explicit CrsTransform(const std::string& crs);
  ~CrsTransform();
  CrsTransform(const CrsTransform&) = delete;
  CrsTransform& operator=(const CrsTransform&) = delete;

  // PROJ's name of the source CRS, e.g. "WGS 84 / UTM zone 18S".
  const std::string& sourceName() const { return m_name; }
  // The position in WGS 84; nullopt when it is outside what the CRS can transform.
  std::optional<LonLat> toWgs84(double x, double y) const;

 private:
  void* m_ctx = nullptr;  // PJ_CONTEXT*
  void* m_pj = nullptr;   // PJ*
  std::string m_name;
};

}  // namespace liaison::core::geo
