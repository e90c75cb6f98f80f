#include "core/formats/foreign_files.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <nlohmann/json.hpp>

#include "core/formats/geojson.hpp"
#include "core/formats/input_file.hpp"
#include "core/model/errors.hpp"

namespace liaison::core {

namespace fs = std::filesystem;

std::string_view toString(InputKind kind) {
  switch (kind) {
    case InputKind::Folder: return "scenario folder";
    case InputKind::GeoJson: return "GeoJSON";
    case InputKind::MbTiles: return "MBTiles";
    case InputKind::GeoPackage: return "GeoPackage";
    case InputKind::Kml: return "KML";
    case InputKind::Kmz: return "KMZ";
    case InputKind::Gpx: return "GPX";
    case InputKind::Shapefile: return "Shapefile";
    case InputKind::GeoJsonSeq: return "GeoJSONSeq";
    case InputKind::FlatGeobuf: return "FlatGeobuf";
    case InputKind::Xlsx: return "XLSX workbook";
    case InputKind::Ods: return "ODS workbook";
    case InputKind::Unknown: return "unknown";
  }
  return "unknown";
}

bool isMapLayerKind(InputKind k) {
  return k == InputKind::GeoPackage || k == InputKind::Kml || k == InputKind::Kmz ||
         k == InputKind::Gpx || k == InputKind::Shapefile || k == InputKind::GeoJsonSeq ||
         k == InputKind::FlatGeobuf;
}

bool isWorkbookKind(InputKind k) { return k == InputKind::Xlsx || k == InputKind::Ods; }

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void initGdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Reading never writes side files (.aux.xml) beside the user's file.
    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
    GDALAllRegister();
  });
}

// GDAL's messages while one call runs, instead of its default printing to stderr.
class GdalErrors {
 public:
  GdalErrors() { CPLPushErrorHandlerEx(&GdalErrors::handle, this); }
  ~GdalErrors() { CPLPopErrorHandler(); }
  GdalErrors(const GdalErrors&) = delete;
  GdalErrors& operator=(const GdalErrors&) = delete;
  std::string last() const { return m_last; }

 private:
  static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* msg) {
    auto* self = static_cast<GdalErrors*>(CPLGetErrorHandlerUserData());
    if (self && level >= CE_Failure && msg) self->m_last = msg;
  }
  std::string m_last;
};

// A GDAL configuration option for this thread while in scope.
class ThreadConfig {
 public:
  ThreadConfig(std::string key, const char* value) : m_key(std::move(key)) {
    if (const char* old = CPLGetThreadLocalConfigOption(m_key.c_str(), nullptr)) m_old = old;
    CPLSetThreadLocalConfigOption(m_key.c_str(), value);
  }
  ~ThreadConfig() {
    CPLSetThreadLocalConfigOption(m_key.c_str(), m_old ? m_old->c_str() : nullptr);
  }
  ThreadConfig(const ThreadConfig&) = delete;
  ThreadConfig& operator=(const ThreadConfig&) = delete;

 private:
  std::string m_key;
  std::optional<std::string> m_old;
};

// "/vsizip/{/abs/archive}/member": the braces keep a path holding ".zip/" in one piece.
std::string inZip(const fs::path& archive, const std::string& member = "") {
  std::string p = "/vsizip/{" + archive.string() + "}";
  if (!member.empty()) p += "/" + member;
  return p;
}

std::vector<std::string> zipMembers(const fs::path& archive) {
  initGdal();
  GdalErrors quiet;
  std::vector<std::string> out;
  char** list = VSIReadDirRecursive(inZip(archive).c_str());
  for (char** p = list; p && *p; ++p) out.emplace_back(*p);
  CSLDestroy(list);
  return out;
}

std::string zipMemberStart(const fs::path& archive, const std::string& member, std::size_t n) {
  GdalErrors quiet;
  VSILFILE* f = VSIFOpenL(inZip(archive, member).c_str(), "rb");
  if (!f) return {};
  std::string buf(n, '\0');
  buf.resize(VSIFReadL(buf.data(), 1, n, f));
  VSIFCloseL(f);
  return buf;
}

