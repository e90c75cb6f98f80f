#include "core/formats/mbtiles.hpp"

#include <sqlite3.h>

#include "core/formats/input_file.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <cctype>
#include <cmath>
#include <map>
#include <sstream>

namespace liaison::core {
namespace {

std::string quoted(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

// Parses "a,b,c[,d]" into exactly n finite numbers.
std::optional<std::vector<double>> numbers(const std::string& text, std::size_t n) {
  std::vector<double> out;
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, ',')) {
    try {
      std::size_t used = 0;
      const double v = std::stod(part, &used);
      if (part.find_first_not_of(" \t", used) != std::string::npos || !std::isfinite(v))
        return std::nullopt;
      out.push_back(v);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  if (out.size() != n) return std::nullopt;
  return out;
}

std::optional<int> integer(const std::string& text) {
  try {
    std::size_t used = 0;
    const int v = std::stoi(text, &used);
    if (text.find_first_not_of(" \t", used) != std::string::npos) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

using Budget = MbtilesReader::Budget;

std::int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void startBudget(Budget& b, double seconds) {
  b.seconds = seconds;
  b.deadline_ns = nowNs() + static_cast<std::int64_t>(seconds * 1e9);
}

// Called by SQLite every 1000 virtual machine steps: non-zero interrupts the query.
int overBudget(void* budget) {
  return nowNs() > static_cast<const Budget*>(budget)->deadline_ns ? 1 : 0;
}

// SQLite's message, which may quote names from the file's schema: short, no control characters.
std::string sqliteMessage(sqlite3* db) { return excerpt(sqlite3_errmsg(db), 200); }

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

// Why a step failed, in words for the file's user.
std::string stepFailure(sqlite3* db, int rc, const Budget& budget) {
  if (rc == SQLITE_INTERRUPT)
    return "a query took longer than " + seconds(budget.seconds) +
           " s (the file is too large or built to be slow); expected a basemap that answers in "
           "time";
  if (rc == SQLITE_TOOBIG)
    return "a value is larger than " + std::to_string(kMaxMbtilesValueBytes >> 20) +
           " MB; expected tiles and metadata values below that";
  return sqliteMessage(db);
}

class Query {
 public:
  // Runs within the budget's current length (set when the reader opened, or per tile).
  Query(sqlite3* db, const char* sql, const std::filesystem::path& path, Budget& budget)
      : m_db(db), m_budget(budget) {
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
      const std::string msg = sqliteMessage(db);
      sqlite3_finalize(m_stmt);
      m_stmt = nullptr;
      throw MbtilesError(quoted(path) + " is not an MBTiles file: " + msg);
    }
    startBudget(m_budget, m_budget.seconds);
  }
  ~Query() { sqlite3_finalize(m_stmt); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  bool step(const std::filesystem::path& path) {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw MbtilesError("cannot read " + quoted(path) + ": " + stepFailure(m_db, rc, m_budget));
  }
  std::string text(int col) const {
    const auto* t = sqlite3_column_text(m_stmt, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)))
             : "";
  }
  std::size_t bytes(int col) const {
    return static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col));
  }
  bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
  int integer(int col) const { return sqlite3_column_int(m_stmt, col); }
  std::int64_t i64(int col) const { return sqlite3_column_int64(m_stmt, col); }
  std::vector<std::uint8_t> blob(int col) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, col));
    const int n = sqlite3_column_bytes(m_stmt, col);
    return p && n > 0 ? std::vector<std::uint8_t>(p, p + n) : std::vector<std::uint8_t>();
  }
  sqlite3_stmt* get() const { return m_stmt; }

 private:
  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
  Budget& m_budget;
};

// The columns of a table, lower-cased names; empty when it does not exist.
std::vector<std::string> columnsOf(sqlite3* db, const std::string& table,
                                   const std::filesystem::path& path, Budget& budget) {
  Query q(db, ("PRAGMA table_info(\"" + table + "\")").c_str(), path, budget);
  std::vector<std::string> out;
  while (q.step(path)) {
    std::string c = q.text(1);
    for (char& ch : c) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out.push_back(c);
  }
  return out;
}

