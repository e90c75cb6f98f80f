// GeoJSON reader and writer; see geojson.hpp. nlohmann-json does the parsing; positions come
// from a small scanner over the (already validated) text, run only when there is an error.
#include "core/formats/geojson.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>

#include "core/formats/input_file.hpp"  // excerpt
#include "core/formats/utf8.hpp"        // findInvalidUtf8
#include "core/geo/reproject.hpp"
#include "core/model/values.hpp"  // formatNumber

namespace liaison::core {
namespace {

using nlohmann::json;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// ---- positions ---------------------------------------------------------------------------

TextPos positionOf(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  TextPos pos{1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // count code points, not continuation bytes
      ++pos.column;
    }
  }
  return pos;
}

std::size_t skipSpace(std::string_view t, std::size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
  return i;
}

std::size_t skipString(std::string_view t, std::size_t i) {  // i at the opening quote
  for (++i; i < t.size() && t[i] != '"'; ++i)
    if (t[i] == '\\') ++i;
  return i + 1;
}

std::size_t skipValue(std::string_view t, std::size_t i) {
  if (i >= t.size()) return i;
  if (t[i] == '"') return skipString(t, i);
  if (t[i] == '{' || t[i] == '[') {
    int depth = 0;
    while (i < t.size()) {
      const char c = t[i];
      if (c == '"') {
        i = skipString(t, i);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
      ++i;
    }
    return i;
  }
  while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' &&
         t[i] != '\r' && t[i] != '\t')
    ++i;
  return i;
}

// Where the value of member `key` of the object at `obj` starts (the last one, as nlohmann
// keeps the last duplicate), or npos.
std::size_t memberOffset(std::string_view t, std::size_t obj, std::string_view key) {
  std::size_t found = std::string_view::npos;
  if (obj >= t.size() || t[obj] != '{') return found;
  std::size_t i = skipSpace(t, obj + 1);
  while (i < t.size() && t[i] == '"') {
    const std::size_t keyEnd = skipString(t, i);
    const std::string_view k = t.substr(i + 1, keyEnd - i - 2);
    i = skipSpace(t, keyEnd);
    i = skipSpace(t, i + 1);  // ':'
    if (k == key) found = i;
    i = skipSpace(t, skipValue(t, i));
    if (i < t.size() && t[i] == ',') i = skipSpace(t, i + 1);
  }
  return found;
}

std::size_t elementOffset(std::string_view t, std::size_t arr, std::size_t index) {
  if (arr >= t.size() || t[arr] != '[') return std::string_view::npos;
  std::size_t i = skipSpace(t, arr + 1);
  for (std::size_t k = 0; i < t.size() && t[i] != ']'; ++k) {
    if (k == index) return i;
    i = skipSpace(t, skipValue(t, i));
    if (i < t.size() && t[i] == ',') i = skipSpace(t, i + 1);
  }
  return std::string_view::npos;
}

// The start of the token that covers `offset` (nlohmann reports the last character it read,
// which for a string or a number is its end), or offset itself between tokens.
std::size_t tokenStart(std::string_view t, std::size_t offset) {
  for (std::size_t i = skipSpace(t, 0); i < t.size() && i <= offset; i = skipSpace(t, i)) {
    const char c = t[i];
    const std::size_t end = c == '"' ? skipString(t, i)
                            : (c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':')
                                ? i + 1
                                : std::max(skipValue(t, i), i + 1);
    if (offset < end) return i;
    i = end;
  }
  return offset;
}

// The members of the object at `obj` (raw keys, value offsets) or the element offsets of the
// array at `arr`, in one scan.
std::vector<std::pair<std::string_view, std::size_t>> members(std::string_view t, std::size_t obj) {
  std::vector<std::pair<std::string_view, std::size_t>> out;
  if (obj >= t.size() || t[obj] != '{') return out;
  std::size_t i = skipSpace(t, obj + 1);
  while (i < t.size() && t[i] == '"') {
    const std::size_t keyEnd = skipString(t, i);
    const std::string_view k = t.substr(i + 1, keyEnd - i - 2);
    i = skipSpace(t, skipSpace(t, keyEnd) + 1);
    out.emplace_back(k, i);
    i = skipSpace(t, skipValue(t, i));
    if (i < t.size() && t[i] == ',') i = skipSpace(t, i + 1);
  }
  return out;
}

std::vector<std::size_t> elements(std::string_view t, std::size_t arr) {
  std::vector<std::size_t> out;
  if (arr >= t.size() || t[arr] != '[') return out;
  std::size_t i = skipSpace(t, arr + 1);
  while (i < t.size() && t[i] != ']') {
    out.push_back(i);
    i = skipSpace(t, skipValue(t, i));
    if (i < t.size() && t[i] == ',') i = skipSpace(t, i + 1);
  }
  return out;
}

// Converts increasing offsets to positions in one pass over the text (linear in total when
// the offsets come in document order; a step backwards restarts from the beginning).
class Positioner {
 public:
  explicit Positioner(std::string_view text) : m_text(text) {}
  TextPos at(std::size_t offset) {
    if (offset > m_text.size()) offset = m_text.size();
    if (offset < m_offset) {
      m_offset = 0;
      m_pos = TextPos{1, 1};
    }
    for (; m_offset < offset; ++m_offset) {
      const auto c = static_cast<unsigned char>(m_text[m_offset]);
      if (c == '\n') {
        ++m_pos.line;
        m_pos.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++m_pos.column;
      }
    }
    return m_pos;
  }

