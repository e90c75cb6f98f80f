// Tile decoding with stb_image (PNG, JPEG) and libwebp (WEBP); see tile_image.hpp.
#include "core/formats/tile_image.hpp"

#include <stb_image.h>
#include <webp/decode.h>

#include <limits>
#include <string_view>

namespace liaison::core {

namespace {

enum class Kind { Png, Jpeg, Webp, Other };

Kind kindOf(const std::vector<std::uint8_t>& b) {
  const auto starts = [&](std::string_view magic, std::size_t at = 0) {
    if (b.size() < at + magic.size()) return false;
    for (std::size_t i = 0; i < magic.size(); ++i)
      if (b[at + i] != static_cast<std::uint8_t>(magic[i])) return false;
    return true;
  };
  if (starts("\x89PNG\r\n\x1a\n")) return Kind::Png;
  if (starts("\xFF\xD8\xFF")) return Kind::Jpeg;
  if (starts("RIFF") && starts("WEBP", 8)) return Kind::Webp;
  return Kind::Other;
}

std::optional<DecodedTile> refuse(std::string* why, std::string reason) {
  if (why) *why = std::move(reason);
  return std::nullopt;
}

bool sane(int w, int h) { return w > 0 && h > 0 && w <= kMaxTileSide && h <= kMaxTileSide; }

std::string tooLarge(int w, int h) {
  return "tile image of " + std::to_string(w) + " x " + std::to_string(h) +
         " pixels; expected at most " + std::to_string(kMaxTileSide) + " x " +
         std::to_string(kMaxTileSide);
}

}  // namespace

std::optional<DecodedTile> decodeTileImage(const std::vector<std::uint8_t>& bytes,
                                           std::string* why) {
  if (bytes.empty()) return refuse(why, "empty tile");
  if (bytes.size() > kMaxTileBytes)
    return refuse(why, "tile of " + std::to_string(bytes.size() >> 20) + " MB; expected at most " +
                           std::to_string(kMaxTileBytes >> 20) + " MB");
  const Kind kind = kindOf(bytes);
  DecodedTile img;
  if (kind == Kind::Webp) {
    int w = 0, h = 0;
    if (!WebPGetInfo(bytes.data(), bytes.size(), &w, &h))
      return refuse(why, "tile image does not decode: not a valid WEBP header");
    if (!sane(w, h)) return refuse(why, tooLarge(w, h));
    img.width = w;
    img.height = h;
    img.rgba.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    if (!WebPDecodeRGBAInto(bytes.data(), bytes.size(), img.rgba.data(), img.rgba.size(), w * 4))
      return refuse(why, "tile image does not decode: broken WEBP data");
    return img;
  }
  if (kind == Kind::Other)
    return refuse(why, "tile image does not decode: it is neither PNG, JPEG nor WEBP");
  // stb_image is reentrant as long as nobody changes its global flags (we never do).
  const int n = static_cast<int>(bytes.size());
  int w = 0, h = 0, comp = 0;
  if (!stbi_info_from_memory(bytes.data(), n, &w, &h, &comp))
    return refuse(why, std::string("tile image does not decode: ") + stbi_failure_reason());
  if (!sane(w, h)) return refuse(why, tooLarge(w, h));
  stbi_uc* px = stbi_load_from_memory(bytes.data(), n, &w, &h, &comp, 4);
  if (!px) return refuse(why, std::string("tile image does not decode: ") + stbi_failure_reason());
  if (!sane(w, h)) {
    stbi_image_free(px);
    return refuse(why, tooLarge(w, h));
  }
  img.width = w;
  img.height = h;
  img.rgba.assign(px, px + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  stbi_image_free(px);
  return img;
}

}  // namespace liaison::core
