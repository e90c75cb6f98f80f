// Scenario folders (docs/scenario-format.md), reading: every file is read and checked first,
// against the field tables (core/model/entity_fields.hpp) and the rules across files, then
// everything is applied as one Store transaction. Writing is scenario_export.cpp.
#include "core/formats/scenario.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/formats/csv_table.hpp"
#include "core/formats/foreign_files.hpp"
#include "core/formats/geojson.hpp"
#include "core/formats/input_file.hpp"
#include "core/formats/record_csv.hpp"
#include "core/formats/scenario_files.hpp"
#include "core/model/enums.hpp"
#include "core/model/references.hpp"
#include "core/model/time_zone.hpp"
#include "core/model/values.hpp"

namespace liaison::core {

namespace {

struct Origin {
  std::string file;
  int line = 0;
  int column = 0;
};

// A reference to check once every file is read.
struct Reference {
  EntityKind kind;
  Id id;
  std::string column;  // for the message
  Origin at;
};

struct Scenario {
  std::vector<Incident> incidents;
  std::vector<OperationalPeriod> periods;
  std::vector<Agency> agencies;
  std::vector<Representative> representatives;
  std::vector<Channel> channels;
  std::vector<Need> needs;
  std::vector<TimelineEvent> events;
  std::vector<Task> tasks;
  std::vector<MapFeature> features;
  std::vector<Infrastructure> infrastructure;
  std::vector<Message> messages;
  int contacts = 0;
  int featuresSkipped = 0;         // features without a geometry
  std::vector<std::string> notes;  // what was accepted with a remark

  template <class R>
  std::vector<R>& all() {
    if constexpr (std::is_same_v<R, Incident>) return incidents;
    else if constexpr (std::is_same_v<R, OperationalPeriod>) return periods;
    else if constexpr (std::is_same_v<R, Agency>) return agencies;
    else if constexpr (std::is_same_v<R, Representative>) return representatives;
    else if constexpr (std::is_same_v<R, Channel>) return channels;
    else if constexpr (std::is_same_v<R, Need>) return needs;
    else if constexpr (std::is_same_v<R, TimelineEvent>) return events;
    else if constexpr (std::is_same_v<R, Task>) return tasks;
    else if constexpr (std::is_same_v<R, MapFeature>) return features;
    else if constexpr (std::is_same_v<R, Message>) return messages;
    else return infrastructure;
  }

  std::map<EntityKind, std::set<Id>> ids;  // the ids defined in the folder
  std::vector<Reference> references;
  // Where each record's references to its own kind were read (for cycle messages).
  std::map<std::pair<EntityKind, Id>, Origin> selfRefs;
};

class Importer {
 public:
  Importer(std::filesystem::path dir, const Snapshot& existing)
      : m_dir(std::move(dir)), m_existing(existing) {}

  Scenario read() {
    readAll<Incident>();
    readAll<OperationalPeriod>();
    readAll<Agency>();
    readAll<Infrastructure>();
    readAll<Representative>();
    readContacts();
    readAll<Channel>();
    readAll<Need>();
    readAll<TimelineEvent>();
    readAll<Task>();
    readAll<Message>();
    readFeatures();
    checkReferences();
    checkReplies();
    orderBySelfReferences(m_s.tasks);
    orderBySelfReferences(m_s.infrastructure);
    return std::move(m_s);
  }

  // Only map features, from one GeoJSON file (liaison import FILE.geojson); errors name it.
  Scenario readFeaturesFile(const std::filesystem::path& file) {
    m_featuresFile = file.string();
    m_standalone = true;
    m_layerName = file.stem().string();
    readFeatures();
    checkReferences();
    return std::move(m_s);
  }

  // A layer read through GDAL (KML, GPX, Shapefile, GeoPackage, ...), already converted to
  // GeoJSON in WGS 84: always another program's layer; errors name `label`.
  Scenario readForeignLayer(const std::string& label, const std::string& layer,
                            std::string geojson) {
    m_featuresFile = label;
    m_standalone = true;
    m_forceForeign = true;
    m_layerName = layer;
    m_preloaded = std::move(geojson);
    readFeatures();
    checkReferences();
    return std::move(m_s);
  }