 private:
  std::string_view m_text;
  std::size_t m_offset = 0;
  TextPos m_pos{1, 1};
};

// One step into a JSON document: a member name or an array index. (Not a std::variant:
// GCC 12 warns falsely about a variant<string, size_t> being used uninitialized.)
struct PathStep {
  PathStep(std::string k) : key(std::move(k)), is_key(true) {}
  PathStep(std::size_t i) : index(i) {}
  std::string key;
  std::size_t index = 0;
  bool is_key = false;
};
using Path = std::vector<PathStep>;

// The offset of the value at `path`, or of its deepest existing ancestor.
std::size_t locate(std::string_view t, const Path& path) {
  std::size_t at = skipSpace(t, 0);
  for (const PathStep& step : path) {
    const std::size_t next =
        step.is_key ? memberOffset(t, at, step.key) : elementOffset(t, at, step.index);
    if (next == std::string_view::npos) break;
    at = next;
  }
  return at;
}

// ---- reading -----------------------------------------------------------------------------

std::string typeName(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::discarded:
      return "nothing";
    default:
      return "a number";
  }
}

constexpr std::string_view kGeometryTypes =
    "Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon or GeometryCollection";

bool isGeometryType(std::string_view t) {
  return t == "Point" || t == "LineString" || t == "Polygon" || t == "MultiPoint" ||
         t == "MultiLineString" || t == "MultiPolygon" || t == "GeometryCollection";
}

