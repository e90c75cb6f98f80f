// Basemap tiles for the map view: encoded tiles are read and decoded (stb_image) on a worker
// thread; textures are made on the main thread, at most a budget per frame, through a
// TextureUploader (GL in the app, a fake in tests); a bounded LRU cache evicts the tiles used
// least recently but never one drawn this frame; a tile still loading is drawn from its
// nearest loaded ancestor (the right UV sub-rectangle, scaled). No ImGui, no GL here.
//
// Per frame, on the main thread:  beginFrame(); lookup(t) for each visible tile; endFrame().
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "app/shell/worker_thread.hpp"
#include "core/geo/tile_math.hpp"

namespace liaison::app {

using core::tiles::TileId;

struct TileImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4, top row first
};

// PNG or JPEG bytes to RGBA; nullopt (and a reason) when they do not decode.
std::optional<TileImage> decodeTile(const std::vector<std::uint8_t>& bytes, std::string* why);

using TextureHandle = std::uintptr_t;  // 0: none

// Makes and frees textures; called on the main thread only (GL objects belong to it).
class TextureUploader {
 public:
  virtual ~TextureUploader() = default;
  virtual TextureHandle upload(const TileImage& image) = 0;  // 0 when it failed
  virtual void release(TextureHandle texture) = 0;
};

struct TileCacheOptions {
  std::size_t capacity = 192;     // textures kept; exceeded only by tiles drawn this frame
  int uploads_per_frame = 6;      // at most this many textures made per frame...
  double upload_ms_per_frame = 6;  // ...and none started after this long (0: no time limit)
};

// Reads one encoded tile (XYZ); nullopt when the source has none. Called on the worker.
using TileFetch = std::function<std::optional<std::vector<std::uint8_t>>(const TileId&)>;

class TileCache {
 public:
  TileCache(TileFetch fetch, TextureUploader& uploader, int minzoom, int maxzoom,
            TileCacheOptions options = {});
  ~TileCache();  // stops the worker and releases every texture
  TileCache(const TileCache&) = delete;
  TileCache& operator=(const TileCache&) = delete;

  struct Draw {
    TextureHandle texture = 0;
    core::tiles::UvRect uv;  // the part of the texture that covers the tile asked for
    TileId source;           // the tile itself or the ancestor drawn in its place
  };

  void beginFrame();
  // What to draw for tile t this frame: t, or its nearest loaded ancestor while t loads (or
  // when the file has no t). Asks the worker for t when needed. Both are pinned this frame.
  std::optional<Draw> lookup(const TileId& t);
  // Hands this frame's requests to the worker, makes textures of decoded tiles within the
  // budget, and evicts down to capacity (least recently used first, never a pinned tile).
  void endFrame();

  // Nothing asked for is waiting to be decoded or uploaded.
  bool idle() const;
  // Blocks until the worker has decoded everything asked for (at most `seconds`); true when
  // it has.
  bool waitDecoded(double seconds);
  // The next endFrame() makes textures of everything decoded, whatever the budget: for
  // screenshots, which show settled pictures.
  void uploadAllNextFrame() { m_unlimitedOnce = true; }

  // For tests and the status line.
  bool resident(const TileId& t) const { return m_entries.contains(t); }
  std::size_t residentCount() const { return m_entries.size(); }
  std::vector<TileId> residentByAge() const;  // least recently used first
  int uploadsLastFrame() const { return m_uploadsLastFrame; }
  std::size_t evictions() const { return m_evictions; }
  std::size_t decoded() const;
  std::string lastError() const;
  const TileCacheOptions& options() const { return m_options; }

 private:
  struct Entry {
    TextureHandle texture = 0;
    std::uint64_t frame = 0;  // the last frame it was drawn in (pinned while == m_frame)
    std::uint64_t tick = 0;   // the last use, for LRU order
  };
  struct Ready {
    TileId id;
    std::optional<TileImage> image;  // nullopt: the source has no such tile (or it is broken)
  };
  void touch(const TileId& t);
  void work();

  TileFetch m_fetch;
  TextureUploader& m_uploader;
  int m_minzoom, m_maxzoom;
  TileCacheOptions m_options;

  // Main thread only.
  std::unordered_map<TileId, Entry, core::tiles::TileIdHash> m_entries;
  std::unordered_set<TileId, core::tiles::TileIdHash> m_missing;  // the source has none
  std::vector<TileId> m_wanted;  // this frame's requests, in the order asked
  std::uint64_t m_frame = 0, m_tick = 0;
  int m_uploadsLastFrame = 0;
  std::size_t m_evictions = 0;
  bool m_unlimitedOnce = false;

  // Shared with the worker.
  mutable std::mutex m_mutex;
  std::condition_variable m_wake, m_done;
  std::deque<TileId> m_queue;  // to decode, most wanted first
  std::unordered_set<TileId, core::tiles::TileIdHash> m_busy;  // queued, decoding or ready
  std::deque<Ready> m_ready;   // decoded, waiting for a texture
  int m_decoding = 0;
  std::size_t m_decoded = 0;
  std::string m_lastError;
  WorkerThread m_worker;
};

}  // namespace liaison::app
