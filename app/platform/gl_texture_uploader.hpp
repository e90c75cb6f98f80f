// The GL side of the tile cache: one RGBA texture per tile (linear filtering, clamped edges).
// Main thread only, with the window's GL context current.
#pragma once

#include <memory>

#include "app/render/tile_cache.hpp"

namespace liaison::app {

class GlTextureUploader final : public TextureUploader {
 public:
  TextureHandle upload(const TileImage& image) override;
  void release(TextureHandle texture) override;
};

// A GL uploader when a GL context is current on this thread, else null (headless tests).
std::unique_ptr<TextureUploader> makeGlTextureUploaderIfCurrent();

// Wakes the interactive loop so it draws another frame soon (a zoom animation, tiles still
// arriving); does nothing without a GL window.
void requestAnotherFrame();

}  // namespace liaison::app