// A coordinate as written in projected files: 554143.9, 4540000 (not 4.54e+06).
std::string plain(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// A value quoted in a message: short scalars and positions as JSON, anything else by its type.
std::string shown(const json& v) {
  bool flat = v.is_primitive() || (v.is_array() && v.size() <= 3);
  if (v.is_array())
    for (const auto& e : v) flat = flat && e.is_primitive();
  return flat ? excerpt(v.dump(), 60) : typeName(v);
}

class Reader {
 public:
  explicit Reader(std::string_view text) : m_text(text), m_positions(text) {}

  GeoDocument run() {
    json root;
    try {
      root = json::parse(m_text);
    } catch (const json::parse_error& e) {
      const std::size_t last = e.byte > 0 ? e.byte - 1 : 0;
      throw GeoJsonError(positionOf(m_text, tokenStart(m_text, last)), syntaxReason(e));
    } catch (const json::exception& e) {
      // Number overflow ("number overflow parsing '1e999'") has no position: find the number.
      std::string what = e.what();
      std::size_t at = 0;
      const auto open = what.find('\''), close = what.rfind('\'');
      if (open != std::string::npos && close > open) {
        const std::string number = what.substr(open + 1, close - open - 1);
        if (auto found = m_text.find(number); found != std::string_view::npos) at = found;
        what = "number " + excerpt(number, 40) +
               " is too large; expected a number of at most about 1.8e308";
      }
      throw GeoJsonError(positionOf(m_text, at), "malformed JSON: " + what);
    }
    Path path;
    if (!root.is_object())
      fail(path, "the top level is " + typeName(root) +
                     "; expected a GeoJSON object (a FeatureCollection, a Feature or a geometry)");
    readMarker(root, path);
    readCrs(root, path);
    const auto type = root.find("type");
    const std::string t = type != root.end() && type->is_string() ? type->get<std::string>() : "";
    if (t == "FeatureCollection") {
      path.push_back(std::string("features"));
      const auto it = root.find("features");
      if (it == root.end() || !it->is_array())
        fail(path, std::string("\"features\" is ") +
                       (it == root.end() ? "missing" : typeName(*it)) +
                       "; expected an array of features");
      const std::vector<std::size_t> offsets = elements(m_text, locate(m_text, path));
      for (std::size_t i = 0; i < it->size(); ++i) {
        path.push_back(i);
        if (auto f = readFeature((*it)[i], path, i < offsets.size() ? offsets[i] : 0))
          m_doc.features.push_back(std::move(*f));
        path.pop_back();
      }
    } else if (t == "Feature") {
      // A single feature as the whole file (RFC 7946 section 2; osmium writes these).
      if (auto f = readFeature(root, path, skipSpace(m_text, 0)))
        m_doc.features.push_back(std::move(*f));
    } else if (isGeometryType(t)) {
      // A bare geometry: one feature without id or properties.
      GeoFeature f;
      f.geometry = readGeometry(root, path);
      f.pos = f.id_pos = f.properties_pos = m_positions.at(skipSpace(m_text, 0));
      m_doc.features.push_back(std::move(f));
    } else {
      if (type != root.end()) path.push_back(std::string("type"));
      fail(path, "the top level is " + (t.empty() ? typeName(root) + " without a type" : "a " + excerpt(t, 40)) +
                     "; expected a FeatureCollection, a Feature or a geometry (" +
                     std::string(kGeometryTypes) + ")");
    }
    return std::move(m_doc);
  }

 private:
  [[noreturn]] void fail(const Path& path, const std::string& reason) const {
    throw GeoJsonError(positionOf(m_text, locate(m_text, path)), reason);
  }

  static std::string describeType(const json& v) {
    if (v.is_object() && v.contains("type") && v["type"].is_string())
      return "a " + excerpt(v["type"].get<std::string>(), 40);
    return typeName(v);
  }

  static std::string syntaxReason(const json::parse_error& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    const auto colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    // "...; last read: '<the token so far>'": at most a short excerpt of it.
    const auto last = what.find("; last read: '");
    if (last != std::string::npos) {
      std::string token = what.substr(last + 14);
      if (!token.empty() && token.back() == '\'') token.pop_back();
      what = what.substr(0, last) + "; last read: '" + excerpt(token, 40) + "'";
    }
    return "malformed JSON: " + what;
  }

  // The marker Liaison's export writes: {"liaison": {"format": "features", "version": 1}}.
  void readMarker(const json& root, Path& path) {
    const auto m = root.find("liaison");
    if (m == root.end()) return;
    path.push_back(std::string("liaison"));
    const auto version = m->is_object() ? m->find("version") : m->end();
    if (!m->is_object() || version == m->end() || !version->is_number_integer())
      fail(path, "the \"liaison\" member is " + shown(*m) +
                     "; expected {\"format\": \"features\", \"version\": 1} as Liaison's export "
                     "writes it (or no \"liaison\" member in a file from another program)");
    if (version->get<std::int64_t>() != 1)
      fail(path, "the file is in Liaison's features format version " +
                     std::to_string(version->get<std::int64_t>()) +
                     ", written by another version of Liaison; expected version 1");
    path.pop_back();
    m_doc.liaison_marker = true;
  }

  // The 2008 GeoJSON format could declare another coordinate system; RFC 7946 dropped "crs"
  // and is always WGS 84 longitude / latitude. WGS 84 is taken as it is, NAD83 and ETRS89 (within
  // about a metre of it) too, anything else is reprojected with PROJ.
  void readCrs(const json& root, Path& path) {
    const auto crs = root.find("crs");
    if (crs == root.end() || crs->is_null()) return;
    path.push_back(std::string("crs"));
    static const std::string kExpected =
        "; expected {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:32618\"}} (or no crs: "
        "WGS 84 longitude / latitude as RFC 7946 requires; ogr2ogr -t_srs EPSG:4326 out.geojson "
        "in.geojson reprojects a file)";
    std::string name;
    if (crs->is_object()) {
      const std::string type = crs->value("type", json()).is_string() ? crs->value("type", "") : "";
      const auto props = crs->find("properties");
      if (props != crs->end() && props->is_object()) {
        if (const auto n = props->find("name"); type == "name" && n != props->end() && n->is_string())
          name = n->get<std::string>();
        if (const auto c = props->find("code");
            type == "EPSG" && c != props->end() && c->is_number_integer())
          name = "EPSG:" + std::to_string(c->get<std::int64_t>());
      }
    }
    if (name.empty()) fail(path, "\"crs\" is " + shown(*crs) + ", not a named crs" + kExpected);
    m_doc.crs = name;
    std::string label;
    switch (geo::classifyCrs(name, &label)) {
      case geo::CrsClass::Wgs84:
        break;
      case geo::CrsClass::NearWgs84:
        m_doc.crs_note = label + " taken as WGS 84 (within about a metre)";
        break;
      case geo::CrsClass::Other:
        try {
          m_transform.emplace(name);
        } catch (const std::invalid_argument& e) {
          path.push_back(std::string("properties"));
          path.push_back(std::string(crs->value("type", "") == "EPSG" ? "code" : "name"));
          fail(path, "the file's coordinates are in " + excerpt(name, 80) + ": " + e.what() +
                         kExpected);
        }
        m_doc.crs_note = "reprojected from " + m_transform->sourceName() + " (" +
                         excerpt(name, 80) + ") to WGS 84";
        break;
    }
    path.pop_back();
  }

  std::optional<GeoFeature> readFeature(const json& f, Path& path, std::size_t offset) {
    if (!f.is_object() || f.value("type", json()) != "Feature")
      fail(path, "a member of \"features\" is " + describeType(f) + "; expected a Feature");
    const auto geometry = f.find("geometry");
    if (geometry == f.end() || geometry->is_null()) {
      // RFC 7946 3.2: an unlocated feature. Nothing to draw: skipped, and counted.
      ++m_doc.null_geometries;
      return std::nullopt;
    }
    path.push_back(std::string("geometry"));
    GeoFeature feature;
    feature.geometry = readGeometry(*geometry, path);
    path.pop_back();

    const auto props = f.find("properties");
    if (props != f.end() && !props->is_null() && !props->is_object()) {
      path.push_back(std::string("properties"));
      fail(path, "\"properties\" is " + typeName(*props) + "; expected an object or null");
    }

    // Positions, taken in document order so the whole file is scanned about once.
    std::size_t idAt = offset, propsAt = offset;
    for (const auto& [key, at] : members(m_text, offset)) {
      if (key == "id") idAt = at;
      if (key == "properties" && props != f.end() && props->is_object()) propsAt = at;
    }
    std::vector<std::pair<std::string_view, std::size_t>> propOffsets = members(m_text, propsAt);
    std::vector<std::size_t> wanted{offset, idAt, propsAt};
    for (const auto& [key, at] : propOffsets) wanted.push_back(at);
    std::sort(wanted.begin(), wanted.end());
    std::map<std::size_t, TextPos> pos;
    for (std::size_t at : wanted) pos[at] = m_positions.at(at);

    feature.pos = pos[offset];
    feature.id_pos = pos[idAt];
    feature.properties_pos = pos[propsAt];
    if (auto id = f.find("id"); id != f.end()) {
      feature.id_json = id->dump();
      if (feature.id_json.size() > 256)
        throw GeoJsonError(feature.id_pos, "the feature's id is " +
                                               std::to_string(feature.id_json.size()) +
                                               " bytes long; expected at most 256");
    }
    if (props != f.end() && props->is_object()) {
      std::size_t bytes = 0;
      for (const auto& [key, value] : props->items()) {
        TextPos at = feature.properties_pos;  // keys with escapes: the properties object
        for (const auto& [raw, off] : propOffsets)
          if (raw == key) at = pos[off];  // the last duplicate, as nlohmann keeps it
        feature.properties.push_back(GeoProperty{key, value.dump(), at});
        bytes += key.size() + feature.properties.back().json.size() + 4;
        if (bytes > kMaxPropertiesBytes)
          throw GeoJsonError(feature.properties_pos,
                             "the feature's properties take more than " +
                                 std::to_string(kMaxPropertiesBytes / 1024) +
                                 " KB as JSON; expected at most that much per feature");
      }
    }
    return feature;
  }

  GeoGeometry readGeometry(const json& g, Path& path) {
    if (!g.is_object() || !g.contains("type") || !g["type"].is_string())
      fail(path, "the geometry is " + typeName(g) + " without a type; expected a " +
                     std::string(kGeometryTypes));
    const std::string type = g["type"];
    GeoGeometry out;
    if (type == "GeometryCollection") {
      out.type = GeoType::GeometryCollection;
      path.push_back(std::string("geometries"));
      const auto members = g.find("geometries");
      if (members == g.end() || !members->is_array())
        fail(path, std::string("\"geometries\" is ") +
                       (members == g.end() ? "missing" : typeName(*members)) +
                       "; expected an array of geometries");
      for (std::size_t i = 0; i < members->size(); ++i) {
        path.push_back(i);
        const json& m = (*members)[i];
        if (m.is_null()) fail(path, "a member of \"geometries\" is null; expected a geometry");
        GeoGeometry member = readGeometry(m, path);
        if (member.type == GeoType::GeometryCollection) {  // flattened
          for (GeoGeometry& inner : member.members) out.members.push_back(std::move(inner));
        } else {
          out.members.push_back(std::move(member));
        }
        path.pop_back();
      }
      if (out.members.empty())
        fail(path, "the GeometryCollection has no geometries; expected at least one");
      path.pop_back();
      return out;
    }
    path.push_back(std::string("coordinates"));
    const json& c = g.contains("coordinates") ? g["coordinates"] : json();
    if (type == "Point") {
      out.type = GeoType::Point;
      out.parts.push_back({{readPosition(c, path)}});
    } else if (type == "LineString") {
      out.type = GeoType::LineString;
      out.parts.push_back({readLine(c, path)});
    } else if (type == "Polygon") {
      out.type = GeoType::Polygon;
      out.parts.push_back(readPolygon(c, path));
    } else if (type == "MultiPoint") {
      out.type = GeoType::MultiPoint;
      forEach(c, path, "an array of positions",
              [&](const json& e) { out.parts.push_back({{readPosition(e, path)}}); });
    } else if (type == "MultiLineString") {
      out.type = GeoType::MultiLineString;
      forEach(c, path, "an array of line strings",
              [&](const json& e) { out.parts.push_back({readLine(e, path)}); });
    } else if (type == "MultiPolygon") {
      out.type = GeoType::MultiPolygon;
      forEach(c, path, "an array of polygons",
              [&](const json& e) { out.parts.push_back(readPolygon(e, path)); });
    } else {
      path.pop_back();
      path.push_back(std::string("type"));
      fail(path, "unknown geometry type '" + excerpt(type, 40) + "'; expected a " +
                     std::string(kGeometryTypes));
    }
    if (out.parts.empty()) fail(path, type + " has no coordinates; expected at least one part");
    path.pop_back();
    return out;
  }

  template <class Fn>
  void forEach(const json& arr, Path& path, const std::string& expected, Fn&& fn) const {
    if (!arr.is_array()) fail(path, "coordinates are " + typeName(arr) + "; expected " + expected);
    for (std::size_t i = 0; i < arr.size(); ++i) {
      path.push_back(i);
      fn(arr[i]);
      path.pop_back();
    }
  }

  LonLat readPosition(const json& p, Path& path) const {
    if (!p.is_array() || p.size() < 2 || p.size() > 3 || !p[0].is_number() || !p[1].is_number())
      fail(path, "a position is " + shown(p) + "; expected [longitude, latitude] in degrees");
    LonLat ll{p[0].get<double>(), p[1].get<double>()};
    std::string from;
    if (m_transform) {
      const auto t = m_transform->toWgs84(ll.lon, ll.lat);
      const std::string given = "[" + plain(ll.lon) + ", " + plain(ll.lat) + "]";
      if (!t)
        fail(path, "position " + given + " cannot be reprojected from " +
                       m_transform->sourceName() +
                       " to WGS 84; expected a position inside the area of that system");
      from = " (reprojected from " + given + ")";
      ll = *t;
    }
    if (!(ll.lon >= -180.0 && ll.lon <= 180.0)) {
      path.push_back(std::size_t{0});
      fail(path, "longitude " + formatNumber(ll.lon) + from +
                     " is out of range; expected -180 to 180");
    }
    if (!(ll.lat >= -90.0 && ll.lat <= 90.0)) {
      path.push_back(std::size_t{1});
      fail(path, "latitude " + formatNumber(ll.lat) + from + " is out of range; expected -90 to 90");
    }
    return ll;
  }

  std::vector<LonLat> readLine(const json& c, Path& path) const {
    std::vector<LonLat> line;
    forEach(c, path, "an array of positions",
            [&](const json& e) { line.push_back(readPosition(e, path)); });
    if (line.size() < 2)
      fail(path,
           "a LineString has " + std::to_string(line.size()) + " position(s); expected at least 2");
    return line;
  }

  std::vector<std::vector<LonLat>> readPolygon(const json& c, Path& path) const {
    std::vector<std::vector<LonLat>> rings;
    forEach(c, path, "an array of linear rings", [&](const json& r) {
      std::vector<LonLat> ring;
      forEach(r, path, "an array of positions",
              [&](const json& e) { ring.push_back(readPosition(e, path)); });
      if (ring.size() < 4)
        fail(path, "a polygon ring has " + std::to_string(ring.size()) +
                       " position(s); expected at least 4, the last equal to the first");
      if (ring.front() != ring.back()) {
        path.push_back(ring.size() - 1);
        fail(path,
             "the polygon ring is not closed; expected the last position to equal the "
             "first (" +
                 formatNumber(ring.front().lon) + ", " + formatNumber(ring.front().lat) + ")");
      }
      rings.push_back(std::move(ring));
    });
    if (rings.empty()) fail(path, "a Polygon has no rings; expected an outer ring");
    return rings;
  }

  std::string_view m_text;
  Positioner m_positions;
  GeoDocument m_doc;
  std::optional<geo::CrsTransform> m_transform;
};

// ---- writing -----------------------------------------------------------------------------

void writeString(std::string& out, const std::string& s) {
  out += json(s).dump();
}

void writeValue(std::string& out, const json& v, int indent) {
  const std::string pad(static_cast<std::size_t>(indent + 1) * 2, ' ');
  const std::string close(static_cast<std::size_t>(indent) * 2, ' ');
  switch (v.type()) {
    case json::value_t::number_float:
      out += formatNumber(v.get<double>());
      return;
    case json::value_t::object: {
      if (v.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      bool first = true;
      for (const auto& [key, value] : v.items()) {  // std::map: sorted keys
        if (!first) out += ",\n";
        first = false;
        out += pad;
        writeString(out, key);
        out += ": ";
        writeValue(out, value, indent + 1);
      }
      out += '\n';
      out += close;
      out += '}';
      return;
    }
    case json::value_t::array: {
      bool flat = true;
      for (const auto& e : v) flat = flat && !e.is_structured();
      if (flat) {
        out += "[";
        for (std::size_t i = 0; i < v.size(); ++i) {
          if (i > 0) out += ", ";
          writeValue(out, v[i], indent);
        }
        out += "]";
        return;
      }
      out += "[\n";
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i > 0) out += ",\n";
        out += pad;
        writeValue(out, v[i], indent + 1);
      }
      out += '\n';
      out += close;
      out += ']';
      return;
    }
    default:
      out += v.dump();
  }
}