std::string firstMember(const std::vector<std::string>& members, std::string_view ext) {
  // doc.kml first (the KMZ convention), then the first member with the extension.
  for (const std::string& m : members)
    if (lower(m) == "doc.kml" && ext == ".kml") return m;
  for (const std::string& m : members)
    if (lower(fs::path(m).extension().string()) == ext) return m;
  return {};
}

[[noreturn]] void refuse(const std::string& label, const std::string& reason) {
  throw ImportError(label, 0, 0, reason);
}

void requireRegular(const fs::path& path, const std::string& label, const std::string& what) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) refuse(label, "the file is missing; " + what);
  if (!fs::is_regular_file(st)) refuse(label, "not a regular file; " + what);
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxForeignFileBytes)
    refuse(label, "the file is " + std::to_string(size >> 20) + " MB, more than the limit of " +
                      std::to_string(kMaxForeignFileBytes >> 20) + " MB for " + what);
}

}  // namespace

InputKind sniffInput(const fs::path& path, std::string* why) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw ImportError(path.string(), 0, 0, "the file or folder is missing");
  if (fs::is_directory(st)) return InputKind::Folder;
  if (!fs::is_regular_file(st))
    throw ImportError(path.string(), 0, 0,
                      "not a regular file or folder; expected a scenario folder or a file");
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  {
    std::ifstream in(path, std::ios::binary);
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    n = static_cast<std::size_t>(in.gcount());
  }
  const std::string_view head(buf.data(), n);
  const std::string ext = lower(path.extension().string());
  auto say = [&](const std::string& w) {
    if (why) *why = w;
    return InputKind::Unknown;
  };

  if (head.starts_with(std::string_view("SQLite format 3\0", 16))) {
    // The GeoPackage's application_id, at offset 68 of the header: "GPKG" (1.2+) or "GP10".
    if (n >= 72) {
      const std::string_view app = head.substr(68, 4);
      if (app == "GPKG" || app == "GP10" || app == "GP11") return InputKind::GeoPackage;
    }
    if (ext == ".gpkg") return InputKind::GeoPackage;
    return InputKind::MbTiles;
  }
  if (head.starts_with("PK\x03\x04")) {
    const std::vector<std::string> members = zipMembers(path);
    const auto has = [&](std::string_view name) {
      return std::find(members.begin(), members.end(), name) != members.end();
    };
    if (has("[Content_Types].xml") && has("xl/workbook.xml")) return InputKind::Xlsx;
    if (has("mimetype") && zipMemberStart(path, "mimetype", 64)
                               .starts_with("application/vnd.oasis.opendocument.spreadsheet"))
      return InputKind::Ods;
    if (!firstMember(members, ".kml").empty()) return InputKind::Kmz;
    if (!firstMember(members, ".shp").empty()) return InputKind::Shapefile;
    return say("a ZIP archive holding neither a workbook (XLSX, ODS), a .kml nor a .shp");
  }
  if (head.starts_with(std::string_view("\x00\x00\x27\x0a", 4))) return InputKind::Shapefile;
  if (head.starts_with("fgb\x03")) return InputKind::FlatGeobuf;

  std::size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < n && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (i < n && head[i] == '\x1e') return InputKind::GeoJsonSeq;  // RFC 8142's record separator
  if (i < n && (head[i] == '{' || head[i] == '[')) {
    if (ext == ".geojsonl" || ext == ".geojsons" || ext == ".geojsonseq" || ext == ".jsonl" ||
        ext == ".ndjson")
      return InputKind::GeoJsonSeq;
    return InputKind::GeoJson;
  }
  if (i < n && head[i] == '<') {
    const std::string text = lower(std::string(head));
    const std::size_t kml = text.find("<kml"), gpx = text.find("<gpx");
    if (kml != std::string::npos && (gpx == std::string::npos || kml < gpx)) return InputKind::Kml;
    if (gpx != std::string::npos) return InputKind::Gpx;
    return say("an XML file that is neither KML (<kml>) nor GPX (<gpx>)");
  }
  if (ext == ".geojson" || ext == ".json") return InputKind::GeoJson;  // the reader says what is wrong
  if (ext == ".mbtiles") return InputKind::MbTiles;
  return say("its content is none of the formats Liaison reads");
}

