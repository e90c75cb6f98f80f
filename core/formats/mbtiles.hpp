// MBTiles 1.3 basemaps (one SQLite file of raster tiles), opened read-only. No UI, no GL, no
// image decoding: the reader hands out each tile's encoded PNG or JPEG bytes.
//   metadata(name, value): name, format (png | jpg), bounds "W,S,E,N", center "lon,lat,zoom",
//                          minzoom, maxzoom, attribution, ... (minzoom/maxzoom are derived from
//                          the tiles table when missing)
//   tiles(zoom_level, tile_column, tile_row, tile_data): a table or a view, rows in TMS order
//                          (counted from the south); tile() takes XYZ and flips.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/geo/tile_math.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace liaison::core {

// The file cannot be used as a basemap; the message says which file and why.
class MbtilesError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class TileFormat { Png, Jpg };

struct MbtilesInfo {
  std::string name;
  TileFormat format = TileFormat::Png;
  std::string attribution;  // may contain HTML as in the wild; see plainAttribution()
  std::string description;
  std::optional<std::array<double, 4>> bounds;  // west, south, east, north (degrees)
  std::optional<LonLat> center;
  std::optional<int> center_zoom;
  int minzoom = 0, maxzoom = 0;
  std::int64_t tile_count = 0;
};

// The attribution text without HTML tags and entities (&copy; -> ©), for drawing.
std::string plainAttribution(const std::string& html);

class MbtilesReader {
 public:
  // Throws MbtilesError: missing file, not SQLite, no metadata or tiles table (or the wrong
  // columns), format other than png/jpg, malformed bounds, no tiles at all.
  static std::unique_ptr<MbtilesReader> open(const std::filesystem::path& path);
  ~MbtilesReader();
  MbtilesReader(const MbtilesReader&) = delete;
  MbtilesReader& operator=(const MbtilesReader&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  const MbtilesInfo& info() const { return m_info; }

  // The encoded image of XYZ tile t, or nullopt when the file has none. Safe to call from
  // any thread (calls are serialised). Throws MbtilesError on a read error.
  std::optional<std::vector<std::uint8_t>> tile(const tiles::TileId& t) const;

 private:
  MbtilesReader(std::filesystem::path path, sqlite3* db);
  std::filesystem::path m_path;
  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_tileStmt = nullptr;
  mutable std::mutex m_mutex;
  MbtilesInfo m_info;
};

}  // namespace liaison::core