  // The CSV files of a scenario folder as the sheets of one workbook (a sheet per file, named
  // as the file without .csv, case ignored); errors name BOOK:sheet:row:column.
  void useWorkbook(const std::string& label, const std::vector<WorkbookSheet>& sheets) {
    m_bookLabel = label;
    m_sheets = &sheets;
  }

  // Set by readFeaturesFile: the file is a layer from another program (no feature carries a
  // "kind"), so its features got fresh ids and the layer name of the file.
  bool foreignLayer() const { return m_foreign; }
  const std::string& layerName() const { return m_layerName; }

 private:
  std::string m_featuresFile{kFeaturesFile};
  // A GeoJSON file imported on its own (not a scenario folder's features.geojson).
  bool m_standalone = false;
  std::string m_layerName;
  bool m_foreign = false;
  bool m_forceForeign = false;
  std::optional<std::string> m_preloaded;
  const std::vector<WorkbookSheet>* m_sheets = nullptr;
  std::string m_bookLabel;

  const WorkbookSheet* sheet(std::string_view file) const {
    std::string want(file.substr(0, file.rfind('.')));
    auto lower = [](std::string x) {
      std::transform(x.begin(), x.end(), x.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      return x;
    };
    want = lower(want);
    for (const WorkbookSheet& s : *m_sheets) {
      const std::string name = lower(s.name);
      if (name == want || name == want + ".csv") return &s;
    }
    return nullptr;
  }

  // A file of the folder (regular, inside the folder, within its size limit); nullopt when an
  // optional file is absent. A standalone GeoJSON file is read where it is.
  std::optional<std::string> readFile(std::string_view name, bool required) const {
    if (m_standalone && m_preloaded) return m_preloaded;
    if (m_sheets) return std::nullopt;  // a workbook holds the CSV files only (see open())
    const bool geojson = name.ends_with(".geojson");
    const std::size_t limit = geojson ? kMaxGeoJsonBytes : kMaxCsvBytes;
    if (m_standalone)
      return readInputFile(std::filesystem::path(name), std::string(name),
                           "expected a GeoJSON file", limit);
    const std::string what = required ? "every scenario folder needs " + std::string(name)
                             : geojson ? "expected a GeoJSON file of map features"
                                       : "expected a CSV file";
    return readFolderFile(m_dir, name, what, required, limit);
  }

  // Parses a CSV file; nullopt when it is optional and absent.
  std::optional<CsvTable> open(std::string_view name, std::vector<ColumnSpec> columns,
                               bool required = false) {
    if (m_sheets) {
      const WorkbookSheet* sh = sheet(name);
      if (!sh) {
        if (!required) return std::nullopt;
        std::string names;
        for (const WorkbookSheet& s : *m_sheets) names += (names.empty() ? "" : ", ") + s.name;
        throw ImportError(m_bookLabel, 0, 0,
                          "the workbook has no sheet \"" + std::string(name.substr(0, name.rfind('.'))) +
                              "\"; every scenario workbook needs one (its sheets: " +
                              (names.empty() ? "none" : names) + ")");
      }
      CsvTable table{m_bookLabel + ":" + sh->name, std::move(columns)};
      table.adopt(sh->records);
      return table;
    }
    auto bytes = readFile(name, required);
    if (!bytes) return std::nullopt;
    CsvTable table{std::string(name), std::move(columns)};
    table.parse(*bytes);
    return table;
  }

  void reference(const RowReader& row, std::string_view column, EntityKind kind, Id id,
                 const std::string& file) {
    if (id == 0) return;
    const Cell c = row.cell(column);
    m_s.references.push_back(
        Reference{kind, id, std::string(column), Origin{file, c.line, c.column}});
  }

  // Every row of one entity's CSV file, read by its field table, then checked by the rules
  // across fields (check(), below).
  template <class R>
  void readAll() {
    constexpr EntityKind kind = entityKindOf<R>();
    const std::string_view file = fields::Table<R>::csvFile;
    auto t = open(file, csvrec::columns<R>(), kind == EntityKind::Agency);
    if (!t) return;
    std::map<Id, int> lines;
    for (std::size_t r = 0; r < t->rows(); ++r) {
      RowReader row(*t, r);
      R x = csvrec::read<R>(row, [&](std::string_view column, EntityKind target, Id id) {
        if (target == kind) {
          const Cell c = row.cell(column);
          m_pendingSelf = Origin{t->file(), c.line, c.column};
        }
        reference(row, column, target, id, t->file());
      });
      const Cell idCell = row.cell("id");
      if (auto [it, inserted] = lines.emplace(x.id, idCell.line); !inserted)
        row.fail(idCell, "duplicate id " + std::to_string(x.id) + " (first on line " +
                             std::to_string(it->second) + "); expected ids unique within " +
                             std::string(file));
      m_s.ids[kind].insert(x.id);
      check(row, x);
      if (m_pendingSelf) m_s.selfRefs[{kind, x.id}] = *m_pendingSelf;
      m_pendingSelf.reset();
      m_s.all<R>().push_back(std::move(x));
    }
    finish<R>(*t);
  }
  std::optional<Origin> m_pendingSelf;

  // ---- rules across fields, per entity ----

  void check(const RowReader& row, const Incident& x) {
    if (!isTimeZone(x.time_zone))
      row.fail(row.cell("time_zone"), "time_zone " + quote(x.time_zone) +
                                          " is not a time zone; expected an IANA name such as "
                                          "America/Chicago, or an empty cell for UTC");
    if (x.end && *x.end <= x.start)
      row.fail(row.cell("end"), "end " + std::string(row.cell("end").text) +
                                    " is not after start; expected a time after " +
                                    formatTime(x.start));
  }

  void check(const RowReader& row, const OperationalPeriod& x) {
    if (x.end <= x.start)
      row.fail(row.cell("end"), "end " + std::string(row.cell("end").text) +
                                    " is not after start; expected a time after " +
                                    formatTime(x.start));
  }

  std::map<std::string, int> m_codes;
  void check(const RowReader& row, const Agency& x) {
    if (auto [it, inserted] = m_codes.emplace(x.code, row.cell("code").line); !inserted)
      row.fail(row.cell("code"), "duplicate code " + quote(x.code) + " (first on line " +
                                     std::to_string(it->second) +
                                     "); expected codes unique within agencies.csv");
  }

  void check(const RowReader&, const Representative&) {}

  void check(const RowReader& row, const Channel& x) {
    checkPair(row, x.from_rep, x.to_rep, "from_representative", "to_representative",
              "representative");
    checkPair(row, x.from_agency, x.to_agency, "from_agency", "to_agency", "agency");
    const bool reps = x.from_rep != 0, agencies = x.from_agency != 0;
    if (reps && agencies)
      row.fail(row.cell("from_agency"),
               "both a representative pair and an agency pair are set; expected exactly one "
               "pair");
    if (!reps && !agencies) {
      Cell at = row.cell("from_representative");
      if (!at.present()) at = row.cell("from_agency");
      if (!at.present()) at = row.cell("id");
      row.fail(at,
               "no endpoints; expected from_representative and to_representative, or "
               "from_agency and to_agency");
    }
  }

  void checkPair(const RowReader& row, Id from, Id to, std::string_view fromCol,
                 std::string_view toCol, const std::string& what) {
    if ((from == 0) != (to == 0)) {
      const Cell empty = row.cell(from == 0 ? fromCol : toCol);
      const Cell set = row.cell(from == 0 ? toCol : fromCol);
      row.fail(empty.present() ? empty : set, std::string(empty.name) + " is empty but " +
                                                  std::string(set.name) +
                                                  " is set; expected both or neither");
    }
    if (from != 0 && from == to)
      row.fail(row.cell(toCol), std::string(toCol) + " " + std::to_string(to) + " is the same as " +
                                    std::string(fromCol) + "; expected a different " + what);
  }

  void check(const RowReader& row, const Need& x) {
    if (x.agency_a == x.agency_b)
      row.fail(row.cell("agency_b"), "agency_b " + std::to_string(x.agency_b) +
                                         " is the same as agency_a; expected a different agency");
    if (x.source == NeedSource::Task && x.task == 0) {
      const Cell task = row.cell("task");
      row.fail(task.present() ? task : row.cell("source"),
               "source is task but task is empty; expected an id in tasks.csv");
    }
  }

  void check(const RowReader&, const TimelineEvent&) {}

  void check(const RowReader& row, const Task& x) {
    for (Id d : x.depends_on)
      if (d == x.id)
        row.fail(row.cell("depends_on"), "task " + std::to_string(x.id) +
                                             " depends on itself; expected ids of other tasks in "
                                             "tasks.csv");
    m_s.selfRefs[{EntityKind::Task, x.id}] =
        Origin{"tasks.csv", row.cell("depends_on").line, row.cell("depends_on").column};
  }

  void check(const RowReader& row, const Infrastructure& x) {
    for (Id d : x.depends_on)
      if (d == x.id)
        row.fail(row.cell("depends_on"),
                 "infrastructure " + std::to_string(x.id) +
                     " depends on itself; expected ids of other infrastructure in "
                     "infrastructure.csv");
  }

  void check(const RowReader& row, const Message& x) {
    if ((x.from_rep != 0) == (x.from_agency != 0)) {
      Cell at = row.cell(x.from_rep != 0 ? "from_agency" : "from_representative");
      if (!at.present()) at = row.cell("from_agency");
      if (!at.present()) at = row.cell("id");
      row.fail(at, x.from_rep != 0
                       ? "both from_representative and from_agency are set; expected one of them"
                       : "no sender; expected from_representative, or from_agency when the "
                         "person is not known");
    }
    if (x.to_reps.empty() && x.to_agencies.empty()) {
      Cell at = row.cell("to_representatives");
      if (!at.present()) at = row.cell("to_agencies");
      if (!at.present()) at = row.cell("id");
      row.fail(at, "no recipient; expected to_representatives or to_agencies");
    }
    if (x.from_rep != 0 && std::find(x.to_reps.begin(), x.to_reps.end(), x.from_rep) != x.to_reps.end())
      row.fail(row.cell("to_representatives"),
               "representative " + std::to_string(x.from_rep) +
                   " is both the sender and a recipient; expected other recipients");
    if (x.from_agency != 0 &&
        std::find(x.to_agencies.begin(), x.to_agencies.end(), x.from_agency) != x.to_agencies.end())
      row.fail(row.cell("to_agencies"), "agency " + std::to_string(x.from_agency) +
                                            " is both the sender and a recipient; expected "
                                            "other recipients");
    if (x.reply_to != 0) {
      const Cell c = row.cell("reply_to");
      m_replies.push_back({x.id, x.reply_to, x.time, Origin{row.file(), c.line, c.column}});
    }
  }

  // A reply answers an earlier message: earlier in time, or at the same time with a lower id.
  // So the messages can be put in (time, id) order and every reply_to exists when it is put.
  struct Reply {
    Id id, to;
    TimeUtc time;
    Origin at;
  };
  std::vector<Reply> m_replies;
  void checkReplies() {
    std::map<Id, TimeUtc> times;
    for (const Message& m : m_s.messages) times[m.id] = m.time;
    for (const Reply& r : m_replies) {
      const auto it = times.find(r.to);
      if (it == times.end()) {
        if (const Message* old = m_existing.message(r.to); old && old->time > r.time)
          throw ImportError(r.at.file, r.at.line, r.at.column,
                            "reply_to " + std::to_string(r.to) +
                                " is a later message in the workspace; expected an earlier message");
        continue;
      }
      if (std::pair(it->second, r.to) >= std::pair(r.time, r.id))
        throw ImportError(r.at.file, r.at.line, r.at.column,
                          "reply_to " + std::to_string(r.to) + " is " +
                              (r.to == r.id ? std::string("the message itself")
                                            : "not an earlier message (" + formatTime(it->second) + ")") +
                              "; expected an earlier message");
    }
    std::stable_sort(m_s.messages.begin(), m_s.messages.end(), [](const Message& a, const Message& b) {
      return std::pair(a.time, a.id) < std::pair(b.time, b.id);
    });
  }

  // After a whole file: rules against the workspace the folder is imported into.
  template <class R>
  void finish(const CsvTable& t) {
    if constexpr (std::is_same_v<R, Agency>) {
      // A code must also stay unique against agencies already in the workspace.
      std::set<Id> replaced(m_s.ids[EntityKind::Agency]);
      for (const Agency& a : m_existing.agencies) {
        if (replaced.contains(a.id)) continue;
        if (auto it = m_codes.find(a.code); it != m_codes.end())
          t.fail(it->second, t.cell(0, "code").column,
                 "code " + quote(a.code) + " is already used by agency " + std::to_string(a.id) +
                     " in the workspace; expected a code not used by another agency");
      }
    }
  }

  void readContacts() {
    std::vector<ColumnSpec> cols{{"representative", true}};
    for (auto& c : csvrec::columns<ContactMethod>()) cols.push_back(std::move(c));
    auto t = open(kContactsFile, std::move(cols));
    if (!t) return;
    std::map<Id, Representative*> reps;
    for (auto& rep : m_s.representatives) reps[rep.id] = &rep;
    for (std::size_t r = 0; r < t->rows(); ++r) {
      RowReader row(*t, r);
      const Id repId = row.id("representative");
      const auto it = reps.find(repId);
      if (it == reps.end())
        row.fail(row.cell("representative"),
                 "unknown representative " + std::to_string(repId) +
                     " in representative; expected an id in representatives.csv");
      it->second->contacts.push_back(
          csvrec::read<ContactMethod>(row, [](std::string_view, EntityKind, Id) {}));
      ++m_s.contacts;
    }
  }

  // The pieces a geometry becomes on import: one map feature per part of a single or Multi*
  // geometry, and per part of each member of a GeometryCollection.
  static std::vector<std::pair<GeometryKind, std::vector<std::vector<LonLat>>>> pieces(
      const GeoGeometry& g) {
    std::vector<std::pair<GeometryKind, std::vector<std::vector<LonLat>>>> out;
    const auto add = [&](const GeoGeometry& one) {
      const GeometryKind kind =
          (one.type == GeoType::Point || one.type == GeoType::MultiPoint) ? GeometryKind::Point
          : (one.type == GeoType::LineString || one.type == GeoType::MultiLineString)
              ? GeometryKind::Line
              : GeometryKind::Polygon;
      for (const auto& part : one.parts) out.emplace_back(kind, part);
    };
    if (g.type == GeoType::GeometryCollection)
      for (const GeoGeometry& m : g.members) add(m);
    else
      add(g);
    return out;
  }

  // Liaison's own features format (ids, kinds, labels, layers kept) or a layer from another
  // program (docs/scenario-format.md, "Liaison's own GeoJSON or another program's"): the
  // "liaison" marker that the export writes decides; a file without it is Liaison's own only
  // when every feature has a positive integer id and a valid Liaison "kind" (files exported
  // before the marker existed). A scenario folder's features.geojson is always Liaison's own.
  static bool ownFormat(const GeoDocument& doc) {
    if (doc.liaison_marker) return true;
    if (doc.features.empty()) return false;
    return std::all_of(doc.features.begin(), doc.features.end(), [](const GeoFeature& f) {
      if (f.id_json.empty() || !parseId(f.id_json)) return false;
      return std::any_of(f.properties.begin(), f.properties.end(), [](const GeoProperty& p) {
        if (p.key != "kind") return false;
        const auto v = nlohmann::json::parse(p.json, nullptr, false);
        return v.is_string() && parseEnum<FeatureKind>(v.get<std::string>()).has_value();
      });
    });
  }

  void readFeatures() {
    const std::string file(m_featuresFile);
    auto bytes = readFile(m_featuresFile, m_featuresFile != kFeaturesFile);
    if (!bytes) return;
    GeoDocument doc;
    try {
      doc = parseGeoJson(*bytes);
    } catch (const GeoJsonError& e) {
      throw ImportError(file, e.pos().line, e.pos().column, e.what());
    }
    const std::vector<GeoFeature>& parsed = doc.features;
    m_s.featuresSkipped += doc.null_geometries;
    if (doc.null_geometries > 0)
      m_s.notes.push_back(file + ": " + std::to_string(doc.null_geometries) + " feature" +
                          (doc.null_geometries == 1 ? "" : "s") +
                          " without a geometry (null) skipped: nothing to draw");
    if (!doc.crs_note.empty()) m_s.notes.push_back(file + ": " + doc.crs_note);
    std::map<Id, int> lines;
    // Parts after the first of a Multi* geometry get the ids after the highest id in the file,
    // so importing the same file again gives them the same ids (and replaces them).
    Id nextId = 1;
    for (const auto& f : parsed) {
      if (auto id = parseId(f.id_json)) nextId = std::max(nextId, *id + 1);
    }
    // A layer written by another program (QGIS, ogr2ogr, geojson.io, ...) knows nothing of
    // Liaison's "kind", ids or labels: its features get ids after the workspace's highest, a
    // kind from their geometry (polygons as boundaries, the rest as "other"), a label from a
    // name-like property, and the file's name as their layer. Their own id and properties stay.
    m_foreign = m_standalone && (m_forceForeign || !ownFormat(doc));
    if (m_foreign) {
      nextId = 1;
      for (const MapFeature& existing : m_existing.features)
        nextId = std::max(nextId, existing.id + 1);
    }
    for (const GeoFeature& f : parsed) {
      const auto fail = [&](TextPos p, const std::string& reason) {
        throw ImportError(file, p.line, p.column, reason);
      };
      if (m_foreign) {
        MapFeature x;
        x.id = nextId++;
        // Always the file's name: a "Layer" property (every ogr2ogr DXF export has one) stays a
        // property, or importing the file again would not find the layer it replaces.
        x.layer = m_layerName;
        nlohmann::json extra = nlohmann::json::object();
        if (!f.id_json.empty()) extra["id"] = nlohmann::json::parse(f.id_json);
        std::string label;
        int labelRank = 99;
        for (const GeoProperty& p : f.properties) {
          const auto value = nlohmann::json::parse(p.json);
          extra[p.key] = value;
          if (!value.is_string() || value.get<std::string>().empty()) continue;
          std::string key = p.key;
          std::transform(key.begin(), key.end(), key.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
          const int rank = key == "label"                              ? 0
                           : key == "name"                             ? 1
                           : key == "title"                            ? 2
                           : (key.size() > 4 && key.ends_with("name")) ? 3
                                                                       : 99;
          if (rank < labelRank) {
            labelRank = rank;
            label = value.get<std::string>();
          }
        }
        x.label = label;
        x.properties_json = extra.dump();
        bool first = true;
        for (auto& [geometry, rings] : pieces(f.geometry)) {
          MapFeature piece = x;
          if (!first) piece.id = nextId++;
          first = false;
          piece.geometry = geometry;
          piece.kind = geometry == GeometryKind::Polygon ? FeatureKind::Boundary : FeatureKind::Other;
          piece.rings = std::move(rings);
          m_s.features.push_back(std::move(piece));
        }
        continue;
      }
      if (f.id_json.empty())
        fail(f.pos, "the feature has no id; expected a unique positive whole number, e.g. 12");
      const auto id = parseId(f.id_json);
      if (!id)
        fail(f.id_pos, "feature id " + excerpt(f.id_json, 40) +
                           " is not a valid id; expected a positive whole number, e.g. 12");
      if (auto [it, inserted] = lines.emplace(*id, f.id_pos.line); !inserted)
        fail(f.id_pos, "duplicate id " + std::to_string(*id) + " (first on line " +
                           std::to_string(it->second) +
                           "); expected ids unique within features.geojson");
      m_s.ids[EntityKind::MapFeature].insert(*id);

      MapFeature x;
      x.id = *id;
      x.layer = "workspace";
      nlohmann::json extra = nlohmann::json::object();
      bool hasKind = false;
      for (const GeoProperty& p : f.properties) {
        const auto value = nlohmann::json::parse(p.json);
        if (p.key == "kind") {
          const auto kind =
              value.is_string() ? parseEnum<FeatureKind>(value.get<std::string>()) : std::nullopt;
          if (!kind)
            fail(p.pos, "kind " + excerpt(p.json, 40) +
                            " is not a valid feature kind; expected one of " +
                            validValues<FeatureKind>());
          x.kind = *kind;
          hasKind = true;
        } else if (p.key == "label" || p.key == "layer") {
          if (value.is_null()) continue;
          if (!value.is_string())
            fail(p.pos, p.key + " " + excerpt(p.json, 40) + " is not a text; expected a JSON string");
          (p.key == "label" ? x.label : x.layer) = value.get<std::string>();
        } else if (p.key == "agency" || p.key == "incident") {
          if (value.is_null()) continue;
          const auto ref = value.is_number_integer() ? parseId(p.json) : std::nullopt;
          if (!ref)
            fail(p.pos, p.key + " " + excerpt(p.json, 40) +
                            " is not a valid id; expected a positive whole number, e.g. 12");
          const bool agency = p.key == "agency";
          (agency ? x.agency : x.incident) = *ref;
          m_s.references.push_back(Reference{agency ? EntityKind::Agency : EntityKind::Incident,
                                             *ref, p.key, Origin{file, p.pos.line, p.pos.column}});
        } else {
          extra[p.key] = value;
        }
      }
      if (!hasKind)
        fail(f.properties_pos,
             "the feature has no \"kind\" property; expected one of " + validValues<FeatureKind>());
      x.properties_json = extra.dump();
      bool first = true;
      for (auto& [geometry, rings] : pieces(f.geometry)) {
        MapFeature piece = x;
        if (!first) piece.id = nextId++;
        first = false;
        piece.geometry = geometry;
        piece.rings = std::move(rings);
        m_s.features.push_back(std::move(piece));
      }
    }
  }

  bool exists(EntityKind kind, Id id) const {
    if (auto it = m_s.ids.find(kind); it != m_s.ids.end() && it->second.contains(id)) return true;
    return m_existing.exists(kind, id);
  }

  void checkReferences() const {
    for (const Reference& r : m_s.references) {
      if (exists(r.kind, r.id)) continue;
      const std::string kind(toString(r.kind));
      throw ImportError(r.at.file, r.at.line, r.at.column,
                        "unknown " + kind + " " + std::to_string(r.id) + " in " + r.column +
                            "; expected an id in " + fileOf(r.kind));
    }
  }

  // Puts records after the records of the same kind they depend on, and refuses dependency
  // cycles with the place where the cycle is named.
  template <class R>
  void orderBySelfReferences(std::vector<R>& records) {
    constexpr EntityKind kind = entityKindOf<R>();
    std::map<Id, const R*> byId;
    for (const R& t : records) byId[t.id] = &t;
    std::map<Id, int> state;  // 0 new, 1 on the stack, 2 done
    std::vector<Id> stack, order;
    const auto visit = [&](auto&& self, Id id) -> void {
      state[id] = 1;
      stack.push_back(id);
      for (Id d : byId[id]->depends_on) {
        if (!byId.contains(d)) continue;  // already in the workspace
        if (state[d] == 1) {
          std::string cycle;
          for (auto it = std::find(stack.begin(), stack.end(), d); it != stack.end(); ++it)
            cycle += std::to_string(*it) + " -> ";
          cycle += std::to_string(d);
          const Origin& at = m_s.selfRefs.at({kind, id});
          throw ImportError(
              at.file, at.line, at.column,
              "depends_on makes a cycle (" + cycle + "); expected dependencies without cycles");
        }
        if (state[d] == 0) self(self, d);
      }
      stack.pop_back();
      state[id] = 2;
      order.push_back(id);
    };
    for (const auto& [id, record] : byId)
      if (state[id] == 0) visit(visit, id);
    std::vector<R> sorted;
    for (Id id : order) sorted.push_back(*byId[id]);
    records = std::move(sorted);
  }

  std::filesystem::path m_dir;
  const Snapshot& m_existing;
  Scenario m_s;
};

ImportSummary applyScenario(Scenario s, Store& store, const std::string& actor);
ImportSummary applyFeatures(Importer& importer, Scenario s, const Snapshot& existing,
                            const std::string& label, Store& store, const std::string& actor);

}  // namespace

ImportSummary importScenario(const std::filesystem::path& dir, Store& store,
                             const std::string& actor) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw ImportError(dir.string(), 0, 0, "not a folder; expected a scenario folder");
  const SnapshotPtr existing = store.load();
  return applyScenario(Importer(dir, *existing).read(), store, actor);
}

namespace {

ImportSummary applyScenario(Scenario s, Store& store, const std::string& actor) {
  // Referenced kinds first, so every reference exists when an entity is put.
  std::vector<Command> commands;
  const auto add = [&](const auto& list) {
    for (const auto& e : list) commands.push_back(put(e));
  };
  add(s.incidents);
  add(s.periods);
  add(s.agencies);
  add(s.features);
  add(s.infrastructure);
  add(s.representatives);
  add(s.channels);
  add(s.tasks);
  add(s.needs);
  add(s.events);
  add(s.messages);

  ImportSummary summary;
  summary.agencies = static_cast<int>(s.agencies.size());
  summary.representatives = static_cast<int>(s.representatives.size());
  summary.contacts = s.contacts;
  summary.channels = static_cast<int>(s.channels.size());
  summary.needs = static_cast<int>(s.needs.size());
  summary.incidents = static_cast<int>(s.incidents.size());
  summary.periods = static_cast<int>(s.periods.size());
  summary.events = static_cast<int>(s.events.size());
  summary.tasks = static_cast<int>(s.tasks.size());
  summary.features = static_cast<int>(s.features.size());
  summary.features_skipped = s.featuresSkipped;
  summary.notes = s.notes;
  summary.infrastructure = static_cast<int>(s.infrastructure.size());
  summary.messages = static_cast<int>(s.messages.size());
  if (commands.empty()) {
    summary.revision = store.revision();
    return summary;
  }
  try {
    summary.revision = store.apply(commands, actor).revision;
  } catch (const ValidationError& e) {
    // The checks above should catch everything first; name at least the file when the store
    // refuses (its message starts with the entity kind, e.g. "operational period 3 ...").
    const std::string_view what = e.what();
    std::string file;
    for (const auto& [kind, label] : EnumTable<EntityKind>::values) {
      std::string words(label);
      std::replace(words.begin(), words.end(), '_', ' ');
      if (what.starts_with(words + " ")) file = fileOf(kind);
    }
    throw ImportError(file, 0, 0, "the workspace refused the import: " + std::string(what));
  }
  return summary;
}

}  // namespace

ImportSummary importScenarioWorkbook(const std::filesystem::path& book, InputKind kind,
                                     Store& store, const std::string& actor) {
  const std::string label = book.string();
  const std::vector<WorkbookSheet> sheets = readWorkbook(book, kind, label);
  const SnapshotPtr existing = store.load();
  Importer importer("", *existing);
  importer.useWorkbook(label, sheets);
  Scenario s = importer.read();
  for (const WorkbookSheet& sh : sheets) {
    bool known = false;
    for (std::string_view f : {fields::Table<Incident>::csvFile, fields::Table<OperationalPeriod>::csvFile,
                               fields::Table<Agency>::csvFile, fields::Table<Infrastructure>::csvFile,
                               fields::Table<Representative>::csvFile, kContactsFile,
                               fields::Table<Channel>::csvFile, fields::Table<Need>::csvFile,
                               fields::Table<TimelineEvent>::csvFile, fields::Table<Task>::csvFile,
                               fields::Table<Message>::csvFile}) {
      std::string stem(f.substr(0, f.rfind('.')));
      std::string name = sh.name;
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      known = known || name == stem || name == stem + ".csv";
    }
    if (!known) s.notes.push_back(label + ": sheet \"" + sh.name + "\" is no scenario file: ignored");
  }
  return applyScenario(std::move(s), store, actor);
}

ImportSummary importForeignLayer(const std::filesystem::path& file, InputKind kind, Store& store,
                                 const std::string& actor) {
  const std::string label = file.string();
  ForeignLayers layers = readForeignLayers(file, kind, label);
  const SnapshotPtr existing = store.load();
  Importer importer("", *existing);
  Scenario s = importer.readForeignLayer(label, file.stem().string(), std::move(layers.geojson));
  s.featuresSkipped += static_cast<int>(layers.skipped);
  for (std::string& n : layers.notes) s.notes.push_back(label + ": " + n);
  return applyFeatures(importer, std::move(s), *existing, label, store, actor);
}

ImportSummary importFeatures(const std::filesystem::path& geojson, Store& store,
                             const std::string& actor) {
  const SnapshotPtr existing = store.load();
  Importer importer("", *existing);
  Scenario s = importer.readFeaturesFile(geojson);
  return applyFeatures(importer, std::move(s), *existing, geojson.string(), store, actor);
}

namespace {

ImportSummary applyFeatures(Importer& importer, Scenario s, const Snapshot& existing,
                            const std::string& label, Store& store, const std::string& actor) {
  std::vector<Command> commands;
  // Importing a layer from another program again replaces what its previous import added.
  if (importer.foreignLayer())
    for (const MapFeature& f : existing.features)
      if (f.layer == importer.layerName()) commands.push_back(remove(EntityKind::MapFeature, f.id));
  for (const auto& f : s.features) commands.push_back(put(f));
  ImportSummary summary;
  summary.features = static_cast<int>(s.features.size());
  summary.features_skipped = s.featuresSkipped;
  summary.notes = s.notes;
  if (commands.empty()) {
    summary.revision = store.revision();
    return summary;
  }
  try {
    summary.revision = store.apply(commands, actor).revision;
  } catch (const ValidationError& e) {
    throw ImportError(label, 0, 0, e.what());
  }
  return summary;
}

}  // namespace

}  // namespace liaison::core