// How an object of the schema is stored: "table", "view", "virtual" (a virtual table: module
// code, not data) or "" when the file has none of that name.
std::string objectType(sqlite3* db, const std::string& name, const std::filesystem::path& path,
                       Budget& budget) {
  Query q(db,
          "SELECT type, substr(upper(ltrim(sql)), 1, 20) FROM sqlite_master "
          "WHERE lower(name) = lower(?) AND type IN ('table', 'view')",
          path, budget);
  sqlite3_bind_text(q.get(), 1, name.c_str(), -1, SQLITE_TRANSIENT);
  if (!q.step(path)) return "";
  const std::string type = q.text(0);
  if (type == "table" && q.text(1).rfind("CREATE VIRTUAL", 0) == 0) return "virtual";
  return type;
}

void requireColumns(sqlite3* db, const std::string& table, std::initializer_list<const char*> want,
                    const std::filesystem::path& path, Budget& budget) {
  const auto cols = columnsOf(db, table, path, budget);
  for (const char* w : want)
    if (std::find(cols.begin(), cols.end(), w) == cols.end()) {
      std::string expected;
      for (const char* e : want) expected += std::string(expected.empty() ? "" : ", ") + e;
      throw MbtilesError(quoted(path) + " is not an MBTiles file: its '" + table +
                         "' table has no column '" + w + "' (expected " + expected + ")");
    }
}

// The format of an encoded tile from its first bytes, or nullopt.
std::optional<TileFormat> sniff(const std::vector<std::uint8_t>& b) {
  const auto starts = [&](std::string_view magic, std::size_t at = 0) {
    if (b.size() < at + magic.size()) return false;
    for (std::size_t i = 0; i < magic.size(); ++i)
      if (b[at + i] != static_cast<std::uint8_t>(magic[i])) return false;
    return true;
  };
  if (starts("\x89PNG\r\n\x1a\n")) return TileFormat::Png;
  if (starts("\xFF\xD8\xFF")) return TileFormat::Jpg;
  if (starts("RIFF") && starts("WEBP", 8)) return TileFormat::Webp;
  return std::nullopt;
}

}  // namespace

std::string plainAttribution(const std::string& html) {
  static const std::map<std::string, std::string> entities = {
      {"&copy;", "\xC2\xA9"}, {"&amp;", "&"},  {"&lt;", "<"},   {"&gt;", ">"},
      {"&quot;", "\""},       {"&#39;", "'"}, {"&nbsp;", " "}};
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      const std::size_t end = html.find('>', i);
      if (end == std::string::npos) break;
      i = end + 1;
      continue;
    }
    if (html[i] == '&') {
      bool replaced = false;
      for (const auto& [entity, text] : entities)
        if (html.compare(i, entity.size(), entity) == 0) {
          out += text;
          i += entity.size();
          replaced = true;
          break;
        }
      if (replaced) continue;
    }
    out += html[i++];
  }
  // Collapse runs of white space.
  std::string collapsed;
  for (char c : out) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : c;
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

MbtilesReader::MbtilesReader(std::filesystem::path path, sqlite3* db)
    : m_path(std::move(path)), m_db(db) {}

MbtilesReader::~MbtilesReader() {
  sqlite3_finalize(m_tileStmt);
  sqlite3_close_v2(m_db);
}

const char* toString(TileFormat format) {
  switch (format) {
    case TileFormat::Png:
      return "png";
    case TileFormat::Jpg:
      return "jpg";
    case TileFormat::Webp:
      return "webp";
  }
  return "?";
}

