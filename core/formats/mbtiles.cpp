#include "core/formats/mbtiles.hpp"

#include <sqlite3.h>

#include <algorithm>
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

class Query {
 public:
  Query(sqlite3* db, const char* sql, const std::filesystem::path& path) : m_db(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
      const std::string msg = sqlite3_errmsg(db);
      sqlite3_finalize(m_stmt);
      m_stmt = nullptr;
      throw MbtilesError(quoted(path) + " is not an MBTiles file: " + msg);
    }
  }
  ~Query() { sqlite3_finalize(m_stmt); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  bool step(const std::filesystem::path& path) {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw MbtilesError("cannot read " + quoted(path) + ": " + sqlite3_errmsg(m_db));
  }
  std::string text(int col) const {
    const auto* t = sqlite3_column_text(m_stmt, col);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
  int integer(int col) const { return sqlite3_column_int(m_stmt, col); }
  std::int64_t i64(int col) const { return sqlite3_column_int64(m_stmt, col); }
  sqlite3_stmt* get() const { return m_stmt; }

 private:
  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

// The columns of a table or view, lower-cased names; empty when it does not exist.
std::vector<std::string> columnsOf(sqlite3* db, const std::string& table,
                                   const std::filesystem::path& path) {
  Query q(db, ("PRAGMA table_info(\"" + table + "\")").c_str(), path);
  std::vector<std::string> out;
  while (q.step(path)) {
    std::string c = q.text(1);
    for (char& ch : c) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out.push_back(c);
  }
  return out;
}

void requireColumns(sqlite3* db, const std::string& table, std::initializer_list<const char*> want,
                    const std::filesystem::path& path) {
  const auto cols = columnsOf(db, table, path);
  if (cols.empty())
    throw MbtilesError(quoted(path) + " is not an MBTiles file: it has no '" + table +
                       "' table or view");
  for (const char* w : want)
    if (std::find(cols.begin(), cols.end(), w) == cols.end()) {
      std::string expected;
      for (const char* e : want) expected += std::string(expected.empty() ? "" : ", ") + e;
      throw MbtilesError(quoted(path) + " is not an MBTiles file: its '" + table +
                         "' table has no column '" + w + "' (expected " + expected + ")");
    }
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

std::unique_ptr<MbtilesReader> MbtilesReader::open(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw MbtilesError(quoted(path) + ": no such file");
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    const std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    throw MbtilesError("cannot open " + quoted(path) + ": " + msg);
  }
  std::unique_ptr<MbtilesReader> r(new MbtilesReader(path, db));
  // The first read tells whether this is SQLite at all ("file is not a database").
  if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) !=
      SQLITE_OK)
    throw MbtilesError(quoted(path) + " is not an MBTiles file: it is not an SQLite database (" +
                       sqlite3_errmsg(db) + ")");
  requireColumns(db, "metadata", {"name", "value"}, path);
  requireColumns(db, "tiles", {"zoom_level", "tile_column", "tile_row", "tile_data"}, path);

  MbtilesInfo& info = r->m_info;
  std::map<std::string, std::string> meta;
  {
    Query q(db, "SELECT name, value FROM metadata", path);
    while (q.step(path)) meta[q.text(0)] = q.text(1);
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
  if (format == "png")
    info.format = TileFormat::Png;
  else if (format == "jpg" || format == "jpeg")
    info.format = TileFormat::Jpg;
  else if (format.empty())
    throw MbtilesError(quoted(path) +
                       ": the metadata has no 'format'; expected png or jpg (raster tiles)");
  else
    throw MbtilesError(quoted(path) + ": tile format '" + format +
                       "' is not supported; expected png or jpg (raster tiles; vector tiles "
                       "(pbf) are not drawn)");
  if (const std::string b = get("bounds"); !b.empty()) {
    const auto v = numbers(b, 4);
    if (!v || (*v)[0] < -180 || (*v)[2] > 180 || (*v)[1] < -90 || (*v)[3] > 90 ||
        (*v)[0] >= (*v)[2] || (*v)[1] >= (*v)[3])
      throw MbtilesError(quoted(path) + ": metadata bounds '" + b +
                         "' is not valid; expected \"west,south,east,north\" in degrees, e.g. "
                         "\"-77.2,41.25,-77.1,41.35\"");
    info.bounds = std::array<double, 4>{(*v)[0], (*v)[1], (*v)[2], (*v)[3]};
  }
  if (const std::string c = get("center"); !c.empty()) {
    auto v = numbers(c, 3);
    if (!v) v = numbers(c, 2);
    if (v) {
      info.center = LonLat{(*v)[0], (*v)[1]};
      if (v->size() == 3) info.center_zoom = static_cast<int>((*v)[2]);
    }
  }
  std::optional<int> minz = integer(get("minzoom")), maxz = integer(get("maxzoom"));
  {
    Query q(db, "SELECT min(zoom_level), max(zoom_level), count(*) FROM tiles", path);
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

  if (sqlite3_prepare_v2(db,
                         "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
                         "AND tile_row = ?",
                         -1, &r->m_tileStmt, nullptr) != SQLITE_OK)
    throw MbtilesError("cannot read " + quoted(path) + ": " + sqlite3_errmsg(db));
  return r;
}

std::optional<std::vector<std::uint8_t>> MbtilesReader::tile(const tiles::TileId& t) const {
  if (!tiles::valid(t)) return std::nullopt;
  std::lock_guard lock(m_mutex);
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
    const std::string msg = sqlite3_errmsg(m_db);
    sqlite3_reset(m_tileStmt);
    throw MbtilesError("cannot read tile " + std::to_string(t.z) + "/" + std::to_string(t.x) +
                       "/" + std::to_string(t.y) + " from " + quoted(m_path) + ": " + msg);
  }
  sqlite3_reset(m_tileStmt);
  return out;
}

}  // namespace liaison::core
