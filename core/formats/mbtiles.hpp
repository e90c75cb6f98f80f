// MBTiles 1.3 basemaps (one SQLite file of raster tiles), opened read-only. No UI, no GL, no
// image decoding (core/formats/tile_image.hpp decodes): the reader hands out each tile's
// encoded PNG, JPEG or WEBP bytes.
//   metadata(name, value): name, format (png | jpg | webp), bounds "W,S,E,N", center
//                          "lon,lat,zoom", minzoom, maxzoom, attribution, ... (minzoom/maxzoom are
//                          derived from the tiles when missing, the format from the first tile's
//                          bytes: MapProxy writes an empty metadata table)
//   tiles(zoom_level, tile_column, tile_row, tile_data): a table, rows in TMS order (counted
//                          from the south); tile() takes XYZ and flips. mbutil's deduplicated
//                          form (a tiles view over tables map and images) is read from the
//                          tables, with Liaison's own query.
//
// The file is untrusted: opened read-only with PRAGMA query_only, SQLite's defensive mode and an
// untrusted schema, views and triggers off, values above kMaxMbtilesValueBytes refused, and a
// time budget on every query (sqlite3_progress_handler). Only tables are read, never views: a
// view runs the file's own SQL (an endless recursive one hung import, screenshot and wall).
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

enum class TileFormat { Png, Jpg, Webp };
// "png", "jpg", "webp".
const char* toString(TileFormat format);

// Limits (docs/scenario-format.md, "Files and limits").
inline constexpr int kMaxMbtilesValueBytes = 16 << 20;     // any value read (a tile, a name)
inline constexpr std::size_t kMaxMetadataRows = 1000;       // rows of the metadata table
inline constexpr std::size_t kMaxMetadataValueBytes = 64 << 10;  // a metadata value kept
inline constexpr double kOpenQuerySeconds = 5.0;   // each query while opening (count(*) ...)
inline constexpr double kTileQuerySeconds = 1.0;   // each tile read

// The time budgets of one reader (tests make them short).
struct MbtilesBudgets {
  double open_query_seconds = kOpenQuerySeconds;
  double tile_query_seconds = kTileQuerySeconds;
};

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
  // Throws MbtilesError: missing or not a regular file, not SQLite, no metadata or tiles table
  // (or the wrong columns, or a view), format other than png/jpg/webp (or none and tiles of no
  // known format), malformed bounds, no tiles at all, a query past its time budget, a value or
  // the metadata past its limit.
  static std::unique_ptr<MbtilesReader> open(const std::filesystem::path& path,
                                              const MbtilesBudgets& budgets = {});
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

 public:
  // The time budget of the query about to run (read by the progress handler). Internal.
  struct Budget {
    std::int64_t deadline_ns = 0;  // steady clock
    double seconds = 0;
  };

 private:
  mutable Budget m_budget;
  MbtilesBudgets m_budgets;
};

}  // namespace liaison::core