std::string positionText(const LonLat& p) {
  // Appended piecewise: GCC 12's -Wrestrict misfires on "literal" + std::string here.
  std::string out = "[";
  out += formatNumber(p.lon);
  out += ", ";
  out += formatNumber(p.lat);
  out += ']';
  return out;
}

// Writes a list of positions one per line at the given depth.
void writeRing(std::string& out, const std::vector<LonLat>& ring, int indent) {
  const std::string pad(static_cast<std::size_t>(indent + 1) * 2, ' ');
  out += "[\n";
  for (std::size_t i = 0; i < ring.size(); ++i) {
    if (i > 0) out += ",\n";
    out += pad;
    out += positionText(ring[i]);
  }
  out += '\n';
  out.append(static_cast<std::size_t>(indent) * 2, ' ');
  out += ']';
}

void writeRings(std::string& out, const std::vector<std::vector<LonLat>>& rings, int indent) {
  const std::string pad(static_cast<std::size_t>(indent + 1) * 2, ' ');
  out += "[\n";
  for (std::size_t i = 0; i < rings.size(); ++i) {
    if (i > 0) out += ",\n";
    out += pad;
    writeRing(out, rings[i], indent + 1);
  }
  out += '\n';
  out.append(static_cast<std::size_t>(indent) * 2, ' ');
  out += ']';
}