namespace {

struct Opened {
  GDALDatasetUniquePtr ds;
  std::string gdalPath;
};

Opened openVector(const fs::path& path, InputKind kind, const std::string& label,
                  const char* const* openOptions = nullptr) {
  initGdal();
  const std::string what = "expected a " + std::string(toString(kind)) + " file";
  requireRegular(path, label, what);
  const fs::path abs = fs::absolute(path);
  std::string gdalPath = abs.string();
  std::vector<const char*> drivers;
  switch (kind) {
    case InputKind::GeoPackage: drivers = {"GPKG"}; break;
    // OGR's own KML reader (expat): it never follows a NetworkLink, unlike libkml.
    case InputKind::Kml: drivers = {"KML"}; break;
    case InputKind::Kmz: {
      drivers = {"KML"};
      const std::string member = firstMember(zipMembers(abs), ".kml");
      if (member.empty()) refuse(label, "the KMZ archive holds no .kml document");
      gdalPath = inZip(abs, member);
      break;
    }
    case InputKind::Gpx: drivers = {"GPX"}; break;
    case InputKind::Shapefile: {
      drivers = {"ESRI Shapefile"};
      std::ifstream in(abs, std::ios::binary);
      char magic[4] = {};
      in.read(magic, 4);
      if (std::string_view(magic, 4) == "PK\x03\x04") {
        const std::string member = firstMember(zipMembers(abs), ".shp");
        if (member.empty()) refuse(label, "the ZIP archive holds no .shp file");
        gdalPath = inZip(abs, member);
      }
      break;
    }
    case InputKind::GeoJsonSeq: drivers = {"GeoJSONSeq"}; break;
    case InputKind::FlatGeobuf: drivers = {"FlatGeobuf"}; break;
    case InputKind::Xlsx: drivers = {"XLSX"}; break;
    case InputKind::Ods: drivers = {"ODS"}; break;
    default: refuse(label, "not a file GDAL reads here (" + std::string(toString(kind)) + ")");
  }
  drivers.push_back(nullptr);
  GdalErrors errors;
  GDALDatasetUniquePtr ds(GDALDataset::Open(gdalPath.c_str(),
                                            GDAL_OF_VECTOR | GDAL_OF_READONLY |
                                                GDAL_OF_VERBOSE_ERROR,
                                            drivers.data(), openOptions, nullptr));
  if (!ds) {
    const std::string msg = errors.last();
    refuse(label, "cannot read it as " + std::string(toString(kind)) +
                      (msg.empty() ? std::string() : " (GDAL: " + msg + ")") + "; " + what);
  }
  return {std::move(ds), gdalPath};
}

std::size_t vertices(const OGRGeometry* g) {
  if (!g) return 0;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: return 1;
    case wkbLineString:
    case wkbLinearRing: return static_cast<std::size_t>(g->toLineString()->getNumPoints());
    case wkbPolygon: {
      const OGRPolygon* p = g->toPolygon();
      std::size_t n = vertices(p->getExteriorRing());
      for (int i = 0; i < p->getNumInteriorRings(); ++i) n += vertices(p->getInteriorRing(i));
      return n;
    }
    default:
      if (OGR_GT_IsSubClassOf(wkbFlatten(g->getGeometryType()), wkbGeometryCollection)) {
        const OGRGeometryCollection* c = g->toGeometryCollection();
        std::size_t n = 0;
        for (int i = 0; i < c->getNumGeometries(); ++i) n += vertices(c->getGeometryRef(i));
        return n;
      }
      return 0;
  }
}

nlohmann::json fieldValue(OGRFeature& f, int i) {
  if (!f.IsFieldSetAndNotNull(i)) return nullptr;
  switch (f.GetFieldDefnRef(i)->GetType()) {
    case OFTInteger:
    case OFTInteger64: return f.GetFieldAsInteger64(i);
    case OFTReal: {
      const double v = f.GetFieldAsDouble(i);
      if (std::isfinite(v)) return v;
      return nullptr;
    }
    default: return f.GetFieldAsString(i);
  }
}

