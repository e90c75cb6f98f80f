// Scenario folders (docs/scenario-format.md), writing: every CSV file from its field table
// (core/model/entity_fields.hpp) and the map features as GeoJSON, deterministically, so
// export -> import -> export gives byte-identical files.
#include <nlohmann/json.hpp>

#include <fstream>

#include "core/formats/geojson.hpp"
#include "core/formats/output_file.hpp"
#include "core/formats/record_csv.hpp"
#include "core/formats/scenario.hpp"
#include "core/formats/scenario_files.hpp"

namespace liaison::core {

namespace {

void writeFile(const std::filesystem::path& path, const std::string& content) {
  writeOutputFile(path, content);  // contacts may be sensitive: owner-only
}

std::vector<GeoFeature> toGeoFeatures(const std::vector<MapFeature>& features) {
  std::vector<GeoFeature> out;
  for (const MapFeature& f : features) {
    GeoFeature g;
    g.id_json = std::to_string(f.id);
    g.geometry.type = f.geometry == GeometryKind::Point  ? GeoType::Point
                      : f.geometry == GeometryKind::Line ? GeoType::LineString
                                                         : GeoType::Polygon;
    g.geometry.parts.push_back(f.rings);
    const auto prop = [&](const std::string& key, const nlohmann::json& v) {
      g.properties.push_back(GeoProperty{key, v.dump(), {}});
    };
    prop("kind", std::string(toString(f.kind)));
    if (!f.label.empty()) prop("label", f.label);
    if (f.agency != 0) prop("agency", f.agency);
    if (f.incident != 0) prop("incident", f.incident);
    prop("layer", f.layer);
    // Written by indenting each level: refuse what could not have been imported (too deep).
    if (findJsonDepthExcess(f.properties_json, kMaxJsonDepth))
      throw std::runtime_error("map feature " + std::to_string(f.id) +
                               ": its properties nest deeper than " +
                               std::to_string(kMaxJsonDepth) + " levels; cannot export them");
    const auto extra =
        nlohmann::json::parse(f.properties_json.empty() ? "{}" : f.properties_json, nullptr, false);
    if (extra.is_object())
      for (const auto& [key, value] : extra.items())
        if (key != "kind" && key != "label" && key != "agency" && key != "incident" &&
            key != "layer")
          prop(key, value);
    out.push_back(std::move(g));
  }
  return out;
}

template <class R>
void writeCsv(const std::filesystem::path& dir, const std::vector<R>& records) {
  std::vector<std::string> names;
  for (const ColumnSpec& c : csvrec::columns<R>()) names.push_back(c.name);
  std::string out(kCsvBom);
  appendCsvRecord(out, names);
  for (const R& r : records) appendCsvRecord(out, csvrec::format(r));
  writeFile(dir / fields::Table<R>::csvFile, out);
}

}  // namespace

void exportScenario(const Snapshot& snap, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  writeCsv(dir, snap.incidents);
  writeCsv(dir, snap.periods);
  writeCsv(dir, snap.agencies);
  writeCsv(dir, snap.representatives);
  std::vector<std::string> names{"representative"};
  for (const ColumnSpec& c : csvrec::columns<ContactMethod>()) names.push_back(c.name);
  std::string contacts(kCsvBom);
  appendCsvRecord(contacts, names);
  for (const Representative& r : snap.representatives)
    for (const ContactMethod& c : r.contacts) {
      std::vector<std::string> cells{std::to_string(r.id)};
      for (auto& cell : csvrec::format(c)) cells.push_back(std::move(cell));
      appendCsvRecord(contacts, cells);
    }
  writeFile(dir / kContactsFile, contacts);
  writeCsv(dir, snap.channels);
  writeCsv(dir, snap.needs);
  writeCsv(dir, snap.events);
  writeCsv(dir, snap.tasks);
  writeCsv(dir, snap.infrastructure);
  writeCsv(dir, snap.messages);
  // With the "liaison" marker: importing the file alone (liaison import features.geojson)
  // keeps its ids, kinds and layers instead of taking it for another program's layer.
  writeFile(dir / kFeaturesFile,
            writeFeatureCollection(toGeoFeatures(snap.features), /*liaison_marker=*/true));
}

}  // namespace liaison::core
