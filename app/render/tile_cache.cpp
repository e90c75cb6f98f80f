#include "tile_cache.hpp"

#include "core/formats/tile_image.hpp"

#include <algorithm>
#include <chrono>
#include <limits>

namespace liaison::app {

using core::tiles::ancestor;
using core::tiles::subRect;

std::optional<TileImage> decodeTile(const std::vector<std::uint8_t>& bytes, std::string* why) {
  // core/formats/tile_image: PNG, JPEG and WEBP, dimensions checked before decoding.
  auto decoded = core::decodeTileImage(bytes, why);
  if (!decoded) return std::nullopt;
  return TileImage{decoded->width, decoded->height, std::move(decoded->rgba)};
}

TileCache::TileCache(TileFetch fetch, TextureUploader& uploader, int minzoom, int maxzoom,
                     TileCacheOptions options)
    : m_fetch(std::move(fetch)),
      m_uploader(uploader),
      m_minzoom(minzoom),
      m_maxzoom(maxzoom),
      m_options(options) {
  m_worker.start([this] { work(); }, [this] {
    { std::lock_guard lock(m_mutex); }
    m_wake.notify_all();
  });
}

TileCache::~TileCache() {
  m_worker.stop();
  for (const auto& [id, e] : m_entries) m_uploader.release(e.texture);
}

void TileCache::work() {
  for (;;) {
    TileId t;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [&] { return m_worker.stopping() || !m_queue.empty(); });
      if (m_worker.stopping()) return;
      t = m_queue.front();
      m_queue.pop_front();
      ++m_decoding;
    }
    std::optional<TileImage> image;
    std::string error;
    try {
      if (auto bytes = m_fetch(t)) image = decodeTile(*bytes, &error);
    } catch (const std::exception& e) {
      error = e.what();
    }
    {
      std::lock_guard lock(m_mutex);
      --m_decoding;
      ++m_decoded;
      if (!error.empty())
        m_lastError = "tile " + std::to_string(t.z) + "/" + std::to_string(t.x) + "/" +
                      std::to_string(t.y) + ": " + error;
      m_ready.push_back(Ready{t, std::move(image)});
    }
    m_done.notify_all();
  }
}

void TileCache::beginFrame() {
  ++m_frame;
  m_wanted.clear();
}

void TileCache::touch(const TileId& t) {
  Entry& e = m_entries.at(t);
  e.frame = m_frame;
  e.tick = ++m_tick;
}

std::optional<TileCache::Draw> TileCache::lookup(const TileId& t) {
  if (!core::tiles::valid(t)) return std::nullopt;
  if (auto it = m_entries.find(t); it != m_entries.end()) {
    touch(t);
    return Draw{it->second.texture, {}, t};
  }
  bool missing = m_missing.contains(t) || t.z > m_maxzoom || t.z < m_minzoom;
  if (!missing) m_wanted.push_back(t);
  for (int up = 1; t.z - up >= m_minzoom; ++up) {
    const TileId a = ancestor(t, up);
    if (auto it = m_entries.find(a); it != m_entries.end()) {
      touch(a);
      return Draw{it->second.texture, subRect(t, a), a};
    }
    // A sparse file: the tile itself is not there, so load the nearest ancestor that may be.
    if (missing && a.z <= m_maxzoom && !m_missing.contains(a)) {
      m_wanted.push_back(a);
      missing = false;
    }
  }
  return std::nullopt;
}

void TileCache::endFrame() {
  {
    std::lock_guard lock(m_mutex);
    // The queue becomes this frame's wishes: tiles scrolled away are not decoded any more.
    for (const TileId& q : m_queue) m_busy.erase(q);
    m_queue.clear();
    for (const TileId& t : m_wanted)
      if (!m_entries.contains(t) && m_busy.insert(t).second) m_queue.push_back(t);
  }
  m_wanted.clear();
  m_wake.notify_one();

  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  const bool unlimited = m_unlimitedOnce;
  m_unlimitedOnce = false;
  int uploads = 0;
  for (;;) {
    if (!unlimited) {
      if (uploads >= m_options.uploads_per_frame) break;
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      if (m_options.upload_ms_per_frame > 0 && uploads > 0 && ms >= m_options.upload_ms_per_frame)
        break;
    }
    Ready r;
    {
      std::lock_guard lock(m_mutex);
      if (m_ready.empty()) break;
      r = std::move(m_ready.front());
      m_ready.pop_front();
      m_busy.erase(r.id);
    }
    if (!r.image) {
      if (m_missing.size() > 65536) m_missing.clear();  // bounded; they are cheap to re-learn
      m_missing.insert(r.id);
      continue;
    }
    if (m_entries.contains(r.id)) continue;
    const TextureHandle tex = m_uploader.upload(*r.image);
    ++uploads;
    if (!tex) {
      m_missing.insert(r.id);
      std::lock_guard lock(m_mutex);
      m_lastError = "could not make a texture for a tile";
      continue;
    }
    // Asked for by this frame (or one just before): pinned like the tiles drawn, or a view
    // with more tiles than the capacity would evict its own new tiles and never fill.
    m_entries.emplace(r.id, Entry{tex, m_frame, ++m_tick});
  }
  m_uploadsLastFrame = uploads;

  // Evict the least recently used; a tile drawn this frame stays even over capacity.
  while (m_entries.size() > m_options.capacity) {
    auto victim = m_entries.end();
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
      if (it->second.frame != m_frame &&
          (victim == m_entries.end() || it->second.tick < victim->second.tick))
        victim = it;
    if (victim == m_entries.end()) break;
    m_uploader.release(victim->second.texture);
    m_entries.erase(victim);
    ++m_evictions;
  }
}

bool TileCache::idle() const {
  std::lock_guard lock(m_mutex);
  return m_queue.empty() && m_decoding == 0 && m_ready.empty();
}

bool TileCache::waitDecoded(double seconds) {
  std::unique_lock lock(m_mutex);
  return m_done.wait_for(lock, std::chrono::duration<double>(seconds),
                         [&] { return m_queue.empty() && m_decoding == 0; });
}

std::vector<TileId> TileCache::residentByAge() const {
  std::vector<std::pair<std::uint64_t, TileId>> v;
  for (const auto& [id, e] : m_entries) v.emplace_back(e.tick, id);
  std::sort(v.begin(), v.end());
  std::vector<TileId> out;
  for (const auto& [tick, id] : v) out.push_back(id);
  return out;
}

std::size_t TileCache::decoded() const {
  std::lock_guard lock(m_mutex);
  return m_decoded;
}

std::string TileCache::lastError() const {
  std::lock_guard lock(m_mutex);
  return m_lastError;
}

}  // namespace liaison::app