std::string featureName(OGRLayer& layer, GIntBig fid) {
  return "layer \"" + std::string(layer.GetName()) + "\", feature " + std::to_string(fid);
}

}  // namespace

ForeignLayers readForeignLayers(const fs::path& path, InputKind kind, const std::string& label) {
  if (!isMapLayerKind(kind)) refuse(label, "not a map layer file");
  Opened o = openVector(path, kind, label);
  GDALDataset& ds = *o.ds;
  ForeignLayers out;
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

  std::vector<OGRLayer*> layers;
  for (OGRLayer* layer : ds.GetLayers()) {
    const std::string name = layer->GetName();
    if (kind == InputKind::Gpx && (name == "route_points" || name == "track_points")) continue;
    layers.push_back(layer);
  }
  nlohmann::json features = nlohmann::json::array();
  std::size_t totalVertices = 0;
  for (OGRLayer* layer : layers) {
    const std::string layerName = layer->GetName();
    std::unique_ptr<OGRCoordinateTransformation> toWgs;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
      std::unique_ptr<OGRSpatialReference> src(srs->Clone());
      src->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      if (!src->IsSame(&wgs84)) {
        GdalErrors errors;
        toWgs.reset(OGRCreateCoordinateTransformation(src.get(), &wgs84));
        if (!toWgs)
          refuse(label, "layer \"" + layerName + "\": its coordinate system " +
                            (src->GetName() ? std::string(src->GetName()) : std::string("?")) +
                            " cannot be reprojected to WGS 84" +
                            (errors.last().empty() ? "" : " (PROJ: " + errors.last() + ")"));
        out.notes.push_back("layer \"" + layerName + "\": reprojected from " +
                            (src->GetName() ? std::string(src->GetName()) : "its CRS") +
                            " to WGS 84");
      }
    } else if (kind == InputKind::Shapefile) {
      out.notes.push_back("layer \"" + layerName +
                          "\": no .prj beside the .shp, coordinates taken as WGS 84 "
                          "longitude/latitude");
    }
    std::size_t skippedNull = 0, skippedBad = 0;
    std::string firstBad;
    layer->ResetReading();
    for (auto& feature : *layer) {
      const GIntBig fid = feature->GetFID();
      OGRGeometry* geometry = feature->GetGeometryRef();
      if (!geometry || geometry->IsEmpty()) {
        ++skippedNull;
        continue;
      }
      std::unique_ptr<OGRGeometry> g(geometry->hasCurveGeometry() ? geometry->getLinearGeometry()
                                                                  : geometry->clone());
      if (toWgs && g->transform(toWgs.get()) != OGRERR_NONE)
        refuse(label, featureName(*layer, fid) + ": cannot be reprojected to WGS 84");
      g->flattenTo2D();
      OGREnvelope env;
      g->getEnvelope(&env);
      if (!(env.MinX >= -180 && env.MaxX <= 180 && env.MinY >= -90 && env.MaxY <= 90))
        refuse(label, featureName(*layer, fid) +
                          ": coordinates outside longitude -180..180 / latitude -90..90 (after "
                          "reprojection); is the declared coordinate system (.prj) right?");
      totalVertices += vertices(g.get());
      if (totalVertices > kMaxForeignVertices)
        refuse(label, "more than " + std::to_string(kMaxForeignVertices) +
                          " vertices; simplify the layer or split it");
      char* text = g->exportToJson();
      nlohmann::json geo = nlohmann::json::parse(text ? text : "null", nullptr, false);
      CPLFree(text);
      nlohmann::json props = nlohmann::json::object();
      for (int i = 0; i < feature->GetFieldCount(); ++i)
        props[feature->GetFieldDefnRef(i)->GetNameRef()] = fieldValue(*feature, i);
      if (layers.size() > 1) props["source_layer"] = layerName;
      nlohmann::json f = {{"type", "Feature"}, {"geometry", geo}, {"properties", props}};
      // The GeoJSON reader's rules on geometries (rings closed and of 4 positions or more,
      // lines of 2 or more): a degenerate one is skipped here, counted, and named below.
      try {
        parseGeoJson(f.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      } catch (const GeoJsonError& e) {
        if (skippedBad++ == 0) firstBad = "feature " + std::to_string(fid) + ": " + e.what();
        continue;
      }
      features.push_back(std::move(f));
      if (features.size() > kMaxForeignFeatures)
        refuse(label, "more than " + std::to_string(kMaxForeignFeatures) +
                          " features; split the file");
    }
    if (skippedNull > 0)
      out.notes.push_back("layer \"" + layerName + "\": " + std::to_string(skippedNull) +
                          " feature" + (skippedNull == 1 ? "" : "s") +
                          " without a geometry skipped: nothing to draw");
    if (skippedBad > 0)
      out.notes.push_back("layer \"" + layerName + "\": " + std::to_string(skippedBad) +
                          " degenerate geometr" + (skippedBad == 1 ? "y" : "ies") +
                          " skipped (first: " + firstBad + ")");
    out.skipped += skippedNull + skippedBad;
  }
  out.features = features.size();
  const nlohmann::json doc = {{"type", "FeatureCollection"}, {"features", std::move(features)}};
  out.geojson = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return out;
}