void writeCoordinates(std::string& out, const GeoGeometry& g, int indent) {
  const auto part = [&](const std::vector<std::vector<LonLat>>& rings, int ind) {
    switch (g.type) {
      case GeoType::Point:
      case GeoType::MultiPoint:
        out += rings.empty() || rings[0].empty() ? "[]" : positionText(rings[0][0]);
        break;
      case GeoType::LineString:
      case GeoType::MultiLineString:
        if (rings.empty())
          out += "[]";
        else
          writeRing(out, rings[0], ind);
        break;
      default:
        writeRings(out, rings, ind);
    }
  };
  const bool multi = g.type == GeoType::MultiPoint || g.type == GeoType::MultiLineString ||
                     g.type == GeoType::MultiPolygon;
  if (!multi) {
    if (g.parts.empty())
      out += "[]";
    else
      part(g.parts[0], indent);
    return;
  }
  const std::string pad(static_cast<std::size_t>(indent + 1) * 2, ' ');
  out += "[\n";
  for (std::size_t i = 0; i < g.parts.size(); ++i) {
    if (i > 0) out += ",\n";
    out += pad;
    part(g.parts[i], indent + 1);
  }
  out += '\n';
  out.append(static_cast<std::size_t>(indent) * 2, ' ');
  out += ']';
}

