// Decoding a basemap tile (PNG, JPEG or WEBP bytes from an MBTiles file) to RGBA pixels, for the
// map view and the wall. The bytes come from an untrusted file, so the image's header is read
// first and only sane dimensions are decoded: a 16384 x 16384 PNG tile cost 2.2 GB and 8.7 s.
// No UI and no GL: the app uploads the pixels as a texture.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liaison::core {

// Limits (docs/scenario-format.md, "Files and limits"). Tiles are 256 or 512 pixels a side;
// 4096 leaves room for any retina tile set.
inline constexpr int kMaxTileSide = 4096;                  // pixels, each side
inline constexpr std::size_t kMaxTileBytes = 16u << 20;    // encoded

struct DecodedTile {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4, top row first
};

// PNG, JPEG or WEBP bytes (told apart by their first bytes) to RGBA; nullopt, with the reason in
// `why` when given, for another format, dimensions above kMaxTileSide (checked on the header,
// before anything is decoded), more than kMaxTileBytes, or bytes that do not decode.
std::optional<DecodedTile> decodeTileImage(const std::vector<std::uint8_t>& bytes,
                                           std::string* why = nullptr);

}  // namespace liaison::core