std::unique_ptr<MbtilesReader> MbtilesReader::open(const std::filesystem::path& path,
                                                   const MbtilesBudgets& budgets) {
  // A regular file (a FIFO would block SQLite's open; a device is no database).
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
    throw MbtilesError(quoted(path) + ": no such file");
  try {
    InputFile check(path, "expected an MBTiles file", std::numeric_limits<std::size_t>::max());
  } catch (const InputFileError& e) {
    throw MbtilesError(quoted(path) + ": " + e.what());
  }
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    const std::string msg = db ? sqliteMessage(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    throw MbtilesError("cannot open " + quoted(path) + ": " + msg);
  }
  std::unique_ptr<MbtilesReader> r(new MbtilesReader(path, db));
  r->m_budgets = budgets;
  // An untrusted file: nothing it holds runs or writes. Views and triggers off, functions in
  // its schema limited to harmless ones, no writable schema, no value above the limit.
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, kMaxMbtilesValueBytes);
  sqlite3_progress_handler(db, 1000, overBudget, &r->m_budget);
  Budget& budget = r->m_budget;
  startBudget(budget, budgets.open_query_seconds);
  // The first read tells whether this is SQLite at all ("file is not a database").
  if (sqlite3_exec(db, "PRAGMA query_only = 1; SELECT count(*) FROM sqlite_master", nullptr,
                   nullptr, nullptr) != SQLITE_OK)
    throw MbtilesError(quoted(path) + " is not an MBTiles file: it is not an SQLite database (" +
                       sqliteMessage(db) + ")");

  const auto notTable = [&](const std::string& name, const std::string& type) {
    if (type.empty())
      throw MbtilesError(quoted(path) + " is not an MBTiles file: it has no '" + name + "' table");
    throw MbtilesError(quoted(path) + ": its '" + name + "' is " +
                       (type == "view" ? "a view" : "a virtual table") +
                       ", not a table; Liaison reads only tables from a basemap (a view runs the "
                       "file's own SQL)");
  };
  if (const std::string t = objectType(db, "metadata", path, budget); t != "table")
    notTable("metadata", t);
  requireColumns(db, "metadata", {"name", "value"}, path, budget);
  // The tiles: a table, or mbutil's deduplicated tables behind a view (read directly).
  std::string tileFrom = "tiles", tileSelect = "tile_data";
  if (const std::string t = objectType(db, "tiles", path, budget); t == "table") {
    requireColumns(db, "tiles", {"zoom_level", "tile_column", "tile_row", "tile_data"}, path,
                   budget);
  } else if (t == "view" && objectType(db, "map", path, budget) == "table" &&
             objectType(db, "images", path, budget) == "table") {
    requireColumns(db, "map", {"zoom_level", "tile_column", "tile_row", "tile_id"}, path, budget);
    requireColumns(db, "images", {"tile_id", "tile_data"}, path, budget);
    tileFrom = "map JOIN images ON images.tile_id = map.tile_id";
    tileSelect = "images.tile_data";
  } else {
    notTable("tiles", t);
  }

  MbtilesInfo& info = r->m_info;
  std::map<std::string, std::string> meta;
  {
    const std::string sql =
        "SELECT name, value FROM metadata LIMIT " + std::to_string(kMaxMetadataRows + 1);
    Query q(db, sql.c_str(), path, budget);
    std::size_t rows = 0;
    while (q.step(path)) {
      if (++rows > kMaxMetadataRows)
        throw MbtilesError(quoted(path) + ": the metadata table has more than " +
                           std::to_string(kMaxMetadataRows) +
                           " rows; expected the few an MBTiles file names (name, format, bounds, "
                           "...)");
      // Values above the limit are not kept (an attribution or description is far smaller).
      if (q.bytes(0) <= 256 && q.bytes(1) <= kMaxMetadataValueBytes) meta[q.text(0)] = q.text(1);
    }
  }
  const auto get = [&](const char* key) -> std::string {
    const auto it = meta.find(key);
    return it == meta.end() ? "" : it->second;
  };
  info.name = get("name");
  info.attribution = get("attribution");
  info.description = get("description");
  std::string format = get("format");
  for (char& ch : format) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (format == "png") {
    info.format = TileFormat::Png;
  } else if (format == "jpg" || format == "jpeg") {
    info.format = TileFormat::Jpg;
  } else if (format == "webp") {
    info.format = TileFormat::Webp;
  } else if (format.empty()) {
    // MapProxy leaves the metadata empty: the first tile's bytes tell.
    Query q(db, ("SELECT " + tileSelect + " FROM " + tileFrom + " LIMIT 1").c_str(), path, budget);
    std::optional<TileFormat> sniffed;
    if (q.step(path)) sniffed = sniff(q.blob(0));
    if (!sniffed)
      throw MbtilesError(quoted(path) +
                         ": the metadata has no 'format' and the first tile is neither PNG, JPEG "
                         "nor WEBP; expected raster tiles (or a 'format' of png, jpg or webp)");
    info.format = *sniffed;
  } else {
    throw MbtilesError(quoted(path) + ": tile format '" + excerpt(format) +
                       "' is not supported; expected png, jpg or webp (raster tiles; vector tiles "
                       "(pbf) are not drawn)");
  }
  if (const std::string b = get("bounds"); !b.empty()) {
    const auto v = numbers(b, 4);
    if (!v || (*v)[0] < -180 || (*v)[2] > 180 || (*v)[1] < -90 || (*v)[3] > 90 ||
        (*v)[0] >= (*v)[2] || (*v)[1] >= (*v)[3])
      throw MbtilesError(quoted(path) + ": metadata bounds '" + excerpt(b) +
                         "' is not valid; expected \"west,south,east,north\" in degrees, e.g. "
                         "\"-77.2,41.25,-77.1,41.35\"");
    info.bounds = std::array<double, 4>{(*v)[0], (*v)[1], (*v)[2], (*v)[3]};
  }
  if (const std::string c = get("center"); !c.empty()) {
    auto v = numbers(c, 3);
    if (!v) v = numbers(c, 2);
    if (v && std::fabs((*v)[0]) <= 180 && std::fabs((*v)[1]) <= 90) {
      info.center = LonLat{(*v)[0], (*v)[1]};
      if (v->size() == 3 && (*v)[2] >= 0 && (*v)[2] <= tiles::kMaxZoom)
        info.center_zoom = static_cast<int>((*v)[2]);
    }
  }
  std::optional<int> minz = integer(get("minzoom")), maxz = integer(get("maxzoom"));
  {
    const std::string z = tileFrom == "tiles" ? "zoom_level" : "map.zoom_level";
    Query q(db,
            ("SELECT min(" + z + "), max(" + z + "), count(*) FROM " +
             (tileFrom == "tiles" ? std::string("tiles") : std::string("map")))
                .c_str(),
            path, budget);
    q.step(path);
    info.tile_count = q.i64(2);
    if (info.tile_count == 0) throw MbtilesError(quoted(path) + " has no tiles");
    if (!minz) minz = q.integer(0);
    if (!maxz) maxz = q.integer(1);
  }
  if (*minz < 0 || *maxz > tiles::kMaxZoom || *minz > *maxz)
    throw MbtilesError(quoted(path) + ": zoom levels " + std::to_string(*minz) + " to " +
                       std::to_string(*maxz) + " are not valid; expected 0 <= minzoom <= maxzoom <= " +
                       std::to_string(tiles::kMaxZoom));
  info.minzoom = *minz;
  info.maxzoom = *maxz;

  const std::string sql = "SELECT " + tileSelect + " FROM " + tileFrom +
                          (tileFrom == "tiles" ? " WHERE zoom_level = ? AND tile_column = ? AND "
                                                 "tile_row = ?"
                                               : " WHERE map.zoom_level = ? AND map.tile_column "
                                                 "= ? AND map.tile_row = ?");
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &r->m_tileStmt, nullptr) != SQLITE_OK)
    throw MbtilesError("cannot read " + quoted(path) + ": " + sqliteMessage(db));
  return r;
}