std::vector<WorkbookSheet> readWorkbook(const fs::path& path, InputKind kind,
                                        const std::string& label) {
  if (!isWorkbookKind(kind)) refuse(label, "not a workbook");
  // Every cell as text, and the first row as data: the scenario reader finds the header and
  // reports rows and columns as the spreadsheet numbers them.
  // GDAL 3.6 takes these as configuration options (thread-local here, restored after).
  const std::string prefix = kind == InputKind::Xlsx ? "OGR_XLSX_" : "OGR_ODS_";
  ThreadConfig headers(prefix + "HEADERS", "DISABLE");
  ThreadConfig types(prefix + "FIELD_TYPES", "STRING");
  Opened o = openVector(path, kind, label);
  std::vector<WorkbookSheet> out;
  for (OGRLayer* layer : o.ds->GetLayers()) {
    WorkbookSheet sheet;
    sheet.name = layer->GetName();
    const std::string where = label + ":" + sheet.name;
    std::size_t bytes = 0, width = 0;
    layer->ResetReading();
    for (auto& feature : *layer) {
      CsvRecord rec;
      rec.line = static_cast<int>(feature->GetFID());  // the row number (1-based)
      int last = -1;
      const int count = feature->GetFieldCount();
      for (int i = 0; i < count; ++i) {
        std::string text = feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i) : "";
        if (text.size() > kMaxCsvCellBytes)
          throw ImportError(where, rec.line, i + 1,
                            "a cell of " + std::to_string(text.size()) +
                                " bytes; expected at most " + std::to_string(kMaxCsvCellBytes));
        if (const auto bad = findInvalidUtf8(text))
          throw ImportError(where, rec.line, i + 1,
                            "the cell is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")");
        bytes += text.size();
        if (!text.empty()) last = i;
        rec.fields.push_back(CsvField{std::move(text), rec.line, i + 1});
      }
      if (last < 0) continue;  // an empty row, as the CSV reader skips an empty line
      if (bytes > kMaxCsvBytes)
        throw ImportError(where, rec.line, 1,
                          "the sheet holds more than " + std::to_string(kMaxCsvBytes >> 20) +
                              " MB of cells; expected at most that, as for a CSV file");
      if (sheet.records.empty()) width = static_cast<std::size_t>(last + 1);
      // Cells after the last filled one are empty, not missing: pad to the header's width
      // (a filled cell past it stays, for the reader to point at).
      const std::size_t keep = std::max(width, static_cast<std::size_t>(last + 1));
      rec.fields.resize(keep, CsvField{"", rec.line, 0});
      for (std::size_t c = 0; c < rec.fields.size(); ++c) rec.fields[c].column = static_cast<int>(c + 1);
      sheet.records.push_back(std::move(rec));
    }
    out.push_back(std::move(sheet));
  }
  return out;
}

}  // namespace liaison::core
