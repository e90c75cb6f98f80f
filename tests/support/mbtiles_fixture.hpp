// Writes small MBTiles files for tests: every tile a solid colour that names its address
// (fixtureColour), PNG-encoded with stb_image_write, rows stored in TMS order as the format
// requires. Header-only; link SQLite and stb (liaison::stb or liaison::imgui).
#pragma once

#include <sqlite3.h>
#include <stb_image_write.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace liaison::test {

using Rgb = std::array<std::uint8_t, 3>;

// A distinct colour per tile up to zoom 2: red grows with z, green with x, blue with y.
inline Rgb fixtureColour(int z, int x, int y) {
  return {static_cast<std::uint8_t>(50 + 80 * z), static_cast<std::uint8_t>(30 + 40 * (x % 6)),
          static_cast<std::uint8_t>(30 + 40 * (y % 6))};
}

inline std::vector<std::uint8_t> encodePng(int w, int h, Rgb c) {
  std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 3);
  for (std::size_t i = 0; i < px.size(); i += 3) {
    px[i] = c[0];
    px[i + 1] = c[1];
    px[i + 2] = c[2];
  }
  std::vector<std::uint8_t> out;
  stbi_write_png_to_func(
      [](void* ctx, void* data, int size) {
        auto* v = static_cast<std::vector<std::uint8_t>*>(ctx);
        const auto* p = static_cast<const std::uint8_t*>(data);
        v->insert(v->end(), p, p + size);
      },
      &out, w, h, 3, px.data(), w * 3);
  return out;
}

struct MbtilesFixture {
  int minzoom = 0, maxzoom = 2;
  bool write_zoom_metadata = true;  // false: the reader must derive them from the tiles
  std::string format = "png";
  std::string name = "Test basemap";
  std::string attribution = "&copy; Test Map Contributors";
  std::string bounds = "-180,-85.0511,180,85.0511";
  int tile_size = 256;
  std::optional<Rgb> solid;  // every tile this colour instead of fixtureColour
  bool tiles_as_view = false;  // tiles as a view over map + images, as many writers do
  // Tiles to leave out (z, x, y in XYZ).
  std::vector<std::array<int, 3>> missing;
};

inline void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error("fixture SQL failed: " + msg + " in " + sql);
  }
}

inline void writeMbtiles(const std::filesystem::path& path, const MbtilesFixture& f = {}) {
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot create");
  exec(db, "BEGIN");
  exec(db, "CREATE TABLE metadata (name TEXT, value TEXT)");
  if (f.tiles_as_view) {
    exec(db,
         "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
         "tile_id TEXT)");
    exec(db, "CREATE TABLE images (tile_id TEXT PRIMARY KEY, tile_data BLOB)");
    exec(db,
         "CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS "
         "tile_column, map.tile_row AS tile_row, images.tile_data AS tile_data FROM map JOIN "
         "images ON images.tile_id = map.tile_id");
  } else {
    exec(db,
         "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
         "tile_data BLOB)");
  }
  sqlite3_stmt* meta = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO metadata VALUES (?, ?)", -1, &meta, nullptr);
  const auto put = [&](const std::string& k, const std::string& v) {
    sqlite3_bind_text(meta, 1, k.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(meta, 2, v.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(meta);
    sqlite3_reset(meta);
  };
  put("name", f.name);
  put("format", f.format);
  if (!f.bounds.empty()) put("bounds", f.bounds);
  put("center", "0,0," + std::to_string(f.minzoom));
  put("type", "baselayer");
  if (!f.attribution.empty()) put("attribution", f.attribution);
  if (f.write_zoom_metadata) {
    put("minzoom", std::to_string(f.minzoom));
    put("maxzoom", std::to_string(f.maxzoom));
  }
  sqlite3_finalize(meta);

  sqlite3_stmt* tile = nullptr;
  sqlite3_stmt* image = nullptr;
  if (f.tiles_as_view) {
    sqlite3_prepare_v2(db, "INSERT INTO map VALUES (?, ?, ?, ?)", -1, &tile, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO images VALUES (?, ?)", -1, &image, nullptr);
  } else {
    sqlite3_prepare_v2(db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", -1, &tile, nullptr);
  }
  for (int z = f.minzoom; z <= f.maxzoom; ++z)
    for (int x = 0; x < (1 << z); ++x)
      for (int y = 0; y < (1 << z); ++y) {
        bool skip = false;
        for (const auto& m : f.missing) skip = skip || (m[0] == z && m[1] == x && m[2] == y);
        if (skip) continue;
        const auto png = encodePng(f.tile_size, f.tile_size, f.solid ? *f.solid : fixtureColour(z, x, y));
        const int tms_row = (1 << z) - 1 - y;
        sqlite3_bind_int(tile, 1, z);
        sqlite3_bind_int(tile, 2, x);
        sqlite3_bind_int(tile, 3, tms_row);
        if (f.tiles_as_view) {
          const std::string id = std::to_string(z) + "/" + std::to_string(x) + "/" +
                                 std::to_string(y);
          sqlite3_bind_text(tile, 4, id.c_str(), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text(image, 1, id.c_str(), -1, SQLITE_TRANSIENT);
          sqlite3_bind_blob(image, 2, png.data(), static_cast<int>(png.size()), SQLITE_TRANSIENT);
          sqlite3_step(image);
          sqlite3_reset(image);
        } else {
          sqlite3_bind_blob(tile, 4, png.data(), static_cast<int>(png.size()), SQLITE_TRANSIENT);
        }
        sqlite3_step(tile);
        sqlite3_reset(tile);
      }
  sqlite3_finalize(tile);
  sqlite3_finalize(image);
  exec(db, "COMMIT");
  sqlite3_close(db);
}

}  // namespace liaison::test
