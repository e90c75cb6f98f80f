// The files people hand a liaison officer, read through GDAL/OGR (the library QGIS and ogr2ogr
// are built on): map layers as KML/KMZ (Google Earth, ATAK exports), GPX, Shapefile,
// GeoPackage, GeoJSONSeq and FlatGeobuf in any declared CRS (reprojected to WGS 84), and a
// scenario folder kept as one workbook (XLSX or ODS, one sheet per CSV file). What a file is,
// is decided by its content (magic bytes, the archive's members, the XML root), the extension
// only breaking ties.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/csv.hpp"

namespace liaison::core {

enum class InputKind {
  Folder,      // a scenario folder
  GeoJson,     // RFC 7946 (Liaison's own reader)
  MbTiles,     // an SQLite file that is no GeoPackage: a basemap
  GeoPackage,  // OGC GeoPackage (SQLite with application_id GPKG)
  Kml,
  Kmz,         // a ZIP archive holding a .kml
  Gpx,
  Shapefile,   // a .shp (its .dbf, .shx and .prj beside it), or a ZIP archive holding one
  GeoJsonSeq,  // RFC 8142, or newline-delimited GeoJSON features
  FlatGeobuf,
  Xlsx,        // Office Open XML workbook
  Ods,         // OpenDocument spreadsheet
  Unknown,
};
std::string_view toString(InputKind kind);  // "KML", "GeoPackage", "XLSX workbook", ...

// What `path` holds, from its first bytes (and, for a ZIP archive, its members). `why` says
// why a file is Unknown (e.g. "a ZIP archive holding neither a workbook, a .kml nor a .shp").
// Throws ImportError (file, 0, 0) for a path that is no regular file or folder.
InputKind sniffInput(const std::filesystem::path& path, std::string* why = nullptr);

bool isMapLayerKind(InputKind kind);  // GeoPackage .. FlatGeobuf
bool isWorkbookKind(InputKind kind);  // Xlsx, Ods

// Limits on what a foreign layer may hold (docs/scenario-format.md, "Files and limits").
inline constexpr std::size_t kMaxForeignFileBytes = 512ull << 20;  // the file (or archive)
inline constexpr std::size_t kMaxForeignFeatures = 200'000;        // over all its layers
inline constexpr std::size_t kMaxForeignVertices = 5'000'000;      // over all its features

// Every vector layer of a map file as one GeoJSON FeatureCollection text in WGS 84 (longitude,
// latitude), for the GeoJSON importer's foreign-layer rules. Each feature keeps its attributes
// as properties (and `source_layer`, the layer's name, when the file has several); features
// without a geometry and degenerate geometries (a line of one point, a ring of fewer than four)
// are skipped and counted. GPX's route_points and track_points layers repeat the routes' and
// tracks' points and are left out. Throws ImportError naming `label` (and the layer and
// feature) when GDAL cannot read the file, a CRS cannot be reprojected, coordinates fall
// outside -180..180 / -90..90, or a limit is passed.
struct ForeignLayers {
  std::string geojson;
  std::size_t features = 0;
  std::size_t skipped = 0;
  std::vector<std::string> notes;  // what was skipped and why, how coordinates were taken
};
ForeignLayers readForeignLayers(const std::filesystem::path& path, InputKind kind,
                                const std::string& label);

// A workbook's sheets as CSV records: record line = the sheet's row number, field column = its
// column number, every cell as text (numbers as written, booleans as 1/0). Completely empty
// rows are left out (as the CSV reader skips empty lines) and every row is padded to the
// header's width. Throws ImportError naming `label` when GDAL cannot read it or a sheet passes
// the CSV limits (kMaxCsvBytes of cells, kMaxCsvCellBytes in one cell).
struct WorkbookSheet {
  std::string name;
  std::vector<CsvRecord> records;
};
std::vector<WorkbookSheet> readWorkbook(const std::filesystem::path& path, InputKind kind,
                                        const std::string& label);

}  // namespace liaison::core