std::string spaces(int indent) { return std::string(static_cast<std::size_t>(indent) * 2, ' '); }

// A geometry object whose members are at indent + 1 and whose closing brace is at indent.
void writeGeometry(std::string& out, const GeoGeometry& g, int indent) {
  out += "{\n";
  out += spaces(indent + 1);
  out += "\"type\": \"";
  out += toString(g.type);
  out += "\",\n";
  out += spaces(indent + 1);
  if (g.type == GeoType::GeometryCollection) {
    out += "\"geometries\": [";
    for (std::size_t i = 0; i < g.members.size(); ++i) {
      out += i == 0 ? "\n" : ",\n";
      out += spaces(indent + 2);
      writeGeometry(out, g.members[i], indent + 2);
    }
    if (!g.members.empty()) {
      out += '\n';
      out += spaces(indent + 1);
    }
    out += ']';
  } else {
    out += "\"coordinates\": ";
    writeCoordinates(out, g, indent + 1);
  }
  out += '\n';
  out += spaces(indent);
  out += '}';
}

}  // namespace

std::string_view toString(GeoType type) {
  switch (type) {
    case GeoType::Point:
      return "Point";
    case GeoType::LineString:
      return "LineString";
    case GeoType::Polygon:
      return "Polygon";
    case GeoType::MultiPoint:
      return "MultiPoint";
    case GeoType::MultiLineString:
      return "MultiLineString";
    case GeoType::MultiPolygon:
      return "MultiPolygon";
    case GeoType::GeometryCollection:
      return "GeometryCollection";
  }
  return "?";
}

