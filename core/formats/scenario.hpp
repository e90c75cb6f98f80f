// Scenario exchange: a folder of CSV files (one per entity, stable headers) plus GeoJSON for
// map features, as people keep them in spreadsheets. The format is documented column by
// column in docs/scenario-format.md. Import is atomic; export is deterministic, so
// export -> import -> export is byte-identical.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/formats/foreign_files.hpp"
#include "core/model/errors.hpp"
#include "core/store/store.hpp"

namespace liaison::core {

struct ImportSummary {
  int agencies = 0, representatives = 0, contacts = 0, channels = 0, needs = 0, incidents = 0,
      periods = 0, events = 0, tasks = 0, features = 0, infrastructure = 0,
      messages = 0;
  int features_skipped = 0;  // GeoJSON features without a geometry (null): nothing to draw
  // What was read with a remark, one line each, for the summary: features skipped, a CRS taken
  // as WGS 84 or reprojected ("layer.geojson: reprojected from ... to WGS 84").
  std::vector<std::string> notes;
  std::uint64_t revision = 0;
};

// Reads every file first, validates all of it, then applies it as one transaction.
// Throws ImportError (nothing written) on the first problem.
ImportSummary importScenario(const std::filesystem::path& dir, Store& store,
                             const std::string& actor = "import");

// Imports only map features from one GeoJSON FeatureCollection (same properties as a scenario
// folder's features.geojson), as one transaction; errors name the file, line and column.
ImportSummary importFeatures(const std::filesystem::path& geojson, Store& store,
                             const std::string& actor = "import");

// Imports a map layer written by another program and read through GDAL (KML/KMZ, GPX,
// Shapefile, GeoPackage, GeoJSONSeq, FlatGeobuf; see foreign_files.hpp) as the layer named
// after the file, with the foreign GeoJSON layer's rules; importing it again replaces it.
ImportSummary importForeignLayer(const std::filesystem::path& file, InputKind kind, Store& store,
                                 const std::string& actor = "import");

// Imports a scenario folder kept as one workbook (XLSX or ODS: one sheet per CSV file, named as
// the file without .csv, the same columns), with the folder's rules; errors name
// BOOK:sheet:row:column. Sheets that are no scenario file are ignored and named in the notes.
ImportSummary importScenarioWorkbook(const std::filesystem::path& book, InputKind kind,
                                     Store& store, const std::string& actor = "import");

// Writes the workspace as a scenario folder (creates dir; overwrites the known files).
void exportScenario(const Snapshot& snapshot, const std::filesystem::path& dir);

}  // namespace liaison::core