std::optional<std::vector<std::uint8_t>> MbtilesReader::tile(const tiles::TileId& t) const {
  if (!tiles::valid(t)) return std::nullopt;
  std::lock_guard lock(m_mutex);
  startBudget(m_budget, m_budgets.tile_query_seconds);
  sqlite3_reset(m_tileStmt);
  sqlite3_bind_int(m_tileStmt, 1, t.z);
  sqlite3_bind_int(m_tileStmt, 2, t.x);
  sqlite3_bind_int(m_tileStmt, 3, tiles::flipRow(t.z, t.y));
  const int rc = sqlite3_step(m_tileStmt);
  std::optional<std::vector<std::uint8_t>> out;
  if (rc == SQLITE_ROW) {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_tileStmt, 0));
    const int n = sqlite3_column_bytes(m_tileStmt, 0);
    if (p && n > 0) out.emplace(p, p + n);
  } else if (rc != SQLITE_DONE) {
    const std::string msg = stepFailure(m_db, rc, m_budget);
    sqlite3_reset(m_tileStmt);
    throw MbtilesError("cannot read tile " + std::to_string(t.z) + "/" + std::to_string(t.x) +
                       "/" + std::to_string(t.y) + " from " + quoted(m_path) + ": " + msg);
  }
  sqlite3_reset(m_tileStmt);
  return out;
}

}  // namespace liaison::core