std::optional<std::size_t> findJsonDepthExcess(std::string_view t, int max_depth) {
  int depth = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '"') {
      for (++i; i < t.size() && t[i] != '"'; ++i)
        if (t[i] == '\\') ++i;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::nullopt;
}

GeoDocument parseGeoJson(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  if (auto bad = findInvalidUtf8(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
    throw GeoJsonError(positionOf(text, *bad),
                       std::string("invalid UTF-8 (byte ") + hex + "); save the file as UTF-8");
  }
  // Not JSON at all (another kind of file): say so without quoting it.
  const std::size_t first = skipSpace(text, 0);
  if (first < text.size() && text[first] != '{' && text[first] != '[')
    throw GeoJsonError(positionOf(text, first),
                       "the file does not start with '{' or '[', so it is no JSON object; "
                       "expected a GeoJSON object");
  // Before parsing: a document nested 100,000 deep parses, but printing or walking it would
  // recurse that deep.
  if (auto deep = findJsonDepthExcess(text, kMaxJsonDepth))
    throw GeoJsonError(positionOf(text, *deep),
                       "arrays and objects nest deeper than " + std::to_string(kMaxJsonDepth) +
                           " levels here; expected at most " + std::to_string(kMaxJsonDepth) +
                           " (a GeoJSON MultiPolygon needs 9)");
  return Reader(text).run();
}

std::vector<GeoFeature> parseFeatureCollection(std::string_view text) {
  return parseGeoJson(text).features;
}

std::string writeFeatureCollection(const std::vector<GeoFeature>& features, bool liaison_marker) {
  std::string out = "{\n  \"type\": \"FeatureCollection\",\n";
  if (liaison_marker) out += "  \"liaison\": {\"format\": \"features\", \"version\": 1},\n";
  out += "  \"features\": [";
  for (std::size_t i = 0; i < features.size(); ++i) {
    const GeoFeature& f = features[i];
    out += i == 0 ? "\n" : ",\n";
    out += "    {\n      \"type\": \"Feature\",\n";
    if (!f.id_json.empty()) {
      out += "      \"id\": ";
      out += f.id_json;
      out += ",\n";
    }
    out += "      \"geometry\": ";
    writeGeometry(out, f.geometry, 3);
    out += ",\n      \"properties\": {";
    for (std::size_t k = 0; k < f.properties.size(); ++k) {
      out += k == 0 ? "\n" : ",\n";
      out += "        ";
      writeString(out, f.properties[k].key);
      out += ": ";
      writeValue(out, json::parse(f.properties[k].json), 4);
    }
    out += f.properties.empty() ? "}" : "\n      }";
    out += "\n    }";
  }
  out += features.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace liaison::core
