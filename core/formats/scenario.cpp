// Scenario folders (docs/scenario-format.md): import reads and checks every file first, then
// applies everything as one Store transaction; export writes the same format deterministically.
#include "core/formats/scenario.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <sstream>

#include "core/formats/csv.hpp"
#include "core/model/enums.hpp"
#include "core/formats/geojson.hpp"
#include "core/model/values.hpp"

namespace liaison::core {

namespace {

std::string locationPrefix(const std::string& file, int line, int column) {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  return out.empty() ? out : out + ": ";
}

}  // namespace

ImportError::ImportError(std::string file, int line, int column, const std::string& what)
    : std::runtime_error(locationPrefix(file, line, column) + what),
      m_file(std::move(file)),
      m_line(line),
      m_column(column),
      m_reason(what) {}

namespace {

// ---- the files and their columns, in export order -------------------------------------------

struct ColumnSpec {
  std::string_view name;
  bool required;
};

constexpr ColumnSpec kIncidentColumns[] = {
    {"id", true},    {"name", true},      {"number", false},
    {"kind", false}, {"exercise", false}, {"start", true},
    {"end", false},  {"location", false}, {"description", false}};
constexpr ColumnSpec kPeriodColumns[] = {{"id", true},     {"incident", true},
                                         {"number", true}, {"start", true},
                                         {"end", true},    {"objectives", false}};
constexpr ColumnSpec kAgencyColumns[] = {
    {"id", true},         {"code", true},        {"name", true},          {"type", true},
    {"role", true},       {"discipline", false}, {"jurisdiction", false}, {"location", false},
    {"lat", false},       {"lon", false},        {"agreements", false},   {"resources", false},
    {"personnel", false}, {"condition", false},  {"constraints", false},  {"rep_location", false},
    {"notes", false}};
constexpr ColumnSpec kRepresentativeColumns[] = {{"id", true},     {"agency", true},
                                                 {"name", true},   {"position", false},
                                                 {"shift", false}, {"on_duty", false}};
constexpr ColumnSpec kContactColumns[] = {{"representative", true},
                                          {"kind", true},
                                          {"value", true},
                                          {"sensitive", false},
                                          {"note", false}};
constexpr ColumnSpec kChannelColumns[] = {
    {"id", true},           {"from_representative", false}, {"to_representative", false},
    {"from_agency", false}, {"to_agency", false},           {"medium", true},
    {"identifier", false},  {"latency_min", true},          {"reliability", true},
    {"status", false},      {"direction", false},           {"notes", false}};
constexpr ColumnSpec kNeedColumns[] = {{"id", true},      {"agency_a", true},  {"agency_b", true},
                                       {"reason", false}, {"priority", false}, {"source", false},
                                       {"task", false}};
constexpr ColumnSpec kEventColumns[] = {{"id", true},      {"incident", true},    {"time", true},
                                        {"kind", true},    {"agencies", false},   {"text", true},
                                        {"source", false}, {"significant", false}};
constexpr ColumnSpec kTaskColumns[] = {{"id", true},
                                       {"incident", true},
                                       {"title", true},
                                       {"description", false},
                                       {"status", false},
                                       {"priority", false},
                                       {"owner_agency", false},
                                       {"owner_representative", false},
                                       {"involved", false},
                                       {"due", false},
                                       {"depends_on", false}};

constexpr std::string_view kIncidentsFile = "incidents.csv";
constexpr std::string_view kPeriodsFile = "periods.csv";
constexpr std::string_view kAgenciesFile = "agencies.csv";
constexpr std::string_view kRepresentativesFile = "representatives.csv";
constexpr std::string_view kContactsFile = "contacts.csv";
constexpr std::string_view kChannelsFile = "channels.csv";
constexpr std::string_view kNeedsFile = "needs.csv";
constexpr std::string_view kEventsFile = "events.csv";
constexpr std::string_view kTasksFile = "tasks.csv";
constexpr std::string_view kFeaturesFile = "features.geojson";

std::string joinNames(std::span<const ColumnSpec> cols, bool requiredOnly) {
  std::string out;
  for (const auto& c : cols) {
    if (requiredOnly && !c.required) continue;
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

std::string quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// ---- reading a CSV file into located cells ---------------------------------------------------

struct Cell {
  std::string_view name;  // the column
  std::string_view text;
  int line = 0;
  int column = 0;  // 0 when the column is not in the file
  bool present() const { return column > 0; }
  bool empty() const { return text.empty(); }
};

class Table {
 public:
  Table(std::string file, std::span<const ColumnSpec> columns)
      : m_file(std::move(file)), m_columns(columns) {}

  const std::string& file() const { return m_file; }

  [[noreturn]] void fail(int line, int column, const std::string& reason) const {
    throw ImportError(m_file, line, column, reason);
  }
  [[noreturn]] void fail(const Cell& c, const std::string& reason) const {
    fail(c.line, c.column, reason);
  }

  void parse(std::string_view bytes) {
    try {
      m_records = parseCsv(bytes);
    } catch (const CsvError& e) {
      fail(e.line(), e.column(), e.what());
    }
    if (m_records.empty())
      fail(1, 1,
           "the file is empty; expected a header line with the columns " +
               joinNames(m_columns, false));
    const CsvRecord& header = m_records.front();
    for (const CsvField& f : header.fields) {
      const auto known = std::find_if(m_columns.begin(), m_columns.end(),
                                      [&](const ColumnSpec& c) { return c.name == f.text; });
      if (known == m_columns.end())
        fail(f.line, f.column,
             "unexpected column " + quote(f.text) + "; valid columns are " +
                 joinNames(m_columns, false));
      if (m_index.contains(f.text))
        fail(f.line, f.column,
             "column " + quote(f.text) + " appears twice (first as column " +
                 std::to_string(m_index[f.text] + 1) + "); expected each column once");
      m_index[f.text] = static_cast<std::size_t>(f.column - 1);
    }
    for (const auto& c : m_columns)
      if (c.required && !m_index.contains(c.name))
        fail(header.line, 1,
             "missing required column " + quote(c.name) + "; required columns are " +
                 joinNames(m_columns, true));
    const std::size_t width = header.fields.size();
    for (std::size_t r = 1; r < m_records.size(); ++r) {
      const auto& fields = m_records[r].fields;
      if (fields.size() == width) continue;
      const CsvField& at = fields.size() > width ? fields[width] : fields.back();
      fail(at.line, static_cast<int>(std::min(fields.size(), width) + 1),
           "the line has " + std::to_string(fields.size()) + " fields but the header has " +
               std::to_string(width) + "; expected " + std::to_string(width) +
               " fields (an empty cell still needs its comma)");
    }
  }

  std::size_t rows() const { return m_records.empty() ? 0 : m_records.size() - 1; }
  int rowLine(std::size_t row) const { return m_records[row + 1].line; }

  Cell cell(std::size_t row, std::string_view column) const {
    const CsvRecord& rec = m_records[row + 1];
    const auto it = m_index.find(column);
    if (it == m_index.end()) return Cell{column, {}, rec.line, 0};
    const CsvField& f = rec.fields[it->second];
    return Cell{column, f.text, f.line, f.column};
  }

 private:
  std::string m_file;
  std::span<const ColumnSpec> m_columns;
  std::vector<CsvRecord> m_records;
  std::map<std::string, std::size_t, std::less<>> m_index;
};

// Reads the cells of one row into typed values, refusing bad ones with a located message.
class RowReader {
 public:
  RowReader(const Table& table, std::size_t row) : m_table(table), m_row(row) {}

  Cell cell(std::string_view column) const { return m_table.cell(m_row, column); }
  int line() const { return m_table.rowLine(m_row); }
  [[noreturn]] void fail(const Cell& c, const std::string& reason) const {
    m_table.fail(c, reason);
  }

  std::string text(std::string_view column, bool required = false) const {
    const Cell c = cell(column);
    if (required && c.text.find_first_not_of(" \t\r\n") == std::string_view::npos)
      fail(c, std::string(column) + " is empty; expected a non-empty text");
    return std::string(c.text);
  }

  Id id(std::string_view column) const {
    const Cell c = cell(column);
    if (c.empty())
      fail(c, std::string(column) + " is empty; expected an id (a positive whole number)");
    return parseIdCell(c);
  }
  Id optionalId(std::string_view column) const {
    const Cell c = cell(column);
    return c.empty() ? 0 : parseIdCell(c);
  }

  std::vector<Id> idList(std::string_view column) const {
    const Cell c = cell(column);
    auto ids = parseIdList(c.text);
    if (!ids)
      fail(c, std::string(column) + " " + quote(c.text) +
                  " is not a list of ids; expected positive whole numbers separated by ';', "
                  "e.g. 3;7;12");
    for (std::size_t i = 0; i < ids->size(); ++i)
      for (std::size_t k = 0; k < i; ++k)
        if ((*ids)[i] == (*ids)[k])
          fail(c, std::string(column) + " lists " + std::to_string((*ids)[i]) +
                      " twice; expected each id once");
    return *ids;
  }

  TimeUtc time(std::string_view column) const {
    const Cell c = cell(column);
    if (c.empty()) fail(c, std::string(column) + " is empty; expected a time, " + kTimeExample);
    return parseTimeCell(c);
  }
  std::optional<TimeUtc> optionalTime(std::string_view column) const {
    const Cell c = cell(column);
    if (c.empty()) return std::nullopt;
    return parseTimeCell(c);
  }

  bool boolean(std::string_view column, bool fallback) const {
    const Cell c = cell(column);
    if (c.empty()) return fallback;
    auto b = parseBool(c.text);
    if (!b)
      fail(c,
           std::string(column) + " " + quote(c.text) + " is not a boolean; expected true or false");
    return *b;
  }

  // A number in [lo, hi]; `range` describes the range for the message.
  std::optional<double> number(std::string_view column, bool required, double lo, double hi,
                               const std::string& range) const {
    const Cell c = cell(column);
    if (c.empty()) {
      if (required) fail(c, std::string(column) + " is empty; expected " + range);
      return std::nullopt;
    }
    auto v = parseNumber(c.text);
    if (!v)
      fail(c, std::string(column) + " " + quote(c.text) + " is not a number; expected " + range +
                  " with a dot as decimal separator");
    if (*v < lo || *v > hi)
      fail(c,
           std::string(column) + " " + std::string(c.text) + " is out of range; expected " + range);
    return v;
  }

  int integer(std::string_view column, int fallback, int lo, const std::string& range) const {
    const Cell c = cell(column);
    if (c.empty()) return fallback;
    auto v = parseInteger(c.text);
    if (!v) {
      const bool digitsOnly = c.text.find_first_not_of("-0123456789") == std::string_view::npos;
      fail(c,
           std::string(column) + " " + quote(c.text) +
               (digitsOnly ? " is out of range; expected " : " is not a whole number; expected ") +
               range);
    }
    if (*v < lo || *v > 1'000'000'000)
      fail(c,
           std::string(column) + " " + std::string(c.text) + " is out of range; expected " + range);
    return static_cast<int>(*v);
  }

  template <class E>
  E enumeration(std::string_view column, std::optional<E> fallback, std::string_view what) const {
    const Cell c = cell(column);
    if (c.empty()) {
      if (fallback) return *fallback;
      fail(c, std::string(column) + " is empty; expected one of " + validValues<E>());
    }
    auto v = parseEnum<E>(c.text);
    if (!v)
      fail(c, std::string(column) + " " + quote(c.text) + " is not a valid " + std::string(what) +
                  "; expected one of " + validValues<E>());
    return *v;
  }

  static constexpr const char* kTimeExample =
      "ISO 8601 with a zone, e.g. 2026-05-14T08:30:00Z or 2026-05-14T10:30:00+02:00";

 private:
  Id parseIdCell(const Cell& c) const {
    auto v = parseId(c.text);
    if (!v)
      fail(c, std::string(c.name) + " " + quote(c.text) +
                  " is not a valid id; expected a positive whole number, e.g. 12");
    return *v;
  }
  TimeUtc parseTimeCell(const Cell& c) const {
    auto v = parseTime(c.text);
    if (!v)
      fail(c, std::string(c.name) + " " + quote(c.text) + " is not a valid time; expected " +
                  kTimeExample);
    return *v;
  }

  const Table& m_table;
  std::size_t m_row;
};

// ---- what was read, with where it came from --------------------------------------------------

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
  int contacts = 0;

  std::map<EntityKind, std::set<Id>> ids;  // the ids defined in the folder
  std::vector<Reference> references;
  std::map<Id, int> taskLines;  // for dependency-cycle messages
  std::map<Id, Origin> taskDependsOn;
};

std::string fileOf(EntityKind kind) {
  switch (kind) {
    case EntityKind::Agency:
      return std::string(kAgenciesFile);
    case EntityKind::Representative:
      return std::string(kRepresentativesFile);
    case EntityKind::Channel:
      return std::string(kChannelsFile);
    case EntityKind::Need:
      return std::string(kNeedsFile);
    case EntityKind::Incident:
      return std::string(kIncidentsFile);
    case EntityKind::OperationalPeriod:
      return std::string(kPeriodsFile);
    case EntityKind::Event:
      return std::string(kEventsFile);
    case EntityKind::Task:
      return std::string(kTasksFile);
    case EntityKind::MapFeature:
      return std::string(kFeaturesFile);
  }
  return "?";
}

class Importer {
 public:
  Importer(std::filesystem::path dir, const Snapshot& existing)
      : m_dir(std::move(dir)), m_existing(existing) {}

  Scenario read() {
    readIncidents();
    readPeriods();
    readAgencies();
    readRepresentatives();
    readContacts();
    readChannels();
    readNeeds();
    readEvents();
    readTasks();
    readFeatures();
    checkReferences();
    orderTasks();
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

 private:
  std::string m_featuresFile{kFeaturesFile};
  // A GeoJSON file imported on its own (not a scenario folder's features.geojson).
  bool m_standalone = false;
  std::string m_layerName;

 public:
  // Set by readFeaturesFile: the file is a layer from another program (no feature carries a
  // "kind"), so its features got fresh ids and the layer name of the file.
  bool foreignLayer() const { return m_foreign; }
  const std::string& layerName() const { return m_layerName; }

 private:
  bool m_foreign = false;

  std::optional<std::string> readFile(std::string_view name, bool required) const {
    const auto path = m_dir / name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      if (required)
        throw ImportError(std::string(name), 0, 0,
                          "the file is missing; every scenario folder needs " + std::string(name));
      return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (!in && !in.eof())
      throw ImportError(std::string(name), 0, 0, "cannot read the file; check its permissions");
    return buf.str();
  }

  // Parses a CSV file; nullopt when it is optional and absent.
  std::optional<Table> open(std::string_view name, std::span<const ColumnSpec> columns,
                            bool required = false) {
    auto bytes = readFile(name, required);
    if (!bytes) return std::nullopt;
    Table table{std::string(name), columns};
    table.parse(*bytes);
    return table;
  }

  // Records the id of a row, refusing duplicates within the file.
  Id defineId(const RowReader& row, EntityKind kind, std::map<Id, int>& lines) {
    const Id id = row.id("id");
    const Cell c = row.cell("id");
    if (auto [it, inserted] = lines.emplace(id, c.line); !inserted)
      row.fail(c, "duplicate id " + std::to_string(id) + " (first on line " +
                      std::to_string(it->second) + "); expected ids unique within " + fileOf(kind));
    m_s.ids[kind].insert(id);
    return id;
  }

  void reference(const RowReader& row, std::string_view column, EntityKind kind, Id id,
                 const std::string& file) {
    if (id == 0) return;
    const Cell c = row.cell(column);
    m_s.references.push_back(
        Reference{kind, id, std::string(column), Origin{file, c.line, c.column}});
  }

  void readIncidents() {
    auto t = open(kIncidentsFile, kIncidentColumns);
    if (!t) return;
    std::map<Id, int> lines;
    for (std::size_t r = 0; r < t->rows(); ++r) {
      RowReader row(*t, r);
      Incident x;
      x.id = defineId(row, EntityKind::Incident, lines);
      x.name = row.text("name", true);
      x.number = row.text("number");
      x.kind = row.text("kind");
      x.exercise = row.boolean("exercise", false);
      x.start = row.time("start");
      x.end = row.optionalTime("end");
      if (x.end && *x.end <= x.start)
        row.fail(row.cell("end"), "end " + std::string(row.cell("end").text) +
                                      " is not after start; expected a time after " +
                                      formatTime(x.start));
      x.location = row.text("location");
      x.description = row.text("description");
      m_s.incidents.push_back(std::move(x));
    }
  }

  void readPeriods() {
    auto t = open(kPeriodsFile, kPeriodColumns);
    if (!t) return;
    std::map<Id, int> lines;
    for (std::size_t r = 0; r < t->rows(); ++r) {
      RowReader row(*t, r);
      OperationalPeriod x;
      x.id = defineId(row, EntityKind::OperationalPeriod, lines);
      x.incident = row.id("incident");
      reference(row, "incident", EntityKind::Incident, x.incident, t->file());
      const Cell number = row.cell("number");
      if (number.empty()) row.fail(number, "number is empty; expected a whole number, 1 or more");
      x.number = row.integer("number", 1, 1, "a whole number, 1 or more");
      x.start = row.time("start");
      x.end = row.time("end");
      if (x.end <= x.start)
        row.fail(row.cell("end"), "end " + std::string(row.cell("end").text) +
                                      " is not after start; expected a time after " +
                                      formatTime(x.start));
      x.objectives = row.text("objectives");
      m_s.periods.push_back(std::move(x));
    }
  }

  void readAgencies() {
    auto t = open(kAgenciesFile, kAgencyColumns, true);
    std::map<Id, int> lines;
    std::map<std::string, int> codes;
    for (std::size_t r = 0; r < t->rows(); ++r) {
      RowReader row(*t, r);
      Agency x;
      x.id = defineId(row, EntityKind::Agency, lines);
      x.code = row.text("code", true);
      if (auto [it, inserted] = codes.emplace(x.code, row.cell("code").line); !inserted)
        row.fail(row.cell("code"), "duplicate code " + quote(x.code) + " (first on line " +
                                       std::to_string(it->second) +
                                       "); expected codes unique within agencies.csv");
      x.name = row.text("name", true);
      x.type = row.enumeration<AgencyType>("type", std::nullopt, "agency type");
      x.role = row.enumeration<AgencyRole>("role", std::nullopt, "agency role");
      x.discipline = row.text("discipline");
      x.jurisdiction = row.text("jurisdiction");
      x.location = row.text("location");
      const auto lat = row.number("lat", false, -90, 90, "a latitude from -90 to 90");
      const auto lon = row.number("lon", false, -180, 180, "a longitude from -180 to 180");
      if (lat.has_value() != lon.has_value()) {
        const Cell missing = row.cell(lat ? "lon" : "lat");
        row.fail(missing.present() ? missing : row.cell(lat ? "lat" : "lon"),
                 std::string(lat ? "lon" : "lat") + " is empty but " + (lat ? "lat" : "lon") +
                     " is set; expected both lat and lon, or neither");
      }
      if (lat) x.position = LonLat{*lon, *lat};
      x.agreements = row.text("agreements");
      x.resources = row.text("resources");
      x.personnel = row.integer("personnel", 0, 0, "a whole number, 0 or more");
      x.condition = row.text("condition");
      x.constraints = row.text("constraints");
      x.rep_location = row.text("rep_location");
      x.notes = row.text("notes");
      m_s.agencies.push_back(std::move(x));
    }
    // A code must also stay unique against agencies already in the workspace.
    std::set<Id> replaced(m_s.ids[EntityKind::Agency]);
    for (const Agency& a : m_existing.agencies) {
      if (replaced.contains(a.id)) continue;
      if (auto it = codes.find(a.code); it != codes.end())
        t->fail(it->second, t->cell(0, "code").column,
                "code " + quote(a.code) + " is already used by agency " + std::to_string(a.id) +
                    " in the workspace; expected a code not used by another agency");
    }
  }

  void readRepresentatives() {
    auto t = open(kRepresentativesFile, kRepresentativeColumns);
    if (!t) return;
    std::map<Id, int> lines;
    for (std::size_t r = 0; r < t->rows(); ++r) {
      RowReader row(*t, r);
      Representative x;
      x.id = defineId(row, EntityKind::Representative, lines);
      x.agency = row.id("agency");
      reference(row, "agency", EntityKind::Agency, x.agency, t->file());
      x.name = row.text("name", true);
      x.position = row.text("position");
      x.shift = row.text("shift");
      x.on_duty = row.boolean("on_duty", true);
      m_s.representatives.push_back(std::move(x));
    }
  }

  void readContacts() {
    auto t = open(kContactsFile, kContactColumns);
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
      ContactMethod c;
      c.kind = row.enumeration<ContactKind>("kind", std::nullopt, "contact kind");
      c.value = row.text("value", true);
      c.sensitive = row.boolean("sensitive", false);
      c.note = row.text("note");
      it->second->contacts.push_back(std::move(c));
      ++m_s.contacts;
    }
  }

  void readChannels() {
    auto t = open(kChannelsFile, kChannelColumns);
    if (!t) return;
    std::map<Id, int> lines;
    for (std::size_t r = 0; r < t->rows(); ++r) {
      RowReader row(*t, r);
      Channel x;
      x.id = defineId(row, EntityKind::Channel, lines);
      x.from_rep = row.optionalId("from_representative");
      x.to_rep = row.optionalId("to_representative");
      x.from_agency = row.optionalId("from_agency");
      x.to_agency = row.optionalId("to_agency");
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
      reference(row, "from_representative", EntityKind::Representative, x.from_rep, t->file());
      reference(row, "to_representative", EntityKind::Representative, x.to_rep, t->file());
      reference(row, "from_agency", EntityKind::Agency, x.from_agency, t->file());
      reference(row, "to_agency", EntityKind::Agency, x.to_agency, t->file());
      x.medium = row.enumeration<Medium>("medium", std::nullopt, "medium");
      x.identifier = row.text("identifier");
      x.latency_min = *row.number("latency_min", true, 0, 1e9, "a number of minutes, 0 or more");
      x.reliability = *row.number("reliability", true, 0, 1, "a number from 0 to 1");
      x.status = row.enumeration<ChannelStatus>("status", ChannelStatus::Up, "channel status");
      const Cell dir = row.cell("direction");
      if (dir.text == "one_way") {
        x.two_way = false;
      } else if (!dir.empty() && dir.text != "two_way") {
        row.fail(dir, "direction " + quote(dir.text) +
                          " is not a valid direction; expected one of two_way or one_way");
      }
      x.notes = row.text("notes");
      m_s.channels.push_back(std::move(x));
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

  void readNeeds() {
    auto t = open(kNeedsFile, kNeedColumns);
    if (!t) return;
    std::map<Id, int> lines;
    for (std::size_t r = 0; r < t->rows(); ++r) {
      RowReader row(*t, r);
      Need x;
      x.id = defineId(row, EntityKind::Need, lines);
      x.agency_a = row.id("agency_a");
      x.agency_b = row.id("agency_b");
      if (x.agency_a == x.agency_b)
        row.fail(row.cell("agency_b"), "agency_b " + std::to_string(x.agency_b) +
                                           " is the same as agency_a; expected a different agency");
      reference(row, "agency_a", EntityKind::Agency, x.agency_a, t->file());
      reference(row, "agency_b", EntityKind::Agency, x.agency_b, t->file());
      x.reason = row.text("reason");
      x.priority = row.enumeration<Priority>("priority", Priority::Normal, "priority");
      x.source = row.enumeration<NeedSource>("source", NeedSource::Manual, "need source");
      x.task = row.optionalId("task");
      if (x.source == NeedSource::Task && x.task == 0) {
        const Cell task = row.cell("task");
        row.fail(task.present() ? task : row.cell("source"),
                 "source is task but task is empty; expected an id in tasks.csv");
      }
      reference(row, "task", EntityKind::Task, x.task, t->file());
      m_s.needs.push_back(std::move(x));
    }
  }

  void readEvents() {
    auto t = open(kEventsFile, kEventColumns);
    if (!t) return;
    std::map<Id, int> lines;
    for (std::size_t r = 0; r < t->rows(); ++r) {
      RowReader row(*t, r);
      TimelineEvent x;
      x.id = defineId(row, EntityKind::Event, lines);
      x.incident = row.id("incident");
      reference(row, "incident", EntityKind::Incident, x.incident, t->file());
      x.time = row.time("time");
      x.kind = row.enumeration<EventKind>("kind", std::nullopt, "event kind");
      x.agencies = row.idList("agencies");
      for (Id a : x.agencies) reference(row, "agencies", EntityKind::Agency, a, t->file());
      x.text = row.text("text", true);
      x.source = row.text("source");
      x.significant = row.boolean("significant", false);
      m_s.events.push_back(std::move(x));
    }
  }

  void readTasks() {
    auto t = open(kTasksFile, kTaskColumns);
    if (!t) return;
    std::map<Id, int> lines;
    for (std::size_t r = 0; r < t->rows(); ++r) {
      RowReader row(*t, r);
      Task x;
      x.id = defineId(row, EntityKind::Task, lines);
      x.incident = row.id("incident");
      reference(row, "incident", EntityKind::Incident, x.incident, t->file());
      x.title = row.text("title", true);
      x.description = row.text("description");
      x.status = row.enumeration<TaskStatus>("status", TaskStatus::Todo, "task status");
      x.priority = row.enumeration<Priority>("priority", Priority::Normal, "priority");
      x.owner_agency = row.optionalId("owner_agency");
      reference(row, "owner_agency", EntityKind::Agency, x.owner_agency, t->file());
      x.owner_rep = row.optionalId("owner_representative");
      reference(row, "owner_representative", EntityKind::Representative, x.owner_rep, t->file());
      x.involved = row.idList("involved");
      for (Id a : x.involved) reference(row, "involved", EntityKind::Agency, a, t->file());
      x.due = row.optionalTime("due");
      x.depends_on = row.idList("depends_on");
      const Cell deps = row.cell("depends_on");
      for (Id d : x.depends_on) {
        if (d == x.id)
          row.fail(deps, "task " + std::to_string(x.id) +
                             " depends on itself; expected ids of other tasks in tasks.csv");
        reference(row, "depends_on", EntityKind::Task, d, t->file());
      }
      m_s.taskDependsOn[x.id] = Origin{t->file(), deps.line, deps.column};
      m_s.tasks.push_back(std::move(x));
    }
  }

  void readFeatures() {
    const std::string file(m_featuresFile);
    auto bytes = readFile(m_featuresFile, m_featuresFile != kFeaturesFile);
    if (!bytes) return;
    std::vector<GeoFeature> parsed;
    try {
      parsed = parseFeatureCollection(*bytes);
    } catch (const GeoJsonError& e) {
      throw ImportError(file, e.pos().line, e.pos().column, e.what());
    }
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
    m_foreign = m_standalone && std::none_of(parsed.begin(), parsed.end(), [](const GeoFeature& f) {
                  return std::any_of(f.properties.begin(), f.properties.end(),
                                     [](const GeoProperty& p) { return p.key == "kind"; });
                });
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
          if (key == "layer") x.layer = value.get<std::string>();
          if (rank < labelRank) {
            labelRank = rank;
            label = value.get<std::string>();
          }
        }
        x.label = label;
        x.properties_json = extra.dump();
        const bool polygon =
            f.geometry.type != GeoType::Point && f.geometry.type != GeoType::MultiPoint &&
            f.geometry.type != GeoType::LineString && f.geometry.type != GeoType::MultiLineString;
        x.geometry = polygon ? GeometryKind::Polygon
                     : (f.geometry.type == GeoType::Point || f.geometry.type == GeoType::MultiPoint)
                         ? GeometryKind::Point
                         : GeometryKind::Line;
        x.kind = polygon ? FeatureKind::Boundary : FeatureKind::Other;
        for (std::size_t part = 0; part < f.geometry.parts.size(); ++part) {
          MapFeature piece = x;
          if (part > 0) piece.id = nextId++;
          piece.rings = f.geometry.parts[part];
          m_s.features.push_back(std::move(piece));
        }
        continue;
      }
      if (f.id_json.empty())
        fail(f.pos, "the feature has no id; expected a unique positive whole number, e.g. 12");
      const auto id = parseId(f.id_json);
      if (!id)
        fail(f.id_pos, "feature id " + f.id_json +
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
            fail(p.pos, "kind " + p.json + " is not a valid feature kind; expected one of " +
                            validValues<FeatureKind>());
          x.kind = *kind;
          hasKind = true;
        } else if (p.key == "label" || p.key == "layer") {
          if (value.is_null()) continue;
          if (!value.is_string())
            fail(p.pos, p.key + " " + p.json + " is not a text; expected a JSON string");
          (p.key == "label" ? x.label : x.layer) = value.get<std::string>();
        } else if (p.key == "agency" || p.key == "incident") {
          if (value.is_null()) continue;
          const auto ref = value.is_number_integer() ? parseId(p.json) : std::nullopt;
          if (!ref)
            fail(p.pos, p.key + " " + p.json +
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
      switch (f.geometry.type) {
        case GeoType::Point:
        case GeoType::MultiPoint:
          x.geometry = GeometryKind::Point;
          break;
        case GeoType::LineString:
        case GeoType::MultiLineString:
          x.geometry = GeometryKind::Line;
          break;
        default:
          x.geometry = GeometryKind::Polygon;
      }
      for (std::size_t part = 0; part < f.geometry.parts.size(); ++part) {
        MapFeature piece = x;
        if (part > 0) piece.id = nextId++;
        piece.rings = f.geometry.parts[part];
        m_s.features.push_back(std::move(piece));
      }
    }
  }

  bool exists(EntityKind kind, Id id) const {
    if (auto it = m_s.ids.find(kind); it != m_s.ids.end() && it->second.contains(id)) return true;
    switch (kind) {
      case EntityKind::Agency:
        return m_existing.agency(id) != nullptr;
      case EntityKind::Representative:
        return m_existing.representative(id) != nullptr;
      case EntityKind::Incident:
        return m_existing.incident(id) != nullptr;
      case EntityKind::Task:
        return m_existing.task(id) != nullptr;
      default:
        return false;
    }
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

  // Puts tasks after the tasks they depend on (so every reference exists when a task is put)
  // and refuses dependency cycles.
  void orderTasks() {
    std::map<Id, const Task*> byId;
    for (const Task& t : m_s.tasks) byId[t.id] = &t;
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
          const Origin& at = m_s.taskDependsOn.at(id);
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
    for (const auto& [id, task] : byId)
      if (state[id] == 0) visit(visit, id);
    std::vector<Task> sorted;
    for (Id id : order) sorted.push_back(*byId[id]);
    m_s.tasks = std::move(sorted);
  }

  std::filesystem::path m_dir;
  const Snapshot& m_existing;
  Scenario m_s;
};

// ---- export ------------------------------------------------------------------------------------

void writeFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

template <std::size_t N>
std::string header(const ColumnSpec (&columns)[N]) {
  std::vector<std::string> names;
  for (const auto& c : columns) names.emplace_back(c.name);
  std::string out;
  appendCsvRecord(out, names);
  return out;
}

std::string idText(Id id) {
  return id == 0 ? "" : std::to_string(id);
}
std::string timeText(const std::optional<TimeUtc>& t) {
  return t ? formatTime(*t) : "";
}
template <class E>
std::string enumText(E e) {
  return std::string(toString(e));
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

}  // namespace

ImportSummary importScenario(const std::filesystem::path& dir, Store& store,
                             const std::string& actor) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw ImportError(dir.string(), 0, 0, "not a folder; expected a scenario folder");
  const SnapshotPtr existing = store.load();
  Scenario s = Importer(dir, *existing).read();

  // Referenced kinds first, so every reference exists when an entity is put.
  std::vector<Command> commands;
  const auto add = [&](const auto& list) {
    for (const auto& e : list) commands.push_back(put(e));
  };
  add(s.incidents);
  add(s.periods);
  add(s.agencies);
  add(s.representatives);
  add(s.channels);
  add(s.tasks);
  add(s.needs);
  add(s.events);
  add(s.features);

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

ImportSummary importFeatures(const std::filesystem::path& geojson, Store& store,
                             const std::string& actor) {
  const SnapshotPtr existing = store.load();
  Importer importer("", *existing);
  Scenario s = importer.readFeaturesFile(geojson);
  std::vector<Command> commands;
  // Importing a layer from another program again replaces what its previous import added.
  if (importer.foreignLayer())
    for (const MapFeature& f : existing->features)
      if (f.layer == importer.layerName()) commands.push_back(remove(EntityKind::MapFeature, f.id));
  for (const auto& f : s.features) commands.push_back(put(f));
  ImportSummary summary;
  summary.features = static_cast<int>(s.features.size());
  if (commands.empty()) {
    summary.revision = store.revision();
    return summary;
  }
  try {
    summary.revision = store.apply(commands, actor).revision;
  } catch (const ValidationError& e) {
    throw ImportError(geojson.string(), 0, 0, e.what());
  }
  return summary;
}

void exportScenario(const Snapshot& snap, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);

  std::string out = header(kIncidentColumns);
  for (const auto& x : snap.incidents)
    appendCsvRecord(
        out, {std::to_string(x.id), x.name, x.number, x.kind, std::string(formatBool(x.exercise)),
              formatTime(x.start), timeText(x.end), x.location, x.description});
  writeFile(dir / kIncidentsFile, out);

  out = header(kPeriodColumns);
  for (const auto& x : snap.periods)
    appendCsvRecord(out, {std::to_string(x.id), idText(x.incident), std::to_string(x.number),
                          formatTime(x.start), formatTime(x.end), x.objectives});
  writeFile(dir / kPeriodsFile, out);

  out = header(kAgencyColumns);
  for (const auto& x : snap.agencies)
    appendCsvRecord(
        out,
        {std::to_string(x.id), x.code, x.name, enumText(x.type), enumText(x.role), x.discipline,
         x.jurisdiction, x.location, x.position ? formatNumber(x.position->lat) : "",
         x.position ? formatNumber(x.position->lon) : "", x.agreements, x.resources,
         std::to_string(x.personnel), x.condition, x.constraints, x.rep_location, x.notes});
  writeFile(dir / kAgenciesFile, out);

  out = header(kRepresentativeColumns);
  std::string contacts = header(kContactColumns);
  for (const auto& x : snap.representatives) {
    appendCsvRecord(out, {std::to_string(x.id), idText(x.agency), x.name, x.position, x.shift,
                          std::string(formatBool(x.on_duty))});
    for (const auto& c : x.contacts)
      appendCsvRecord(contacts, {std::to_string(x.id), enumText(c.kind), c.value,
                                 std::string(formatBool(c.sensitive)), c.note});
  }
  writeFile(dir / kRepresentativesFile, out);
  writeFile(dir / kContactsFile, contacts);

  out = header(kChannelColumns);
  for (const auto& x : snap.channels)
    appendCsvRecord(out, {std::to_string(x.id), idText(x.from_rep), idText(x.to_rep),
                          idText(x.from_agency), idText(x.to_agency), enumText(x.medium),
                          x.identifier, formatNumber(x.latency_min), formatNumber(x.reliability),
                          enumText(x.status), x.two_way ? "two_way" : "one_way", x.notes});
  writeFile(dir / kChannelsFile, out);

  out = header(kNeedColumns);
  for (const auto& x : snap.needs)
    appendCsvRecord(out, {std::to_string(x.id), idText(x.agency_a), idText(x.agency_b), x.reason,
                          enumText(x.priority), enumText(x.source), idText(x.task)});
  writeFile(dir / kNeedsFile, out);

  out = header(kEventColumns);
  for (const auto& x : snap.events)
    appendCsvRecord(
        out, {std::to_string(x.id), idText(x.incident), formatTime(x.time), enumText(x.kind),
              formatIdList(x.agencies), x.text, x.source, std::string(formatBool(x.significant))});
  writeFile(dir / kEventsFile, out);

  out = header(kTaskColumns);
  for (const auto& x : snap.tasks)
    appendCsvRecord(
        out, {std::to_string(x.id), idText(x.incident), x.title, x.description, enumText(x.status),
              enumText(x.priority), idText(x.owner_agency), idText(x.owner_rep),
              formatIdList(x.involved), timeText(x.due), formatIdList(x.depends_on)});
  writeFile(dir / kTasksFile, out);

  writeFile(dir / kFeaturesFile, writeFeatureCollection(toGeoFeatures(snap.features)));
}

}  // namespace liaison::core
